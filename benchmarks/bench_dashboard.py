"""How fast the dashboard draws 100,000 events: store query + timeline figure.

    .venv/bin/python benchmarks/bench_dashboard.py [--events 100000] [--db FILE] [--keep]
                                                   [--strict]

Builds a temporary SQLite store with synthetic events (bulk inserts through the model
tables: the per-event ``Store.add`` path would take minutes), then times what the page
does on a fresh view:

- ``query``: ``Store.timeline_rows(filter)`` -> ``EventRow`` tuples (what the
  page's ``cached_points`` runs once per view);
- ``cache hit``: the unpickling ``st.cache_data`` does on every later rerun;
- ``figure``: ``timeline_figure(points, lane)``;
- ``to_json``: the figure serialised, as ``st.plotly_chart`` sends it to the browser
  (reported, not part of the target).

Targets: query + figure under 2 s for the full range, under 1 s for a filtered view.
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

from sqlalchemy import insert
from sqlmodel import Session

from timeline.charts import LaneBy, TimelinePoint, timeline_figure
from timeline.models import Actor, Event, EventActor, Source, utcnow
from timeline.store import EventFilter, Store, open_store
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


def page_points(store: Store, flt: EventFilter) -> list[TimelinePoint]:
    """What the page's ``cached_points`` computes on a cache miss."""
    return store.timeline_rows(flt)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite file to use (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary database")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
    db = Path(args.db) if args.db else tmp / "bench.db"
    try:
        failed = run(db, args.events)
        return 1 if failed and args.strict else 0
    finally:
        if args.keep:
            print(f"kept {db}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def run(db: Path, n_events: int) -> bool:
    """Fill (if empty) and time; True when a view missed its target."""
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

    store.close()
    return failed


if __name__ == "__main__":
    sys.exit(main())
