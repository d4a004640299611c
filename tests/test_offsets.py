"""The offset invariant: every span of every kind points into the text as decoded."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ficlens


def _spans(d):
    for kind in ("front_matter", "end_matter"):
        for b in d["structure"][kind]:
            yield b["start"], b["end"], b["text"]
    for c in d["structure"]["chapters"]:
        yield c["start"], c["end"], None
    for s in d["structure"]["scene_breaks"]:
        yield s["start"], s["end"], None
    for q in d["quotes"]:
        yield q["start"], q["end"], q["text"]
    for m in d["mentions"]:
        yield m["start"], m["end"], None
    for r in d["relationships"]:
        for e in r["evidence"]:
            yield e["start"], e["end"], None


def _check(text: str):
    a = ficlens.analyze(text)
    d = a.to_dict()
    n = len(text)
    for start, end, shown in _spans(d):
        assert 0 <= start <= end <= n
        if shown is not None:
            assert text[start:end] == shown
    doc = a.document
    for p in doc.paragraphs:
        assert 0 <= p.start < p.end <= n
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
    quotes = sorted((q["start"], q["end"]) for q in d["quotes"])
    for (s1, e1), (s2, e2) in zip(quotes, quotes[1:]):
        assert e1 <= s2, "quotes overlap"
    ids = {c["id"] for c in d["characters"]}
    for q in d["quotes"]:
        assert q["speaker"] is None or q["speaker"] in ids
        assert all(a in ids for a in q["addressees"])
    return d


def test_offsets_hold_on_the_chapter(chapter_text):
    d = _check(chapter_text)
    assert d["quotes"]


def test_offsets_hold_with_crlf_and_curly_quotes():
    text = "Chapter 1\r\n\r\n\u201cHello,\u201d said Anna.\r\n\r\n\u201cHi,\u201d Ben replied. \u201cHow are you?\u201d\r\n"
    d = _check(text)
    assert [q["text"] for q in d["quotes"]] == ["Hello,", "Hi,", "How are you?"]


def test_offsets_hold_with_bom_removed_text():
    text = "\ufeff\"Hi,\" said Anna."
    a = ficlens.analyze(text)
    assert a.text == text[1:]
    assert a.to_dict()["quotes"][0]["text"] == "Hi,"


story_chars = st.sampled_from(list("abc XYZ.,!?\n\"'\u201c\u201d\u2018\u2019-\u2014*_:;") + ["Mark", "said", "he", "she", "Chapter 1", "\r\n", "A/N:", "***"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_offsets_hold_on_arbitrary_unicode(text):
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(story_chars, max_size=80).map("".join))
def test_offsets_hold_on_story_like_noise(text):
    _check(text)
