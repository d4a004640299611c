import pytest

from ficlens.steps import confidence

_TABLE = {
    "accuracy": {"_overall": 0.7, "tag_name": 0.96},
    "posterior_curve": [[0.0, 0.1], [0.5, 0.4], [1.0, 0.8]],
    "rule_curves": {"same_paragraph": [[0.0, 0.4], [1.0, 0.95]]},
}


@pytest.fixture
def table(monkeypatch):
    monkeypatch.setattr(confidence, "_data", lambda: _TABLE)
    confidence._curve.cache_clear()
    yield
    confidence._curve.cache_clear()


def test_a_rule_with_a_curve_of_its_own_is_calibrated_by_it(table):
    assert confidence.calibrate("same_paragraph", 1.0) == 0.95
    assert confidence.calibrate("same_paragraph", 0.5) == pytest.approx(0.675)


def test_a_rule_without_one_takes_the_curve_of_all_decoded_lines(table):
    assert confidence.calibrate("conversation", 1.0) == 0.8
    assert confidence.calibrate("tag_epithet", 0.25) == pytest.approx(0.25)
    assert confidence.calibrate("conversation", 0.75) == pytest.approx(0.6)


def test_the_shipped_table_gives_every_curve_rising_from_0_to_1():
    confidence._curve.cache_clear()
    for rule in [None, *confidence._data().get("rule_curves", {})]:
        xs, ys = confidence._curve(rule)
        assert xs[0] == 0.0 and xs[-1] == 1.0
        assert ys == sorted(ys) and all(0.0 <= y <= 1.0 for y in ys)
