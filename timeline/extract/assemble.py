"""Stage 6: one candidate event per trigger of a sentence.

For each trigger: drop it if the text does not report an occasion (negation, denial,
hypothesis, quoted commentary, talks mentioned in passing); find its status, its parties
(subject before the verb, counterparts after it, mediators, host state), its place and its
date; then fold rejections and requests voiced in a statement into that statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from timeline.extract.actors import Mention
from timeline.extract.candidate import Candidate, PlaceHit, TimeSlot, in_spans, quote_spans
from timeline.extract.dates import assign_times, interval_of
from timeline.extract.gazetteer import Gazetteer
from timeline.extract.locate import meeting_place, visit_places
from timeline.extract.parties import PREP_OBJECT, add_actor, speaker
from timeline.extract.places import Place
from timeline.extract.text import CHRONOLOGY, Sentence
from timeline.extract.triggers import Trigger, is_hypothetical, is_negated, status_of
from timeline.models import ActorRef
from timeline.vocab import ActorKind, EventType, Precision, Role, Status

__all__ = ["assemble", "fold_statements"]

_NEGOTIATION = re.compile(
    r"\b(?:cease-?fire|truce|deal|agreement|talks|negotiat\w*|hostages?|proposal|mediat\w*"
    r"|captives?|prisoners?|peace|offer|response|plan|war|pause|settlement|accord|framework"
    r"|diplomac\w*|sanctions|nuclear|withdrawal|exchange|swap|visit|meeting|summit|delegation"
    r"|progress|gaps?|bridging|conditions|terms|demands?|outcome|contacts|dialogue|sides"
    r"|delegations|negotiators|mediators|envoys|meetings|summits|talked"
    r"|parties|session|round|envoy|diplomatic|signals|constructive|productive|breakthrough"
    r"|meet|met|trip|invitation|mediator|agreed|accept\w*|reject\w*|talking|treaty"
    r"|declaration|sign|signs|signed|signing|initial(?:l)?ed|draft|text|solution|consensus"
    r"|memorandum|communiqu[eé]|participation|ceasefire|answer|document)\b",
    re.I,
)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected|refuted)\s+(?:\w+\s+){0,2}?(?:reports?|claims?"
    r"|rumou?rs?|suggestions?|speculation|that)\b",
    re.I,
)
_UNCERTAIN = re.compile(
    r"\b(?:unclear|not clear|unknown|uncertain)\s+(?:if|whether|who|what|when|where|how)\b", re.I
)
_STALE_TALKS = re.compile(
    r"\b(?:rather than|more|further|future|possible|any|those|these|new|fresh"
    r"|next|restart|resume|revive|reach|attempting|efforts? to|push for|into"
    r"|briefed on|familiar with|knowledge of|details of|state of|progress in|ready to|willing to"
    r"|prepared to|agreed to|aims? to|seeks? to|attempts? to|recalling|recalled|remembering"
    r"|remembered|possibility of|prospects? (?:of|for)|idea of|chances? (?:of|for))"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)
# "their next meeting, on Aug. 30 in Davao": a coming occasion with its own day is news
_NEXT = re.compile(r"\b(?:next|new|another|fresh|further)\s+(?:\w+\s+){0,2}$", re.I)
_NOT_YET = re.compile(
    r"\b(?:rather than|ready to|willing to|prepared to|agreed to|aims? to|seeks? to|efforts? to"
    r"|attempts? to|unwilling to|refuses? to)\s+(?:\w+\s+){0,2}$"
)
_ANCHOR = re.compile(
    r"\b(?:held|hold|holds|holding|began|begin|begun|begins|started|resumed|resume|ended|end"
    r"|paused|halted|suspended|commenced|took place|take place|taking place|scheduled|concluded"
    r"|continue|continued|continuing|reconvene|round|under way|underway|convened|kick off"
    r"|being held|were held|was held|will be held|to be held|opened|collapsed|called off"
    r"|cancell?ed|canceled|postponed|hosted\s+by|chaired\s+by|mediated\s+by|brokered\s+by"
    r"|facilitated\s+by|sponsored\s+by"
    r"|had\s+[“\"]?an?\s+(?:[\w-]+\s+){0,3}?(?:meeting|talks|call))\b",
    re.I,
)
_NOUN_FUTURE = re.compile(
    r"[^.;,]{0,40}?\b(?:will|(?:is|are|was|were)\s+(?:set|expected|scheduled|due|slated"
    r"|planned|likely)\s+to|to be held"
    # "with talks on the agenda to begin on Saturday": the noun's own infinitive
    r"|to\s+(?:begin|start|open|resume|reconvene|convene|take\s+place|get\s+under\s?way))\b"
)
# "authorised the delegation to travel to Cairo on Friday for talks": a trip the clause
# plans, whose talks are planned with it even where the trip itself is no event
_PLANNED_TRIP = re.compile(
    r"\bto\s+(?:travel|fly|go|head|visit|return|come|leave|depart)\b[^;:]*$", re.I)
# "Trump said his summit with Kim would go ahead in Singapore": the future of reported
# speech, not a hypothesis
_REPORTED_FUTURE = re.compile(
    r"[^.;,]{0,40}?\bwould\s+(?:now\s+|still\s+)?(?:go\s+ahead|take\s+place|be\s+held"
    r"|proceed|open|begin|start|resume|convene)\b(?![^.;]{0,60}\b(?:if|unless)\b)", re.I)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|announced|confirmed|stated)\b", re.I)
_MEDIATION = re.compile(r"\b(?:mediat\w*|auspices|broker\w*|intermediar\w*|facilitat\w*)\b", re.I)
_SPOKES = re.compile(
    r"\b(?:spokes\w+|minister|ministry|office|official|envoy|secretary|president)\b", re.I
)
_FUTURE_SPEECH = re.compile(r"\b(?:will|would|to|expected|due|set)\s+(?:\w+\s+)?$", re.I)
_CALLED_OFF = re.compile(
    r"^[^;]*?\b(?:(?:will|would)\s+not\s+(?:now\s+)?(?:take place|go ahead)|called off"
    r"|postponed|cancell?ed)\b", re.I
)
_COMBAT = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|attack(?:s|ed|ing)?|strikes?|struck|shell(?:ed|ing)|troops|forces"
    r"|captur(?:e|ed|ing)|offensive|drones?|missiles?|front\s?line|casualt\w+|wounded|dead"
    r"|bomb\w*|fighters|operatives|positions|advanc\w+)\b",
    re.I,
)
_ADJ_REJECT = re.compile(r"falls? short|unacceptable|not acceptable", re.I)


@dataclass(slots=True)
class _Sentence:
    """What the assembly of one sentence needs, computed once."""

    sent: Sentence
    triggers: list[Trigger]
    mentions: list[Mention]
    rel: list[tuple[int, int]]
    places: list[PlaceHit]
    slots: list[TimeSlot]
    quotes: list[tuple[int, int]]
    owner: dict[int, TimeSlot]
    dct: date
    gaz: Gazetteer
    last_primary: list[Mention]
    sent_idx: int
    out: list[Candidate] = field(default_factory=list)
    subj_of: dict[int, list[Mention]] = field(default_factory=dict)
    dateline: Place | None = None
    topical: bool = False
    """The sentence before reported a negotiation event: what a party says next, in
    whatever words, speaks to it ("Abbas announced the agreement ... Abu Zuhri told the
    crowds that the resistance had won")."""

    @property
    def text(self) -> str:
        return self.sent.text

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        return [m for m, r in zip(self.mentions, self.rel, strict=True)
                if lo <= r[0] and r[1] <= hi and not m.media]


@dataclass(slots=True)
class _Parties:
    actors: dict[str, ActorRef] = field(default_factory=dict)
    primary: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    subj: list[Mention] = field(default_factory=list)
    obj: list[Mention] = field(default_factory=list)
    own_subject: bool = False
    spokes: bool = False
    coref_speaker: bool = False
    confidence: float = 0.0


# --- filters ------------------------------------------------------------------------


# "..., the facilitator told reporters in Kuala Lumpur.": the verb closes the sentence and
# reports all of it
_TRAILING_SPEECH = re.compile(
    r"\s*(?:on\s+\w+|in\s+an?\s+\w+(?:\s+\w+)?|\w+|(?:reporters|journalists|the\s+(?:media|press)"
    r"|state\s+media|(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3})(?:\s+(?:in|at|on|after)"
    r"\s+[^.,;]{1,40})?)?\s*[.,;]?\s*$", re.I)


_QUOTED_TEXT = re.compile(
    r"\b(?:statement|communiqu[eé]|declaration|announcement|agreement|document|text)\b", re.I)


# "During his opening remarks, Erdogan stated ...": what is said at the talks is said on them
_AT_TALKS = re.compile(
    r"\b(?:during|at|in)\s+(?:the|his|her|their|its)\s+(?:opening|closing|welcoming)\s+"
    r"(?:remarks|speech|address|statement)\b|\b(?:during|at)\s+the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|summit|meeting|session|round)\b", re.I)


# An occasion of its own: a post, a news conference, an interview, a written statement
_ON_RECORD = re.compile(
    r"\b(?:wrote|posted|tweeted|said)\s+(?:on|in\s+a\s+post\s+on)\s+(?:X|Twitter|Telegram|Facebook"
    r"|social\s+media|(?:his|her|its|their)\s+(?:\w+\s+)?(?:account|channel|page))\b"
    r"|\bin\s+a\s+post\s+on\b|\b(?:at|during|told)\s+(?:a|an|the|his|her|their)\s+(?:joint\s+)?"
    r"(?:news|press)\s+(?:conference|briefing)\b|\bin\s+an\s+interview\b"
    r"|\btold\s+(?:reporters|journalists)\b", re.I)


def _said_part(text: str, trig: Trigger) -> str:
    """What a speech verb reports: its complement, or the quote before "..., X said"."""
    if _TRAILING_SPEECH.match(text[trig.end:]) or re.search(r"[”\"’'],?\s+(?:[\w.'’-]+\s+){0,8}$",
                                              text[:trig.start]) or re.search(
        r"\b(?:which|that|what)\s+(?:[\w.'’-]+\s+){0,6}$", text[:trig.start]
    ):
        return text
    return text[max(0, trig.start - 60):]


_TAKES_EFFECT = re.compile(
    r"[^.;]{0,80}?\b(?:with\s+effect\s+from|effective\s+(?:from\s+)?|as\s+of)\s+"
    r"(?:\d|midnight|noon)", re.I)
_CONDITION = re.compile(r"[^.;:]{0,80}?\b(?:if|unless|provided|as\s+long\s+as|on\s+condition)\b",
                        re.I)


def _to_the_day(slot: TimeSlot) -> bool:
    """A day, or a choice of a few ("on Thursday or Friday")."""
    span = slot.t.interval
    return slot.t.precision == Precision.DAY or (
        slot.t.precision == Precision.RANGE and span is not None and (span[1] - span[0]).days < 7)


def _reports_no_occasion(s: _Sentence, trig: Trigger, dated: bool = False) -> bool:
    """Negated, denied, hypothetical, quoted commentary or talks mentioned in passing;
    ``dated``: the trigger owns a date to the day."""
    text, before = s.text, s.text[:trig.start]
    if is_negated(before) or _UNCERTAIN.search(before[-80:]):
        return True
    if not trig.speech and _DENIAL.search(before):
        return True
    q = in_spans(trig.start, s.quotes)
    if q is not None and (trig.speech or trig.noun or not any(
        q[0] <= r[0] < trig.start and not m.coref
        for m, r in zip(s.mentions, s.rel, strict=True)
    ) and not _QUOTED_TEXT.search(text[:q[0]][-80:] + " " + text[q[1]:q[1] + 80])):
        # commentary; but the words of a written statement report what it announces
        # ("“The parties agreed on the road map,” the joint statement said")
        return True
    if re.search(r"\b(?:keeps?|kept|keeping)\s+(?:on\s+)?$", before):
        return True  # "the delegations will keep flying to Cairo": a habit, not an occasion
    if trig.type == EventType.MEETING:
        nominal = trig.noun or trig.text.lower().startswith(("meeting", "talks"))
        if nominal and _STALE_TALKS.search(before[-40:]) and not _CALLED_OFF.search(
            text[trig.end:trig.end + 140]
        ) and not (dated and _NEXT.search(before[-40:])):
            # "a new round of talks ... will not take place" is a cancelled occasion
            return True
        if _NOT_YET.search(before) or " more " in trig.text:
            return True
    if trig.speech and re.search(r"\b(?:was|were|been|being)\s+$", before) and not (
            re.match(r"\s+by\b", text[trig.end:])):
        return True  # "when Sinn Fein was admitted", "he was told": no one speaks
    if trig.speech and not _NEGOTIATION.search(_said_part(text, trig)) and not _between_sides(
        s, trig
    ) and not _AT_TALKS.search(text[:trig.start]) and not (
        _ON_RECORD.search(text) and not _COMBAT.search(text)
    ) and not (s.topical and not _COMBAT.search(text) and all(t.speech for t in s.triggers)
               and any(not m.coref and r[1] <= trig.start
                       for m, r in zip(s.mentions, s.rel, strict=True))):
        return True
    if trig.modal and _MODAL.search(before):
        return True
    if 0 <= trig.head < trig.start and re.search(
        r"\b(?:where|whether|if|when|how|why|unless)\s+(?:the\s+|a\s+|an\s+)?$", before[:trig.head]
    ):  # "it does not matter where the negotiations are held"
        return True
    if re.match(r"(?:an?|the|its|their)\s", trig.text, re.I):
        before = re.sub(r"\bto\s+$", "", before)  # "a response to a U.S. proposal ..."
    if trig.type in (EventType.AGREEMENT, EventType.REJECTION, EventType.PROPOSAL,
                     EventType.REQUEST, EventType.CEASEFIRE) and is_hypothetical(
        before[:trig.head] if 0 <= trig.head < trig.start else before
    ) and not (dated and re.search(r"\b(?:may|might|could)\s+(?:well\s+|also\s+)?$", before)
               ) and not (trig.type == EventType.CEASEFIRE and _TAKES_EFFECT.match(
                   text[trig.end:])):  # "agreed to stop all firing with effect from 5 p.m."
        # "may sign the accord on Saturday" is a plan with its day, not a hypothesis
        return True
    if not trig.speech and re.search(r"\b(?:would|could|might)\s+(?:\w+\s+)?$", before) and (
            _CONDITION.match(text[trig.end:])):
        return True  # "Tehran would accept the deal if its demands were met": a condition
    if not trig.speech and _SUBORDINATE_TIME.search(before[-40:]) and (
        before.rstrip().lower().split()[-3:].count("until") or not _PAST_FORM.match(trig.text)
    ):  # "when we meet in person", "until he met Putin himself": a condition, not an event
        return True
    talks_next = _AGREED_TO_TALK.match(text[trig.end:])
    if trig.type == EventType.AGREEMENT and talks_next and _mutual(s, trig):
        return True  # "the two sides agreed to meet": the meeting is the event, planned
    if trig.mutual and not talks_next and not _mutual(s, trig):
        return True  # "Hamas agreed to send a delegation": one party's decision; but
        # "Pyongyang agreed on Friday to hold talks" accepts an offer of talks
    if trig.type == EventType.MEETING and (trig.noun or re.match(
            r"(?:talks|negotiations|discussions|meetings)\b", trig.text, re.I)) and (
            _PERIOD_OF.search(before[-60:])):
        return True  # "after months of negotiations": a period, not an occasion
    if trig.type == EventType.MEETING and re.match(r"(?:spoke|speak|speaks|speaking|talked|talk)"
                                                  r"\s+to$", trig.text, re.I):
        listener = [m for m, r in zip(s.mentions, s.rel, strict=True)
                    if trig.end <= r[0] <= trig.end + 25]
        if not listener or listener[0].media:
            return True  # "Speaking to Al Jazeera on Friday, the minister said": an interview
    if trig.type == EventType.MEETING and trig.noun and re.search(
        r"\b(?:chair\w*|head|president|secretary|host|members?)\s+of\s+(?:the\s+|its\s+"
        r"|their\s+)?(?:[\w'’-]+\s+){0,3}$", before[-60:], re.I
    ):
        return True  # "the Chairman of its Foreign Ministers' meeting": an office
    if (not trig.noun and trig.text.lower().endswith("ing")
            and re.search(r"\b(?:in|of|on|about|at|from|toward|towards|by)\s+$", before)):
        return True  # "taking the lead in mediating between": a role, not an occasion
    return trig.type == EventType.REQUEST and _no_request(s, trig)


def _mutual(s: _Sentence, trig: Trigger) -> bool:
    """The clause before the verb names two parties or more ("Iran and Saudi Arabia have
    agreed", "the two sides agreed", "it was agreed")."""
    clause = re.split(r"[;:]|,\s(?!and\s)", s.text[:trig.start])[-1]
    if re.search(r"\b(?:what|which)\b", clause, re.I):
        return False  # "what Hamas agreed to is identical to ..."
    if re.search(r"\b(?:both|two|sides|parties|groups|delegations|it\s+(?:was|has\s+been)"
                 r"|they|leaders|governments|countries)\b", clause, re.I):
        return True
    start = trig.start - len(clause)
    sides = {m.affiliation if m.kind == ActorKind.PERSON and m.affiliation else m.name
             for m, r in zip(s.mentions, s.rel, strict=True)
             if r[0] >= start and r[1] <= trig.start and not m.media}
    return len(sides) >= 2


_PERIOD_OF = re.compile(
    r"\b(?:(?:\w+\s+)?(?:months|years|decades)|(?<!\d\s)(?<![a-z]\s)weeks)\s+of\s+"
    r"(?:[\w-]+\s+){0,3}$", re.I)
_DOCUMENT = re.compile(
    r"\b(?:draft|communiqu[eé]|resolution|text|statement|declaration|document|agreement|deal"
    r"|plan|proposal|letter|report|law|bill|framework|consensus|accord|road ?map|charter|treaty"
    r"|memorandum|protocol)s?\b", re.I)
_CALLS_NOUN = re.compile(
    r"\b(?:despite|amid|repeated|growing|renewed|international|several|many|numerous|recent"
    r"|fresh|new|urgent|the|their|its|his|her|these|those|such|of|to|with)\s+$", re.I)
_CROWD = re.compile(
    r"\s+(?:the\s+)?(?:public|people|population|citizens|residents|media|journalists|everyone"
    r"|supporters|voters|nation|faithful|youth)\b", re.I)


def _no_request(s: _Sentence, trig: Trigger) -> bool:
    """Words of asking that are no request by a party on an occasion: "for comment", a
    document that "calls for", the noun in "repeated calls for", "Asked whether ...", "urged
    the public", "the invitation", "called a meeting"."""
    text, before = s.text, s.text[:trig.start]
    word = trig.text.lower()
    after = text[trig.end:]
    if re.search(r"\bfor comment\b", after[:30]) or trig.start == 0 and word == "asked":
        return True
    if word.startswith("calls") and _CALLS_NOUN.search(before[-30:]):
        return True
    if word.startswith("invitation") and re.search(
            r"\b(?:the|this|that|his|her|their|its)\s+(?:\w+\s+)?$", before[-30:], re.I):
        return True
    if _CROWD.match(after):
        return True
    q = in_spans(trig.start, s.quotes)
    if q is not None and re.match(r"[,.]?[”\"]?,?\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?"
                                  r"(?:communiqu[eé]|declaration|text|document|draft|resolution"
                                  r"|agreement)\b", text[q[1] - 2:], re.I):
        return True  # "“We call on all parties ...,” the draft communique states"
    if word.startswith("call") and re.match(
        r"(?:\s+for)?(?:\s+[^.;]{0,40}?,)?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:meeting|summit"
        r"|talks|session|conference|round)\b", after
    ):
        return True  # "called for Monday, February 27, a high-level meeting": the meeting
    # "A draft of the final text calls for ...": the subject is a document, not a party
    pieces = re.split(r"[;:]|,\s", before)
    clause = pieces[-1]
    if len(pieces) > 1 and re.match(r"\s*(?:which|that)\b", clause):
        clause = pieces[-2] + ", " + clause  # "Resolution 2510, which called on both parties"
    start = trig.start - len(clause)
    own = [r[1] for m, r in zip(s.mentions, s.rel, strict=True)
           if r[0] >= start and r[1] <= trig.start and not m.media]
    docs = [start + d.end() for d in _DOCUMENT.finditer(clause)]
    # the document comes after any party named in the clause: "Security Council Resolution
    # 2510, which called on both parties"
    return bool(docs) and (not own or docs[-1] > own[-1])


_JOINT = re.compile(r"\bjoint\s+(?:statement|declaration|communiqu[eé])\b", re.I)
_MODAL = re.compile(
    r"\b(?:would|could|might|may|push\w*\s+for|seek\w*|aim\w*|hop(?:e|es|ed|ing)|want\w*"
    r"|efforts?\s+to|bid\s+to)\b", re.I)
_SUBORDINATE_TIME = re.compile(
    # ", when ..." after a time ("in January, when a truce took hold") tells what happened
    r"(?<![,;]\s)\b(?:when|once|unless|until)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:can|could|will|would|finally|eventually)\s+)?$", re.I)
_PAST_FORM = re.compile(r"(?:\w+ed|met|held|spoke|signed|took|made|gave|sat|began)\b", re.I)
_AGREED_TO_TALK = re.compile(
    r"(?:\s+on\s+\w+)?\s+to\s+(?:meet|talk|negotiate|(?:hold|resume|open|start|begin)\s+"
    r"(?:[\w-]+\s+){0,2}(?:talks|dialogue|negotiations|meeting|discussions))\b")


def _between_sides(s: _Sentence, trig: Trigger) -> bool:
    """A statement with no negotiation word still states a position when what is said names
    another party: "Mujahid said Afghanistan wanted good relations with Pakistan"."""
    if _COMBAT.search(s.text):
        return False  # battlefield claims are not positions on the negotiation
    sides: set[str] = set()
    after = False
    for m, r in zip(s.mentions, s.rel, strict=True):
        if m.media:
            continue
        side = m.affiliation if m.kind == ActorKind.PERSON else m.name
        if side is None:
            continue
        sides.add(side)
        after = after or (r[0] >= trig.end and m.kind != ActorKind.PERSON)
    return after and len(sides) >= 2


_GOVERNED_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|(?:is|are)\s+(?:set|due|scheduled|expected|slated|going)\s+to)\s+"
    r"(?:\w+\s+)?(?:host|hold|attend|chair|convene|join|open|lead|head|co-?chair|take\s+part"
    r"|participate|travel|fly|go|address|discuss|sign|review|present|meet)\b"
    r"(?:(?![.;:]|\b(?:which|who|where|that|after|before|while|but|said|says)\b).){0,200}$",
    re.I)


