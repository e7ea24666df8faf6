"""How fast the dashboard draws 100,000 events: store query + timeline figure.

    .venv/bin/python benchmarks/bench_dashboard.py [--events 100000] [--db FILE] [--keep]

Builds a temporary SQLite store with synthetic events (bulk inserts through the model
tables: the per-event ``Store.add`` path would take minutes), then times what the page
does on a fresh view:

- ``query``: ``Store.query(filter)`` -> EventRecords -> ``timeline_points`` (what the
  page's ``cached_points`` runs once per view);
- ``cache hit``: the unpickling ``st.cache_data`` does on every later rerun;
- ``figure``: ``timeline_figure(points, lane)``;
- ``to_json``: the figure serialised, as ``st.plotly_chart`` sends it to the browser
  (reported, not part of the target).

Targets: query + figure under 2 s for the full range, under 1 s for a filtered view.
The query is also broken down (events / actors / sources / models) to show where its
time goes, and ``light_points`` prototypes the column query proposed for the store
(``Store.timeline_points``-like; the page cannot use it until the store has it).
"""

from __future__ import annotations

import argparse
import pickle
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import insert, select
from sqlmodel import Session

from timeline.charts import LaneBy, TimelinePoint, timeline_figure, timeline_points
from timeline.models import Actor, Event, EventActor, Source, utcnow
from timeline.store import EventFilter, Store, _conditions, open_store
from timeline.vocab import EventType, Precision, Status

T = TypeVar("T")
FIRST_DAY = date(2015, 1, 1)
DAYS = 10 * 365
TARGET_FULL, TARGET_FILTERED = 2.0, 1.0


def fill(store: Store, n: int, seed: int = 5) -> None:
    """``n`` synthetic events: 1-3 actors of 300, 1-2 sources, a third with intervals."""
    rnd = random.Random(seed)
    actors = [{"id": i + 1, "name": f"Actor {i:03d}", "kind": "state", "aliases": ""}
              for i in range(300)]
    places = [f"City {i:02d}" for i in range(60)]
    types = [t.value for t in EventType]
    statuses = [Status.OCCURRED.value] * 8 + [Status.PLANNED.value, Status.CANCELLED.value]
    events, links, sources = [], [], []
    now = utcnow()
    for i in range(n):
        start = FIRST_DAY + timedelta(days=rnd.randrange(DAYS))
        roll = rnd.random()
        if roll < 0.66:
            end, precision = start, Precision.DAY.value
        elif roll < 0.9:
            end, precision = start + timedelta(days=rnd.randint(1, 6)), Precision.RANGE.value
        else:
            start = start.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            precision = Precision.MONTH.value
        eid = f"{i:012x}"
        events.append({
            "id": eid, "type": rnd.choice(types), "status": rnd.choice(statuses),
            "date_start": start, "date_end": end, "date_precision": precision,
            "date_text": start.strftime("%d %B"), "title": f"Synthetic event {i} of the talks",
            "location": rnd.choice(places), "country": None, "confidence": 0.8,
            "origin": "imported", "created_at": now, "updated_at": now,
        })
        for pos, actor in enumerate(rnd.sample(actors, rnd.randint(1, 3))):
            links.append({"event_id": eid, "actor_id": actor["id"], "role": "participant",
                          "position": pos})
        for pos in range(rnd.randint(1, 2)):
            sources.append({"event_id": eid, "url": f"https://news.example/{i}/{pos}",
                            "outlet": f"Outlet {pos}", "evidence": "A sentence that says so.",
                            "position": pos})
    with Session(store.engine) as s:
        s.execute(insert(Actor), actors)
        for table, rows in ((Event, events), (EventActor, links), (Source, sources)):
            for k in range(0, len(rows), 20_000):
                s.execute(insert(table), rows[k:k + 20_000])
        s.commit()


CPU: dict[str, float] = {}  # CPU seconds of the last timed() call (the machine is shared)


