"""Fixtures for the web tests: an app over a small library, a test client, and a live server for the browser."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():  # Starlette suggests httpx2 for its test client; httpx works as well
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from ficlens.corpus import Library
from ficlens.web import create_app
from tests.web.stories import fill

HOSTS = ["testserver", "127.0.0.1", "localhost"]


@pytest.fixture
def make_app():
    """A factory of apps: over the stories of `tests.web.stories` (``db``), or an empty library in memory."""
    apps = []

    def make(db=None, **kw):
        kw.setdefault("allowed_hosts", HOSTS)
        app = create_app(db, **kw)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.state.store.close()


@pytest.fixture(scope="session")
def library_db(tmp_path_factory) -> str:
    """A library file holding the three test stories (made once; the tests open it read-only)."""
    path = tmp_path_factory.mktemp("web") / "fics.db"
    with Library(path, readonly=False) as lib:
        fill(lib)
    return str(path)


@pytest.fixture
def client(make_app, library_db):
    with TestClient(make_app(library_db)) as c:
        yield c


@pytest.fixture
def empty_client(make_app):
    with TestClient(make_app(None, max_upload=20_000)) as c:
        yield c
