"""``ficlens serve``: options, the app it builds, and clear errors."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from ficlens.cli.main import main


@pytest.fixture
def uvicorn_calls(monkeypatch):
    """Run `ficlens serve` without serving: capture what it would hand to uvicorn."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


@pytest.fixture
def served(uvicorn_calls, monkeypatch):
    """As `uvicorn_calls`, and whatever holds port 8765 on this machine does not matter."""
    from ficlens.cli import serve

    monkeypatch.setattr(serve, "_check_port", lambda host, port: None)
    return uvicorn_calls


def test_serve_defaults_to_loopback_and_an_empty_library(served):
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    app, kw = served[0]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8765
    assert app.state.store.in_memory and app.state.store.writable
    assert "http://127.0.0.1:8765/" in result.output


def test_serve_a_library_read_only(served, library_db):
    result = CliRunner().invoke(main, ["serve", "--db", library_db, "--port", "8799", "--max-upload-mb", "1"])
    assert result.exit_code == 0, result.output
    app, kw = served[0]
    assert not app.state.store.writable and app.state.max_upload == 1_000_000
    assert kw["port"] == 8799 and "read-only" in result.output


def test_serve_writable_creates_the_library(served, tmp_path):
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--writable"])
    assert result.exit_code == 0, result.output
    assert served[0][0].state.store.writable and db.exists()


def test_serve_warns_when_not_on_loopback(served):
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "warning" in result.output


def test_serve_missing_library_is_a_clear_error(served, tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "ficlens: error:" in result.output and "ficlens index" in result.output
    assert not served


def test_serve_port_in_use_is_a_clear_error(uvicorn_calls):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert not uvicorn_calls
