"""Scoring is the same from run to run: ties never fall to the order of a set."""

import os
import subprocess
import sys

SCRIPT = """
from ficlens.analysis import Analysis
from ficlens.evaluation.gold import GoldCharacter, GoldNovel
from ficlens.evaluation.metrics import map_characters
from ficlens.ingest import document_from_text
from ficlens.model import Character
gold = GoldNovel("n", "", [], [GoldCharacter(str(i), f"Tom {s}", ["Tom"]) for i, s in enumerate("Reed Hale Cole Lane Moss Finch".split())])
doc = document_from_text("Tom came home.")
doc.characters.append(Character("tom", "Tom"))
print(map_characters(gold, Analysis(doc)))
"""


def test_a_name_two_gold_characters_share_maps_the_same_way_under_any_hash_seed():
    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True).stdout)
    assert outs == {"{'tom': '0'}\n"}


def test_addressees_are_scored_against_the_gold_lists():
    from ficlens.analysis import Analysis
    from ficlens.evaluation.gold import GoldCharacter, GoldNovel, GoldQuote
    from ficlens.evaluation.metrics import figures, score
    from ficlens.ingest import document_from_text
    from ficlens.model import Character, Quote

    text = '"One." "Two." "Three."'
    people = [GoldCharacter(c, c) for c in "abc"]
    lines = [GoldQuote([(1, 5)], "a", None, ["b", "c"]), GoldQuote([(8, 12)], "b", None, ["a"]), GoldQuote([(15, 21)], "c", None, ["a"])]
    gold = GoldNovel("n", text, [*lines, GoldQuote([(15, 21)], "c")], people)  # the last lists no one: not scored
    doc = document_from_text(text)
    doc.characters.extend(Character(c, c) for c in "abc")
    doc.quotes.extend([Quote(1, 5, speaker="a", addressees=["b"]), Quote(8, 12, speaker="b", addressees=["a", "c"])])  # the third is missed
    got = figures(score(gold, Analysis(doc), "roster"))
    assert got["addressee_precision"] == round(2 / 3, 4)  # b right; a right, c wrong
    assert got["addressee_recall"] == 0.5  # b of (b, c); a of (a); none of the missed line's (a)
    gold.quotes = [GoldQuote(q.spans, q.speaker) for q in gold.quotes]  # LitBank lists no addressees
    assert figures(score(gold, Analysis(doc), "roster"))["addressee_precision"] is None
