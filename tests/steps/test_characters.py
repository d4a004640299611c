import ficlens


def _chars(text, **kw):
    return {c["name"]: c for c in ficlens.analyze(text, **kw).to_dict()["characters"]}


STORY = """Derek Shepherd walked in. Derek looked tired.

"You look terrible," Mark said.

"Thanks, Mark," Derek said. Dr. Shepherd had heard worse.

Mark grinned. He sat down next to Derek.

Bored, Derek picked up a chart. Whatever it was, it could wait. They were in Seattle, after all.

Derek had been in Seattle for a year. Mark had followed him to Seattle."""


def test_characters_groups_names_of_one_person():
    chars = _chars(STORY)
    assert "Derek Shepherd" in chars
    assert {"Derek", "Dr. Shepherd"} <= set(chars["Derek Shepherd"]["aliases"])
    assert "Mark" in chars


def test_characters_rejects_interjections_and_places():
    chars = _chars(STORY)
    for word in ("Bored", "Whatever", "Seattle", "Thanks"):
        assert word not in chars


def test_characters_gender_from_pronouns_and_titles():
    chars = _chars(STORY + "\n\nMark smiled. He was happy. Mark laughed and he left.")
    assert chars["Mark"]["gender"] == "M"
    assert chars["Derek Shepherd"]["gender"] in ("M", None)
    assert _chars('Mrs. Weston smiled. "Hello," said Mrs. Weston.')["Mrs. Weston"]["gender"] == "F"


def test_characters_keep_people_with_a_shared_surname_apart():
    text = (
        'Mr. Knightley came in. "Good morning," said Mr. Knightley.\n\n'
        'Mr. John Knightley followed. "Hello," said Mr. John Knightley.\n\n'
        '"Well," said Mr. Knightley.'
    )
    chars = _chars(text)
    assert "Mr. Knightley" in chars and "Mr. John Knightley" in chars


def test_characters_on_page_versus_talked_about():
    text = '"Where is Cristina?" Meredith asked.\n\n"Cristina is with Burke," Derek said.\n\nMeredith sighed.'
    chars = _chars(text)
    assert chars["Meredith"]["on_page"] is True
    assert chars["Cristina"]["on_page"] is False


def test_characters_roster_names_win():
    roster = [{"id": "ds", "name": "Derek Shepherd", "aliases": ["Derek", "McDreamy"], "gender": "M"}]
    chars = _chars(STORY, characters=roster)
    assert chars["Derek Shepherd"]["aliases"][:2] == ["Derek", "McDreamy"]
    assert chars["Derek Shepherd"]["gender"] == "M"


def test_characters_nickname_joins_full_name():
    text = "Elizabeth Bennet laughed. Later, Lizzy ran off. Elizabeth Bennet smiled. Lizzy said nothing."
    chars = _chars(text)
    assert "Lizzy" in chars["Elizabeth Bennet"]["aliases"]
