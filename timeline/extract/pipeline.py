"""The extraction runner: article text -> negotiation events (EVENTS.md).

Stages, each a small function of this package:

1. ``split_sentences``    sentences with offsets, paragraphs and headline flags (text.py)
2. ``find_times``         time expressions resolved against the DCT (times.py)
3. ``find_people``        the article's people and their affiliations (actors.py)
4. ``find_triggers``      per sentence, the words that report an event (triggers.py)
5. ``sentence_mentions``  actors of the sentence, with coreference (actors.py), and
   ``places_in``          its places (locate.py)
6. ``assemble``           one candidate per trigger: status, parties and roles, place, date
                          (assemble.py, dates.py, parties.py)
7. ``locate_meetings``    placeless talks take the place of the trip they belong to, and
   ``date_from_neighbours`` undated trips/talks the date of the same party's next one,
   ``date_after_occasion``  a report "after the meeting" no date before that meeting;
   ``merge``              one event per occasion within the article (locate.py, merge.py),
   ``date_within_occasion`` then a statement "during the talks" the date of those talks
8. ``to_model``           ``EventCreate`` with title, confidence and source (output.py)
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.extract.actors import (
    ArticleActors,
    History,
    Mention,
    find_people,
    resolve_references,
    sentence_mentions,
)
from timeline.extract.assemble import assemble
from timeline.extract.candidate import Candidate
from timeline.extract.dates import time_slots
from timeline.extract.gazetteer import Gazetteer, load_gazetteer
from timeline.extract.locate import (
    date_after_occasion,
    date_from_neighbours,
    date_within_occasion,
    dateline,
    locate_meetings,
    places_in,
    share_venue,
)
from timeline.extract.merge import merge
from timeline.extract.output import to_model
from timeline.extract.places import Place, place_index
from timeline.extract.text import Sentence, split_sentences
from timeline.extract.times import TimeLike, find_times
from timeline.extract.triggers import find_triggers
from timeline.models import EventCreate
from timeline.vocab import ActorKind, EventType, Precision, Role, Status

__all__ = ["extract_events"]


def extract_events(
    text: str,
    published: date | datetime,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[EventCreate]:
    """The negotiation events an article reports, one per occasion, with their evidence.

    ``title`` (if not already the first line of ``text``) is read as a headline; evidence
    offsets always refer to ``text``. ``gazetteer`` defaults to :func:`load_gazetteer`.
    """
    dct = published.date() if isinstance(published, datetime) else published
    gaz = gazetteer or load_gazetteer()
    index = place_index(gaz)
    full = f"{title}\n\n{text}" if title and title.strip() not in text[:400] else text
    shift = len(full) - len(text)
    times = find_times(full, published)
    actors = ArticleActors(gaz)
    find_people(full, actors)
    default_place, (dl_start, dl_end) = dateline(text, index)
    dl_start, dl_end = dl_start + shift, dl_end + shift
    history = History()
    last_primary: list[Mention] = []
    cands: list[Candidate] = []
    sentences = split_sentences(full)
    for sent_idx, sent in enumerate(sentences):
        mentions = sentence_mentions(sent.text, sent.start, actors)
        if sent.start < dl_end:  # "NOORDWIJK, Netherlands, May 28 -": where it was filed
            mentions = [m for m in mentions if not dl_start <= m.start < dl_end]
        mentions = resolve_references(sent.text, sent.start, mentions, history)
        triggers = find_triggers(sent.text)
        topical = bool(cands) and cands[-1].sent_idx == sent_idx - 1
        if triggers:
            places = places_in(sent.text, sent.start, index, gaz, default_place)
            cands += assemble(
                sent, triggers, mentions, places, time_slots(sent, times, dct), dct, gaz,
                default_place, last_primary, sent_idx, topical,
            )
        history.add(mentions)
        parties = [m for m in mentions if not m.media and m.kind != ActorKind.PERSON]
        if parties:
            last_primary = parties[:1]
    filed = _filed(times, dl_start, dl_end, dct)
    cands = date_by_filing(cands, filed, dct)
    cands = date_after_occasion(share_venue(date_from_neighbours(locate_meetings(cands))))
    cands = date_from_scene(cands, sentences, times, dct)
    merged = signed_at_dateline(merge(cands), default_place, filed or dct, dct)
    events = [to_model(c, full, dct, title, url, outlet)
              for c in date_within_occasion(merged) if _has_sides(c)]
    if shift:
        for e in events:
            for s in e.sources:
                if s.evidence_start is not None and s.evidence_start >= shift:
                    s.evidence_start -= shift
                    s.evidence_end = (s.evidence_end or shift) - shift
                else:  # the evidence is the title, which is not part of ``text``
                    s.evidence_start = s.evidence_end = None
    return events


def _filed(times: list[TimeLike], start: int, end: int, dct: date) -> date | None:
    """The day a dateline gives ("ZURICH, 10 October (Wire) -"), when the report was filed
    a day or two before it was published: what the report tells without a date happened by
    then, not by the day of publication."""
    for t in times:
        if start <= t.start < end and t.precision == Precision.DAY and t.interval is not None:
            day = t.interval[0]
            return day if 0 < (dct - day).days <= 3 else None
    return None


def date_by_filing(cands: list[Candidate], filed: date | None, dct: date) -> list[Candidate]:
    """What a report filed before its publication day tells without a date happened by the
    day it was filed (precision stays unknown)."""
    if filed is not None:
        for c in cands:
            if c.status == Status.OCCURRED and c.precision == Precision.UNKNOWN and (
                    not c.date_text and c.interval == (dct, dct)):
                c.interval = (filed, filed)
    return cands


_TALKS_NOUN = re.compile(r"(?:\w+\s+)*(?:talks|negotiations|discussions|consultations"
                         r"|dialogue|process|round)", re.I)


_WALKOUT = re.compile(r"(?:walk|pull|withdr|suspend|quit|boycott|broke|break|left|leave)",
                      re.I)


def _has_sides(c: Candidate) -> bool:
    """Talks are between parties (EVENTS.md): "talks" held or planned with one side named
    and no place are a mention of the negotiation, not an occasion. A verb keeps its meeting
    ("met the mediation team", "will speak again"): the other side is there, only unnamed."""
    if c.type != EventType.MEETING or not _TALKS_NOUN.fullmatch(c.trigger_text.strip()) or (
            # "X suspended its part in the talks", "the talks were suspended": talks called
            # off are news whoever is named
            _WALKOUT.match(c.trigger_text) or c.status == Status.CANCELLED):
        return True
    sides = {a.name for a in c.actors if a.kind != ActorKind.PERSON}
    if not sides:
        sides = {a.name for a in c.actors}
    # "held separate talks with Haftar": a counterpart known only as a person is a side
    roles = {a.role for a in c.actors}
    met = Role.INITIATOR in roles and bool(roles & {Role.COUNTERPART, Role.MEDIATOR, Role.HOST})
    return len(sides) >= 2 or met or c.location is not None


# "On Sunday the talks ran on ...": a day that opens a sentence sets the scene
_SCENE = re.compile(r"(?:(?:late|early)\s+)?(?:on\s+|by\s+)?$", re.I)


def date_from_scene(cands: list[Candidate], sentences: list[Sentence],
                    times: list[TimeLike], dct: date) -> list[Candidate]:
    """An undated event told after a sentence that opens with a day gone by, in the same
    paragraph and with no date of its own between, happened that day: news tells a day's
    events after naming it once ("On Sunday the talks ran on. The Americans proposed ...")."""
    scene: dict[int, TimeLike] = {}
    current: TimeLike | None = None
    para = -1
    ti = 0
    for idx, sent in enumerate(sentences):
        if sent.para != para or sent.headline:
            current, para = None, sent.para
        own = []
        while ti < len(times) and times[ti].start < sent.end:
            if times[ti].start >= sent.start and times[ti].interval is not None:
                own.append(times[ti])
            ti += 1
        if current is not None:
            scene[idx] = current
        if own:
            first = own[0]
            opens = _SCENE.fullmatch(sent.text[:first.start - sent.start])
            assert first.interval is not None
            current = first if (opens and first.precision == Precision.DAY
                                and first.interval[1] <= dct) else None
    for c in cands:
        t = scene.get(c.sent_idx)
        if (t is None or c.status != Status.OCCURRED or c.date_text or c.headline
                or c.precision != Precision.UNKNOWN or c.interval[0] != c.interval[1]):
            continue
        assert t.interval is not None
        c.interval, c.precision, c.date_text = t.interval, Precision.DAY, t.text
    return cands


# a signing, where the parties meet; not a cabinet approving a deal at home
_SIGNING = re.compile(r"(?:sign|initial|ink)", re.I)


def signed_at_dateline(cands: list[Candidate], place: Place | None, filed: date,
                       dct: date) -> list[Candidate]:
    """A signing a report tells of on the day it was filed (or the day before), with no
    place of its own, took place where the report was filed: the dateline's town ("TASHKENT,
    10 January - ... this afternoon signed a declaration"). Read after the merge, so that a
    report naming the place elsewhere keeps it."""
    if place is None:
        return cands
    for c in cands:
        if (c.type == EventType.AGREEMENT and c.status == Status.OCCURRED
                and c.location is None and not c.headline and _SIGNING.match(c.trigger_text)
                and c.interval[0] >= filed - timedelta(days=1) and c.interval[1] <= dct):
            c.location = place
    return cands
