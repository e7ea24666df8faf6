"""The event store: engine, transactions, upserts and queries. The only module that speaks SQL.

Every write happens in one transaction: a failed import, edit or ingest leaves the
database as it was. On SQLite a write transaction takes the write lock when it begins
(``BEGIN IMMEDIATE``), so a transaction that reads and then writes never fails half-way
with "database is locked"; it waits its turn (the busy timeout) instead. Inserts of actors
and documents are upserts, so concurrent writers naming the same new actor or ingesting
the same document do not collide. ``Store.writing(exclusive=True)`` also serialises
whole units of work across processes (ingest's read-merge-write), on PostgreSQL with an
advisory lock.

Text search uses the database's full-text index: FTS5 on SQLite, a ``tsvector`` with a
GIN index on PostgreSQL. Both hold ``models.fold``-ed words of an event's title and
evidence, made in Python so that both databases and every server locale agree.
"""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    Connection,
    Engine,
    and_,
    any_,
    bindparam,
    cast,
    column,
    delete,
    event,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    union_all,
    update,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import Join, UnaryExpression
from sqlalchemy.sql.operators import custom_op
from sqlalchemy.types import Date, Text
from sqlmodel import create_engine

from timeline.config import Settings, load_settings, shown_database
from timeline.errors import InvalidInput, NotFound, TimelineError
from timeline.merge import Occasion
from timeline.models import (
    MAX_ID_LENGTH,
    ActorRef,
    ActorTuple,
    EventCreate,
    EventFilter,
    EventRecord,
    EventRow,
    Origin,
    RecordTuple,
    SourceRef,
    SourceTuple,
    TrackCreate,
    TrackInfo,
    check_event_id,
    describe_validation_error,
    fold_key,
    search_words,
    slugify,
    storable,
    utcnow,
)
from timeline.schema import SchemaChange, ensure_schema
from timeline.tables import (
    Actor,
    Document,
    Event,
    EventActor,
    EventTrack,
    Revision,
    Source,
    Track,
)

__all__ = [
    "EventFilter",
    "EventRecord",
    "Store",
    "Writer",
    "content_id",
    "describe_validation_error",
    "new_id",
    "open_store",
    "search_words",
]

E, A, EA, S, T, ET, D, R = (Event.__table__, Actor.__table__, EventActor.__table__,  # type: ignore[attr-defined]
                            Source.__table__, Track.__table__, EventTrack.__table__,  # type: ignore[attr-defined]
                            Document.__table__, Revision.__table__)  # type: ignore[attr-defined]
_SEARCH_DOCS = table("search_docs", column("rowid"), column("event_id"))
_SEARCH_INDEX = table("search_index", column("rowid"), column("body"))
_PG_SEARCH: Any = literal_column("events.search")  # in conditions on ``E``
_PG_EVENTS = table("events", column("id"), column("search"))  # for its updates
_CHUNK = 500  # ids per IN (...) list
_WRITE_LOCK = 0x74696D656C696E66  # PostgreSQL advisory lock of exclusive units of work
# A filter matching fewer events than this is read through its own index on SQLite
# (20,000 index lookups and a sort: a few tens of milliseconds).
FEW = 20_000
BRIEF_SPAN = 7  # days: most events are a day long, nearly all the rest a week at most
SHORT_SPAN = 62  # days: intervals up to this long are found through the date index


def content_id(event: EventCreate) -> str:
    """A stable id from what an event says, so the same row imported twice is one event."""
    key = "|".join(
        [
            str(event.type),
            event.date_start.isoformat(),
            (event.date_end or event.date_start).isoformat(),
            event.title.casefold(),
            ",".join(sorted(a.name.casefold() for a in event.actors)),
        ]
    )
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def new_id() -> str:
    return secrets.token_hex(6)


# --- engine -----------------------------------------------------------------------------


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling would BEGIN lazily (DEFERRED); ``_sqlite_begin``
    # issues BEGIN itself so that writers can ask for IMMEDIATE.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    _wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    # a 32 MB page cache (the default is 2 MB): a big store's index pages stay in memory
    # instead of being read again through system calls
    cur.execute("PRAGMA cache_size=-32768")
    cur.close()


def _wal(cur: Any) -> None:
    """Write-ahead logging, once per file. Switching needs the file to itself, and the
    busy timeout does not cover it: when another process is creating the same new
    database, wait for it rather than fail."""
    if cur.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    for _ in range(300):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err):
                raise
            time.sleep(0.1)
    cur.execute("PRAGMA journal_mode=WAL")