def timed(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """The median wall time of ``repeat`` runs (the first warms SQLite's page cache)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    CPU["last"] = statistics.median(cpu)
    return statistics.median(times), result  # type: ignore[return-value]


def query_breakdown(store: Store, flt: EventFilter) -> dict[str, float]:
    """Where ``Store.query`` spends its time: the rows, then actors, sources and models."""
    out: dict[str, float] = {}
    stmt = select(Event).order_by(Event.date_start.desc(), Event.id)  # type: ignore[attr-defined]
    for cond in _conditions(flt):
        stmt = stmt.where(cond)
    with store.session() as s:
        t0 = time.perf_counter()
        rows = list(s.exec(stmt).scalars())  # type: ignore[call-overload]
        out["event rows (ORM objects)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        store._records(s, rows)
        out["actors + sources + models"] = time.perf_counter() - t0
        ids = [r.id for r in rows]
        t0 = time.perf_counter()
        n = 0
        for k in range(0, len(ids), 900):
            chunk = ids[k:k + 900]
            n += len(list(s.exec(select(Source).where(Source.event_id.in_(chunk)))  # type: ignore[attr-defined,call-overload]
                          .scalars()))
        out["  of which sources as ORM objects"] = time.perf_counter() - t0
    return out


def page_points(store: Store, flt: EventFilter) -> list[TimelinePoint]:
    """What the page's ``cached_points`` computes on a cache miss."""
    return timeline_points(store.query(flt))


def light_points(store: Store, flt: EventFilter) -> list[TimelinePoint]:
    """Three column queries, the filter applied in SQL to each: no ORM objects, no models.

    This is the change proposed for ``timeline/store.py`` (as ``Store.timeline_points``
    or ``Store.query(..., light=True)``); it lives here only to measure it.
    """
    conds = _conditions(flt)
    cols = (Event.id, Event.type, Event.status, Event.date_start, Event.date_end,
            Event.date_precision, Event.date_text, Event.title, Event.location,
            Event.country, Event.origin)
    ev_stmt = select(*cols).where(*conds).order_by(  # type: ignore[call-overload]
        Event.date_start.desc(), Event.id)  # type: ignore[attr-defined]
    if flt.limit:
        ev_stmt = ev_stmt.limit(flt.limit)
    actor_stmt = (select(EventActor.event_id, Actor.name)  # type: ignore[call-overload]
                  .join(Actor, Actor.id == EventActor.actor_id)  # type: ignore[arg-type]
                  .order_by(EventActor.event_id, EventActor.position))
    source_stmt = (select(Source.event_id, Source.outlet, Source.url)  # type: ignore[call-overload]
                   .order_by(Source.event_id, Source.position, Source.id))
    if conds:  # the same filter as a subquery: one query each, not one per 900 ids
        ids = select(Event.id).where(*conds)  # type: ignore[call-overload]
        actor_stmt = actor_stmt.where(EventActor.event_id.in_(ids))  # type: ignore[attr-defined]
        source_stmt = source_stmt.where(Source.event_id.in_(ids))  # type: ignore[attr-defined]
    actors: dict[str, list[str]] = {}
    outlets: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    with store.engine.connect() as conn:
        rows = conn.execute(ev_stmt).all()
        for eid, name in conn.execute(actor_stmt):
            actors.setdefault(eid, []).append(name)
        for eid, outlet, url in conn.execute(source_stmt):
            counts[eid] = counts.get(eid, 0) + 1
            label = outlet or (url.split("://", 1)[-1].split("/", 1)[0] if url else "")
            if label and label not in outlets.setdefault(eid, []):
                outlets[eid].append(label)
    return [
        TimelinePoint(eid, etype, status, start, end, precision, text, title,
                      tuple(actors.get(eid, ())), location, country,
                      tuple(outlets.get(eid, ())), origin, counts.get(eid, 0))
        for eid, etype, status, start, end, precision, text, title, location, country, origin
        in rows
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite file to use (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary database")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
    db = Path(args.db) if args.db else tmp / "bench.db"
    try:
        return run(db, args.events)
    finally:
        if args.keep:
            print(f"kept {db}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def run(db: Path, n_events: int) -> int:
    store = open_store(str(db))
    if store.count() == 0:
        t0 = time.perf_counter()
        fill(store, n_events)
        print(f"filled {db} with {store.count():,} events in {time.perf_counter() - t0:.1f} s")
    else:
        print(f"using {db} with {store.count():,} events")

    mid = FIRST_DAY + timedelta(days=DAYS // 2)
    month_start = mid.replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    views: list[tuple[str, EventFilter, LaneBy, float]] = [
        ("full range, lanes by actor", EventFilter(), "actor", TARGET_FULL),
        ("full range, lanes by type", EventFilter(), "type", TARGET_FULL),
        ("one type (meeting), by actor", EventFilter(types=["meeting"]), "actor",
         TARGET_FILTERED),
        (f"one month ({month_start:%Y-%m}), by actor",
         EventFilter(since=month_start, until=month_end), "actor", TARGET_FILTERED),
        ("one month + one type, by place",
         EventFilter(since=month_start, until=month_end, types=["meeting"]), "place",
         TARGET_FILTERED),
    ]
    print(f"\n{'view':38} {'events':>7} {'query':>7} {'figure':>7} {'total':>7} "
          f"{'target':>7} {'cache hit':>9} {'to_json':>8} {'cpu':>6}")
    failed = False
    for name, flt, lane, target in views:
        q_time, events = timed(partial(page_points, store, flt))
        cpu = CPU["last"]
        f_time, fig = timed(partial(timeline_figure, events, lane))
        cpu += CPU["last"]
        blob = pickle.dumps(events)
        c_time, _ = timed(partial(pickle.loads, blob))
        j_time, _ = timed(fig.to_json, repeat=1)
        total = q_time + f_time
        ok = total < target
        failed |= not ok
        print(f"{name:38} {len(events):>7,} {q_time:>6.2f}s {f_time:>6.2f}s {total:>6.2f}s "
              f"{'<' + format(target, 'g') + 's':>7} {c_time:>8.2f}s {j_time:>7.2f}s"
              f" {cpu:>5.2f}s  {'ok' if ok else 'SLOW'}")
        kinds: dict[str, Any] = {}
        for trace in fig.data:
            kind = (trace.meta or {}).get("kind", "?")
            if kind != "key":
                kinds[f"{kind}:{type(trace).__name__}"] = kinds.get(
                    f"{kind}:{type(trace).__name__}", 0) + len(trace.y)
        print(f"{'':38} drawn: {kinds}")

    print("\nStore.query breakdown, full range:")
    for part, seconds in query_breakdown(store, EventFilter()).items():
        print(f"  {part:36} {seconds:6.2f}s")

    print("\nProposed column query (prototype of a store change), query + figure:")
    for name, flt, lane, target in views:
        q_time, points = timed(partial(light_points, store, flt))
        cpu = CPU["last"]
        if len(points) < 20_000:  # the prototype returns what the page shows today
            assert points == timeline_points(store.query(flt))
        f_time, _ = timed(partial(timeline_figure, points, lane))
        cpu += CPU["last"]
        total = q_time + f_time
        print(f"  {name:36} {len(points):>7,} {q_time:>6.2f}s {f_time:>6.2f}s {total:>6.2f}s "
              f"(cpu {cpu:.2f}s) {'ok' if total < target else 'SLOW'}")
    store.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
