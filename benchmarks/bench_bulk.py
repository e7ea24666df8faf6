"""Export and import of many events, as whole processes: CPU, wall, peak memory, round trip.

    .venv/bin/python benchmarks/bench_bulk.py [--sizes 10000 100000 1000000]
        [--formats csv json] [--timeout 900] [--mem-cap 6000] [--refill] [--keep]

For each size N, on a SQLite database of N synthetic events (``_fill.py``; cached in
/tmp/timeline-bench/<N>.db, so only the first run pays for the fill):

1. ``timeline --db N.db export --format F -o FILE``: CPU s, wall s, peak RSS of the
   process, file size;
2. the reference for CSV: the same join (events, their actors, their sources) done with
   Python's ``sqlite3`` module writing CSV with the ``csv`` module, in its own process;
3. ``timeline --db FRESH.db import FILE`` into an empty database: CPU s, rows per CPU
   second, peak RSS (when export failed, FILE is the reference's CSV: the same bytes);
4. round trip: ``export`` of the imported database, compared byte for byte with FILE.

Each command is killed after ``--timeout`` seconds or when it maps more than ``--mem-cap``
MB (address-space limit), and the table says so: that is the figure then. Targets:
export of 100k events <= 5 s and of 1M <= 60 s with peak memory <= 200 MB; import of
100k rows <= 15 s; no file-size limit; export -> import of 1M round-trips.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fill import ensure_sqlite  # noqa: E402
from _proc import TIMELINE, Run, machine, run, table  # noqa: E402

EXPORT_TARGETS = {100_000: 5.0, 1_000_000: 60.0}  # CPU seconds
EXPORT_MEM_TARGET = 200.0  # MB
IMPORT_TARGET_RATE = 100_000 / 15.0  # rows per second

# The reference: the same rows as `timeline export --format csv`, straight from SQL.
REFERENCE = r'''
import csv, sqlite3, sys
db, out = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
actors = """SELECT ea.event_id AS event_id,
                   group_concat(a.name || ' [' || a.kind || '/' || ea.role || ']', '; ') AS names
            FROM (SELECT * FROM event_actors ORDER BY event_id, position) ea
            JOIN actors a ON a.id = ea.actor_id GROUP BY ea.event_id"""
sources = """SELECT event_id, group_concat(coalesce(url, ''), char(10)) AS urls,
                    group_concat(evidence, char(10)) AS evidence
             FROM (SELECT * FROM sources ORDER BY event_id, position, id) GROUP BY event_id"""
events = f"""SELECT e.id, e.date_start, e.date_end, e.date_precision, e.date_text, e.type,
                    e.status, e.title, coalesce(a.names, ''), coalesce(e.location, ''),
                    coalesce(e.country, ''), e.confidence, e.origin, coalesce(s.urls, ''),
                    coalesce(s.evidence, '')
             FROM events e LEFT JOIN ({actors}) a ON a.event_id = e.id
             LEFT JOIN ({sources}) s ON s.event_id = e.id
             ORDER BY e.date_start DESC, e.id"""
bad = ("=", "+", "-", "@", "\t", "\r", "'")
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["id", "date_start", "date_end", "date_precision", "date_text", "type",
                "status", "title", "actors", "location", "country", "confidence", "origin",
                "source_urls", "evidence"])
    for row in con.execute(events):
        row = list(row)
        row[11] = format(row[11], "g")
        w.writerow(["'" + c if c.startswith(bad) else c for c in map(str, row)])
'''


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _cell(r: Run, value: str) -> str:
    return value if r.ok else "-"


def bench_size(n: int, formats: list[str], tmp: Path, timeout: float, mem_cap: float,
               refill: bool) -> tuple[list[list[object]], list[str], bool]:
    """Rows of the table for one size, notes, and whether a target was missed."""
    db = ensure_sqlite(n, refill=refill)
    rows: list[list[object]] = []
    notes: list[str] = []
    missed = False
    limits = {"timeout": timeout, "mem_limit_mb": mem_cap}
    for fmt in formats:
        out = tmp / f"export-{n}.{fmt}"
        exp = run([TIMELINE, "--db", str(db), "export", "--format", fmt, "-o", str(out)],
                  **limits)  # type: ignore[arg-type]
        size_mb = out.stat().st_size / 2**20 if exp.ok and out.exists() else 0.0
        target = EXPORT_TARGETS.get(n)
        verdict = ""
        if fmt == "csv" and target:
            good = exp.ok and exp.cpu <= target and exp.maxrss_mb <= EXPORT_MEM_TARGET
            verdict = "ok" if good else "MISS"
            missed |= not good
        rows.append([f"{n:,}", f"export {fmt}", f"{exp.cpu:.1f}", f"{exp.wall:.1f}",
                     f"{exp.maxrss_mb:.0f}", _cell(exp, f"{size_mb:.1f} MB"),
                     _cell(exp, f"{n / max(exp.cpu, 1e-9):,.0f}"),
                     f"<= {target:g} s, {EXPORT_MEM_TARGET:g} MB" if fmt == "csv" and target
                     else "", verdict if exp.ok else "FAIL"])
        if not exp.ok:
            notes.append(f"FAILED {n:,} export {fmt}: {exp.failure()}")
        source = out if exp.ok else None  # the file import reads
        if fmt == "csv":
            ref_out = tmp / f"reference-{n}.csv"
            ref = run([sys.executable, "-c", REFERENCE, str(db), str(ref_out)],
                      **limits)  # type: ignore[arg-type]
            same = ref.ok and exp.ok and _sha(ref_out) == _sha(out)
            rows.append([f"{n:,}", "  reference: sqlite3 + csv", f"{ref.cpu:.1f}",
                         f"{ref.wall:.1f}", f"{ref.maxrss_mb:.0f}",
                         _cell(ref, f"{ref_out.stat().st_size / 2**20:.1f} MB"),
                         _cell(ref, f"{n / max(ref.cpu, 1e-9):,.0f}"),
                         f"export/ref {exp.cpu / max(ref.cpu, 1e-9):.1f}x" if exp.ok else "",
                         ("same bytes" if same else "differs" if exp.ok else "") if ref.ok
                         else "FAIL"])
            if source is None and ref.ok:
                # Export failed: import the reference's file, the bytes export should write.
                source = ref_out
                notes.append(f"note: {n:,} import csv read the reference's file (export failed)")
        if source is None:
            continue
        fresh = tmp / f"import-{n}-{fmt}.db"
        imp = run([TIMELINE, "--db", str(fresh), "import", str(source)],
                  **limits)  # type: ignore[arg-type]
        good = imp.ok and n / max(imp.cpu, 1e-9) >= IMPORT_TARGET_RATE
        if n >= 100_000:
            missed |= not good
        rows.append([f"{n:,}", f"import {fmt}", f"{imp.cpu:.1f}", f"{imp.wall:.1f}",
                     f"{imp.maxrss_mb:.0f}", "",
                     _cell(imp, f"{n / max(imp.cpu, 1e-9):,.0f}"),
                     f">= {IMPORT_TARGET_RATE:,.0f} rows/s",
                     ("ok" if good else "MISS") if imp.ok else "FAIL"])
        if not imp.ok:
            notes.append(f"FAILED {n:,} import {fmt}: {imp.failure()}")
        else:
            again = tmp / f"again-{n}.{fmt}"
            back = run([TIMELINE, "--db", str(fresh), "export", "--format", fmt, "-o",
                        str(again)], **limits)  # type: ignore[arg-type]
            same = back.ok and _sha(again) == _sha(source)
            rows.append([f"{n:,}", f"  round trip {fmt}", f"{back.cpu:.1f}",
                         f"{back.wall:.1f}", f"{back.maxrss_mb:.0f}", "", "",
                         "re-export = export", "ok" if same else "DIFFERS"
                         if back.ok else "FAIL"])
            if n >= 1_000_000:
                missed |= not same
            if not back.ok:
                notes.append(f"FAILED {n:,} re-export {fmt}: {back.failure()}")
            again.unlink(missing_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
        for f in (out, tmp / f"reference-{n}.csv"):
            f.unlink(missing_ok=True)
    return rows, notes, missed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--formats", nargs="+", default=["csv", "json"], choices=["csv", "json"])
    ap.add_argument("--timeout", type=float, default=900, help="seconds per command")
    ap.add_argument("--mem-cap", type=float, default=6000,
                    help="MB of address space a command may map before it is stopped")
    ap.add_argument("--refill", action="store_true", help="fill the databases again")
    ap.add_argument("--tmp", help="folder for the exported files (default: a temporary one)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)

    tmp = Path(args.tmp or tempfile.mkdtemp(prefix="bench-bulk-"))
    tmp.mkdir(parents=True, exist_ok=True)
    rows: list[list[object]] = []
    notes: list[str] = []
    missed = False
    try:
        for n in args.sizes:
            r, nt, m = bench_size(n, args.formats, tmp, args.timeout, args.mem_cap,
                                  args.refill)
            rows += r
            notes += nt
            missed |= m
    finally:
        if not args.tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print("\nexport and import as whole processes (SQLite); rows/s = events per CPU second; "
          + machine())
    print(table(["events", "step", "cpu s", "wall s", "max RSS MB", "file", "rows/s",
                 "target", ""], rows, left=2))
    for note in notes:
        print(note)
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
