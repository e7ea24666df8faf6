"""The tense of the clause around a time expression, from cheap lexical cues.

News resolves a bare "Thursday" or "January" against the publication date; whether it is
the last one or the next one depends on the clause: "met on Thursday" vs "will meet on
Thursday". The verb group nearest before the expression decides (failing one, the first
after it, in the same clause), read as a whole: its auxiliaries and modals say more than
its last word, so "will be signed" and "should be completed" speak of the future although
they end in a past participle, and "had been due to expire" of the past although "due to"
looks ahead. Infinitives of commitment ("agreed to meet on Sunday") look ahead too.
A regex over ~120 characters before the expression is enough for most news prose.
"""

from __future__ import annotations

import re
from functools import cache

from .lazy import lazy_re

__all__ = ["clause_tense"]

_MODAL = r"(?:would|should|could|might|may|must|will|shall)(?:n't)?"
_CUE = lazy_re(
    # a modal perfect looks back: "would have met", "could not have signed"
    rf"(?i:\b(?P<perf>{_MODAL}\s+(?:not\s+)?have)\b"
    r"|\b(?P<fut>will|shall|won't|'ll|would|should|must|ought\s+to|going\s+to|expected\s+to"
    r"|(?:is|are|be|was|were)\s+(?:expected|planned|due)|scheduled|slated|due\s+to|supposed\s+to"
    r"|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|set\s+to|is\s+to|are\s+to"
    r"|needs?\s+to|likely\s+to|poised\s+to|ready\s+to|upcoming|hopes?\s+to|aims?\s+to"
    r"|expects?\s+to|(?:is|are|be|been)\s+set\b"
    # "the vote, set for Thursday": a participle of scheduling, as "scheduled" is
    r"|set\s+for"
    # "planned a strike on Friday" (a verb with its object), not "a rally planned for Friday"
    r"|planned(?=\s+(?:an?|the|their|his|her|its|new|more|further|another)\s)"
    r"|(?:agreed|agrees|decided|decides|voted|promised|pledged|vowed|offered"
    r"|proposed|threatened|prepared|agreement|deal|plan|bid|offer|decision|pledge|promise"
    r"|commitment)\s+to(?!\s+(?:(?:the|a|an|his|her|its|their|this|that)\b|(?-i:[A-Z])))"
    r"|tomorrow|as\s+(?:soon|early)\s+as|might|may)\b"
    # a timetable in the present: "the truce expires on Friday", "talks resume Monday",
    # "the ministers meet Thursday"; it decides only a verb group of its own ("failed to
    # resume Monday" is past)
    r"|\b(?P<tt>expires?|lapses?|begins?|starts?|resumes?|reconvenes?|convenes?|reopens?"
    r"|takes?\s+effect|comes?\s+into\s+force|runs?\s+out|kicks?\s+off|meets?|holds?"
    r"|visits?|arrives?|departs?|(?:heads|flies|returns|travels?)\s+(?:to|for|back))\b"
    r"|\b(?P<past>said|says|was|were|had|did|has|have|been|ago|last|earlier|yesterday"
    # an -ed word after an article or "still" is an adjective ("a still unspecified date")
    r"|since|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\bstill\s)(?-i:[a-z]{3,}ed)"
    # past forms spelled like the present: "and set Friday as the deadline"
    r"|(?<!\ba\s)(?<!\bthe\s)(?:set|put|cut)"
    r"|went|met|made|came|gave|took|told|began|left|held|saw|won|lost"
    r"|fell|rose|sold|bought|spent|paid|struck|hit|killed|announced|tore|fled|shot|spoke|wrote"
    r"|broke|led|ran|flew|fought|brought|thought|felt|kept|found|became|stood|sent|built|chose"
    r"|drove|got|grew|knew|meant|sought|threw|understood|wore|swore|forgot|could)\b)"
)
_STOP = lazy_re(r"\.\s|[;\n]|\?\s")
# a period that closes an abbreviation ("from Jan. 19 to March 1", "Gen. Smith said", "10
# a.m. Sunday") or an initial ("John F. Kennedy") ends no sentence
_ABBREVIATION = lazy_re(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Sen|Rep|Gov|Col|Sgt|Mrs"
    r"|Inc|Ltd|Corp|Dept|Prof|Capt|Lt|Mr|Ms|Dr|St|Jr|Sr|No|vs|Co|[A-Z])|\b[ap]\.m)$"
)


def _clause_start(before: str) -> int:
    """Where the sentence (or the clause after a semicolon) that ends `before` begins."""
    for stop in reversed(list(_STOP.finditer(before))):
        end = stop.start()
        if stop.group()[0] != "." or not _ABBREVIATION.search(before[max(0, end - 6) : end]):
            return stop.end()
    return 0


# a timetable verb after these is a noun ("the visit on Monday") or an infinitive ("hard to
# meet demand")
_NOT_A_TIMETABLE = lazy_re(r"(?:\b(?:a|the|his|her|their|to)|'s)\s$")


_WORD = lazy_re(r"[A-Za-z]+|'ll\b")


