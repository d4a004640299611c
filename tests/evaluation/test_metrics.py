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
