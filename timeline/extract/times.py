"""Stage 2: time expressions, from the date engine ``timeline.temporal``."""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.temporal import TimeExpression
from timeline.temporal import find_times as _engine_find_times
from timeline.vocab import Precision

__all__ = ["TimeLike", "find_times", "join", "offset_of"]


# What the extractor reads: the engine's expressions, and ones it makes of them (a range's
# two ends read as one span, a day placed by "N days after").
TimeLike = TimeExpression


_KINDS = ("DATE", "TIME", "DURATION")
# a bare clock time ("9:45 p.m.", "at noon") says nothing about the day
_CLOCK = re.compile(
    r"(?:at\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|h|hrs|GMT|UTC)?|noon|midnight)"
    r"(?:\s+(?:local time|GMT|UTC))?",
    re.I,
)


_OFFSET = re.compile(r"P(\d+)([DW])")
_RELATIVE_TO = re.compile(r"\s+(after|before)\b")


def find_times(text: str, dct: date | datetime) -> list[TimeLike]:
    """DATE expressions with an interval, in text order; and durations that place another
    event ("one day after the opposition met"), with no interval: see ``offset_of``."""
    return [t for t in _engine_find_times(text, dct)
            if t.type in _KINDS and (
                t.interval is not None and not (
                    # a clock time says nothing about the day; "9" in "on April 6 and 9",
                    # read by the engine as a date, is a day
                    _CLOCK.fullmatch(t.text) and (t.type != "DATE" or not t.text.isdigit()))
                or t.type == "DURATION" and _OFFSET.fullmatch(t.value)
                and _RELATIVE_TO.match(text, t.end))]


def offset_of(t: TimeLike, following: str) -> int:
    """Days from the clause that follows "N days after/before" to the one that says it:
    positive when that clause came first ("two days after the talks")."""
    m = _OFFSET.fullmatch(t.value)
    rel = _RELATIVE_TO.match(following)
    if not m or not rel:
        return 0
    days = int(m.group(1)) * (7 if m.group(2) == "W" else 1)
    return days if rel.group(1) == "after" else -days


def join(a: TimeLike, b: TimeLike, text: str) -> TimeLike:
    """``a`` and ``b`` (in this order) as one span of ``text`` (the text they come from)."""
    assert a.interval is not None and b.interval is not None
    lo, hi = min(a.interval[0], b.interval[0]), max(a.interval[1], b.interval[1])
    return TimeExpression(a.start, b.end, text, a.type, a.value, (lo, hi),
                          Precision.RANGE if lo < hi else a.precision)
