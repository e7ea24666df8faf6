"""Regular expressions compiled on first use.

The date engine has a hundred-odd helper patterns; compiling them all at import cost more
than finding the dates of a short text. ``lazy_re`` returns a stand-in that compiles its
pattern the first time a method is called on it, so a text pays only for what it uses.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["compile_all", "lazy_re"]


class _LazyPattern:
    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # only reached for what the slots do not hold: the methods of the compiled pattern
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


_MADE: list[_LazyPattern] = []


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, deferred until the pattern is first used."""
    made = _LazyPattern(pattern, flags)
    _MADE.append(made)
    return cast(re.Pattern[str], made)


def compile_all() -> None:
    """Compile every pattern now: before worker processes are forked, so that they share
    the compiled patterns instead of each compiling its own."""
    for made in _MADE:
        if made._compiled is None:
            made._compiled = re.compile(*made._args)
