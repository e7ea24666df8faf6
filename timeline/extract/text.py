"""Stage 1: split an article into sentences with character offsets and paragraph numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.temporal.patterns import MON

__all__ = ["CHRONOLOGY", "Sentence", "split_sentences"]

_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "no", "eng", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
    "u.k", "e.u", "vs", "etc", "inc", "corp", "jr", "sr", "prof", "capt", "maj", "sgt", "adm",
    "a.m", "p.m", "approx", "fig", "pres",
}
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_TERMINAL = re.compile(r"[.!?:;\"”’)]\s*$")
# "- July 20, 2002, Machakos: the two sides agree ...", "12 March 2004 - talks open": a line
# of a chronology, whose opening date (and place) are those of what the line tells
CHRONOLOGY = re.compile(
    rf"\s*(?:[-–—•*·]\s*)?(?P<date>{MON}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{MON}(?:,?\s+\d{{4}})?|{MON}\s+\d{{4}}|\d{{4}}-\d\d-\d\d|\d{{4}})"
    r"(?:,\s*(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}))?\s*(?::|\s[-–—]|\s?[–—])\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: ``text[start:end]``; ``headline`` for title-like lines."""

    start: int
    end: int
    text: str
    para: int
    headline: bool = False


def _is_abbrev(chunk: str) -> bool:
    m = re.search(r"([A-Za-z.]+)\.$", chunk)
    if not m:
        return False
    word = m.group(1).lower()
    return word in _ABBREV or len(word) == 1


def _inside_quote(body: str, start: int, cut: int) -> bool:
    """A quotation opened in this sentence and closed later on the line: ``said: "There was
    a positive spirit. There wasn't any effort to ..."`` is one sentence, so that what is said
    stays with the verb that says it."""
    head = body[start:cut]
    if head.count("“") > head.count("”"):
        return "”" in body[cut:]
    if head.count('"') % 2 == 1:
        return '"' in body[cut:]
    return False


def split_sentences(text: str) -> list[Sentence]:
    """Paragraphs are lines; sentences split at . ! ? before a capital, minding abbreviations
    and quotations that run on.

    A line with no final punctuation and under 40 words near the top is a headline.
    """
    out: list[Sentence] = []
    para = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start_line = pos
        pos += len(line)
        if not body.strip():
            continue
        para += 1
        stripped = body.strip()
        is_head = (
            not _TERMINAL.search(stripped) and len(stripped.split()) < 40 and len(out) < 4
        )
        cursor = 0
        pieces: list[tuple[int, int]] = []
        for m in _BOUNDARY.finditer(body):
            cut = m.start() + 1
            while cut < len(body) and body[cut] in "\"”’')]":
                cut += 1
            if _is_abbrev(body[cursor:m.start() + 1]) or _inside_quote(body, cursor, cut):
                continue
            pieces.append((cursor, cut))
            cursor = m.end()
        pieces.append((cursor, len(body)))
        for a, b in pieces:
            chunk = body[a:b]
            lead = len(chunk) - len(chunk.lstrip())
            chunk = chunk.strip()
            if not chunk:
                continue
            s = start_line + a + lead
            out.append(Sentence(s, s + len(chunk), chunk, para, is_head))
    return out
