"""Databases of N synthetic events for the bulk and query benchmarks, filled fast and cached.

Rows go straight into the tables of the first schema (revision ``0001``, as timeline
0.1.0 wrote them): ``executemany`` in one transaction on SQLite, ``COPY`` on PostgreSQL.
Then the program's own ``timeline db upgrade`` derives what later schemas add (folded
keys, spans, the full-text index), exactly as it does for a user's old database. A
million events take a few minutes this way where the library's per-event path would take
hours, and the derived data cannot drift from what the program itself writes.

Filled databases are kept between runs:

- SQLite: ``/tmp/timeline-bench/<N>.db`` (override the folder with ``TIMELINE_BENCH_DIR``),
  with ``<N>.db.json`` beside it recording the fill version and the schema it was made
  for. It is filled under a temporary name and renamed when complete, so an interrupted
  fill never leaves a half-filled cache.
- PostgreSQL: database ``timeline_bench_<N>`` on the server of ``--pg URL``, marked
  complete by a comment on the database.

A cache is used only when its fill version and schema match what the current code
creates; otherwise it is filled again (``--refill`` forces that). The data: events spread
evenly over 2016-2025, 70% dated to a day, the rest ranges, weeks, months and years; 1-3
actors each out of 400 with a few frequent ones (Qatar, Egypt, the United States...); a
place out of 150 with Cairo among the frequent; 1-3 sources each with an evidence
sentence; some words ("hostages") in a few percent of the evidence.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import TIMELINE, run  # noqa: E402

FILL_VERSION = 2
CACHE = Path(os.environ.get("TIMELINE_BENCH_DIR", "/tmp/timeline-bench"))
FIRST_DAY = date(2016, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
CHUNK = 20_000

# What the query benchmark filters on: frequent enough to fill a page, not the whole table.
QUARTER = (date(2020, 4, 1), date(2020, 6, 30))
ACTOR = "Qatar"
TYPE = "meeting"
PLACE = "Cairo"
WORD = "hostages"

_STATES = (
    "Qatar", "Egypt", "United States", "Israel", "Russia", "Ukraine", "Turkey", "Saudi Arabia",
    "Iran", "Oman", "France", "Germany", "United Kingdom", "China", "Jordan", "Lebanon",
    "Syria", "Iraq", "Sudan", "Ethiopia", "Kenya", "Rwanda", "Angola", "Armenia", "Azerbaijan",
    "Serbia", "Kosovo", "Colombia", "Venezuela", "Cuba", "Norway", "Mexico", "Pakistan",
    "India", "Afghanistan", "Thailand", "Cambodia", "Malaysia", "Morocco", "Algeria",
    "Switzerland", "Sweden", "Italy", "Spain", "Brazil", "South Africa", "Nigeria", "Yemen",
    "United Arab Emirates", "Kuwait", "Bahrain", "Libya", "Tunisia", "Chad", "Niger", "Mali",
    "Belarus", "Georgia", "Moldova", "Poland",
)
_GROUPS = (
    "Hamas", "Hezbollah", "Houthis", "Taliban", "ELN", "M23", "Rapid Support Forces",
    "Sudanese Armed Forces", "Syrian Democratic Forces", "Polisario Front",
    "Palestinian Islamic Jihad", "Tigray People's Liberation Front",
)
_ORGS = (
    "United Nations", "European Union", "African Union", "Arab League", "NATO", "IAEA",
    "International Committee of the Red Cross", "OSCE", "Gulf Cooperation Council", "ECOWAS",
)
_CITIES = (
    ("Cairo", "Egypt"), ("Doha", "Qatar"), ("Istanbul", "Turkey"), ("Geneva", "Switzerland"),
    ("Riyadh", "Saudi Arabia"), ("Jeddah", "Saudi Arabia"), ("Muscat", "Oman"),
    ("Washington", "United States"), ("Moscow", "Russia"), ("Kyiv", "Ukraine"),
    ("Paris", "France"), ("Brussels", "Belgium"), ("Vienna", "Austria"), ("Rome", "Italy"),
    ("Beirut", "Lebanon"), ("Amman", "Jordan"), ("Tehran", "Iran"), ("Ankara", "Turkey"),
    ("Abu Dhabi", "United Arab Emirates"), ("Addis Ababa", "Ethiopia"), ("Nairobi", "Kenya"),
    ("Pretoria", "South Africa"), ("Luanda", "Angola"), ("Kigali", "Rwanda"),
    ("Havana", "Cuba"), ("Caracas", "Venezuela"), ("Bogota", "Colombia"),
    ("Mexico City", "Mexico"), ("Oslo", "Norway"), ("Stockholm", "Sweden"),
    ("London", "United Kingdom"), ("Berlin", "Germany"), ("Madrid", "Spain"),
    ("Islamabad", "Pakistan"), ("New Delhi", "India"), ("Kabul", "Afghanistan"),
    ("Kuala Lumpur", "Malaysia"), ("Bangkok", "Thailand"), ("Phnom Penh", "Cambodia"),
    ("Rabat", "Morocco"), ("Algiers", "Algeria"), ("Baku", "Azerbaijan"),
    ("Yerevan", "Armenia"), ("Belgrade", "Serbia"), ("Pristina", "Kosovo"),
    ("Damascus", "Syria"), ("Baghdad", "Iraq"), ("Khartoum", "Sudan"), ("Sanaa", "Yemen"),
    ("Tripoli", "Libya"),
)
_VERBS = {
    "meeting": ("holds talks with", "meets", "resumes negotiations with", "speaks by phone with"),
    "visit": ("visits", "sends a delegation to", "travels to meet"),
    "statement": ("issues a statement on talks with", "comments on negotiations with"),
    "proposal": ("presents a proposal to", "submits a draft to", "offers a plan to"),
    "agreement": ("reaches a deal with", "signs an agreement with", "agrees a truce with"),
    "rejection": ("rejects the offer of", "turns down the proposal of"),
    "request": ("urges", "calls on", "appeals to"),
    "ceasefire": ("extends the truce with", "announces a pause in fighting with"),
}
_TYPES = tuple(_VERBS)
_TYPE_WEIGHTS = (30, 15, 15, 10, 8, 6, 10, 6)
_CLAUSES = (
    "officials familiar with the talks said", "according to a statement from the mediators",
    "in a move welcomed by the United Nations", "after weeks of shuttle diplomacy",
    "as pressure mounted over the fate of the hostages", "amid a dispute over the sequencing",
    "while fighting continued elsewhere", "diplomats briefed on the meeting said",
    "in the presence of regional envoys", "raising hopes of a broader settlement",
    "despite objections from hardliners", "a spokesman told reporters",
    "with humanitarian access high on the agenda", "after a phone call between the leaders",
    "in a session that lasted several hours", "according to two people present",
    "as the deadline approached", "following a request from the mediators",
    "with guarantees still unresolved", "amid talk of a prisoner exchange",
    "as talks on aid corridors dragged on", "in what officials called a constructive atmosphere",
    "with sanctions relief on the table", "after the previous round ended without a result",
    "a senior negotiator said", "state media reported", "as both sides traded accusations",
    "without giving further details", "as the border crossings stayed closed",
    "in a joint statement",
)
_OUTLETS = (("Reuters", "reuters.example"), ("Agence France-Presse", "afp.example"),
            ("Associated Press", "apnews.example"), ("Al Jazeera", "aljazeera.example"),
            ("Anadolu Agency", "aa.example"), ("Xinhua", "xinhua.example"),
            ("The Guardian", "guardian.example"), ("Bloomberg", "bloomberg.example"))
_ROLES = ("initiator", "counterpart", "mediator", "host", "participant")


def actor_table() -> list[tuple[int, str, str]]:
    """(id, name, kind) of the 400 actors: real names first, then numbered envoys."""
    named = [(n, "state") for n in _STATES] + [(n, "group") for n in _GROUPS] + \
        [(n, "organization") for n in _ORGS]
    named += [(f"Envoy {i:03d}", "person") for i in range(400 - len(named))]
    return [(i + 1, name, kind) for i, (name, kind) in enumerate(named)]


def event_id(i: int) -> str:
    """A scattered 12-hex id, unique for every i < 2**48 (an odd multiplier is a bijection)."""
    return f"{(i * 0x9E3779B97F4B) % (1 << 48):012x}"


class Rows:
    """The rows of every table for events ``0 .. n-1``, generated in chunks."""

    def __init__(self, n: int, seed: int = 11) -> None:
        self.n, self.seed = n, seed
        self.actors = actor_table()
        # A few actors are in many events, most in few: weights fall off as 1/rank.
        self.actor_weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(self.actors))]
        self.city_weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(_CITIES))]
        self.created = datetime(2026, 1, 1, tzinfo=UTC)

    def chunks(self) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]],
                                       list[tuple[Any, ...]]]]:
        """(events, event_actors, sources) rows, ``CHUNK`` events at a time."""
        rnd = random.Random(self.seed)
        source_id = 0
        for lo in range(0, self.n, CHUNK):
            events, links, sources = [], [], []
            for i in range(lo, min(lo + CHUNK, self.n)):
                eid = event_id(i)
                start = FIRST_DAY + timedelta(days=rnd.randrange(DAYS))
                roll = rnd.random()
                if roll < 0.70:
                    end, precision, text = start, "day", f"on {start:%A}"
                elif roll < 0.85:
                    end = start + timedelta(days=rnd.randint(1, 6))
                    precision, text = "range", f"from {start:%B %d} to {end:%B %d}"
                elif roll < 0.90:
                    start -= timedelta(days=start.weekday())
                    end, precision, text = start + timedelta(days=6), "week", "last week"
                elif roll < 0.98:
                    start = start.replace(day=1)
                    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                    precision, text = "month", f"in {start:%B}"
                else:
                    start, end = date(start.year, 1, 1), date(start.year, 12, 31)
                    precision, text = "year", f"in {start.year}"
                etype = rnd.choices(_TYPES, _TYPE_WEIGHTS)[0]
                picked = rnd.choices(self.actors, self.actor_weights, k=rnd.choice((1, 2, 2, 3)))
                picked = list({a[0]: a for a in picked}.values())
                city, country = rnd.choices(_CITIES, self.city_weights)[0]
                if rnd.random() < 0.1:
                    city, country = None, None  # place unknown
                first = picked[0][1]
                second = picked[1][1] if len(picked) > 1 else "mediators"
                title = f"{first} {rnd.choice(_VERBS[etype])} {second}" + \
                    (f" in {city}" if city else "")
                status = rnd.choices(("occurred", "planned", "cancelled"), (85, 12, 3))[0]
                origin = rnd.choices(("extracted", "imported", "manual"), (85, 10, 5))[0]
                events.append((eid, etype, status, start, end, precision, text, title, city,
                               country, round(rnd.uniform(0.5, 1.0), 2), origin,
                               self.created, self.created))
                for pos, (aid, _name, _kind) in enumerate(picked):
                    links.append((eid, aid, rnd.choice(_ROLES), pos))
                for pos in range(rnd.choice((1, 1, 2, 2, 3))):
                    outlet, domain = rnd.choice(_OUTLETS)
                    published = end + timedelta(days=rnd.randint(0, 3))
                    evidence = f"{title} {text}, {rnd.choice(_CLAUSES)}."
                    source_id += 1
                    sources.append((source_id, eid, None,
                                    f"https://{domain}/{published:%Y/%m/%d}/{eid}-{pos}",
                                    outlet, title, published, evidence, None, None, pos))
            yield events, links, sources


EVENT_COLS = ("id", "type", "status", "date_start", "date_end", "date_precision", "date_text",
              "title", "location", "country", "confidence", "origin", "created_at",
              "updated_at")
LINK_COLS = ("event_id", "actor_id", "role", "position")
SOURCE_COLS = ("id", "event_id", "document_id", "url", "outlet", "title", "published",
               "evidence", "evidence_start", "evidence_end", "position")
ACTOR_COLS = ("id", "name", "kind", "aliases")


# --- SQLite -------------------------------------------------------------------------


def _create_schema(db: str) -> None:
    """Let the program create its own schema, as a user's first command would."""
    got = run([TIMELINE, "--db", db, "list", "--limit", "1"], timeout=120)
    if not got.ok:
        raise SystemExit(f"cannot create the schema with `timeline --db {db} list`: "
                         f"{got.failure()}")


