import ficlens

ROMANCE = """Warning: slash!

Chapter 1

Derek Shepherd met Mark Sloan at the door.

"Hey," said Mark.

"Hey yourself," said Derek.

Mark kissed him, slow and sure. Derek held his hand.

"I love you," Mark said.

"I love you too," Derek whispered, and kissed him again.

Meredith Grey walked past. "Get a room," she said.

"Later," said Derek."""


def test_relationships_romantic_pair_with_evidence():
    d = ficlens.analyze(ROMANCE).to_dict()
    rels = d["relationships"]
    top = rels[0]
    names = {c["id"]: c["name"] for c in d["characters"]}
    assert {names[c] for c in top["characters"]} == {"Derek Shepherd", "Mark Sloan"}
    assert top["kind"] == "romantic"
    assert "/" in top["tag"]
    assert top["evidence"]
    for e in top["evidence"]:
        assert 0 <= e["start"] < e["end"] <= len(ROMANCE)


def test_relationships_platonic_without_romance():
    text = '"Ready?" asked Anna.\n\n"Always," said Ben.\n\n"Then go," said Anna.\n\n"Going," said Ben.'
    rels = ficlens.analyze(text).to_dict()["relationships"]
    assert rels and rels[0]["kind"] == "platonic" and " & " in rels[0]["tag"]


def test_relationships_declared_pairing_in_notes():
    text = "Pairing: Anna/Ben\n\nChapter 1\n\n" + '"Ready?" asked Anna.\n\n"Always," said Ben.'
    rels = ficlens.analyze(text).to_dict()["relationships"]
    assert rels[0]["kind"] == "romantic"
