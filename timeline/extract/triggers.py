"""Stage 3: event triggers — the words that make a sentence report a negotiation step.

Each trigger names a type (EVENTS.md) and a few flags the later stages use: ``noun`` (needs an
anchor: a place, a date or an eventive verb), ``speech`` (a statement verb), ``needs_place``
(visits need somewhere to go), ``needs_object`` (proposal/agreement words need a deal noun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from timeline.extract.text import CHRONOLOGY
from timeline.vocab import EventType, Status

__all__ = ["Trigger", "find_triggers", "is_hypothetical", "is_negated", "mask_abbreviations",
           "status_of"]


@dataclass(frozen=True, slots=True)
class Trigger:
    type: EventType
    start: int
    end: int
    text: str
    noun: bool = False
    speech: bool = False
    needs_place: bool = False
    departure: bool = False
    walkout: bool = False
    awaited: bool = False
    mutual: bool = False
    """An agreement only when its subject is two parties or more."""
    passive: bool = False
    """The other party follows "by" ("was received by the prime minister")."""
    modal: bool = False
    """Dropped when the sentence before it is conditional or aimed at ("a deal that would
    ..., extend the ceasefire")."""
    strength: float = 0.7
    head: int = -1
    """Where the words that make the trigger begin, when before ``start`` ("the truce ...
    took effect": the trigger is the verb, the head the noun)."""


_DEAL = (
    r"(?:proposal|proposals|offer|plan|response|reply|draft|counter-?proposal|framework"
    r"|initiative|roadmap|terms|deal|agreement|accord|truce|cease-?fire|pause|extension"
    r"|exchange|swap|memorandum|settlement|understanding|arrangement|declaration|treaty|pact"
    r"|protocol|communiqu[eé]|cessation of hostilities|cessation|normali[sz]ation|armistice"
    r"|documents?|joint statement|road ?map|protocols|charter|text)"
)

_OFFER = (
    r"(?:proposal|proposals|offer|plan|response|reply|draft|counter-?proposal|framework"
    r"|initiative|roadmap|ideas|vision|amendments|suggestions|memorandum|list"
    # "put forward the final text", "presented a compromise text"
    r"|(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?text)"
)

_CEASE = r"(?:cease-?fire|truce|pause|armistice)"
_CEASE_NOUN = (
    r"\b(?P<n>cease-?fires?|truces?|armistice|pause|lull|cessation of hostilities)\b"
    # "ceasefire talks began" is a meeting, "the truce proposal" a proposal
    r"(?!\s+(?:talks|negotiations|discussions|proposals?|plans?|efforts?|bid|push|mediators?"
    r"|framework|draft|terms|offer|calls?|demands?)\b)"
)
# what a ceasefire does (EVENTS.md: takes effect, is extended, paused or collapses)
_CEASE_VERB = (
    r"(?:t[ao]ke?s?n?\s+effect|took\s+effect|taking\s+effect|(?:come|comes|came|coming|enter"
    r"|enters|entered|entering|go|goes|went|going|put)\s+into\s+(?:force|effect)"
    r"|t(?:ook|akes?|aking)\s+hold|beg[iau]n(?:s|ning)?|start(?:s|ed|ing)?"
    r"|collaps(?:e|ed|es|ing)|broke\s+down|break(?:s|ing)?\s+down|ended|expir(?:e|ed|es|ing)"
    r"|renewed|extended|prolonged|with\s+effect\s+from"
    r"|(?:was|were|has\s+been|had\s+been|is)\s+(?:announced|declared|agreed))"
)
_TALK_NOUNS = ("talks", "negotiations", "discussions", "meeting", "summit", "consultations",
               "conference")


def _rule(
    etype: EventType, *parts: str, keys: tuple[str, ...] = (), **flags: object
) -> tuple[EventType, str, dict[str, object]]:
    """One trigger rule: the pattern (parts are concatenated), prefilter keys and flags."""
    return etype, "".join(parts), {**flags, "keys": keys}


_RULES: list[tuple[EventType, str, dict[str, object]]] = [
    # "The FARC called a unilateral ceasefire", "declared a truce"
    _rule(EventType.CEASEFIRE,
          r"\b(?:call(?:s|ed)?|declar(?:e|es|ed)|announc(?:e|es|ed))\s+(?:a|an)\s+"
          r"(?:[\w-]+\s+){0,2}?" + _CEASE + r"\b",
          keys=("ceasefire", "cease-fire", "truce", "armistice", "pause"), strength=0.75),
    # "Kiir was received by the Ethiopian prime minister", "paid a courtesy visit to Bashir's
    # delegation": the people met, not a place, follow
    _rule(EventType.MEETING,
          r"\b(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:received|greeted|welcomed"
          r"|hosted)(?=\s+by\b)",
          keys=("received", "greeted", "welcomed", "hosted"), passive=True, strength=0.8),
    _rule(EventType.MEETING,
          r"\bpa(?:id|ys|ying)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:visit|call)\s+(?:to|on)\b"
          r"(?=\s+(?:the|a|an|his|her|their|its)\s|\s+(?-i:[A-Z])[\w.'’-]+['’]s?\s)",
          keys=("paid", "pays", "paying"), strength=0.75),
    # --- visits ---------------------------------------------------------------------
    _rule(EventType.VISIT,
          r"\b(?:arriv(?:e|es|ed|ing|al)|land(?:s|ed|ing)?\s+in|touch(?:ed|es)? down"
          r"|reach(?:es|ed)?(?=\s+(?-i:[A-Z])))\b",
          keys=("arriv", "land", "touch", "reach"), needs_place=True, strength=0.85),
    _rule(EventType.VISIT,
          r"\b(?:travel(?:s|ed|led|ing|ling)?|fl(?:y|ies|ew|own|ying)|head(?:s|ed|ing)?",
          r"|go(?:es|ing)?|went|return(?:s|ed|ing)?|(?:came|come|coming) back|jet(?:s|ted)?",
          r"|en route|make (?:a|his|her) way)",
          r"(?=\s+(?:\w+\s+){0,3}?(?:to|into|for|from|home)\b)",
          # "who came to Nairobi on 18 February": a place must follow (not "came to power")
          r"|\b(?:came|comes|coming)(?=\s+to\s)",
          # "flew in that evening": here, where the report is filed
          r"|\bfl(?:ew|own|ies|ying)\s+in\b(?!\s+(?:the\s+)?(?-i:[A-Z]))",
          keys=("travel", "fl", "head", "go", "went", "return", "back", "jet", "en route", "way",
                "came", "comes", "coming"),
          needs_place=True, strength=0.8),
    _rule(EventType.VISIT, r"\b(?:visit(?:s|ed|ing)?|trip|tour|stopover)\b",
          keys=("visit", "trip", "tour", "stopover"), needs_place=True, strength=0.8),
    _rule(EventType.VISIT, r"\b(?:stop(?:s|ped)?(?:\s+over)?|stopping(?:\s+over)?)(?=\s+in\b)",
          keys=("stop",), needs_place=True, strength=0.75),
    _rule(EventType.VISIT, r"\b(?:depart(?:s|ed|ing)?|left|leav(?:e|es|ing))\b",
          keys=("depart", "left", "leav"), needs_place=True, departure=True, strength=0.8),
    _rule(EventType.VISIT,
          r"\b(?:is|are|was|were|be|been)\s+",
          r"(?:currently\s+|also\s+|already\s+|now\s+|still\s+)?(?:in|there)\b",
          r"(?=\s+(?-i:[A-Z])|\s+the\s+(?-i:[A-Z])|\s+for\b)",
          keys=(" in ", "there"), needs_place=True, strength=0.7),
    _rule(EventType.VISIT,
          r"\b(?:send(?:s|ing)?|sent|dispatch(?:es|ed|ing)?|lead(?:s|ing)?|led)\s+",
          r"(?:a|an|its|his|her|their|the)\s+(?:\w+\s+){0,2}?",
          r"(?:delegation|team|envoy|negotiators)\b",
          keys=("delegation", "team", "envoy", "negotiators"), needs_place=True, strength=0.8),
    # --- meetings -------------------------------------------------------------------
    _rule(EventType.MEETING,
          r"\b(?:met|meet(?:s|ing)?",
          r"(?!\s+(?:the\s+)?(?:demands?|requirements?|conditions?|expectations?)))",
          r"(?=\s+(?:with\b|separately\b|(?-i:[A-Z])|the\s|his\s|her\s|their\s|on\b|in\b|for\b",
          r"|at\b|later\b|again\b|within\b|soon\b|shortly\b|next\b|this\b|tomorrow\b"
          r"|earlier\b|last\b|yesterday\b|today\b|twice\b|briefly\b|privately\b|secretly\b"
          r"|behind\b|face\b|directly\b|informally\b|formally\b|virtually\b|online\b|late\b"
          r"|early\b|among\b|also\b"
          r"|to\s+(?:discuss|negotiate|work|finali[sz]e|review|sign|prepare|hammer)\b"
          # "met junta representatives", "met rebel leaders": people named by what they are
          r"|(?:[\w-]+\s+){0,2}(?:representatives|officials|leaders|delegates|delegations"
          r"|negotiators|envoys|ministers|mediators|commanders|counterparts)\b"
          r"|(?:\w+\s+){1,2}(?-i:[A-Z])))",
          keys=("met", "meet"), strength=0.85),
    # "Arafat to see Mubarak in Alexandria on Thursday", "will see Sarkozy on Thursday": a
    # meeting when a name and its place or time follow; not "wants to see Russia withdraw"
    _rule(EventType.MEETING,
          r"(?<!want to )(?<!wants to )(?<!wanted to )(?<!like to )(?<!hope to )"
          r"(?<!hopes to )(?<!wish to )\b(?:see|sees|seeing|saw)",
          r"(?=\s+(?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+){0,2}(?:\s+(?:in|on|at|later|next"
          r"|this|before|after|today|tomorrow|again|and)\b|\s*[,;]|\s*\.(?!\w)|\s*$))",
          keys=("see", "saw"), strength=0.75),
    _rule(EventType.MEETING,
          r"\b(?:hold(?:s|ing)?|held|conduct(?:s|ed|ing)?|begin|began|begun|start(?:ed)?",
          r"|resum(?:e|ed|es|ing)|open(?:s|ed)?|join(?:s|ed)?|attend(?:s|ed)?|engage in"
          r"|participate in|commenc(?:e|ed|es|ing)|launch(?:es|ed)?",
          r"|take part in)\s+(?:[\w-]+\s+){0,3}?",
          r"(?:talks|negotiations|discussions|meetings?|consultations|round|call|conversation"
          r"|dialogue)\b",
          keys=(*_TALK_NOUNS, "round", "call", "conversation", "dialogue"), strength=0.85),
    _rule(EventType.MEETING,
          r"\b(?:huddled|conferred|spoke|spoken|speaks|speak|speaking|talked|talks|negotiat(?:ed|es|ing)",
          r"|sat down",
          r"|spoke by (?:tele)?phone)",
          r"(?=\s+(?:\w+\s+){0,2}?with\b)",
          keys=("with",), strength=0.75),
    _rule(EventType.MEETING,
          r"\b(?:host(?:ed|s|ing)?|chair(?:ed|s|ing)?|co-?chair(?:ed|s|ing)?)\s+(?:\w+\s+){0,3}?"
          r"(?:talks|negotiations|meeting|summit|round|consultations)\b",
          keys=("host", "chair"), strength=0.8),
    _rule(EventType.MEETING,
          r"\b(?:hosted|hosts|welcomed|telephoned|phoned)(?=\s+(?:(?-i:[A-Z])|the\s+(?-i:[A-Z])))"
          # "hosts the Arab League's peace initiative": a thing of the party, not the party
          r"(?!\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}?[\w.-]+['’]s?\s+(?:[\w-]+\s+){0,3}?"
          r"(?:initiative|plan|programme|program|headquarters|offices?|secretariat|mission"
          r"|embassy|games|cup|forum|exhibition|base|fleet)\b)",
          keys=("hosted", "hosts", "welcomed", "phoned"), strength=0.75),
    _rule(EventType.MEETING,
          r"\b(?:received|receives|receiving)(?=\s+(?:(?-i:[A-Z])|the\s+(?-i:[A-Z])"
          # "after receiving a senior North Korean envoy": a visitor named by office
          r"|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:envoys?|delegations?|emissar(?:y|ies)"
          r"|ministers?|negotiators?|mediators?)\b))",
          r"(?![^.;]{0,60}?\b(?:proposals?|offers?|plan|response|reply|draft|message|letter"
          r"|call|request|invitation|memorandum|list|document|text|assurances|guarantees)\b)",
          keys=("receiv",), strength=0.75),
    _rule(EventType.MEETING, r"\bdiscuss(?:ed|es|ing)?(?=[^.;,]{0,80}?\bwith\b)",
          keys=("discuss",), strength=0.7),
    _rule(EventType.MEETING, r"\b(?:phone call|telephone call|call|video call)\s+with\b",
          keys=("call",), strength=0.8),
    # "Erdogan told Putin in a phone call on Sunday that ...": what was said was said in a call
    _rule(EventType.MEETING,
          r"\b(?:in|during|over)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
          r"(?:(?:tele)?phone|video)\s+(?:call|conversation)\b(?!\s+with\b)",
          keys=("call", "conversation"), strength=0.75),
    # "Milosevic told U.S. envoy Richard Holbrooke in Belgrade on Wednesday that ...": said to
    # a named envoy, in a place, face to face
    _rule(EventType.MEETING,
          r"\btold\s+(?P<t>(?:(?-i:[A-Z])[\w.'’-]*\s+){0,2}?(?:envoy|ambassador|counterpart"
          r"|mediator|(?:foreign\s+|prime\s+)?minister|president|secretary\s+of\s+state))"
          r"(?=\s+(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,3}\s+(?:in|at)\s+(?-i:[A-Z]))",
          keys=("told",), strength=0.7),
    # "Clinton was on the telephone to Trimble several times during the night"
    _rule(EventType.MEETING,
          r"\b(?:was|were|is|are|been|be)\s+on\s+the\s+(?:tele)?phone\s+(?:to|with)\b",
          keys=("phone",), strength=0.75),
    # "The ministers of Turkey and Ukraine spoke by phone": the parties are the subject
    _rule(EventType.MEETING,
          r"\b(?:spoke|spoken|talked|conferred)\s+(?:by\s+(?:tele)?phone|over\s+the\s+phone"
          r"|via\s+video\s*link)\b(?!\s+(?:\w+\s+){0,2}?with\b)",
          keys=("phone", "video"), strength=0.75),
    _rule(EventType.MEETING,
          r"\b(?:spoke|spoken|speak|speaks|talk|talked)\s+again\b",
          keys=("again",), strength=0.7),
    # "is expected to speak to Chinese President Xi Jinping": a call or a meeting
    _rule(EventType.MEETING,
          r"\b(?:spoke|speak|speaks|speaking|talked|talk)\s+to(?=\s+(?:(?-i:[A-Z])|the\s+(?-i:[A-Z])"
          r"|his\s+(?:[\w-]+\s+)?counterpart|her\s+(?:[\w-]+\s+)?counterpart))",
          keys=("spoke", "speak", "talk"), strength=0.75),
    # "the two delegations sat face-to-face": the sides are the subject
    _rule(EventType.MEETING, r"\b(?:sat|sit|sits|sitting|met|meet)\s+face[- ]to[- ]face\b",
          keys=("face",), strength=0.75),
    _rule(EventType.MEETING,
          r"\b(?:called|phoned|rang|telephoned|calls|phones)\s+(?:his|her|their|its)\s+"
          r"(?:[\w-]+\s+){0,2}?counterparts?\b",
          keys=("counterpart",), strength=0.8),
    # "X walked out of the talks", "Y suspended its participation": the talks are off for X
    _rule(EventType.MEETING,
          r"\b(?:walk(?:ed|s|ing)?\s+out|pull(?:ed|s|ing)?\s+out\s+of|withdr(?:ew|aw|awn|aws)"
          r"\s+from|suspend(?:ed|s|ing)?|quit|qu(?:it|its)\s+from|boycott(?:ed|s|ing)?"
          r"|(?:broke|break(?:s)?)\s+off)\b"
          r"(?=(?:\s*[.,;]|\s*$|\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
          r"(?:talks|negotiations|process|dialogue|meeting|summit|round|participation"
          r"|mediation)\b))",
          keys=("walk", "pull", "withdr", "suspend", "quit", "boycott", "broke", "break"),
          walkout=True, strength=0.75),
    _rule(EventType.MEETING, r"\b(?:re)?conven(?:e|es|ed|ing)\b|\bnext round\b",
          keys=("conven", "next round"), strength=0.7),
    _rule(EventType.MEETING,
          r"\b(?P<n>talks|negotiations|round|meetings?|summit|conference|session|dialogue"
          r"|consultations)\b(?<!press conference)(?<!news conference)"
          r"(?:(?!\band\s+\w+(?:ing|ed)\b)[^.;:,]){0,120}?\b(?P<t>commenced|began|begun|opened"
          # "talks ... are due to open on Thursday"
          r"|(?:(?<=\bwill\s)|(?<=\bto\s))(?:open|begin|start|resume|convene|reconvene"
          r"|take\s+place)"
          r"|kicked\s+off|got\s+under\s*way|(?:is|was|were|are)\s+under\s*way|started|resumed"
          r"|convened|reconvened|concluded|ended|wrapped\s+up|closed|(?:was|were|is|are|will\s+be"
          r"|has\s+been|had\s+been)\s+held|took\s+place|will\s+take\s+place)\b",
          keys=("commenced", "began", "begun", "open", "kicked", "under", "start", "resum",
                "begin", "conven",
                "convened", "concluded", "ended", "wrapped", "closed", "held", "took place",
                "take place"),
          strength=0.75),
    _rule(EventType.MEETING,
          r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|new"
          r"|previous|final|last|next|follow-up|follow-on|fresh|further|another)\s+round\b"
          r"(?!\s+of\b)",
          keys=("round",), noun=True, strength=0.65),
    _rule(EventType.MEETING,
          r"\b(?:talks|negotiations|discussions|meeting|meetings|summit|round of talks",
          r"|consultations|(?<!press )(?<!news )conference)\b",
          keys=_TALK_NOUNS, noun=True, strength=0.65),
    # --- statements (case-sensitive: "States" is not a verb) --------------------------
    _rule(EventType.STATEMENT,
          r"\b(?:said|says|say|told|tells|stated|states|announced|announces",
          r"|declared|declares|confirmed|confirms|added|noted|stressed|emphasi[sz]ed|affirmed",
          r"|reaffirmed|warned|insisted|wrote|posted|tweeted|reiterated|claimed|explained",
          r"|asserted|argued|acknowledged|described|denied|denies|give a round of interviews",
          r"|will appear|appear on|clarified|indicated|revealed|disclosed|underlined|underscored",
          r"|maintained|vowed|pledged|assured|remarked|commented|admitted|conceded|briefed",
          r"|informed|as saying)\b",
          speech=True, strength=0.7, cs=True),
    # "the embassy issued a statement Friday saying ...": the statement is the occasion
    _rule(EventType.STATEMENT,
          r"\b(?:issued|issues|released|releases|put\s+out|puts\s+out)\s+(?:a|an)\s+"
          r"(?:[\w-]+\s+){0,2}?(?:statement|communiqu[eé])\b",
          keys=("statement", "communiq"), speech=True, strength=0.7),
    _rule(EventType.STATEMENT,
          r"\b(?:welcomed|welcomes|hailed|hails|praised|praises|condemned|condemns|critici[sz]ed"
          r"|called)\b(?=\s+(?:the|a|an|this|that|its|their|Monday's|Tuesday's|Wednesday's"
          r"|Thursday's|Friday's|Saturday's|Sunday's)\s+(?:[\w'’-]+\s+){0,3}?",
          _DEAL, r"\b)",
          keys=("welcome", "hail", "prais", "condemn", "critici", "called"),
          speech=True, strength=0.7),
    # "called the signing 'a historic step'", "called it a betrayal": a judgement passed
    _rule(EventType.STATEMENT,
          r"\bcalled\s+(?:it|this|that|(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
          r"[\w-]+)(?=\s+[“\"]|\s+(?:a|an)\s+(?!day\b)(?:[\w-]+\s+){0,2}?[\w-]+\b"
          r"(?!\s+(?:to|for)\b))",
          keys=("called",), speech=True, strength=0.7),
    # --- proposals ------------------------------------------------------------------
    _rule(EventType.PROPOSAL,
          r"\b(?:submit(?:s|ted|ting)?|present(?:s|ed|ing)?|deliver(?:s|ed|ing)?",
          r"|hand(?:s|ed|ing)?(?:\s+over)?|put(?:s|ting)?\s+forward|propos(?:e|es|ed|ing)",
          r"|float(?:s|ed|ing)?|offer(?:s|ed|ing)?|convey(?:s|ed|ing)?|introduc(?:e|es|ed|ing)",
          r"|tabled?|unveil(?:s|ed|ing)?|g[ia]ve(?:s|n)?|receiv(?:e|es|ed|ing)|sen[dt]s?)\b",
          r"(?=[^.;]{0,50}?\b", _OFFER, r")",
          keys=("proposal", "offer", "plan", "response", "reply", "draft", "framework",
                "initiative", "roadmap", "ideas", "vision", "amendments", "suggestions",
                "memorandum", "list", "text"),
          strength=0.75),
    # "Khartoum proposed a demilitarised buffer zone", "Russia and Turkey proposed a truce"
    _rule(EventType.PROPOSAL,
          r"\bpropos(?:e|es|ed|ing)\b(?=\s+(?:a|an|that|new|fresh|holding|to\s+hold)\b)",
          keys=("propos",), strength=0.7),
    _rule(EventType.PROPOSAL,
          r"\b(?P<t>offer(?:s|ed)?|proposed)\s+to\s+(?!the\b|a\b|an\b|him\b|her\b|them\b"
          r"|(?-i:[A-Z]))\w+",
          keys=("offer", "proposed"), strength=0.7),
    # "Lebanon expects a written offer from the US mediator": a proposal announced
    _rule(EventType.PROPOSAL,
          r"\b(?:expect(?:s|ed|ing)?|await(?:s|ed|ing)?|(?:is|are|was|were)\s+waiting\s+for)\s+",
          r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?", _OFFER, r"\b",
          keys=("expect", "await", "waiting"), awaited=True, strength=0.7),
    _rule(EventType.PROPOSAL,
          r"\b(?:responded|replied)\s+to\b|\b(?:had|has)\s+(?:responded|replied)\b",
          keys=("responded", "replied"), strength=0.7),
    _rule(EventType.PROPOSAL,
          r"\b(?:an?|the|new|latest)\s+(?:(?-i:[A-Z])[\w-]+\s+)(?:(?:offer|proposal)(?=\s+to\b)",
          r"|(?:offer|proposal|plan)(?=\s+(?:earlier|on|that|submitted|presented|delivered)\b))",
          keys=("offer", "proposal", "plan"), noun=True, strength=0.6),
    _rule(EventType.PROPOSAL,
          r"\b(?:an?|the|its|their)\s+(?:(?-i:[A-Z])[\w.-]+\s+){1,2}",
          r"(?:proposal|offer|plan|response|draft|memorandum)\s+(?:(?:that|which)\s+",
          r"(?:was|were|had been|has been)\s+)?(?:handed over|submitted|presented|delivered",
          r"|put forward|unveiled|tabled|sent)\b",
          keys=("handed", "submitted", "presented", "delivered", "put forward", "unveiled",
                "tabled", "sent"), noun=True, strength=0.65),
    _rule(EventType.PROPOSAL,
          r"\b(?:proposal|offer|plan|response)[,”\"’]{0,3}\s+(?:which|that)\s+",
          r"(?:[\w’'-]+\s+){0,4}?",
          r"(?:presented|submitted|put forward|tabled|unveiled|floated|sent|delivered|offered",
          r"|handed)\b",
          keys=("which", "that"), strength=0.7),
    # --- agreements -----------------------------------------------------------------
    _rule(EventType.AGREEMENT,
          r"\b(?:accept(?:s|ed|ing)?|approv(?:e|es|ed|ing)|approval|agree(?:s|d|ing)?",
          r"|sign(?:s|ed|ing)?(?!\s+(?:that|of|to)\b)|ink(?:s|ed|ing)?|initial(?:l)?(?:ed|ing)"
          r"|endors(?:e|es|ed)"
          r"|clinch(?:ed)?)\b",
          r"(?!\s+", _DEAL, r")(?=[^.;]{0,60}?\b", _DEAL, r")",
          keys=("accept", "approv", "agree", "sign", "ink", "initial", "endors", "clinch"),
          strength=0.8),
    # "Guyana and Venezuela agreed on Thursday not to use force", "the two sides agreed to
    # resume relations": what two parties agree to do is an agreement (kept only when the
    # subject is more than one party; "agreed to meet" is the meeting)
    _rule(EventType.AGREEMENT,
          r"\bagree(?:d|s)?(?=\s+(?:on\s+\w+\s+)?(?:not\s+)?(?:to|on|upon|that)\b"
          r"(?!\s+(?:is|was|are|were|has|had|the\s+(?:importance|need|necessity|urgency"
          r"|significance))\b))",
          keys=("agree",), mutual=True, strength=0.75),
    # "agreed to renew the truce", "extended the ceasefire by two months"
    _rule(EventType.CEASEFIRE,
          r"\b(?:renew(?:s|ed|ing)?|extend(?:s|ed|ing)?|prolong(?:s|ed|ing)?)\s+",
          r"(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,2}?", _CEASE, r"s?\b",
          keys=("renew", "extend", "prolong"), modal=True, strength=0.75),
    # "The formal signing will take place in Paris on Saturday": the signing is the deal's
    _rule(EventType.AGREEMENT,
          r"\b(?P<n>signing(?:\s+ceremony)?)\b(?:(?!\band\s+\w+(?:ing|ed)\b)[^.;:,]){0,60}?"
          r"\b(?P<t>(?:will|would|is\s+to|was\s+to)\s+take\s+place|took\s+place"
          r"|(?:is|was)\s+(?:scheduled|set|planned|due|expected)|(?:was|will\s+be)\s+held)\b",
          keys=("signing",), strength=0.7),
    # "The first document was signed by ...", "The second document, signed by X, ..."
    _rule(EventType.AGREEMENT,
          r"\b(?:agreement|deal|accord|document|declaration|treaty|memorandum|protocol|pact"
          r"|armistice|charter|communiqu[eé]|statement)s?\b,?\s+(?:(?:which|that)\s+)?"
          r"(?:(?:was|were|has\s+been|had\s+been|have\s+been|is|are|being|will\s+be|would\s+be"
          r"|is\s+to\s+be|are\s+to\s+be|to\s+be)\s+)?"
          r"(?:(?:formally|officially|also|jointly|finally)\s+)?",
          r"(?P<t>signed|initial(?:l)?ed|inked)\b(?!\s+(?:in|on)\s+(?:\d{4}|last\s+year)\b)",
          keys=("signed", "initial", "inked"), strength=0.75),
    # "The final text was agreed in Havana on August 24", "the accord was approved by ...":
    # the deal in the passive (signing has its own rule)
    _rule(EventType.AGREEMENT,
          r"\b(?:text|agreement|deal|accord|treaty|declaration|document|pact|protocol"
          r"|memorandum|roadmap|road map)\s+(?:was|were|has\s+been|had\s+been|have\s+been)"
          r"\s+(?:\w+ly\s+)?(?P<t>agreed|concluded|finali[sz]ed|approved|adopted|endorsed)\b"
          r"(?!\s+(?:to|that|as)\b)",
          keys=("agreed", "concluded", "finalised", "finalized", "approved", "adopted",
                "endorsed"), passive=True, strength=0.75),
    _rule(EventType.AGREEMENT,
          r"\baccept(?:s|ed)?\s+(?:(?:parts?|most|elements|some|all|the\s+bulk)\s+of\s+)?"
          r"(?:it|them)\b",
          keys=("accept",), strength=0.7),
    _rule(EventType.AGREEMENT,
          r"\b(?:proposal|offer|plan|deal|framework|draft)[,”\"’]{0,3}\s+(?:which|that)\s+",
          r"(?:[\w’'-]+\s+){0,4}?(?:accepted|approved|endorsed|signed|agreed to|backed)\b",
          keys=("which", "that"), strength=0.7),
    _rule(EventType.AGREEMENT,
          r"\b(?:agreement|deal|accord|treaty|declaration|truce|pact)[,]?\s+",
          r"(?:(?:between|with)\s+(?:[\w’'-]+\s+){1,4}?)?(?:signed|concluded|reached|initialled"
          r"|initialed)(?=\s+(?:in|on|at|by|last|earlier)\b)",
          keys=("signed", "concluded", "reached", "initial"), strength=0.7),
    _rule(EventType.AGREEMENT,
          r"\b(?:reach(?:es|ed)?|struck|strike|sealed|seal)\s+(?:(?:a|an|the)\s+)?"
          r"(?:\w+\s+){0,2}?",
          r"(?:deal|agreement|accord|truce|cease-?fire|understanding)\b",
          r"|\b(?:deal|agreement|accord|truce|cease-?fire)\s+(?:has|had)\s+been\s+",
          r"(?:reached|struck|agreed|signed)\b|\bhave reached a deal\b|\bagreed to exert\b"
          r"|\b(?:resulted|results|culminated)\s+in\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?"
          r"(?:deal|agreement|accord|truce|cease-?fire|understanding)\b",
          keys=("reach", "struck", "strike", "seal", "been", "agreed to exert", "result",
                "culminat"),
          strength=0.85),
    # --- rejections -----------------------------------------------------------------
    _rule(EventType.REJECTION,
          r"\b(?:reject(?:s|ed|ing)?|rejection|refus(?:e|es|ed|ing|al)|dismiss(?:es|ed|ing)?",
          r"|turn(?:s|ed)?\s+down|rebuff(?:s|ed)?|spurn(?:s|ed)?|unacceptable|falls? short)\b",
          keys=("reject", "refus", "dismiss", "turn", "rebuff", "spurn", "acceptable",
                "short"),
          strength=0.75),
    # --- requests -------------------------------------------------------------------
    _rule(EventType.REQUEST,
          r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon|for)|appeal(?:s|ed)?\s+to",
          r"|ask(?:s|ed)?|request(?:s|ed)|invit(?:e|es|ed|ation)|demanded|press(?:ed|es)\s+for)",
          r"\b(?!\s+(?:for\s+comment|anonymity|not\s+to\s+be\s+named))(?![.;,])",
          keys=("urg", "call", "appeal", "ask", "request", "invit", "demanded", "press"),
          strength=0.7),
    # --- ceasefire implementation ---------------------------------------------------

    # the verb is the trigger: "the ceasefire ... would come into force at midnight, Feb 15"
    _rule(EventType.CEASEFIRE,
          _CEASE_NOUN, r"(?:(?!\band\s+\w+(?:ing|ed)\b)[^.;:,]|,\s+(?:which|that|first|originally"
          r"|initially|\w+ed)\b[^,.;]{0,60},){0,140}?\b(?P<t>", _CEASE_VERB,
          r")\b(?!\s+talks\b)",
          keys=("ceasefire", "cease-fire", "truce", "armistice", "pause", "lull", "cessation"),
          strength=0.75),
    _rule(EventType.CEASEFIRE,
          _CEASE_NOUN, r"(?=\s+(?:from|as of|starting(?: at)?)\s+(?:\d|midnight|noon))",
          keys=("ceasefire", "cease-fire", "truce", "armistice", "pause", "lull", "cessation"),
          strength=0.7),
    # "to stop all firing on land, in the air and at sea with effect from 5 p.m.": a ceasefire
    # in other words, with the hour it takes effect
    _rule(EventType.CEASEFIRE,
          r"\b(?:stop(?:s|ped|ping)?|halt(?:s|ed|ing)?|cease[sd]?|ceasing)\s+(?:all\s+)?"
          r"(?:firing|fighting|hostilities|military\s+(?:action|operations)|attacks)\b"
          r"(?=[^.;]{0,80}?\b(?:with\s+effect\s+from|effective\s+(?:from\s+)?|as\s+of"
          r"|starting(?:\s+at)?)\s+(?:\d|midnight|noon|(?-i:[A-Z])))",
          keys=("firing", "fighting", "hostilities", "military", "attacks"), strength=0.7),
    _rule(EventType.CEASEFIRE,
          r"\b(?:collapse|extension|renewal|end|breakdown|start|resumption)\s+of\s+(?:the|a)\s+",
          r"(?:\w+\s+)?", _CEASE, r"\b|\bending\s+(?:the|a)\s+(?:\w+\s+)?", _CEASE, r"\b",
          keys=("ceasefire", "cease-fire", "truce", "pause"), strength=0.7),
]