def _own_clause(before: str) -> str:
    """The text before a trigger back to the start of its clause (a relative clause or a new
    sentence part is another clause)."""
    cut = max((m.end() for m in re.finditer(
        r"[;:]|,\s+(?:which|who|where|that|after|before|while|but)\b", before)), default=0)
    return before[cut:]


def _status(s: _Sentence, trig: Trigger) -> Status:
    before = s.text[:trig.start]
    status = status_of(trig, s.text, s.sent.headline)
    if trig.noun and status == Status.OCCURRED and (
        _NOUN_FUTURE.match(s.text[trig.end:]) or _GOVERNED_FUTURE.search(_own_clause(before))
        and not re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:last|earlier|ago|yesterday)\b",
                         s.text[trig.end:])
    ):  # "Merkel will host the factions on Sunday at a peace summit in Berlin"
        return Status.PLANNED
    if re.search(r"\bto\s+$", before) or re.search(
            r"\bfor\s+(?:(?:a|an|the|new|fresh|further|more|another)\s+){0,2}$", before):
        # "flew to Doha to meet ...", "will travel to Cairo for talks": the purpose
        # shares the trip's status
        # ("met X in Doha to discuss ...": the same for talks held to discuss something)
        # ("held a meeting on Wednesday, with talks to begin on Saturday": another clause)
        earlier = [c for c in s.out if c.type in (EventType.VISIT, EventType.MEETING)
                   and c.trigger_start < trig.start
                   and not re.search(r"[;:]|,\s+(?:with|while|and|but)\b",
                                     s.text[c.trigger_start:trig.start])]
        if earlier:
            trip = earlier[-1]
            if trip.status == Status.OCCURRED and trip.type == EventType.VISIT and re.search(
                r"\b(?:is|are)\s+(?:now\s+)?$", s.text[:trip.trigger_start]
            ):  # "is flying to Libya on Thursday to meet Haftar": the trip is under way
                return Status.PLANNED
            return trip.status
        if not earlier and status == Status.OCCURRED and _PLANNED_TRIP.search(
                _own_clause(before)):
            return Status.PLANNED
    elif re.search(r"\band\s+$", before) and s.out and s.out[-1].trigger_start < trig.start:
        # "to travel to Qatar Friday and meet ...": coordinated verbs share a status
        return s.out[-1].status
    return status


