"""`timeline ingest` of many ~2 KB wire stories, batch by batch, as whole processes.

    .venv/bin/python benchmarks/bench_ingest.py [--articles 5000] [--batch 1000]
        [--workers N] [--speedup] [--pg URL] [--timeout 3600] [--keep]
    .venv/bin/python benchmarks/bench_ingest.py --pg URL --parallel 2 [--articles 2000]
        [--overlap 0.25]

Articles come from ``_articles.py`` (deterministic; written once to
/tmp/timeline-bench/articles-v<V>-s<seed>-<N>-b<batch>/batch-NNN/; ``TIMELINE_BENCH_DIR``
moves it).

Growth (default): the batches of ``--batch`` articles are ingested one after the other
into one fresh database (SQLite, or with ``--pg URL`` a fresh PostgreSQL database
``timeline_bench_ingest`` on that server), each batch by one process
``timeline --db DB ingest BATCH_DIR``. For each batch the table gives the CPU seconds of
the process (on PostgreSQL, the server's beside it) and per article (both), wall time,
peak memory, what ingest reported and the events stored after it; then the ratio of the
last batch's CPU per article to the first's, and the total against the target. Beside
it, in-process: the CPU per article of reading and extracting alone (no store), on the
first batch: what ingest costs at the least.

``--workers N`` is passed to ingest when it has that option; ``--speedup`` ingests the
first 1, 2 and 4 batches (as many as ``--articles`` makes) into fresh databases with
``--workers 1`` and ``--workers 2``, compares wall times at each size and checks that both
stored the same documents, events and sources.

Parallel (``--parallel P``, needs ``--pg``): the articles are ingested once by one process
in file order, once by one process in reverse order (merging depends on the order; this
is the yardstick), and once by P processes at the same time, each on its share of the
files plus, with ``--overlap F``, the first F of the next share's files (those documents
are then ingested by two processes at once). The three databases are compared:
documents, events, sources, and pairs of stored events that the program's merge rule
(``timeline.merge.same_occasion``) calls one occasion: duplicates a racing merge leaves.

Targets: the last 1,000 of 20,000 articles cost at most 1.3x the first 1,000 (CPU per
article); 20,000 articles in under 10 minutes on SQLite; --workers N >= 1.7x on 2 cores;
parallel ingest equals a single-process ingest (no duplicate occasions).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import threading
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _articles  # noqa: E402
from _fill import CACHE, pg_conninfo, pg_recreate  # noqa: E402
from _proc import TIMELINE, Run, machine, pg_server_pid, run, server_cpu, table  # noqa: E402

GROWTH_TARGET = 1.3
TOTAL_TARGET = 600.0  # seconds for 20,000 articles on SQLite
SPEEDUP_TARGET = 1.7
_SUMMARY = re.compile(r"documents read: (\d+); skipped: (\d+); events new: (\d+); "
                      r"merged into known events: (\d+)")

# Reading and extraction alone, in one process: the floor under ingest's cost per article.
EXTRACT_ONLY = r'''
import sys, time
from pathlib import Path
from timeline.config import load_settings
from timeline.extract import extract_events
from timeline.sources.dispatch import expand_inputs, read_input
settings = load_settings(":memory:")
files = list(expand_inputs(sys.argv[1:]))
t0 = time.process_time()
n = events = 0
for f in files:
    for art in read_input(f, settings):
        if isinstance(art, Exception):
            continue
        events += len(extract_events(art.text, art.published, title=art.title, url=art.url,
                                     outlet=art.outlet))
        n += 1
print(f"{n} {events} {time.process_time() - t0:.4f}")
'''


def articles_dir(count: int, seed: int, per_dir: int) -> list[Path]:
    """The batch folders of ``count`` articles, written once and reused."""
    root = CACHE / f"articles-v{_articles.VERSION}-s{seed}-{count}-b{per_dir}"
    done = root / ".complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        _articles.write_articles(root, count, seed=seed, per_dir=per_dir)
        done.write_text("ok")
    return sorted(p for p in root.iterdir() if p.is_dir())


def has_option(command: str, option: str) -> bool:
    return option in run([TIMELINE, command, "--help"], timeout=60).stdout


class Target:
    """The database ingest writes to: a fresh SQLite file or PostgreSQL database."""

    def __init__(self, tmp: Path, pg: str | None, name: str) -> None:
        self.pg = pg
        if pg:
            self.db = pg_recreate(pg, name)
        else:
            self.db = str(tmp / f"{name}.db")
            for suffix in ("", "-wal", "-shm"):
                Path(self.db + suffix).unlink(missing_ok=True)

    def counts(self) -> dict[str, int]:
        sql = {t: f"SELECT count(*) FROM {t}" for t in ("documents", "events", "sources")}
        if self.pg:
            import psycopg

            with psycopg.connect(pg_conninfo(self.db)) as con:
                return {t: con.execute(q).fetchone()[0] for t, q in sql.items()}
        if not Path(self.db).exists():
            return dict.fromkeys(sql, 0)
        con = sqlite3.connect(self.db)
        try:
            return {t: con.execute(q).fetchone()[0] for t, q in sql.items()}
        finally:
            con.close()

    def events(self) -> list[tuple[str, str, date, date, str, frozenset[str]]]:
        """(id, type, start, end, location, actor names) of every stored event."""
        q_ev = "SELECT id, type, date_start, date_end, coalesce(location, '') FROM events"
        q_ac = ("SELECT ea.event_id, a.name FROM event_actors ea "
                "JOIN actors a ON a.id = ea.actor_id")
        if self.pg:
            import psycopg

            with psycopg.connect(pg_conninfo(self.db)) as con:
                evs, acts = con.execute(q_ev).fetchall(), con.execute(q_ac).fetchall()
        else:
            con = sqlite3.connect(self.db)
            evs, acts = con.execute(q_ev).fetchall(), con.execute(q_ac).fetchall()
            con.close()
        names: dict[str, set[str]] = defaultdict(set)
        for eid, name in acts:
            names[eid].add(name.casefold())
        day = date.fromisoformat
        return [(eid, t, s if isinstance(s, date) else day(s), e if isinstance(e, date)
                 else day(e), loc.casefold(), frozenset(names[eid]))
                for eid, t, s, e, loc in evs]

    def drop(self) -> None:
        if self.pg:
            from _fill import pg_admin

            name = pg_conninfo(self.db).rsplit("/", 1)[1]
            with pg_admin(self.pg) as con:
                con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(self.db + suffix).unlink(missing_ok=True)


def _rule() -> Any:
    """The program's own rule for "two reports of one occasion", on stored rows."""
    from timeline.merge import Occasion, same_occasion
    from timeline.models import fold_key

    def occasion(e: tuple[Any, ...]) -> Occasion:
        return Occasion("", e[1], e[2], e[3], "", frozenset(fold_key(n) for n in e[5]),
                        fold_key(e[4]) if e[4] else None, "")

    def same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
        return bool(same_occasion(occasion(a), occasion(b)))
    return same


