"""LitBank's gold speakers get names and gender from the coreference chain that is theirs."""

from ficlens.evaluation.gold import GoldCharacter
from ficlens.evaluation.litbank import _enrich


def test_each_chain_goes_to_one_speaker_and_titles_match_with_or_without_full_stop():
    chars = {"1": GoldCharacter("1", "Mr Lane"), "2": GoldCharacter("2", "Mrs Lane")}
    chains = [
        ["Mr. Lane", "he", "Lane", "Tom", "him"],
        ["Mrs. Lane", "she", "Ada", "her"],
    ]
    _enrich(chars, chains)
    assert (chars["1"].aliases, chars["1"].gender) == (["Mr. Lane", "Lane", "Tom"], "M")
    assert (chars["2"].aliases, chars["2"].gender) == (["Mrs. Lane", "Ada"], "F")


def test_a_label_takes_the_chain_of_its_given_name_and_its_title_says_the_gender():
    chars = {"w": GoldCharacter("w", "William Morel"), "m": GoldCharacter("m", "Mrs  Morel")}
    chains = [
        ["Mrs. Morel", "she", "Morel", "her", "he", "he", "he"],  # a chain with a stray pronoun or three
        ["William", "he", "the boy", "Morel"],
    ]
    _enrich(chars, chains)
    assert (chars["w"].aliases, chars["w"].gender) == (["William", "the boy", "Morel"], "M")
    assert chars["m"].gender == "F"


def test_another_speakers_label_in_a_chain_is_no_alias():
    chars = {"s": GoldCharacter("s", "Gabriel Syme"), "g": GoldCharacter("g", "Mr  Lucian Gregory")}
    chains = [["Gabriel Syme", "Syme", "Gregory", "he"], ["Mr. Lucian Gregory", "Gregory", "he"]]
    _enrich(chars, chains)
    assert chars["s"].aliases == ["Syme"]
    assert chars["g"].aliases == ["Mr. Lucian Gregory", "Gregory"]


def test_a_label_shares_no_chain_by_its_article_alone():
    # "the soldiers" and "The man" share only "the": that is no reason for the soldiers to be
    # the man (and to take his name and gender).
    chars = {"s": GoldCharacter("s", "the soldiers")}
    chains = [["My cousin", "he", "The man", "John Herncastle", "him"]]
    _enrich(chars, chains)
    assert (chars["s"].aliases, chars["s"].gender) == ([], None)
