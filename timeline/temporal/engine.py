"""Find time expressions and normalise them (TIMEX3 values, calendar intervals).

One pass of the master regex finds candidates; a small handler per rule turns the matched
text into (type, value, interval, precision) or rejects it. The handlers share a little
discourse state (the last quarter, day and year mentioned) because news, and earnings
reports above all, anchor "the quarter" or "a year earlier" on what came before.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from timeline.vocab import Precision

from .calendar import (
    add_months,
    easter,
    hebrew_holiday,
    interval_of,
    islamic_day,
    month_value,
    nowruz,
    nth_weekday,
    orthodox_easter,
    quarter_of,
    shift_weekday,
    week_value,
)
from .lazy import lazy_re
from .patterns import (
    AFTER,
    MONTHS,
    NARROW,
    NUMBER_WORDS,
    ORDINALS,
    RULE_NAMES,
    SEASONS,
    TOKEN,
    TRIGGERS,
    UNIT_CODES,
    WEEKDAYS,
    alternation,
)
from .resolve import SINCE, edge_of, narrow, pick_year
from .tense import clause_tense
from .types import TimeExpression

__all__ = ["find_times"]

Interval = tuple[date, date]


@dataclass(slots=True)
class _Hit:
    """What a handler makes of one match; start/end override the match span if set."""

    type: str
    value: str
    interval: Interval | None = None
    precision: Precision | None = None
    start: int | None = None
    end: int | None = None
    extra: _Hit | None = None  # a second expression the same match yields ("24 and 25")
    mod: str | None = None  # TIMEX3 mod, if the words alone do not say it (see _mod_of)


# what a handler returns to let the rules after its own try the same position
_PASS = _Hit("", "")


@dataclass(slots=True)
class _State:
    text: str
    dct: date
    day_first: bool
    last_q: tuple[int, int] | None = None
    # "the first nine months" after the quarter: the stretch compared with "a year earlier"
    # is that one (its DURATION value), no longer the quarter
    span: str | None = None
    last_q_ended: bool = False  # the last quarter is on record, not ahead
    last_day: date | None = None
    last_day_pos: int | None = None
    last_day_end: int | None = None  # where the expression of last_day ends
    last_year: int | None = None
    last_month: tuple[int, int] | None = None


# how far back (characters) a day mention still anchors a bare clock time
_NEAR = 400

# --- small parsers ---------------------------------------------------------------------
_POD_CODE = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip
_VAGUE = {"few", "several", "many", "some", "hundreds", "couple"}


def _number(s: str) -> float | None:
    """'two', 'twenty-four', '2 1/2', 'a few' -> 2, 24, 2.5, None (vague)."""
    s = s.lower().strip()
    if s.endswith("and a half"):  # "two and a half", "a year and a half" (unit removed)
        whole = _number(s[: -len("and a half")])
        return None if whole is None else whole + 0.5
    if s.startswith("a couple") or s.startswith("couple"):
        return 2
    if s.startswith("a dozen"):
        return 12
    if s.startswith("a hundred"):
        return 100
    total = 0.0
    for w in re.split(r"[\s-]+", s):
        if not w:
            continue
        if w[0].isdigit():
            if w == "1/2":
                total += 0.5
            else:
                total += float(w.replace(",", ""))  # "1,000"
        elif w in _VAGUE or w == "a" and "few" in s:
            return None
        elif w in NUMBER_WORDS:
            total += NUMBER_WORDS[w]
        else:
            return None
    return total


def _spoken_year(s: str) -> int | None:
    s = s.lower().replace("-", " ")
    if s[:4].isdigit():
        return int(s[:4])
    words = [w for w in s.split() if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(_number(" ".join(words[2:])) or 0) if len(words) > 2 else 2000
    if words and words[0] == "nineteen":
        rest = _number(" ".join(words[1:])) if len(words) > 1 else None
        return 1900 + int(rest) if rest is not None else None
    return None


def _month_of(word: str) -> int:
    return MONTHS[word[:3].lower()]


def _weekday_of(word: str) -> int:
    return WEEKDAYS[word[:3].lower()]


_MONTH_WORD = lazy_re(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER"
    r"|DECEMBER|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b"
)
_WD_WORD = lazy_re(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?=s?\b)")
_YEAR_IN = lazy_re(
    r"(?<![\d$])(1[5-9]\d\d|20\d\d)(?!\d)|(?i:nineteen[\s-]\w+(?:[\s-]\w+)?|two\s+thousand"
    r"(?:\s+and)?(?:\s+\w+)?)"
)
_DAY_IN = lazy_re(r"(?<![\d:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)")
_YEAR_REL = lazy_re(r"(?i:(this|last|next)(?:\s+year|\s+year's)|year's)")


def _day_hit(year: int, month: int, day: int, state: _State) -> _Hit | None:
    """A calendar day, remembered as the last day mentioned; None if it does not exist."""
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    state.last_day = d
    return _date_hit(d.isoformat(), state)


def _date_hit(value: str, state: _State, edge: str | None = None, typ: str = "DATE") -> _Hit:
    found = interval_of(value)
    if found is None:
        return _Hit(typ, value, None, Precision.UNKNOWN)
    interval, precision = found
    if edge:
        interval = narrow(interval, edge, state.dct)
        precision = Precision.RANGE
    return _Hit(typ, value, interval, precision)


# --- handlers --------------------------------------------------------------------------
def _h_range_md(m: re.Match[str], s: _State) -> _Hit | None:
    """'Oct. 24-26', 'Dec. 28-Jan. 3': TimeML's two days, each carrying the whole range."""
    t = m.group()
    mw = _MONTH_WORD.search(t)
    if mw is None:
        return None
    mon = _month_of(mw.group())
    mw2 = _MONTH_WORD.search(t, mw.end())
    mon2 = _month_of(mw2.group()) if mw2 else mon
    days = list(_DAY_IN.finditer(t, mw.end()))[:2]
    ym = _YEAR_IN.search(t, mw.end())
    if len(days) < 2 or (mon2 == mon and int(days[1][1]) <= int(days[0][1])):
        return None  # "March 3-1 vote" is a score, not a range
    y = int(ym.group(1)) if ym and ym.group(1) else None
    if y is None:
        y = pick_year(mon, int(days[0][1]), s.dct, clause_tense(s.text, m.start(), m.end()))
    try:
        a = date(y, mon, int(days[0][1]))
        b = date(y + (1 if mon2 < mon else 0), mon2, int(days[1][1]))  # "Dec. 28-Jan. 3"
    except ValueError:
        return None
    s.last_day = a
    second = m.start() + (mw2.start() if mw2 else days[1].start())
    return _range_hit(a, b, (None, m.start() + days[0].end()), (second, None))


def _range_hit(
    a: date,
    b: date,
    first: tuple[int | None, int],
    second: tuple[int, int | None],
    values: tuple[str, str] | None = None,
) -> _Hit:
    """The two ends of the range a..b as TimeML tags them (their spans `first` and `second`,
    None where the match's own edge), both with the range's interval."""
    va, vb = values or (a.isoformat(), b.isoformat())
    hit = _Hit("DATE", va, (a, b), Precision.RANGE, start=first[0], end=first[1])
    hit.extra = _Hit("DATE", vb, (a, b), Precision.RANGE, start=second[0], end=second[1])
    return hit


_ATOM = lazy_re(
    r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|(?P<mon>[A-Z][a-z]+\.?)\s+"
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?|(?<=\s)(?P<bare>\d{1,2})\b"
)


def _h_range_dm(m: re.Match[str], s: _State) -> _Hit | None:
    """'10-12 March 2024': TimeML's '10' and '12 March 2024', both with the range."""
    t = m.group()
    days = list(_DAY_IN.finditer(t))[:2]
    mw = _MONTH_WORD.search(t)
    if len(days) < 2 or mw is None or int(days[1][1]) <= int(days[0][1]):
        return None
    mon = _month_of(mw.group())
    ym = _YEAR_IN.search(t, mw.end())
    a_day, b_day = int(days[0][1]), int(days[1][1])
    y = int(ym.group(1)) if ym and ym.group(1) else pick_year(mon, a_day, s.dct, _day_tense(m, s))
    a, b = date(y, mon, a_day), date(y, mon, b_day)
    s.last_day = a
    return _range_hit(a, b, (None, m.start() + days[0].end()), (m.start() + days[1].start(), None))


def _h_range_between(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    tense = clause_tense(s.text, m.start(), m.end())
    days: list[date] = []
    spans: list[tuple[int, int]] = []
    month: int | None = None
    for a in _ATOM.finditer(t):
        if a["wd"]:
            days.append(shift_weekday(s.dct, _weekday_of(a["wd"]), 1 if tense > 0 else 0))
            spans.append(a.span("wd"))
            continue
        try:
            if a["mon"]:
                month = _month_of(a["mon"])
                day = int(a["d"])
            elif month is not None:
                day = int(a["bare"])
            else:
                continue
            y = int(a["y"]) if a["y"] else pick_year(month, day, s.dct, tense)
            days.append(date(y, month, day))
            spans.append(a.span() if a["mon"] else a.span("bare"))
        except (KeyError, ValueError):
            return None
    if len(days) != 2:
        return None
    a_, b_ = days
    if b_ < a_:
        if m.group().find("day") >= 0 and tense <= 0:
            a_ -= timedelta(days=7)
        else:
            b_ += timedelta(days=7)
    if b_ < a_:
        return None
    s.last_day = a_
    (a0, a1), (b0, b1) = ((m.start() + x, m.start() + y) for x, y in spans)
    return _range_hit(a_, b_, (a0, a1), (b0, b1))


def _h_range_years(m: re.Match[str], s: _State) -> _Hit | None:
    found = list(re.finditer(r"\d{2,4}", m.group()))
    if len(found) != 2:
        return None
    a, b = (int(x.group()) for x in found)
    if b < 100:  # "2023-24"
        b += a // 100 * 100
    if not a < b <= a + 50:
        return None  # "1990-1985" or a score: not a span of years
    s.last_year = a
    return _range_hit(
        date(a, 1, 1),
        date(b, 12, 31),
        (None, m.start() + found[0].end()),
        (m.start() + found[1].start(), None),
        (str(a), str(b)),
    )


_LATER_DAY_OF = lazy_re(
    r"\s*(?:,|and|or|to|through|until|-|–)\s*(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
    r"\s+(?:of\s+)?(?P<mon>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?:,?\s+(?P<y>1[5-9]\d\d|20\d\d))?\b"
)


def _h_day_of_month(m: re.Match[str], s: _State) -> _Hit | None:
    """'on the 24th,': that day of the month the story last named, else of the DCT's (or
    the month before, when the clause looks back and the day is still to come)."""
    day = int(re.sub(r"\D", "", m.group()))
    later = _LATER_DAY_OF.match(s.text, m.end())
    if later:  # "the 15th and 16th of August": the month the pair ends with
        mon = _month_of(later["mon"])
        y = int(later["y"]) if later["y"] else pick_year(mon, day, s.dct, _day_tense(m, s))
        return _day_hit(y, mon, day, s)
    if s.last_day is not None:
        y, mon = s.last_day.year, s.last_day.month
    elif s.last_month is not None:
        y, mon = s.last_month
    else:
        y, mon = s.dct.year, s.dct.month
        if day > s.dct.day and clause_tense(s.text, m.start(), m.end()) < 0:
            y, mon = add_months(y, mon, -1)
    return _day_hit(y, mon, day, s)


_IS_BEFORE = lazy_re(r"(?i)(?:\bis|'s)\s+(?:now\s+|already\s+)?$")


def _h_nth_day(m: re.Match[str], s: _State) -> _Hit | None:
    """'It is the second day of the offensive': said in the present, the day is the DCT's;
    in any other tense the day it counts to is unknown, and it is left alone."""
    if not _IS_BEFORE.search(s.text, max(0, m.start() - 12), m.start()):
        return None
    d = s.dct
    s.last_day = d
    return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)


