"""Stage 6a: which time expression dates which trigger, and the interval that results.

A time expression goes to the trigger it governs (nearest in the clause, after the verb
rather than before, never across a quotation or into a relative clause); a reporting date
("said on Thursday") dates the statement and only bounds the events reported; with no
date the event gets the publication date (DCT) with precision ``unknown``, or an interval
ending at the DCT when the text says it is earlier."""

from __future__ import annotations

import re
from bisect import bisect_left
from calendar import monthrange
from datetime import date, timedelta

from timeline.extract.candidate import TimeSlot, in_spans, quote_spans
from timeline.extract.text import CHRONOLOGY, Sentence
from timeline.extract.times import TimeLike, join, offset_of
from timeline.extract.triggers import Trigger
from timeline.vocab import EventType, Precision, Status

__all__ = ["NOMINAL", "assign_times", "gap", "interval_of", "time_slots"]


_COMPLEMENT = re.compile(
    r"\b(?:that|he|she|it|they|we|would|will|was|were|is|are|had|has|to)\b|[,;]", re.I
)
_SPEECH_NEAR = re.compile(
    r"\b(?P<verb>said|says|told|stated|announced|reported|reports|statement|briefing|confirmed"
    r"|wrote|posted|announcement|according to|press conference|tweeted|published|interview"
    r"|denied)\b[^.;]{0,35}$",
    re.I,
)


_DATELINE = re.compile(r"(?-i:[A-Z]{3,}[A-Z /.'’-]*)(?:,\s*[A-Z][\w .'’-]*)?,\s*", re.I)
_TITLE_DATELINE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,\s*[A-Z][\w .'’-]*)?,\s*")
_AFTER_DATELINE = re.compile(r"\s*(?:\([^)]{2,30}\)\s*)?[-–—:]\s")
_DEADLINE = re.compile(
    r"\b(?:before|until|till|ahead of|since|after|prior to)\s+(?:the\s+)?$|"
    r"\b(?:takes|take|took|taking|assumed|assumes|sworn\s+in|elected|re-?elected|inaugurated)"
    r"\s+(?:office\s+)?(?:on\s+|in\s+)?$", re.I
)
_EDGE = re.compile(r"\b(?:(?P<edge>from|by)|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+)?$",
                   re.I)
# "the 2018 peace deal", "the 2015 nuclear accord": a year inside a title names the text, it
# does not date the sentence's event
_TITLE_YEAR = re.compile(
    r"^(?:[\s'’-]*[\w-]+){0,3}?\s+(?:deal|agreement|accord|accords|declaration|treaty"
    r"|protocol|charter|constitution|roadmap|road map|plan|resolution|conference|summit"
    r"|communiqu[eé]|convention|pact"
    r"|ceasefire|cease-fire|truce|memorandum|elections?|war|revolution|uprising|coup)\b",
    re.I,
)
_FRONTED = re.compile(
    r"^(?:(?:In|On|At|By|During|Over|Late|Early|Earlier|Later)\s+|(?:[\w'’]+\s+){0,1})?$"
)


NOMINAL = re.compile(
    r"(?:visit|trip|tour|stopover|talks|negotiations|discussions|meetings?|summit|consultations)$",
    re.I,
)


_NOUN_RELATIVE = re.compile(
    r"(?P<clause>,\s+(?:which|that)\s+[^,;]{3,80},)\s+(?:were|was|had\s+been|has\s+been|have\s+been"
    r"|are|is|will)\s+")
_NOUN_VERB = re.compile(
    r"^[^;]*\b(?:will be held|is to be held|to be held|would be held|was held|were held"
    r"|(?:will|would)\s+(?:still\s+|now\s+)?go\s+ahead|(?:will|would)\s+take\s+place"
    r"|will take place|took place|is scheduled|was scheduled|is set|is due|is planned"
    r"|(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?(?:halted|suspended|postponed"
    r"|called off|adjourned|stalled|resumed|cancell?ed|put off|delayed)|stalled|resumed"
    r"|collapsed|broke down)\b", re.I
)


_EARLIER = re.compile(r"\b(?:earlier|recent|recently|previous|previously|earlier meeting)\b", re.I)


_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|stated|added|confirmed|noted|explained|reported|wrote)\b",
    re.I)