# --- parties ------------------------------------------------------------------------


_CLAUSE_START = re.compile(r"[;:]|,\s+(?:while|but|whereas|although|though|and)\b"
                           r"|\b(?:while|whereas)\b")


def m_rel(s: _Sentence, m: Mention) -> tuple[int, int]:
    return m.start - s.sent.start, m.end - s.sent.start


def _subjects(s: _Sentence, i: int, trig: Trigger) -> tuple[list[Mention], bool]:
    """Mentions that act in the trigger's clause, and whether the clause has its own."""
    text = s.text
    prev_end = s.triggers[i - 1].end if i > 0 else 0
    subj = [
        m for m, r in zip(s.mentions, s.rel, strict=True)
        if prev_end <= r[0] and r[1] <= trig.start and not m.media
        and not in_spans(r[0], s.quotes)
        and not (i > 0 and re.search(r"\bwith\b|^\s*(?:the\s+)?$", text[prev_end:r[0]]))
        and not PREP_OBJECT.search(text[max(0, r[0] - 40):r[0]])
        and not _PARENTHETICAL.match(text[r[1]:])
    ]
    subj = [_envoy_of(s, m) or m for m in subj if not _is_envoys_principal(s, m) or m.affiliation]
    clause = max((m.end() for m in _CLAUSE_START.finditer(text[:trig.start])), default=0)
    if any(r[0] >= clause for r in (m_rel(s, m) for m in subj)):
        # "Russia and China expressed support, while the United States called on ...": the
        # clause's own subject
        subj = [m for m in subj if m_rel(s, m)[0] >= clause]
    own = bool(subj)
    closed = re.search(r",\s+(?:who|which)\s+[^,;]{3,80},\s*$", text[:trig.start])
    if closed and not own:
        # "Charles Michel, who initiated the meeting, met with ...": the subject is before
        prior = s.mentions_in(0, closed.start())
        if prior and closed.start() - (prior[-1].end - s.sent.start) <= 2:
            subj, own = [prior[-1]], True
    rel_who = re.search(r",\s+who\s+(?:\w+\s+)?$", text[:trig.start])
    if rel_who:
        prior = s.mentions_in(0, rel_who.start())
        if prior:
            last = prior[-1]
            subj = [m for m in prior if m.end == last.end or (
                m.kind == ActorKind.PERSON and last.end - m.end < 40)][-2:]
    if i > 0 and s.subj_of.get(i - 1) and not s.triggers[i - 1].speech and not (
            s.triggers[i - 1].noun) and re.search(r",?\s+and\s+(?:then\s+|also\s+|later\s+)?$",
                                                  text[:trig.start]) and not re.search(
            r"[;:]|\b(?:which|who|that|said|says)\b", text[prev_end:trig.start]):
        # "Grossi met Raisi and Amirabdollahian, and held talks with Eslami": the same subject
        subj, own = s.subj_of[i - 1], True
    if not subj and i > 0 and s.subj_of.get(i - 1) and not re.search(
        r"\b(?:which|who|whom|where|that|follows|followed|after|before|since|than)\b",
        text[prev_end:trig.start]
    ):  # "travel to Qatar Friday and meet ...", not "a summit, which follows a meeting"
        subj = s.subj_of[i - 1]
    if not subj:
        subj = s.mentions_in(0, trig.start)
        subj = subj[-2:] if trig.type != EventType.STATEMENT else subj
    s.subj_of[i] = subj
    return subj, own


