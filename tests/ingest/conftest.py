"""Fixtures for the ingest tests: the hand-made works in tests/ingest/fixtures and built EPUBs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.ingest import load_bytes

HERE = Path(__file__).parent / "fixtures"


@pytest.fixture
def ingest_fixtures() -> Path:
    return HERE


@pytest.fixture
def load():
    """Load a fixture file (by name) or bytes into a `Document`."""

    def _load(what):
        if isinstance(what, bytes):
            return load_bytes(what, "work")
        return load_bytes((HERE / what).read_bytes(), str(HERE / what))

    return _load
