"""The vocabulary of a negotiation event (see EVENTS.md in the README): plain enums.

Kept apart from the models so that the date engine and the extractor can use it
without importing the database layer.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["EventType", "Status", "Precision", "ActorKind", "Role", "Origin"]


class EventType(StrEnum):
    VISIT = "visit"
    MEETING = "meeting"
    STATEMENT = "statement"
    PROPOSAL = "proposal"
    AGREEMENT = "agreement"
    REJECTION = "rejection"
    REQUEST = "request"
    CEASEFIRE = "ceasefire"


class Status(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    RANGE = "range"
    UNKNOWN = "unknown"


class ActorKind(StrEnum):
    STATE = "state"
    ORGANIZATION = "organization"
    PERSON = "person"
    GROUP = "group"


class Role(StrEnum):
    INITIATOR = "initiator"
    COUNTERPART = "counterpart"
    MEDIATOR = "mediator"
    HOST = "host"
    PARTICIPANT = "participant"


class Origin(StrEnum):
    EXTRACTED = "extracted"
    MANUAL = "manual"
    IMPORTED = "imported"
