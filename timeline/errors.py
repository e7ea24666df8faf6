"""Errors the library raises; the CLI and the dashboard turn them into one-line messages."""

from __future__ import annotations

__all__ = [
    "TimelineError",
    "InvalidInput",
    "NotFound",
    "SourceError",
    "ImportFailed",
]


class TimelineError(Exception):
    """Base class of every error this package raises on purpose."""


class InvalidInput(TimelineError):
    """A value given by a user or a file is not acceptable."""


class NotFound(TimelineError):
    """An id or a name names nothing in the store."""


class SourceError(TimelineError):
    """A document could not be read, fetched or understood."""


class ImportFailed(TimelineError):
    """An import file has bad rows; nothing was written."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems
