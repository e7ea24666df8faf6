"""Stage 2: time expressions, from the date engine ``timeline.temporal``."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Protocol

from timeline.temporal import find_times as _engine_find_times
from timeline.vocab import Precision

__all__ = ["TimeLike", "find_times"]


class TimeLike(Protocol):
    """What the extractor reads of a ``timeline.temporal.TimeExpression``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def interval(self) -> tuple[date, date] | None: ...
    @property
    def precision(self) -> Precision: ...


_KINDS = ("DATE", "TIME", "DURATION")
# a bare clock time ("9:45 p.m.", "at noon") says nothing about the day
_CLOCK = re.compile(
    r"(?:at\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|h|hrs|GMT|UTC)?|noon|midnight)"
    r"(?:\s+(?:local time|GMT|UTC))?",
    re.I,
)


def find_times(text: str, dct: date | datetime) -> list[TimeLike]:
    """DATE expressions with an interval, in text order."""
    return [t for t in _engine_find_times(text, dct)
            if t.interval is not None and t.type in _KINDS and not _CLOCK.fullmatch(t.text)]
