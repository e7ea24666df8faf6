"""One Settings object; overrides by copy (``settings.replace(db=...)``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.errors import InvalidInput, TimelineError

__all__ = ["Settings", "DEFAULT_DB", "database_url", "load_settings", "shown_database"]

DEFAULT_DB = "timeline.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the library needs to know about its surroundings.

    ``db`` is a file path (SQLite) or an SQLAlchemy URL such as
    ``postgresql+psycopg://user@host/dbname``. ``allow_private_hosts`` lets URL ingest reach
    loopback, private and link-local addresses (intranet sources); it is off by default so
    that a link in a feed cannot read internal services.
    """

    db: str = DEFAULT_DB
    day_first: bool = False
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10 * 1024 * 1024
    allow_private_hosts: bool = False

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


def shown_database(db: str) -> str:
    """A database location as it may be printed: a URL keeps its user, never its password
    (written before the host or as a ``password=`` parameter)."""
    if "://" not in db or db.startswith("sqlite"):
        return db
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(db)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return db.split("://", 1)[0] + "://..."
    user = f"{parts.username}@" if parts.username else ""
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k.lower() != "password"])
    host = f"[{host}]" if ":" in host else host
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, query, parts.fragment))


def load_settings(db: str | None = None) -> Settings:
    """Settings from the environment (``TIMELINE_DB``, ``TIMELINE_ALLOW_PRIVATE_HOSTS``),
    overridden by ``db``."""
    return Settings(db=db or os.environ.get("TIMELINE_DB") or DEFAULT_DB,
                    allow_private_hosts=_env_flag("TIMELINE_ALLOW_PRIVATE_HOSTS"))


_YES, _NO = {"1", "true", "yes", "y", "on"}, {"", "0", "false", "no", "n", "off"}


def _env_flag(name: str) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value in _YES | _NO:
        return value in _YES
    raise InvalidInput(f"{name}={os.environ[name]!r} is not a yes/no value "
                       f"(1, true, yes, on or 0, false, no, off)")