def _h_week_of(m: re.Match[str], s: _State) -> _Hit | None:
    """'the week of March 6': the (ISO) calendar week that contains the named day."""
    t = m.group()
    d = _day_ref(t, s, clause_tense(s.text, m.start(), m.end()))
    if d is None:
        return None
    s.last_day = d
    return _date_hit(week_value(d), s)


def _h_day_around(m: re.Match[str], s: _State) -> _Hit | None:
    """'the day before last Tuesday', 'the day after Oct. 23': a named day shifted by one."""
    t = m.group()
    shift = 1 if re.search(r"(?i)\bafter\b", t) else -1
    w = _WD_WORD.search(t)
    if w is not None and not _MONTH_WORD.search(t):
        pre = t[: w.start()].lower().split()[-1]
        wd = _weekday_of(w.group())
        if pre == "last":
            d = shift_weekday(s.dct, wd, -1)
        elif pre == "next":
            d = shift_weekday(s.dct, wd, 2)
        else:
            future = clause_tense(s.text, m.start(), m.end()) > 0
            d = shift_weekday(s.dct, wd, 1 if future else 0)
    else:
        found = _day_ref(t, s, clause_tense(s.text, m.start(), m.end()))
        if found is None:
            return None
        d = found
    d += timedelta(days=shift)
    s.last_day = d
    return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)


def _h_iso(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    try:
        if "/" in t:  # 2024/10/24
            y, mo, dd = (int(x) for x in t.split("/"))
            d = date(y, mo, dd)
            s.last_day = d
            return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)
        d = date.fromisoformat(t[:10])
    except ValueError:
        return None
    s.last_day = d
    if len(t) > 10:
        return _Hit("TIME", t[:16], (d, d), Precision.DAY)
    return _Hit("DATE", t, (d, d), Precision.DAY)


def _h_numeric(m: re.Match[str], s: _State) -> _Hit | None:
    a, b, y = (int(x) for x in m.group().split("/"))
    if y < 100:
        y += 2000 if y <= (s.dct.year % 100) + 10 else 1900
    month, day = (b, a) if s.day_first else (a, b)
    if month > 12 >= day:  # the other order is the only valid one
        month, day = day, month
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    s.last_day = d
    return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)


_CLOCK = lazy_re(
    r"(?i)(?P<hm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC)\b|\s+hours\b)"
    r"|(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?::(?P<m>\d\d))?\s*(?P<ap>a\.?m|p\.?m|o'clock|in\s+the\s+(?:morning|afternoon|evening))?"
    r"|(?P<word>noon|midnight|midday)"
)


_HIGH_BEFORE = lazy_re(r"(?i)\bhigh\s+$")
_AT_CLOCK_BEFORE = lazy_re(r"(?i)\b(?:at|from|until|till|by|before|after|since|to)\s+$")


def _day_ref(t: str, s: _State, tense: int) -> date | None:
    """The day named inside a longer expression: a month-day, weekday or today/yesterday."""
    mw = _MONTH_WORD.search(t)
    if mw:
        dm = _DAY_IN.search(t, mw.end()) or _DAY_IN.search(t, 0, mw.start())  # "18 March"
        if dm:
            mon, day = _month_of(mw.group()), int(dm.group(1))
            ym = _YEAR_IN.search(t, dm.end())
            y = int(ym.group(1)) if ym and ym.group(1) else pick_year(mon, day, s.dct, tense)
            try:
                return date(y, mon, day)
            except ValueError:
                return None
    w = _WD_WORD.search(t)
    if w:
        return shift_weekday(s.dct, _weekday_of(w.group()), 1 if tense > 0 else 0)
    low = t.lower()
    if "yesterday" in low:
        return s.dct - timedelta(days=1)
    if "tomorrow" in low:
        return s.dct + timedelta(days=1)
    if "today" in low or "tonight" in low:
        return s.dct
    return None


_DAY_AFTER_CLOCK = lazy_re(
    r"\s*(?:\([^()]{1,30}\)\s*)?,?\s*(?:(?i:on)\s+)?((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?i:today|tomorrow|yesterday|tonight))\b"
)


