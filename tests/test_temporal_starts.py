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

# what can follow a word token (letters cannot: the token would be longer); the rules tell
# no other punctuation or digit apart from these
_AFTER_WORD = tuple(" \n-.,'’:;/()\"1")
# what can follow a digit token ("1990s", "24th", "5pm", "10/24", "24-hour")
_AFTER_DIGITS = tuple(" \n" + string.punctuation + string.ascii_letters)
_DIGIT_PROBES = ("1", "3", "12", "24", "30", "1990", "2024", "19")


@cache
def _compiled() -> tuple[tuple[str, object], ...]:
    return tuple((name, regex.compile(rx)) for name, rx in patterns._RULES)


def rules_starting_at(word: str) -> tuple[str, ...]:
    """The rules (in rule order) a match can begin with at the token `word`, taking in
    at least the whole token ("today" does not start a rule at "todays")."""
    if word == "0":
        probes = [(d, d + t) for d in _DIGIT_PROBES for t in _AFTER_DIGITS]
    elif word == "'":
        probes = [("'8", "'" + d + t) for d in ("8", "80", "80s") for t in _AFTER_WORD]
    else:
        forms = {word, word.capitalize(), word.upper()}
        probes = [(f, f + t) for f in forms for t in _AFTER_WORD]

    def starts(rx: object) -> bool:
        for token, probe in probes:
            m = rx.match(probe, partial=True)  # type: ignore[attr-defined]
            if m is not None and (m.partial or m.end() >= len(token)):
                return True
        return False

    return tuple(name for name, rx in _compiled() if starts(rx))


# every word a rule can begin with is spelled out in some rule (perhaps with a plural "s":
# "Sundays"), or is a number or ordinal
_SPELLED = {w.lower() for _, rx in patterns._RULES for w in re.findall(r"[A-Za-z]{2,}", rx)}
CANDIDATE_WORDS = (
    _SPELLED
    | {w + "s" for w in _SPELLED}
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


def words_after(word: str) -> frozenset[str]:
    """The first three letters (lower case) of the tokens that can follow `word` and a space
    in a match of its rules; "0" stands for digits, "'" for an apostrophe ("the '80s")."""
    rules = [rx for name, rx in _compiled() if name in patterns.NARROW.get(word, ())]
    heads = {word, word.capitalize(), word.upper()}
    out = set()
    for nxt in {w[:3] for w in CANDIDATE_WORDS}:
        if nxt == "0":
            forms = list(_DIGIT_PROBES)
        elif nxt == "'":
            forms = ["'8"]
        else:
            forms = [nxt, nxt.capitalize(), nxt.upper()]
        probes = [f"{h} {f}" for h in heads for f in forms]
        if any(rx.match(p, partial=True) for rx in rules for p in probes):  # type: ignore[attr-defined]
            out.add(nxt)
    return frozenset(out)


@pytest.mark.parametrize("word", sorted(patterns.AFTER))
def test_words_after_a_frequent_word_are_all_listed(word: str) -> None:
    missing = sorted(words_after(word) - patterns.AFTER[word])
    assert not missing, f"add to patterns._AFTER[{word!r}]: {missing}"