def _sqlite_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get("timeline_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_store(db: str | None = None, settings: Settings | None = None) -> Store:
    """Open (and on first use create or upgrade) the store named by ``db``, ``TIMELINE_DB``
    or the default."""
    settings = settings or load_settings(db)
    return Store(settings.database_url)


class Store:
    """Events in a database. Methods take and return the models of ``timeline.models``.

    ``schema_change`` says whether opening created or upgraded the schema.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = _make_engine(url)
        except (SQLAlchemyError, ValueError) as err:
            raise TimelineError(f"cannot open database {shown_database(url)}: {_first_line(err)}") \
                from err
        try:
            self.schema_change: SchemaChange | None = ensure_schema(self.engine)
        except TimelineError:
            self.engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as err:
            self.engine.dispose()
            raise TimelineError(
                f"cannot open database {shown_database(url)}: {_first_line(err)}") from err
        self.dialect = self.engine.dialect.name
        # actor name -> id of actors known to be committed (actors are never deleted):
        # writers read it and add what they inserted only once their transaction commits
        self._actor_ids: dict[str, int] = {}
        self._actor_lock = threading.Lock()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions -----------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads (one snapshot on PostgreSQL, one read transaction on SQLite)."""
        with _db_errors(), self.engine.connect() as conn:
            if self.dialect == "postgresql":  # every statement of the block sees one state
                conn.execution_options(isolation_level="REPEATABLE READ",
                                       postgresql_readonly=True)
            with conn.begin() as tx:
                yield conn
                tx.rollback()  # nothing to keep: reads only

    @contextmanager
    def writing(self, *, exclusive: bool = False) -> Iterator[Writer]:
        """A write transaction, committed when the block ends and rolled back if it raises.

        ``exclusive`` makes the whole block one turn among processes (reads included), for
        work that decides what to write from what it read, such as merging reports.
        """
        with _db_errors(), self.engine.connect() as conn:
            if self.dialect == "sqlite":
                conn.execution_options(timeline_write=True)
            with self._actor_lock:
                known = dict(self._actor_ids)
            writer = Writer(conn, self.dialect, known)
            with conn.begin():
                if exclusive and self.dialect == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITE_LOCK})")
                yield writer
                conn.execute(update(R).where(R.c.id == 1).values(n=R.c.n + 1))
            with self._actor_lock:  # committed: what this writer learnt holds for everyone
                self._actor_ids.update(writer.actor_cache)

    # --- writing ----------------------------------------------------------------------

    def add(self, event: EventCreate, event_id: str | None = None) -> str:
        """Store a new event and return its id."""
        eid = check_event_id(event_id) if event_id else new_id()
        with self.writing() as w:
            if w.existing_ids([eid]):
                raise InvalidInput(f"an event with id {eid} already exists")
            w.insert_events([(eid, event)])
        return eid

    def add_many(self, events: Iterable[tuple[str | None, EventCreate]]) -> tuple[int, int]:
        """Store events with given (or content-derived) ids; existing ids are left alone.

        Returns (added, already present). One transaction for the lot.
        """
        added = present = 0
        with self.writing() as w:
            batch: dict[str, EventCreate] = {}
            for event_id, ev in events:
                batch.setdefault(event_id or content_id(ev), ev)
                if len(batch) >= _CHUNK:
                    a, p = w.insert_new(batch)
                    added, present, batch = added + a, present + p, {}
            a, p = w.insert_new(batch)
        return added + a, present + p

    def update(self, event_id: str, changes: dict[str, Any]) -> EventRecord:
        """Apply a person's edit: the result is validated as a whole and becomes ``manual``."""
        with self.writing() as w:
            current = w.record(self._resolve(w.conn, event_id))
            data = current.model_dump(exclude={"id", "created_at", "updated_at"})
            data.update(changes)
            data["origin"] = Origin.MANUAL
            try:
                merged = EventCreate.model_validate(data)
            except ValidationError as err:
                raise InvalidInput(describe_validation_error(err)) from err
            w.replace_event(current.id, merged, keep_sources="sources" not in changes)
            return w.record(current.id)

    def delete(self, event_id: str) -> str:
        with self.writing() as w:
            eid = self._resolve(w.conn, event_id)
            w.delete_events([eid])
            return eid

    # --- reading ----------------------------------------------------------------------

    def get(self, event_id: str) -> EventRecord:
        with self.reading() as conn:
            return Writer(conn, self.dialect).record(self._resolve(conn, event_id))

    def has_document(self, document_id: str) -> bool:
        return bool(self.stored_documents([document_id]))

    def stored_documents(self, document_ids: Iterable[str]) -> set[str]:
        """Which of these documents are stored already (one query for many)."""
        found: set[str] = set()
        with self.reading() as conn:
            for chunk in _chunks(list(document_ids)):
                found.update(conn.execute(select(D.c.id).where(D.c.id.in_(chunk))).scalars())
        return found

    def count(self, flt: EventFilter | None = None, *, cap: int | None = None) -> int:
        """How many events match; with ``cap``, counting stops there (cheap on big stores)."""
        matching = select(E.c.id).where(*(self._conditions(flt) if flt else []))
        if cap is not None:
            matching = matching.limit(cap)
        with self.reading() as conn:
            return int(conn.execute(select(func.count()).select_from(matching.subquery()))
                       .scalar() or 0)

    def query(self, flt: EventFilter | None = None) -> list[EventRecord]:
        """Events matching ``flt``, newest first."""
        return list(self.iter_records(flt))

    def iter_records(self, flt: EventFilter | None = None, *, batch: int = 1000
                     ) -> Iterator[EventRecord]:
        """Events matching ``flt``, newest first, read in batches: memory stays flat however
        many there are (a server-side cursor on PostgreSQL)."""
        for t in self.iter_tuples(flt, batch=batch):
            yield t.record()

    def iter_tuples(self, flt: EventFilter | None = None, *, batch: int = 1000,
                    sources: bool = True) -> Iterator[RecordTuple]:
        """``iter_records`` as plain tuples: what exports stream (without ``sources``,
        every event's sources are left out: a listing does not show them)."""
        with self.reading() as conn:
            yield from Writer(conn, self.dialect).tuples(
                self._event_select(flt or EventFilter()), batch, sources=sources)

    def candidates(self, lo: date, hi: date, types: Iterable[str],
                   actor_keys: Iterable[str] | None = None) -> list[Occasion]:
        """Stored events that could be reports of the same occasions (for merging)."""
        with self.reading() as conn:
            return Writer(conn, self.dialect).candidates(
                [(t, lo, hi) for t in types], actor_keys)

    def actor_names(self) -> list[str]:
        with self.reading() as conn:
            return list(conn.execute(select(A.c.name).order_by(A.c.name)).scalars())

    def locations(self) -> list[str]:
        stmt = select(E.c.location).where(E.c.location.is_not(None)).distinct()
        with self.reading() as conn:
            return sorted(conn.execute(stmt).scalars())

    # --- tracks -----------------------------------------------------------------------

    def tracks(self) -> list[TrackInfo]:
        """Every track with how many events it holds, by name."""
        counts = (select(ET.c.track_id, func.count().label("n")).group_by(ET.c.track_id)
                  .subquery())
        stmt = (select(T.c.slug, T.c.name, T.c.parties, T.c.keywords,
                       func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.track_id == T.c.id).order_by(T.c.name))
        with self.reading() as conn:
            return [TrackInfo.model_validate({
                "slug": slug, "name": name, "parties": json.loads(parties),
                "keywords": json.loads(keywords), "events": n})
                for slug, name, parties, keywords, n in conn.execute(stmt)]

    def track(self, name_or_slug: str) -> TrackInfo:
        """The track a slug or a name refers to (in any case, accents and spacing)."""
        with self.reading() as conn:
            slug = _track_refs(conn).get(slugify(name_or_slug))
        for info in self.tracks():
            if info.slug == slug:
                return info
        raise NotFound(f"no track {name_or_slug!r}; see `timeline track list`")

    def add_track(self, track: TrackCreate) -> TrackInfo:
        with self.writing() as w:
            if w.track_ids([track.slug]):
                raise InvalidInput(f"a track {track.slug!r} already exists")
            w.save_track(track)
        return self.track(track.slug)

    def save_track(self, track: TrackCreate) -> TrackInfo:
        """Create the track, or give an existing one (same slug) this name, parties and words."""
        with self.writing() as w:
            w.save_track(track)
        return self.track(track.slug)

    def rename_track(self, name_or_slug: str, new_name: str) -> TrackInfo:
        """A new name; the slug follows it unless another track has that slug already."""
        old = self.track(name_or_slug)
        try:
            renamed = TrackCreate(name=new_name, parties=old.parties, keywords=old.keywords)
        except ValidationError as err:
            raise InvalidInput(describe_validation_error(err)) from err
        with self.writing() as w:
            if renamed.slug != old.slug and w.track_ids([renamed.slug]):
                raise InvalidInput(f"a track {renamed.slug!r} already exists: merge into it "
                                   f"with `timeline track merge`")
            w.conn.execute(update(T).where(T.c.slug == old.slug)
                           .values(name=renamed.name, slug=renamed.slug))
        return self.track(renamed.slug)

    def merge_tracks(self, source: str, target: str) -> TrackInfo:
        """Move every event of ``source`` into ``target`` and delete ``source``."""
        src, dst = self.track(source), self.track(target)
        if src.slug == dst.slug:
            raise InvalidInput("a track cannot be merged into itself")
        with self.writing() as w:
            ids = w.track_ids([src.slug, dst.slug])
            theirs = ET.alias()
            w.conn.execute(ET.insert().from_select(
                ["event_id", "track_id"],
                select(ET.c.event_id, literal(ids[dst.slug])).where(
                    ET.c.track_id == ids[src.slug],
                    ET.c.event_id.not_in(select(theirs.c.event_id)
                                         .where(theirs.c.track_id == ids[dst.slug])))))
            w.conn.execute(delete(ET).where(ET.c.track_id == ids[src.slug]))
            parties = list(dict.fromkeys(dst.parties + src.parties))
            keywords = list(dict.fromkeys(dst.keywords + src.keywords))
            w.save_track(TrackCreate(name=dst.name, slug=dst.slug, parties=parties,
                                     keywords=keywords))
            w.conn.execute(delete(T).where(T.c.id == ids[src.slug]))
        return self.track(dst.slug)

    def delete_track(self, name_or_slug: str) -> TrackInfo:
        """Delete a track; its events stay, outside it."""
        info = self.track(name_or_slug)
        with self.writing() as w:
            w.conn.execute(delete(T).where(T.c.slug == info.slug))
        return info

    def set_tracks(self, event_id: str, tracks: Sequence[str]) -> EventRecord:
        """Put an event in exactly these tracks (created when new)."""
        with self.writing() as w:
            eid = self._resolve(w.conn, event_id)
            w.conn.execute(delete(ET).where(ET.c.event_id == eid))
            w.link_tracks([(eid, list(tracks))])
            return w.record(eid)

    # --- helpers ----------------------------------------------------------------------

    def _resolve(self, conn: Connection, event_id: str) -> str:
        """The id of the one event ``event_id`` names (itself or a unique prefix of 4+)."""
        key = event_id.strip().lower()
        if not key or len(key) > MAX_ID_LENGTH or storable(key) != key:
            raise NotFound(f"no event with id {event_id!r}")
        if conn.execute(select(E.c.id).where(E.c.id == key)).first() is not None:
            return key
        if len(key) >= 4:
            found = list(conn.execute(
                select(E.c.id).where(E.c.id.startswith(key, autoescape=True)).limit(2))
                .scalars())
            if len(found) == 1:
                return str(found[0])
            if len(found) > 1:
                raise NotFound(f"event id {event_id!r} is ambiguous: give more characters")
        raise NotFound(f"no event with id {event_id!r}")

    def _event_select(self, flt: EventFilter) -> Any:
        stmt = select(*_EVENT_COLUMNS).where(*self._conditions(flt))
        return _page(stmt.order_by(*_NEWEST_FIRST), flt)

    def _conditions(self, flt: EventFilter) -> list[Any]:
        """The filter as SQL conditions, shaped so that a page of the newest events comes
        from the (date_start, id) index whatever the filter: membership tests (EXISTS, a
        materialised word list) instead of joins, and on SQLite no index on the plain
        columns, whose ranges would have to be sorted whole."""
        conds: list[Any] = []
        plain = self._plain
        if flt.since:
            conds.append(E.c.date_end >= flt.since)
            conds.append(E.c.date_start >= self._earliest_start(flt.since, flt.until))
        if flt.until:
            conds.append(E.c.date_start <= flt.until)
        for values, col in ((flt.types, E.c.type), (flt.statuses, E.c.status),
                            (flt.origins, E.c.origin)):
            if values:
                conds.append(plain(col).in_([v.strip().lower() for v in values]))
        if flt.locations:
            keys = [fold_key(v) for v in flt.locations]
            placed = or_(E.c.location_key.in_(keys), E.c.country_key.in_(keys))
            if self.dialect == "sqlite" and not self._few(select(E.c.id).where(placed)):
                placed = or_(plain(E.c.location_key).in_(keys), plain(E.c.country_key).in_(keys))
            conds.append(placed)
        if flt.actors:
            keys = [fold_key(v) for v in flt.actors]
            members = select(EA.c.event_id).join(A, A.c.id == EA.c.actor_id).where(
                A.c.name_key.in_(keys))
            if self._few(members):
                conds.append(self._among(members))
            else:
                conds.append(members.where(EA.c.event_id == E.c.id).exists())
        if flt.tracks:
            with self.reading() as conn:
                refs = _track_refs(conn)
            slugs = [refs.get(slugify(v), slugify(v)) for v in flt.tracks]
            conds.append(select(ET.c.event_id).join(T, T.c.id == ET.c.track_id).where(
                ET.c.event_id == E.c.id, T.c.slug.in_(slugs)).exists())
        if flt.text is not None:
            words = search_words(flt.text)
            if not words:
                raise InvalidInput(f"text {flt.text!r} has no word to search for "
                                   f"(letters or digits)")
            conds.append(self._text_condition(words))
        return conds

    def _plain(self, col: Any) -> Any:
        return _unindexed(col, self.dialect)

    def _few(self, matching: Any) -> bool:
        """Whether a filter matches few events (counted through its own index, up to
        ``FEW``). Those are found through that index and sorted (``_among``); a filter
        that matches many is met soonest by reading the newest events in order. Neither
        planner tells the two apart by itself: SQLite keeps no statistics of single values,
        and PostgreSQL judges an actor by the average one."""
        with self.reading() as conn:
            n = conn.execute(select(func.count()).select_from(
                matching.limit(FEW).subquery())).scalar()
        return int(n or 0) < FEW

    def _among(self, ids: Any) -> Any:
        """The events whose ids a (selective) SELECT gives, found by id. On PostgreSQL the
        ids are read first and handed over as a list: given the SELECT, its planner still
        walks every event in date order testing each against it."""
        if self.dialect == "sqlite":
            return E.c.id.in_(ids)
        with self.reading() as conn:
            found = list(conn.execute(ids).scalars())
        return E.c.id.in_(found) if found else false()

    def _earliest_start(self, since: date, until: date | None) -> date:
        """No event overlapping ``since..until`` starts earlier: a short one at most
        ``SHORT_SPAN`` days before ``since``, a long one (found through the span index:
        they are few) where the earliest of them starts. Bounds the scan of the dates."""
        bound = since - timedelta(days=min(SHORT_SPAN, since.toordinal() - 1))
        plain = self._plain
        stmt = select(func.min(E.c.date_start)).where(
            E.c.span_days > SHORT_SPAN, plain(E.c.date_end) >= since)
        if until is not None:
            stmt = stmt.where(plain(E.c.date_start) <= until)
        with self.reading() as conn:
            first = conn.execute(stmt).scalar()
        return min(bound, _day(first)) if first is not None else bound

    def _text_condition(self, words: list[str]) -> Any:
        if self.dialect == "sqlite":
            query = " ".join(f'"{w}"*' for w in words)  # \w only: nothing to escape
            matches = select(_SEARCH_INDEX.c.rowid).where(
                literal_column("search_index").op("MATCH")(query))
            found = select(_SEARCH_DOCS.c.event_id).where(_SEARCH_DOCS.c.rowid.in_(matches))
            return self._among(found) if self._few(matches) else self._plain(E.c.id).in_(found)
        # \w words quoted as lexemes: the cast reads them as they are, without the server's
        # parser or locale
        from sqlalchemy.dialects.postgresql import TSQUERY

        query = " & ".join(f"'{w}':*" for w in words)
        condition = _PG_SEARCH.op("@@")(cast(literal(query, Text), TSQUERY))
        found = select(E.c.id).where(condition)
        return self._among(found) if self._few(found) else condition

    # --- dashboard queries ---

    def data_version(self) -> tuple[str, ...]:
        """A token that changes with every transaction that wrote (adding, editing,
        deleting, ingesting, filing into a track, renaming one), from any process: the
        dashboard keys its caches by it, so a page sees what the CLI wrote without being
        told. One primary-key read, whatever the size of the store."""
        with self.reading() as conn:
            return (str(conn.execute(select(R.c.n).where(R.c.id == 1)).scalar()),)

    def timeline_rows(self, flt: EventFilter | None = None) -> list[EventRow]:
        """What a timeline needs of each matching event, newest first, as ``EventRow``s,
        each event's initiators first among its actors (the timeline draws an event in the
        lane of the party that acted).

        Column queries read on the driver's cursor, no ORM objects and no models: 100,000
        events load in about a second. The filter runs once; the actors, sources and
        tracks of a filtered view are read for the ids it matched, handed over as one
        parameter (a JSON array on SQLite, an array on PostgreSQL); an unfiltered view
        reads each table once."""
        flt = flt or EventFilter()
        ev_stmt = _page(select(E.c.id, E.c.type, E.c.status, E.c.date_start, E.c.date_end,
                               E.c.date_precision, E.c.date_text, E.c.title, E.c.location,
                               E.c.country, E.c.origin).where(*self._conditions(flt))
                        .order_by(*_NEWEST_FIRST), flt)
        actor_stmt = (select(EA.c.event_id, A.c.name, EA.c.role)
                      .join(A, A.c.id == EA.c.actor_id).order_by(EA.c.event_id, EA.c.position))
        source_stmt = select(
            S.c.event_id, func.count(),
            func.aggregate_strings(func.coalesce(S.c.outlet, S.c.url, ""), _SEP),
        ).group_by(S.c.event_id)
        track_stmt = select(ET.c.event_id, T.c.slug).join(T, T.c.id == ET.c.track_id)
        actors: dict[str, list[str]] = defaultdict(list)
        initiators: dict[str, list[str]] = defaultdict(list)
        tracks: dict[str, list[str]] = defaultdict(list)
        with self.reading() as conn:
            rows = _raw_rows(conn, ev_stmt)
            if flt != EventFilter():
                ids = _list_value([r[0] for r in rows], self.dialect)
                matched = literal(ids) if self.dialect == "sqlite" else \
                    literal(ids, _text_array())
                actor_stmt = actor_stmt.where(_in_list(EA.c.event_id, matched, self.dialect))
                source_stmt = source_stmt.where(_in_list(S.c.event_id, matched, self.dialect))
                track_stmt = track_stmt.where(_in_list(ET.c.event_id, matched, self.dialect))
            for eid, name, role in _raw_rows(conn, actor_stmt):
                (initiators if role == "initiator" else actors)[eid].append(name)
            sources = {eid: (n, labels) for eid, n, labels in _raw_rows(conn, source_stmt)}
            for eid, slug in _raw_rows(conn, track_stmt):
                tracks[eid].append(slug)
        day = date.fromisoformat if rows and isinstance(rows[0][3], str) else _same
        none: tuple[int, str] = (0, "")
        out = []
        for eid, etype, status, start, end, precision, text, title, location, country, \
                origin in rows:
            n, labels = sources.get(eid, none)
            first = initiators.get(eid)
            names = tuple(first + actors.get(eid, [])) if first else tuple(actors.get(eid, ()))
            out.append(EventRow(eid, etype, status, day(start), day(end), precision, text,
                                title, names, location, country, _source_labels(labels),
                                origin, n, tuple(sorted(tracks.get(eid, ())))))
        return out

