"""Fixtures: stores on SQLite (always) and PostgreSQL (when TIMELINE_TEST_PG_URL is set),
a CLI runner bound to a temporary database, and sample events."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import SQLModel
from typer.testing import CliRunner

from timeline.models import EventCreate
from timeline.store import Store

PG_URL = os.environ.get("TIMELINE_TEST_PG_URL")
DATA = Path(__file__).parent / "data"


def _pg_store() -> Store:
    if not PG_URL:
        pytest.skip("PostgreSQL: set TIMELINE_TEST_PG_URL (make test starts a server) to run")
    store = Store(PG_URL)
    SQLModel.metadata.drop_all(store.engine)
    SQLModel.metadata.create_all(store.engine)
    return store


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
    _pg_store().close()
    assert PG_URL
    return PG_URL


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
