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
