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