def _create_first_schema(url: str) -> None:
    """The tables of revision ``0001``, through the program's own migrations."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from timeline.schema import MIGRATIONS

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
    finally:
        engine.dispose()


def _upgrade(db: str) -> None:
    """``timeline db upgrade``, as a user with an old database runs it."""
    got = run([TIMELINE, "--db", db, "db", "upgrade"], timeout=3600)
    if not got.ok:
        raise SystemExit(f"`timeline --db {db} db upgrade` failed: {got.failure()}")


def sqlite_schema() -> str:
    """A fingerprint of the schema the current code creates (SQL of every table, index,
    trigger and view)."""
    tmp = CACHE / f"schema-{os.getpid()}.db"
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        _create_schema(str(tmp))
        con = sqlite3.connect(tmp)
        sql = "\n".join(r[0] for r in con.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"))
        con.close()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return hashlib.sha256(sql.encode()).hexdigest()[:16]


def _check_columns(table: str, present: dict[str, bool], ours: tuple[str, ...]) -> None:
    """Refuse clearly when the schema gained a required column this fill does not write."""
    missing = [c for c, required in present.items() if required and c not in ours]
    if missing:
        raise SystemExit(f"table {table} has required column(s) {', '.join(missing)} that "
                         f"benchmarks/_fill.py does not fill: adapt it to the new schema")


def _sqlite_insert(con: sqlite3.Connection, table: str, cols: tuple[str, ...],
                   rows: list[tuple[Any, ...]]) -> None:
    con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                    f"({', '.join('?' * len(cols))})", rows)


def _iso(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Dates and times as SQLAlchemy writes them to SQLite."""
    return tuple(v.isoformat() if isinstance(v, date) and not isinstance(v, datetime) else
                 v.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v
                 for v in row)


