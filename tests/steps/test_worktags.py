import ficlens
from tests.steps.test_relationships import ROMANCE


def test_worktags_category_from_romantic_pair():
    w = ficlens.analyze(ROMANCE, fandom="Grey's Anatomy").to_dict()["work"]
    assert w["category"] == ["M/M"]
    assert w["fandoms"] == ["Grey's Anatomy"]
    assert any("/" in r for r in w["relationships"])
    assert "Slash" in w["additional_tags"]


def test_worktags_gen_without_romance():
    text = '"Ready?" asked Anna.\n\n"Always," said Ben.'
    assert ficlens.analyze(text).to_dict()["work"]["category"] == ["Gen"]


def test_worktags_never_invent_rating_or_warnings():
    w = ficlens.analyze(ROMANCE).to_dict()["work"]
    assert w["rating"] is None and w["warnings"] == []
