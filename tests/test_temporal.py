"""The date engine (issue 3): spans, TIMEX3 values and calendar intervals of news time words.

Every table row is (sentence, DCT, expected); the sentences are written for these tests.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from timeline.temporal import TimeExpression, find_times
from timeline.vocab import Precision

FRI = date(2024, 10, 25)  # a Friday
THU = date(2024, 10, 24)


def _only(text: str, dct: date | datetime, **kw: bool) -> TimeExpression:
    found = find_times(text, dct, **kw)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def _d(s: str) -> date:
    return date.fromisoformat(s)


# --- weekdays and tense -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        pytest.param("The envoys met on Thursday.", FRI, "2024-10-24", id="thursday-in-friday"),
        pytest.param("The envoys met on Thursday.", THU, "2024-10-24", id="thursday-same-day"),
        pytest.param("Negotiators spoke Monday.", FRI, "2024-10-21", id="bare-monday-past"),
        pytest.param(
            "The minister will travel to Doha on Sunday.",
            FRI,
            "2024-10-27",
            id="will-travel-sunday",
        ),
        pytest.param(
            "She is expected to arrive on Monday.",
            FRI,
            "2024-10-28",
            id="expected-to-arrive-monday",
        ),
        pytest.param(
            "The mediators hope to reconvene next Sunday.", FRI, "2024-10-27", id="next-sunday"
        ),
        pytest.param(
            "The mediators hope to reconvene next Friday.",
            FRI,
            "2024-11-01",
            id="next-friday-from-friday",
        ),
        pytest.param("The delegation left last Friday.", FRI, "2024-10-18", id="last-friday"),
        # "was due": the future as seen from the past, like "is due"
        pytest.param(
            "The envoy was due in Cairo on Tuesday for talks.",
            date(2024, 10, 21),
            "2024-10-22",
            id="was-due-tuesday",
        ),
        # a weekday of a named week: the week counts, not the nearest such day
        pytest.param(
            "Both leaders arrived on Monday of last week.",
            FRI,
            "2024-10-14",
            id="monday-of-last-week",
        ),
        pytest.param(
            "The envoys return on Tuesday of next week.",
            FRI,
            "2024-10-29",
            id="tuesday-of-next-week",
        ),
        pytest.param(
            "The text was agreed on the Wednesday of this week.",
            FRI,
            "2024-10-23",
            id="wednesday-of-this-week",
        ),
        pytest.param(
            "He said on Wednesday that talks would go on.",
            FRI,
            "2024-10-23",
            id="said-on-wednesday",
        ),
    ],
)
def test_weekdays(text: str, dct: date, value: str) -> None:
    t = _only(text, dct)
    assert (t.type, t.value) == ("DATE", value)
    assert t.interval == (_d(value), _d(value))
    assert t.precision is Precision.DAY


@pytest.mark.parametrize(
    ("text", "dct", "span", "value", "day"),
    [
        pytest.param(
            "The talks ended Thursday evening.",
            FRI,
            "Thursday evening",
            "2024-10-24TEV",
            "2024-10-24",
            id="weekday-evening",
        ),
        pytest.param(
            "Shelling resumed this morning.",
            FRI,
            "this morning",
            "2024-10-25TMO",
            "2024-10-25",
            id="this-morning",
        ),
        pytest.param(
            "Sirens sounded last night.",
            FRI,
            "last night",
            "2024-10-24TNI",
            "2024-10-24",
            id="last-night",
        ),
        pytest.param(
            "The vote is set for 5 p.m. Friday.",
            FRI,
            "5 p.m. Friday",
            "2024-10-25T17:00",
            "2024-10-25",
            id="clock-weekday",
        ),
        pytest.param(
            "The convoy left at 10:35 a.m.",
            FRI,
            "10:35 a.m.",
            "2024-10-25T10:35",
            "2024-10-25",
            id="clock-alone",
        ),
        pytest.param(
            "The deadline is noon Thursday.",
            FRI,
            "noon Thursday",
            "2024-10-24T12:00",
            "2024-10-24",
            id="noon-weekday",
        ),
    ],
)
def test_parts_of_day_and_clock_times(
    text: str, dct: date, span: str, value: str, day: str
) -> None:
    t = _only(text, dct)
    assert (t.text, t.type, t.value) == (span, "TIME", value)
    assert t.interval == (_d(day), _d(day))


# --- relative periods ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dct", "span", "value", "interval", "precision"),
    [
        pytest.param(
            "Talks stalled last week.",
            FRI,
            "last week",
            "2024-W42",
            ("2024-10-14", "2024-10-20"),
            "week",
            id="last-week",
        ),
        pytest.param(
            "Talks go on this week.",
            FRI,
            "this week",
            "2024-W43",
            ("2024-10-21", "2024-10-27"),
            "week",
            id="this-week",
        ),
        pytest.param(
            "Talks resume next week.",
            FRI,
            "next week",
            "2024-W44",
            ("2024-10-28", "2024-11-03"),
            "week",
            id="next-week",
        ),
        pytest.param(
            "Fighting eased last month.",
            FRI,
            "last month",
            "2024-09",
            ("2024-09-01", "2024-09-30"),
            "month",
            id="last-month",
        ),
        pytest.param(
            "A summit comes next month.",
            FRI,
            "next month",
            "2024-11",
            ("2024-11-01", "2024-11-30"),
            "month",
            id="next-month",
        ),
        pytest.param(
            "Trade fell last year.",
            FRI,
            "last year",
            "2023",
            ("2023-01-01", "2023-12-31"),
            "year",
            id="last-year",
        ),
        pytest.param(
            "Trade grew this year.",
            FRI,
            "this year",
            "2024",
            ("2024-01-01", "2024-12-31"),
            "year",
            id="this-year",
        ),
        pytest.param(
            "A truce was agreed earlier this month.",
            FRI,
            "earlier this month",
            "2024-10",
            ("2024-10-01", "2024-10-24"),
            "range",
            id="earlier-this-month",
        ),
        pytest.param(
            "A summit is due later this month.",
            FRI,
            "later this month",
            "2024-10",
            ("2024-10-26", "2024-10-31"),
            "range",
            id="later-this-month",
        ),
        pytest.param(
            "The border opened three days ago.",
            FRI,
            "three days ago",
            "2024-10-22",
            ("2024-10-22", "2024-10-22"),
            "day",
            id="days-ago",
        ),
        pytest.param(
            "They first met two years ago.",
            FRI,
            "two years ago",
            "2022",
            ("2022-01-01", "2022-12-31"),
            "year",
            id="years-ago",
        ),
        pytest.param(
            "A deal may come in the coming days.",
            FRI,
            "the coming days",
            "FUTURE_REF",
            ("2024-10-26", "2024-11-04"),
            "range",
            id="coming-days",
        ),
        pytest.param(
            "Envoys will meet in the coming weeks.",
            FRI,
            "the coming weeks",
            "FUTURE_REF",
            ("2024-10-26", "2024-11-15"),
            "range",
            id="coming-weeks",
        ),
        pytest.param(
            "Since October, the talks have stalled.",
            date(2024, 11, 20),
            "October",
            "2024-10",
            ("2024-10-01", "2024-11-20"),
            "range",
            id="since-october",
        ),
        pytest.param(
            "A summit was held in mid-March.",
            FRI,
            "mid-March",
            "2024-03",
            ("2024-03-11", "2024-03-21"),
            "range",
            id="mid-march",
        ),
        pytest.param(
            "The plan was drafted late last year.",
            FRI,
            "late last year",
            "2023",
            ("2023-09-02", "2023-12-31"),
            "range",
            id="late-last-year",
        ),
        pytest.param(
            "A vote is due by the end of the month.",
            FRI,
            "the end of the month",
            "2024-10",
            ("2024-10-22", "2024-10-31"),
            "range",
            id="end-of-month",
        ),
        pytest.param(
            "Talks resumed today.",
            FRI,
            "today",
            "2024-10-25",
            ("2024-10-25", "2024-10-25"),
            "day",
            id="today",
        ),
        pytest.param(
            "Talks broke down yesterday.",
            FRI,
            "yesterday",
            "2024-10-24",
            ("2024-10-24", "2024-10-24"),
            "day",
            id="yesterday",
        ),
        pytest.param(
            "The envoy lands tomorrow.",
            FRI,
            "tomorrow",
            "2024-10-26",
            ("2024-10-26", "2024-10-26"),
            "day",
            id="tomorrow",
        ),
    ],
)
def test_relative_periods(
    text: str, dct: date, span: str, value: str, interval: tuple[str, str], precision: str
) -> None:
    t = _only(text, dct)
    assert (t.text, t.value) == (span, value)
    assert t.interval == (_d(interval[0]), _d(interval[1]))
    assert t.precision == Precision(precision)


def test_days_later_anchors_on_the_last_day_mentioned() -> None:
    # TimeML: "Five days" is a DURATION ("later" is the signal); the interval still places it
    found = find_times("The ceasefire was signed on Oct. 2. Five days later, talks resumed.", FRI)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Oct. 2", "DATE", "2024-10-02"),
        ("Five days", "DURATION", "P5D"),
    ]
    assert found[1].interval == (_d("2024-10-07"), _d("2024-10-07"))
    assert found[1].precision == Precision.DAY


# --- quarters, decades, seasons -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dct", "span", "value", "interval"),
    [
        pytest.param(
            "Revenue fell in the third quarter of 2023.",
            FRI,
            "the third quarter of 2023",
            "2023-Q3",
            ("2023-07-01", "2023-09-30"),
            id="quarter-with-year",
        ),
        pytest.param(
            "Third-quarter profit rose.",
            FRI,
            "Third-quarter",
            "2024-Q3",
            ("2024-07-01", "2024-09-30"),
            id="quarter-adjective",
        ),
        pytest.param(
            "Fourth-quarter exports slowed.",
            date(2025, 2, 3),
            "Fourth-quarter",
            "2024-Q4",
            ("2024-10-01", "2024-12-31"),
            id="quarter-last-year",
        ),
        pytest.param(
            "Sales were flat in the first half of 2024.",
            FRI,
            "the first half of 2024",
            "2024-H1",
            ("2024-01-01", "2024-06-30"),
            id="half-year",
        ),
        pytest.param(
            "Exports peaked in the 1990s.",
            FRI,
            "the 1990s",
            "199",
            ("1990-01-01", "1999-12-31"),
            id="decade",
        ),
        pytest.param(
            "The offensive began last summer.",
            FRI,
            "last summer",
            "2024-SU",
            ("2024-06-01", "2024-08-31"),
            id="last-summer",
        ),
        pytest.param(
            "Talks collapsed in the winter of 1998.",
            FRI,
            "the winter of 1998",
            "1998-WI",
            ("1998-12-01", "1999-02-28"),
            id="winter-of-year",
        ),
        pytest.param(
            "The fleet sailed in fiscal 2023.",
            FRI,
            "fiscal 2023",
            "2023",
            ("2023-01-01", "2023-12-31"),
            id="fiscal-year",
        ),
    ],
)
def test_quarters_decades_seasons(
    text: str, dct: date, span: str, value: str, interval: tuple[str, str]
) -> None:
    t = _only(text, dct)
    assert (t.text, t.type, t.value) == (span, "DATE", value)
    assert t.interval == (_d(interval[0]), _d(interval[1]))


def test_the_quarter_and_a_year_earlier_follow_the_quarter_under_discussion() -> None:
    text = (
        "Profit rose in the second quarter. In the quarter, sales grew 5%, against a "
        "loss a year earlier."
    )
    found = find_times(text, date(2024, 8, 1))
    assert [(t.text, t.value) for t in found] == [
        ("the second quarter", "2024-Q2"),
        ("the quarter", "2024-Q2"),
        ("a year earlier", "2023-Q2"),
    ]


# --- absolute dates -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dct", "span", "value", "day_first"),
    [
        pytest.param(
            "Talks opened Oct. 24 in Cairo.",
            date(2024, 11, 5),
            "Oct. 24",
            "2024-10-24",
            False,
            id="abbrev-month-day",
        ),
        pytest.param(
            "The accord was signed 24 October 2024.",
            FRI,
            "24 October 2024",
            "2024-10-24",
            False,
            id="day-month-year",
        ),
        pytest.param(
            "It happened on October 24th.",
            date(2024, 11, 5),
            "October 24th",
            "2024-10-24",
            False,
            id="ordinal-suffix",
        ),
        pytest.param(
            "They met on Oct. 24, 2023, in Rome.",
            FRI,
            "Oct. 24, 2023",
            "2023-10-24",
            False,
            id="month-day-comma-year",
        ),
        pytest.param(
            "The memo is dated 10/24/2024.", FRI, "10/24/2024", "2024-10-24", False, id="us-numeric"
        ),
        pytest.param(
            "The memo is dated 03/04/2024.",
            FRI,
            "03/04/2024",
            "2024-03-04",
            False,
            id="numeric-month-first",
        ),
        pytest.param(
            "The memo is dated 03/04/2024.",
            FRI,
            "03/04/2024",
            "2024-04-03",
            True,
            id="numeric-day-first",
        ),
        pytest.param(
            "The memo is dated 2024-10-24.", FRI, "2024-10-24", "2024-10-24", False, id="iso"
        ),
        pytest.param(
            "On Friday, Oct. 18, the talks resumed.",
            FRI,
            "Friday, Oct. 18",
            "2024-10-18",
            False,
            id="weekday-and-date",
        ),
        pytest.param(
            "Talks resume Dec. 2 in Oslo.",
            date(2024, 11, 28),
            "Dec. 2",
            "2024-12-02",
            False,
            id="date-just-ahead",
        ),
        pytest.param(
            "The truce began Dec. 28.",
            date(2025, 1, 4),
            "Dec. 28",
            "2024-12-28",
            False,
            id="date-across-new-year",
        ),
    ],
)
def test_absolute_days(text: str, dct: date, span: str, value: str, day_first: bool) -> None:
    t = _only(text, dct, day_first=day_first)
    assert (t.text, t.type, t.value) == (span, "DATE", value)
    assert t.interval == (_d(value), _d(value))
    assert t.precision is Precision.DAY


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        pytest.param("The war began in 2022.", FRI, "2022", "2022", id="bare-year"),
        pytest.param(
            "The accord dates from March 2019.", FRI, "March 2019", "2019-03", id="month-year"
        ),
        pytest.param(
            "Elections will be held in January.",
            date(2024, 12, 10),
            "January",
            "2025-01",
            id="january-future-in-december",
        ),
        pytest.param(
            "Talks broke down in November.",
            date(2025, 1, 8),
            "November",
            "2024-11",
            id="november-past-in-january",
        ),
        pytest.param(
            "Prices fell in September.", FRI, "September", "2024-09", id="month-same-year"
        ),
        pytest.param("The deal was struck in May.", FRI, "May", "2024-05", id="may-after-in"),
    ],
)
def test_years_and_months(text: str, dct: date, span: str, value: str) -> None:
    t = _only(text, dct)
    assert (t.text, t.type, t.value) == (span, "DATE", value)


# --- ranges: see test_temporal_timeml.py -------------------------------------------------


# --- durations, sets, vague references ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        pytest.param("The truce lasted 20 days.", "20 days", "DURATION", "P20D", id="days"),
        pytest.param("The deadline is 48 hours.", "48 hours", "DURATION", "PT48H", id="hours"),
        pytest.param(
            "Output grew over the past three years.",
            "the past three years",
            "DURATION",
            "P3Y",
            id="the-past-n-years",
        ),
        pytest.param(
            "It was a two-year plan.", "two-year", "DURATION", "P2Y", id="hyphen-adjective"
        ),
        pytest.param(
            "They talked for several months.", "several months", "DURATION", "PXM", id="vague-count"
        ),
        pytest.param("Envoys meet weekly.", "weekly", "SET", "P1W", id="weekly"),
        pytest.param("The bank reports quarterly.", "quarterly", "SET", "P3M", id="quarterly"),
        pytest.param(
            "Monitors visit each Thursday.",
            "each Thursday",
            "SET",
            "XXXX-WXX-4",
            id="each-thursday",
        ),
        pytest.param("Talks are now stalled.", "now", "DATE", "PRESENT_REF", id="now"),
        pytest.param(
            "The plan is currently on hold.", "currently", "DATE", "PRESENT_REF", id="currently"
        ),
        pytest.param("The envoy recently resigned.", "recently", "DATE", "PAST_REF", id="recently"),
        pytest.param(
            "Rules may change in the future.", "the future", "DATE", "FUTURE_REF", id="future"
        ),
    ],
)
def test_durations_sets_and_references(text: str, span: str, typ: str, value: str) -> None:
    t = _only(text, FRI)
    assert (t.text, t.type, t.value) == (span, typ, value)
    if typ != "DATE" or value.endswith("_REF"):
        assert t.interval is None


# --- things that are not dates ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Officials said talks may resume.", id="modal-may"),
        pytest.param("We hope so, they said.", id="we"),
        pytest.param("He tried a second time.", id="a-second"),
        pytest.param("Some 2,000 troops left the area.", id="count-with-comma"),
        pytest.param("About 2000 troops left the area.", id="count-year-like"),
        pytest.param("Protesters march through the city.", id="march-verb"),
        pytest.param("The Sun reported the story.", id="sun-newspaper"),
        pytest.param("Prices fall when supply grows.", id="fall-verb"),
        pytest.param("A 6-year-old boy was hurt.", id="age"),
        pytest.param("Theresa May met the envoy.", id="may-surname"),
    ],
)
def test_not_dates(text: str) -> None:
    assert find_times(text, FRI) == []


# --- contract -----------------------------------------------------------------------------
def test_offsets_order_and_json() -> None:
    text = "On Thursday the envoys met; talks resume next week, and a deal may come in 2025."
    found = find_times(text, datetime(2024, 10, 25, 14, 30))
    assert [t.text for t in found] == ["Thursday", "next week", "2025"]
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for t in found:
        assert text[t.start : t.end] == t.text
    data = found[0].to_json()
    assert data == {
        "start": 3,
        "end": 11,
        "text": "Thursday",
        "type": "DATE",
        "value": "2024-10-24",
        "interval": ["2024-10-24", "2024-10-24"],
        "precision": "day",
    }
    json.dumps([t.to_json() for t in found])


def test_per_sentence_calls_agree_with_the_whole_text() -> None:
    sentences = [
        "The envoys met on Thursday.",
        "Talks resume next week in Doha.",
        "A truce was agreed on Oct. 2.",
    ]
    whole = " ".join(sentences)
    together = [(t.text, t.value) for t in find_times(whole, FRI)]
    apart = [(t.text, t.value) for s in sentences for t in find_times(s, FRI)]
    assert together == apart


def test_expression_is_frozen() -> None:
    t = _only("Talks resumed today.", FRI)
    with pytest.raises(AttributeError):
        t.value = "x"  # type: ignore[misc]


def test_megabyte_of_text_completes() -> None:
    chunk = (
        "On Thursday the mediators met in Doha, and 2,000 troops may leave by Oct. 24; "
        "talks will resume in the coming days, a year ago they failed. "
    )
    text = chunk * (1_000_000 // len(chunk) + 1)
    found = find_times(text, FRI)  # no timing here: throughput belongs to the benchmark
    assert len(found) > 10_000


def test_empty_and_plain_text() -> None:
    assert find_times("", FRI) == []
    assert find_times("No time words here at all.", FRI) == []


# --- discourse anchoring and other news conventions ----------------------------------------
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        pytest.param(
            "The envoys met on Oct. 2. The next day, the talks collapsed.",
            FRI,
            [("Oct. 2", "2024-10-02"), ("The next day", "2024-10-03")],
            id="the-next-day",
        ),
        pytest.param(
            "The summit on April 24 and 25 drew forty leaders.",
            date(2024, 3, 1),
            [("April 24", "2024-04-24"), ("25", "2024-04-25")],
            id="second-day-of-a-pair",
        ),
        pytest.param(
            "The rebels fled on Oct. 20. At 6 a.m. the army moved in.",
            FRI,
            [("Oct. 20", "2024-10-20"), ("6 a.m.", "2024-10-20T06:00")],
            id="clock-time-on-the-day-just-mentioned",
        ),
        pytest.param(
            "Officials postponed the vote until Tuesday.",
            FRI,
            [("Tuesday", "2024-10-29")],
            id="until-weekday-is-a-deadline",
        ),
        pytest.param(
            "Lawyers challenged Wednesday's ruling.",
            FRI,
            [("Wednesday", "2024-10-23")],
            id="possessive-weekday-is-past",
        ),
        pytest.param(
            "The firm raised its quarterly dividend.",
            FRI,
            [],
            id="quarterly-dividend-is-a-label",
        ),
        pytest.param(
            'The minister told "This Week" that talks were stuck.',
            FRI,
            [],
            id="tv-show-title",
        ),
        pytest.param(
            "Net income for the year ended Sept. 30 fell.",
            FRI,
            [("the year", "P1Y"), ("Sept. 30", "2024-09-30")],
            id="year-ended",
        ),
        pytest.param(
            "The two sides have talked for years.",
            FRI,
            [("years", "PXY")],
            id="for-years",
        ),
        pytest.param(
            "Plans reach to the year two thousand.",
            date(1998, 3, 1),
            [("the year two thousand", "2000")],
            id="spoken-year",
        ),
        pytest.param(
            "Families gathered on Thanksgiving Day.",
            date(2024, 12, 2),
            [("Thanksgiving Day", "2024-11-28")],
            id="thanksgiving",
        ),
        pytest.param(
            "The plant closed this past spring.",
            FRI,
            [("this past spring", "2024-SP")],
            id="this-past-spring",
        ),
        pytest.param(
            "Bids are due at 5 p.m. EST, Nov. 6.",
            FRI,
            [("5 p.m. EST, Nov. 6", "2024-11-06T17:00")],
            id="clock-with-zone-and-date",
        ),
        pytest.param(
            "The record shows 2024-10-24T14:30 as the time.",
            FRI,
            [("2024-10-24T14:30", "2024-10-24T14:30")],
            id="iso-with-time",
        ),
        pytest.param("Nothing happened on Feb. 30.", FRI, [], id="impossible-date"),
        pytest.param(
            "The file is dated 2024/10/24.",
            FRI,
            [("2024/10/24", "2024-10-24")],
            id="year-first-slashes",
        ),
        pytest.param(
            "Voting ends the day after tomorrow.",
            FRI,
            [("the day after tomorrow", "2024-10-27")],
            id="day-after-tomorrow",
        ),
        pytest.param(
            "Growth slowed in Q3 2024.",
            FRI,
            [("Q3 2024", "2024-Q3")],
            id="quarter-code",
        ),
        pytest.param(
            "The blast came at about 10:35 a.m. near the port.",
            FRI,
            [("10:35 a.m.", "2024-10-25T10:35")],
            id="clock-drops-about-and-at",
        ),
        pytest.param(
            "Three days later the guns fell silent.",
            FRI,
            [("Three days", "P3D")],
            id="days-later-is-a-duration",
        ),
        pytest.param(
            "The talks, which began in the 1990s, resumed in the early 2000s.",
            FRI,
            [("the 1990s", "199"), ("the early 2000s", "200")],
            id="decades",
        ),
    ],
)
def test_news_conventions(text: str, dct: date, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_times(text, dct)] == expected


@pytest.mark.parametrize(
    "dct",
    [
        pytest.param(date(1, 1, 1), id="year-one"),
        pytest.param(date(9999, 12, 31), id="year-9999"),
    ],
)
def test_extreme_dcts_do_not_crash(dct: date) -> None:
    text = (
        "Yesterday, today and tomorrow; last year, next year, in January, on Friday. Since"
        " Ramadan, Eid al-Fitr and Nowruz, last Orthodox Easter, on the 24th, 10-12 March,"
        " the first week of July, the same month a year ago, the night of 18 March; before"
        " Passover, after Hanukkah, on Yom Kippur, by Victory Day, the day before the vote."
    )
    for t in find_times(text, dct):
        assert text[t.start : t.end] == t.text


_EVERY_RULE = """
On Friday, Oct. 18, the envoys met; talks ran Oct. 24-26 and Dec. 28-Jan. 3 and Sept. 3 to 5.
They will meet between Monday and Wednesday, in the 2019-2021 period and the 2023-24 season.
The memo of 2024-10-24 and 2024/10/24 and 10/24/2024 said talks start at about 10:35 a.m.,
at 5 p.m. EST, Nov. 6, at noon Thursday, around 4 in the morning. March the eighth, 1998.
On the 24th of October 2024, in March 2019, in early March 2019, July last year, in late May
this year. A year ago, three days earlier, about two years ago, some weeks later, the past two
months, the first nine months, its two-year plan, a few days, more than four hours, no more
than sixty days, up to 180 days, at least 72 hours, less than an hour, fewer than ten days,
many years, several months, the coming days, the weeks ahead, for years, in days, within hours,
over decades, years of war, the year-ago quarter, the third quarter of 1990, Q3 2024, the first
half of 1990, the latest quarter, that quarter, the 1988 period, year-earlier results, the
next day, that same morning, this morning, yesterday evening, last night, Christmas Day, New
Year's Day, Good Friday, the previous Friday, early Tuesday, the day after tomorrow, tonight,
this past spring, the winter of 1998, late last year, the end of the month, year-end, the full
year, earlier in the year, since October, in May, the 1990s, the '80s, the nineties, the 20th
century, the twentieth century, fiscal 1989, FY2024, the year two thousand, post-1959, every
Thursday, each July, twice a year, daily, weekly, quarterly, the near future, the past, now,
currently, these days, at present, at the moment, recently, the year ended Sept. 30, for the
year, that year, the following year, this year's third quarter, last year's quarter. The week
of March 6, the day before last Tuesday, the day after Oct. 23, Easter week, a day-long and
decades-long, 24 hours a day, three days a week, an hour later, earlier that day.
"""


def test_narrow_alternations_agree_with_master(monkeypatch: pytest.MonkeyPatch) -> None:
    # find_times tries only the rules a word can start, and skips "the", "a"... when the next
    # word cannot continue any of them; it must find what trying every rule everywhere finds
    from timeline.temporal import engine

    texts = [_EVERY_RULE, _EVERY_RULE.upper(), _EVERY_RULE.lower()]
    fast = [[t.to_json() for t in find_times(x, FRI)] for x in texts]
    monkeypatch.setattr(engine, "NARROW", {})
    monkeypatch.setattr(engine, "AFTER", {})
    slow = [[t.to_json() for t in find_times(x, FRI)] for x in texts]
    assert fast == slow
    assert len(fast[0]) > 80


# --- rules added for the TimeML conventions of the AQUAINT/TimeBank style ------------------
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        pytest.param(
            "Until Monday, the ministry had refused to comment.",
            FRI,
            [("Monday", "2024-10-21")],
            id="until-opening-the-clause-follows-the-clause-tense",
        ),
        pytest.param(
            "The vote was postponed until Monday.",
            FRI,
            [("Monday", "2024-10-28")],
            id="until-after-a-verb-is-still-a-deadline",
        ),
        pytest.param(
            "A ruling is expected the week of Nov. 4.",
            FRI,
            [("the week of Nov. 4", "2024-W45")],
            id="the-week-of-a-date",
        ),
        pytest.param(
            "The day before last Wednesday, the envoy flew home.",
            FRI,
            [("The day before last Wednesday", "2024-10-22")],
            id="day-before-last-weekday",
        ),
        pytest.param(
            "Shops reopened the day after Oct. 12.",
            FRI,
            [("the day after Oct. 12", "2024-10-13")],
            id="day-after-a-date",
        ),
        pytest.param(
            "Pilgrims arrived as Easter week began.",
            date(2025, 4, 14),
            [("Easter week", "2025-W16")],
            id="easter-week-already-begun",
        ),
        pytest.param(
            "Stores expect crowds in Christmas week.",
            FRI,
            [("Christmas week", "2024-W52")],
            id="christmas-week",
        ),
        pytest.param(
            "After a day-long session and a two-week-long strike, the decades-long feud ended.",
            FRI,
            [("day-long", "P1D"), ("two-week-long", "P2W"), ("decades-long", "PXE")],
            id="x-long-durations",
        ),
        pytest.param(
            "The envoy landed on Oct. 20. Earlier that day, rockets fell.",
            FRI,
            [("Oct. 20", "2024-10-20"), ("Earlier that day", "2024-10-20")],
            id="earlier-that-day-keeps-its-modifier",
        ),
        pytest.param(
            "Guards watch the border 24 hours a day.",
            FRI,
            [("24 hours a day", "P1D")],
            id="rate-is-one-set",
        ),
        pytest.param(
            "The clinic opens three days a week.",
            FRI,
            [("three days a week", "P1W")],
            id="days-a-week-is-one-set",
        ),
        pytest.param(
            "An hour earlier the talks had stalled.",
            FRI,
            [("An hour", "PT1H")],
            id="hour-earlier-is-a-duration",
        ),
        pytest.param(
            "Two years later the dam was finished.",
            FRI,
            [("Two years later", "2026")],
            id="years-later-stays-a-date",
        ),
        pytest.param(
            "Now, the minister said, the work can start. Prices are now higher.",
            FRI,
            [("now", "PRESENT_REF")],
            id="now-comma-opening-a-sentence-is-a-discourse-marker",
        ),
        pytest.param(
            "For the reformers, high noon has arrived.",
            FRI,
            [],
            id="high-noon-idiom",
        ),
        pytest.param(
            "Such rules shape today's youth, but today's session ended early.",
            FRI,
            [("today", "2024-10-25")],
            id="generic-todays-is-not-the-dct",
        ),
    ],
)
def test_timeml_rules(text: str, dct: date, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_times(text, dct)] == expected


def test_week_of_and_rates_have_intervals() -> None:
    (week,) = find_times("A ruling is expected the week of Nov. 4.", FRI)
    assert week.interval == (_d("2024-11-04"), _d("2024-11-10"))
    (rate,) = find_times("Guards watch the border 24 hours a day.", FRI)
    assert (rate.type, rate.interval) == ("SET", None)
