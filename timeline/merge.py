"""One occasion reported many times -> one event with many sources.

Two reports are of the same event when they have the same type, their date intervals
overlap, they share an actor, and they name the same place (or, when one names none, they
share at least two actors or all of the smaller set).

The merge compares ``Occasion``s: only the fields above, so that the store can hand over
candidates without reading their titles, sources or evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from timeline.models import EventCreate, Origin, SourceRef, fold_key

__all__ = ["MergePlan", "Occasion", "occasion_of", "plan_merge", "same_occasion"]

_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "quarter": 4, "year": 5,
                   "unknown": 6}


class Occasion(NamedTuple):
    """What the merge compares of an event (``id`` is empty for one not stored yet)."""

    id: str
    type: str
    date_start: date
    date_end: date
    date_precision: str
    actor_keys: frozenset[str]
    location_key: str | None
    origin: str


def occasion_of(ev: EventCreate, event_id: str = "") -> Occasion:
    return Occasion(event_id, str(ev.type), ev.date_start, ev.date_end or ev.date_start,
                    str(ev.date_precision), frozenset(fold_key(a.name) for a in ev.actors),
                    fold_key(ev.location) if ev.location else None, str(ev.origin))


def _occasion(x: Occasion | EventCreate) -> Occasion:
    return x if isinstance(x, Occasion) else occasion_of(x, getattr(x, "id", ""))


def same_occasion(a: Occasion | EventCreate, b: Occasion | EventCreate) -> bool:
    a, b = _occasion(a), _occasion(b)
    if a.type != b.type:
        return False
    if a.date_start > b.date_end or b.date_start > a.date_end:
        return False
    shared = a.actor_keys & b.actor_keys
    if not shared:
        return False
    if a.location_key and b.location_key:
        return a.location_key == b.location_key
    return len(shared) >= 2 or len(shared) == min(len(a.actor_keys), len(b.actor_keys))


@dataclass(slots=True)
class MergePlan:
    new: list[EventCreate] = field(default_factory=list)
    # (stored event id, the new report's source)
    sources: list[tuple[str, SourceRef]] = field(default_factory=list)
    # (stored event id, better date fields) for extracted events dated more precisely now
    refine: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    # (stored event id, tracks of the new report) so a known event joins the report's tracks
    tracks: list[tuple[str, list[str]]] = field(default_factory=list)
    # reports of events entered by hand: those are never changed
    manual: int = 0


def _better_date(old: Occasion, new: EventCreate) -> dict[str, object] | None:
    if _PRECISION_RANK.get(str(new.date_precision), 6) >= _PRECISION_RANK.get(
            old.date_precision, 6):
        return None
    if not (old.date_start <= new.date_start and (new.date_end or new.date_start)
            <= old.date_end):
        return None
    return {"date_start": new.date_start, "date_end": new.date_end,
            "date_precision": new.date_precision, "date_text": new.date_text}


def plan_merge(reports: Sequence[EventCreate], stored: Sequence[Occasion]) -> MergePlan:
    """Decide, for each new report, which stored event (if any) it is a report of: the
    first of ``stored`` that is the same occasion."""
    plan = MergePlan()
    of_type: dict[str, list[Occasion]] = {}  # only an event of its type can match a report
    for s in stored:
        of_type.setdefault(s.type, []).append(s)
    for ev in reports:
        mine = occasion_of(ev)
        match = next((s for s in of_type.get(mine.type, ()) if same_occasion(mine, s)), None)
        if match is None:
            plan.new.append(ev)
        elif match.origin == Origin.MANUAL:
            plan.manual += 1
        else:
            plan.sources.extend((match.id, src) for src in ev.sources)
            better = _better_date(match, ev)
            if better:
                plan.refine.append((match.id, better))
            if ev.tracks:
                plan.tracks.append((match.id, list(ev.tracks)))
    return plan
