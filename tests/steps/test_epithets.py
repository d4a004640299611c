"""Roster epithets: "the blond" is Draco when the roster says so and Draco is in the story."""

import ficlens
from ficlens.model import Character
from ficlens.roster import parse_roster
from ficlens.steps.epithets import Epithets

HARRY = Character("harry", "Harry Potter", ["Harry"], "M", from_roster=True, epithets=["gryffindor", "boy who lived"])
DRACO = Character("draco", "Draco Malfoy", ["Draco"], "M", from_roster=True, epithets=["blond", "slytherin"])
LUCIUS = Character("lucius", "Lucius Malfoy", ["Lucius"], "M", from_roster=True, epithets=["blond"])


def test_holders_match_the_last_words_of_a_description():
    ep = Epithets([HARRY, DRACO], {"harry", "draco"})
    assert ep.holders("the blond") == {"draco"}
    assert ep.holders("The tall, pale blond") == {"draco"}
    assert ep.holders("the Boy Who Lived") == {"harry"}
    assert ep.holders("the redhead") == set()


def test_only_characters_in_the_story_hold_epithets():
    ep = Epithets([HARRY, DRACO, LUCIUS], {"harry", "draco"})
    assert ep.holders("the blond") == {"draco"}
    assert Epithets([HARRY, DRACO, LUCIUS], {"draco", "lucius"}).holders("the blond") == {"draco", "lucius"}
    assert not Epithets([HARRY], set())


def test_a_sentence_subject_is_an_epithet_only_at_its_start():
    ep = Epithets([HARRY, DRACO], {"harry", "draco"})
    text = "The blond smirked. The man looked at the blond. The pale blond sneered."
    assert ep.subject_at(text, 0, len(text)) == {"draco"}
    at = text.index("The man")
    assert ep.subject_at(text, at, len(text)) == set()
    at = text.index("The pale")
    assert ep.subject_at(text, at, len(text)) == {"draco"}


def test_rosters_read_epithets_as_lower_case_without_the():
    (c,) = parse_roster('[{"name": "Castiel", "epithets": ["the Angel", "seraph", "Seraph"]}]')
    assert c.epithets == ["angel", "seraph"]
    (c,) = parse_roster("id,name,aliases,gender,epithets\ncas,Castiel,Cas,M,the angel; seraph\n")
    assert c.epithets == ["angel", "seraph"]


ROSTER = [
    {"name": "Harry Potter", "aliases": ["Harry", "Potter"], "gender": "M", "epithets": ["Gryffindor", "brunet"]},
    {"name": "Draco Malfoy", "aliases": ["Draco", "Malfoy"], "gender": "M", "epithets": ["blond", "Slytherin"]},
]
STORY = (
    "Harry Potter waited in the corridor. Draco Malfoy leaned against the wall, bored.\n\n"
    '"You\'re late," said Harry.\n\n'
    '"And you\'re early," the Gryffindor added, checking his watch.\n\n'
    "The blond rolled his eyes. \"Nobody asked you.\"\n\n"
)


def _speakers(roster):
    return [q["speaker"] for q in ficlens.analyze(STORY, characters=roster).to_dict()["quotes"]]


def test_a_tag_with_a_roster_epithet_names_its_holder():
    assert _speakers(ROSTER)[1] == "harry-potter"


def test_a_beat_with_a_roster_epithet_names_its_holder():
    assert _speakers(ROSTER)[2] == "draco-malfoy"


WINCHESTERS = [
    {"name": "Dean Winchester", "aliases": ["Dean"], "gender": "M", "epithets": ["older Winchester"]},
    {"name": "Sam Winchester", "aliases": ["Sam"], "gender": "M", "epithets": ["younger Winchester"]},
]


def test_an_epithet_around_a_family_name_is_the_epithet_s_holder():
    story = (
        "Dean Winchester and Sam Winchester sat in the Impala. Sam Winchester had the map.\n\n"
        '"Where now?" Sam asked.\n\n"Left," Sam Winchester said again, pointing.\n\n'
        '"Fine," the older Winchester said, and turned the wheel.\n\n'
    )
    speakers = [q["speaker"] for q in ficlens.analyze(story, characters=WINCHESTERS).to_dict()["quotes"]]
    assert speakers[2] == "dean-winchester"
