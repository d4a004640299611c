from hypothesis import given
from hypothesis import strategies as st

import ficlens
from ficlens.roster import coerce_roster
from ficlens.steps.roster_spelling import _one_slip, respell


def test_one_slip():
    assert _one_slip("badahur", "bahadur")  # middle letters in another order
    assert _one_slip("welland", "wellend")  # one letter changed
    assert _one_slip("romanov", "romanoff") is False  # two letters apart
    assert _one_slip("hyuga", "hyuuga")  # one letter added
    assert _one_slip("captian", "captain")  # two neighbours swapped
    assert not _one_slip("bertram", "bertram")
    assert not _one_slip("harriet", "charles")


def test_a_misspelt_roster_name_is_matched_as_the_story_spells_it():
    text = (
        "The Nawab Bahadur came in with Aziz. Aziz bowed to him.\n\n"
        '"Sit down," said the Nawab Bahadur.\n\n"Thank you," said Aziz.'
    )
    roster = [{"id": "nawab", "name": "The Nawab Badahur", "aliases": ["Nawab Badahur"], "gender": "M"}, {"id": "aziz", "name": "Aziz", "gender": "M"}]
    d = ficlens.analyze(text, characters=roster).to_dict()
    assert [(q["speaker"], q["type"]) for q in d["quotes"]] == [("nawab", "explicit"), ("aziz", "explicit")]
    nawab = next(c for c in d["characters"] if c["id"] == "nawab")
    assert "Nawab Bahadur" in nawab["aliases"]


def test_words_the_story_writes_in_lower_case_and_plurals_are_not_names():
    roster = coerce_roster([{"name": "The Robber"}, {"name": "Bill Robbe"}, {"name": "Pen Harrington"}])
    text = "After the robbery, Robber Bill and the Harringtons left."
    assert respell(roster, text) is roster


@given(st.text(max_size=200), st.lists(st.sampled_from(["Nawab Badahur", "Aziz", "Mrs. Moore", "Ronny Heaslop"]), min_size=1, max_size=4, unique=True))
def test_respelling_only_adds_aliases(text, names):
    roster = coerce_roster([{"name": n} for n in names])
    out = respell(roster, text)
    assert [c.id for c in out] == [c.id for c in roster]
    for old, new in zip(roster, out):
        assert new.name == old.name and new.aliases[: len(old.aliases)] == old.aliases
