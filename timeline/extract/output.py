"""Stage 8: ``EventCreate`` objects with a short title, a confidence and one source."""

from __future__ import annotations

import re
from datetime import date

from timeline.extract.candidate import Candidate
from timeline.models import ActorRef, EventCreate, SourceRef
from timeline.vocab import ActorKind, EventType, Origin, Role, Status

__all__ = ["title_of", "to_model"]


_NOUN_AFTER = re.compile(r"[^.;]{0,80}?\b(proposal|response|offer|plan|deal|demands?|framework"
                         r"|draft|ceasefire|truce)\b", re.I)


def _display(actors: list[ActorRef], roles: tuple[Role, ...]) -> list[str]:
    """Names to show: a person stands for his affiliation ("Burns", not "Burns and CIA")."""
    chosen = [a for a in actors if a.role in roles]
    persons = [a for a in chosen if a.kind == ActorKind.PERSON]
    covered = {p.name for p in persons}
    out: list[str] = []
    for a in chosen:
        if a.kind != ActorKind.PERSON and persons and a.name not in covered and len(out) >= 1:
            continue
        if a.name not in out:
            out.append(a.name)
    if persons:
        return [p.name for p in persons]
    kinds = {a.name: a.kind for a in chosen}
    if len(out) > 1 and kinds[out[0]] == ActorKind.ORGANIZATION and kinds[out[1]] == (
        ActorKind.STATE
    ):
        out.pop(1)  # "Kremlin", not "Kremlin and Russia"
    return out


def _join(names: list[str], limit: int = 2) -> str:
    names = names[:limit]
    return " and ".join(names) if names else ""


def title_of(c: Candidate) -> str:
    """A short line a person would write: "Hamas delegation visits Cairo"."""
    inits = _display(c.actors, (Role.INITIATOR,))
    who = _join(inits) or _join(_display(c.actors, (Role.PARTICIPANT, Role.COUNTERPART)))
    who = who or (c.actors[0].name if c.actors else "Parties")
    others = [n for n in _display(c.actors, (Role.COUNTERPART, Role.MEDIATOR))
              if n not in inits and n not in who]
    evidence = c.evidence.text
    if (
        c.type in (EventType.VISIT, EventType.MEETING) and len(inits) == 1
        and re.search(rf"{re.escape(inits[0])}(?:['’]s?)?\s+(?:\w+\s+)?delegation|delegation"
                      rf"\s+(?:from|of)\s+{re.escape(inits[0])}", evidence)
    ):
        who = f"{inits[0]} delegation"
    place = c.location.name if c.location else ""
    planned, cancelled = c.status == Status.PLANNED, c.status == Status.CANCELLED
    after = _NOUN_AFTER.match(evidence[c.trigger_start:])
    noun = (after.group(1) if after else "proposal").lower()
    if c.type == EventType.VISIT:
        if cancelled:
            return f"{who} cancels visit to {place}".strip()
        if c.departure and not planned:
            return f"{who} leaves {place}".strip()
        return f"{who} {'to visit' if planned else 'visits'} {place}".strip()
    if c.type == EventType.MEETING:
        tail = f" in {place}" if place else ""
        if cancelled:
            return f"Talks{tail} called off ({who})"
        if others and inits:
            return f"{who} {'to meet' if planned else 'meets'} {_join(others)}{tail}"
        names = _display(c.actors, (Role.INITIATOR, Role.COUNTERPART, Role.PARTICIPANT,
                                    Role.MEDIATOR))
        who = ", ".join(names[:-1][:2]) + f" and {names[-1]}" if len(names) > 1 else who
        return f"{who} {'to hold' if planned else 'hold'} talks{tail}"
    if c.type == EventType.STATEMENT:
        return f"{who} {'to make' if planned else 'issues'} statement"
    if c.type == EventType.PROPOSAL:
        verb = "submits" if noun in ("response", "reply") else "presents"
        return f"{who} {'to present' if planned else verb} {noun}"
    if c.type == EventType.AGREEMENT:
        if re.match(r"reach|struck|seal|agreed to exert|deal|agreement", c.trigger_text, re.I):
            return f"{_join(inits + others) or who} reach agreement"
        return f"{who} {'to accept' if planned else 'accepts'} {noun}"
    if c.type == EventType.REJECTION:
        whose = f"{others[0]} " if others and noun in ("response", "offer", "proposal",
                                                       "plan") else ""
        return f"{who} rejects {whose}{noun}"
    if c.type == EventType.REQUEST:
        return f"{who} urges {others[0]}" if others else f"{who} makes request"
    phase = "to take effect" if planned else "postponed" if cancelled else "takes effect"
    if re.search(r"\bextend|\bextension", evidence, re.I) and not planned:
        phase = "extended"
    elif re.search(r"\b(?:collaps\w*|broke down|ended|end of|ending)\b", evidence, re.I) and (
        not planned
    ):
        phase = "collapses" if re.search(r"collaps|broke down", evidence, re.I) else "ends"
    return f"Ceasefire {phase}" + (f" ({who})" if who else "")


_PLURAL = {"visits": "visit", "leaves": "leave", "meets": "meet", "issues": "issue",
           "presents": "present", "submits": "submit", "accepts": "accept", "rejects": "reject",
           "urges": "urge", "makes": "make", "cancels": "cancel"}


def _agree(title: str, who: str) -> str:
    """"Russia and Ukraine visit Istanbul": a plural subject takes a plural verb."""
    if " and " not in who or not title.startswith(who + " "):
        return title
    verb, _, rest = title[len(who) + 1:].partition(" ")
    return f"{who} {_PLURAL.get(verb, verb)} {rest}".rstrip()


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
        title=_agree(title_of(c), _join(_display(c.actors, (Role.INITIATOR,)))),
        actors=c.actors,
        # "to travel to the region": a visit all the same, but no place to show
        location=c.location.name if c.location and not c.location.name[:1].islower() else None,
        country=(c.location.country or None) if c.location else None,
        confidence=round(c.confidence, 2),
        origin=Origin.EXTRACTED,
        sources=[SourceRef(url=url, outlet=outlet, title=title, published=published,
                           evidence=text[ev.start:ev.end], evidence_start=ev.start,
                           evidence_end=ev.end)],
    )
