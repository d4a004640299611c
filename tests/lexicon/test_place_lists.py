"""The place and demonym word lists: they load, hold no duplicates, and spare people's names."""

from __future__ import annotations

from importlib import resources

import pytest

from ficlens.lexicon import lines, words

LISTS = ("places", "demonyms")

# Names that are places too, but are at least as often people in fiction: they must not be
# in the place list, or the character finder would drop them.
PEOPLE = (
    "Florence",
    "Victoria",
    "Jackson",
    "Chester",
    "Sydney",
    "Paris",
    "Virginia",
    "Georgia",
    "Austin",
    "Lincoln",
    "Dallas",
    "Troy",
    "Jordan",
    "Washington",
    "Hudson",
    "Adelaide",
)


@pytest.mark.parametrize("name", LISTS)
def test_list_loads_with_entries(name: str) -> None:
    entries = lines(name)
    assert len(entries) > 100
    assert all(e == e.strip() and e for e in entries)


@pytest.mark.parametrize("name", LISTS)
def test_list_has_team_header(name: str) -> None:
    text = resources.files("ficlens.lexicon").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    assert header, f"{name}.txt has no comment header"
    assert "ficlens team" in " ".join(header)


@pytest.mark.parametrize("name", LISTS)
def test_list_has_no_duplicates(name: str) -> None:
    seen: dict[str, str] = {}
    dupes = []
    for entry in lines(name):
        key = entry.casefold()
        if key in seen:
            dupes.append(entry)
        seen[key] = entry
    assert not dupes, f"duplicates in {name}.txt: {dupes}"


@pytest.mark.parametrize("name", LISTS)
def test_every_entry_is_capitalised(name: str) -> None:
    bad = [e for e in lines(name) if not e[0].isupper()]
    assert not bad, f"entries of {name}.txt not capitalised: {bad}"


@pytest.mark.parametrize("person", PEOPLE)
def test_people_names_are_not_places(person: str) -> None:
    assert person.lower() not in words("places")


def test_expected_entries_present() -> None:
    places = words("places")
    for place in ("london", "new york", "san francisco", "hyde park", "thames", "alps", "hogwarts"):
        assert place in places
    demonyms = words("demonyms")
    for demonym in ("englishman", "frenchmen", "muscovite", "japanese", "quaker", "germans"):
        assert demonym in demonyms
