"""The bundled fandom library: every file is well formed, findable, and gives canonical names."""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources

import pytest

import ficlens
from ficlens import fandoms
from ficlens.roster import normalize_name
from ficlens.steps.descriptive import GENERIC

LIBRARY = fandoms.library()
DATA = resources.files("ficlens.fandoms").joinpath("data")
FILES = sorted((e for e in DATA.iterdir() if e.name.endswith(".json")), key=lambda e: e.name)


def _ids(fandom: fandoms.Fandom) -> str:
    return fandom.key


def test_library_has_the_large_fandoms():
    assert len(LIBRARY) >= 15
    names = {f.name for f in LIBRARY}
    assert {
        "Marvel Cinematic Universe",
        "Harry Potter - J. K. Rowling",
        "Supernatural (TV 2005)",
        "Sherlock (TV)",
        "Star Wars - All Media Types",
        "Naruto",
        "僕のヒーローアカデミア | Boku no Hero Academia | My Hero Academia",
        "Teen Wolf (TV)",
        "Doctor Who",
        "ハイキュー!! | Haikyuu!!",
        "原神 | Genshin Impact (Video Game)",
        "Good Omens (TV)",
        "The Witcher (TV)",
        "Star Trek",
        "Grey's Anatomy",
    } <= names


def test_library_fandom_names_and_keys_are_unique():
    assert len({f.name for f in LIBRARY}) == len(LIBRARY)
    assert len({f.key for f in LIBRARY}) == len(LIBRARY)


@pytest.mark.parametrize("entry", FILES, ids=lambda e: e.name)
def test_library_file_follows_the_format(entry):
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert set(data) <= {"fandom", "aliases", "creators", "characters"}
    assert isinstance(data["fandom"], str) and data["fandom"].strip() == data["fandom"] != ""
    for key in ("aliases", "creators"):
        values = data.get(key, [])
        assert isinstance(values, list)
        assert all(isinstance(v, str) and v.strip() == v != "" for v in values), key
    for row in data["characters"]:
        assert set(row) <= {"name", "aliases", "gender", "epithets"}, row  # no ids: the loader derives them
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"] != ""
        aliases = row.get("aliases", [])
        assert all(isinstance(a, str) and a.strip() == a != "" for a in aliases), row["name"]
        assert row["name"] not in aliases
        assert len(set(aliases)) == len(aliases), row["name"]
        assert row.get("gender") in (None, "F", "M", "N"), row["name"]
        epithets = row.get("epithets", [])
        assert all(isinstance(e, str) and e.strip() == e != "" for e in epithets), row["name"]
        assert len({e.lower() for e in epithets}) == len(epithets), row["name"]
        # Written without "the", and never a word for anyone ("the man", "the kid").
        assert not any(e.lower().startswith("the ") or e.lower() in GENERIC for e in epithets), row["name"]


@pytest.mark.parametrize("fandom", LIBRARY, ids=_ids)
def test_library_fandom_has_a_cast(fandom):
    assert fandom.name
    assert 10 <= len(fandom.characters) <= 40
    ids = [c.id for c in fandom.characters]
    assert len(ids) == len(set(ids))
    assert all(c.gender in (None, "F", "M", "N") for c in fandom.characters)
    assert all(c.from_roster for c in fandom.characters)


@pytest.mark.parametrize("fandom", LIBRARY, ids=_ids)
def test_library_names_do_not_collide_within_a_fandom(fandom):
    owners: dict[str, set[str]] = defaultdict(set)
    for c in fandom.characters:
        for n in c.names():
            owners[normalize_name(n)].add(c.name)
    clashes = {n: sorted(who) for n, who in owners.items() if len(who) > 1}
    assert clashes == {}


@pytest.mark.parametrize("fandom", LIBRARY, ids=_ids)
def test_library_find_resolves_name_and_every_alias(fandom):
    for n in (fandom.name, *fandom.aliases):
        found = fandoms.find(n)
        assert found is not None and found.name == fandom.name, n


