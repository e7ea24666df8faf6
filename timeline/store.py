"""The event store: engine, sessions, upserts and queries. The only module that speaks SQL.

Every write happens in one transaction: a failed import, edit or ingest leaves the
database as it was.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import Engine, delete, event, exists, func, or_, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session, SQLModel, col, create_engine

from timeline.config import Settings, load_settings
from timeline.errors import InvalidInput, NotFound, TimelineError
from timeline.models import (
    Actor,
    ActorKind,
    ActorRef,
    Document,
    Event,
    EventActor,
    EventCreate,
    EventRow,
    EventType,
    Origin,
    Precision,
    Role,
    Source,
    SourceRef,
    Status,
    utcnow,
)

__all__ = [
    "EventFilter",
    "EventRecord",
    "Store",
    "content_id",
    "describe_validation_error",
    "open_store",
]


class EventRecord(EventCreate):
    """A stored event: what was handed in, plus its id and times."""

    id: str
    created_at: datetime | None = None
    updated_at: datetime | None = None


class EventFilter(BaseModel):
    """What the list, the export and the dashboard filter on. Empty means everything."""

    since: date | None = None
    until: date | None = None
    types: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    statuses: list[str] = Field(default_factory=list)
    origins: list[str] = Field(default_factory=list)
    text: str | None = None
    limit: int | None = None


def describe_validation_error(err: ValidationError) -> str:
    """One line per problem, naming the field: ``date_end: ... before date_start``."""
    parts = []
    for e in err.errors():
        field = ".".join(str(p) for p in e["loc"]) or "event"
        msg = e["msg"].removeprefix("Value error, ")
        parts.append(f"{field}: {msg}")
    return "; ".join(parts)


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


def _utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_store(db: str | None = None, settings: Settings | None = None) -> Store:
    """Open (and on first use create) the store named by ``db``, ``TIMELINE_DB`` or the default."""
    settings = settings or load_settings(db)
    return Store(settings.database_url)


class Store:
    """Events in a database. Methods take and return the models of ``timeline.models``."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = _make_engine(url)
            SQLModel.metadata.create_all(self.engine)
        except (SQLAlchemyError, OSError) as err:
            raise TimelineError(
                f"cannot open database {_safe_url(url)}: {_first_line(err)}") from err

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as err:
                session.rollback()
                raise TimelineError(f"database error: {_first_line(err)}") from err
            except BaseException:
                session.rollback()
                raise

    # --- writing --------------------------------------------------------------------

    def add(self, event: EventCreate, event_id: str | None = None) -> str:
        """Store a new event and return its id."""
        with self.session() as s:
            return self._insert(s, event, event_id or new_id())

    def add_many(self, events: Iterable[tuple[str | None, EventCreate]]) -> tuple[int, int]:
        """Store events with given (or content-derived) ids; existing ids are left alone.

        Returns (added, already present). One transaction for the lot.
        """
        added = present = 0
        with self.session() as s:
            for event_id, ev in events:
                eid = event_id or content_id(ev)
                if s.get(Event, eid) is not None:
                    present += 1
                    continue
                self._insert(s, ev, eid)
                added += 1
                s.flush()
        return added, present

    def update(self, event_id: str, changes: dict[str, Any]) -> EventRecord:
        """Apply a person's edit: the result is validated as a whole and becomes ``manual``."""
        with self.session() as s:
            row = self._get_row(s, event_id)
            current = self._records(s, [row])[0]
            data = current.model_dump(exclude={"id", "created_at", "updated_at"})
            data.update(changes)
            data["origin"] = Origin.MANUAL
            try:
                merged = EventCreate.model_validate(data)
            except ValidationError as err:
                raise InvalidInput(describe_validation_error(err)) from err
            self._write_fields(s, row, merged)
            row.updated_at = utcnow()
            if "actors" in changes:
                s.exec(delete(EventActor).where(col(EventActor.event_id) == row.id))
                self._link_actors(s, row.id, merged.actors)
            if "sources" in changes:
                s.exec(delete(Source).where(col(Source.event_id) == row.id))
                self._add_sources(s, row.id, merged.sources)
            s.add(row)
            s.flush()
            return self._records(s, [row])[0]

    def delete(self, event_id: str) -> str:
        with self.session() as s:
            row = self._get_row(s, event_id)
            s.exec(delete(EventActor).where(col(EventActor.event_id) == row.id))
            s.exec(delete(Source).where(col(Source.event_id) == row.id))
            s.delete(row)
            return row.id

    def _insert(self, s: Session, ev: EventCreate, event_id: str) -> str:
        row = Event(id=event_id, type="", status="", date_start=ev.date_start,
                    date_end=ev.date_start, date_precision="", title="", origin="")
        self._write_fields(s, row, ev)
        s.add(row)
        s.flush()
        self._link_actors(s, event_id, ev.actors)
        self._add_sources(s, event_id, ev.sources)
        return event_id

    @staticmethod
    def _write_fields(s: Session, row: Event, ev: EventCreate) -> None:
        row.type = str(ev.type)
        row.status = str(ev.status)
        row.date_start = ev.date_start
        row.date_end = ev.date_end or ev.date_start
        row.date_precision = str(ev.date_precision)
        row.date_text = ev.date_text or ""
        row.title = ev.title
        row.location = ev.location
        row.country = ev.country
        row.confidence = ev.confidence
        row.origin = str(ev.origin)

    def _actor_id(self, s: Session, ref: ActorRef) -> int:
        found = s.execute(select(col(Actor.id)).where(col(Actor.name) == ref.name)).first()
        if found is not None:
            return int(found[0])
        actor = Actor(name=ref.name, kind=str(ref.kind))
        s.add(actor)
        s.flush()
        assert actor.id is not None
        return actor.id

    def _link_actors(self, s: Session, event_id: str, actors: Sequence[ActorRef]) -> None:
        for pos, ref in enumerate(actors):
            s.add(EventActor(event_id=event_id, actor_id=self._actor_id(s, ref),
                             role=str(ref.role), position=pos))

    def _add_sources(self, s: Session, event_id: str, sources: Sequence[SourceRef],
                     document_id: str | None = None, start: int = 0) -> None:
        for pos, src in enumerate(sources, start=start):
            s.add(Source(event_id=event_id, document_id=document_id, url=src.url,
                         outlet=src.outlet, title=src.title, published=src.published,
                         evidence=src.evidence, evidence_start=src.evidence_start,
                         evidence_end=src.evidence_end, position=pos))

    # --- documents (used by ingest) ---------------------------------------------------

    def has_event(self, event_id: str) -> bool:
        with self.session() as s:
            return s.get(Event, event_id) is not None

    def has_document(self, document_id: str) -> bool:
        with self.session() as s:
            return s.get(Document, document_id) is not None

    def store_document(
        self,
        document: Document,
        new_events: Sequence[tuple[str, EventCreate]],
        new_sources: Sequence[tuple[str, SourceRef]] = (),
        refine: Sequence[tuple[str, dict[str, Any]]] = (),
    ) -> None:
        """Store one document with its new events, its reports of known events and better
        dates for known extracted events, all in one transaction. Manual events are skipped."""
        with self.session() as s:
            document.published = _utc(document.published)
            s.add(document)
            s.flush()
            for eid, ev in new_events:
                self._insert(s, ev.model_copy(update={"sources": []}), eid)
                self._add_sources(s, eid, ev.sources, document.id)
            for eid, src in new_sources:
                row = s.get(Event, eid)
                if row is None or row.origin == Origin.MANUAL:
                    continue
                count_stmt = select(func.count()).where(col(Source.event_id) == eid)
                count = s.execute(count_stmt).scalar() or 0
                self._add_sources(s, eid, [src], document.id, start=count)
            for eid, fields in refine:
                row = s.get(Event, eid)
                if row is None or row.origin == Origin.MANUAL:
                    continue
                for key, value in fields.items():
                    setattr(row, key, str(value) if key == "date_precision" else value)
                row.updated_at = utcnow()
                s.add(row)

    def candidates(self, lo: date, hi: date, types: Iterable[str]) -> list[EventRecord]:
        """Stored events of these types whose interval overlaps lo..hi (for merging)."""
        flt = EventFilter(since=lo, until=hi, types=list(types))
        return self.query(flt)

    # --- reading --------------------------------------------------------------------

    def get(self, event_id: str) -> EventRecord:
        with self.session() as s:
            return self._records(s, [self._get_row(s, event_id)])[0]

    def count(self) -> int:
        with self.session() as s:
            return int(s.scalar(select(func.count()).select_from(Event)) or 0)

    def query(self, flt: EventFilter | None = None) -> list[EventRecord]:
        """Events matching ``flt``, newest first."""
        flt = flt or EventFilter()
        stmt = select(Event).order_by(Event.date_start.desc(), Event.id)  # type: ignore[attr-defined]
        for cond in _conditions(flt):
            stmt = stmt.where(cond)
        if flt.limit:
            stmt = stmt.limit(flt.limit)
        with self.session() as s:
            rows = list(s.exec(stmt).scalars())  # type: ignore[call-overload]
            return self._records(s, rows)

    def timeline_rows(self, flt: EventFilter | None = None) -> list[EventRow]:
        """What a timeline needs of each matching event, newest first, as ``EventRow``s.

        Three column queries with the filter applied in SQL to each, read on the driver's
        cursor: no ORM objects, no result processing and no models, so 100,000 events
        load in about a second where ``query`` takes many.
        """
        flt = flt or EventFilter()
        conds = _conditions(flt)
        cols = (Event.id, Event.type, Event.status, Event.date_start, Event.date_end,
                Event.date_precision, Event.date_text, Event.title, Event.location,
                Event.country, Event.origin)
        ev_stmt = select(*cols).where(*conds).order_by(  # type: ignore[call-overload]
            col(Event.date_start).desc(), col(Event.id))
        if flt.limit:
            ev_stmt = ev_stmt.limit(flt.limit)
        actor_stmt = (select(col(EventActor.event_id), col(Actor.name))
                      .join(Actor, col(Actor.id) == col(EventActor.actor_id))
                      .order_by(col(EventActor.event_id), col(EventActor.position)))
        # One row per event: how many sources, and their outlets (or URLs), joined.
        source_stmt = select(
            col(Source.event_id), func.count(),
            func.aggregate_strings(func.coalesce(Source.outlet, Source.url, ""), _SEP),
        ).group_by(col(Source.event_id))
        if conds or flt.limit:  # the same filter as a subquery, not one query per 900 ids
            ids = select(col(Event.id)).where(*conds)
            actor_stmt = actor_stmt.where(col(EventActor.event_id).in_(ids))
            source_stmt = source_stmt.where(col(Source.event_id).in_(ids))
        actors: dict[str, list[str]] = defaultdict(list)
        with self.engine.connect() as conn:
            rows = _raw_rows(conn, ev_stmt)
            for eid, name in _raw_rows(conn, actor_stmt):
                actors[eid].append(name)
            sources = {eid: (n, labels) for eid, n, labels in _raw_rows(conn, source_stmt)}
        # SQLite hands dates back as ISO text, PostgreSQL as dates.
        day = date.fromisoformat if rows and isinstance(rows[0][3], str) else _same
        none: tuple[int, str] = (0, "")
        out = []
        for eid, etype, status, start, end, precision, text, title, location, country, \
                origin in rows:
            n, labels = sources.get(eid, none)
            out.append(EventRow(eid, etype, status, day(start), day(end), precision, text,
                                title, tuple(actors.get(eid, ())), location, country,
                                _source_labels(labels), origin, n))
        return out

    def actor_names(self) -> list[str]:
        with self.session() as s:
            return list(s.execute(select(col(Actor.name)).order_by(col(Actor.name))).scalars())

    def locations(self) -> list[str]:
        stmt = select(col(Event.location)).where(col(Event.location).is_not(None)).distinct()
        with self.session() as s:
            return sorted(s.exec(stmt).scalars())  # type: ignore[call-overload]

    def _get_row(self, s: Session, event_id: str) -> Event:
        key = event_id.strip().lower()
        row = s.get(Event, key)
        if row is not None:
            return row
        if len(key) >= 4:
            like = select(Event).where(col(Event.id).startswith(key)).limit(2)
            found = list(s.exec(like).scalars())  # type: ignore[call-overload]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise NotFound(f"event id {event_id!r} is ambiguous: give more characters")
        raise NotFound(f"no event with id {event_id!r}")

    def _records(self, s: Session, rows: Sequence[Event]) -> list[EventRecord]:
        """Rows to records with their actors and sources, in three queries whatever the count."""
        if not rows:
            return []
        actors: dict[str, list[ActorRef]] = defaultdict(list)
        sources: dict[str, list[SourceRef]] = defaultdict(list)
        for chunk in _chunks([r.id for r in rows], 900):
            stmt = (
                select(col(EventActor.event_id), col(Actor.name), col(Actor.kind),
                       col(EventActor.role))
                .join(Actor, col(Actor.id) == col(EventActor.actor_id))
                .where(col(EventActor.event_id).in_(chunk))
                .order_by(col(EventActor.event_id), col(EventActor.position))
            )
            for eid, name, kind, role in s.exec(stmt):  # type: ignore[call-overload]
                actors[eid].append(ActorRef.model_construct(name=name, kind=ActorKind(kind),
                                                           role=Role(role)))
            src_stmt = (
                select(Source)
                .where(Source.event_id.in_(chunk))  # type: ignore[attr-defined]
                .order_by(col(Source.event_id), col(Source.position), col(Source.id))
            )
            for src in s.exec(src_stmt).scalars():  # type: ignore[call-overload]
                sources[src.event_id].append(SourceRef.model_construct(
                    url=src.url, outlet=src.outlet, title=src.title, published=src.published,
                    evidence=src.evidence, evidence_start=src.evidence_start,
                    evidence_end=src.evidence_end))
        # Rows were validated on the way in: construct without validating again (fast).
        return [
            EventRecord.model_construct(
                id=r.id, type=EventType(r.type), status=Status(r.status),
                date_start=r.date_start, date_end=r.date_end,
                date_precision=Precision(r.date_precision), date_text=r.date_text,
                title=r.title, actors=actors.get(r.id, []), location=r.location,
                country=r.country, confidence=r.confidence, origin=Origin(r.origin),
                sources=sources.get(r.id, []), created_at=r.created_at, updated_at=r.updated_at,
            )
            for r in rows
        ]


    # --- dashboard queries ---

    def data_version(self) -> tuple[str, ...]:
        """A token that changes with every write to events or their sources (adding,
        editing, deleting, ingesting a report): the dashboard keys its caches by it, so
        a page sees what the CLI wrote without being told. Two aggregate queries."""
        with self.engine.connect() as conn:
            events = conn.execute(select(func.count(), func.max(Event.updated_at))
                                  .select_from(Event)).one()
            sources = conn.execute(select(func.count(), func.max(Source.id))).one()
        return tuple(str(v) for v in (*events, *sources))

    def view_rows(self, flt: EventFilter | None = None) -> list[EventRow]:
        """``timeline_rows`` with the filter evaluated once, and each event's initiators
        first among its actors (the timeline draws an event in the lane of the party that
        acted).

        A filtered view keeps the ids it matched in a temporary table that the event,
        actor and source reads join; an unfiltered one reads each table once.
        """
        flt = flt or EventFilter()
        conds = _conditions(flt)
        cols = (Event.id, Event.type, Event.status, Event.date_start, Event.date_end,
                Event.date_precision, Event.date_text, Event.title, Event.location,
                Event.country, Event.origin)
        ev_stmt = select(*cols).order_by(  # type: ignore[call-overload]
            col(Event.date_start).desc(), col(Event.id))
        actor_stmt = (select(col(EventActor.event_id), col(Actor.name), col(EventActor.role))
                      .join(Actor, col(Actor.id) == col(EventActor.actor_id))
                      .order_by(col(EventActor.event_id), col(EventActor.position)))
        source_stmt = select(
            col(Source.event_id), func.count(),
            func.aggregate_strings(func.coalesce(Source.outlet, Source.url, ""), _SEP),
        ).group_by(col(Source.event_id))
        from sqlalchemy import column, table

        def run(sql: str, stmt: Any = None) -> None:  # on the driver's cursor, as _raw_rows
            params: Any = ()
            if stmt is not None:
                compiled = stmt.compile(dialect=conn.dialect,
                                        compile_kwargs={"render_postcompile": True})
                sql, params = sql + str(compiled), compiled.params
                if compiled.positiontup is not None:
                    params = tuple(_driver_value(params[k]) for k in compiled.positiontup)
            driver: Any = conn.connection.dbapi_connection
            cursor = driver.cursor()
            try:
                cursor.execute(sql, params)
            finally:
                cursor.close()

        temp = "timeline_view_ids"
        filtered = bool(conds or flt.limit)
        actors: dict[str, list[str]] = defaultdict(list)
        initiators: dict[str, list[str]] = defaultdict(list)
        with self.engine.connect() as conn:
            if filtered:
                ids: Any = select(col(Event.id).label("id")).where(*conds)
                if flt.limit:
                    ids = ids.order_by(col(Event.date_start).desc(), col(Event.id)).limit(
                        flt.limit)
                run(f"DROP TABLE IF EXISTS {temp}")
                run(f"CREATE TEMPORARY TABLE {temp} AS ", ids)
                view = table(temp, column("id"))
                ev_stmt = ev_stmt.join(view, view.c.id == col(Event.id))
                actor_stmt = actor_stmt.join(view, view.c.id == col(EventActor.event_id))
                source_stmt = source_stmt.join(view, view.c.id == col(Source.event_id))
            try:
                rows = _raw_rows(conn, ev_stmt)
                for eid, name, role in _raw_rows(conn, actor_stmt):
                    (initiators if role == "initiator" else actors)[eid].append(name)
                sources = {eid: (n, labels) for eid, n, labels in _raw_rows(conn, source_stmt)}
            finally:
                if filtered:
                    run(f"DROP TABLE IF EXISTS {temp}")
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
                                origin, n))
        return out

