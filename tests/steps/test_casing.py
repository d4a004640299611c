"""Names written in capitals (shouting) and stories written all in lower case."""

import ficlens
from ficlens.steps import casing

ROSTER = [
    {"name": "Tobias", "gender": "M"},
    {"name": "Mara", "gender": "F"},
    {"name": "Draco Malfoy", "aliases": ["Draco"], "gender": "M"},
    {"name": "Will Byers", "aliases": ["Will"], "gender": "M"},
]

SHOUTING = (
    "Tobias ran down the hall. Mara was trapped behind the door.\n\n"
    '"TOBIAS, HELP ME!" Mara screamed. "I WILL NOT WAIT!"\n\n'
    '"I\'m coming," Tobias said. Draco Malfoy ran past.\n\n'
    '"DRACO MALFOY, GET BACK HERE!" shouted Mara.'
)


def _mentions(analysis):
    text = analysis.document.text
    return [(text[m.start : m.end], m.character) for m in analysis.document.mentions if m.kind == "name"]


def _addressees(analysis, said):
    text = analysis.document.text
    return next(q.addressees for q in analysis.document.quotes if text[q.start : q.end] == said)


def test_casing_finds_speech_written_in_capitals():
    doc = ficlens.analyze(SHOUTING).document
    found = [doc.text[s:e] for s, e in casing.shouted(doc)]
    assert found == ["TOBIAS, HELP ME", "I WILL NOT WAIT", "DRACO MALFOY, GET BACK HERE"]


def test_a_roster_name_shouted_in_capitals_is_found_and_called():
    a = ficlens.analyze(SHOUTING, characters=ROSTER)
    found = _mentions(a)
    assert ("TOBIAS", "tobias") in found and ("DRACO MALFOY", "draco-malfoy") in found
    assert not any(c == "will-byers" for _, c in found)  # "WILL" is a word here, not Will
    assert "tobias" in _addressees(a, "TOBIAS, HELP ME!")
    assert "draco-malfoy" in _addressees(a, "DRACO MALFOY, GET BACK HERE!")


def test_a_name_the_story_writes_in_normal_case_is_found_shouted_without_a_roster():
    a = ficlens.analyze(SHOUTING)
    found = _mentions(a)
    assert ("TOBIAS", "tobias") in found
    assert "tobias" in _addressees(a, "TOBIAS, HELP ME!")


CHAPTER_OPENING = (
    "Chapter III\n\n"
    "|MARILLA came briskly forward as Matthew opened the door. She stopped short.\n\n"
    "THE yard was dark.\n\n"
    "WILL you come in? Marilla asked nobody.\n\n"
    '"Who is that?" she said.'
)


def test_a_name_in_capitals_opening_a_paragraph_is_found():
    roster = [{"name": "Marilla Cuthbert", "aliases": ["Marilla"], "gender": "F"}, *ROSTER]
    a = ficlens.analyze(CHAPTER_OPENING, characters=roster)
    doc = a.document
    assert [doc.text[s:e] for s, e in casing.opening_capitals(doc)] == ["MARILLA", "THE", "WILL"]
    found = _mentions(a)
    assert ("MARILLA", "marilla-cuthbert") in found
    assert not any(c == "will-byers" for _, c in found)  # the story writes "will" as a word


LOWER = (
    "harry looked at draco. 'you're late,' he said. i will wait, he thought.\n\n"
    "draco shrugged. 'i had things to do,' said draco. 'don't wait up, potter.'\n\n"
    "hermione sighed. 'boys,' she said. harry laughed. she rose and left. ron shrugged."
)
LOWER_ROSTER = [
    {"name": "Harry Potter", "aliases": ["Harry", "Potter"], "gender": "M"},
    {"name": "Draco Malfoy", "aliases": ["Draco"], "gender": "M"},
    {"name": "Hermione Granger", "aliases": ["Hermione"], "gender": "F"},
    {"name": "Rose Tyler", "aliases": ["Rose"], "gender": "F"},
]


def test_casing_tells_a_story_written_in_lower_case():
    assert casing.lower_case(ficlens.analyze(LOWER).document)
    assert not casing.lower_case(ficlens.analyze(SHOUTING).document)


def test_roster_names_are_found_in_a_story_written_in_lower_case():
    a = ficlens.analyze(LOWER, characters=LOWER_ROSTER)
    found = _mentions(a)
    assert ("harry", "harry-potter") in found and ("potter", "harry-potter") in found
    assert ("draco", "draco-malfoy") in found and ("hermione", "hermione-granger") in found
    assert not any(c == "rose-tyler" for _, c in found)  # "she rose": a word the story uses
    speakers = {a.document.text[q.start : q.end]: q.speaker for q in a.document.quotes}
    assert speakers["i had things to do,"] == "draco-malfoy"
    assert speakers["boys,"] == "hermione-granger"


def test_a_story_in_lower_case_finds_its_fandom_by_names_and_no_one_else():
    a = ficlens.analyze(LOWER)
    assert a.document.fandom_hint and a.document.fandom_hint.startswith("Harry Potter")
    assert {c.id for c in a.document.characters} == {"harry-potter", "draco-malfoy", "hermione-granger", "ron-weasley"}
    plain = LOWER.replace("harry", "tobias").replace("draco", "elena").replace("potter", "vance")
    plain = plain.replace("hermione", "mara").replace("ron", "pell")
    assert ficlens.analyze(plain).document.characters == []  # no capitals, no roster: no one
