"""The demo chapter's dialogue, as its authors wrote it: who says each line.

A regression guard for speaker attribution on fan fiction; the lines ficlens may
still get wrong are the genuinely hard ones (an untagged line after a character
leaves the scene), so the bar is a count, not every line.
"""

import ficlens
from ficlens.cli.demo import demo_text

M, D, B, G = "Mark Sloan", "Derek Shepherd", "Miranda Bailey", "Meredith Grey"
GOLD = [
    M, D, M, M, D, M, D, M, M, D, M, D, B, B, D, B, B, M, M, B, M, B, B, M, D, M, D, D,
    G, D, M, G, D, G, G, M, G, D, G, G, M, G, M, D, M, D, M, D, M, D, M, M, D, M, D, M,
]  # fmt: skip


def test_demo_gold_speakers():
    d = ficlens.analyze(demo_text()).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    got = [names.get(q["speaker"]) for q in d["quotes"]]
    assert len(got) == len(GOLD)
    right = sum(g == w for g, w in zip(got, GOLD))
    assert right >= 50, f"{right}/{len(GOLD)} demo lines right: {list(zip(got, GOLD))}"


def test_demo_gold_relationship_and_tags():
    w = ficlens.analyze(demo_text()).to_dict()["work"]
    assert w["fandoms"] == ["Grey's Anatomy"]
    assert w["relationships"][0] == "Derek Shepherd/Mark Sloan"
    assert w["category"] == ["M/M"]
    assert "Slash" in w["additional_tags"]
