"""The tense of the clause around a time expression, from cheap lexical cues.

News resolves a bare "Thursday" or "January" against the publication date; whether it is
the last one or the next one depends on the clause: "met on Thursday" vs "will meet on
Thursday". A regex over ~120 characters before the expression (and, failing that, the rest
of the clause after it) is enough for most news prose.
"""

from __future__ import annotations

import re

__all__ = ["clause_tense"]

_CUE = re.compile(
    r"(?i:\b(?P<fut>will|shall|won't|'ll|would|going\s+to|expected\s+to|scheduled|slated"
    r"|due\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|set\s+to|is\s+to|are\s+to"
    r"|upcoming|hopes?\s+to|aims?\s+to|tomorrow|as\s+(?:soon|early)\s+as|might|may)\b"
    r"|\b(?P<past>said|says|was|were|had|did|has|have|been|ago|last|earlier|yesterday"
    r"|since|(?-i:[a-z]{3,}ed)|went|met|made|came|gave|took|told|began|left|held|saw|won|lost"
    r"|fell|rose|sold|bought|spent|paid|struck|hit|killed|announced|tore|fled|shot|spoke|wrote"
    r"|broke|led|ran|flew|fought|brought|thought|felt|kept|found|became|stood|sent|built|chose"
    r"|drove|got|grew|knew|meant|sought|threw|understood|wore|swore|forgot|could)\b)"
)
_CLAUSE_END = re.compile(r"[.;!?\n]\s|[.;!?\n]$|\n")


_DEADLINE_BEFORE = re.compile(r"(?i)\b(?:until|till)\s+$")
# "Until Thursday, they had not...": an "until" that opens the clause governs no verb before
# it, so the clause's own tense decides, as for any other weekday
_OPENS_CLAUSE = re.compile(r"(?i)^[\s\"'`(]*(?:(?:and|but|up)\s+)?(?:until|till)\s+$")


def clause_tense(text: str, start: int, end: int) -> int:
    """+1 if the clause around [start, end) speaks of the future, -1 of the past, else 0."""
    deadline = _DEADLINE_BEFORE.search(text, max(0, start - 8), start) is not None
    lo = max(0, start - 120)
    before = text[lo:start]
    cut = max(before.rfind(". "), before.rfind(";"), before.rfind("\n"), before.rfind("? "))
    if cut >= 0:
        before = before[cut + 1 :]
    last = None
    for last in _CUE.finditer(before):  # noqa: B007 - we want the nearest (last) cue
        pass
    if (
        deadline
        and _OPENS_CLAUSE.search(before) is None
        and (last is None or last.group().lower() not in ("had", "was", "were"))
    ):
        return 1  # "postponed until Tuesday", "given until Friday": news deadlines lie ahead
    if last is not None:
        return 1 if last.group("fut") else -1
    after = text[end : end + 80]
    stop = _CLAUSE_END.search(after)
    if stop:
        after = after[: stop.start()]
    first = _CUE.search(after)
    if first is not None:
        return 1 if first.group("fut") else -1
    return 0
