"""The date engine: find time expressions in news text and normalise them (TIMEX3).

    >>> from datetime import date
    >>> [t.value for t in find_times("Talks resumed on Thursday.", date(2024, 10, 25))]
    ['2024-10-24']

Conventions (TimeML / TempEval-3 where they exist):

* spans leave out prepositions ("in", "since", "for", "over" as in "rose over six
  years") and "about" ("about two years" is tagged "two years", mod ``APPROX``), but keep
  the other modifiers ("early March", "the past three months", "around Nov. 1", "nearly
  a year", "1994 or later"), which also give the TIMEX3 ``mod``; values are
  TIMEX3 values (``2024-10-24TEV``, ``2024-W43``, ``2024-Q3``, ``199`` for the 1990s,
  ``P20D``, ``PRESENT_REF``...);
* relative expressions resolve against the DCT and the tense of the verb group around
  them (tense.py): a bare weekday is the last such day on or before the DCT, a month
  without a year the nearest one, unless the verb group speaks of the future ("will
  meet", "should be completed", "is due", "agreed to meet", "expires") or, for months and
  days well ahead of the DCT, of the past ("collapsed in August"); "since" never looks
  ahead;
* ranges ("Oct. 24-26", "from June 1 to June 3", "between Monday and Wednesday",
  "2009-2010") are two expressions, as TimeML tags them ("Oct. 24" and "26"), each with the
  TIMEX3 value of its own end and both with the ``interval`` of the whole range, precision
  ``range``: one parse gives TimeML its two ends and a timeline its one interval. Vague
  stretches ("the coming days") are one expression whose interval is a range too;
  counts ("between 12 and 18 months") are two durations;
* "the night of 18 March" and "the early hours of Tuesday" are the day alone ("18 March"),
  as the TempEval-3 annotations tag them; "the day before the vote" is "the day", dated
  only when it stands beside a date;
* "since October" keeps the span and value of "October" but its interval runs to the DCT;
* "three days later" / "an hour earlier" are DURATIONs (``P3D``) over "three days", as in
  TimeML ("later" is the signal), but their interval is the day they land on, counted from
  the last day mentioned; "a year earlier", "two months later" and "... ago" stay DATEs;
* "24 hours a day", "three days a week" are one SET (``P1D``, ``P1W``);
* "the week after the vote" is placed by an event: ``2024-WXX``, with no interval;
* "Resolution 1973", "Flight 2024" and "the March 23 Movement" are names, not dates.

Call it on a whole article when you can: "the quarter", "a year earlier", "the next day"
and bare clock times are anchored on what the article mentioned before. Per-sentence calls
work too (they are cheap) but lose that context.
"""

from __future__ import annotations

from .engine import find_times
from .types import TimeExpression

__all__ = ["TimeExpression", "find_times"]