def ensure_sqlite(n: int, *, refill: bool = False, quiet: bool = False) -> Path:
    """``/tmp/timeline-bench/<n>.db`` filled with ``n`` events (reused when current)."""
    import time

    CACHE.mkdir(parents=True, exist_ok=True)
    db, meta = CACHE / f"{n}.db", CACHE / f"{n}.db.json"
    want = {"fill_version": FILL_VERSION, "events": n, "schema": sqlite_schema()}
    if not refill and db.exists() and meta.exists():
        try:
            if json.loads(meta.read_text()) == want:
                return db
        except ValueError:
            pass
    tmp = CACHE / f"{n}.filling.db"
    for p in (db, meta, tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{db}-wal"),
              Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    t0 = time.perf_counter()
    _create_first_schema(f"sqlite:///{tmp}")
    con = sqlite3.connect(tmp, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")  # a file nobody else reads until it is renamed
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-200000")
    for table, cols in (("events", EVENT_COLS), ("event_actors", LINK_COLS),
                        ("sources", SOURCE_COLS), ("actors", ACTOR_COLS)):
        info = con.execute(f"PRAGMA table_info({table})").fetchall()
        _check_columns(table, {r[1]: bool(r[3]) and r[4] is None and not r[5] for r in info},
                       cols)
    rows = Rows(n)
    con.execute("BEGIN")
    _sqlite_insert(con, "actors", ACTOR_COLS, [(i, name, kind, "") for i, name, kind
                                               in rows.actors])
    done = 0
    for events, links, sources in rows.chunks():
        _sqlite_insert(con, "events", EVENT_COLS, [_iso(r) for r in events])
        _sqlite_insert(con, "event_actors", LINK_COLS, links)
        _sqlite_insert(con, "sources", SOURCE_COLS, [_iso(r) for r in sources])
        done += len(events)
        if not quiet and n >= 200_000 and done % 200_000 == 0:
            print(f"  filling {db.name}: {done:,} events, {time.perf_counter() - t0:.0f} s",
                  flush=True)
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode=WAL")  # as the program leaves its databases
    con.close()
    _upgrade(str(tmp))
    for backup in CACHE.glob(f"{tmp.name}.before-*.bak"):
        backup.unlink()  # the upgrade's safety copy: nothing to keep for generated data
    con = sqlite3.connect(tmp)
    con.execute("ANALYZE")
    con.close()
    tmp.rename(db)
    meta.write_text(json.dumps(want))
    if not quiet:
        print(f"filled {db} with {n:,} events in {time.perf_counter() - t0:.0f} s "
              f"({db.stat().st_size / 2**20:.0f} MB)", flush=True)
    return db


# --- PostgreSQL ---------------------------------------------------------------------


def pg_conninfo(url: str, dbname: str | None = None) -> str:
    """A libpq URL from an SQLAlchemy one, optionally for another database on that server."""
    scheme, rest = url.split("://", 1)
    conninfo = "postgresql://" + rest
    if dbname is not None:
        head, _, tail = conninfo.partition("?")
        conninfo = head.rsplit("/", 1)[0] + "/" + dbname + (("?" + tail) if tail else "")
    return conninfo


def pg_url(url: str, dbname: str) -> str:
    """The SQLAlchemy URL of another database on the same server."""
    return "postgresql+psycopg://" + pg_conninfo(url, dbname).split("://", 1)[1]


def pg_admin(url: str) -> Any:
    """An autocommit connection to the server's ``postgres`` database."""
    import psycopg

    return psycopg.connect(pg_conninfo(url, "postgres"), autocommit=True)


def pg_recreate(url: str, dbname: str) -> str:
    """Drop and create database ``dbname``; its SQLAlchemy URL."""
    with pg_admin(url) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        con.execute(f'CREATE DATABASE "{dbname}"')
    return pg_url(url, dbname)


def pg_schema(url: str) -> str:
    """A fingerprint of the schema the current code creates on PostgreSQL."""
    import psycopg

    name = f"timeline_bench_schema_{os.getpid()}"
    target = pg_recreate(url, name)
    try:
        _create_schema(target)
        with psycopg.connect(pg_conninfo(url, name)) as con:
            cols = con.execute(
                "SELECT table_name, column_name, data_type, is_nullable FROM "
                "information_schema.columns WHERE table_schema = 'public' "
                "ORDER BY 1, 2").fetchall()
            idx = con.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' "
                              "ORDER BY 1").fetchall()
            trg = con.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                              "ORDER BY 1").fetchall()
    finally:
        with pg_admin(url) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return hashlib.sha256(repr((cols, idx, trg)).encode()).hexdigest()[:16]


