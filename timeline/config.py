"""One Settings object; overrides by copy (``settings.replace(db=...)``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.errors import TimelineError

__all__ = ["Settings", "DEFAULT_DB", "database_url", "load_settings"]

DEFAULT_DB = "timeline.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the library needs to know about its surroundings.

    ``db`` is a file path (SQLite) or an SQLAlchemy URL such as
    ``postgresql+psycopg://user@host/dbname``.
    """

    db: str = DEFAULT_DB
    day_first: bool = False
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10 * 1024 * 1024

    def replace(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def database_url(self) -> str:
        return database_url(self.db)


def database_url(db: str) -> str:
    """An SQLAlchemy URL for a path or a URL; ``:memory:`` is an in-memory SQLite."""
    if "://" in db:
        scheme, rest = db.split("://", 1)
        if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
            # psycopg 3 is the driver we ship; spare users the "+psycopg" spelling.
            return "postgresql+psycopg://" + rest
        if scheme in ("sqlite", "sqlite+pysqlite"):
            return db
        raise TimelineError(
            f"unsupported database {scheme}://...: give an SQLite file path or a "
            f"postgresql://user@host/dbname URL")
    if db == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(db).expanduser()}"


def load_settings(db: str | None = None) -> Settings:
    """Settings from the environment (``TIMELINE_DB``), overridden by ``db``."""
    return Settings(db=db or os.environ.get("TIMELINE_DB") or DEFAULT_DB)