_RANGE_START = re.compile(
    r"(?:\b(?:[Bb]etween|[Ff]rom)\s+)?\b\d{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|and|until|till)\s*$")
_JOINED = re.compile(r"\s*(?:and|or|,)\s*(?:on\s+)?")
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
_LASTING = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?:\s+days?\s+of\s+"
    r"(?:[\w-]+\s+){0,2}|-day\s+(?:[\w-]+\s+){0,2})\S*$", re.I)
_ENDING = re.compile(r"\b(?:ended|concluded|wrapped\s+up|closed|completed|after|following)\b",
                     re.I)
_OPENING = re.compile(r"\b(?:began|begun|opened|started|launched|kicked\s+off|from|starting)\b",
                      re.I)


_WEEKEND = re.compile(r"(?:(?:over|during|at|on)\s+)?(?:the\s+)?weekend", re.I)
_BARE_WEEKDAY = re.compile(
    r"^(?:on\s+|late\s+|early\s+|later\s+on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)


def time_slots(sent: Sentence, times: list[TimeLike], dct: date) -> list[TimeSlot]:
    """The time expressions inside ``sent``; ``times`` is in text order."""
    out: list[TimeSlot] = []
    for k in range(bisect_left(times, sent.start, key=lambda t: t.start), len(times)):
        t = times[k]
        if t.start >= sent.end:
            break
        placed = t.interval is None
        if placed:
            t = _placed(t, sent, out, dct)
        if t.end <= sent.end:
            rs, re_ = t.start - sent.start, t.end - sent.start
            opening = _RANGE_START.search(sent.text[max(0, rs - 30):rs]) if (
                t.precision == Precision.RANGE) else None
            if opening:  # "Between 11 to 13 October": the range is one span
                rs -= len(opening.group(0))
            before = sent.text[max(0, rs - 45): rs]
            if _DEADLINE.search(before) or _not_event_date(t, sent.text, rs, re_):
                continue
            edge = _EDGE.search(before)
            m = _SPEECH_NEAR.search(before)
            reporting = m is not None and not _COMPLEMENT.search(before[m.end("verb"):])
            slot = TimeSlot(t, rs, re_, reporting and not placed,
                            (edge.group("edge") or "by").lower() if edge else "", forward=placed)
            if re.search(r"\b(?:the|a|an|its|their)\s+$", sent.text[max(0, rs - 8):rs]) and (
                    re.search(r"\d", t.text)):
                named = _TITLE_YEAR.match(sent.text[re_:re_ + 60])
                if named:  # "the Feb. 27-28 summit", "the August 4 ceasefire agreement"
                    slot.names = re_ + named.end()
            prev = out[-1] if out else None
            if prev is not None and prev.t.interval is not None and t.interval is not None and (
                t.interval == prev.t.interval and t.precision == Precision.RANGE
                or _JOINED.fullmatch(sent.text[prev.rel_end:rs])
                and prev.t.precision == t.precision == Precision.DAY
                and 0 < (t.interval[0] - prev.t.interval[1]).days <= 7
            ):  # "Between 11 to 13 October", "on April 6 and 9", "Thursday or Friday"
                prev.t = join(prev.t, t, sent.text[prev.rel_start:re_])
                prev.rel_end = re_
                continue
            out.append(slot)
    body = [s for s in out if not _DATELINE.fullmatch(sent.text[:s.rel_start]) and not (
        # "Addis Ababa, 19 December 2023 (ENA) - ": a dateline in title case
        _TITLE_DATELINE.fullmatch(sent.text[:s.rel_start])
        and _AFTER_DATELINE.match(sent.text[s.rel_end:]))]
    if body:
        # "ISLAMABAD, Oct 31 - X have agreed ..., Turkey said on Thursday": the sentence's own
        # dates (or its reporting date) say when; the dateline only when nothing else does
        out = body
    return out


def _placed(t: TimeLike, sent: Sentence, earlier: list[TimeSlot], dct: date) -> TimeLike:
    """"..., Makuei stated on Wednesday, one day after the opposition met Ruto": the day of
    the clause after "N days after" counted back from the sentence's own date (or the DCT)."""
    days = offset_of(t, sent.text[t.end - sent.start:])
    anchor = next((s.t.interval for s in reversed(earlier) if s.t.interval is not None
                   and s.t.precision == Precision.DAY), None)
    day = (anchor[0] if anchor else dct) - timedelta(days=days)
    rel = re.match(r"\s+(?:after|before)", sent.text[t.end - sent.start:])
    end = t.end + (rel.end() if rel else 0)
    return TimeLike(t.start, end, sent.text[t.start - sent.start:end - sent.start], "DATE",
                    day.isoformat(), (day, day), Precision.DAY)


# "a new agreement replacing the Anglo-Irish Agreement of 1985", "under the Treaty of 1921":
# the year names another text than the one the event is about ("signed the Treaty of 1921"
# is dated by it)
_NAMED_TEXT_OF = re.compile(
    r"\b(?:(?!(?:sign|initial|ratif|negotiat|reach|agree|conclud|adopt|accept)\w*)\w+ing"
    r"|under|than|replaced?|replaces|superseded?|supersedes)\s+the\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?-i:Agreements?|Accords?|Treaty|Treaties|Declaration|Protocols?|Conventions?|Charter"
    r"|Pact|Settlement|Armistice)\s+of\s+$", re.I)


def _not_event_date(t: TimeLike, text: str, rs: int, re_: int) -> bool:
    """Centuries and decades, and years inside titles ("the 2018 peace agreement", "the
    Anglo-Irish Agreement of 1985")."""
    if re.fullmatch(r"\d{2,3}X?", t.value):  # centuries ("19") and decades ("199", "199X")
        return True
    if not re.fullmatch(r"\d{4}", t.text):
        return False
    return bool(
        re.search(r"\b(?:the|a|an|its|their)\s+$|['’]s\s+$", text[max(0, rs - 12):rs])
        and _TITLE_YEAR.match(text[re_:re_ + 60])
        or _NAMED_TEXT_OF.search(text, max(0, rs - 80), rs)
    )


_OWN_RELATIVE = re.compile(
    r"(?:^|[,\s])(?:which|that)\s+(?:had\s+been\s+|has\s+been\s+|was\s+|were\s+|is\s+|are\s+)?"
    r"(?:opened|began|begun|started|ended|resumed|took place|held|scheduled|planned|set|due"
    r"|took hold|took effect|collapsed|broke down|expired"
    r"|expected|slated)\b"
    # "which was held in Addis Ababa from ..."
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})?"
    r"(?:\s+(?:for|on|to\s+take\s+place|in|from|between))?\s*$",
    re.I,
)