_COMPILED: list[tuple[EventType, re.Pattern[str], dict[str, object], tuple[str, ...]]] = [
    (
        t,
        re.compile(p, 0 if f.get("cs") else re.I),
        {k: v for k, v in f.items() if k not in ("cs", "keys")},
        tuple(f.get("keys") or ()),  # type: ignore[arg-type]
    )
    for t, p, f in _RULES
]


_ABBREV_DOT = re.compile(
    r"\b(?:[A-Z]\.){2,}|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St"
    r"|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|No)\.(?=\s)|\b[ap]\.m\."
)


_DETERMINED = re.compile(
    r"\b(?:the|a|an|their|its|his|her|this|that|our|next|first|second|third|last|latest"
    r"|another)\s+(?:[\w-]+\s+){0,2}$", re.I)


def mask_abbreviations(text: str) -> str:
    """``text`` with the dots of abbreviations ("U.S.", "Feb.") replaced, same length, so
    that "no sentence end in between" lookaheads ([^.;]) read across them."""
    return _ABBREV_DOT.sub(lambda m: m.group(0).replace(".", "_"), text)


def find_triggers(text: str) -> list[Trigger]:
    """All triggers of a sentence, earliest first; a word belongs to the first rule taking it."""
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    masked = mask_abbreviations(text)
    for etype, pattern, flags, keys in _COMPILED:
        if keys and not any(k in lower for k in keys):
            continue
        for m in pattern.finditer(masked):
            s, e = m.span("t") if "t" in pattern.groupindex else m.span()
            # a verb whose noun comes first ("the truce ... took effect") owns both words
            spans = [(s, e), m.span("n")] if "n" in pattern.groupindex else [(s, e)]
            if any(x < b and a < y for a, b in taken for x, y in spans):
                continue
            taken += spans
            trig = Trigger(etype, s, e, text[s:e], **flags,  # type: ignore[arg-type]
                           head=m.start())
            if not trig.noun and trig.text.lower() == "meeting" and _DETERMINED.search(
                    text[max(0, s - 40):s]) and not text.startswith(" with", e):
                # "will lead the high-level meeting Tuesday": the noun, not the verb
                trig = replace(trig, noun=True)
            found.append(trig)
    entry = CHRONOLOGY.match(text) if not found else None
    deal = _CHRONICLED_DEAL.search(text, entry.end()) if entry else None
    if deal is not None:
        # "- Sept. 25, 2003, Naivasha: a security deal keeps two armies": a dated line of a
        # chronology that tells of a deal tells of its making
        found.append(Trigger(EventType.AGREEMENT, deal.start(), deal.end(), deal.group(0),
                             strength=0.6))
    found.sort(key=lambda t: t.start)
    return _absorb_nouns(found, text)