def _h_clock(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    c = _CLOCK.search(re.sub(r"(?i)^(?:around|about|shortly\s+(?:after|before))\s+", "", t))
    if c is None:
        return None
    if c["hm"]:
        if s.text[max(0, m.start() - 2) : m.start()].rstrip().endswith("("):
            return None  # "8 p.m. (2000 GMT)": the time just given, in another zone
        if t[c.end() :].lstrip()[:5].lower() == "hours" and not _AT_CLOCK_BEFORE.search(
            s.text, max(0, m.start() - 8), m.start()
        ):
            return _PASS  # "logged 2100 hours": a count ("at 2100 hours" is a time)
        hh, mm = int(c["hm"][:2]), int(c["hm"][2:])
    elif c["word"]:
        w = c["word"].lower()
        if w == "noon" and _HIGH_BEFORE.search(s.text, max(0, m.start() - 6), m.start()):
            return None  # "high noon comes today": the idiom for a moment of decision
        hh, mm = (24, 0) if w == "midnight" else (12, 0)
    else:
        h = c["h"].lower()
        hh = int(h) if h.isdigit() else int(NUMBER_WORDS.get(h, 0))
        mm = int(c["m"] or 0)
        ap = (c["ap"] or "").lower().replace(".", "")
        if not ap and not c["m"]:
            return None
        if hh > 24 or mm > 59 or (ap and not 1 <= hh <= 12):
            return None
        if (ap.startswith("pm") or "afternoon" in ap or "evening" in ap) and hh < 12:
            hh += 12
        elif ap.startswith("am") and hh == 12:
            hh = 0
    d = _day_ref(t[c.end() :], s, clause_tense(s.text, m.start(), m.end()))
    after = _DAY_AFTER_CLOCK.match(s.text, m.end())
    if d is None and after:  # "at 08:00 local time (0500 GMT) on Sunday"
        d = _day_ref(after.group(1), s, clause_tense(s.text, m.start(), after.end()))
    if d is None:
        # a bare clock time belongs to the day the story was just talking about
        near = s.last_day_pos is not None and m.start() - s.last_day_pos < _NEAR
        d = s.last_day if near and s.last_day else s.dct
    s.last_day = d
    value = f"{d.isoformat()}T{hh:02d}" if hh == 24 else f"{d.isoformat()}T{hh:02d}:{mm:02d}"
    return _Hit("TIME", value, (d, d), Precision.DAY)


def _h_mdy(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    mw = _MONTH_WORD.search(t)
    if mw is None:
        return None
    dm = _DAY_IN.search(t, mw.end())
    if dm is None:
        return None
    mon, day = _month_of(mw.group()), int(dm.group(1))
    ym = _YEAR_IN.search(t, dm.end())
    if ym and ym.group(1):
        y = int(ym.group(1))
    else:
        if _named_by_date(m, s):
            return None  # "the March 23 Movement", "the March 14 Alliance": a name
        tense = _day_tense(m, s)
        if t.lower().startswith("this coming"):
            tense = 1
        y = pick_year(mon, day, s.dct, tense)
    try:
        d = date(y, mon, day)
    except ValueError:
        return None
    s.last_day = d
    edge = edge_of(t)
    hit = _date_hit(d.isoformat(), s, edge if edge in ("early", "late") else None)
    hit.extra = _second_day(m, s, d)
    return hit


# a movement, party or pact named after a day: the name, not the day, is meant
_NAMED_BY_DATE = lazy_re(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:Movement|Alliance|Coalition|Front|Brigades?|Revolution|Party"
    r"|Bloc|Group|Forces|Agreement|Accords?|Declaration|Manifesto)\b"
)

_THE_BEFORE = lazy_re(r"(?i)\bthe\s+$")


def _named_by_date(m: re.Match[str], s: _State) -> bool:
    """'the March 23 Movement': a day with "the" before it and a body's name after."""
    return bool(
        _NAMED_BY_DATE.match(s.text, m.end())
        and (
            m.group()[:4].lower() == "the "
            or _THE_BEFORE.search(s.text, max(0, m.start() - 5), m.start())
        )
    )


_AND_DAY = lazy_re(
    r"\s+(?:and|or|&)\s+(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:%|\$|percent|per\b|[a-z]+s\b(?<!\bas)(?<!\bis)(?<!\bwas)(?<!\bhas)))"
)


def _second_day(m: re.Match[str], s: _State, first: date) -> _Hit | None:
    """'April 24 and 25': TimeML tags the bare 25 as a date of its own."""
    a = _AND_DAY.match(s.text, m.end())
    if a is None or _COUNT_AFTER.match(s.text, a.end()):
        return None
    try:
        d = first.replace(day=int(a.group(1)))
    except ValueError:
        return None
    return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY, start=a.start(1), end=a.end())


# "March the second round": an ordinal that qualifies the next word is no day of the month
_NOUN_AFTER = lazy_re(
    r"\s+(?!(?:and|or|at|in|on|to|from|when|until|after|before|by|with|as|the|a|of|was|is"
    r"|will|would|had|has|have|that|which|this|next|last|year)\b)[a-z]"
)


_SINCE_BEFORE = lazy_re(r"(?i)\bsince\s+$")


def _day_tense(m: re.Match[str], s: _State) -> int:
    """The tense that picks the year of a day named without one ("since October 7")."""
    if _SINCE_BEFORE.search(s.text, max(0, m.start() - 8), m.start()):
        return SINCE
    return clause_tense(s.text, m.start(), m.end())


def _h_md_spoken(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    mw = _MONTH_WORD.search(t)
    if mw is None:
        return None
    if " the " in t.lower() and _NOUN_AFTER.match(s.text, m.end()):
        return _PASS
    rest = t[mw.end() :].lower().replace("the", " ").strip().split(",")[0].split()
    if not rest:
        return None
    word = rest[0]
    if "-" in word:
        tens, _, unit = word.partition("-")
        day = NUMBER_WORDS.get(tens, 0) + ORDINALS.get(unit, 0)
    else:
        day = ORDINALS.get(word, 0)
    if not day:
        return None
    mon = _month_of(mw.group())
    ym = _YEAR_IN.search(t, mw.end() + len(rest[0]))
    y = (_spoken_year(ym.group()) if ym else None) or pick_year(mon, day, s.dct, _day_tense(m, s))
    return _day_hit(y, mon, day, s)


def _h_dmy(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    dm = _DAY_IN.search(t)
    mw = _MONTH_WORD.search(t)
    if dm is None or mw is None:
        return None
    mon, day = _month_of(mw.group()), int(dm.group(1))
    if (
        mw.group() == "May"
        and not _YEAR_IN.search(t, mw.end())
        and not re.search(
            r"(?i)\b(?:on|the|of|from|until|by)\s+$", s.text[max(0, m.start() - 6) : m.start()]
        )
    ):
        return None
    ym = _YEAR_IN.search(t, mw.end())
    if not (ym and ym.group(1)) and _named_by_date(m, s):
        return None  # "the 17 February Revolution": a name
    y = int(ym.group(1)) if ym and ym.group(1) else pick_year(mon, day, s.dct, _day_tense(m, s))
    return _day_hit(y, mon, day, s)


def _h_my(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    mw = _MONTH_WORD.search(t)
    ym = _YEAR_IN.search(t, mw.end() if mw else 0)
    if mw is None or ym is None:
        return None
    y = int(ym.group(1)) if ym.group(1) else _spoken_year(ym.group())
    if y is None:
        return None
    mon = _month_of(mw.group())
    s.last_month = (y, mon)
    return _date_hit(month_value(y, mon), s, edge_of(t))


def _h_my_rel(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group().lower()
    mw = _MONTH_WORD.search(m.group())
    if mw is None:
        return None
    mon = _month_of(mw.group())
    y = s.dct.year + (-1 if "last" in t else 1 if "next" in t else 0)
    s.last_month = (y, mon)
    return _date_hit(month_value(y, mon), s, edge_of(t))


_UNIT_WORD = lazy_re(
    r"(?i)(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)"
    r"(?:s|ies|y)?\b"
)


def _unit_of(t: str) -> str | None:
    found = list(_UNIT_WORD.finditer(t))
    return found[-1].group(1).lower() if found else None


def _duration_value(n: float | None, unit: str) -> str:
    code, is_time = UNIT_CODES[unit]
    t = "T" if is_time else ""
    if n is None:
        return f"P{t}X{code}"
    if unit == "fortnight":
        n *= 2
    if unit == "decade":
        return f"P{round(n * 10)}Y"
    if unit == "centur":
        return f"P{round(n * 100)}Y"
    whole = int(n)
    frac = n - whole
    if frac and unit in ("year", "hour", "day", "minute"):
        sub = {"year": ("M", 12), "hour": ("M", 60), "day": ("H", 24), "minute": ("S", 60)}
        sc, k = sub[unit]
        if unit == "day":
            return f"P{whole}DT{round(frac * k)}H"
        return f"P{t}{whole}{code}{round(frac * k)}{sc}"
    return f"P{t}{round(n)}{code}"


_AGO_DIR = lazy_re(r"(?i)(ago|earlier|later|before|after|from\s+now|hence)$")
_LEADING_NUM = lazy_re(
    r"(?i)^(?:(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|less\s+than"
    r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|over|only|just|under"
    r"|barely|within|fewer\s+than)\s+)?(?:(?:the|its|each\s+of\s+the|an?\s+additional|another)"
    r"\s+)?(?:(?:past|last|next|first|previous|coming|following|latest|final|remaining|initial"
    r"|ensuing|preceding|subsequent)\s+)?(?P<num>.+?)(?:\s+(?:or|to|and)\s+(?!a\s+half\b).+?)?"
    r"(?:\s+(?:more"
    r"|straight|consecutive|full|trading|business|working|calendar))?[\s-]+(?=(?:second|minute"
    r"|hour|day|night|week|fortnight|month|quarter|year|decade|centur))"
)


_SHORT_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "fortnight"})


def _in_quarter_context(s: _State) -> bool:
    return s.last_q is not None and s.span is None


def _h_ago(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    unit = _unit_of(t)
    dm = _AGO_DIR.search(t)
    nm = _LEADING_NUM.match(t)
    if unit is None or dm is None or nm is None:
        return None
    n = _number(nm.group("num"))
    direction = dm.group(1).lower()
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if direction in ("later", "earlier") and unit in _SHORT_UNITS:
        # "three days later", "an hour earlier": TimeML tags the measured stretch as a
        # DURATION and leaves "later"/"earlier" out, as the signal anchoring it on an event
        # ("ago", anchored on the DCT, and longer units make calendar dates). The interval
        # still places it: the day it lands on, counted from the last day mentioned.
        hit = _Hit(
            "DURATION",
            _duration_value(n, unit),
            None,
            Precision.UNKNOWN,
            end=m.start() + len(t[: dm.start()].rstrip()),
        )
        if n is not None:
            days = {"week": 7, "fortnight": 14}.get(unit, 1 if unit in ("day", "night") else 0)
            d = (s.last_day or s.dct) + timedelta(days=int(round(n)) * days * sign)
            s.last_day = d
            hit.interval, hit.precision = (d, d), Precision.DAY
        return hit
    # "ago" counts from the DCT; "earlier"/"later" from the last day the story mentioned
    anchor = s.dct if direction in ("ago", "from now", "hence") else (s.last_day or s.dct)
    if n is None:
        # "years ago", "a few days later": a vague point in the past or future
        return _Hit("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, Precision.UNKNOWN)
    k = int(round(n)) * sign
    if unit == "year" and n == 1 and direction in ("ago", "earlier") and _in_quarter_context(s):
        y, q = _context_quarter(s)
        return _date_hit(f"{y - 1}-Q{q}", s)
    if unit in ("year", "decade", "centur"):
        mult = {"year": 1, "decade": 10, "centur": 100}[unit]
        y = anchor.year + k * mult
        s.last_year = y
        return _date_hit(str(y), s)
    if unit == "quarter":
        y, q = quarter_of(anchor)
        idx = y * 4 + q - 1 + k
        return _date_hit(f"{idx // 4}-Q{idx % 4 + 1}", s)
    if unit == "month":
        y, mo = add_months(anchor.year, anchor.month, k)
        s.last_month = (y, mo)
        return _date_hit(month_value(y, mo), s)
    if unit in ("week", "fortnight"):
        d = anchor + timedelta(weeks=k * (2 if unit == "fortnight" else 1))
        return _date_hit(week_value(d), s)
    days = k if unit in ("day", "night") else 0
    d = anchor + timedelta(days=days)
    s.last_day = d
    return _date_hit(d.isoformat(), s)


_MONEY_BEFORE = lazy_re(
    r"(?i)(?:[\d%]|\b(?:million|billion|trillion|cents?|dollars?|percent|times|once|twice"
    r"|thrice|per|barrels|tons?|tonnes?|people|visitors|units|copies))[\s,]*$"
)


def _h_dur(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    unit = _unit_of(t)
    nm = _LEADING_NUM.match(t)
    if unit is None or nm is None:
        return None
    raw = nm.group("num").strip().lower()
    if raw in ("one", "some") and t.lower() == f"{raw} day" and _SOMEDAY_BEFORE.search(
        s.text, max(0, m.start() - 12), m.start()
    ):
        return _Hit("DATE", "FUTURE_REF", None, Precision.UNKNOWN)  # "could one day reopen"
    n = _number(raw)
    if re.search(r"(?i)\band\s+a\s+half$", t):  # "a minute and a half"
        n = None if n is None else n + 0.5
    if raw in ("a", "an"):
        if unit == "second":
            return None  # "a second" is an ordinal far more often than a duration
        if unit == "quarter" and not re.search(r"(?i)\b(?:the|its|past|last|next)\b", t):
            return None  # "a quarter" of something
        before = s.text[max(0, m.start() - 30) : m.start()]
        if _MONEY_BEFORE.search(before):
            code, is_time = UNIT_CODES[unit]
            return _Hit("SET", f"P{'T' if is_time else ''}1{code}", None, Precision.UNKNOWN)
    vague_quarters = unit == "quarter" and raw in ("several", "few", "a few", "many")
    if unit in ("second", "quarter", "half") and (n is None or n >= 100) and not vague_quarters:
        return None  # "the 1988 second quarter", "some second thoughts", "in some quarters"
    if unit == "quarter" and n is not None and s.text.startswith(" of", m.end()):
        return None  # "three quarters of the vote" (but "several quarters of losses")
    rate = _RATE_AFTER.match(s.text, m.end())
    if rate and n is not None and _UNIT_RANK[rate.group(1).lower()] > _UNIT_RANK.get(unit, 9):
        # "24 hours a day", "three days a week": one recurring stretch, a SET per period
        code, is_time = UNIT_CODES[rate.group(1).lower()]
        return _Hit(
            "SET", f"P{'T' if is_time else ''}1{code}", None, Precision.UNKNOWN, end=rate.end()
        )
    # "would last 42 days", "expected to last two to three days": the verb, not "the last"
    verb = 5 if t[:5].lower() == "last " and _VERB_LAST.search(
        s.text, max(0, m.start() - 12), m.start()
    ) else 0
    pair = _COUNT_PAIR.search(t, nm.end("num"), nm.end())
    if pair is not None:
        if _COUNTED_STRETCH.search(t, verb, nm.start("num")):
            # "the next 12 to 18 months": one stretch of uncertain length
            return _Hit("DURATION", _duration_value(None, unit), None, Precision.UNKNOWN)
        # "between 12 and 18 months", "two to six days": TimeML tags the counts apart
        second = _number(_COUNT_TAIL.sub("", t[pair.end() : nm.end()]))
        hit = _Hit("DURATION", _duration_value(n, unit), None, Precision.UNKNOWN)
        hit.start = m.start() + verb
        hit.end = m.start() + nm.end("num")
        hit.extra = _Hit("DURATION", _duration_value(second, unit), None, Precision.UNKNOWN)
        hit.extra.start = m.start() + pair.end()
        return hit
    first = m.start() + nm.start("num")
    if (
        s.text[first : first + 1].isupper()
        and "-" in t
        and _CAP_AFTER.match(s.text, m.end())
        and not _SENTENCE_START.search(s.text, max(0, first - 6), first)
    ):
        return None  # "the Six-Day War", "the Hundred-Day Offensive": a name
    if (
        unit == "hour"
        and n == 24
        and t.endswith("-hour")
        and _ROUND_THE_CLOCK.match(s.text, m.end())
    ):
        return None  # "a 24-hour news channel": open round the clock, not for a day
    value = _duration_value(n, unit)
    if unit == "hour" and n == 24 and _COUNTED_STRETCH.search(t, 0, nm.start("num")):
        value = "P1D"  # "the last twenty-four hours": TimeML counts the day
    hit = _Hit("DURATION", value, None, Precision.UNKNOWN)
    noun = _PERIOD_NOUN.search(t)
    if noun:
        # "a three-year period": the noun and its article belong to the span, other
        # determiners do not ("its one-year term"); after another modifier ("the extra
        # seven-day period") the count is an adjective of that noun phrase and stands alone
        det = _POSSESSIVE.match(t)
        article = _ARTICLE_BEFORE.search(s.text, max(0, m.start() - 4), m.start())
        if det:
            hit.start = m.start() + det.end()
        elif article:
            hit.start = article.start()
        else:
            hit.end = m.start() + noun.start()
        return hit
    det = _ADJ_DET.match(t)
    if det:  # "the two-year plan": the determiner belongs to the noun, not to the timex
        hit.start = m.start() + det.end()
    _over_as_preposition(m, s, hit)
    if verb:
        hit.start = m.start() + verb
    return hit


_SOMEDAY_BEFORE = lazy_re(
    r"(?i)\b(?:will|would|could|may|might|can|should|shall|must|to|'ll)\s+(?:not\s+)?$"
)
_VERB_LAST = lazy_re(
    r"(?i)\b(?:will|would|could|may|might|should|must|can|to|does|do|did|not|n't|'ll)\s+$"
)


_PERIOD_NOUN = lazy_re(r"(?i)\s(?:period|term|span|stretch|window)$")
_POSSESSIVE = lazy_re(r"(?i)(?:its|their|his|her|our|my|your)\s+")
_ARTICLE_BEFORE = lazy_re(r"(?i)\b(?:an?|the)\s+$")
_ROUND_THE_CLOCK = lazy_re(
    r"(?i)\s+(?:news|television|tv|cable|channel|station|radio|service|services|hotline"
    r"|helpline|coverage|access|operation|operations|shop|shops|store|stores|pharmacy|clinic"
    r"|surveillance|security|protection|guard|guards|watch|vigil|support|care|emergency"
    r"|supermarket|restaurant|diner|gym|live|broadcast|broadcasts|feed)\b"
)
# "over" measures ("lasted over a week", "just over an hour") after these words; elsewhere
# it is the preposition of "rose over six years", which TimeML leaves out of the span
_OVER_MEASURES = lazy_re(
    r"(?i)\b(?:just|for|last|lasts|lasted|lasting|took|take|takes|taking|spent|spend|spends"
    r"|after|in|than|within|of|only|stay|stays|stayed|remain|remains|remained|wait|waited"
    r"|waiting|served|serve|serving)\s+$"
)


def _over_as_preposition(m: re.Match[str], s: _State, hit: _Hit) -> None:
    t = m.group()
    if t[:5].lower() == "over " and (
        t[5:9].lower() == "the "
        or not _OVER_MEASURES.search(s.text, max(0, m.start() - 12), m.start())
    ):
        hit.start = m.start() + 5


_COUNT_PAIR = lazy_re(r"(?i)\s+(?:or|to|and)\s+(?!a\s+half\b)")
_COUNT_TAIL = lazy_re(
    r"(?i)(?:\s+(?:more|straight|consecutive|full|trading|business|working|calendar))?[\s-]*$"
)
_COUNTED_STRETCH = lazy_re(
    r"(?i)\b(?:the|its|additional|another|past|last|next|first|previous|coming|following"
    r"|latest|final|remaining|initial|ensuing|preceding|subsequent)\s"
)
_RATE_AFTER = lazy_re(r"(?i)\s+(?:a|an|per|each)\s+(hour|day|week|month|year)\b")
_UNIT_RANK = {"second": 0, "minute": 1, "hour": 2, "day": 3, "night": 3, "week": 4, "month": 5,
              "year": 7}  # fmt: skip


def _h_long_dur(m: re.Match[str], s: _State) -> _Hit | None:
    """'day-long', 'two-week-long', 'decades-long': a duration of the unit (vague if plural)."""
    t = m.group().lower()
    stem = t[: -len("-long")]
    unit = _unit_of(stem)
    if unit is None:
        return None
    head, _, word = stem.rpartition("-")
    n = _number(head) if head else (None if word.endswith("s") else 1)
    return _Hit("DURATION", _duration_value(n, unit), None, Precision.UNKNOWN)


_ADJ_DET = lazy_re(r"(?i)(?:the|its|a|an|their|his|her)\s+(?=[\w.]+-)")


_EVENT_STRETCH = lazy_re(r"the\s+(?:first|early|opening|final|closing|last)\s+\w+$")
# how many days "the coming weeks", "recent months"... reach from the DCT
_VAGUE_SPAN = {"day": 10, "week": 21, "month": 90, "quarter": 180, "year": 3 * 365, "decade": 3650}


def _h_vague_dur(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group().lower()
    unit = _unit_of(t)
    if unit is None:
        return None
    if t.startswith("recent") and unit == "year":
        return _Hit("DATE", "PAST_REF", None, Precision.UNKNOWN)
    if _EVENT_STRETCH.match(t):
        return _Hit("DURATION", _duration_value(None, unit), None, Precision.UNKNOWN)
    future = "coming" in t or "next" in t or "ahead" in t
    span = _VAGUE_SPAN.get(unit, 10)
    if future:
        interval = (s.dct + timedelta(days=1), s.dct + timedelta(days=span))
    else:
        interval = (s.dct - timedelta(days=span), s.dct)
    if "coming" in t:
        # "the coming months" names the near future rather than measuring it (TimeML
        # FUTURE_REF); "the next few months" counts, so it stays a duration
        return _Hit("DATE", "FUTURE_REF", interval, Precision.RANGE)
    return _Hit("DURATION", _duration_value(None, unit), interval, Precision.RANGE)


def _h_another(m: re.Match[str], s: _State) -> _Hit | None:
    unit = _unit_of(m.group())
    return _Hit("DURATION", _duration_value(1, unit), None, Precision.UNKNOWN) if unit else None


def _h_vague_dur2(m: re.Match[str], s: _State) -> _Hit | None:
    if m.group().lower().endswith("ago"):
        return _Hit("DATE", "PAST_REF", None, Precision.UNKNOWN)  # "just months ago"
    unit = _unit_of(m.group())
    return _Hit("DURATION", _duration_value(None, unit), None, Precision.UNKNOWN) if unit else None


def _completed_quarter(s: _State) -> tuple[int, int]:
    y, q = quarter_of(s.dct)
    idx = y * 4 + q - 2
    return idx // 4, idx % 4 + 1


def _context_quarter(s: _State) -> tuple[int, int]:
    """The quarter under discussion: the last one mentioned, else the last one completed.

    A mention of the current or a coming quarter (an outlook) does not count: reports
    compare the quarter just ended with the year-ago one; but a quarter on record (a
    fiscal one that has "ended", one a past verb reports) counts whatever its number.
    """
    done = _completed_quarter(s)
    if s.last_q and (s.last_q <= done or s.last_q_ended):
        return s.last_q
    return done


def _h_year_ago(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group().lower()
    if " month " in t:  # "the same month a year ago": the month under discussion, a year back
        by, bm = s.last_month or (s.dct.year, s.dct.month)
        return _date_hit(month_value(by - 1, bm), s)
    if " week " in t:
        anchor = s.last_day if s.last_day and "ago" not in t else s.dct
        return _date_hit(week_value(anchor - timedelta(weeks=52)), s)
    y, q = _context_quarter(s)
    qm = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\b", t)
    if qm:
        q = ORDINALS[qm.group(1)]
    if "nine months" in t:
        return _Hit("DURATION", "P9M", None, Precision.UNKNOWN)
    if s.span and t.endswith("period"):  # "the year-earlier period" of "the nine months"
        return _Hit("DURATION", s.span, None, Precision.UNKNOWN)
    return _date_hit(f"{y - 1}-Q{q}", s)


def _year_word(t: str, s: _State) -> int | None:
    """An explicit or relative year inside an expression ('of 1990', "last year's")."""
    ym = _YEAR_IN.search(t)
    if ym and ym.group(1):
        return int(ym.group(1))
    rm = _YEAR_REL.search(t)
    if rm:
        w = (rm.group(1) or "").lower()
        return s.dct.year + (-1 if w == "last" else 1 if w == "next" else 0)
    return None


def _default_quarter_year(q: int, s: _State, tense: int) -> int:
    y, cur = quarter_of(s.dct)
    # a quarter more than one quarter ahead of the DCT's is last year's (reports look back)
    return y - 1 if q > cur + 1 else y


def _h_quarter(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    trim = 0
    if re.match(r"(?i)the\s+(?:fiscal\s+)?\w+-quarter$", t):
        trim = 4  # "the third-quarter loss": adjective, the article goes with the noun
    qm = re.search(r"(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th|last|final)", t)
    if qm is None:
        return None
    q = ORDINALS.get(qm.group(1).lower(), 4)
    y = _year_word(t, s)
    tense = clause_tense(s.text, m.start(), m.end())
    if y is None:
        y = _default_quarter_year(q, s, tense)
    s.last_q = (y, q)
    # "reported fourth-quarter earnings", "the fourth quarter ended Sept. 30": a quarter on
    # record, the one "a year earlier" compares with, whatever its (fiscal) number
    s.last_q_ended = tense < 0 or _ENDED_AFTER.match(s.text, m.end()) is not None
    hit = _date_hit(f"{y}-Q{q}", s)
    if trim:
        hit.start = m.start() + trim
    return hit


def _h_qcode(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    q = int(t[1])
    y = _year_word(t, s) or _default_quarter_year(q, s, clause_tense(s.text, m.start(), m.end()))
    s.last_q = (y, q)
    return _date_hit(f"{y}-Q{q}", s)


def _h_half(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group().lower()
    h = 1 if "first" in t else 2
    y = _year_word(t, s)
    if y is None:
        if " of " not in t:
            return None  # "the first half" of a match, of a speech...
        y = s.dct.year
    return _date_hit(f"{y}-H{h}", s)


def _h_ctx_quarter(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group().lower()
    y, q = _context_quarter(s)
    if "period" in t and s.last_q is None:
        return None
    if re.search(r"\b(?:this|current)\b", t):
        y, q = quarter_of(s.dct)
    elif "latest" in t or "just" in t:
        y, q = _completed_quarter(s)
    elif "previous" in t:
        idx = y * 4 + q - 2
        y, q = idx // 4, idx % 4 + 1
    ym = _YEAR_IN.search(t)
    if ym and ym.group(1):
        y = int(ym.group(1))
        if s.span and "period" in t:
            return _date_hit(str(y), s)  # "the 1988 period" after "the nine months"
    elif "year's" in t:  # "last year's quarter": the quarter under discussion, a year off
        y += -1 if t.startswith("last") else 1 if t.startswith("next") else 0
    return _date_hit(f"{y}-Q{q}", s)


def _h_year_ago_bare(m: re.Match[str], s: _State) -> _Hit | None:
    if _in_quarter_context(s):
        y, q = _context_quarter(s)
        return _date_hit(f"{y - 1}-Q{q}", s)
    return _date_hit(str(s.dct.year - 1), s)


def _h_month_part(m: re.Match[str], s: _State) -> _Hit | None:
    """'the first week of July', 'the second half of June': days of a month."""
    t = m.group()
    low = t.lower()
    mw = _MONTH_WORD.search(t)
    if mw is None:
        return None
    mon = _month_of(mw.group())
    ym = _YEAR_IN.search(t, mw.end())
    y = int(ym.group(1)) if ym and ym.group(1) else pick_year(
        mon, None, s.dct, clause_tense(s.text, m.start(), m.end())
    )
    first, last = date(y, mon, 1), date(y, mon, monthrange(y, mon)[1])
    if " half " in low:
        mid = first + timedelta(days=14)
        early = low.split()[1] == "first"
        span = (first, mid) if early else (mid + timedelta(days=1), last)
        mod = "START" if early else "END"
        return _Hit("DATE", month_value(y, mon), span, Precision.RANGE, mod=mod)
    n = ORDINALS.get(low.split()[1], 4)
    if low.split()[1] in ("last", "final"):
        a, b = last - timedelta(days=6), last
    else:
        a = first + timedelta(days=7 * (n - 1))
        b = a + timedelta(days=6)
    return _Hit("DATE", week_value(a + timedelta(days=3)), (a, b), Precision.RANGE)


def _h_pod_day(m: re.Match[str], s: _State) -> _Hit | None:
    """'mid-afternoon yesterday', 'by late morning': a part of a named or the current day."""
    t = m.group().lower()
    code = next((c for w, c in _POD_CODE.items() if w in t), None)
    if code is None:
        return None
    if "yesterday" in t:
        d = s.dct - timedelta(days=1)
    elif "tomorrow" in t:
        d = s.dct + timedelta(days=1)
    elif "today" in t:
        d = s.dct
    else:
        near = s.last_day_pos is not None and m.start() - s.last_day_pos < _NEAR
        d = s.last_day if near and s.last_day else s.dct
    s.last_day = d
    return _Hit("TIME", f"{d.isoformat()}T{code}", (d, d), Precision.DAY)


def _h_pod_rel(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group().lower()
    pod = t.split()[-1]
    code = _POD_CODE.get(pod)
    if code is None:
        return None
    d = s.dct
    if "yesterday" in t or ("last" in t and pod in ("night", "evening")):
        d -= timedelta(days=1)
    elif "tomorrow" in t:
        d += timedelta(days=1)
    elif "last" in t:
        return None
    s.last_day = d
    return _Hit("TIME", f"{d.isoformat()}T{code}", (d, d), Precision.DAY)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "orthodox christmas eve": lambda y: date(y, 1, 6),
    "orthodox christmas": lambda y: date(y, 1, 7),  # 25 December of the Julian calendar
    "orthodox easter": orthodox_easter,
    "eid al-fitr": lambda y: islamic_day(y, 10, 1),
    "eid al-adha": lambda y: islamic_day(y, 12, 10),
    "ramadan": lambda y: islamic_day(y, 9, 1),
    "nowruz": nowruz,
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's": lambda y: date(y, 1, 1),
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "easter": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "palm sunday": lambda y: easter(y) - timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - timedelta(days=46),
    "maundy thursday": lambda y: easter(y) - timedelta(days=3),
    "holy thursday": lambda y: easter(y) - timedelta(days=3),
    "holy saturday": lambda y: easter(y) - timedelta(days=1),
    "ascension day": lambda y: easter(y) + timedelta(days=39),
    "pentecost": lambda y: easter(y) + timedelta(days=49),
    "epiphany": lambda y: date(y, 1, 6),
    "passover": lambda y: hebrew_holiday("passover", y),
    "purim": lambda y: hebrew_holiday("purim", y),
    "rosh hashanah": lambda y: hebrew_holiday("rosh hashanah", y),
    "yom kippur": lambda y: hebrew_holiday("yom kippur", y),
    "sukkot": lambda y: hebrew_holiday("sukkot", y),
    "hanukkah": lambda y: hebrew_holiday("hanukkah", y),
    "armistice day": lambda y: date(y, 11, 11),
    "remembrance day": lambda y: date(y, 11, 11),
    "ve day": lambda y: date(y, 5, 8),
    "victory day": lambda y: date(y, 5, 9),  # Russia's; Western Europe's VE Day is 8 May
    "bastille day": lambda y: date(y, 7, 14),
    "independence day": lambda y: date(y, 7, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "veterans day": lambda y: date(y, 11, 11),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "boxing day": lambda y: date(y, 12, 26),
}


# festivals of several days (outside Israel, Passover lasts eight days)
_FESTIVAL_DAYS = {"passover": 8, "hanukkah": 8, "sukkot": 7, "rosh hashanah": 2}


_HOLIDAY_SPELLING = lazy_re(
    r"eid[\s-](?:al|ul|el)[\s-](?P<eid>fitr|adha)|(?P<nowruz>norouz|nowrouz|novruz|nauryz)"
    r"|(?P<passover>pesach)|(?P<hanukkah>hanukah|chanukk?ah)|(?P<sukkot>succot)"
    r"|(?P<rosh>rosh hashana)(?!h)|(?P<pentecost>whit sunday)|(?P<ve>v-e day)"
    r"|(?P<july>fourth of july)"
)
_SPELLED_AS = {
    "nowruz": "nowruz", "passover": "passover", "hanukkah": "hanukkah", "sukkot": "sukkot",
    "rosh": "rosh hashanah", "pentecost": "pentecost", "ve": "ve day",
    "july": "independence day",
}  # fmt: skip


def _holiday_key(low: str) -> str:
    """One spelling per holiday: 'eid ul-fitr' -> 'eid al-fitr', 'novruz' -> 'nowruz'."""
    return _HOLIDAY_SPELLING.sub(
        lambda k: f"eid al-{k['eid']}" if k["eid"] else _SPELLED_AS[str(k.lastgroup)], low
    )


# names that open with a holiday or a weekday: "the Good Friday Agreement", "the Sunday Times"
_NAME_HEAD = lazy_re(
    r"\s+(?:Agreements?|Accords?|Treaty|Times|Telegraph|Mail|Express|Post|Herald|Mirror|Tribune"
    r"|Independent|Observer|Massacre|Uprising|Rising|Offensive|War|Revolution|Movement|Island"
    r"|Islands|Parade|Sermon|Prayers?|Bombings?|Attacks?)\b"
)


def _h_holiday(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    if _NAME_HEAD.match(s.text, m.end()):
        return None  # "the Good Friday Agreement", "the Easter Rising": names
    low = _holiday_key(re.sub(r"\s+", " ", t.lower()))
    key, fn = next(((k, f) for k, f in _HOLIDAYS.items() if k in low), ("", None))
    if fn is None:
        return None
    week = low.endswith(" week")
    if week:
        # "Easter week", "Christmas week": the ISO week holding the day; which year's is
        # decided on the week's Monday, so a week already begun counts as under way
        day_fn = easter if "easter" in low and "easter monday" not in low else fn

        def fn(y: int, day_fn: Callable[[int], date] = day_fn) -> date:
            d = day_fn(y)
            return d - timedelta(days=d.weekday())

    y = _year_word(t, s)
    if y is None:
        cands = sorted({fn(yy) for yy in (s.dct.year - 1, s.dct.year, s.dct.year + 1)})
        ahead = [c for c in cands if c >= s.dct]
        behind = [c for c in cands if c < s.dct or (c == s.dct and not low.startswith("last"))]
        d = min(cands, key=lambda c: abs((c - s.dct).days))
        if low.startswith("last") and behind:
            d = behind[-1]
        elif low.startswith("next") and ahead:
            d = ahead[0]
        else:
            # as for a day of a month (pick_year): the clause's tense overrides the nearest
            # occurrence only when that lies well on the other side ("rehearsed for the
            # Victory Day parade" three weeks ahead is this year's)
            tense = clause_tense(s.text, m.start(), m.end())
            off = (d - s.dct).days
            if tense > 0 and off < -45 and ahead:
                d = ahead[0]
            elif tense < 0 and off > 45 and behind:
                d = behind[-1]
    else:
        d = fn(y)
    if week:
        return _date_hit(week_value(d), s)
    if "ramadan" in low:
        # a month of the lunar calendar: the interval is the month, the value the
        # Gregorian year (or month) that holds it
        end = islamic_day(d.year, 10, 1) - timedelta(days=1)
        value = month_value(d.year, d.month) if end.month == d.month else str(d.year)
        return _Hit("DATE", value, (d, end), Precision.RANGE)
    s.last_day = d
    if key in _FESTIVAL_DAYS:  # the value is the first day, the interval the festival
        return _Hit(
            "DATE", d.isoformat(), (d, d + timedelta(_FESTIVAL_DAYS[key] - 1)), Precision.RANGE
        )
    return _date_hit(d.isoformat(), s)


def _h_weekday(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    w = _WD_WORD.search(t)
    if w is None or _NAME_HEAD.match(s.text, m.end()):
        return None
    wd = _weekday_of(w.group())
    pre = t[: w.start()].strip().lower()
    post = t[w.end() :].strip().lower()
    if post.startswith("of "):  # "Monday of last week": that week's Monday
        week = post.split()[-2]
        anchor = s.last_day or s.dct if week in ("previous", "following") else s.dct
        shift = {"last": -7, "previous": -7, "next": 7, "following": 7}.get(week, 0)
        d = anchor + timedelta(days=shift + wd - anchor.weekday())
        s.last_day = d
        return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)
    if post.startswith("s") or post.endswith("s"):
        # "on Sundays", "Tuesday nights": every such day (or part of it)
        code = _POD_CODE.get(post.lstrip("s ").rstrip("s"))
        return _Hit("SET", f"XXXX-WXX-{wd + 1}" + (f"T{code}" if code else ""), None)
    if pre in ("last", "this past"):
        d = shift_weekday(s.dct, wd, -1)
    elif pre in ("next", "this coming"):
        d = shift_weekday(s.dct, wd, 2)
    elif pre in ("the previous", "the following"):
        anchor = s.last_day or s.dct
        d = shift_weekday(anchor, wd, -1 if "previous" in pre else 2)
    elif s.text.startswith("'s", m.end()):
        d = shift_weekday(s.dct, wd, 0)  # "Wednesday's ruling": an event already on record
    else:
        tense = clause_tense(s.text, m.start(), m.end())
        d = shift_weekday(s.dct, wd, 1 if tense > 0 else 0)
    s.last_day = d
    if post:
        code = _POD_CODE.get(post)
        if code:
            return _Hit("TIME", f"{d.isoformat()}T{code}", (d, d), Precision.DAY)
    return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)


# "today's youth", "in today's world": "today" for the present era, not for the DCT's day
_GENERIC_AFTER = lazy_re(
    r"(?i)'s\s+(?:world|youth|society|generation|young|children|kids|teenagers|students"
    r"|parents|families|women|men|consumers|workers|economy|culture|politics|technology"
    r"|standards)\b"
)


def _h_dayword(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group().lower().split()
    word = next(w for w in t if w in ("today", "yesterday", "tomorrow", "tonight"))
    if word == "today" and len(t) == 1 and _GENERIC_AFTER.match(s.text, m.end()):
        return None
    d = s.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    if "after" in t:
        d += timedelta(days=1)  # the day after tomorrow
    elif "before" in t:
        d -= timedelta(days=1)  # the day before yesterday
    s.last_day = d
    pod = t[-1] if t[-1] in _POD_CODE else ("night" if word == "tonight" else None)
    if pod:
        return _Hit("TIME", f"{d.isoformat()}T{_POD_CODE[pod]}", (d, d), Precision.DAY)
    return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)


_APPOSITION = lazy_re(r"\s*,\s*$")


def _h_day_event(m: re.Match[str], s: _State) -> _Hit | None:
    """'the day before the vote': a day placed by an event, which only an apposition dates
    ("on May 2, the day before the border closed"); otherwise a day of the story's year."""
    if (
        s.last_day is not None
        and s.last_day_end is not None
        and _APPOSITION.fullmatch(s.text, s.last_day_end, m.start())
    ):
        d = s.last_day
        return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)
    return _Hit("DATE", f"{s.last_year or s.dct.year}-XX-XX", None, Precision.UNKNOWN)


# winter YYYY-WI runs from December YYYY, so it comes last in its year
_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_now(d: date) -> tuple[int, str]:
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[d.month - 3]


def _h_season(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    low = t.lower()
    sm = re.search(r"(spring|summer|fall|autumn|winter)", low)
    if sm is None:
        return None
    code = SEASONS[sm.group(1)]
    mods = low[: sm.start()]
    ym = _YEAR_IN.search(t, sm.end())
    if ym:
        y = int(ym.group(1)) if ym.group(1) else _spoken_year(ym.group())
        if y is None:
            return None
    else:
        if not mods.strip() and sm.group(1) in ("fall", "spring"):
            return None  # "prices fall", "spring up": verbs far more often than seasons
        cy, cs = _season_now(s.dct)
        idx_now = cy * 4 + _SEASON_ORDER[cs]
        base = cy * 4 + _SEASON_ORDER[code]
        if "last" in mods:
            idx = base if base < idx_now else base - 4
        elif "next" in mods:
            idx = base if base > idx_now else base + 4
        elif "this" in mods:
            idx = base
        else:
            tense = clause_tense(s.text, m.start(), m.end())
            if tense > 0:
                idx = base if base >= idx_now else base + 4
            elif tense < 0:
                idx = base if base <= idx_now else base - 4
            else:
                idx = base
        y = idx // 4
    edge = re.search(r"(early|late|mid|end|beginning)", mods)
    return _date_hit(f"{y}-{code}", s, edge.group(1) if edge else None)


_REL_PARTS = lazy_re(
    r"(?i)(?P<rel>last|this\s+past|this\s+coming|this|next|the\s+past|the\s+last|the\s+current"
    r"|the\s+coming|the\s+next|the\s+previous|the\s+following|the\s+same|that|the)\s+"
    r"(?:(?:fiscal|calendar)\s+)?(?P<unit>weekend|week|month|quarter|year|decade|century)$"
)
_BACK = {"last", "this past", "the past", "the last", "the previous"}
_AHEAD = {"next", "this coming", "the coming", "the next", "the following"}


def _h_rel(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    if t.lower().endswith(" so"):  # "the next year or so"
        t = t[: t.lower().rindex(" or ")]
    rp = _REL_PARTS.search(t)
    if rp is None:
        return None
    rel = re.sub(r"\s+", " ", rp["rel"].lower())
    if rp["unit"][0].isupper() and not rp["unit"].isupper():
        return None  # "This Week" (a TV show), "Person of the Year": a title, not a date
    unit = rp["unit"].lower()
    edge = edge_of(t)
    if rel == "the" and unit == "year" and not edge:
        return _the_year(m, s)
    if rel == "the" and unit not in ("week", "weekend") and not edge:
        return None  # "the month", "the decade": too vague to anchor
    if rel == "the" and unit == "week" and not edge:
        last = _BEFORE_LAST.match(s.text, m.end())
        if last:  # "the week before last": two weeks back
            hit = _date_hit(week_value(s.dct - timedelta(weeks=2)), s)
            hit.end = last.end()
            return hit
        if _EVENT_AFTER.match(s.text, m.end()):
            # "the week after the vote": placed by an event, not by the DCT (as "the day")
            return _Hit("DATE", f"{s.last_year or s.dct.year}-WXX", None, Precision.UNKNOWN)
    k = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
    anchored = rel in ("the following", "the previous", "that", "the same")
    if unit == "year":
        # "the following year" counts from the year the story is on, not from the DCT
        base = s.last_year if anchored and s.last_year else s.dct.year
        y = base + k
        s.last_year = y
        return _date_hit(str(y), s, edge)
    if unit == "month":
        by, bm = s.last_month if anchored and s.last_month else (s.dct.year, s.dct.month)
        y, mo = add_months(by, bm, k)
        s.last_month = (y, mo)
        return _date_hit(month_value(y, mo), s, edge)
    if unit == "week":
        anchor = s.last_day if anchored and s.last_day else s.dct
        return _date_hit(week_value(anchor + timedelta(weeks=k)), s, edge)
    if unit == "weekend":
        wk = s.dct
        if k == 0 and rel == "the":
            tense = clause_tense(s.text, m.start(), m.end())
            if tense <= 0 and s.dct.weekday() < 5:
                wk = s.dct - timedelta(weeks=1)
        else:
            wk = s.dct + timedelta(weeks=k)
        return _date_hit(week_value(wk) + "-WE", s, edge)
    if unit == "quarter":
        y, q = quarter_of(s.dct)
        idx = y * 4 + q - 1 + k
        s.last_q = (idx // 4, idx % 4 + 1)
        return _date_hit(f"{idx // 4}-Q{idx % 4 + 1}", s, edge)
    if unit == "decade":
        if k < 0:
            return _Hit("DURATION", "P10Y", None, Precision.UNKNOWN)
        return _date_hit(str((s.dct.year + 10 * k) // 10), s, edge)
    if unit == "century":
        return _date_hit(str((s.dct.year // 100) + k), s, edge)
    return None


_BEFORE_LAST = lazy_re(r"(?i)\s+before\s+last\b")
_EVENT_AFTER = lazy_re(r"(?i)\s+(?:before|after|following|preceding|since|leading\s+up\s+to)\b")
_ENDED_AFTER = lazy_re(r"\s+(?:ended|ending|to)\b")
_PERIOD_PREP_BEFORE = lazy_re(r"(?i)\b(?:for|of|in|during|through|throughout)\s+$")


def _the_year(m: re.Match[str], s: _State) -> _Hit | None:
    """'for the year ended Sept. 30' is a twelve-month span; 'for the year' the DCT's year."""
    if _ENDED_AFTER.match(s.text, m.end()):
        return _Hit("DURATION", "P1Y", None, Precision.UNKNOWN)
    if _PERIOD_PREP_BEFORE.search(s.text, max(0, m.start() - 12), m.start()):
        return _date_hit(str(s.dct.year), s)
    return None


def _h_end_year(m: re.Match[str], s: _State) -> _Hit | None:
    return _date_hit(str(s.dct.year), s, "end")


def _h_full_year(m: re.Match[str], s: _State) -> _Hit | None:
    earlier = m.group().lower().startswith("earlier")
    return _date_hit(str(s.dct.year), s, "earlier" if earlier else None)


def _h_vague_for(m: re.Match[str], s: _State) -> _Hit | None:
    """'for years', 'within days', 'over the years', 'for a while': a vague duration; the
    preposition stays out of the span."""
    t = m.group()
    prep = t.split(None, 1)[0]
    start = m.start() + len(prep) + (len(t) - len(prep) - len(t[len(prep) :].lstrip()))
    if t.lower().endswith("while"):
        return _Hit("DURATION", "PXX", None, Precision.UNKNOWN, start=start)
    if _OF_AFTER.match(s.text, m.end()) and prep.lower() != "within":
        return None  # "for years of war" is "years of war"; "within days of" is a limit
    unit = _unit_of(t[len(prep) :].split()[-1 if " the " in t.lower() else 0])
    if unit is None:
        return None
    return _Hit("DURATION", _duration_value(None, unit), None, Precision.UNKNOWN, start=start)


def _h_vague_around(m: re.Match[str], s: _State) -> _Hit | None:
    word = m.group().split()[-1]
    unit = _unit_of(word)
    if unit is None:
        return None
    return _Hit(
        "DURATION", _duration_value(None, unit), None, Precision.UNKNOWN, start=m.end() - len(word)
    )


_REL_DAY_SHIFT = {"next": 1, "following": 1, "previous": -1, "preceding": -1}


def _h_rel_day(m: re.Match[str], s: _State) -> _Hit | None:
    if s.last_day is None:
        return None  # nothing to anchor on: "the next day" of what?
    words = m.group().lower().split()
    shift = next((v for k, v in _REL_DAY_SHIFT.items() if k in words), 0)
    d = s.last_day + timedelta(days=shift)
    s.last_day = d
    code = _POD_CODE.get(words[-1])
    if code:
        return _Hit("TIME", f"{d.isoformat()}T{code}", (d, d), Precision.DAY)
    return _Hit("DATE", d.isoformat(), (d, d), Precision.DAY)


def _h_rel_month(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    mw = _MONTH_WORD.search(t)
    if mw is None:
        return None
    mon = _month_of(mw.group())
    pre = t[: mw.start()].strip().lower().rstrip("-")
    edge = edge_of(t)
    if pre == "last":
        y = s.dct.year if mon < s.dct.month else s.dct.year - 1
    elif pre == "next":
        y = s.dct.year if mon > s.dct.month else s.dct.year + 1
    elif pre == "this":
        y = s.dct.year
    else:
        y = pick_year(mon, None, s.dct, clause_tense(s.text, m.start(), m.end()))
    s.last_month = (y, mon)
    return _date_hit(month_value(y, mon), s, edge)


_NAME_BEFORE = lazy_re(r"[A-Z][a-z]+\s+$")
_TITLE_AFTER = lazy_re(r"\s+(?:of|for|on|to)\b|\s+[A-Z]")
_CAP_AFTER = lazy_re(r"\s+[A-Z][a-z]")


# "between March and May", "from April to May": the other end of a span of months
_MONTH_AND = lazy_re(
    r"\b(?:January|February|March|April|June|July|August|September|October|November"
    r"|December)\s*(?:and|to|through|until|or|-|–)\s*$"
)
_PREP_BEFORE = lazy_re(
    r"(?i)\b(since|until|till|in|by|from|of|during|before|after|through|early|late|mid)[\s-]+$"
)


def _h_month(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    before = s.text[max(0, m.start() - 20) : m.start()]
    prep = _PREP_BEFORE.search(before)
    if prep:
        return _month_after_prep(m, s, prep.group(1).lower())
    if t == "May" and not _MONTH_AND.search(before):
        return None  # bare "May": the modal, or a surname; a month comes with a cue
    if re.search(r"(?i)\b(?:the|a|an|annual)\s+[`'\"]*$", before) and _TITLE_AFTER.match(
        s.text, m.end()
    ):
        return None  # "the March for Life", "the March of the Veterans": a name, not a month
    if _NAME_BEFORE.search(before) and not re.search(r"[.!?]\s+[A-Z][a-z]+\s+$", before):
        return None  # "Theresa May", "Operation March"
    if _CAP_AFTER.match(s.text, m.end()) and not t.endswith("."):
        return None  # "June Carter", "October Revolution"
    mon = _month_of(t)
    y = pick_year(mon, None, s.dct, clause_tense(s.text, m.start(), m.end()))
    s.last_month = (y, mon)
    return _date_hit(month_value(y, mon), s)


_LIMIT_PREPS = frozenset({"until", "till", "by", "through"})


def _month_after_prep(m: re.Match[str], s: _State, prep: str) -> _Hit:
    """'in March', 'since October': TimeML leaves the preposition out of the span."""
    mon = _month_of(m.group())
    since = prep == "since"
    tense = -1 if since else clause_tense(s.text, m.start(), m.end())
    if prep in _LIMIT_PREPS and tense < 0:
        # "extended through January", "to pay down the loan by February": the end of a
        # stretch the verb opens, not a time the verb happened in; read it nearest the DCT
        tense = 0
    y = pick_year(mon, None, s.dct, tense)
    s.last_month = (y, mon)
    hit = _date_hit(month_value(y, mon), s)
    if since and hit.interval and hit.interval[0] <= s.dct:
        # "since October": from the first of the month up to the publication date
        hit.interval = (hit.interval[0], s.dct)
        hit.precision = Precision.RANGE
    return hit


def _h_decade(m: re.Match[str], s: _State) -> _Hit | None:
    """'the 1990s', "the '80s", 'the nineties': TIMEX3 writes a decade as its first three
    digits (199), narrowed by early/mid/late."""
    t = m.group().lower()
    dm = re.search(r"(\d\d\d)0s", t)
    if dm:
        value = dm.group(1)
    else:
        am = re.search(r"'(\d)0s", t)
        if am:
            d = int(am.group(1))
            century = s.dct.year // 100 - (1 if d * 10 > s.dct.year % 100 else 0)
            value = f"{century}{d}"
        else:
            words = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ]
            w = next((i for i, x in enumerate(words) if x in t), None)
            if w is None:
                return None
            value = f"19{w + 2}"
    edge = re.search(r"(early|mid|late)", t)
    hit = _date_hit(value, s, edge.group(1) if edge else None)
    if "half" in t and hit.interval:  # "the last half of the '80s": five of its ten years
        a, b = hit.interval
        first = "first" in t
        hit.interval = (a, b.replace(year=b.year - 5)) if first else (a.replace(year=a.year + 5), b)
        hit.precision, hit.mod = Precision.RANGE, "START" if first else "END"
    return hit


def _h_century(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group().lower()
    dm = re.search(r"(\d{1,2})(?:st|nd|rd|th)", t)
    if dm:
        n = int(dm.group(1))
    else:
        words = re.sub(r"(?<=twenty)\s+", "-", t.replace("the", "")).split()
        word = words[0] if words else ""
        n = ORDINALS.get(word, 0) or ORDINALS.get(word.split("-")[-1], 0)
        if "-" in word:
            n += NUMBER_WORDS.get(word.split("-")[0], 0)
        if not n:
            return None
    return _date_hit(f"{n - 1:02d}", s)


def _h_fiscal(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    ym = _YEAR_IN.search(t)
    if ym and ym.group(1):
        y = int(ym.group(1))
    else:
        two = re.search(r"'(\d\d)", t)
        if two is None:
            return None
        yy = int(two.group(1))
        y = 2000 + yy if yy <= s.dct.year % 100 + 10 else 1900 + yy
    s.last_year = y
    return _date_hit(str(y), s)


_COUNT_AFTER = lazy_re(
    r"\s+(?:troops|people|soldiers|workers|employees|jobs|members|students|residents|refugees"
    r"|prisoners|civilians|delegates|dollars|euros|pounds|yen|shares|tons|tonnes|barrels|cars"
    r"|units|homes|houses|votes|signatures|cases|deaths|casualties|pages|miles|kilometers"
    r"|kilometres|km|feet|meters|metres|hectares|acres|rounds|rockets|missiles|points|copies"
    r"|words|items|times|hours|GMT|GMT\b|UTC|local|men|women|children|police|officers|fighters"
    r"|militants|rebels|hostages|detainees|patients|families|marines|sailors|flights|vehicles"
    r"|tanks|aircraft|planes|ships|boats|bodies|staff|persons|passengers|guests|visitors)\b"
)
_NUMBERED_BEFORE = lazy_re(
    r"(?i)\b(?:flight|resolutions?|no\.|nos\.|number|route|room|article|section|chapter"
    r"|highway|interstate|platform|gate)\s+$"
)
_YEAR_CUE_BEFORE = lazy_re(
    r"(?i)\b(?:in|since|by|of|from|until|till|before|after|during|year|circa|c\.|early|late"
    r"|mid|spring|summer|fall|autumn|winter|end)\s+$"
)


def _h_year(m: re.Match[str], s: _State) -> _Hit | None:
    t = m.group()
    ym = _YEAR_IN.search(t)
    if ym is None:
        return None
    y = int(ym.group(1)) if ym.group(1) else _spoken_year(ym.group())
    if y is None:
        return None
    if _COUNT_AFTER.match(s.text, m.end()):
        return None
    if ym.start() == 0 and _NUMBERED_BEFORE.search(s.text, max(0, m.start() - 12), m.start()):
        return None  # "Resolution 1973", "Flight 2024": a number that names, not a year
    if (
        not ym.group(1)
        and t.lower().startswith("two")
        and not re.search(
            r"(?i)\b(?:year|in|by|until|since)\s+$", s.text[max(0, m.start() - 6) : m.start()]
        )
    ):
        return None  # "two thousand" is a count unless it reads as a year
    if y < 1900 or y > s.dct.year + 50:
        before = s.text[max(0, m.start() - 12) : m.start()]
        if not _YEAR_CUE_BEFORE.search(before) and not edge_of(t):
            return None
    s.last_year = y
    pre = t[: ym.start()].strip().lower()
    edge = edge_of(t) if pre and not pre.startswith(("post", "pre")) else None
    hit = _date_hit(str(y), s, edge)
    tail = t[ym.end() :].lower()
    if tail:  # "1994 or later", "1990 and beyond"
        hit.mod = "ON_OR_BEFORE" if tail.endswith(("earlier", "before")) else "ON_OR_AFTER"
    return hit


# A recurrence adverb is a SET whose value is its period, as the TimeML guidelines give it
# ("daily" P1D, "annually" P1Y)
_SET_UNIT = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
    "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "biweekly": "P2W",
    "bimonthly": "P2M", "semiannually": "P6M", "semi-annually": "P6M",
}  # fmt: skip


_FINANCE_AFTER = lazy_re(
    r"\s+(?:cash\s+)?(?:dividends?|payments?|payouts?|volume|turnover|distributions?|results"
    r"|earnings|figures|rates?|interest|installments?|loss|losses|profits?|revenues?|sales"
    r"|of\b)"
)


_PAPER_AFTER = lazy_re(
    r"\s+(?:[A-Z]\w|newspaper|paper|tabloid|broadsheet|said|says|reported|reports|wrote"
    r"|quoted|cited|published)"
)


def _h_set(m: re.Match[str], s: _State) -> _Hit | None:
    t = re.sub(r"\s+", " ", m.group().lower())
    if _FINANCE_AFTER.match(s.text, m.end()):
        return None  # "quarterly dividend", "daily volume": a label, not a recurrence
    if t in ("daily", "weekly", "monthly") and _PAPER_AFTER.match(s.text, m.end()):
        return None  # "the party daily Granma", "the weekly said": a newspaper
    if t in _SET_UNIT:
        return _Hit("SET", _SET_UNIT[t], None, Precision.UNKNOWN)
    last = t.split()[-1]
    if t.startswith("every ") and last.endswith("s") and last[:-1] in UNIT_CODES:
        n = _number(t[len("every ") : -len(last)])
        code, is_time = UNIT_CODES[last[:-1]]
        count = "X" if n is None else str(round(n))
        return _Hit("SET", f"P{'T' if is_time else ''}{count}{code}", None, Precision.UNKNOWN)
    if last in ("day", "night", "week", "month", "quarter", "year", "hour", "minute", "second"):
        code, is_time = UNIT_CODES[last]
        n = 2 if " other " in t else 1
        return _Hit("SET", f"P{'T' if is_time else ''}{n}{code}", None, Precision.UNKNOWN)
    if last[:3] in WEEKDAYS and last.endswith("day"):
        return _Hit("SET", f"XXXX-WXX-{WEEKDAYS[last[:3]] + 1}", None, Precision.UNKNOWN)
    if last in SEASONS:
        return _Hit("SET", f"XXXX-{SEASONS[last]}", None, Precision.UNKNOWN)
    if last[:3] in MONTHS:
        return _Hit("SET", f"XXXX-{MONTHS[last[:3]]:02d}", None, Precision.UNKNOWN)
    return None


_REF_VALUE = {
    "the past": "PAST_REF", "recently": "PAST_REF", "recent": "PAST_REF",
    "more recently": "PAST_REF", "most recently": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the immediate future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
}  # fmt: skip
_MOST_BEFORE = lazy_re(r"(?i)\b(?:most|more|less|least)\s+$")
_OF_AFTER = lazy_re(r"\s+of\b")


# "Now, he says, ..." opening a sentence: a discourse marker, not a reference to the present
_SENTENCE_START = lazy_re(r"(?:^|[.!?][\"'`)]*\s+|\n)[\"'`(]*$")


def _h_ref(m: re.Match[str], s: _State) -> _Hit | None:
    t = re.sub(r"\s+", " ", m.group().lower())
    if (
        t == "now"
        and s.text.startswith(",", m.end())
        and _SENTENCE_START.search(s.text, max(0, m.start() - 6), m.start())
    ):
        return None
    if t == "recent" and _MOST_BEFORE.search(s.text, max(0, m.start() - 6), m.start()):
        return None  # "the most recent round": a ranking of events, not a time
    if t.endswith("future") and _OF_AFTER.match(s.text, m.end()):
        return None  # "the future of the city": its fate, not a time
    value = _REF_VALUE.get(t, "PRESENT_REF")
    return _Hit("DATE", value, None, Precision.UNKNOWN)


_HANDLERS: dict[str, Callable[[re.Match[str], _State], _Hit | None]] = {
    "range_md": _h_range_md,
    "range_between": _h_range_between,
    "range_dm": _h_range_dm,
    "month_part": _h_month_part,
    "week_of": _h_week_of,
    "day_of_month": _h_day_of_month,
    "day_around": _h_day_around,
    "range_years": _h_range_years,
    "iso": _h_iso,
    "numeric": _h_numeric,
    "clock": _h_clock,
    "mdy": _h_mdy,
    "md_spoken": _h_md_spoken,
    "dmy": _h_dmy,
    "my": _h_my,
    "my_rel": _h_my_rel,
    "ago": _h_ago,
    "long_dur": _h_long_dur,
    "dur": _h_dur,
    "vague_dur": _h_vague_dur,
    "vague_dur2": _h_vague_dur2,
    "another": _h_another,
    "year_ago": _h_year_ago,
    "quarter": _h_quarter,
    "qcode": _h_qcode,
    "half": _h_half,
    "ctx_quarter": _h_ctx_quarter,
    "year_ago_bare": _h_year_ago_bare,
    "pod_rel": _h_pod_rel,
    "pod_day": _h_pod_day,
    "holiday": _h_holiday,
    "weekday": _h_weekday,
    "dayword": _h_dayword,
    "day_event": _h_day_event,
    "nth_day": _h_nth_day,
    "season": _h_season,
    "rel": _h_rel,
    "end_year": _h_end_year,
    "full_year": _h_full_year,
    "vague_for": _h_vague_for,
    "vague_around": _h_vague_around,
    "rel_day": _h_rel_day,
    "rel_month": _h_rel_month,
    "month": _h_month,
    "decade": _h_decade,
    "century": _h_century,
    "fiscal": _h_fiscal,
    "year": _h_year,
    "set": _h_set,
    "ref": _h_ref,
}


# stretches that reports compare with "a year earlier" instead of a quarter
_SPANS_OF_MONTHS = frozenset({"P6M", "P9M"})


_NEXT_TOKEN = lazy_re(r"\s+([A-Za-z]+|\d|')")


def _follow_key(token: str) -> str:
    return "0" if token.isdigit() else token[:3].lower()


def _match_at(
    text: str, pos: int, names: tuple[str, ...] | None, state: _State
) -> tuple[re.Match[str], _Hit] | None:
    """The first rule that matches at `pos` and whose handler accepts the match.

    A handler that rejects its match returns None (nothing here: "Feb. 30", the score
    "March 3-1"), or _PASS to hand the position on to the rules after its own ("March the
    second round" is no day, but "March" is a month).
    """
    rules = names or RULE_NAMES
    while rules:
        m = alternation(rules).match(text, pos)
        if m is None or m.lastgroup is None:
            return None
        try:
            hit = _HANDLERS[m.lastgroup](m, state)
        except (ValueError, OverflowError):
            hit = None  # a date outside the calendar (DCT near year 1 or 9999, "Feb. 30")
        if hit is not _PASS:
            return None if hit is None else (m, hit)
        rules = rules[rules.index(m.lastgroup) + 1 :]
    return None


def find_times(text: str, dct: date | datetime, *, day_first: bool = False) -> list[TimeExpression]:
    """All time expressions of `text`, sorted by start and non-overlapping.

    `dct` is the document creation time (publication date) that relative expressions
    ("Thursday", "last week", "a year ago") are resolved against. `day_first` reads
    03/04/2024 as 3 April. Cheap enough to call per sentence or per article.
    """
    anchor = dct.date() if isinstance(dct, datetime) else dct
    state = _State(text=text, dct=anchor, day_first=day_first)
    out: list[TimeExpression] = []
    done = 0  # end of the last expression: they must not overlap
    for tok in TOKEN.finditer(text):
        pos = tok.start()
        if pos < done:
            continue
        word = tok.group()
        if word[0].isdigit():
            low = "0"
        elif word[0] == "'":
            low = "'"
        else:
            low = word.lower()
            if low not in TRIGGERS:
                continue
            follow = AFTER.get(low)
            if follow is not None:
                nxt = _NEXT_TOKEN.match(text, tok.end())
                if nxt is None or _follow_key(nxt.group(1)) not in follow:
                    continue  # "the government", "a deal": no rule goes on like that
        found = _match_at(text, pos, NARROW.get(low), state)
        if found is None:
            continue  # nothing here: a later token may still start an expression
        m, hit = found
        done = max(m.end(), hit.end or 0)  # a handler may stretch the span ("... a day")
        if hit.precision is Precision.DAY and hit.interval:
            state.last_day, state.last_day_pos = hit.interval[0], m.start()
            state.last_day_end = hit.end or m.end()
        if hit.type == "DATE" and hit.value[:4].isdigit():
            state.last_year = int(hit.value[:4])  # "later that year" refers back to it
            if hit.value[4:6] == "-Q":
                state.span = None
        elif hit.value in _SPANS_OF_MONTHS:
            state.span = hit.value
        out.append(_expression(text, hit, m.start(), m.end()))
        if hit.extra is not None:
            out.append(_expression(text, hit.extra, m.start(), m.end()))
            done = hit.extra.end or done
    _link_ranges(text, out, anchor)
    _distribute_sets(text, out)
    return out


_MODS = {
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "circa": "APPROX", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "barely": "LESS_THAN", "under": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "longer than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "no fewer than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "no longer than": "EQUAL_OR_LESS",
    "early": "START", "beginning": "START", "start": "START", "turn": "START", "mid": "MID",
    "middle": "MID", "late": "END", "end": "END", "close": "END",
}  # fmt: skip
_MOD_WORDS = lazy_re(
    r"(?i)^(?:the\s+)?(about|around|some|roughly|approximately|circa|nearly|almost|less\s+than"
    r"|fewer\s+than|barely|under|more\s+than|over|longer\s+than|at\s+least|no\s+less\s+than"
    r"|no\s+fewer\s+than|at\s+most|up\s+to|no\s+more\s+than|no\s+longer\s+than|early"
    r"|beginning|start|turn|mid|middle|late|end|close)(?![\w])"
)


def _mod_of(span: str) -> str | None:
    """The TIMEX3 mod of the words an expression opens with ("the late", "more than")."""
    m = _MOD_WORDS.match(span)
    return _MODS[re.sub(r"\s+", " ", m.group(1).lower())] if m else None


_AND_JOIN = lazy_re(r"(?i)\s*(?:,|,?\s*and|,?\s*or)\s*")


def _distribute_sets(text: str, out: list[TimeExpression]) -> None:
    """'Monday and Tuesday nights': the plural makes both days recur, both at night."""
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if not (b.type == "SET" and b.value.startswith("XXXX-WXX-")):
            continue
        w = _WD_WORD.fullmatch(a.text)
        if w is None or _AND_JOIN.fullmatch(text, a.end, b.start) is None:
            continue
        value = f"XXXX-WXX-{_weekday_of(a.text) + 1}" + b.value[len("XXXX-WXX-n") :]
        out[i - 1] = replace(a, type="SET", value=value, interval=None, precision=Precision.UNKNOWN)


_RANGE_JOIN = lazy_re(r"(?i)\s*(?:-|–|—|to|through|thru|until|till|and)\s*")
_RANGE_OPEN = lazy_re(r"(?i)\b(from|between)\s+$")


def _link_ranges(text: str, out: list[TimeExpression], dct: date) -> None:
    """'from June 1 to June 3', 'between 1985 and 1987': TimeML tags the two ends apart;
    both get the interval of the whole range, so that what the text dates by the range
    gets the range, whichever end it reads."""
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        join = _RANGE_JOIN.fullmatch(text, a.end, b.start)
        if join is None or b.interval is None or a.precision is Precision.RANGE:
            continue
        opener = _RANGE_OPEN.search(text, max(0, a.start - 9), a.start)
        word = join.group().strip().lower()
        if word not in "-–—" and (
            opener is None or (word == "and") != (opener.group(1).lower() == "between")
        ):
            continue  # "moved the talks to Monday", "April 24 and 25": no range
        first = a.interval or ((dct, dct) if a.value == "PRESENT_REF" else None)
        if first is None or b.interval[1] < first[0]:
            continue
        whole = (first[0], b.interval[1])
        out[i] = replace(a, interval=whole, precision=Precision.RANGE)
        out[i + 1] = replace(b, interval=whole, precision=Precision.RANGE)


# Approximations are read with the expression, for its mod, but left out of its span:
# TimeBank and AQUAINT together keep "about" outside the tag more often than inside ("about
# two weeks", "about 10:35 a.m.": 5 to 2). "around", "nearly", "early", "earlier" and
# "later" are inside more often than not, and stay.
_LEFT_OUT = lazy_re(r"(?i)(?:about|approximately|roughly|circa)\s+(?=\S)")


def _expression(text: str, hit: _Hit, start: int, end: int) -> TimeExpression:
    start = start if hit.start is None else hit.start
    end = end if hit.end is None else hit.end
    mod = hit.mod or _mod_of(text[start:end])
    lead = _LEFT_OUT.match(text, start, end)
    if lead is not None:
        start = lead.end()
    return TimeExpression(
        start=start,
        end=end,
        text=text[start:end],
        type=hit.type,
        value=hit.value,
        interval=hit.interval,
        precision=hit.precision or Precision.UNKNOWN,
        mod=mod,
    )