_PARTICIPLE = re.compile(
    r",\s+(?:planned|scheduled|set|slated|due|expected|held|originally\s+planned)"
    r"(?:\s+(?:for|on|in|to\s+take\s+place\s+(?:on|in)?))?\s*$",
    re.I,
)


_APPOSITIVE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,2}?(?:head|chief|leader|director|spokes\w+"
    r"|minister|president|secretary|envoy|adviser|advisor|official)\b[^,;]{0,60},"
)


_ATTRIBUTION = re.compile(
    r",\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|told\s+\w+|reported|added|announced)"
    r"(?:\s+(?:on|late\s+on)\s+\w+)?\s*,", re.I)


def gap(a: tuple[int, int], b: tuple[int, int], text: str) -> int:
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if hi <= lo:
        return 0
    between = text[lo:hi]
    relative = len(re.findall(r"\b(?:that|which|who|whom|where)\b", between))
    own = _OWN_RELATIVE.search(between) if relative == 1 else _PARTICIPLE.search(between)
    if own:  # "the talks, which opened on Monday" / "talks that had been scheduled for"
        relative, hi = 0, hi - len(own.group(0))
    commas = len(re.findall(r"[,;]|\b(?:but|while|after|before)\b", between))
    # "talks ... because it withdrew from the accord in 2018": another verb's clause
    relative += len(re.findall(r"\b(?:because|since|although|though|whereas|unless|until)\b",
                               between, re.I))
    # "submitted ... late on Monday, the agency said, and called on ...": a reporting clause
    # closes the first verb's clause
    relative += len(_ATTRIBUTION.findall(between))
    if _APPOSITIVE.search(between):  # "met X, head of the agency, in Tehran earlier ..."
        commas = max(0, commas - 2)
    return (hi - lo) + 25 * commas + (
        80 * relative
    )


