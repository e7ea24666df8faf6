"""Shared records of the pipeline: a candidate event and what it is built from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from timeline.extract.places import Place
from timeline.extract.text import Sentence
from timeline.extract.times import TimeLike
from timeline.models import ActorRef
from timeline.vocab import EventType, Precision, Status

__all__ = [
    "Candidate", "PlaceHit", "PRECISION_RANK", "TimeSlot", "in_spans", "overlap", "quote_spans",
]


PRECISION_RANK = {
    Precision.DAY: 6, Precision.WEEK: 4, Precision.RANGE: 3, Precision.MONTH: 3,
    Precision.QUARTER: 2, Precision.YEAR: 1, Precision.UNKNOWN: 0,
}


@dataclass(slots=True)
class PlaceHit:
    start: int
    end: int
    place: Place
    text: str


@dataclass(slots=True)
class TimeSlot:
    """A time expression of a sentence (offsets relative to it). ``edge`` is "from" when it
    opens a span that runs on ("talks from Monday"), "by" when it closes one ("a written offer
    by the end of the week")."""

    t: TimeLike
    rel_start: int
    rel_end: int
    reporting: bool
    edge: str = ""
    forward: bool = False
    """It dates only the clause after it ("two days after the factions left Moscow")."""
    names: int = 0
    """Where the noun ends that the expression names ("the Feb. 27-28 summit"), if it does:
    then it dates that noun's event and no other."""


@dataclass(slots=True)
class Candidate:
    """An event being assembled (offsets are absolute in the article)."""

    type: EventType
    status: Status
    interval: tuple[date, date]
    precision: Precision
    date_text: str
    actors: list[ActorRef]
    primary: set[str]
    location: Place | None
    evidence: Sentence
    confidence: float
    headline: bool = False
    departure: bool = False
    flexible_status: bool = False
    anaphoric: bool = False
    trigger_start: int = 0
    sent_idx: int = 0
    coref_speaker: bool = False
    has_subject: bool = True
    trigger_text: str = ""
    spokes: bool = False
    affiliations: set[str] = field(default_factory=set)
    separate: bool = False
    """One of several meetings a sentence reports ("met separately with A and B")."""
    extra_evidence: list[Sentence] = field(default_factory=list)


def overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", text):
        if len(m.group(0).split()) > 6:
            spans.append(m.span())
    return spans


def in_spans(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in spans:
        if a < pos < b:
            return (a, b)
    return None
