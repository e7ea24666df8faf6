"""Stage 2: time expressions, from ``timeline.temporal`` when available.

If the date engine cannot be imported, a small built-in fallback with the same interface is
used, so the extractor keeps working while the engine is being built or replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from timeline.vocab import Precision

__all__ = ["TimeLike", "find_times", "engine_name"]


class TimeLike(Protocol):
    start: int
    end: int
    text: str
    type: str
    value: str
    interval: tuple[date, date] | None
    precision: Precision


def _engine() -> tuple[str, Callable[..., Sequence[Any]]]:
    try:
        from timeline.temporal import find_times as real

        return "timeline.temporal", real
    except Exception:  # pragma: no cover - depends on the tree being built
        from timeline.extract._fallback_times import find_times as fallback

        return "fallback", fallback


_ENGINE: tuple[str, Callable[..., Sequence[Any]]] | None = None


def engine_name() -> str:
    return _get()[0]


def _get() -> tuple[str, Callable[..., Sequence[Any]]]:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = _engine()
    return _ENGINE


def find_times(text: str, dct: date | datetime) -> list[TimeLike]:
    """DATE expressions with an interval, in text order."""
    name, fn = _get()
    try:
        found = list(fn(text, dct))
    except Exception:
        if name == "fallback":
            raise
        from timeline.extract._fallback_times import find_times as fallback

        found = list(fallback(text, dct))
    return [t for t in found if t.interval is not None and t.type in ("DATE", "TIME", "DURATION")]