# newest first; the (date_start, id) index gives this order without sorting
_NEWEST_FIRST = (E.c.date_start.desc(), E.c.id.desc())
_EVENT_COLUMNS = (E.c.id, E.c.type, E.c.status, E.c.date_start, E.c.date_end,
                  E.c.date_precision, E.c.date_text, E.c.title, E.c.location, E.c.country,
                  E.c.confidence, E.c.origin, E.c.created_at, E.c.updated_at)


class Writer:
    """The statements of one transaction (``Store.writing``); reads work in any connection."""

    def __init__(self, conn: Connection, dialect: str,
                 actor_cache: dict[str, int] | None = None) -> None:
        self.conn = conn
        self.dialect = dialect
        self.actor_cache = actor_cache if actor_cache is not None else {}  # this writer's own

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the transaction that is rolled back alone if the block raises."""
        before = dict(self.actor_cache)
        try:
            with self.conn.begin_nested():
                yield
        except BaseException:
            self.actor_cache = before  # actors inserted behind the savepoint are gone
            raise

    # --- events -----------------------------------------------------------------------

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            found.update(self.conn.execute(select(E.c.id).where(E.c.id.in_(chunk))).scalars())
        return found

    def insert_new(self, events: dict[str, EventCreate]) -> tuple[int, int]:
        """Insert the events whose ids are not stored yet: (added, already present)."""
        if not events:
            return 0, 0
        present = self.existing_ids(events)
        self.insert_events([(eid, ev) for eid, ev in events.items() if eid not in present])
        return len(events) - len(present), len(present)

    def insert_events(self, items: Sequence[tuple[str, EventCreate]],
                      document_id: str | None = None) -> None:
        """Insert events with their actors, sources, tracks and search words (batched)."""
        if not items:
            return
        now = utcnow()
        actor_ids = self.actor_ids([a for _, ev in items for a in ev.actors])
        self.insert_rows(E, [_event_values(eid, ev, now) for eid, ev in items])
        self.insert_rows(EA, [
            {"event_id": eid, "actor_id": actor_ids[a.name], "role": str(a.role),
             "position": pos}
            for eid, ev in items for pos, a in enumerate(ev.actors)])
        self.insert_rows(S, [_source_values(eid, src, pos, document_id)
                             for eid, ev in items for pos, src in enumerate(ev.sources)])
        self.link_tracks([(eid, ev.tracks) for eid, ev in items if ev.tracks])
        self._index_new([(eid, _search_text(ev.title, ev.sources)) for eid, ev in items])

    def replace_event(self, event_id: str, ev: EventCreate, *, keep_sources: bool) -> None:
        """Overwrite an event's fields, actors and tracks (and sources unless kept)."""
        values = _event_values(event_id, ev, utcnow())
        del values["id"], values["created_at"]
        self.conn.execute(update(E).where(E.c.id == event_id).values(**values))
        self.conn.execute(delete(EA).where(EA.c.event_id == event_id))
        ids = self.actor_ids(ev.actors)
        self.conn.execute(EA.insert(), [
            {"event_id": event_id, "actor_id": ids[a.name], "role": str(a.role),
             "position": pos} for pos, a in enumerate(ev.actors)])
        if not keep_sources:
            self.conn.execute(delete(S).where(S.c.event_id == event_id))
            if ev.sources:
                self.conn.execute(S.insert(), [_source_values(event_id, s, pos, None)
                                               for pos, s in enumerate(ev.sources)])
        self.conn.execute(delete(ET).where(ET.c.event_id == event_id))
        self.link_tracks([(event_id, ev.tracks)])
        self._reindex([event_id])

    def delete_events(self, ids: Sequence[str]) -> None:
        self._unindex(ids)
        for chunk in _chunks(list(ids)):
            for tbl in (EA, S, ET):
                self.conn.execute(delete(tbl).where(tbl.c.event_id.in_(chunk)))
            self.conn.execute(delete(E).where(E.c.id.in_(chunk)))

    def add_sources(self, items: Sequence[tuple[str, SourceRef]],
                    document_id: str | None = None) -> int:
        """Append reports to stored events that are not hand-made; how many were added."""
        if not items:
            return 0
        ids = list(dict.fromkeys(eid for eid, _ in items))
        # each open event's number of sources and (SQLite) its row of search words
        stored = {eid: [n, row, words] for eid, n, row, words in self.conn.execute(
            _appendable_statement(self.dialect), {"ids": _list_value(ids, self.dialect)})}
        rows, added_text = [], defaultdict(list)
        for eid, src in items:
            if eid not in stored:
                continue
            pos = stored[eid][0]
            stored[eid][0] = pos + 1
            rows.append(_source_values(eid, src, pos, document_id))
            added_text[eid].append(src.evidence)
        if rows:
            self.insert_rows(S, rows)
            self._index_append([(eid, "\n".join(t)) for eid, t in added_text.items()],
                               {eid: (row, words) for eid, (_, row, words) in stored.items()})
        return len(rows)

    def refine_dates(self, items: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Better dates for extracted events (never for hand-made ones)."""
        for eid, fields in items:
            start, end = fields["date_start"], fields.get("date_end") or fields["date_start"]
            self.conn.execute(
                update(E).where(E.c.id == eid, E.c.origin != str(Origin.MANUAL)).values(
                    date_start=start, date_end=end, span_days=(end - start).days,
                    date_precision=str(fields["date_precision"]),
                    date_text=fields.get("date_text") or "", updated_at=utcnow()))

    def records(self, ids: Iterable[str]) -> dict[str, EventRecord]:
        """The stored events among these ids, by id."""
        out: dict[str, EventRecord] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            out.update((t.id, t.record()) for t in self.tuples(
                select(*_EVENT_COLUMNS).where(E.c.id.in_(chunk))))
        return out

    def record(self, event_id: str) -> EventRecord:
        found = self.records([event_id])
        if not found:
            raise NotFound(f"no event with id {event_id!r}")
        return found[event_id]

    def tuples(self, stmt: Any, batch: int = 1000, *, sources: bool = True
               ) -> Iterator[RecordTuple]:
        """The events a SELECT of ``_EVENT_COLUMNS`` finds, with their actors, sources and
        tracks, read on the driver's cursors in batches (server-side on PostgreSQL)."""
        sql, params = _compiled(self.conn, stmt)
        cursor = self._cursor(server_side=True)
        try:
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(batch):
                yield from self._complete(rows, sources=sources)
        finally:
            cursor.close()

    def _complete(self, rows: Sequence[Sequence[Any]], *, sources: bool = True
                  ) -> list[RecordTuple]:
        """Event rows with their actors, sources and tracks: three queries per 500 events."""
        actors: dict[str, list[ActorTuple]] = defaultdict(list)
        reports: dict[str, list[SourceTuple]] = defaultdict(list)
        tracks: dict[str, list[str]] = defaultdict(list)
        mark = "?" if self.dialect == "sqlite" else "%s"
        cursor = self._cursor()
        try:
            for chunk in _chunks([r[0] for r in rows]):
                marks = ",".join([mark] * len(chunk))
                cursor.execute(
                    "SELECT ea.event_id, a.name, a.kind, ea.role FROM event_actors ea "
                    f"JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN ({marks}) "
                    "ORDER BY ea.event_id, ea.position", chunk)
                for eid, *actor in cursor.fetchall():
                    actors[eid].append(ActorTuple(*actor))
                if sources:
                    cursor.execute(
                        "SELECT event_id, url, outlet, title, published, evidence, "
                        f"evidence_start, evidence_end FROM sources WHERE event_id IN ({marks})"
                        " ORDER BY event_id, position, id", chunk)
                    for eid, url, outlet, title, published, *rest in cursor.fetchall():
                        reports[eid].append(SourceTuple(
                            url, outlet, title, _day(published) if published else None, *rest))
                cursor.execute(
                    "SELECT et.event_id, t.slug FROM event_tracks et JOIN tracks t "
                    f"ON t.id = et.track_id WHERE et.event_id IN ({marks}) "
                    "ORDER BY et.event_id, t.slug", chunk)
                for eid, slug in cursor.fetchall():
                    tracks[eid].append(slug)
        finally:
            cursor.close()
        return [RecordTuple(r[0], r[1], r[2], _day(r[3]), _day(r[4]), r[5], r[6], r[7],
                            tuple(actors.get(r[0], ())), r[8], r[9], r[10], r[11],
                            tuple(reports.get(r[0], ())), tuple(tracks.get(r[0], ())),
                            _moment(r[12]), _moment(r[13]))
                for r in rows]

    def _cursor(self, *, server_side: bool = False) -> Any:
        dbapi = self.conn.connection.dbapi_connection
        assert dbapi is not None
        if server_side and self.dialect == "postgresql":
            return dbapi.cursor(name=f"timeline_{secrets.token_hex(4)}")
        return dbapi.cursor()

    # --- actors, documents, tracks ----------------------------------------------------

    def actor_ids(self, refs: Iterable[ActorRef]) -> dict[str, int]:
        """Ids of the actors by name, inserting the new ones (an upsert: safe in a race)."""
        known = self.actor_cache
        wanted = {ref.name: ref for ref in refs}
        new = [ref for name, ref in wanted.items() if name not in known]
        if new:
            rows = [{"name": r.name, "name_key": fold_key(r.name), "kind": str(r.kind),
                     "aliases": ""} for r in new]
            self.conn.execute(
                self._insert(A).on_conflict_do_nothing(index_elements=["name"]), rows)
            for chunk in _chunks([r.name for r in new]):
                known.update(self.conn.execute(select(A.c.name, A.c.id)
                                               .where(A.c.name.in_(chunk))).all())
        return {name: known[name] for name in wanted}

    def add_document(self, values: dict[str, Any]) -> bool:
        """Record a document; False when it was already there (read by another process)."""
        stmt = self._insert(D).values(**values).on_conflict_do_nothing(index_elements=["id"])
        return self.conn.execute(stmt.returning(D.c.id)).first() is not None

    def track_ids(self, slugs: Iterable[str]) -> dict[str, int]:
        wanted = list(dict.fromkeys(slugs))
        if not wanted:
            return {}
        return dict(self.conn.execute(select(T.c.slug, T.c.id).where(T.c.slug.in_(wanted)))
                    .all())

    def save_track(self, track: TrackCreate) -> None:
        values = {"slug": track.slug, "name": track.name,
                  "parties": json.dumps(track.parties, ensure_ascii=False),
                  "keywords": json.dumps(track.keywords, ensure_ascii=False)}
        stmt = self._insert(T).values(created_at=utcnow(), **values)
        self.conn.execute(stmt.on_conflict_do_update(index_elements=["slug"], set_=values))

    def link_tracks(self, items: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Put events in tracks named by slug or name (a track named for the first time is
        created)."""
        if not any(tracks for _, tracks in items):
            return
        refs = _track_refs(self.conn)
        items = [(eid, [refs.get(slugify(t), slugify(t)) for t in tracks])
                 for eid, tracks in items]
        slugs = {s for _, tracks in items for s in tracks}
        if "" in slugs:
            raise InvalidInput("a track is named by letters or digits")
        ids = self.track_ids(slugs)
        for slug in slugs - set(ids):
            self.conn.execute(self._insert(T).values(
                slug=slug, name=slug.replace("-", " ").capitalize(), parties="[]",
                keywords="[]", created_at=utcnow()).on_conflict_do_nothing(
                    index_elements=["slug"]))
        ids = self.track_ids(slugs)
        rows = [{"event_id": eid, "track_id": ids[s]} for eid, tracks in items
                for s in dict.fromkeys(tracks)]
        self.conn.execute(self._insert(ET).on_conflict_do_nothing(
            index_elements=["event_id", "track_id"]), rows)

    # --- merge candidates -------------------------------------------------------------

    def candidates(self, periods: Iterable[tuple[str, date, date]],
                   actor_keys: Iterable[str] | None = None) -> list[Occasion]:
        """Stored events whose type is a period's and whose interval overlaps its days
        (a period is a type, a first and a last day) and, when keys are given, that name
        one of these actors: only the columns the merge compares, in the order of their ids.

        One statement for all the periods. Intervals up to ``SHORT_SPAN`` days are found
        by ranges of the (type, span_days, date_start) index bounded on both sides, each no
        wider than the interval's length class allows; the few long ones by the span_days
        index. What is read is close to what overlaps the periods, however many events are
        stored before, after or between them; each event's actor keys come in the same row.
        """
        wanted = sorted({(str(t), lo, hi) for t, lo, hi in periods})
        if not wanted:
            return []
        keys = None if actor_keys is None else sorted(set(actor_keys))
        stmt = _candidates_statement(self.dialect, keys is not None)
        params = _periods_value(wanted, self.dialect)
        if keys is not None:
            params["keys"] = _list_value(keys, self.dialect)
        # an event overlapping two periods comes twice
        found = {row[0]: row for row in self.conn.execute(stmt, params)}
        return [Occasion(eid, etype, _day(start), _day(end), precision,
                         frozenset(names.split(_SEP)), location, origin)
                for eid, etype, start, end, precision, location, origin, names
                in (found[k] for k in sorted(found)) if names]

    # --- text search ------------------------------------------------------------------

    def _index_new(self, items: Sequence[tuple[str, str]]) -> None:
        if not items:
            return
        cursor = self._cursor()
        try:
            if self.dialect == "sqlite":
                # The rowids are given, the ones SQLite would pick (the write transaction
                # holds the lock): FTS5 takes rows given by value four times faster than
                # rows an INSERT ... SELECT finds.
                cursor.execute("SELECT coalesce(max(rowid), 0) + 1 FROM search_docs")
                first = cursor.fetchone()[0]
                cursor.executemany("INSERT INTO search_docs (rowid, event_id) VALUES (?, ?)",
                                   [(first + i, eid) for i, (eid, _) in enumerate(items)])
                cursor.executemany(
                    "INSERT INTO search_index (rowid, body) VALUES (?, ?)",
                    [(first + i, " ".join(search_words(text)))
                     for i, (_, text) in enumerate(items)])
            else:
                cursor.executemany(
                    "UPDATE events SET search = array_to_tsvector(%s::text[]) WHERE id = %s",
                    [(search_words(text), eid) for eid, text in items])
        finally:
            cursor.close()

    def _index_append(self, items: Sequence[tuple[str, str]],
                      indexed: dict[str, tuple[int | None, str | None]]) -> None:
        """Add the words of new text to stored events' search words; ``indexed`` gives, on
        SQLite, each event's row of the full-text index and the words it holds."""
        if self.dialect == "sqlite":
            # only words the event is not found by yet: an event reported a hundred times
            # keeps a body of its distinct words, and FTS5 re-indexes no more than that
            changes = []
            for eid, text in items:
                row, body = indexed.get(eid, (None, None))
                if row is None:
                    continue
                known = set((body or "").split())
                new = [w for w in search_words(text) if w not in known]
                if new:
                    changes.append((f"{body or ''} {' '.join(new)}".strip(), row))
            if changes:
                cursor = self._cursor()
                try:
                    cursor.executemany("UPDATE search_index SET body = ? WHERE rowid = ?",
                                       changes)
                finally:
                    cursor.close()
        else:
            from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

            search = _PG_EVENTS.c.search
            self.conn.execute(
                update(_PG_EVENTS).where(_PG_EVENTS.c.id == bindparam("eid")).values(
                    search=func.coalesce(search, cast("", TSVECTOR)).op("||")(
                        func.array_to_tsvector(cast(bindparam("words"), ARRAY(Text))))),
                [{"eid": eid, "words": search_words(text)} for eid, text in items])

    def _reindex(self, ids: Sequence[str]) -> None:
        texts: dict[str, list[str]] = {}
        for chunk in _chunks(list(ids)):
            for eid, title in self.conn.execute(select(E.c.id, E.c.title)
                                                .where(E.c.id.in_(chunk))):
                texts[eid] = [title]
            for eid, evidence in self.conn.execute(
                    select(S.c.event_id, S.c.evidence).where(S.c.event_id.in_(chunk))
                    .order_by(S.c.event_id, S.c.position)):
                texts[eid].append(evidence)
        self._unindex(list(texts))
        self._index_new([(eid, "\n".join(t)) for eid, t in texts.items()])

    def _unindex(self, ids: Sequence[str]) -> None:
        if self.dialect != "sqlite":
            return  # the words live in the event's own row
        rowids = self._search_rowids(ids)
        for chunk in _chunks(list(rowids.values())):
            self.conn.execute(delete(_SEARCH_INDEX).where(_SEARCH_INDEX.c.rowid.in_(chunk)))
            self.conn.execute(delete(_SEARCH_DOCS).where(_SEARCH_DOCS.c.rowid.in_(chunk)))

    def _search_rowids(self, ids: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in _chunks(list(ids)):
            out.update((eid, r) for r, eid in self.conn.execute(
                select(_SEARCH_DOCS.c.rowid, _SEARCH_DOCS.c.event_id)
                .where(_SEARCH_DOCS.c.event_id.in_(chunk))))
        return out

    def insert_rows(self, tbl: Any, rows: Sequence[dict[str, Any]]) -> None:
        """INSERT many rows (all with the keys of the first) on the driver's cursor: the
        statement is made once per table and columns and each value goes through the same
        conversion SQLAlchemy would apply, but no statement is compiled and no parameter
        set built per row, which is where a bulk insert through SQLAlchemy spends its time."""
        if not rows:
            return
        cols = tuple(rows[0])
        sql, convert = _bulk_insert(self.conn.dialect, tbl.name, cols)
        cursor = self._cursor()
        try:
            pairs = list(zip(cols, convert, strict=True))
            cursor.executemany(sql, [tuple(f(r[c]) if f and r[c] is not None else r[c]
                                           for c, f in pairs) for r in rows])
        finally:
            cursor.close()

    def _insert(self, tbl: Any) -> Any:
        """INSERT with the dialect's ON CONFLICT clauses."""
        if self.dialect == "sqlite":
            from sqlalchemy.dialects import sqlite as dialect
        else:
            from sqlalchemy.dialects import postgresql as dialect  # type: ignore[no-redef]
        return dialect.insert(tbl)


# --- values ---------------------------------------------------------------------------


def _event_values(eid: str, ev: EventCreate, now: datetime) -> dict[str, Any]:
    end = ev.date_end or ev.date_start
    return {
        "id": eid, "type": str(ev.type), "status": str(ev.status),
        "date_start": ev.date_start, "date_end": end, "span_days": (end - ev.date_start).days,
        "date_precision": str(ev.date_precision), "date_text": ev.date_text or "",
        "title": ev.title, "location": ev.location,
        "location_key": fold_key(ev.location) if ev.location else None,
        "country": ev.country, "country_key": fold_key(ev.country) if ev.country else None,
        "confidence": ev.confidence, "origin": str(ev.origin),
        "created_at": now, "updated_at": now,
    }


def _source_values(eid: str, src: SourceRef, pos: int, document_id: str | None
                   ) -> dict[str, Any]:
    return {"event_id": eid, "document_id": document_id, "url": src.url, "outlet": src.outlet,
            "title": src.title, "published": src.published, "evidence": src.evidence,
            "evidence_start": src.evidence_start, "evidence_end": src.evidence_end,
            "position": pos}


@functools.cache
def _bulk_insert(dialect: Any, name: str, cols: tuple[str, ...]
                 ) -> tuple[str, list[Callable[[Any], Any] | None]]:
    """The driver's INSERT of ``cols`` into table ``name``, with each column's conversion
    of a value to what the driver stores (SQLAlchemy's own bind processors)."""
    from timeline.tables import metadata

    tbl = metadata.tables[name]
    mark = "?" if dialect.name == "sqlite" else "%s"
    sql = (f"INSERT INTO {name} ({', '.join(cols)}) VALUES "
           f"({', '.join([mark] * len(cols))})")
    convert: list[Callable[[Any], Any] | None] = []
    for c in cols:
        f = tbl.c[c].type.dialect_impl(dialect).bind_processor(dialect)
        if f is not None and tbl.c[c].type.python_type in (date, datetime):
            # days repeat from row to row and a batch's rows share one time of writing:
            # each distinct value is converted once
            f = functools.lru_cache(maxsize=1024)(f)
        convert.append(f)
    return sql, convert


def _search_text(title: str, sources: Sequence[SourceRef]) -> str:
    return "\n".join([title, *(s.evidence for s in sources)])


def _page(stmt: Any, flt: EventFilter) -> Any:
    if flt.limit:
        stmt = stmt.limit(flt.limit)
    if flt.offset:
        stmt = stmt.offset(flt.offset)
    return stmt


@functools.cache
def _candidates_statement(dialect: str, by_actor: bool) -> Any:
    """The merge's one query, built once (see ``Writer.candidates``): for each period, the
    events of its type overlapping its days, optionally naming one of some actors, each
    with its actors' keys joined. One-day events (nearly all) are read on the period's own
    days; intervals up to a week from a week before it, up to ``SHORT_SPAN`` days from
    that far back, each length looked up apart in the (type, span_days, date_start) index;
    the few longer ones through the span index."""
    plain = functools.partial(_unindexed, dialect=dialect)
    # each actor's key read by its id: a join here is planned for an average event, and
    # PostgreSQL may then hash every actor for each candidate
    key = select(A.c.name_key).where(A.c.id == EA.c.actor_id).scalar_subquery()
    names = (select(func.aggregate_strings(key, _SEP)).where(EA.c.event_id == E.c.id)
             .scalar_subquery())
    columns = (E.c.id, E.c.type, E.c.date_start, E.c.date_end, E.c.date_precision,
               E.c.location_key, E.c.origin, names)

    def near(spans: Any, since: str) -> Any:
        p = _periods(dialect)
        return select(*columns).select_from(_PeriodsFirst(p, E, and_(
            E.c.type == p.c.type, spans, E.c.date_start >= p.c[since],
            E.c.date_start <= p.c.hi, E.c.date_end >= p.c.lo)))

    def lengths(spans: range) -> Any:
        return E.c.span_days.op("IN")(literal_column(f"({', '.join(map(str, spans))})"))

    p = _periods(dialect)
    parts = [near(E.c.span_days == 0, "lo"),
             near(lengths(range(1, BRIEF_SPAN + 1)), "brief_lo"),
             near(lengths(range(BRIEF_SPAN + 1, SHORT_SPAN + 1)), "short_lo"),
             select(*columns).select_from(E).join(p, and_(
                 plain(E.c.type) == p.c.type, plain(E.c.date_start) <= p.c.hi,
                 plain(E.c.date_end) >= p.c.lo)).where(E.c.span_days > SHORT_SPAN)]
    if by_actor:
        # Each event found is tested: its two or three actors read and looked up among
        # the wanted ones. Neither database is left to start from the actors instead: an
        # actor of thousands of events looks to its planner like the average one.
        actors = select(A.c.id).where(_in_list(A.c.name_key, _list_param("keys", dialect),
                                               dialect))
        named: Any
        if dialect == "sqlite":
            named = select(EA.c.event_id).where(
                EA.c.event_id == E.c.id, plain(EA.c.actor_id).in_(actors)).exists()
        else:  # arrays: a semi-join PostgreSQL cannot turn around
            theirs = select(EA.c.actor_id).where(EA.c.event_id == E.c.id)
            named = func.array(theirs.scalar_subquery()).op("&&")(
                func.array(actors.scalar_subquery()))
        parts = [part.where(named) for part in parts]
    return union_all(*parts)


@functools.cache
def _appendable_statement(dialect: str) -> Any:
    """Of some events (``ids``), those that are not hand-made, with their number of
    sources and, on SQLite, their row of the full-text index and its words: what appending
    reports to them needs, in one query."""
    reports = select(func.count()).where(S.c.event_id == E.c.id).scalar_subquery()
    open_ = and_(_in_list(E.c.id, _list_param("ids", dialect), dialect),
                 E.c.origin != str(Origin.MANUAL))
    if dialect != "sqlite":
        return select(E.c.id, reports, literal(None), literal(None)).where(open_)
    return (select(E.c.id, reports, _SEARCH_DOCS.c.rowid, _SEARCH_INDEX.c.body)
            .select_from(E.outerjoin(_SEARCH_DOCS, _SEARCH_DOCS.c.event_id == E.c.id)
                         .outerjoin(_SEARCH_INDEX,
                                    _SEARCH_INDEX.c.rowid == _SEARCH_DOCS.c.rowid))
            .where(open_))


_PERIOD = ("type", "lo", "hi", "brief_lo", "short_lo")


class _PeriodsFirst(Join):
    """A join of the periods to the events, read period by period. SQLite's planner,
    without statistics, would rather walk every one-day event through the span index
    and look for its period: CROSS JOIN is how SQLite is told which side comes first."""

    inherit_cache = True


@compiles(_PeriodsFirst, "sqlite")
def _cross_join(join: _PeriodsFirst, compiler: Any, asfrom: bool = False, **kw: Any) -> str:
    on: Any = join.onclause
    return (f"{join.left._compiler_dispatch(compiler, asfrom=True, **kw)} CROSS JOIN "
            f"{join.right._compiler_dispatch(compiler, asfrom=True, **kw)} "
            f"ON {on._compiler_dispatch(compiler, **kw)}")


def _periods(dialect: str) -> Any:
    """The ``periods`` of ``Writer.candidates`` as a table (``_periods_value`` gives the
    parameters): a type, its first and last day, and how far back intervals of up to
    ``BRIEF_SPAN`` and ``SHORT_SPAN`` days that overlap them may start."""
    if dialect == "sqlite":
        rows = func.json_each(bindparam("periods")).table_valued("value")
        return select(*(func.json_extract(rows.c.value, literal_column(f"'$[{i}]'"))
                        .label(name) for i, name in enumerate(_PERIOD))).subquery()
    from sqlalchemy.dialects.postgresql import ARRAY

    return func.unnest(*(bindparam(f"period_{name}", type_=ARRAY(Text if name == "type"
                                                                  else Date))
                         for name in _PERIOD)).table_valued(*_PERIOD).render_derived()


def _periods_value(periods: Sequence[tuple[str, date, date]], dialect: str
                   ) -> dict[str, Any]:
    rows = [(t, lo, hi, _back(lo, BRIEF_SPAN), _back(lo, SHORT_SPAN))
            for t, lo, hi in periods]
    if dialect == "sqlite":
        return {"periods": json.dumps([[t, *(d.isoformat() for d in days)]
                                       for t, *days in rows])}
    return {f"period_{name}": [r[i] for r in rows] for i, name in enumerate(_PERIOD)}


def _back(day: date, days: int) -> date:
    return day - timedelta(days=min(days, day.toordinal() - 1))


def _track_refs(conn: Connection) -> dict[str, str]:
    """Every way a track is named (its slug, its name made a slug) -> its slug."""
    rows = conn.execute(select(T.c.slug, T.c.name)).all()
    refs = {slugify(name): slug for slug, name in rows}
    refs.update((slug, slug) for slug, _ in rows)  # a slug wins over another's name
    return refs


def _unindexed(col: Any, dialect: str) -> Any:
    """On SQLite, the column behind a unary ``+``, so the planner does not use its index to
    find rows (and takes the one the query is shaped for)."""
    if dialect != "sqlite":
        return col
    return UnaryExpression(col, operator=custom_op("+"), type_=col.type)


def _day(value: Any) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _moment(value: Any) -> datetime | None:
    """A stored time (SQLite keeps UTC as text without its zone)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


@contextmanager
def _db_errors() -> Iterator[None]:
    """A database failure as one line: the CLI and the dashboard show it as it is."""
    try:
        yield
    except DBAPIError as err:
        text = _first_line(err)
        if "locked" in text or "busy" in text:
            raise TimelineError(f"the database is busy (another process holds it): {text}; "
                                f"try again") from err
        raise TimelineError(f"database error: {text}") from err


def _compiled(conn: Connection, stmt: Any) -> tuple[str, Any]:
    """A statement as the driver takes it: SQL text and parameters."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positiontup is not None:
        params = tuple(_driver_value(compiled.params[k]) for k in compiled.positiontup)
    return str(compiled), params


def _in_list(col: Any, values: Any, dialect: str) -> Any:
    """``col`` is one of ``values``, a list handed over as one parameter or literal: a JSON
    array on SQLite, an array on PostgreSQL. One statement whatever the list's length, so
    it is compiled once and not rendered again for every call."""
    if dialect == "sqlite":
        return col.in_(select(column("value")).select_from(func.json_each(values)))
    return col == any_(values)


def _list_param(name: str, dialect: str) -> Any:
    """The parameter ``_in_list`` reads (pass ``_list_value`` of the list)."""
    return bindparam(name) if dialect == "sqlite" else bindparam(name, type_=_text_array())


def _text_array() -> Any:
    # imported when PostgreSQL is used: SQLite users do not pay for its dialect at start-up
    from sqlalchemy.dialects.postgresql import ARRAY

    return ARRAY(Text)


def _list_value(values: Sequence[str], dialect: str) -> Any:
    return json.dumps(values) if dialect == "sqlite" else list(values)


def _raw_rows(conn: Connection, stmt: Any) -> list[tuple[Any, ...]]:
    """Run a SELECT on the driver's own cursor: plain tuples, no Row objects or result
    processing (SQLAlchemy's per-row work is two thirds of the time for 100,000s of rows)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(*_compiled(conn, stmt))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _driver_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


_SEP = "\x1f"  # joins source labels in SQL: a character no outlet or URL contains


@lru_cache(maxsize=4096)  # the same few outlets come back again and again
def _source_labels(joined: str) -> tuple[str, ...]:
    """Distinct outlets, a URL standing for its host, of ``_SEP``-joined labels."""
    if not joined:
        return ()
    if _SEP not in joined and "://" not in joined:
        return (joined,)
    return tuple(dict.fromkeys(
        x.split("://", 1)[1].split("/", 1)[0] if "://" in x else x
        for x in joined.split(_SEP) if x))


def _same(value: Any) -> Any:
    return value


def _chunks(items: list[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _first_line(err: BaseException) -> str:
    text = str(getattr(err, "orig", None) or err)
    return text.strip().splitlines()[0] if text.strip() else type(err).__name__
