"""One occasion reported many times -> one event with many sources.

Two reports are of the same event when they have the same type, their date intervals
overlap, they share an actor, and they name the same place (or, when one names none, they
share at least two actors or all of the smaller set).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.models import EventCreate, Origin, SourceRef
from timeline.store import EventRecord

__all__ = ["MergePlan", "plan_merge", "same_occasion"]

_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "quarter": 4, "year": 5,
                   "unknown": 6}


def _names(ev: EventCreate) -> set[str]:
    return {a.name.casefold() for a in ev.actors}


def same_occasion(a: EventCreate, b: EventCreate) -> bool:
    if a.type != b.type:
        return False
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    if a.date_start > b_end or b.date_start > a_end:
        return False
    shared = _names(a) & _names(b)
    if not shared:
        return False
    if a.location and b.location:
        return a.location.casefold() == b.location.casefold()
    return len(shared) >= 2 or len(shared) == min(len(_names(a)), len(_names(b)))


@dataclass(slots=True)
class MergePlan:
    new: list[EventCreate] = field(default_factory=list)
    # (stored event id, the new report's source)
    sources: list[tuple[str, SourceRef]] = field(default_factory=list)
    # (stored event id, better date fields) for extracted events dated more precisely now
    refine: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    # reports of events entered by hand: those are never changed
    manual: int = 0


def _better_date(old: EventRecord, new: EventCreate) -> dict[str, object] | None:
    if _PRECISION_RANK.get(str(new.date_precision), 6) >= _PRECISION_RANK.get(
            str(old.date_precision), 6):
        return None
    old_end = old.date_end or old.date_start
    if not (old.date_start <= new.date_start and (new.date_end or new.date_start) <= old_end):
        return None
    return {"date_start": new.date_start, "date_end": new.date_end,
            "date_precision": new.date_precision, "date_text": new.date_text}


def plan_merge(reports: Sequence[EventCreate], stored: Sequence[EventRecord]) -> MergePlan:
    """Decide, for each new report, which stored event (if any) it is a report of."""
    plan = MergePlan()
    for ev in reports:
        match = next((s for s in stored if same_occasion(ev, s)), None)
        if match is None:
            plan.new.append(ev)
        elif match.origin == Origin.MANUAL:
            plan.manual += 1
        else:
            plan.sources.extend((match.id, src) for src in ev.sources)
            better = _better_date(match, ev)
            if better:
                plan.refine.append((match.id, better))
    return plan
