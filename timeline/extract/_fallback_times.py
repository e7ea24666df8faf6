"""A small stand-in for ``timeline.temporal.find_times``, used only when that engine is absent.

It covers the expressions negotiation news uses most (weekdays, month-day dates, "last week",
"in the coming days", "late November"...) and returns objects with the same attributes as
``timeline.temporal.TimeExpression``. The real engine is preferred whenever it imports.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from timeline.vocab import Precision

__all__ = ["FallbackTime", "find_times"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m.lower(): i
    for i, m in enumerate(calendar.month_name)
    if m
} | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
        "a": 1, "several": 5, "few": 3}

_D = r"(?P<day>\d{1,2})"
_Y = r"(?P<year>(?:19|20)\d\d)"
_NOYEAR = r"(?!,?\s*\d{4})"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<mon>{_MON})\s+{_D}(?:st|nd|rd|th)?,?\s+{_Y}\b")),
    ("dmy", re.compile(rf"\b{_D}\s+(?P<mon>{_MON})\s+{_Y}\b")),
    ("wd_md", re.compile(rf"\b(?P<wd>{_WD}){_PART},?\s+(?P<mon>{_MON})\s+{_D}\b{_NOYEAR}")),
    ("md", re.compile(
        rf"\b(?P<mon>{_MON})\s+{_D}(?:st|nd|rd|th)?\b{_NOYEAR}"
        r"(?!\s*(?:%|percent|hostages|people))"
    )),
    ("dm", re.compile(rf"\b{_D}\s+(?P<mon>{_MON})\b(?!\s+(?:19|20)\d\d)")),
    ("wd_range", re.compile(rf"\b(?P<wd>{_WD})\s+(?:through|to|until|-|–)\s+(?P<wd2>{_WD})\b")),
    ("rel_wd", re.compile(rf"\b(?P<rel>last|next|this|coming)\s+(?P<wd>{_WD}){_PART}\b", re.I)),
    ("wd", re.compile(rf"\b(?P<wd>{_WD}){_PART}\b")),
    ("word", re.compile(
        r"\b(?P<w>today|tonight|yesterday|tomorrow|this morning|this evening"
        r"|earlier today|later today)\b", re.I
    )),
    ("coming", re.compile(
        r"\b(?:in|over|during)\s+the\s+(?:coming|next|following)\s+"
        r"(?P<n>few\s+|two\s+|several\s+)?(?P<u>days|weeks|months)\b"
        r"|\bin\s+the\s+(?P<u2>days|weeks)\s+ahead\b", re.I
    )),
    ("past", re.compile(
        r"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>\w+\s+)?"
        r"(?P<u>days|weeks|months|two days|24 hours)\b", re.I
    )),
    ("ago", re.compile(
        r"\b(?P<n>\d+|one|two|three|four|five|six|seven|ten|a|several|few)\s+"
        r"(?P<u>days?|weeks?|months?|years?)\s+ago\b", re.I
    )),
    ("weekend", re.compile(r"\b(?P<rel>last|this|next|the|at the|over the)\s+weekend\b", re.I)),
    ("week", re.compile(
        r"\b(?P<rel>earlier this|later this|last|next|this|previous|the previous|the following"
        r"|past)\s+week\b", re.I
    )),
    ("month", re.compile(
        r"\b(?P<rel>earlier this|later this|last|next|this|previous)\s+month\b", re.I
    )),
    ("year", re.compile(r"\b(?P<rel>earlier this|later this|last|next|this)\s+year\b", re.I)),
    ("part_month", re.compile(
        r"\b(?P<part>late|early|mid|mid-|the end of|the beginning of|the start of)\s*-?\s*"
        rf"(?P<mon>{_MON})\b(?:\s+{_Y})?", re.I
    )),
    ("month_year", re.compile(rf"\b(?P<mon>{_MON})\s+{_Y}\b")),
    ("in_month", re.compile(
        r"\b(?:in|since|during|until|by)\s+(?P<mon>January|February|March|April|May|June|July"
        r"|August|September|October|November|December)\b(?!\s+\d)"
    )),
    ("in_year", re.compile(rf"\b(?:in|since|during)\s+{_Y}\b")),
]


@dataclass(frozen=True, slots=True)
class FallbackTime:
    start: int
    end: int
    text: str
    type: str
    value: str
    interval: tuple[date, date] | None
    precision: Precision


def _as_date(dct: date | datetime) -> date:
    return dct.date() if isinstance(dct, datetime) else dct


def _month(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _year_for(mon: int, day: int, dct: date) -> int:
    """The year that puts month/day nearest the DCT (news rarely looks > 6 months ahead)."""
    try:
        cand = date(dct.year, mon, day)
    except ValueError:
        return dct.year
    if (cand - dct).days > 183:
        return dct.year - 1
    if (dct - cand).days > 183:
        return dct.year + 1
    return dct.year


def _week(d: date) -> tuple[date, date]:
    """The Sunday-to-Saturday week holding ``d`` (the convention of English-language news)."""
    sunday = d - timedelta(days=(d.weekday() + 1) % 7)
    return sunday, sunday + timedelta(days=6)


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _resolve(kind: str, g: dict[str, str | None], dct: date) -> tuple[tuple[date, date], Precision]:
    day = Precision.DAY
    if kind in ("mdy", "dmy"):
        d = date(int(g["year"] or 0), _month(g["mon"] or ""), int(g["day"] or 0))
        return (d, d), day
    if kind in ("wd_md", "md", "dm"):
        mon, dd = _month(g["mon"] or ""), int(g["day"] or 0)
        d = date(_year_for(mon, dd, dct), mon, dd)
        return (d, d), day
    if kind == "wd_range":
        a = _last_weekday(g["wd"] or "", dct)
        b = a + timedelta(days=(_WEEKDAYS.index((g["wd2"] or "").lower()) - a.weekday()) % 7)
        return (a, b), Precision.RANGE
    if kind == "rel_wd":
        rel = (g["rel"] or "").lower()
        target = _WEEKDAYS.index((g["wd"] or "").lower())
        if rel == "last":
            d = dct - timedelta(days=(dct.weekday() - target) % 7 or 7)
        elif rel in ("next", "coming"):
            d = dct + timedelta(days=(target - dct.weekday()) % 7 or 7)
        else:
            d = _week(dct)[0] + timedelta(days=(target + 1) % 7)
        return (d, d), day
    if kind == "wd":
        d = _last_weekday(g["wd"] or "", dct)
        return (d, d), day
    if kind == "word":
        w = (g["w"] or "").lower()
        off = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        d = dct + timedelta(days=off)
        return (d, d), day
    if kind == "coming":
        unit = (g["u"] or g["u2"] or "days").lower()
        span = {"days": 10, "weeks": 30, "months": 90}[unit]
        return (dct + timedelta(days=1), dct + timedelta(days=span)), Precision.RANGE
    if kind == "past":
        unit = (g["u"] or "days").lower()
        n = _NUM.get((g["n"] or "").strip().lower(), 0)
        if not n:
            n = int((g["n"] or "1").strip()) if (g["n"] or "").strip().isdigit() else 1
        span = {"days": n, "weeks": 7 * n, "months": 30 * n, "two days": 2, "24 hours": 1}[unit]
        return (dct - timedelta(days=span), dct), Precision.RANGE
    if kind == "ago":
        nn = (g["n"] or "1").lower()
        n = int(nn) if nn.isdigit() else _NUM.get(nn, 1)
        unit = (g["u"] or "days").lower().rstrip("s")
        if unit == "day":
            d = dct - timedelta(days=n)
            return (d, d), day
        if unit == "week":
            return _week(dct - timedelta(days=7 * n)), Precision.WEEK
        if unit == "month":
            y, m = dct.year, dct.month - n
            while m < 1:
                y, m = y - 1, m + 12
            return _month_span(y, m), Precision.MONTH
        return (date(dct.year - n, 1, 1), date(dct.year - n, 12, 31)), Precision.YEAR
    if kind == "weekend":
        rel = (g["rel"] or "").lower()
        sat = dct - timedelta(days=(dct.weekday() - 5) % 7)
        if rel in ("next",) or (rel == "this" and dct.weekday() < 5):
            sat = dct + timedelta(days=(5 - dct.weekday()) % 7 or 7)
        return (sat, sat + timedelta(days=1)), Precision.RANGE
    if kind == "week":
        rel = (g["rel"] or "").lower()
        wk_start, wk_end = _week(dct)
        if rel in ("last", "previous", "the previous", "past"):
            return (wk_start - timedelta(days=7), wk_end - timedelta(days=7)), Precision.WEEK
        if rel in ("next", "the following"):
            return (wk_start + timedelta(days=7), wk_end + timedelta(days=7)), Precision.WEEK
        if rel == "earlier this":
            return (wk_start, dct), Precision.WEEK
        if rel == "later this":
            return (dct, wk_end), Precision.WEEK
        return (wk_start, wk_end), Precision.WEEK
    if kind == "month":
        rel = (g["rel"] or "").lower()
        first, last = _month_span(dct.year, dct.month)
        if rel == "last" or rel == "previous":
            prev = first - timedelta(days=1)
            return _month_span(prev.year, prev.month), Precision.MONTH
        if rel == "next":
            nxt = last + timedelta(days=1)
            return _month_span(nxt.year, nxt.month), Precision.MONTH
        if rel == "earlier this":
            return (first, dct), Precision.MONTH
        if rel == "later this":
            return (dct, last), Precision.MONTH
        return (first, last), Precision.MONTH
    if kind == "year":
        rel = (g["rel"] or "").lower()
        y = dct.year + {"last": -1, "next": 1}.get(rel, 0)
        if rel == "earlier this":
            return (date(y, 1, 1), dct), Precision.YEAR
        return (date(y, 1, 1), date(y, 12, 31)), Precision.YEAR
    if kind in ("part_month", "month_year", "in_month"):
        mon = _month(g["mon"] or "")
        year = g.get("year")
        y = int(year) if year else _year_for(mon, 15, dct)
        first, last = _month_span(y, mon)
        part = (g.get("part") or "").lower().strip(" -")
        if part in ("late", "the end of"):
            first = first.replace(day=21)
        elif part in ("early", "the beginning of", "the start of"):
            last = first.replace(day=10)
        elif part == "mid":
            first, last = first.replace(day=11), first.replace(day=20)
        return (first, last), Precision.MONTH
    if kind == "in_year":
        y = int(g["year"] or 0)
        return (date(y, 1, 1), date(y, 12, 31)), Precision.YEAR
    raise ValueError(kind)


def _last_weekday(name: str, dct: date) -> date:
    target = _WEEKDAYS.index(name.lower())
    return dct - timedelta(days=(dct.weekday() - target) % 7)


def find_times(
    text: str, dct: date | datetime, *, day_first: bool = False
) -> list[FallbackTime]:
    """Time expressions of ``text`` resolved against ``dct``, leftmost-longest, no overlaps."""
    ref = _as_date(dct)
    taken: list[tuple[int, int]] = []
    out: list[FallbackTime] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            try:
                interval, precision = _resolve(kind, m.groupdict(), ref)
            except (ValueError, KeyError):
                continue
            taken.append((s, e))
            value = interval[0].isoformat() if interval[0] == interval[1] else "XXXX"
            out.append(FallbackTime(s, e, m.group(0), "DATE", value, interval, precision))
    out.sort(key=lambda t: t.start)
    return out