def _same_occasion_pairs(events: list[Any]) -> int:
    """Pairs of stored events that ``timeline.merge.same_occasion`` calls one occasion:
    what a merge run one document at a time does not leave behind."""
    same = _rule()
    by_type: dict[str, list[Any]] = defaultdict(list)
    for ev in events:
        by_type[ev[1]].append(ev)
    pairs = 0
    for evs in by_type.values():
        evs.sort(key=lambda e: e[2])
        for i, a in enumerate(evs):
            for b in evs[i + 1:]:
                if b[2] > a[3]:  # sorted by start: no later event overlaps a
                    break
                pairs += same(a, b)
    return pairs


def _summary(r: Run) -> tuple[str, str, str, str]:
    m = _SUMMARY.search(r.stdout)
    return (m[1], m[2], m[3], m[4]) if m else ("?", "?", "?", "?")


def growth(args: argparse.Namespace, dirs: list[Path], tmp: Path, workers: list[str]) -> bool:
    target = Target(tmp, args.pg, "timeline_bench_ingest")
    where = "PostgreSQL" if args.pg else "SQLite"
    server_pid = pg_server_pid(pg_conninfo(target.db)) if args.pg else None
    rows: list[list[object]] = []
    per_article: list[float] = []
    total_cpu = total_wall = 0.0
    done = 0
    notes = []
    for k, d in enumerate(dirs):
        n = sum(1 for _ in d.glob("*.txt"))
        done += n
        r = run([TIMELINE, "--db", target.db, "ingest", str(d), *workers],
                timeout=args.timeout, server_pid=server_pid)
        total_cpu += r.total_cpu
        total_wall += r.wall
        docs, skipped, new, merged = _summary(r)
        counts = target.counts()
        per_article.append(r.total_cpu / n)
        rows.append([f"{k + 1}", f"{done - n + 1}-{done}", f"{r.cpu:.1f}",
                     "" if r.server_cpu is None else f"{r.server_cpu:.1f}",
                     f"{1000 * r.total_cpu / n:.0f}", f"{r.wall:.1f}", f"{r.maxrss_mb:.0f}",
                     docs,
                     skipped, new, merged, f"{counts['events']:,}",
                     "" if r.ok else "FAIL"])
        print(f"  batch {k + 1}/{len(dirs)}: {r.total_cpu:.1f} s CPU, {r.wall:.1f} s wall",
              flush=True)
        if not r.ok:
            notes.append(f"batch {k + 1}: {r.failure()}")
            break
    floor = run([sys.executable, "-c", EXTRACT_ONLY, str(dirs[0])], timeout=args.timeout)
    print(f"\ningest on {where}, batches of {args.batch} articles of ~2 KB, one process per "
          f"batch{' ' + ' '.join(workers) if workers else ''}" +
          ("; 'server s': the PostgreSQL server's CPU, counted per article" if args.pg
           else ""))
    header = ["batch", "articles", "cpu s", "server s", "cpu ms/article", "wall s",
              "max RSS MB", "docs read", "skipped", "events new", "merged", "events stored",
              ""]
    if not args.pg:  # no server to measure
        header.pop(3)
        rows = [r[:3] + r[4:] for r in rows]
    print(table(header, rows))
    for note in notes:
        print("FAILED " + note)
    missed = bool(notes)
    if floor.ok:
        n, events, cpu = floor.stdout.split()
        print(f"in-process floor, batch 1: reading + extraction alone "
              f"{1000 * float(cpu) / int(n):.1f} ms CPU per article ({events} events "
              f"from {n} articles; whole process {floor.cpu:.1f} s)")
    if len(per_article) >= 2:
        ratio = per_article[-1] / per_article[0]
        ok = ratio <= GROWTH_TARGET
        print(f"CPU per article, last batch / first batch: {ratio:.2f}x "
              f"(target <= {GROWTH_TARGET:g}x at 20,000 articles) "
              f"{'ok' if ok else 'MISS'}")
        missed |= not ok
    line = f"total: {done:,} articles, {total_cpu:.0f} s CPU, {total_wall:.0f} s wall"
    print(f"machine at the end: {machine()}")
    if not args.pg:
        line += f" (target for 20,000 on SQLite: < {TOTAL_TARGET:g} s wall)"
        if done >= 20_000:
            ok = total_wall < TOTAL_TARGET
            missed |= not ok
            line += " ok" if ok else " MISS"
    print(line)
    if not args.keep:
        target.drop()
    else:
        print(f"kept {target.db}")
    return missed


