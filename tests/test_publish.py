"""TimelineJS JSON and iCalendar exports: structure, dates, escaping, folding."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from timeline.publish import events_to_ical, events_to_timelinejs
from timeline.store import EventRecord

STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def record(event_id: str, **fields: Any) -> EventRecord:
    data: dict[str, Any] = {
        "id": event_id, "type": "meeting", "date_start": date(2024, 5, 4),
        "title": f"Envoys meet ({event_id})",
        "actors": [{"name": "Qatar", "kind": "state", "role": "mediator"}],
        "location": "Doha", "country": "Qatar",
        "sources": [{"url": "https://news.example/a", "outlet": "Example News",
                     "evidence": "The envoys met in Doha."}],
    }
    data.update(fields)
    return EventRecord.model_validate(data)


# --- TimelineJS ----------------------------------------------------------------------


def test_timelinejs_slides_in_date_order_with_dates_text_and_group() -> None:
    doc = json.loads(events_to_timelinejs([
        record("b2", date_start=date(2024, 6, 1), date_end=date(2024, 6, 3),
               date_precision="range", type="visit"),
        record("a1"),
    ], title="Doha talks"))
    first, second = doc["events"]
    assert first["unique_id"] == "a1" and second["unique_id"] == "b2"
    assert first["start_date"] == {"year": 2024, "month": 5, "day": 4}
    assert "end_date" not in first
    assert second["end_date"] == {"year": 2024, "month": 6, "day": 3}
    assert first["group"] == "meeting" and second["group"] == "visit"
    assert first["text"]["headline"] == "Envoys meet (a1)"
    assert "Example News" in first["text"]["text"] and "met in Doha" in first["text"]["text"]
    assert "media" not in first
    assert doc["title"]["text"]["headline"] == "Doha talks"
    assert "2 events" in doc["title"]["text"]["text"]


def test_timelinejs_keeps_imprecise_dates_imprecise() -> None:
    doc = json.loads(events_to_timelinejs([
        record("m", date_start=date(2024, 3, 1), date_end=date(2024, 3, 31),
               date_precision="month", date_text="in March"),
        record("w", date_start=date(2024, 4, 8), date_end=date(2024, 4, 14),
               date_precision="week"),
        record("y", date_start=date(2023, 1, 1), date_end=date(2023, 12, 31),
               date_precision="year"),
    ]))
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert by_id["m"]["start_date"] == {"year": 2024, "month": 3}
    assert "end_date" not in by_id["m"]
    assert by_id["y"]["start_date"] == {"year": 2023}
    assert by_id["w"]["display_date"] == "week of 8 April 2024"
    assert "title" not in doc  # no title slide unless asked for


def test_timelinejs_text_is_escaped_and_only_web_links_are_links() -> None:
    ev = record("x", title='<img src=x onerror="alert(1)"> talks',
                actors=[{"name": "<b>Hamas</b>"}],
                sources=[{"url": "javascript:alert(1)", "outlet": "Bad <i>outlet</i>",
                          "evidence": "He said <script>alert(2)</script> & left."},
                         {"url": 'https://ok.example/a"onmouseover="x', "evidence": "quote"}])
    slide = json.loads(events_to_timelinejs([ev]))["events"][0]
    headline, text = slide["text"]["headline"], slide["text"]["text"]
    assert "<img" not in headline and "&lt;img" in headline
    assert "<script>" not in text and "&lt;script&gt;" in text and "&amp; left" in text
    assert "<b>Hamas" not in text and "&lt;b&gt;Hamas" in text
    assert "javascript:" not in text.replace("&lt;", "")  # the label is shown, no link
    assert 'href="javascript' not in text and 'onmouseover="' not in text


def test_timelinejs_of_nothing_is_an_empty_timeline() -> None:
    assert json.loads(events_to_timelinejs([])) == {"events": []}


# --- iCalendar -----------------------------------------------------------------------


def test_ical_holds_planned_and_cancelled_events_as_all_day_entries() -> None:
    icalendar = pytest.importorskip("icalendar")
    text = events_to_ical([
        record("p1", status="planned", date_start=date(2024, 5, 4)),
        record("p2", status="planned", date_start=date(2024, 5, 6), date_end=date(2024, 5, 8),
               date_precision="range"),
        record("c1", status="cancelled", date_start=date(2024, 5, 9)),
        record("o1", status="occurred"),
    ], name="Doha talks", stamp=STAMP)
    cal = icalendar.Calendar.from_ical(text)
    entries = {str(v["UID"]): v for v in cal.walk("VEVENT")}
    assert set(entries) == {"p1@negotiation-timeline", "p2@negotiation-timeline",
                            "c1@negotiation-timeline"}
    one = entries["p1@negotiation-timeline"]
    assert one.decoded("DTSTART") == date(2024, 5, 4)
    assert one.decoded("DTEND") == date(2024, 5, 5)  # the end is exclusive
    span = entries["p2@negotiation-timeline"]
    assert (span.decoded("DTSTART"), span.decoded("DTEND")) == (date(2024, 5, 6),
                                                                date(2024, 5, 9))
    assert str(entries["c1@negotiation-timeline"]["STATUS"]) == "CANCELLED"
    assert str(one["STATUS"]) == "TENTATIVE"
    assert str(one["LOCATION"]) == "Doha, Qatar"
    assert str(one["URL"]) == "https://news.example/a"
    assert one.decoded("DTSTAMP") == STAMP
    assert str(cal["X-WR-CALNAME"]) == "Doha talks"
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]


def test_ical_escapes_text_and_folds_long_lines() -> None:
    icalendar = pytest.importorskip("icalendar")
    title = "Talks; the envoys, again\\ in Qaṭar — ميناء " + "ﷺ" * 40
    text = events_to_ical([record("p", status="planned", title=title,
                                  sources=[{"evidence": "Line one.\nLine two, with; marks."}])],
                          stamp=STAMP)
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "\n" not in text.replace("\r\n", "")  # only CRLF line ends
    assert "SUMMARY:Talks\\; the envoys\\, again\\\\ in" in text.replace("\r\n ", "")
    (entry,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(entry["SUMMARY"]) == title  # unfolded and unescaped, every character back
    assert "with; marks." in str(entry["DESCRIPTION"])


def test_ical_of_no_planned_events_is_an_empty_calendar() -> None:
    text = events_to_ical([record("o")], stamp=STAMP)
    assert "BEGIN:VEVENT" not in text
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
