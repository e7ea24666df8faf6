"""Calendar arithmetic: TIMEX3 values <-> calendar intervals, and relative anchoring."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from timeline.vocab import Precision

from .lazy import lazy_re

__all__ = [
    "add_months",
    "day_value",
    "easter",
    "islamic_day",
    "nowruz",
    "orthodox_easter",
    "interval_of",
    "month_value",
    "nth_weekday",
    "quarter_of",
    "shift_weekday",
    "week_value",
]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_VALUE = lazy_re(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?|W(?P<w>\d\d?)(?:-WE)?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
)
_DECADE = lazy_re(r"(?P<dec>\d{3})X?$")
_CENTURY = lazy_re(r"(?P<c>\d{2})$")


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def shift_weekday(dct: date, weekday: int, direction: int) -> date:
    """The `weekday` (0=Monday) nearest `dct` in `direction`.

    direction 0: on or before dct; -1: strictly before; 1: on or after; 2: strictly after.
    """
    if direction in (0, -1):
        back = (dct.weekday() - weekday) % 7
        if back == 0 and direction == -1:
            back = 7
        return dct - timedelta(days=back)
    ahead = (weekday - dct.weekday()) % 7
    if ahead == 0 and direction == 2:
        ahead = 7
    return dct + timedelta(days=ahead)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    """The n-th `weekday` of a month; n=-1 is the last one."""
    if n > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, m, monthrange(y, m)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, month, day + 1)


def orthodox_easter(y: int) -> date:
    """Orthodox Easter Sunday: the Julian computus, moved onto the Gregorian calendar."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = y // 100 - y // 400 - 2  # 13 days from 1900 to 2099
    return date(y, month, day + 1) + timedelta(days=julian_gap)


_ISLAMIC_EPOCH = 227015  # 16 July 622 (Julian), as a proleptic Gregorian ordinal


def _from_islamic(year: int, month: int, day: int) -> date:
    """The arithmetic (tabular) Islamic calendar; announced dates, which follow the moon's
    sighting, differ from it by a day or two at most."""
    days = (year - 1) * 354 + (3 + 11 * year) // 30 + 29 * (month - 1) + month // 2 + day
    return date.fromordinal(_ISLAMIC_EPOCH - 1 + days)


def islamic_day(y: int, month: int, day: int) -> date:
    """The first Gregorian date in year `y` (else the next one) that is `day` `month` AH.

    Dates come from the Umm al-Qura calendar (the one Saudi Arabia publishes, 1924-2077),
    outside it from the arithmetic calendar.
    """
    try:
        from hijridate import Gregorian, Hijri

        iy = Gregorian(y, 1, 1).to_hijri().year
        for cand in (iy, iy + 1):
            g = Hijri(cand, month, day).to_gregorian()
            if g.year >= y:
                return date(g.year, g.month, g.day)
    except (ImportError, OverflowError, ValueError):
        pass
    approx = (y - 622) * 33 // 32
    for iy in (approx - 1, approx, approx + 1):
        d = _from_islamic(iy, month, day)
        if d.year >= y:
            return d
    return _from_islamic(approx + 2, month, day)


def nowruz(y: int) -> date:
    """The Persian new year: the day of the March equinox, or the next one when the equinox
    falls after noon in Tehran (UTC+3:30). The mean equinox of Meeus' Astronomical
    Algorithms (table 27.B) is within minutes of the true one."""
    t = (y - 2000) / 1000
    jde = (
        2451623.80984 + 365242.37404 * t + 0.05169 * t**2 - 0.00411 * t**3 - 0.00057 * t**4
    )
    tehran = jde - 2451544.5 + 3.5 / 24  # days since 2000-01-01 00:00, Tehran time
    day = date(2000, 1, 1) + timedelta(days=int(tehran // 1))
    return day if tehran % 1 < 0.5 else day + timedelta(days=1)


def _month_span(y: int, m1: int, m2: int) -> tuple[date, date]:
    y2, m2n = add_months(y, 1, m2 - 1)
    return date(y, m1, 1), date(y2, m2n, monthrange(y2, m2n)[1])


def interval_of(value: str) -> tuple[tuple[date, date], Precision] | None:
    """The calendar interval and precision a DATE/TIME value denotes, if it is anchored."""
    m = _VALUE.match(value)
    try:
        if m:
            y = int(m["y"])
            if m["d"]:
                d = date(y, int(m["m"]), int(m["d"]))
                return (d, d), Precision.DAY
            if m["m"]:
                return _month_span(y, int(m["m"]), int(m["m"])), Precision.MONTH
            if m["w"]:
                monday = date.fromisocalendar(y, int(m["w"]), 1)
                if value.endswith("-WE"):
                    return (monday + timedelta(5), monday + timedelta(6)), Precision.RANGE
                return (monday, monday + timedelta(6)), Precision.WEEK
            if m["q"]:
                q = int(m["q"])
                return _month_span(y, 3 * q - 2, 3 * q), Precision.QUARTER
            if m["h"]:
                h = int(m["h"])
                return _month_span(y, 6 * h - 5, 6 * h), Precision.RANGE
            if m["s"]:
                a, b = _SEASON_MONTHS[m["s"]]
                return _month_span(y, a, b), Precision.RANGE
            return (date(y, 1, 1), date(y, 12, 31)), Precision.YEAR
        if dm := _DECADE.match(value):
            y = int(dm["dec"]) * 10
            return (date(max(y, 1), 1, 1), date(y + 9, 12, 31)), Precision.RANGE
        if cm := _CENTURY.match(value):
            y = int(cm["c"]) * 100
            return (date(max(y, 1), 1, 1), date(y + 99, 12, 31)), Precision.RANGE
    except ValueError:
        return None
    return None