def ensure_pg(url: str, n: int, *, refill: bool = False, quiet: bool = False) -> str:
    """Database ``timeline_bench_<n>`` on the server of ``url`` filled with ``n`` events
    (reused when current); its SQLAlchemy URL."""
    import time

    import psycopg

    name = f"timeline_bench_{n}"
    want = f"timeline-bench fill {FILL_VERSION} events {n} schema {pg_schema(url)}"
    with pg_admin(url) as con:
        got = con.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                          "WHERE datname = %s", (name,)).fetchone()
    if got is not None and got[0] == want and not refill:
        return pg_url(url, name)
    t0 = time.perf_counter()
    target = pg_recreate(url, name)
    _create_first_schema(target)
    rows = Rows(n)
    with psycopg.connect(pg_conninfo(url, name)) as con:
        for table, cols in (("events", EVENT_COLS), ("event_actors", LINK_COLS),
                            ("sources", SOURCE_COLS), ("actors", ACTOR_COLS)):
            info = con.execute(
                "SELECT column_name, is_nullable = 'NO' AND column_default IS NULL FROM "
                "information_schema.columns WHERE table_schema = 'public' AND "
                "table_name = %s", (table,)).fetchall()
            _check_columns(table, dict(info), cols)
        with con.cursor() as cur:
            with cur.copy(f"COPY actors ({', '.join(ACTOR_COLS)}) FROM STDIN") as cp:
                for i, name_, kind in rows.actors:
                    cp.write_row((i, name_, kind, ""))
            done = 0
            for events, links, sources in rows.chunks():
                for table, cols, chunk in (("events", EVENT_COLS, events),
                                           ("event_actors", LINK_COLS, links),
                                           ("sources", SOURCE_COLS, sources)):
                    with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as cp:
                        for row in chunk:
                            cp.write_row(row)
                done += len(events)
                if not quiet and n >= 200_000 and done % 200_000 == 0:
                    print(f"  filling {name}: {done:,} events, "
                          f"{time.perf_counter() - t0:.0f} s", flush=True)
            # Keep the id sequences ahead of the rows written with explicit ids.
            for table in ("actors", "sources"):
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT max(id) FROM {table}))")
        con.commit()
    _upgrade(target)
    with psycopg.connect(pg_conninfo(url, name), autocommit=True) as con:
        con.execute("VACUUM ANALYZE")
    with pg_admin(url) as con:
        con.execute(f'COMMENT ON DATABASE "{name}" IS ' + "'" + want + "'")
    if not quiet:
        print(f"filled {name} with {n:,} events in {time.perf_counter() - t0:.0f} s",
              flush=True)
    return pg_url(url, name)