# "The mediation, Makuei noted, had enabled media houses to return": the speaker of an
# inserted attribution is not the subject of the verb around it
_PARENTHETICAL = re.compile(
    r"\s+(?:also\s+)?(?:said|says|noted|added|explained|stressed|argued|insisted|recalled"
    r"|told\s+\w+|claimed|warned),")


_ENVOY = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:envoy|adviser|advisor|aide|negotiators?|team|delegation"
    r"|representative|emissary)\b"
)


def _is_envoys_principal(s: _Sentence, m: Mention) -> bool:
    """"Trump's envoy traveled ...": the traveller is not Trump."""
    return m.kind == ActorKind.PERSON and bool(_ENVOY.match(s.text[m.end - s.sent.start:]))


def _envoy_of(s: _Sentence, m: Mention) -> Mention | None:
    """For "X's envoy", the side X belongs to."""
    if not _is_envoys_principal(s, m) or not m.affiliation:
        return None
    entry = s.gaz.entries.get(m.affiliation)
    kind = entry.kind if entry else ActorKind.STATE
    return Mention(m.start, m.end, m.text, m.affiliation, kind,
                   entry.affiliation if entry else None, bool(entry and entry.mediator))


def _objects(s: _Sentence, i: int, trig: Trigger) -> list[Mention]:
    nxt = s.triggers[i + 1].start if i + 1 < len(s.triggers) else len(s.text)
    return [m for m, r in zip(s.mentions, s.rel, strict=True)
            if trig.end <= r[0] < max(nxt, trig.end + 60) and not m.media]


