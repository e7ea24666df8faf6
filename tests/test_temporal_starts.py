"""The date engine tries, at each trigger word, only the rules that can start there.

``timeline.temporal.patterns.NARROW`` says which rules those are, so that a short text
compiles only a few small alternations. A rule left out of a word's list would silently
miss expressions; this test derives the lists from the rules themselves with the
``regex`` module's partial matching (can ``word`` + a separator begin a match?) and
checks the table against them. When a rule changes, the failure message names what is
missing.
"""

from __future__ import annotations

import re
import string
from functools import cache

import pytest

from timeline.temporal import patterns

regex = pytest.importorskip("regex")

# what can follow a word token (letters cannot: the token would be longer)
_AFTER_WORD = tuple(" \n" + string.punctuation + string.digits + "’")
# what can follow a digit token ("1990s", "24th", "5pm", "10/24", "24-hour")
_AFTER_DIGITS = tuple(" \n" + string.punctuation + string.ascii_letters)
_DIGIT_PROBES = ("1", "3", "12", "24", "30", "1990", "2024", "19")


@cache
def _compiled() -> tuple[tuple[str, object], ...]:
    return tuple((name, regex.compile(rx)) for name, rx in patterns._RULES)


def rules_starting_at(word: str) -> tuple[str, ...]:
    """The rules (in rule order) a match can begin with at the token `word`."""
    if word == "0":
        probes = [d + t for d in _DIGIT_PROBES for t in _AFTER_DIGITS]
    elif word == "'":
        probes = ["'" + d + t for d in ("8", "80", "80s") for t in _AFTER_WORD]
    else:
        forms = {word, word.capitalize(), word.upper()}
        probes = [f + t for f in forms for t in _AFTER_WORD]
    return tuple(
        name
        for name, rx in _compiled()
        if any(rx.match(p, partial=True) for p in probes)  # type: ignore[attr-defined]
    )


# every word a rule can begin with is spelled out in some rule, or is a number or ordinal
CANDIDATE_WORDS = (
    {w.lower() for _, rx in patterns._RULES for w in re.findall(r"[A-Za-z]{2,}", rx)}
    | set(patterns.NUMBER_WORDS)
    | {w for w in patterns.ORDINALS if w.isalpha()}
    | {"a", "q", "0", "'"}
)


def test_every_word_that_can_start_a_rule_lists_it() -> None:
    missing = {}
    for word in sorted(CANDIDATE_WORDS):
        needed = rules_starting_at(word)
        have = patterns.NARROW.get(word, ())
        if not set(needed) <= set(have):
            missing[word] = sorted(set(needed) - set(have))
    assert not missing, f"add to patterns._STARTS: {missing}"


def test_triggers_are_the_words_of_the_table() -> None:
    assert frozenset(patterns.NARROW) - {"0", "'"} == patterns.TRIGGERS
