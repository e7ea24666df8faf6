"""Stage 8: ``EventCreate`` objects with a short title, a confidence and one source."""

from __future__ import annotations

from datetime import date

from timeline.extract.candidate import Candidate
from timeline.models import EventCreate, SourceRef
from timeline.vocab import EventType, Origin, Role, Status

__all__ = ['title_of', 'to_model']


_VERBS = {
    EventType.VISIT: ("visits", "to visit", "visit to {p} cancelled"),
    EventType.MEETING: ("meets", "to meet", "meeting cancelled"),
    EventType.STATEMENT: ("makes statement", "to make statement", "statement cancelled"),
    EventType.PROPOSAL: ("presents proposal", "to present proposal", "proposal withdrawn"),
    EventType.AGREEMENT: ("accepts deal", "to accept deal", "agreement cancelled"),
    EventType.REJECTION: ("rejects proposal", "to reject proposal", "rejection withdrawn"),
    EventType.REQUEST: ("urges", "to urge", "request withdrawn"),
    EventType.CEASEFIRE: ("ceasefire takes effect", "ceasefire to take effect",
                          "ceasefire postponed"),
}


def title_of(c: Candidate) -> str:
    inits = [a.name for a in c.actors if a.role == Role.INITIATOR]
    others = [a.name for a in c.actors if a.role in (Role.COUNTERPART, Role.MEDIATOR)
              and a.name not in inits]
    who = " and ".join(inits[:2]) or (c.actors[0].name if c.actors else "Parties")
    place = c.location.name if c.location else ""
    idx = {Status.OCCURRED: 0, Status.PLANNED: 1, Status.CANCELLED: 2}[c.status]
    if c.type == EventType.VISIT:
        if c.departure and c.status == Status.OCCURRED:
            return f"{who} leaves {place}".strip()
        verb = _VERBS[c.type][idx].format(p=place)
        return f"{who} {verb} {place}".strip() if idx < 2 else f"{who} {verb}"
    if c.type == EventType.MEETING:
        verb = _VERBS[c.type][idx]
        if others and inits and idx < 2:
            tail = f" in {place}" if place else ""
            return f"{who} {verb} {', '.join(others[:2])}{tail}"
        if not inits:
            names = [a.name for a in c.actors if a.role != Role.HOST][:3]
            who = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else (
                names[0] if names else "Parties")
        return f"{who} hold talks" + (f" in {place}" if place else "") + (
            " (planned)" if idx == 1 else " (cancelled)" if idx == 2 else "")
    if c.type == EventType.CEASEFIRE:
        return _VERBS[c.type][idx].capitalize() + (f" ({who})" if who else "")
    if c.type == EventType.REQUEST and others:
        return f"{who} {_VERBS[c.type][idx]} {others[0]}"
    return f"{who} {_VERBS[c.type][idx]}"


def to_model(
    c: Candidate, text: str, published: date, title: str | None, url: str | None,
    outlet: str | None,
) -> EventCreate:
    ev = c.evidence
    return EventCreate(
        type=c.type,
        status=c.status,
        date_start=c.interval[0],
        date_end=c.interval[1],
        date_precision=c.precision,
        date_text=c.date_text,
        title=title_of(c),
        actors=c.actors,
        location=c.location.name if c.location else None,
        country=(c.location.country or None) if c.location else None,
        confidence=round(c.confidence, 2),
        origin=Origin.EXTRACTED,
        sources=[SourceRef(url=url, outlet=outlet, title=title, published=published,
                           evidence=text[ev.start:ev.end], evidence_start=ev.start,
                           evidence_end=ev.end)],
    )
