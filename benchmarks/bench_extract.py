"""Speed of event extraction: start-up, growth with input length, throughput, memory.

Reads the labelled corpus texts at ``../shared/corpus`` and ``../shared/corpus_world`` when
they exist (they are not part of the project), otherwise the project's own test articles in
``tests/data/articles``. Long inputs (20 KB, 200 KB, 2 MB) are those articles joined, one
after another, as a user would paste a news digest.

Whole-process figures come first: CPU seconds (user + system) of ``timeline extract FILE
--published DATE --json`` as a user runs it, the median of several runs for the small article.
In-process figures (``extract_events`` alone, one core) follow.

    .venv/bin/python benchmarks/bench_extract.py [--rounds N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus_world"]
OWN = ROOT / "tests" / "data" / "articles"
TIMELINE = Path(sys.executable).with_name("timeline")
SIZES_KB = (20, 200, 2000)


def load_articles() -> tuple[str, list[tuple[str, date]]]:
    """(where from, [(text, publication date)])."""
    out = []
    dirs = [d for d in SHARED if d.is_dir() and any(d.glob("*.json"))]
    for corpus in dirs:
        for meta in sorted(corpus.glob("*.json")):
            gold = json.loads(meta.read_text(encoding="utf-8"))
            text = (corpus / gold["doc"]).read_text(encoding="utf-8")
            out.append((text, date.fromisoformat(gold["published"][:10])))
    if out:
        return " + ".join(str(d) for d in dirs), out
    for path in sorted(OWN.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n", 1)
        published = date.fromisoformat(lines[0].removeprefix("PUBLISHED:").strip())
        out.append((lines[1] if len(lines) > 1 else "", published))
    return str(OWN), out


def joined(articles: list[tuple[str, date]], kb: int) -> str:
    """The articles one after another (repeated as needed), cut at a paragraph near ``kb``."""
    size = kb * 1024
    parts: list[str] = []
    total = 0
    while total < size:
        for text, _ in articles:
            parts.append(text.strip())
            total += len(text.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def process_cpu(path: Path, published: date) -> float:
    """CPU seconds (user + system) of one ``timeline extract`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([str(TIMELINE), "extract", str(path), "--published", published.isoformat(),
                    "--json"], check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def small_article(articles: list[tuple[str, date]]) -> tuple[str, date]:
    """The article closest to 2 KB."""
    return min(articles, key=lambda a: abs(len(a[0].encode("utf-8")) - 2048))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="runs of the small article")
    parser.add_argument("--quick", action="store_true", help="sizes 20 KB and 200 KB only")
    args = parser.parse_args(argv)
    sizes = SIZES_KB[:2] if args.quick else SIZES_KB

    source, articles = load_articles()
    if not articles:
        print(f"no articles found in {source}")
        return 1
    published = articles[0][1]
    print(f"source: {source} ({len(articles)} articles)")

    with tempfile.TemporaryDirectory() as tmp:
        text, day = small_article(articles)
        small = Path(tmp) / "small.txt"
        small.write_text(text, encoding="utf-8")
        runs = [process_cpu(small, day) for _ in range(args.rounds)]
        kb = len(text.encode("utf-8")) / 1024
        print(f"whole process, one {kb:.1f} KB article: median {statistics.median(runs):.2f} s "
              f"CPU over {len(runs)} runs (min {min(runs):.2f}, max {max(runs):.2f})")
        long = {k: joined(articles, k) for k in sizes}
        for k, body in long.items():
            path = Path(tmp) / f"long{k}.txt"
            path.write_text(body, encoding="utf-8")
            secs = process_cpu(path, published)
            size = len(body.encode("utf-8")) / 1024
            print(f"whole process, {size:7.0f} KB: {secs:6.2f} s CPU, "
                  f"{1000 * secs / size:.2f} ms per KB")

    from timeline.extract import extract_events

    tracemalloc.start()  # the first call loads the gazetteer and the place index
    t0 = time.process_time()
    events = sum(len(extract_events(t, d)) for t, d in articles)
    cold = time.process_time() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    t0 = time.process_time()
    for t, d in articles:
        extract_events(t, d)
    warm = time.process_time() - t0
    size_kb = sum(len(t.encode("utf-8")) for t, _ in articles) / 1024
    print(f"in process, {len(articles)} articles ({size_kb:.0f} KB): first pass {cold:.2f} s "
          f"(loads gazetteer and places, traced), then {warm:.2f} s CPU "
          f"({size_kb / warm:.0f} KB/s), {events} events")
    for body in long.values():
        t0 = time.process_time()
        n = len(extract_events(body, published))
        secs = time.process_time() - t0
        size = len(body.encode("utf-8")) / 1024
        print(f"in process, {size:7.0f} KB: {secs:6.2f} s CPU, {1000 * secs / size:.2f} ms per KB, "
              f"{n} events")
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced Python memory of the first pass: {peak / 2**20:.1f} MB; "
          f"process max RSS: {maxrss_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
