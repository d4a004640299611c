"""The compiled build (setup.py, docs/architecture.md): what it compiles, and when."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _setup_module(monkeypatch, argv: list[str], mode: str | None):
    """setup.py loaded with ``setup()`` stubbed out: its decisions, without a build."""
    import setuptools

    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: None)
    monkeypatch.setattr(sys, "argv", ["setup.py", *argv])
    if mode is None:
        monkeypatch.delenv("FICLENS_COMPILE", raising=False)
    else:
        monkeypatch.setenv("FICLENS_COMPILE", mode)
    spec = importlib.util.spec_from_file_location("ficlens_setup", ROOT / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("argv", "builds"),
    [
        (["bdist_wheel", "--dist-dir", "dist"], True),
        (["build_ext", "--inplace"], True),
        (["editable_wheel", "--dist-dir", "dist"], False),
        (["egg_info"], False),
        (["dist_info", "--output-dir", "x"], False),
    ],
)
def test_only_a_wheel_or_an_extension_build_compiles(monkeypatch, argv, builds):
    module = _setup_module(monkeypatch, argv, "0")
    assert module._building_binaries() is builds


def test_compile_mode_zero_compiles_nothing_even_for_a_wheel(monkeypatch):
    module = _setup_module(monkeypatch, ["bdist_wheel"], "0")
    assert module._extensions("0") == []


def test_an_unknown_compile_mode_is_refused_with_the_choices(monkeypatch):
    with pytest.raises(SystemExit, match="auto, 1, 0"):
        _setup_module(monkeypatch, ["egg_info"], "fast")


def test_the_compiled_modules_are_the_analysis_steps_and_model(monkeypatch):
    compiled = _setup_module(monkeypatch, ["egg_info"], None).COMPILED
    assert {"ficlens/steps", "ficlens/model.py"} <= set(compiled)
    assert all((ROOT / path).exists() for path in compiled)


def test_no_compiled_module_is_older_than_its_source():
    """A module built in place (`setup.py build_ext --inplace`) shadows its source: edited after
    the build, the source would not run. Rebuild, or delete the .so files."""
    stale = []
    for built in ROOT.glob("ficlens/**/*.so"):
        source = built.with_name(built.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > built.stat().st_mtime:
            stale.append(str(source.relative_to(ROOT)))
    assert not stale, f"compiled modules older than their source (rebuild or delete the .so files): {stale}"
