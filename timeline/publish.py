"""Timelines for other tools: TimelineJS 3 JSON for newsrooms, iCalendar for calendars.

Pure functions over stored events (``EventRecord``), like the CSV and JSON writers of
``timeline.export``:

- ``events_to_timelinejs``: the JSON that TimelineJS 3 reads (``new TL.Timeline(id, data)``
  or a hosted JSON URL), one slide per event, grouped by type, no media. TimelineJS shows
  ``headline`` and ``text`` as HTML, so every word that came from an article or a person is
  HTML-escaped, and only http(s) source addresses become links.
- ``events_to_ical``: an RFC 5545 calendar of the planned events (and the cancelled ones,
  so that a calendar which imported a plan learns it was called off): all-day events,
  the end exclusive, the event id as UID so that importing a newer file updates the
  entries, text escaped, lines folded at 75 octets, CRLF line ends.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from timeline.models import date_words
from timeline.vocab import Precision, Status

if TYPE_CHECKING:  # the store pulls in SQLAlchemy; the writers only need the attributes
    from timeline.store import EventRecord

__all__ = ["ICAL_STATUSES", "events_to_ical", "events_to_timelinejs"]

PRODID = "-//negotiation-timeline//timeline 0.1//EN"
UID_DOMAIN = "negotiation-timeline"
# Which events a calendar gets: what is planned, and plans that were called off.
ICAL_STATUSES = (Status.PLANNED, Status.CANCELLED)
_WEB_LINK = re.compile(r"^https?://[^\s\"'<>]+$", re.I)


def _end(ev: EventRecord) -> date:
    return ev.date_end or ev.date_start


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _when(ev: EventRecord) -> str:
    """The resolved date in words, with its precision where it is not a day."""
    return date_words(ev.date_start, ev.date_end, ev.date_precision, long=True)


# --- TimelineJS --------------------------------------------------------------------------


def _tl_date(day: date, precision: str) -> dict[str, int]:
    if precision == Precision.YEAR:
        return {"year": day.year}
    if precision in (Precision.MONTH, Precision.QUARTER):
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _source_html(src: Any) -> str:
    label = src.outlet or src.title or (src.url or "").split("://", 1)[-1].split("/", 1)[0]
    label = html.escape(label or "source")
    url = (src.url or "").strip()
    head = (f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">'
            f"{label}</a>" if _WEB_LINK.match(url) else label)
    published = f" ({src.published.isoformat()})" if src.published else ""
    evidence = f": {html.escape(src.evidence)}" if src.evidence else ""
    return f"<li>{head}{published}{evidence}</li>"


def _tl_text(ev: EventRecord) -> str:
    facts = [f"{html.escape(str(ev.type))} · {html.escape(str(ev.status))}"]
    if ev.date_text:
        facts.append(f"date as reported: “{html.escape(ev.date_text)}”")
    if ev.actors:
        facts.append("actors: " + html.escape(", ".join(
            f"{a.name} ({a.role})" for a in ev.actors)))
    place = ", ".join(p for p in (ev.location, ev.country) if p)
    if place:
        facts.append("place: " + html.escape(place))
    parts = [f"<p>{'<br>'.join(facts)}</p>"]
    if ev.sources:
        parts.append("<ul>" + "".join(_source_html(s) for s in ev.sources) + "</ul>")
    return "".join(parts)


def _tl_event(ev: EventRecord) -> dict[str, Any]:
    precision = str(ev.date_precision)
    slide: dict[str, Any] = {
        "unique_id": ev.id,
        "start_date": _tl_date(ev.date_start, precision),
        "text": {"headline": html.escape(ev.title), "text": _tl_text(ev)},
        "group": str(ev.type),
    }
    if _end(ev) != ev.date_start and precision not in (Precision.MONTH, Precision.YEAR):
        slide["end_date"] = _tl_date(_end(ev), precision)
    if precision in (Precision.WEEK, Precision.QUARTER, Precision.UNKNOWN):
        # TimelineJS would show a day (or a range) that the sources never gave.
        slide["display_date"] = html.escape(_when(ev))
    return slide


def events_to_timelinejs(events: Iterable[EventRecord], *, title: str | None = None) -> str:
    """TimelineJS 3 JSON of ``events`` (oldest first), with a title slide when ``title``."""
    ordered = sorted(events, key=lambda e: (e.date_start, _end(e), e.id))
    data: dict[str, Any] = {"events": [_tl_event(ev) for ev in ordered]}
    if title:
        span = (f"{len(ordered)} events, {_long_date(ordered[0].date_start)} to "
                f"{_long_date(max(_end(e) for e in ordered))}" if ordered else "No events")
        data["title"] = {"text": {"headline": html.escape(title), "text": f"<p>{span}</p>"}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# --- iCalendar ---------------------------------------------------------------------------


def _ical_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1),
    never inside a UTF-8 character."""
    out: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for ch in line:
        n = len(ch.encode())
        if size + n > limit:
            out.append("".join(current))
            current, size, limit = [], 0, 74  # the leading space counts
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n ".join(out)


def _stamp(value: datetime | None) -> str:
    value = value or datetime.now(UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _vevent(ev: EventRecord, stamp: datetime | None) -> list[str]:
    precision = str(ev.date_precision)
    notes = [f"{ev.type} · {ev.status}", f"date: {_when(ev)}"
             + (f" (reported as “{ev.date_text}”)" if ev.date_text else "")]
    if precision not in (Precision.DAY, Precision.RANGE):
        notes.append(f"the sources give this date only to the {precision}")
    if ev.actors:
        notes.append("actors: " + ", ".join(f"{a.name} ({a.role})" for a in ev.actors))
    for src in ev.sources:
        notes.append(" · ".join(x for x in (src.outlet, src.url, src.evidence) if x))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ev.id}@{UID_DOMAIN}",
        f"DTSTAMP:{_stamp(stamp or getattr(ev, 'updated_at', None))}",
        f"DTSTART;VALUE=DATE:{ev.date_start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{_end(ev) + timedelta(days=1):%Y%m%d}",  # exclusive
        f"SUMMARY:{_ical_text(ev.title)}",
        f"DESCRIPTION:{_ical_text(chr(10).join(notes))}",
        f"CATEGORIES:{_ical_text(str(ev.type))}",
        "STATUS:" + ("CANCELLED" if ev.status == Status.CANCELLED else "TENTATIVE"),
        "TRANSP:TRANSPARENT",  # a negotiation's plan does not make anyone busy
    ]
    place = ", ".join(p for p in (ev.location, ev.country) if p)
    if place:
        lines.append(f"LOCATION:{_ical_text(place)}")
    url = next((s.url.strip() for s in ev.sources if s.url and _WEB_LINK.match(s.url.strip())),
               None)
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def events_to_ical(events: Iterable[EventRecord], *, name: str | None = None,
                   stamp: datetime | None = None) -> str:
    """An iCalendar file of the planned (and cancelled) ``events``; others are left out.

    ``stamp`` is the DTSTAMP of every entry; by default each event's last change (or now).
    """
    chosen = sorted((e for e in events if e.status in ICAL_STATUSES),
                    key=lambda e: (e.date_start, e.id))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{_ical_text(name)}")
    for ev in chosen:
        lines.extend(_vevent(ev, stamp))
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
