"""Stage 7: one event per occasion within an article.

Two candidates are the same occasion when their types agree, their places are compatible
(a city matches its own country), their dates overlap (an undated report fits any date) and
they share their principal actor. Statements merge per speaker and occasion; a statement
made by an unnamed spokesperson merges with the named official of the same side."""

from __future__ import annotations

import re

from timeline.extract.candidate import PRECISION_RANK, Candidate, overlap
from timeline.extract.places import Place
from timeline.vocab import EventType, Precision, Role

__all__ = ["dates_ok", "merge"]


def _same_place(a: Place | None, b: Place | None) -> bool:
    """Unknown matches anything; a city matches its own country, a building any town."""
    if a is None or b is None or a.name == b.name:
        return True
    if a.building or b.building:
        return not (a.building and b.building)
    if a.population < 0 or b.population < 0:
        return False
    return (a.is_country and b.country == a.name) or (b.is_country and a.country == b.name)


def dates_ok(x: Candidate, y: Candidate) -> bool:
    return (
        overlap(x.interval, y.interval)
        or x.precision == Precision.UNKNOWN
        or y.precision == Precision.UNKNOWN
    )


def _lead_and_background(x: Candidate, y: Candidate) -> bool:
    """An undated report in the lead is today's news, not a dated background occasion
    weeks before it ("their second round of talks ..." vs "first met on May 16")."""
    if not (x.precision == Precision.UNKNOWN and x.sent_idx <= 2 and not x.headline
            and y.precision != Precision.UNKNOWN and y.sent_idx > x.sent_idx + 2):
        return False
    # a reporting date ("Trump announced late on Wednesday") bounds the lead's news closely
    return (x.interval[1] - y.interval[1]).days > (2 if x.date_text else 7)


_PREPARES = re.compile(r"\b(?:prepar\w*|ahead\s+of)\b", re.I)


def _prepares(x: Candidate, y: Candidate) -> bool:
    """"envoys are to meet in Hanoi to make final preparations for a summit next week": one
    sentence, two meetings, the first leading to the second."""
    return (x.type == EventType.MEETING and x.evidence is y.evidence
            and x.trigger_start < y.trigger_start
            and bool(_PREPARES.search(x.evidence.text[x.trigger_start:y.trigger_start])))


def _compatible(x: Candidate, y: Candidate) -> bool:
    if x.type != y.type or not _same_place(x.location, y.location):
        return False
    if x.separate and y.separate and x.evidence is y.evidence or x.separate != y.separate and not (
            x.anaphoric or y.anaphoric):
        return False  # "met separately with A and B": two meetings, neither the joint one
    located = x.location is not None and y.location is not None
    if x.status != y.status and not (x.flexible_status or y.flexible_status or (
        located and overlap(x.interval, y.interval)
    )):
        return False
    if (
        x.type == EventType.VISIT and x.departure != y.departure
        and not (x.headline or y.headline)
        and not (x.location and x.location.population < 0)
    ):
        return False
    if not dates_ok(x, y):
        return False
    if _lead_and_background(x, y) or _lead_and_background(y, x):
        return False
    if _prepares(x, y) or _prepares(y, x):
        return False
    if x.headline or y.headline:
        shared = {a.name for a in x.actors if a.role != Role.HOST} & {
            a.name for a in y.actors if a.role != Role.HOST}
        if shared:
            return True
    if x.type == EventType.MEETING:
        names_x = {a.name for a in x.actors if a.role != Role.HOST}
        names_y = {a.name for a in y.actors if a.role != Role.HOST}
        if y.anaphoric or x.anaphoric:
            return True
        if not (x.primary & y.primary):
            if located and names_x & names_y and overlap(x.interval, y.interval):
                return True
            close = abs(x.sent_idx - y.sent_idx) <= 2 and Precision.UNKNOWN in (
                x.precision, y.precision)
            return len(names_x & names_y) >= 2 and (
                located or close
                or overlap(x.interval, y.interval) and x.precision == y.precision == Precision.DAY
            )
        others_x = {a.name for a in x.actors if a.role == Role.COUNTERPART}
        others_y = {a.name for a in y.actors if a.role == Role.COUNTERPART}
        return not others_x or not others_y or bool(others_x & others_y) or located
    if x.type == EventType.STATEMENT:
        near = abs(x.sent_idx - y.sent_idx) <= 2
        if not near and not overlap(x.interval, y.interval):
            return False
        if x.primary & y.primary:
            return True
        return bool(
            (x.spokes and x.primary <= y.affiliations) or (y.spokes and y.primary <= x.affiliations)
        )
    if x.primary & y.primary:
        return True
    if x.type in (EventType.CEASEFIRE, EventType.AGREEMENT):
        names_x = {a.name for a in x.actors}
        names_y = {a.name for a in y.actors}
        shared = names_x & names_y
        return len(shared) >= 2 or (bool(shared) and located)
    return False


