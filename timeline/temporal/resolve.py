"""Anchoring helpers: which year a month belongs to, and parts of a period."""

from __future__ import annotations

from datetime import date, timedelta

from .lazy import lazy_re

__all__ = ["SINCE", "edge_of", "narrow", "pick_year"]

Interval = tuple[date, date]
SINCE = -2  # a tense for pick_year: the period began on or before the DCT


def pick_year(month: int, day: int | None, dct: date, tense: int) -> int:
    """The year that puts month(/day) nearest the DCT, bent by the clause's tense.

    `tense` is the clause's (+1 future, -1 past, 0 unknown), or SINCE: "since October 7"
    is never after the DCT.
    """
    y = dct.year
    cands = []
    for yy in (y - 1, y, y + 1):
        try:
            d = date(yy, month, day or 15)
        except ValueError:
            d = date(yy, month, 28)
        cands.append((yy, d))
    if day is None:
        # month granularity: the DCT's own month counts as both past and future
        def rel(d: date) -> int:
            return (d.year - dct.year) * 12 + d.month - dct.month
    else:

        def rel(d: date) -> int:
            return (d - dct).days

    if tense == SINCE:
        return max(c[0] for c in cands if rel(c[1]) <= 0)
    # nearest, ties to the past (news reports more than it announces)
    best = min(cands, key=lambda c: (abs(rel(c[1])) * (1.0 if rel(c[1]) <= 0 else 1.3), c[0]))
    i = cands.index(best)
    # the clause's tense overrides only when the nearest reading is clearly on the wrong side:
    # a past-tense "in August" two months ahead is last year's, but cues are noisy enough
    # ("said ... in July") that a month or some weeks ahead stay this year's
    if tense > 0 and rel(best[1]) < -(1 if day is None else 45) and i < 2:
        return cands[i + 1][0]
    if tense < 0 and rel(best[1]) > (1 if day is None else 45) and i > 0:
        return cands[i - 1][0]
    return best[0]


def narrow(interval: Interval, word: str, dct: date) -> Interval:
    """Narrow a period to its early/mid/late part or to before/after the DCT."""
    a, b = interval
    n = (b - a).days + 1
    w = word.lower()
    if w.startswith(("early", "beginning", "start", "turn")):
        return a, a + timedelta(days=max(0, n // 3 - 1))
    if w.startswith(("mid", "middle")):
        return a + timedelta(days=n // 3), b - timedelta(days=n // 3)
    if w.startswith(("late", "end", "close", "rest")) and not w.startswith("later"):
        return b - timedelta(days=max(0, n // 3 - 1)), b
    if w.startswith("earlier"):
        return a, max(a, min(b, dct - timedelta(days=1)))
    if w.startswith("later"):
        return min(b, max(a, dct + timedelta(days=1))), b
    return interval


_EDGE_WORD = lazy_re(
    r"(?i)^(?:the\s+)?(end|beginning|start|middle|close|turn|rest|early|late|mid|earlier"
    r"|later)\b"
)


def edge_of(s: str) -> str | None:
    m = _EDGE_WORD.match(s)
    return m.group(1).lower() if m else None
