"""What one view of the dashboard costs, at three sizes: the query, the figure, the bytes.

    .venv/bin/python benchmarks/bench_dashboard.py [--sizes 1000 10000 100000] [--strict]

For each size a child process fills a temporary SQLite store with synthetic events
(``Store.add_many``), then a second child process does what the page does for a few
views and prints, per view:

- ``query``: CPU seconds of the store read the page caches per view;
- ``figure``: CPU seconds to build the timeline figure from those rows;
- ``send``: CPU seconds of what ``st.plotly_chart`` does with it (copy, serialise);
- ``bytes``: the size of the figure's JSON, which is what the browser receives;

and, once per size, the CPU time of ``Store.data_version()``, which every rerun of the
page runs to know whether its caches still hold.

The parent prints the second child's whole-process CPU time (start-up and imports
included) beside the in-process figures. Targets at 100,000 events: figure built in at
most 1 s, at most 2 MB sent per view (``--strict`` exits 1 when missed).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
FIRST_DAY = date(2015, 1, 1)
DAYS = 10 * 365
TARGET_FIGURE_S, TARGET_BYTES = 1.0, 2_000_000


def fill(db: Path, n: int, seed: int = 5) -> None:
    """``n`` synthetic events: 1-3 actors of 300, 1-2 sources, a third with intervals,
    stored with ``Store.add_many`` (so the search index is filled as it is for users)."""
    from timeline.models import EventCreate
    from timeline.store import open_store
    from timeline.vocab import EventType, Precision, Status

    store = open_store(str(db))
    rnd = random.Random(seed)
    actors = [f"Actor {i:03d}" for i in range(300)]
    places = [f"City {i:02d}" for i in range(60)]
    types = [t.value for t in EventType]
    statuses = [Status.OCCURRED.value] * 8 + [Status.PLANNED.value, Status.CANCELLED.value]
    roles = ["initiator", "counterpart", "mediator", "participant"]
    events = []
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
        events.append((f"{i:012x}", EventCreate.model_validate({
            "type": rnd.choice(types), "status": rnd.choice(statuses),
            "date_start": start, "date_end": end, "date_precision": precision,
            "date_text": start.strftime("%d %B"), "title": f"Synthetic event {i} of the talks",
            "location": rnd.choice(places), "confidence": 0.8, "origin": "imported",
            "actors": [{"name": name, "kind": "state", "role": roles[pos]}
                       for pos, name in enumerate(rnd.sample(actors, rnd.randint(1, 3)))],
            "sources": [{"url": f"https://news.example/{i}/{pos}", "outlet": f"Outlet {pos}",
                         "evidence": "A sentence that says so."}
                        for pos in range(rnd.randint(1, 2))],
        })))
    store.add_many(events)
    store.close()


def cpu(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """The smallest CPU time of ``repeat`` runs (the machine is shared: CPU, not wall)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        c0 = time.process_time()
        result = fn()
        best = min(best, time.process_time() - c0)
    return best, result  # type: ignore[return-value]


def views() -> list[tuple[str, dict[str, Any], str]]:
    mid = FIRST_DAY + timedelta(days=DAYS // 2)
    month_start = mid.replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return [
        ("everything, lanes by type", {}, "type"),
        ("everything, lanes by actor", {}, "actor"),
        ("one actor + text, by actor", {"actors": ["Actor 007"], "text": "event 1"}, "actor"),
        (f"one month ({month_start:%Y-%m}), by actor",
         {"since": month_start.isoformat(), "until": month_end.isoformat()}, "actor"),
    ]


def measure_views(db: Path) -> list[dict[str, Any]]:
    """In the child: what the page does for each view, timed."""
    import plotly.io
    import plotly.tools

    from timeline import views as page
    from timeline.store import EventFilter, open_store

    store = open_store(str(db))
    out = []
    for name, flt_data, lane in views():
        flt = EventFilter.model_validate(flt_data)
        q_cpu, rows = cpu(lambda flt=flt: page.view_rows(store, flt))  # type: ignore[misc]
        f_cpu, fig = cpu(lambda rows=rows, lane=lane: page.view_figure(rows, lane))  # type: ignore[misc]

        def send(fig: Any = fig) -> str:  # what st.plotly_chart does with the figure
            figure = plotly.tools.return_figure_from_figure_or_data(fig, True)
            return str(plotly.io.to_json(figure, validate=False))

        s_cpu, payload = cpu(send)
        out.append({"view": name, "events": len(rows), "query": q_cpu, "figure": f_cpu,
                    "send": s_cpu, "bytes": len(payload.encode())})
    v_cpu, _ = cpu(store.data_version, repeat=5)
    out.append({"view": "data version (every rerun)", "query": v_cpu})
    store.close()
    return out


def _child(args: list[str]) -> tuple[float, str]:
    """Run this script with ``args``; (its whole-process CPU seconds, its stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                          check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(done.stderr)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--fill", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.fill:
        fill(args.db, args.fill)
        return 0
    if args.measure:
        print(json.dumps(measure_views(args.db)))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
    missed = False
    try:
        print(f"{'events':>7}  {'view':34} {'shown':>7} {'query':>7} {'figure':>7} "
              f"{'send':>6} {'bytes':>10}")
        for n in args.sizes:
            db = tmp / f"bench-{n}.db"
            _child(["--fill", str(n), "--db", str(db)])
            whole, out = _child(["--measure", "--db", str(db)])
            for row in json.loads(out):
                if "figure" not in row:
                    print(f"{n:>7,}  {row['view']:34} {'':>7} {row['query']:>6.3f}s")
                    continue
                ok = row["figure"] <= TARGET_FIGURE_S and row["bytes"] <= TARGET_BYTES
                missed |= n >= 100_000 and not ok
                print(f"{n:>7,}  {row['view']:34} {row['events']:>7,} {row['query']:>6.3f}s "
                      f"{row['figure']:>6.3f}s {row['send']:>5.3f}s {row['bytes']:>10,}"
                      f"{'' if ok or n < 100_000 else '  MISSED'}")
            print(f"{n:>7,}  whole process (start-up, imports, {len(views())} views x 3 runs):"
                  f" {whole:.2f} s CPU")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"targets at 100,000 events: figure <= {TARGET_FIGURE_S:g} s CPU, "
          f"<= {TARGET_BYTES / 1e6:g} MB sent per view")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