def speedup(args: argparse.Namespace, dirs: list[Path], tmp: Path) -> bool:
    """--workers 1 against --workers 2 on the first 1, 2 and 4 batches (as many as there
    are): the speed-up at three sizes, since a fixed start-up weighs less on a longer run."""
    sizes = [k for k in (1, 2, 4) if k <= len(dirs)]
    rows = []
    missed = False
    for k in sizes:
        inputs = [str(d) for d in dirs[:k]]
        walls = {}
        stored = {}
        for n in (1, 2):
            target = Target(tmp, args.pg, f"timeline_bench_ingest_w{n}")
            r = run([TIMELINE, "--db", target.db, "ingest", *inputs, "--workers", str(n)],
                    timeout=args.timeout)
            walls[n] = r.wall
            stored[n] = (target.counts(), sorted(target.events()), _summary(r))
            rows.append([f"{k * args.batch:,}", f"--workers {n}", f"{r.cpu:.1f}",
                         f"{r.wall:.1f}", f"{r.maxrss_mb:.0f}",
                         "" if r.ok else r.failure()])
            target.drop()
        ratio = walls[1] / max(walls[2], 1e-9)
        same = stored[1] == stored[2]
        ok = ratio >= SPEEDUP_TARGET
        rows[-1][-1] = rows[-1][-1] or (
            f"{ratio:.2f}x {'ok' if ok else 'MISS'}"
            + ("" if same else "; stored DIFFERS from 1 worker"))
        missed |= not ok or not same
    print(f"\ningest with 1 and 2 workers (wall time; speed-up target >= {SPEEDUP_TARGET:g}x; "
          f"{machine()})")
    print(table(["articles", "workers", "cpu s", "wall s", "max RSS MB", "speed-up"], rows))
    print("each size: 2 workers stored the same documents, events, sources and report as 1"
          " unless marked")
    return missed