def _passive_agents(s: _Sentence, trig: Trigger) -> list[Mention]:
    """"The participation was confirmed by Vucic and Kurti": the speakers follow "by"."""
    if not re.search(r"\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+$",
                     s.text[:trig.start]) or not re.match(
            r"(?:confirmed|announced|denied|stated|declared)$", trig.text):
        return []
    by = re.match(r"\s+by\s+[^.;:,]*?(?=[.;:,]|$)", s.text[trig.end:])
    if not by:
        return []
    lo, hi = trig.end, trig.end + by.end()
    return s.mentions_in(lo, hi)


def _speech_parties(s: _Sentence, trig: Trigger, obj: list[Mention]) -> _Parties | None:
    agents = _passive_agents(s, trig)
    sp = agents[0] if agents else speaker(trig, s.sent, s.mentions, s.rel, s.quotes)
    if sp is None:
        return None
    p = _Parties(primary={sp.name}, own_subject=True, confidence=trig.strength)
    add_actor(p.actors, sp, Role.INITIATOR, s.gaz)
    joint = _JOINT.search(s.text)
    clause = len(re.split(r"[;:“”\"]|,\s", s.text[:trig.start])[-1])
    for m, r in zip(s.mentions, s.rel, strict=True):
        # "the two governments said in a joint declaration", "In a joint statement, the IAEA
        # and Iran's atomic energy organisation said": all of them speak
        if m.coref and m.start == sp.start and m is not sp or m in agents[1:] or (
                joint and not m.media and trig.start - clause <= r[0] < trig.start):
            add_actor(p.actors, m, Role.INITIATOR, s.gaz)
            p.primary.add(m.name)
    p.coref_speaker = sp.coref and sp.kind != ActorKind.PERSON
    if sp.affiliation:
        p.affiliations.add(sp.affiliation)
    seg = re.split(r"[,;:“”\"]\s", s.text[:trig.start])
    gap_text = seg[-1] if seg[-1].strip() else (seg[-2] if len(seg) > 1 else "")
    p.spokes = sp.kind != ActorKind.PERSON and bool(_SPOKES.search(gap_text))
    for m in obj:
        if m.kind != ActorKind.PERSON and re.search(
            r"\b(?:to|on|urged|with)\s+$", s.text[:m.start - s.sent.start]
        ):
            add_actor(p.actors, m, Role.COUNTERPART, s.gaz)
    if sp.coref:
        p.confidence -= 0.1
    return p


def _visit_parties(s: _Sentence, p: _Parties) -> None:
    text, off = s.text, s.sent.start
    p.subj = [m for m in p.subj if not m.demonym or not re.match(
        r"\s+(?:capital|territory|soil)\b", text[m.end - off:])] or p.subj
    for m in p.subj:
        add_actor(p.actors, m, Role.INITIATOR, s.gaz)
        p.primary |= {m.name} | ({m.affiliation} if m.affiliation else set())
    for m in p.obj:
        if re.search(r"\b(?:meet|with|and)\s+(?:\w+\s+){0,4}$",
                     text[max(0, m.start - off - 40):m.start - off]):
            add_actor(p.actors, m, Role.COUNTERPART, s.gaz)


def _own_occasion(s: _Sentence, trig: Trigger) -> bool:
    """"arrived in Geneva to take part in the talks scheduled for Wednesday": talks with a
    day of their own, apart from the trip's, are an occasion of their own."""
    i = next((k for k, t in enumerate(s.triggers) if t is trig), -1)
    own = s.owner.get(i)
    if own is None or own.t.interval is None:
        return False
    return all(s.owner.get(k) is not own for k, t in enumerate(s.triggers)
               if k != i and t.type == EventType.VISIT)


def _other_parties(s: _Sentence, trig: Trigger, p: _Parties) -> bool:
    """Parties of meetings, proposals, agreements...; False when the trigger is not an event."""
    text, off = s.text, s.sent.start
    if (trig.type == EventType.PROPOSAL and trig.noun) or (
        trig.type in (EventType.PROPOSAL, EventType.AGREEMENT)
        and re.search(r"\b(?:which|that)\b", trig.text)
    ):
        inside = s.mentions_in(trig.start, trig.end)  # "a Hamas offer", "proposal, which X ..."
        if not inside:
            return False
        p.subj, p.obj = inside[-1:], [m for m in p.obj if m not in inside]
    if trig.type == EventType.PROPOSAL and trig.text.lower().startswith("receiv"):
        giver = [m for m in p.obj if re.match(r"['’]s?\s", text[m.end - off:])]
        if giver:  # "Qatar received Hamas's response": Hamas proposes
            p.subj, p.obj = giver[:1], p.subj + [m for m in p.obj if m is not giver[0]]
    if trig.awaited:
        giver = [m for m in p.obj if re.search(r"\bfrom\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}$",
                                               text[trig.end:m.start - off])]
        if giver:  # "Lebanon expects an offer from the US mediator": the mediator proposes
            p.subj, p.obj = giver[:1], p.subj + [m for m in p.obj if m is not giver[0]]
    if trig.type == EventType.MEETING and any(c.type == EventType.VISIT for c in s.out) and not (
        # "travelled to Cairo on Monday and met Sisi": a second verb reports a second event
        not trig.noun and re.search(r"\band\s+(?:then\s+|later\s+|also\s+)?$",
                                    text[:trig.start])
    ) and not _own_occasion(s, trig) and not any(
        re.search(r"\bwith\s+(?:\w+\s+){0,4}$", text[trig.end:m.start - off])
        or (not trig.noun and re.search(r"\bto\s+$", text[:trig.start])
            and re.match(r"\s+(?:[\w-]+\s+){0,2}$", text[trig.end:m.start - off]))
        for m in p.obj
    ):
        # "arrived ... to take part in talks": the purpose of the trip; but "flew to Libya to
        # meet Haftar" reports a meeting too
        return False
    for m in p.subj:
        add_actor(p.actors, m, Role.INITIATOR, s.gaz)
    for m in p.obj:
        add_actor(p.actors, m, Role.COUNTERPART, s.gaz)
    if trig.type == EventType.MEETING:
        # everyone the sentence names takes part, unless it reports other meetings too
        # ("will host ... a summit in Berlin, which follows a meeting in Moscow")
        lo, hi = 0, len(text)
        for t in s.triggers:
            if t.type == EventType.MEETING and t is not trig:
                # between the two, a comma parts one meeting's clause from the other's
                if t.end <= trig.start:
                    lo = max(lo, t.end, text.rfind(",", t.end, trig.start))
                elif t.start >= trig.end:
                    comma = text.find(",", trig.end, t.start)
                    hi = min(hi, t.start, comma if comma >= 0 else t.start)
        for m, r in zip(s.mentions, s.rel, strict=True):
            if not m.media and lo <= r[0] < hi:
                add_actor(p.actors, m, Role.PARTICIPANT, s.gaz)
    head = p.subj[-1:] or p.obj[:1]
    p.primary = {head[0].name} if head else set()
    if head and head[0].affiliation:
        p.primary.add(head[0].affiliation)
    return True


