"""Throughput of ``timeline.extract.extract_events`` on one core, with peak memory.

Reads the labelled corpus texts at ``../shared/corpus`` when that directory exists (it is not
part of the project), otherwise the project's own test articles in ``tests/data/articles``.
Prints articles per second, KB per second and peak memory (tracemalloc for Python objects,
``ru_maxrss`` for the whole process).

    .venv/bin/python benchmarks/bench_extract.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
OWN = ROOT / "tests" / "data" / "articles"


def load_articles() -> tuple[str, list[tuple[str, date]]]:
    """(where from, [(text, publication date)])."""
    if SHARED.is_dir() and any(SHARED.glob("*.json")):
        out = []
        for meta in sorted(SHARED.glob("*.json")):
            gold = json.loads(meta.read_text(encoding="utf-8"))
            text = (SHARED / gold["doc"]).read_text(encoding="utf-8")
            out.append((text, date.fromisoformat(gold["published"][:10])))
        return str(SHARED), out
    out = []
    for path in sorted(OWN.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n", 1)
        published = date.fromisoformat(lines[0].removeprefix("PUBLISHED:").strip())
        out.append((lines[1] if len(lines) > 1 else "", published))
    return str(OWN), out


def _rate(articles: list[tuple[str, date]], rounds: int) -> tuple[float, float]:
    """(articles per second, seconds) over ``rounds`` passes, one core, no tracing."""
    from timeline.extract import extract_events

    t0 = time.perf_counter()
    for _ in range(rounds):
        for text, published in articles:
            extract_events(text, published)
    secs = time.perf_counter() - t0
    return len(articles) * rounds / secs, secs


def _long_articles(articles: list[tuple[str, date]], size: int = 5000) -> list[tuple[str, date]]:
    """Concatenate consecutive articles into ~``size``-character ones (a 5 KB news story)."""
    out: list[tuple[str, date]] = []
    parts: list[str] = []
    first: date | None = None
    for text, published in articles:
        parts.append(text)
        first = first or published
        if sum(len(p) for p in parts) >= size:
            out.append(("\n\n".join(parts), first))
            parts, first = [], None
    return out or articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the articles")
    args = parser.parse_args(argv)

    from timeline.extract import extract_events

    source, articles = load_articles()
    if not articles:
        print(f"no articles found in {source}")
        return 1
    size_kb = sum(len(t.encode("utf-8")) for t, _ in articles) / 1024

    tracemalloc.start()  # the first pass loads the gazetteer and the place index
    t0 = time.perf_counter()
    events = sum(len(extract_events(t, d)) for t, d in articles)
    cold = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rate, secs = _rate(articles, args.rounds)
    long = _long_articles(articles)
    long_kb = sum(len(t.encode("utf-8")) for t, _ in long) / 1024 / len(long)
    long_rate, _ = _rate(long, args.rounds)

    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"source: {source}")
    print(f"articles: {len(articles)} ({size_kb:.1f} KB, {size_kb / len(articles):.2f} KB each), "
          f"events per pass: {events}")
    print(f"first pass (loads gazetteer and places, traced): {cold:.2f} s")
    print(f"throughput: {rate:.1f} articles/s ({size_kb * rate / len(articles):.1f} KB/s), "
          f"{args.rounds} rounds in {secs:.2f} s")
    print(f"throughput on {len(long)} joined articles of {long_kb:.1f} KB: "
          f"{long_rate:.1f} articles/s")
    print(f"peak traced Python memory (incl. loading): {peak / 2**20:.1f} MB; "
          f"process max RSS: {maxrss_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