def _link_all(files: list[Path], folder: Path, prefix: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(files):
        os.link(f, folder / f"{prefix}{i:06d}-{f.name}")


def parallel(args: argparse.Namespace, dirs: list[Path], tmp: Path, workers: list[str]) -> bool:
    files = sorted(f for d in dirs for f in d.glob("*.txt"))
    p = args.parallel
    share = -(-len(files) // p)
    extra = int(args.overlap * share)
    reverse = tmp / "reverse"
    _link_all(files[::-1], reverse)
    folders = []
    for i in range(p):
        own = files[i * share:(i + 1) * share]
        nxt = (files + files)[(i + 1) * share:(i + 1) * share + extra] if p > 1 else []
        folder = tmp / f"process-{i}"
        # The shared documents first, so two processes ingest them at the same moment.
        _link_all(nxt, folder, "a")
        _link_all(own, folder, "b")
        folders.append(folder)

    results: dict[str, dict[str, Any]] = {}

    server_pid = pg_server_pid(pg_conninfo(args.pg))

    def one(name: str, inputs: list[str]) -> None:
        target = Target(tmp, args.pg, f"timeline_bench_ingest_{name}")
        r = run([TIMELINE, "--db", target.db, "ingest", *inputs, *workers],
                timeout=args.timeout, server_pid=server_pid)
        results[name] = {"runs": [r], "target": target, "server": r.server_cpu}

    print(f"single process, file order: {len(files)} articles", flush=True)
    one("single", [str(d) for d in dirs])
    print("single process, reverse order", flush=True)
    one("reverse", [str(reverse)])
    print(f"{p} processes at once, {extra} documents of each share also in another",
          flush=True)
    target = Target(tmp, args.pg, "timeline_bench_ingest_parallel")
    # A team's database exists before its members ingest: the schema is made first
    # (the race of P first uses is checked on its own below).
    made = run([TIMELINE, "--db", target.db, "list", "--limit", "1"], timeout=120)
    if not made.ok:
        print(f"FAILED creating the schema: {made.failure()}")
    before = server_cpu(server_pid) if server_pid else None
    runs = _at_once([[TIMELINE, "--db", target.db, "ingest", str(folders[i]), *workers]
                     for i in range(p)], args.timeout)
    after = server_cpu(server_pid) if server_pid else None
    results["parallel"] = {"runs": runs, "target": target,
                           "server": after - before if before is not None and
                           after is not None else None}
    first_use: list[Run] = []
    for _ in range(3):  # a race: try it a few times
        cold = Target(tmp, args.pg, "timeline_bench_ingest_cold")
        first_use += _at_once([[TIMELINE, "--db", cold.db, "list", "--limit", "1"]] * p, 120)
        cold.drop()

    rows = []
    notes = []
    for name, res in results.items():
        counts = res["target"].counts()
        pairs = _same_occasion_pairs(res["target"].events())
        rs: list[Run] = [r for r in res["runs"] if r is not None]
        server = res["server"]
        rows.append([name, str(len(rs)), f"{sum(r.cpu for r in rs):.1f}",
                     "" if server is None else f"{server:.1f}",
                     f"{max(r.wall for r in rs):.1f}", f"{counts['documents']:,}",
                     f"{counts['events']:,}", f"{counts['sources']:,}", f"{pairs:,}",
                     "ok" if all(r.ok for r in rs) else "FAIL"])
        notes += [f"{name}: {r.failure()}" for r in rs if not r.ok]
        if not args.keep:
            res["target"].drop()
    print(f"\n{len(files)} articles on PostgreSQL: one process vs {p} at once "
          f"(overlap {args.overlap:g}); {machine()}")
    print(table(["ingest", "processes", "cpu s", "server s", "wall s", "documents", "events",
                 "sources", "same-occasion pairs", ""], rows))
    for note in notes:
        print("FAILED " + note)
    par = rows[-1]
    single = rows[0]
    same = par[5:9] == single[5:9]
    print("parallel result " + ("equals" if same else "DIFFERS from") +
          " the single-process ingest (documents, events, sources, same-occasion pairs); "
          "the reverse-order row shows how much order alone changes")
    bad = [r.failure() for r in first_use if not r.ok]
    print(f"first use of an empty database by {p} processes at once (`list`, 3 tries): " +
          ("ok" if not bad else f"{len(bad)} of {len(first_use)} processes FAILED: " +
           bad[0]))
    return not same or bool(notes) or bool(bad)


def _at_once(cmds: list[list[str]], timeout: float) -> list[Run]:
    """Run the commands at the same time; their measurements, in order."""
    runs: list[Run | None] = [None] * len(cmds)

    def one(i: int) -> None:
        runs[i] = run(cmds[i], timeout=timeout)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(cmds))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [r for r in runs if r is not None]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=1000, help="articles per ingest process")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, help="pass --workers N to ingest (if it has it)")
    ap.add_argument("--speedup", action="store_true",
                    help="compare --workers 1 and 2 on the first 1, 2 and 4 batches")
    ap.add_argument("--pg", help="SQLAlchemy URL of a PostgreSQL server to ingest into")
    ap.add_argument("--parallel", type=int, help="P ingest processes at once (needs --pg)")
    ap.add_argument("--overlap", type=float, default=0.25,
                    help="share of each process's documents also given to another")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per ingest process")
    ap.add_argument("--keep", action="store_true", help="keep the databases")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    if args.parallel and not args.pg:
        ap.error("--parallel needs --pg URL: several processes writing one SQLite file is "
                 "not what it measures")

    dirs = articles_dir(args.articles, args.seed, args.batch)
    workers: list[str] = []
    has_workers = has_option("ingest", "--workers")
    if args.workers:
        if has_workers:
            workers = ["--workers", str(args.workers)]
        else:
            print("note: `timeline ingest` has no --workers option; running without it")
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        if args.parallel:
            missed = parallel(args, dirs, tmp, workers)
        else:
            missed = growth(args, dirs, tmp, workers)
        if args.speedup:
            if has_workers:
                missed |= speedup(args, dirs, tmp)
            else:
                print("\n--speedup: `timeline ingest` has no --workers option: extraction "
                      "runs in one process")
                missed = True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
