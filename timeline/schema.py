"""The schema's version: what a database holds, and bringing it up to date with Alembic.

Opening a store calls ``ensure_schema``. On an up-to-date database that is one query and
Alembic is never imported. Otherwise, under a lock that makes processes starting together
take turns (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), it

- creates the schema of an empty database;
- upgrades an older one, after copying an SQLite file to ``<file>.before-<revision>.bak``;
- refuses one written by a newer version, or tables that are not ours.

Databases made by 0.1.0, before versions were recorded, are recognised by their tables
and upgraded from revision ``0001``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect

from timeline.errors import TimelineError

__all__ = ["HEAD", "REVISIONS", "SchemaChange", "SchemaError", "database_version",
           "ensure_schema", "schema_version"]

REVISIONS = ("0001", "0002", "0003")  # oldest first; a new migration appends its revision here
HEAD = REVISIONS[-1]
_LOCK_KEY = 0x74696D656C696E65  # "timeline": the PostgreSQL advisory lock of schema changes

# The tables and columns of 0.1.0, to tell an unversioned timeline database from a stranger.
_V1_COLUMNS = {
    "events": {"id", "type", "status", "date_start", "date_end", "date_precision",
               "date_text", "title", "location", "country", "confidence", "origin"},
    "actors": {"id", "name", "kind"},
    "event_actors": {"event_id", "actor_id", "role", "position"},
    "sources": {"id", "event_id", "document_id", "url", "evidence", "position"},
    "documents": {"id", "url", "content_hash"},
}
MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaError(TimelineError):
    """The database cannot be used by this version of timeline."""


@dataclass(frozen=True, slots=True)
class SchemaChange:
    """What ``ensure_schema`` did: created, or upgraded from ``old`` (with a backup)."""

    old: str | None
    new: str
    backup: Path | None = None

    def describe(self, where: str) -> str:
        if self.old is None:
            return f"created the database schema {self.new} in {where}"
        saved = f"; the previous file is kept as {self.backup}" if self.backup else ""
        return f"upgraded {where} from schema {self.old} to {self.new}{saved}"


def schema_version(conn: Connection) -> str | None:
    """The revision of the database (``0001`` for an unversioned 0.1.0 one), None if empty."""
    dialect = conn.dialect
    if dialect.has_table(conn, "alembic_version"):
        found = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if found is not None:
            return str(found)
    if not dialect.has_table(conn, "events"):
        return None
    inspector = inspect(conn)
    for table, wanted in _V1_COLUMNS.items():
        have = ({c["name"] for c in inspector.get_columns(table)}
                if dialect.has_table(conn, table) else set())
        if not wanted <= have:
            missing = ", ".join(sorted(wanted - have))
            raise SchemaError(
                f"the database has a table 'events' that timeline did not make (table "
                f"{table!r} lacks {missing}); use another database file or URL")
    return REVISIONS[0]


def database_version(url: str) -> str | None:
    """The revision of the database at ``url``, without changing anything."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    from timeline.config import shown_database

    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return None
    try:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                return schema_version(conn)
        finally:
            engine.dispose()
    except (SQLAlchemyError, OSError) as err:
        text = str(getattr(err, "orig", None) or err).strip().splitlines()
        raise SchemaError(f"cannot open database {shown_database(url)}: "
                          f"{text[0] if text else type(err).__name__}") from err


def ensure_schema(engine: Engine) -> SchemaChange | None:
    """Bring the database to ``HEAD``; None when it already was."""
    with engine.connect() as conn:
        version = schema_version(conn)
        conn.rollback()
    if version == HEAD:
        return None
    _refuse_unknown(version)
    with engine.connect() as conn, _schema_lock(conn):
        version = schema_version(conn)  # another process may have done it meanwhile
        if version == HEAD:
            return None
        _refuse_unknown(version)
        backup = _backup(engine, version) if version is not None else None
        _run_alembic(conn, version)
    return SchemaChange(version, HEAD, backup)


def _refuse_unknown(version: str | None) -> None:
    if version is not None and version not in REVISIONS:
        raise SchemaError(
            f"the database has schema {version!r}, written by a newer version of timeline "
            f"(this one knows up to {HEAD}); upgrade timeline to use it")


@contextmanager
def _schema_lock(conn: Connection) -> Iterator[None]:
    """One transaction that no other process's schema change can run beside."""
    if conn.dialect.name == "sqlite":
        # A migration may rebuild a table (SQLite alters most columns that way): with
        # foreign keys on, dropping the old table would cascade to every row that points
        # at it. They are checked once, before the commit, instead.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            conn.execution_options(timeline_write=True)
            with conn.begin():
                yield
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise SchemaError(f"the upgrade would leave {len(broken)} row(s) "
                                      f"pointing at nothing (first: {broken[0]}); nothing "
                                      f"was changed")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    else:
        with conn.begin():
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
            yield


def _run_alembic(conn: Connection, version: str | None) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    if version is not None and not conn.dialect.has_table(conn, "alembic_version"):
        command.stamp(config, version)
    command.upgrade(config, HEAD)


def _backup(engine: Engine, version: str) -> Path | None:
    """Copy an SQLite file before changing its schema (a consistent copy, WAL included)."""
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:":
        return None
    source = Path(path)
    if not source.exists():
        return None
    target = source.with_name(f"{source.name}.before-{HEAD}.bak")
    if target.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = source.with_name(f"{source.name}.before-{HEAD}-{stamp}.bak")
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(target))
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target
