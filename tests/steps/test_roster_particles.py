"""Roster names as running text writes them: "van der Luyden" for "Van Der Luyden", "Sir Geoffrey" for "Geoffrey"."""

import ficlens
from ficlens.steps.roster_match import _variants


def test_variants_lower_the_particles_but_not_the_surname():
    assert "Mr. van der Luyden" in _variants("Mr. Van Der Luyden")
    assert "Leonardo da Vinci" in _variants("Leonardo Da Vinci")
    assert _variants("Van Helsing") == ["Van Helsing"]


def test_a_roster_name_with_capitalised_particles_finds_them_in_lower_case():
    roster = [
        {"name": "Mr. Van Der Luyden", "aliases": ["Henry"], "gender": "M"},
        {"name": "Luyden"},
        {"name": "Newland Archer", "aliases": ["Archer"], "gender": "M"},
    ]
    text = 'Newland Archer waited.\n\n"It is late," said Mr. van der Luyden, drawing a deep breath.'
    quotes = ficlens.analyze(text, characters=roster).to_dict()["quotes"]
    assert [q["speaker"] for q in quotes] == ["mr-van-der-luyden"]


def test_a_title_before_a_roster_name_without_it_is_part_of_the_tag():
    roster = [{"name": "Sir Geoffrey Clouston", "aliases": ["Geoffrey"], "gender": "M"}, {"name": "Dorian Gray", "aliases": ["Dorian"], "gender": "M"}]
    text = 'Dorian Gray and Sir Geoffrey Clouston sat.\n\n"It is late," said Dorian.\n\n"What an ass the man was!" exclaimed Sir Geoffrey.'
    quotes = ficlens.analyze(text, characters=roster).to_dict()["quotes"]
    assert [(q["speaker"], q["type"]) for q in quotes] == [("dorian-gray", "explicit"), ("sir-geoffrey-clouston", "explicit")]