def _in_relative(
    tr: Trigger, slot: TimeSlot, text: str, slots: list[TimeSlot] | None = None
) -> bool:
    """"The talks, which began in January, were suspended last month": the noun's event is
    its main verb's, not its relative clause's, when the main verb has a date of its own
    ("The talks, which began on Saturday, were the first ...": Saturday, then)."""
    if not NOMINAL.match(tr.text):
        return False
    relative = _NOUN_RELATIVE.match(text[tr.end:])
    if relative is None or not tr.end < slot.rel_start < tr.end + relative.end("clause"):
        return False
    main = tr.end + relative.end()
    return slots is None or any(s.rel_start >= main and not s.reporting for s in slots)


def assign_times(
    sent: Sentence, triggers: list[Trigger], slots: list[TimeSlot],
    quotes: list[tuple[int, int]] | None = None,
) -> dict[int, TimeSlot]:
    """Each time expression goes to the trigger it most plausibly governs."""
    owner: dict[int, TimeSlot] = {}
    if not triggers:
        return owner
    pairs: list[tuple[int, int, int]] = []
    for si, slot in enumerate(slots):
        span = (slot.rel_start, slot.rel_end)
        for ti, tr in enumerate(triggers):
            if slot.reporting and not (tr.speech and tr.start < slot.rel_start):
                continue
            if slot.names and not slot.rel_end < tr.end <= slot.names:
                continue  # a date naming a thing dates that thing only
            if slot.forward and tr.start < slot.rel_end:
                continue  # "two days after the factions left Moscow": the clause after it
            if _in_relative(tr, slot, sent.text, slots):
                continue
            if tr.speech and re.match(r"['’]s\b", sent.text[slot.rel_end:]):
                continue  # "says Sunday's talks ...": the possessive dates the noun
            # "Anwar, who chairs ASEAN this year, said"; "the truce, first declared in March,
            # has been renewed": the time is the clause's own
            rel_clause = re.search(r",\s+(?:(?:who|which)\s|(?:(?:first|originally|initially"
                                   r"|later|also)\s+)?[a-z]+ed\s)[^,;]*$",
                                   sent.text[:slot.rel_start])
            if rel_clause and not (
                # "the round of negotiations ..., which was held ... from 17 to 19 December":
                # the clause tells when the noun's own event was
                NOMINAL.match(tr.text) and tr.end <= rel_clause.start()
                and _OWN_RELATIVE.search(sent.text[tr.end:slot.rel_start])
            ):
                close = sent.text.find(",", slot.rel_end)
                if tr.end <= rel_clause.start() or 0 <= close < tr.start:
                    continue  # "Anwar, who chairs ASEAN this year, said": not this year
            dist = gap((tr.start, tr.end), span, sent.text)
            relative = _NOUN_RELATIVE.match(sent.text[tr.end:]) if NOMINAL.match(
                tr.text) else None
            if relative and slot.rel_start >= tr.end + relative.end():
                # past the relative clause, the main verb's complement is the noun's own
                dist = gap((tr.start, tr.end + relative.end("clause")), span, sent.text)
            if NOMINAL.match(tr.text) and dist > 60 and not (
                dist <= 110 and tr.end <= slot.rel_start
                and _NOUN_VERB.search(sent.text[tr.end:slot.rel_start])
            ):  # "a meeting of the General Border Committee will be held ... on Aug. 4"
                continue
            if quotes and in_spans(slot.rel_start, quotes) != in_spans(tr.start, quotes):
                continue
            if ";" in sent.text[min(tr.end, slot.rel_end):max(tr.start, slot.rel_start)]:
                continue  # "agree a ceasefire in Doha; next round set for Oct 25": another clause
            cost = dist + (0 if tr.start <= slot.rel_start else 20)
            if cost > 120:
                continue
            if tr.speech and not slot.reporting:
                cost += 40
            pairs.append((cost, si, ti))
    used: set[int] = set()
    fronted = _fronted(sent, triggers, slots)
    if fronted is not None:  # "In late September, delegations met in Hurghada"
        si, ti = fronted
        if not any(p[2] == ti and p[1] != si and p[0] < 60 for p in pairs):
            owner[ti] = slots[si]
            used.add(si)
    for _cost, si, ti in sorted(pairs):
        if si in used or ti in owner:
            continue
        owner[ti] = slots[si]
        used.add(si)
    for si, slot in enumerate(slots):
        # "met X, Y and Z in Geneva on June 20": a long object list leaves the date unclaimed
        if si in used or slot.reporting or slot.names or slot.forward:
            continue
        prior = [ti for ti, tr in enumerate(triggers) if tr.end <= slot.rel_start]
        if not prior or prior[-1] in owner or triggers[prior[-1]].speech:
            continue
        tr = triggers[prior[-1]]
        between = sent.text[tr.end:slot.rel_start]
        if len(between) > 160 or re.search(r"[;:]|\b(?:that|which|who|when|where|said|says"
                                           r"|told|after|before|while|but|because|since"
                                           r"|although|though|as)\b", between):
            continue
        if quotes and in_spans(slot.rel_start, quotes) != in_spans(tr.start, quotes):
            continue
        owner[prior[-1]] = slot
        used.add(si)
    # "met UN officials in Istanbul last week and agreed on ...": a date between two verbs
    # joined by "and" is the first verb's as much as the second's
    for i in range(len(triggers) - 1):
        nxt = owner.get(i + 1)
        if i in owner or nxt is None or nxt.reporting or triggers[i].speech or (
                triggers[i + 1].speech):
            continue
        tr = triggers[i]
        if tr.end <= nxt.rel_start and nxt.rel_end <= triggers[i + 1].start and re.fullmatch(
            r"\s*(?:,\s*)?and\s+(?:then\s+|later\s+|also\s+)?",
            sent.text[nxt.rel_end:triggers[i + 1].start],
        ) and not re.search(r"[,;:]|\b(?:that|which|who|where|when|after|before|while|said"
                            r"|says|told)\b", sent.text[tr.end:nxt.rel_start]):
            owner[i] = nxt
    # "arrived in Cairo and held talks with X on Sunday": the second verb's date closes a
    # clause both verbs share
    for i in range(len(triggers) - 1):
        nxt = owner.get(i + 1)
        if i in owner or nxt is None or nxt.reporting or triggers[i].speech or (
                triggers[i + 1].speech) or nxt.rel_start < triggers[i + 1].end:
            continue
        if re.fullmatch(r"[^,;:]*?\band\s+(?:then\s+|later\s+|also\s+)?",
                        sent.text[triggers[i].end:triggers[i + 1].start]) and not re.search(
                r"\b(?:will|would|to|plans?|expected|that|which|who|where|when|after|before"
                r"|while)\b", sent.text[triggers[i].end:nxt.rel_start]):
            owner[i] = nxt
    # sharing: "travel to Qatar Friday and meet ..." / "After meeting X on Monday, Y said ..."
    shared = dict(owner)
    first_comma = sent.text.find(", ")
    for i, tr in enumerate(triggers):
        if i in shared:
            continue
        if tr.speech:
            lead = [s for s in slots if first_comma > 0 and s.rel_end <= first_comma < tr.start
                    and not s.reporting]
            # "On Sunday, ...", "Asked on Monday about ..., X said", "Wrapping up the
            # session on Sunday, X announced": the lead's date is the speaker's
            if lead and re.match(r"(?:After|Following|On|At|Earlier|Later|During|Asked"
                                 r"|Questioned|[A-Z][a-z]+ing)\b", sent.text):
                shared[i] = lead[0]
            continue
        if i > 0 and (i - 1) in owner and not triggers[i - 1].speech:
            between = sent.text[triggers[i - 1].end:tr.start]
            if not re.search(r"[,;:]|\b(?:said|says|told|after|before|while)\b", between) and (
                # "agreed on Friday to hold talks": the talks come later
                not (triggers[i - 1].type == EventType.AGREEMENT
                     and re.search(r"\bto\s+$", between))
            ) or (re.fullmatch(r"[^;]*,\s+where\s+(?:\w+\s+){0,3}", between)):
                shared[i] = owner[i - 1]
    entry = CHRONOLOGY.match(sent.text)
    opening = next((x for x in slots if entry and x.rel_start < entry.end("date") <= x.rel_end),
                   None)
    if opening is not None:  # "- July 20, 2002, Machakos: the two sides agree ...": that day
        for i in range(len(triggers)):
            shared.setdefault(i, opening)
    return shared