def _conditions(flt: EventFilter) -> list[Any]:
    conds: list[Any] = []
    if flt.since:
        conds.append(Event.date_end >= flt.since)
    if flt.until:
        conds.append(Event.date_start <= flt.until)
    if flt.types:
        conds.append(Event.type.in_([t.lower() for t in flt.types]))  # type: ignore[attr-defined]
    if flt.statuses:
        conds.append(Event.status.in_([t.lower() for t in flt.statuses]))  # type: ignore[attr-defined]
    if flt.origins:
        conds.append(Event.origin.in_([t.lower() for t in flt.origins]))  # type: ignore[attr-defined]
    if flt.locations:
        conds.append(or_(*[
            or_(func.lower(Event.location) == loc.lower(), func.lower(Event.country) == loc.lower())
            for loc in flt.locations
        ]))
    if flt.actors:
        names = [a.lower() for a in flt.actors]
        conds.append(exists().where(
            col(EventActor.event_id) == col(Event.id),
            col(Actor.id) == col(EventActor.actor_id),
            func.lower(Actor.name).in_(names),
        ))
    if flt.text:
        pattern = f"%{flt.text.lower()}%"
        conds.append(or_(
            func.lower(Event.title).like(pattern),
            exists().where(col(Source.event_id) == col(Event.id),
                           func.lower(Source.evidence).like(pattern)),
        ))
    return conds


def _raw_rows(conn: Any, stmt: Any) -> list[tuple[Any, ...]]:
    """Run a SELECT on the driver's own cursor: plain tuples, no Row objects or result
    processing (SQLAlchemy's per-row work is two thirds of the time for 100,000s of rows)."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positiontup is not None:
        params = tuple(_driver_value(compiled.params[k]) for k in compiled.positiontup)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
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


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _first_line(err: BaseException) -> str:
    text = str(getattr(err, "orig", None) or err)
    return text.strip().splitlines()[0] if text.strip() else type(err).__name__


def _safe_url(url: str) -> str:
    """The URL without a password."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url