@pytest.mark.parametrize("fandom", LIBRARY, ids=_ids)
def test_library_creators_point_to_their_fandom(fandom):
    for c in fandom.creators:
        found = fandoms.by_creator(c)
        assert found is not None and found.name == fandom.name, c


def _story(disclaimer: str, *lines: str) -> str:
    return "\n\n".join([f"Disclaimer: {disclaimer}", "Chapter 1", *lines])


END_TO_END = {
    "supernatural": (
        _story("I don't own Supernatural.", '"Hey," said Dean.', '"Hello, Dean," said Cas.', '"Dude," Sammy said.'),
        {"Dean Winchester", "Castiel (Supernatural)", "Sam Winchester"},
    ),
    "harry-potter": (
        _story(
            "Everything belongs to J.K. Rowling.",
            '"Potter," said Malfoy.',
            '"What do you want, Malfoy?" Harry asked.',
            '"Boys," said Hermione.',
        ),
        {"Draco Malfoy", "Harry Potter", "Hermione Granger"},
    ),
    "my-hero-academia": (
        _story(
            "I don't own My Hero Academia.",
            '"Kacchan!" Deku shouted.',
            '"Shut up, nerd," said Bakugou.',
            '"Midoriya," said Todoroki.',
        ),
        {"Midoriya Izuku", "Bakugou Katsuki", "Todoroki Shouto"},
    ),
    "good-omens": (
        _story("I don't own Good Omens.", '"Angel," said Crowley.', '"My dear boy," said Aziraphale.'),
        {"Crowley (Good Omens)", "Aziraphale (Good Omens)"},
    ),
    "sherlock": (
        _story(
            "I don't own Sherlock.", '"Dull," said Sherlock.', '"Sit down," John said.', '"Boys," said Mrs. Hudson.'
        ),
        {"Sherlock Holmes", "John Watson", "Mrs. Hudson"},
    ),
    "star-wars": (
        _story(
            "I don't own Star Wars.",
            '"Hello there," said Obi-Wan.',
            '"General Kenobi," said Anakin.',
            '"Master," said Ahsoka.',
        ),
        {"Obi-Wan Kenobi", "Anakin Skywalker", "Ahsoka Tano"},
    ),
    "haikyuu": (
        _story(
            "I don't own Haikyuu!!",
            '"Toss to me!" Hinata yelled.',
            '"Dumbass," said Kageyama.',
            '"Tsukki," said Yamaguchi.',
        ),
        {"Hinata Shouyou", "Kageyama Tobio", "Yamaguchi Tadashi"},
    ),
    "witcher": (
        _story("I don't own The Witcher.", '"Hmm," said Geralt.', '"Toss a coin," sang Jaskier.'),
        {"Geralt z Rivii | Geralt of Rivia", "Jaskier (The Witcher)"},
    ),
    "star-trek": (
        _story(
            "I don't own Star Trek.", '"Bones," said Kirk.', '"Damn it, Jim," McCoy said.', '"Fascinating," said Spock.'
        ),
        {"James T. Kirk", "Leonard McCoy", "Spock"},
    ),
}


@pytest.mark.parametrize("text, expected", END_TO_END.values(), ids=END_TO_END.keys())
def test_library_gives_canonical_names_end_to_end(text, expected):
    d = ficlens.analyze(text).to_dict()
    assert {c["name"] for c in d["characters"]} >= expected


def test_library_fandom_option_lends_its_roster():
    text = 'Chapter 1\n\n"Cap," said Bucky.\n\n"Buck," said Steve.'
    d = ficlens.analyze(text, fandom="MCU").to_dict()
    assert d["work"]["fandoms"] == ["Marvel Cinematic Universe"]
    assert {c["name"] for c in d["characters"]} >= {'James "Bucky" Barnes', "Steve Rogers"}
