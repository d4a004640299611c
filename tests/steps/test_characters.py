import ficlens


def _chars(text, **kw):
    """Characters by canonical name (a fandom roster may canonicalise "Mark" as "Mark Sloan")."""
    return {c["name"]: c for c in ficlens.analyze(text, **kw).to_dict()["characters"]}


def _by_any_name(text, **kw):
    return {n: c for c in _chars(text, **kw).values() for n in [c["name"], *c["aliases"]]}


STORY = """Tomas Varga walked in. Tomas looked tired.

"You look terrible," Leo said.

"Thanks, Leo," Tomas said. Dr. Varga had heard worse.

Leo grinned. He sat down next to Tomas.

Bored, Tomas picked up a chart. Whatever it was, it could wait. They were in Seattle, after all.

Tomas had been in Seattle for a year. Leo had followed him to Seattle."""


def test_characters_groups_names_of_one_person():
    chars = _chars(STORY)
    assert "Tomas Varga" in chars
    assert {"Tomas", "Dr. Varga"} <= set(chars["Tomas Varga"]["aliases"])
    assert "Leo" in chars


def test_characters_rejects_interjections_and_places():
    chars = _chars(STORY)
    for word in ("Bored", "Whatever", "Seattle", "Thanks"):
        assert word not in chars


def test_characters_gender_from_pronouns_and_titles():
    chars = _by_any_name(STORY + "\n\nLeo smiled. He was happy. Leo laughed and he left.")
    assert chars["Leo"]["gender"] == "M"
    assert chars["Tomas Varga"]["gender"] in ("M", None)
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
    chars = _by_any_name(text)
    assert chars["Meredith"]["on_page"] is True
    assert chars["Cristina"]["on_page"] is False


def test_characters_roster_names_win():
    roster = [{"id": "tv", "name": "Tomas Varga", "aliases": ["Tomas", "Tom"], "gender": "M"}]
    chars = _chars(STORY, characters=roster)
    assert chars["Tomas Varga"]["aliases"][:2] == ["Tomas", "Tom"]
    assert chars["Tomas Varga"]["gender"] == "M"


def test_characters_nickname_joins_full_name():
    text = "Elizabeth Bennet laughed. Later, Lizzy ran off. Elizabeth Bennet smiled. Lizzy said nothing."
    chars = _chars(text)
    assert "Lizzy" in chars["Elizabeth Bennet"]["aliases"]
