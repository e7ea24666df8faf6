"""The value object the date engine returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.vocab import Precision

__all__ = ["TimeExpression"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression found in a text, normalised against the document creation time.

    ``interval`` is the first and last calendar day the expression denotes. It is set for
    DATE and TIME expressions that name a calendar period, and also for the few anchored
    durations that a timeline can place ("the coming days"); otherwise it is None. The two
    ends of a range ("June 1" and "June 3" in "from June 1 to June 3") both carry the whole
    range, with precision ``range``.
    ``mod`` is the TIMEX3 modifier the words add to the value: ``START``/``MID``/``END``
    ("early March", "the late 1970s"), ``APPROX`` ("about two years"), ``LESS_THAN``,
    ``MORE_THAN``, ``EQUAL_OR_LESS``, ``EQUAL_OR_MORE`` ("nearly", "more than", "up to",
    "at least"); None when there is none.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    interval: tuple[date, date] | None
    precision: Precision
    mod: str | None = None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "interval": (
                [self.interval[0].isoformat(), self.interval[1].isoformat()]
                if self.interval
                else None
            ),
            "precision": str(self.precision),
        }
        if self.mod:
            data["mod"] = self.mod
        return data