# "European leaders who visited Kyiv ...": a subject of its own, only not one we know, takes
# no party from the sentences before
_OWN_NOUN_SUBJECT = re.compile(
    r"(?:(?:The|A|An)\s+)?"
    r"(?!(?:The|These|Those|Both|Its|Their|His|Her|Our|Two|Three|All|Some)\b)"
    r"(?-i:[A-Z][a-z]+)\s+(?:[a-z]+\s+)?(?:leaders|leadership|officials|ministers|diplomats"
    r"|envoys|delegations|negotiators|mediators|governments|government|authorities|authority"
    r"|countries|states|powers|lawmakers|movement|faction|factions)\b")


# "The truce, announced by Egypt's foreign ministry, came into force", "a truce proposed
# jointly by Russia and Turkey that began Sunday": who put the truce forward
_AGENT_BY = re.compile(
    r"\b(?:proposed|announced|brokered|mediated|negotiated|sponsored|drafted|declared"
    r"|put\s+forward)\s+(?:\w+\s+)?by\s+[^,;:]+", re.I)


def _truce_brokers(s: _Sentence, trig: Trigger, p: _Parties) -> list[Mention]:
    """The parties that put a truce forward, named only after "by" between the truce and
    what it does; they are its mediators, and its sides are the parties named before it in
    the sentence or, failing those, the last sentence's."""
    noun = trig.head if 0 <= trig.head < trig.start else trig.start
    spans = [m.span() for m in _AGENT_BY.finditer(s.text, noun, trig.start)]
    if not spans or not p.subj:
        return []
    brokers = [m for m in p.subj if any(a <= m_rel(s, m)[0] < b for a, b in spans)]
    if len(brokers) != len(p.subj):
        return []
    names = {m.name for m in brokers}
    sides = [m for m in s.mentions_in(0, noun) if m.name not in names] or [
        m for m in s.last_primary if m.name not in names]
    if not sides:
        return []
    p.subj = brokers + sides
    return brokers


def _parties(s: _Sentence, i: int, trig: Trigger) -> _Parties | None:
    subj, own = _subjects(s, i, trig)
    obj = _objects(s, i, trig)
    if trig.speech:
        p = _speech_parties(s, trig, obj)
    else:
        p = _Parties(subj=subj, obj=obj, own_subject=own, confidence=trig.strength)
        if not p.subj and not p.obj and s.last_primary and not _OWN_NOUN_SUBJECT.match(
                s.text[:trig.start]):
            p.subj = s.last_primary[-1:]
            p.confidence -= 0.15 if trig.type != EventType.VISIT else 0.2
        if not p.subj and not p.obj:
            real = [m for m in s.mentions if not m.media]
            if trig.type not in (EventType.MEETING, EventType.CEASEFIRE) or not real:
                return None
            p.obj = real
        brokers = _truce_brokers(s, trig, p) if trig.type == EventType.CEASEFIRE else []
        if trig.type == EventType.VISIT:
            _visit_parties(s, p)
        elif not _other_parties(s, trig, p):
            return None
        for m in brokers:
            p.actors[m.name] = ActorRef(name=m.name, kind=m.kind, role=Role.MEDIATOR)
    if p is None:
        return None
    if _MEDIATION.search(s.text):
        for m in s.mentions:
            if m.mediator and m.name in p.actors:
                p.actors[m.name] = ActorRef(name=m.name, kind=m.kind, role=Role.MEDIATOR)
    return p if p.actors else None


# --- place and date -------------------------------------------------------------------


_HERE_ARRIVAL = re.compile(
    r"(?:flew|flown|flies|flying|arrived|arrives)\s+in\b(?!\s+(?:the\s+)?(?-i:[A-Z]))"
    r"|(?:arrived|arrives)(?=\s*[.;,]|\s+(?:on|late|early|yesterday|today|overnight|last"
    r"|this|that|hours|shortly|(?:on\s+)?(?-i:[A-Z])[a-z]+day)\b)", re.I)


def _places(
    s: _Sentence, i: int, trig: Trigger, p: _Parties
) -> list[Place | None] | None:
    """Destinations of a visit (one event each), the place of a meeting; None: no event."""
    limit = min(len(s.text), trig.end + 140)
    if trig.type == EventType.MEETING:
        # "will meet on Tuesday, and a meeting ... will be held in Cambodia": not this one's
        limit = min([limit] + [t.start for t in s.triggers[i + 1:]
                               if t.type == EventType.MEETING])
    if trig.type == EventType.VISIT:
        # a trip goes abroad, but a return home ("returned to Kabul", "reached Kabul on
        # Sunday night" after talks in Doha) is the end of one
        home = bool(_HOME_VERB.match(trig.text))
        # ... of a traveller whose country is known from who he is, not named as a traveller
        own = {m.name for m in p.subj if m.kind != ActorKind.PERSON and not re.match(
            r"['’]s?\s", s.text[m.end - s.sent.start:])} if home else {
            a.name for a in p.actors.values() if a.role == Role.INITIATOR}
        dests = [d for d in visit_places(trig, s.sent, s.places, limit)
                 if d.place.country not in own and d.place.name not in own]
        away = p.primary | {a.name for a in p.actors.values() if a.role == Role.INITIATOR}
        if not dests and s.dateline is not None and _HERE_ARRIVAL.match(s.text, trig.start) and (
                s.dateline.country not in away):
            # "Kerry flew in on Saturday", "Annan arrived on 22 January", under a GENEVA
            # dateline: came here, where the report is filed
            return [s.dateline]
        if not dests:
            return None
        if all(d.place.population < 0 for d in dests) and i not in s.owner and re.match(
            r"(?:visit|trip|tour|stopover)", trig.text, re.I
        ):
            return None
        return [d.place for d in dests]
    if trig.type == EventType.MEETING:
        hit = meeting_place(trig, s.sent, s.places, min(limit, trig.end + 100) if trig.noun
                            else limit)
        local = s.text[max(0, trig.start - 30): trig.end + 50]
        anchored = bool(_ANCHOR.search(local)) and not re.search(r"\bheld by\b", local) or bool(
            # "after four days of talks", "a two-day meeting": a counted occasion
            re.search(r"\b(?:two|three|four|five|six|seven|\d+)(?:\s+days?\s+of|-day)\s+"
                      r"(?:[\w-]+\s+){0,2}$", s.text[:trig.start]))
        if trig.noun and not (hit or i in s.owner or anchored):
            return None
        if (trig.noun or re.fullmatch(r"meetings?|talks|summit|negotiations", trig.text, re.I)
                ) and (re.match(
                r"[^.;,]{0,40}?\b(?:is|was|are|were|seems?|seemed|looks?|looked)\s+(?:\w+\s+)?"
                r"(?:unlikely|likely|possible|impossible|premature|doubtful|uncertain)\b",
                s.text[trig.end:]) or re.search(r"\bsuch\s+(?:a\s+|an\s+)?$",
                                               s.text[:trig.start])):
            return None  # "such a meeting was unlikely in the near future": no occasion
        if trig.noun and re.match(r"[^.;,]{0,40}?\b(?:would|could|might|may)\b",
                                  s.text[trig.end:]) and not (
                _REPORTED_FUTURE.match(s.text[trig.end:])
                and _SPEECH_BEFORE.search(s.text[:trig.start])):
            return None
        if hit is None:
            hit = _fronted_place(s)
        return [hit.place if hit and hit.place.population >= 0 else None]
    if trig.noun and i not in s.owner:
        return None
    reach = 100 if trig.type == EventType.AGREEMENT else 40
    if trig.type == EventType.AGREEMENT and re.match(r"(?:signed|initial|inked)", trig.text):
        # "was signed by X, deputy head of Y, and by Z of W at a hotel in Khartoum": a list of
        # signatories does not end the signing's clause
        end = re.search(r"[;:]|,\s+(?:which|who|where|while|but|after|before)\b|\b(?:said|says)\b",
                        s.text[trig.end:])
        reach = max(reach, min(220, end.start() if end else len(s.text) - trig.end))
    sides = frozenset(n for m in s.mentions if not m.media
                      for n in (m.name, m.affiliation) if n) if trig.type in (
        EventType.AGREEMENT, EventType.CEASEFIRE) else frozenset()
    # "agreed on Friday to hold a dialogue in Panmunjom": the dialogue's place
    following = [t.start for t in s.triggers[i + 1:] if t.type in (EventType.MEETING,
                                                                    EventType.VISIT)]
    hit = meeting_place(trig, s.sent, s.places,
                        min([len(s.text), trig.end + reach] + following), sides)
    if hit and hit.place.population >= 0 and hit.start - s.sent.start > trig.start:
        return [hit.place]  # "the proposal, which the envoy presented in Doha"
    return [None]