_CHRONICLED_DEAL = re.compile(
    r"\b(?:deal|agreement|accord|protocol|memorandum|treaty|pact|understanding)s?\b", re.I)


_SIDELINES = re.compile(
    r"\s+(?:\w+\s+)?on\s+the\s+(?:sidelines|margins?)\s+of\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}")


def _absorb_nouns(found: list[Trigger], text: str) -> list[Trigger]:
    """"held a second round of nuclear talks": the talks are the round, one trigger; so are
    "met for a summit" and "walked out of the talks"."""
    out: list[Trigger] = []
    for t in found:
        prev = out[-1] if out else None
        if (prev is not None and t.noun and t.type == EventType.MEETING
                and prev.type == EventType.MEETING
                and re.fullmatch(r"\s+of\s+(?:[\w-]+\s+){0,3}", text[prev.end:t.start])):
            continue
        if (prev is not None and t.noun and t.type == EventType.MEETING
                and prev.type == EventType.MEETING and not prev.noun
                and re.fullmatch(r"\s+(?:(?:for|in|at)\s+)?(?:a|an|the|their|its|his|her)\s+"
                                 r"(?:[\w-]+\s+){0,3}", text[prev.end:t.start])):
            # "met for their first summit in Singapore last June", "convened the
            # consultations": one occasion, and the verb reaches the noun's place and date
            out[-1] = replace(prev, end=t.end, text=text[prev.start:t.end])
            continue
        if (prev is not None and t.noun and t.type == EventType.MEETING
                and prev.type == EventType.MEETING and not prev.noun
                and _SIDELINES.fullmatch(text[prev.end:t.start])):
            # "met on the sidelines of the OSCE conference in Skopje": the conference is
            # where they met, and its place and date are the meeting's
            out[-1] = replace(prev, end=t.end, text=text[prev.start:t.end])
            continue
        if (prev is not None and t.noun and t.type == EventType.MEETING and prev.walkout
                and re.fullmatch(r"\s+(?:of\s+|from\s+)?(?:the|its|their)?\s*(?:[\w-]+\s+){0,3}"
                                 r"(?:in\s+(?:the\s+)?)?", text[prev.end:t.start])):
            # "suspended its participation in the talks": the talks are what is walked out of
            out[-1] = replace(prev, end=t.end, text=text[prev.start:t.end])
            continue
        out.append(t)
    return out