def _better(a: Candidate, b: Candidate) -> Candidate:
    return a if PRECISION_RANK[a.precision] >= PRECISION_RANK[b.precision] else b


_WINDOW = 300
"""Sentences apart beyond which two reports are not compared: an article is far shorter, and
on a long input (many articles joined) the bound keeps merging linear."""


def merge(cands: list[Candidate]) -> list[Candidate]:
    """Fold candidates into occasions; headlines last, so that they join the body's events."""
    out: list[Candidate] = []
    active: dict[EventType, list[Candidate]] = {}
    last: dict[int, int] = {}  # id(event) -> the last sentence that reported it
    pruned_at = 0
    for c in sorted(cands, key=lambda x: x.headline):
        if c.headline:
            pool = [k for k in out if k.type == c.type and k.sent_idx - c.sent_idx <= _WINDOW]
        else:
            if c.sent_idx - pruned_at > _WINDOW // 4:
                pruned_at = c.sent_idx
                for typed in active.values():
                    typed[:] = [k for k in typed if last[id(k)] >= c.sent_idx - _WINDOW]
            pool = active.setdefault(c.type, [])
        if c.coref_speaker and c.type == EventType.STATEMENT:
            prior = [k for k in pool if c.sent_idx - k.sent_idx <= 2
                     and (k.primary | k.affiliations) & (c.primary | c.affiliations)]
            if prior:
                prior[-1].extra_evidence.append(c.evidence)
                last[id(prior[-1])] = max(last[id(prior[-1])], c.sent_idx)
                continue
        if c.anaphoric:
            # "At the end of the meeting, ...": the occasion last reported, whatever tense
            # this sentence speaks in
            same = [k for k in pool if k.status == c.status][-1:]
            pool = same if same and (not pool or same[-1] is pool[-1]) else pool[-1:]
            c.flexible_status = c.flexible_status or bool(pool and pool[-1].status != c.status)
        for k in pool:
            if _compatible(k, c):
                _fold(k, c)
                last[id(k)] = max(last[id(k)], c.sent_idx)
                break
        else:
            out.append(c)
            last[id(c)] = c.sent_idx
            if not c.headline:
                active.setdefault(c.type, []).append(c)
    return out


def _fold(k: Candidate, c: Candidate) -> None:
    """Report ``c`` as one more source of the occasion ``k``."""
    best = _better(k, c)
    k.interval, k.precision, k.date_text = best.interval, best.precision, best.date_text
    if k.flexible_status and not c.flexible_status:
        k.status, k.flexible_status = c.status, False
        k.evidence, k.headline = c.evidence, False
    names = {a.name for a in k.actors}
    k.actors += [a for a in c.actors if a.name not in names]
    k.primary |= c.primary
    k.affiliations |= c.affiliations
    if k.location is None or c.location is not None and (
            k.location.is_country and not c.location.is_country
            or k.location.building and not c.location.building):
        k.location = c.location or k.location  # the town over its country or a building
    k.confidence = min(0.99, max(k.confidence, c.confidence) + 0.05)
    k.extra_evidence.append(c.evidence)