def _fronted(
    sent: Sentence, triggers: list[Trigger], slots: list[TimeSlot]
) -> tuple[int, int] | None:
    """A time expression fronted before the first comma of the sentence, and the first event
    trigger of the main clause after it."""
    comma = sent.text.find(", ")
    if comma < 0:
        return None
    for si, slot in enumerate(slots):
        if slot.reporting or slot.rel_end > comma or not _FRONTED.match(
            sent.text[:slot.rel_start]
        ) or sent.text[slot.rel_end:comma].strip():
            continue
        for ti, tr in enumerate(triggers):
            if tr.start > comma:
                # "Last week, the mediator told the radio that the parties had initialled
                # ...": the main verb is the telling
                return si, ti
    return None


_BARE_MONTH = re.compile(
    r"(?:(?:in|early|late|mid|since|during)[\s-]+)?(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct"
    r"|Nov|Dec)\.?", re.I)
_PAST_FORM = re.compile(
    r"\w+ed|met|held|signed|began|begun|took|made|told|said|came|went|flew|left|sent|gave"
    r"|struck|won|sought|broke|spoke|put|brought|hosted|agreed|reached|cut|drew|led|ran", re.I)


def _past_verb(trig: Trigger, text: str) -> bool:
    """The trigger is a verb in a past tense ("signed", "was signed", "had met")."""
    if trig.noun or trig.speech:
        return False
    word = text[trig.start:trig.end].split()
    return bool(word and _PAST_FORM.fullmatch(word[0])) or bool(
        re.search(r"\b(?:was|were|had(?:\s+been)?)\s+(?:\w+\s+)?$", text[:trig.start]))


