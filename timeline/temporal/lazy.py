"""Regular expressions compiled on first use.

The date engine has a hundred-odd helper patterns; compiling them all at import cost more
than finding the dates of a short text. ``lazy_re`` returns a stand-in that compiles its
pattern the first time a method is called on it, so a text pays only for what it uses.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_re"]


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


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, deferred until the pattern is first used."""
    return cast(re.Pattern[str], _LazyPattern(pattern, flags))