@cache
def _cue_words() -> frozenset[str]:
    """Every word a cue can begin with (a superset: each word of the cue pattern, with and
    without a final "s", and "couldn" of "couldn't"), besides the -ed forms."""
    words = set(re.findall(r"[a-z]{2,}", _CUE.pattern))
    return frozenset(
        words | {w[:-1] for w in words if w.endswith("s")} | {w + "n" for w in words} | {"'ll"}
    )


def _cues(text: str) -> list[re.Match[str]]:
    """The cues of `text`, as `_CUE.finditer` finds them, less timetable verbs that are
    nouns or infinitives. The pattern is tried only at words that can begin a cue, which
    costs a fraction of running it at every word boundary."""
    words = _cue_words()
    found = []
    end = 0
    for w in _WORD.finditer(text):
        start = w.start()
        low = w.group().lower()
        if start < end or (low not in words and not (len(low) > 4 and low.endswith("ed"))):
            continue
        cue = _CUE.match(text, start)
        if cue is None:
            continue
        end = cue.end()
        if cue.group("tt") and _NOT_A_TIMETABLE.search(text[max(0, start - 7) : start]):
            continue
        found.append(cue)
    return found


# how far after the expression its verb may lie: "In January, a week after the anniversary
# of the ruling, a bomb in Birmingham, Ala., killed a guard" puts a long subject between them
_AFTER_REACH = 160
_AFTER_NEAR = 80
_CLAUSE_END = lazy_re(r"[.;!?\n]\s|[.;!?\n]$|\n")
# words that may sit between the parts of one verb group: "had not yet been", "will also be"
_GLUE = lazy_re(
    r"(?i)\s*(?:\b(?:be|been|being|have|has|not|n't|also|still|yet|already|just|never|ever"
    r"|now|only|then|to|\w+ly)\b\s*)*"
)


_DEADLINE_BEFORE = lazy_re(r"(?i)\b(?:until|till)\s+$")
# "postponed to late August", "moved the talks until Monday": the new date lies ahead
_PUT_OFF_TO = lazy_re(
    r"(?i)\b(?:postponed|delayed|deferred|rescheduled|pushed\s+back|put\s+off|moved|extended"
    r"|adjourned)\b[^.;!?]{0,40}?\b(?:to|until|till)\s+(?:(?:early|late|mid)[\s-]+)?$"
)
# "Until Thursday, they had not...": an "until" that opens the clause governs no verb before
# it, so the clause's own tense decides, as for any other weekday
_OPENS_CLAUSE = lazy_re(r"(?i)^[\s\"'`(]*(?:(?:and|but|up)\s+)?(?:until|till)\s+$")


_INTENT = lazy_re(r"(?i)(?:plans?|planned|planning|intends?|hopes?|aims?|expects?)\s+to$")
# a date right after these is when something takes effect: "effective Feb. 1", "payable
# Dec. 15", "starting Thursday"
_FROM_WHEN = lazy_re(r"(?i)\b(?:effective|payable|due|starting|beginning|expiring)\s+$")


def _group_tense(cues: list[re.Match[str]], text: str) -> int:
    """The tense of the verb group that ends with the last of `cues`."""
    group = [cues[-1]]
    for cue in reversed(cues[:-1]):
        if _GLUE.fullmatch(text, cue.end(), group[-1].start()) is None:
            break
        group.append(cue)
    heads = [c for c in group if not c.group("tt")]
    if not heads:
        return 1
    group = heads
    if any(c.group("perf") for c in group):
        return -1
    if any(c.group().lower() == "had" for c in group):
        return -1  # past perfect: "had been due to expire Friday"
    if any(c.group().lower() == "did" for c in group) and not _INTENT.match(group[0].group()):
        return -1  # "did not begin on Monday", but "did not plan to remove him on Thursday"
    if any(c.group("fut") for c in group):
        return 1
    return -1


def clause_tense(text: str, start: int, end: int) -> int:
    """+1 if the clause around [start, end) speaks of the future, -1 of the past, else 0."""
    deadline = _DEADLINE_BEFORE.search(text, max(0, start - 8), start) is not None
    lo = max(0, start - 120)
    before = text[lo:start]
    before = before[_clause_start(before) :]
    cues = _cues(before)
    if _PUT_OFF_TO.search(before) or _FROM_WHEN.search(before):
        return 1
    if (
        deadline
        and _OPENS_CLAUSE.search(before) is None
        and (not cues or cues[-1].group().lower() not in ("had", "was", "were"))
    ):
        return 1  # "postponed until Tuesday", "given until Friday": news deadlines lie ahead
    if cues:
        return _group_tense(cues, before)
    after = text[end : end + _AFTER_REACH]
    for stop in _CLAUSE_END.finditer(after):
        dot = stop.start()
        if after[dot] != "." or not _ABBREVIATION.search(after[max(0, dot - 6) : dot]):
            after = after[:dot]
            break
    # most verbs follow within a few words: read further only when none does
    found = _cues(after[:_AFTER_NEAR]) or _cues(after)
    cues = []
    for cue in found:
        if cues and _GLUE.fullmatch(after, cues[-1].end(), cue.start()) is None:
            break
        cues.append(cue)
    if cues:
        return _group_tense(cues, after)
    return 0
