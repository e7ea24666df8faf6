"""Fixtures: stores on SQLite (always) and PostgreSQL (when TIMELINE_TEST_PG_URL is set),
a CLI runner bound to a temporary database, and sample events."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from typer.testing import CliRunner

from timeline.models import EventCreate
from timeline.store import Store

PG_URL = os.environ.get("TIMELINE_TEST_PG_URL")
DATA = Path(__file__).parent / "data"


def reset_pg() -> str:
    """The test PostgreSQL database, emptied (schema and all): the URL to use."""
    if not PG_URL:
        pytest.skip("PostgreSQL: set TIMELINE_TEST_PG_URL (make test starts a server) to run")
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    return PG_URL


def _pg_store() -> Store:
    return Store(reset_pg())


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store, once on SQLite and once on PostgreSQL."""
    s = Store(f"sqlite:///{tmp_path / 'test.db'}") if request.param == "sqlite" else _pg_store()
    yield s
    s.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database location for the CLI: a SQLite path, or the PostgreSQL URL (emptied)."""
    if request.param == "sqlite":
        return str(tmp_path / "cli.db")
    return reset_pg()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def make_event(**overrides: object) -> EventCreate:
    data: dict[str, object] = {
        "type": "visit",
        "date_start": "2024-05-04",
        "title": "Hamas delegation arrives in Cairo",
        "actors": [{"name": "Hamas", "kind": "organization", "role": "initiator"},
                   {"name": "Egypt", "kind": "state", "role": "host"}],
        "location": "Cairo",
        "country": "Egypt",
        "sources": [{"url": "https://example.org/a", "evidence": "The delegation landed."}],
    }
    data.update(overrides)
    return EventCreate.model_validate(data)


@pytest.fixture(scope="session")
def local_server() -> Iterator[str]:
    """An HTTP server on 127.0.0.1 serving tests/data/sources (and a PNG)."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {".html": "text/html", ".xml": "application/rss+xml",
                          ".png": "image/png", ".md": "text/markdown", "": "text/plain"}

        def log_message(self, *args: object) -> None:
            pass

    root = DATA / "sources"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