def _fronted_place(s: _Sentence) -> PlaceHit | None:
    """"In Geneva on Sunday, X met Y": a place fronted before the first comma."""
    head = re.match(r"(?:In|At)\s+(?:the\s+)?[^,;]{2,60},\s", s.text)
    if not head:
        return None
    hits = [h for h in s.places if h.start - s.sent.start < head.end()
            and h.place.population >= 0]
    return hits[0] if hits else None


def _dates(
    s: _Sentence, i: int, trig: Trigger, status: Status, own: TimeSlot | None = None
) -> tuple[tuple[date, date], Precision, str, Status]:
    speech = [k for k in range(i) if s.triggers[k].speech and k in s.owner] or [
        k for k in range(i + 1, len(s.triggers)) if s.triggers[k].speech and k in s.owner][:1]
    own = own or s.owner.get(i)
    if trig.speech and own is not None and own.t.interval is not None and (
        own.t.interval[0] > s.dct and not _FUTURE_SPEECH.search(s.text[:trig.start][-40:])
    ):
        own = None  # "said he would speak ... in the coming days": the talk is later
    interval, precision, text = interval_of(
        trig, status, own, s.slots, s.sent, s.dct,
        [v for k, v in s.owner.items() if k != i],
        s.owner[speech[-1]] if speech else None,
    )
    dct = s.dct
    if status == Status.OCCURRED and interval[0] > dct:
        status = Status.PLANNED
    if status == Status.OCCURRED and interval[0] <= dct < interval[1]:
        interval = (interval[0], dct)  # what happened happened by the publication date
    elif status == Status.PLANNED and interval[0] < dct <= interval[1]:
        interval = (dct, interval[1])
    return interval, precision, text, status


_HOME_VERB = re.compile(r"(?:return|came back|come back|arriv|reach|land)", re.I)


def _homecoming(trig: Trigger, loc: Place | None, acts: dict[str, ActorRef]) -> bool:
    """"Abdullah returned to Kabul": the end of a trip, which, like a departure, is no venue
    for the talks reported around it."""
    if trig.type != EventType.VISIT or loc is None or not _HOME_VERB.match(trig.text):
        return False
    home = acts.get(loc.country or loc.name)
    return home is not None and home.role == Role.INITIATOR


def _actor_groups(
    s: _Sentence, trig: Trigger, p: _Parties
) -> list[tuple[dict[str, ActorRef], Mention | None]]:
    """"X met separately with A and B", "will hold separate meetings with A and B": one
    meeting per counterpart (with the counterpart it is for)."""
    text = s.text
    separate = re.match(r"[^.;:,]{0,60}?\bseparately\b", text[trig.end:]) or re.search(
        r"\bseparate(?:ly)?\b", trig.text + " " + text[max(0, trig.start - 12):trig.start])
    if trig.type != EventType.MEETING or not separate:
        return [(p.actors, None)]
    counter = [m for m in p.obj if not m.media
               and not any(o.kind == ActorKind.PERSON and o.affiliation == m.name for o in p.obj)]
    named = [m for m in counter if not m.coref]
    if len({m.name for m in named}) >= 2:
        counter = named  # "the two leaders separately, Christodoulides on Friday and Tatar"
    counter = [m for k, m in enumerate(counter) if m.name not in {c.name for c in counter[:k]}]
    if len(counter) < 2:
        return [(p.actors, None)]
    groups: list[tuple[dict[str, ActorRef], Mention | None]] = []
    for m in counter:
        g = {k: v for k, v in p.actors.items() if v.role not in (Role.COUNTERPART,
                                                                 Role.PARTICIPANT)}
        add_actor(g, m, Role.COUNTERPART, s.gaz)
        groups.append((g, m))
    return groups


def _own_day(s: _Sentence, m: Mention | None) -> TimeSlot | None:
    """"..., Christodoulides on Friday and Tatar on Saturday": the date right after a
    counterpart is the date of the meeting with that counterpart."""
    if m is None:
        return None
    end = m.end - s.sent.start
    for slot in s.slots:
        if 0 <= slot.rel_start - end <= 12 and re.fullmatch(
                r"\s*(?:on|in|at)?\s*", s.text[end:slot.rel_start]):
            return slot
    return None


# --- assembly -----------------------------------------------------------------------