_NEG = re.compile(
    r"(?:\b(?:not|never|no|nor|neither|without|yet to|refused to|declined to|failed to|unable to"
    r"|won't|cannot|denied|deny|denies|nothing)\b|n't\b)(?:[\s,–-]+\w+){0,3}[\s,–-]*$",
    re.I,
)
_HYPO = re.compile(
    r"\b(?:could|might|may|if|whether|hope|hopes|hoped|hoping|aim|aims|aimed|aiming|efforts?(?!\s+(?:have|has|had)\b)|push"
    r"|pushes|pushing|seek|seeks|seeking|try|tries|trying|attempts?(?!\s+(?:have|has|had)\b)|possibility|chance|prospects?"
    r"|towards?|broker|brokering|would only|will only|ready to|willing to|unwilling to|needs? to"
    r"|must|in order to|demand(?:s|ed|ing)?\s+that|insist(?:s|ed|ing)?\s+that)"
    r"\s+(?:\w+\s+){0,3}$|\bto\s+$",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|would|(?:is|are|was|were|be)\s+(?:expected|set|scheduled|due|slated"
    r"|poised|planning|planned|hoped|likely|going|supposed|about)\s+to|plans?\s+to|planning\s+to"
    r"|intends?\s+to|to\s+be\s+held|scheduled\s+for|is\s+to|are\s+to|was\s+to|were\s+to|could|might|may"
    r"|expects?|anticipates?)"
    r"\s+(?:\w+\s+){0,3}$",
    re.I,
)
_CANCEL = re.compile(
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)"
    r"\b(?:called off|call off|postpone[sd]?|postponing|cancel(?:l?ed|s|ling)?|scrapped|walked out"
    r"|walk out|pulled out of|put off|delayed indefinitely|suspended|halted|stalled|adjourned"
    r"|broke off|(?:will|would|did|does)\s+not"
    r"\s+(?:now\s+)?(?:take place|go ahead|happen|be held)|won't\s+(?:take place|go ahead))\b",
    re.I,
)


