"""A title one roster character bears, used alone, names that character."""

import ficlens

ROSTER = [
    {"name": "Mademoiselle Reisz", "gender": "F"},
    {"name": "Edna Pontellier", "gender": "F"},
    {"name": "Colonel Brandon", "gender": "M"},
    {"name": "Madame Ratignolle", "gender": "F"},
    {"name": "Madame Lebrun", "gender": "F"},
    {"name": "Mr. Pontellier", "gender": "M"},
]


def _linked(text, roster=ROSTER):
    d = ficlens.analyze(text, characters=roster).to_dict()
    return [(text[m["start"] : m["end"]], m["character"]) for m in d["mentions"] if m["kind"] == "name"]


def test_a_title_only_one_character_bears_names_them():
    text = (
        'Edna came in. Mademoiselle shook her head. "No," returned Mademoiselle.\n\n'
        '"Well?" said the Colonel.'
    )
    linked = _linked(text)
    assert ("Mademoiselle", "mademoiselle-reisz") in linked
    assert linked.count(("Mademoiselle", "mademoiselle-reisz")) == 2
    assert ("the Colonel", "colonel-brandon") in linked


def test_a_title_two_characters_bear_names_neither():
    linked = _linked('Edna sat down. "Come," said Madame. Madame smiled.')
    assert not any(t == "Madame" for t, _ in linked)


def test_common_titles_never_name_anyone_alone():
    roster = [{"name": "Mrs. Dalloway", "gender": "F"}, {"name": "Peter Walsh", "gender": "M"}]
    linked = _linked('Peter looked up. "Well, Mrs.," said Peter. Mrs. smiled.', roster)
    assert all(c == "peter-walsh" for _, c in linked)


def test_a_title_before_another_name_or_as_a_common_noun_is_not_the_bearer():
    text = (
        "Edna sat down. Colonel Fitzwilliam came in. A Colonel of the guard followed. "
        "The Colonel of the regiment came too.\n\nCount them, said Edna. Count the spoons and count the forks."
    )
    roster = [*ROSTER, {"name": "Count Rostov", "gender": "M"}]
    linked = _linked(text, roster)
    assert not any(c in ("colonel-brandon", "count-rostov") for _, c in linked)


def test_the_roster_pattern_finds_aliases_whatever_letter_they_begin_with():
    from ficlens.model import Character
    from ficlens.steps.roster_match import RosterMatcher

    roster = [Character("a", "Émile Zola", ["Émile", "the stranger"]), Character("b", "O'Hara", ["[Redacted]"])]
    text = "Émile met the stranger; O'Hara and [Redacted] and The stranger."
    found = [text[s:e] for s, e, _ in RosterMatcher(roster).find(text, 0, len(text))]
    assert found == ["Émile", "the stranger", "O'Hara", "[Redacted]", "The stranger"]



def test_an_alias_after_a_title_of_the_other_gender_is_someone_else():
    roster = [{"name": "Captain Harville", "aliases": ["Harville"], "gender": "M"}, {"name": "Anne Elliot", "gender": "F"}]
    linked = _linked('Anne saw Harville. "Come in," said Mrs. Harville. Harville bowed.', roster)
    assert linked.count(("Harville", "captain-harville")) == 2
    assert ("Mrs. Harville", "captain-harville") not in linked


def test_a_bare_surname_is_the_husband_not_the_wife_who_bears_it_only_with_mrs():
    import ficlens

    roster = [{"name": "Mr. Mcbryde", "gender": "M"}, {"name": "Mrs. Mcbryde", "gender": "F"}, {"name": "Ronny", "gender": "M"}]
    text = 'Mrs. McBryde sat with Ronny.\n\n"Certainly," Ronny replied.\n\n"Miss Quested realizes," said McBryde sadly.'
    d = ficlens.analyze(text, characters=roster).to_dict()
    assert [(text[m["start"] : m["end"]], m["character"]) for m in d["mentions"] if "McBryde" in text[m["start"] : m["end"]]] == [
        ("Mrs. McBryde", "mrs-mcbryde"),
        ("McBryde", "mr-mcbryde"),
    ]
    assert d["quotes"][-1]["speaker"] == "mr-mcbryde"