def interval_of(
    trig: Trigger,
    status: Status,
    own: TimeSlot | None,
    slots: list[TimeSlot],
    sent: Sentence,
    dct: date,
    taken: list[TimeSlot] | None = None,
    bound: TimeSlot | None = None,
) -> tuple[tuple[date, date], Precision, str]:
    slot = own
    if slot is None and not trig.speech:
        quotes = quote_spans(sent.text)
        free = [s for s in slots if not s.reporting and not s.names and not s.forward
                and not _in_relative(trig, s, sent.text, slots)
                and not any(s is t for t in taken or [])
                and gap((trig.start, trig.end), (s.rel_start, s.rel_end), sent.text) <= 60
                and in_spans(s.rel_start, quotes) == in_spans(trig.start, quotes)]
        if free:
            slot = min(free, key=lambda s: abs(s.rel_start - trig.start))
    if slot is not None and slot.t.interval is not None:
        a, b = slot.t.interval
        text = slot.t.text
        if _BARE_WEEKDAY.match(text.strip()) or re.search(
            r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text
        ) and a == b and not re.search(r"\d", text) or _WEEKEND.fullmatch(text.strip()):
            # The date engine reads a bare weekday's direction from its own verb group. An
            # event the clause plans while the engine looked back ("authorised X to travel to
            # Qatar Friday", "a ceasefire starting on Sunday", "is scheduled to meet ... on
            # Monday" far from its verb) is the coming one.
            ahead = status == Status.PLANNED or status == Status.CANCELLED and bool(
                re.search(r"(?:scheduled|planned|set|due|slated)\s+(?:for\s+)?$",
                          sent.text[:slot.rel_start])
                or re.match(r"['’]s\b", sent.text[slot.rel_end:]) or text.endswith(("'s", "’s"))
            )
            if ahead and b < dct:
                a, b = a + timedelta(days=7), b + timedelta(days=7)
            elif status == Status.OCCURRED and a > dct and _past_verb(trig, sent.text):
                # "X, speaking in the early hours of Sunday, offered ...": a verb in the past
                # tense names the day gone by, where the engine read the one to come
                a, b = a - timedelta(days=7), b - timedelta(days=7)
        if status == Status.OCCURRED and a > dct and _BARE_MONTH.fullmatch(text.strip()) and (
                _past_verb(trig, sent.text)):
            # "signed a memorandum in January", read in December: the date engine takes the
            # month to come, but a verb in the past tense names the one gone by
            a = a.replace(year=a.year - 1)
            b = b.replace(year=b.year - 1, day=min(b.day, monthrange(b.year - 1, b.month)[1]))
        if a < dct <= b and re.search(r"\bearlier\s+(?:in\s+|this\s+)?$",
                                      sent.text[:slot.rel_start]):
            b = dct - timedelta(days=1)  # "earlier in the week": before the publication day
        days = _LASTING.search(sent.text[max(0, trig.start - 45):trig.end])
        if days and a == b and trig.type == EventType.MEETING:
            # "ended two days of talks on Friday", "four days of talks from Monday"
            n = _NUMBER.get(days.group("n").lower()) or int(days.group("n"))
            if 1 < n < 15:
                if _ENDING.search(sent.text[max(0, trig.start - 60):slot.rel_start]):
                    a = b - timedelta(days=n - 1)
                elif slot.edge == "from" or _OPENING.search(
                        sent.text[max(0, trig.start - 60):slot.rel_start]):
                    b = a + timedelta(days=n - 1)
        if slot.edge == "from" and status == Status.OCCURRED and a <= dct and trig.type in (
            EventType.MEETING, EventType.CEASEFIRE
        ) and slot.t.precision != Precision.RANGE:  # "from 22 May to 6 June" ends on 6 June
            b = max(b, dct)  # "four days of talks from Monday": Monday and on
        elif slot.edge == "by" and status == Status.PLANNED and b > dct:
            a = dct + timedelta(days=1)  # "a written offer by the end of the week"
        return (a, b), Precision(str(slot.t.precision)), text
    reporting = [s for s in slots if s.reporting and s.t.interval is not None]
    if bound is not None:
        reporting = [bound]
    for rep in reporting if trig.type == EventType.MEETING and re.search(
            r"\b(?:call|conversation)$", trig.text) else []:
        if re.fullmatch(r"\s*(?:(?:late|early)\s+)?(?:on\s+)?", sent.text[trig.end:rep.rel_start]):
            # "told Putin in a phone call on Sunday": the day of the telling is the call's
            assert rep.t.interval is not None
            return rep.t.interval, Precision(str(rep.t.precision)), rep.t.text
    if status == Status.OCCURRED and reporting:
        r = reporting[0].t.interval
        assert r is not None
        last = min(r[1], dct)  # "said over the weekend": reported by the publication date
        return (last, last), Precision.UNKNOWN, reporting[0].t.text
    window = sent.text[max(0, trig.start - 80): trig.start if trig.speech else trig.end + 40]
    if status == Status.OCCURRED and (_EARLIER.search(window) or re.search(
        r"\bhad\s+(?:already\s+|previously\s+|earlier\s+)?$", sent.text[:trig.start]
    ) and not _REPORTED.search(sent.text[:trig.start])):
        # "recent talks", "the two sides had initialled the text": before the DCT; but in
        # reported speech ("said that X had introduced") the past perfect is only the
        # reporting verb's tense shifted back
        return (dct - timedelta(days=30), dct), Precision.UNKNOWN, ""
    return (dct, dct), Precision.UNKNOWN, ""