_PASSIVE_CANCEL = re.compile(
    r"[^.;]{0,120}?\b(?:was|were|has been|had been|have been)\s+(?:\w+\s+)?(?:called off"
    r"|postponed|cancell?ed|scrapped|put off|suspended|shelved|halted|stalled|adjourned"
    r"|derailed)\b",
    re.I,
)


_ABANDONED = re.compile(
    r"\bhad\s+(?:still\s+|originally\s+|initially\s+)?(?:planned|intended|been\s+(?:due"
    r"|scheduled|set|expected|slated|planning))\s+to\s+(?:\w+\s+){0,2}$",
    re.I,
)


def is_negated(before: str) -> bool:
    return bool(_NEG.search(before[-40:]))


def is_hypothetical(before: str) -> bool:
    return bool(_HYPO.search(before[-50:]))


def status_of(trigger: Trigger, sentence: str, headline: bool) -> Status:
    """Occurred unless future/conditional wording governs the trigger; cancelled if called off."""
    before_cl = re.split(r"[,;]", sentence[max(0, trigger.start - 60): trigger.start])[-1]
    after_cl = re.split(r"[,;]", sentence[trigger.end: trigger.end + 140])[0]
    if trigger.walkout:
        return Status.CANCELLED
    if trigger.awaited:
        return Status.PLANNED
    if not trigger.speech and _CANCEL.search(
        before_cl + " " + sentence[trigger.start:trigger.end] + " " + after_cl
    ):
        return Status.CANCELLED
    if trigger.noun and _PASSIVE_CANCEL.match(sentence[trigger.end:]):
        return Status.CANCELLED  # "A round of talks ..., planned for June 15, was called off"
    before = sentence[max(0, trigger.start - 60): trigger.start]
    before = re.split(r"[,;:]\s|\b(?:and|but|after|as|while|when|which|who)\s", before)[-1]
    if _ABANDONED.search(before):
        return Status.CANCELLED  # "had planned to travel ... until the strikes began"
    if _FUTURE.search(before + " "):
        return Status.PLANNED
    if re.search(r"\bto\s+$", before) and not re.search(r"\b(?:talks|visit|trip)\s+to\s+$", before):
        return Status.PLANNED
    after = sentence[trigger.end: trigger.end + 45]
    if trigger.type == EventType.CEASEFIRE and re.match(
        r"[^.;]{0,40}?\b(?:starting|beginning|will|would|to take effect|takes effect|begins|starts"
        r"|is due|set to)\b|\s+(?:from|as of)\s+(?:\d|midnight|noon)", after, re.I
    ):
        return Status.PLANNED
    word = trigger.text.lower()
    if re.match(r"(?:sending|heading|traveling|travelling|going|flying|coming)\b",
                word) and re.search(r"\b(?:is|are|was|were)\s+(?:\w+\s+)?$", before) and (
            "delegation" in sentence[trigger.start: trigger.end + 40] or word == "coming"):
        # "the delegation is flying to Doha"; "was coming to Paris" (told, as planned)
        return Status.PLANNED
    if re.match(r"(?:to take effect|take effect|begin|start)", word):
        return Status.PLANNED
    return Status.OCCURRED
