import io

from ficlens.corpus.progress import BarDisplay, LogDisplay, RunStats, describe, make_display


def _stats():
    s = RunStats(total=1000, analysed=90, failed=2, skipped=8, tokens=120_000)
    s.started -= 2.0
    return s


def test_progress_describe_has_rates_and_eta():
    line = describe(_stats())
    assert line.startswith("100/1,000 works (10%), 46 works/s, ") and "tokens/s, 2 failed, ETA 0:00:" in line


def test_progress_log_lines_go_to_the_stream():
    out = io.StringIO()
    d = LogDisplay(out, interval=0.0)
    d.update(_stats())
    d.close(_stats())
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and all(l.startswith("ficlens batch: 100/1,000 works") for l in lines)


def test_progress_bar_renders():
    out = io.StringIO()
    d = BarDisplay(out)
    d.update(_stats())
    d.close(_stats())
    assert "100/1000" in out.getvalue() and "tokens/s" in out.getvalue()


def test_progress_auto_is_log_lines_off_a_terminal():
    assert isinstance(make_display("auto", io.StringIO()), LogDisplay)
    assert type(make_display("none")).__name__ == "Display"
