"""Shared fixtures: small stories written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def chapter_text() -> str:
    return (FIXTURES / "chapter.txt").read_text(encoding="utf-8")
