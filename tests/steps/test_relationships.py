import re

from hypothesis import given, settings
from hypothesis import strategies as st

import ficlens
from ficlens.steps.relationships import _INTIMACY_RE, _ROMANCE_RE

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


_WORD_PIECES = [
    "Kiss", "kissed", "lips", "I love you", "GIRLFRIEND", "wife", "held her hand", "Heart raced", "make out", "touch",
    "close enough", "eyes met", "brushed", "\u017fex", "\u212aiss", "\u0130n love", "\u0131n love",
    "x", " ", "-", "'", "\n", "\u00e9",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=30))
def test_word_patterns_find_what_plain_alternations_find(parts):
    text = "".join(parts)
    for fast in (_ROMANCE_RE, _INTIMACY_RE):
        slow = re.compile(fast.pattern[fast.pattern.index("])") + 2 :], re.IGNORECASE)  # without the lookahead
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_a_pair_only_seen_together_rests_on_the_paragraphs_that_name_both():
    text = (
        "Anna Lee and Ben Cole walked to the station together. Anna Lee carried the bag and Ben Cole carried the tickets.\n\n"
        "Later Anna Lee and Ben Cole sat on the bench and watched the trains. Anna Lee smiled at Ben Cole.\n\n"
        "The train came. Anna Lee and Ben Cole got on it."
    )
    d = ficlens.analyze(text).to_dict()
    (rel,) = d["relationships"]
    assert len(rel["evidence"]) == 3
    assert all("Anna Lee" in text[e["start"] : e["end"]] and "Ben Cole" in text[e["start"] : e["end"]] for e in rel["evidence"])
