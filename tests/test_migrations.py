"""Schema versions: databases made by 0.1.0 are upgraded with everything kept; a database
from a newer version, or tables that are not ours, are refused with a message."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from typer.testing import CliRunner

from timeline.cli import app
from timeline.models import EventFilter
from timeline.schema import HEAD, SchemaError
from timeline.store import Store

from .conftest import DATA, reset_pg

LEGACY = DATA / "legacy"
EDITED_TITLE = "Edited by hand: talks"


def _legacy_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(LEGACY / "timeline-0.1.0.sqlite", path)
    return path


def _legacy_pg() -> str:
    url = reset_pg()
    script = (LEGACY / "timeline-0.1.0.pg.sql").read_text(encoding="utf-8")
    # pg_dump's psql meta-commands (\restrict) are not SQL
    script = "\n".join(line for line in script.splitlines() if not line.startswith("\\"))
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.connection.dbapi_connection.execute(script)  # type: ignore[union-attr]
    engine.dispose()
    return url


def _check_kept(store: Store) -> None:
    """What the 0.1.0 databases hold (tests/data/legacy/README.md), all of it."""
    events = store.query()
    assert len(events) == 40
    assert sum(e.origin == "manual" for e in events) == 26
    assert sum(e.origin == "extracted" for e in events) == 14
    assert sum(len(e.sources) for e in events) == 60
    edited = [e for e in events if e.title == EDITED_TITLE]
    assert len(edited) == 1 and edited[0].origin == "manual" and edited[0].sources
    # the new keys and search index were filled from the old rows
    assert [e.title for e in store.query(EventFilter(actors=["ΕΛΛΆΔΑ"]))] == [
        'Athens & Vienna: a statement with "quotes", commas, and =formula']
    assert store.query(EventFilter(locations=["cairo"]))
    assert store.query(EventFilter(text="delegation reached"))


def test_sqlite_file_from_0_1_0_is_upgraded_with_a_backup(tmp_path: Path) -> None:
    path = _legacy_sqlite(tmp_path)
    before = (LEGACY / "timeline-0.1.0.sqlite").read_bytes()
    store = Store(f"sqlite:///{path}")
    change = store.schema_change
    assert change is not None and (change.old, change.new) == ("0001", HEAD)
    assert change.backup is not None and change.backup.exists()
    with sqlite3.connect(change.backup) as old:
        assert old.execute("SELECT count(*) FROM events").fetchone() == (40,)
        tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
        assert "alembic_version" not in tables
    _check_kept(store)
    store.close()
    assert (LEGACY / "timeline-0.1.0.sqlite").read_bytes() == before
    again = Store(f"sqlite:///{path}")
    assert again.schema_change is None
    again.close()


@pytest.mark.postgres
def test_postgresql_dump_from_0_1_0_is_upgraded() -> None:
    store = Store(_legacy_pg())
    assert store.schema_change is not None and store.schema_change.old == "0001"
    _check_kept(store)
    store.close()


def test_the_cli_says_it_upgraded(tmp_path: Path) -> None:
    path = _legacy_sqlite(tmp_path)
    result = CliRunner().invoke(app, ["--db", str(path), "list", "--all"])
    assert result.exit_code == 0, result.output
    assert f"from schema 0001 to {HEAD}" in result.output
    assert "40 event(s)" in result.output
    result = CliRunner().invoke(app, ["--db", str(path), "db", "status"])
    assert f"schema {HEAD}" in result.output and "up to date" in result.output


def test_db_status_and_upgrade_of_an_old_file(tmp_path: Path) -> None:
    path = _legacy_sqlite(tmp_path)
    status = CliRunner().invoke(app, ["--db", str(path), "db", "status"])
    assert status.exit_code == 0 and "schema 0001" in status.output
    assert "timeline db upgrade" in status.output
    upgrade = CliRunner().invoke(app, ["--db", str(path), "db", "upgrade"])
    assert upgrade.exit_code == 0 and f"to {HEAD}" in upgrade.output
    assert ".before-" in upgrade.output  # the backup is named


def test_fresh_schema_matches_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from timeline.tables import metadata

    store = Store(f"sqlite:///{tmp_path / 'fresh.db'}")
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # the full-text tables are the dialect's own, outside the models
    diff = [d for d in diff if "search_" not in str(d)]
    assert diff == []
    store.close()


def test_upgraded_schema_matches_a_fresh_one(tmp_path: Path) -> None:
    def shape(db: Path) -> set[tuple[str, str]]:
        with sqlite3.connect(db) as conn:
            out = set()
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"):
                out |= {(name, row[1]) for row in conn.execute(f"PRAGMA table_info('{name}')")}
            out |= {("index", r[0]) for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL")}
            return out

    Store(f"sqlite:///{tmp_path / 'fresh.db'}").close()
    old = _legacy_sqlite(tmp_path)
    Store(f"sqlite:///{old}").close()
    assert shape(old) == shape(tmp_path / "fresh.db")


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaError, match="newer version of timeline"):
        Store(f"sqlite:///{path}")
    result = CliRunner().invoke(app, ["--db", str(path), "list"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "newer version" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_tables_that_are_not_ours_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)")
    for args in (["list"], ["add", "--type", "visit", "--date", "2024-01-01", "--actor", "A",
                            "--title", "t"], ["export"]):
        result = CliRunner().invoke(app, ["--db", str(path), *args])
        assert result.exit_code == 1, args
        assert "did not make" in result.output
    with sqlite3.connect(path) as conn:  # and nothing was changed
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["events"]


def test_an_unknown_database_kind_is_refused() -> None:
    result = CliRunner().invoke(app, ["--db", "mysql://u@h/db", "list"])
    assert result.exit_code == 1
    assert "unsupported database mysql://" in result.output


def test_revision_0002_keys_names_as_the_models_do() -> None:
    """0002 keeps its own copy of the folding it wrote with; when timeline.models folds
    differently, a new migration must re-key the stored names and words."""
    import importlib.util

    from timeline.models import fold_key, search_words
    from timeline.schema import MIGRATIONS

    path = MIGRATIONS / "versions" / "0002_keys_search_tracks.py"
    spec = importlib.util.spec_from_file_location("rev0002", path)
    assert spec and spec.loader
    rev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rev)
    for text in ("Łódź, Øresund and Đà Nẵng", "ΕΛΛΆΔΑ  talks", "snake_case", "x" * 250):
        assert rev.fold_key(text) == fold_key(text)
        assert rev.search_words(text) == search_words(text)
