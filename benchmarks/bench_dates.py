"""Throughput of `find_times` against `dateparser.search_dates` on the same news texts.

    .venv/bin/python benchmarks/bench_dates.py [--docs N] [--repeat R]

Uses the TempEval-3 training texts when ../shared/tempeval exists (next to the project),
else generated news-like text. Prints KB of text per second for both and their ratio.
Single process, single thread: the figures are one core's (CPU time, best of N runs).
"""

from __future__ import annotations

import argparse
import html
import random
import re
import time
import warnings
from datetime import date, datetime
from pathlib import Path

from timeline.temporal import find_times

ROOT = Path(__file__).resolve().parent.parent
TEMPEVAL = ROOT.parent / "shared" / "tempeval"
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d\d-\d\d)")
_BODY = re.compile(r"<TEXT>(.*)</TEXT>", re.S)


def _tempeval_docs() -> list[tuple[str, date]]:
    docs = []
    for sub in ("TimeBank", "AQUAINT"):
        for path in sorted((TEMPEVAL / sub).glob("*.tml")):
            raw = path.read_text(encoding="utf-8")
            body, dct = _BODY.search(raw), _DCT.search(raw)
            if body and dct:
                text = html.unescape(_TAG.sub("", body.group(1)))
                docs.append((text, date.fromisoformat(dct.group(1))))
    return docs


_SENTENCES = [
    "Negotiators met in Doha on Thursday and will resume talks next week.",
    "The envoy is expected to arrive on Monday, officials said on Oct. 24.",
    "Since October, at least 2,000 troops have been moved, a spokesman said.",
    "The ceasefire, agreed on 24 October 2024, held for 20 days.",
    "Talks collapsed late last year but restarted in mid-March, three days after the vote.",
    "In the coming days the mediators may propose a new text, he said on Friday evening.",
    "The third quarter of 2024 saw fewer clashes than a year ago.",
    "Protesters march through the capital every week; the Sun reported it now.",
]


def _generated_docs(n: int = 200) -> list[tuple[str, date]]:
    rng = random.Random(7)
    return [
        (" ".join(rng.choice(_SENTENCES) for _ in range(40)), date(2024, 11, 15)) for _ in range(n)
    ]


def _time(fn, docs: list[tuple[str, date]], repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Best of `repeat` runs, in CPU seconds of this process: other jobs on a shared machine
    then disturb the figures less than with wall-clock time."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for text, dct in docs:
            fn(text, dct)
        best = min(best, time.process_time() - t0)
    return best


def _search_dates(text: str, dct: date) -> object:
    from dateparser.search import search_dates

    base = datetime(dct.year, dct.month, dct.day)
    return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=60, help="documents timed with search_dates")
    ap.add_argument("--repeat", type=int, default=3, help="best of R runs for find_times")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    source = "TempEval-3 TimeBank+AQUAINT" if TEMPEVAL.is_dir() else "generated news text"
    docs = _tempeval_docs() if TEMPEVAL.is_dir() else _generated_docs()
    sample = docs[: args.docs]
    kb_all = sum(len(t.encode()) for t, _ in docs) / 1024
    kb_sample = sum(len(t.encode()) for t, _ in sample) / 1024

    ours_all = _time(find_times, docs, args.repeat)
    ours_sample = _time(find_times, sample, args.repeat)
    _search_dates(sample[0][0], sample[0][1])  # warm dateparser's caches before timing
    theirs = _time(_search_dates, sample, 1)

    print(
        f"texts: {source}; {len(docs)} docs, {kb_all:.0f} KB "
        f"(search_dates timed on the first {len(sample)} docs, {kb_sample:.0f} KB)"
    )
    print(f"find_times               all docs: {kb_all / ours_all:8.1f} KB/s")
    print(f"find_times            same sample: {kb_sample / ours_sample:8.1f} KB/s")
    print(f"dateparser.search_dates    sample: {kb_sample / theirs:8.1f} KB/s")
    print(f"ratio find_times / search_dates:   {theirs / ours_sample:8.1f}x")


if __name__ == "__main__":
    main()