def _candidates(s: _Sentence, i: int, trig: Trigger) -> list[Candidate]:
    status = _status(s, trig)
    p = _parties(s, i, trig)
    if p is None:
        return []
    places = _places(s, i, trig, p)
    if places is None:
        return []
    interval, precision, date_text, status = _dates(s, i, trig, status)
    confidence = p.confidence - (0.1 if precision == Precision.UNKNOWN else 0.0)
    noun_at = trig.head if 0 <= trig.head < trig.start else trig.start
    anaphoric = bool(trig.noun and re.search(r"\b(?:this|these)\s+(?:\w+\s+){0,3}$",
                                             s.text[:trig.start][-40:], re.I)) or bool(
        # "The meeting at the palace lasted an hour": the occasion already reported
        (trig.noun or trig.text.lower().startswith("meeting") or 0 <= trig.head < trig.start)
        and trig.type == EventType.MEETING and not p.own_subject
        and (re.fullmatch(r"The\s+(?:[a-z-]+\s+){0,2}", s.text[:noun_at])
             # "At the end of the meeting, ...", "during the talks", "said that the
             # negotiations had ended"
             or re.search(r"\b(?:of|during|at|after|before|in|that)\s+the\s+$",
                          s.text[:noun_at]))
        and precision == Precision.UNKNOWN
    ) or bool(
        # "Griffiths, who convened the consultations, will meet ...": the talks reported
        trig.type == EventType.MEETING and precision == Precision.UNKNOWN
        and re.search(r",\s+(?:who|which)\s+(?:\w+\s+)?$", s.text[:trig.start])
        and re.match(r"\w+\s+the\s+(?:[\w-]+\s+){0,2}?(?:talks|consultations|negotiations"
                     r"|meeting|summit|conference|round|dialogue)\b", s.text[trig.start:])
    )
    out = []
    groups = _actor_groups(s, trig, p)
    for loc in places:
        for group, counterpart in groups:
            acts = dict(group)
            day = _own_day(s, counterpart)
            if day is not None:
                interval, precision, date_text, status = _dates(s, i, trig, status, day)
            if loc is not None and loc.population >= 0 and trig.type in (
                EventType.VISIT, EventType.MEETING
            ):
                host = s.gaz.entries.get(loc.country)
                if host is not None and host.name not in acts and host.name not in p.primary:
                    acts[host.name] = ActorRef(name=host.name, kind=host.kind, role=Role.HOST)
            out.append(Candidate(
                type=trig.type, status=status, interval=interval, precision=precision,
                date_text=date_text, actors=list(acts.values()),
                primary=set(p.primary) or set(acts), location=loc, evidence=s.sent,
                confidence=max(0.05, min(0.99, confidence)), headline=s.sent.headline,
                departure=trig.departure or _homecoming(trig, loc, acts),
                flexible_status=s.sent.headline,
                anaphoric=anaphoric, spokes=p.spokes, affiliations=set(p.affiliations),
                trigger_start=trig.start, has_subject=p.own_subject or trig.speech,
                sent_idx=s.sent_idx, coref_speaker=p.coref_speaker, trigger_text=trig.text,
                separate=len(groups) > 1,
            ))
    return out


def assemble(
    sent: Sentence,
    triggers: list[Trigger],
    mentions: list[Mention],
    places: list[PlaceHit],
    slots: list[TimeSlot],
    dct: date,
    gaz: Gazetteer,
    default_place: Place | None,
    last_primary: list[Mention],
    sent_idx: int = 0,
    topical: bool = False,
) -> list[Candidate]:
    """The candidate events of one sentence."""
    quotes = quote_spans(sent.text)
    s = _Sentence(
        sent=sent, triggers=triggers, mentions=mentions,
        rel=[(m.start - sent.start, m.end - sent.start) for m in mentions],
        places=places, slots=slots, quotes=quotes,
        owner=assign_times(sent, triggers, slots, quotes), dct=dct, gaz=gaz,
        last_primary=last_primary, sent_idx=sent_idx, dateline=default_place, topical=topical,
    )
    dropped = set()
    for i, trig in enumerate(triggers):
        own = s.owner.get(i)
        if _reports_no_occasion(s, trig, own is not None and _to_the_day(own)):
            dropped.add(i)
    for i in sorted(dropped & set(s.owner)):
        # "Borrell called for Monday, February 27, a high-level meeting": the date of words
        # that convene talks is the talks'
        slot = s.owner[i]
        for j in range(i + 1, len(triggers)):
            t = triggers[j]
            if (j not in dropped and j not in s.owner and t.noun and t.type == EventType.MEETING
                    and 0 < t.start - slot.rel_end <= 60
                    and not re.search(r"[;.]", sent.text[slot.rel_end:t.start])):
                s.owner[j] = slot
                break
    for i, trig in enumerate(triggers):
        if i not in dropped:
            s.out += _candidates(s, i, trig)
    dest = next((c.location for c in s.out if c.type == EventType.VISIT and c.location
                 and c.location.population >= 0), None)
    dated = [c for c in s.out if c.status == Status.OCCURRED and c.precision == Precision.DAY
             and c.type != EventType.STATEMENT]
    talks = [c for c in dated if c.type == EventType.MEETING]
    for c in s.out:
        said_to = [t for t in talks if c.type == EventType.STATEMENT and re.fullmatch(
            r"\w+\s+(?:[\w.'’-]+\s+){0,3}", sent.text[c.trigger_start:t.trigger_start])]
        if said_to:
            # "Milosevic told U.S. envoy Holbrooke in Belgrade on Wednesday that ...": said
            # at the meeting, on its day and in its place
            c.interval, c.precision, c.date_text = (said_to[0].interval, said_to[0].precision,
                                                    said_to[0].date_text)
            c.location = c.location or said_to[0].location
    for c in s.out:
        if c.status != Status.OCCURRED or c.date_text or c.precision != Precision.UNKNOWN:
            continue
        if c.type == EventType.MEETING and len(dated) == 1:
            # "X and Y agreed on Monday ..., but their talks in Istanbul made no progress"
            c.interval, c.precision, c.date_text = (dated[0].interval, dated[0].precision,
                                                    dated[0].date_text)
        elif c.type in (EventType.AGREEMENT, EventType.PROPOSAL, EventType.REJECTION,
                        EventType.REQUEST) and len(talks) == 1 and (
                talks[0].trigger_start < c.trigger_start):
            # "At the meeting held in Sofia on May 17, the two leaders agreed ...": what was
            # done at the talks was done on their day
            c.interval, c.precision, c.date_text = (talks[0].interval, talks[0].precision,
                                                    talks[0].date_text)
    for c in s.out:
        if c.type == EventType.MEETING and c.location is None:
            c.location = dest  # "arrived in Cairo for talks with ...": the talks are there
    entry = CHRONOLOGY.match(sent.text)
    lead = next((h.place for h in places if entry and entry.start("place") >= 0
                 and h.start - sent.start == entry.start("place") and h.place.population >= 0),
                None)
    for c in s.out:
        # "- July 20, 2002, Machakos: the two sides agree ...": there, on that day
        if lead is not None and entry is not None and c.location is None and c.type in (
                EventType.MEETING, EventType.AGREEMENT) and c.date_text == entry.group("date"):
            c.location = lead
    return fold_statements(s.out)


def fold_statements(cands: list[Candidate]) -> list[Candidate]:
    """A rejection or request voiced in a statement is that statement (one per occasion)."""
    speeches = [c for c in cands if c.type == EventType.STATEMENT]
    if not speeches:
        return cands
    out: list[Candidate] = []
    for c in cands:
        host = None
        if c.type in (EventType.REJECTION, EventType.REQUEST) or (
            c.type == EventType.PROPOSAL and c.status == Status.PLANNED
        ):
            for sp in speeches:
                same = bool(c.primary & (sp.primary | sp.affiliations))
                if same or (sp.trigger_start < c.trigger_start and (
                    not c.has_subject or _ADJ_REJECT.match(c.trigger_text)
                )):
                    host = sp
                    break
        if host is None:
            out.append(c)
            continue
        names = {a.name for a in host.actors}
        host.actors += [a for a in c.actors if a.name not in names]
        if host.precision == Precision.UNKNOWN and c.precision != Precision.UNKNOWN and (
            c.status == Status.OCCURRED
        ):
            host.interval, host.precision, host.date_text = c.interval, c.precision, c.date_text
    return out
