"""The event model of EVENTS.md: Pydantic models for input, SQLModel tables for storage.

Layers, as SQLModel recommends:
- ``ActorRef``, ``SourceRef``, ``EventCreate``: what a person, a file or the extractor
  hands in.  All validation lives here, so the CLI, the importer, the dashboard and the
  extractor refuse the same things with the same messages.
- ``Document``, ``Event``, ``Actor``, ``EventActor``, ``Source``: the tables.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from sqlalchemy import Column, Index, String, Text
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from timeline.vocab import ActorKind, EventType, Origin, Precision, Role, Status

__all__ = [
    "ActorKind",
    "ActorRef",
    "EventCreate",
    "EventRow",
    "EventType",
    "Origin",
    "Place",
    "Precision",
    "Role",
    "SourceRef",
    "Status",
    "Document",
    "Event",
    "Actor",
    "EventActor",
    "Source",
    "utcnow",
    "one_line",
]

_SPACES = re.compile(r"\s+")


def utcnow() -> datetime:
    return datetime.now(UTC)


def one_line(text: str) -> str:
    """Collapse runs of whitespace (newlines included) to one space."""
    return _SPACES.sub(" ", text).strip()


_ENUM_WORDS: dict[type, str] = {
    EventType: "event type", Status: "status", Precision: "date precision",
    ActorKind: "actor kind", Role: "role", Origin: "origin",
}


def _enum_help(enum: type, value: object) -> str:
    valid = ", ".join(m.value for m in enum)  # type: ignore[attr-defined]
    return f"unknown {_ENUM_WORDS.get(enum, enum.__name__)} {value!r}; valid: {valid}"


def _coerce_enum(enum: type, value: Any) -> Any:
    """Accept any case and surrounding spaces; name the valid values otherwise."""
    if isinstance(value, enum) or value is None:
        return value
    text = str(value).strip().lower()
    try:
        return enum(text)
    except ValueError:
        raise ValueError(_enum_help(enum, value)) from None


def _enum_field(cls: type[BaseModel], v: Any, info: ValidationInfo) -> Any:
    """Before validation of an enum field: any case, and an error naming the valid values."""
    assert info.field_name is not None
    return _coerce_enum(cls.model_fields[info.field_name].annotation, v)  # type: ignore[arg-type]


# --- input models -----------------------------------------------------------------


class ActorRef(BaseModel):
    """A party to an event: ``Hamas`` (organization) as ``initiator``."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: ActorKind = ActorKind.ORGANIZATION
    role: Role = Role.PARTICIPANT

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = one_line(v)
        if not v:
            raise ValueError("actor name is empty")
        return v

    _enums = field_validator("kind", "role", mode="before")(_enum_field)


class Place(BaseModel):
    """Where an event happened: a city (or a country) with its country."""

    name: str
    country: str | None = None


class SourceRef(BaseModel):
    """One report of an event: the document and the sentence it was read from."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None

    @field_validator("evidence")
    @classmethod
    def _evidence(cls, v: str) -> str:
        return one_line(v)

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        v = (v or "").strip()
        return v or None


class EventCreate(BaseModel):
    """An event as it is handed in, before it has an id."""

    type: EventType
    status: Status = Status.OCCURRED
    date_start: date
    date_end: date | None = None
    date_precision: Precision = Precision.DAY
    date_text: str = ""
    title: str
    actors: list[ActorRef] = Field(min_length=1)
    location: str | None = None
    country: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    origin: Origin = Origin.MANUAL
    sources: list[SourceRef] = Field(default_factory=list)

    _enums = field_validator("type", "status", "date_precision", "origin", mode="before")(
        _enum_field)

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("title is empty")
        return v.strip()

    @field_validator("location", "country", "date_text")
    @classmethod
    def _optional_text(cls, v: str | None) -> str | None:
        if v is None:
            return None
        return one_line(v) or None

    @field_validator("actors")
    @classmethod
    def _unique_actors(cls, v: list[ActorRef]) -> list[ActorRef]:
        seen: dict[str, ActorRef] = {}
        for actor in v:
            seen.setdefault(actor.name.casefold(), actor)
        return list(seen.values())

    @model_validator(mode="after")
    def _interval(self) -> EventCreate:
        if self.date_end is None:
            self.date_end = self.date_start
        if self.date_end < self.date_start:
            raise ValueError(
                f"date_end {self.date_end} is before date_start {self.date_start}"
            )
        if self.date_text is None:
            self.date_text = ""
        return self

    @property
    def evidence(self) -> str:
        return next((s.evidence for s in self.sources if s.evidence), "")

    @property
    def place(self) -> Place | None:
        return Place(name=self.location, country=self.country) if self.location else None


class EventRow(NamedTuple):
    """What a timeline and its table need of an event, and nothing more.

    A tuple on purpose: the store builds 100,000 of these in a fraction of the time
    records take, and the dashboard's cache unpickles them ten times faster than
    dataclasses and a hundred times faster than pydantic models.
    """

    id: str
    type: str
    status: str
    date_start: date
    date_end: date
    date_precision: str
    date_text: str
    title: str
    actors: tuple[str, ...]
    location: str | None
    country: str | None
    outlets: tuple[str, ...]  # outlet, else the URL's host, of each source (deduplicated)
    origin: str
    sources: int  # how many sources


# --- tables -----------------------------------------------------------------------


class Document(SQLModel, table=True):
    """An article that was read: one row per distinct text or URL."""

    __tablename__ = "documents"

    id: str = SQLField(primary_key=True, max_length=40)  # hash of URL or normalised text
    url: str | None = SQLField(default=None, sa_column=Column(Text, index=True))
    outlet: str | None = None
    title: str | None = SQLField(default=None, sa_column=Column(Text))
    published: datetime | None = None
    content_hash: str = SQLField(index=True, max_length=64)
    read_at: datetime = SQLField(default_factory=utcnow)


class Event(SQLModel, table=True):
    """One occasion of a negotiation, however many documents report it."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_start_end", "date_start", "date_end"),
        Index("ix_events_type_start", "type", "date_start"),
    )

    id: str = SQLField(primary_key=True, max_length=32)
    type: str = SQLField(sa_column=Column(String(16), nullable=False))
    status: str = SQLField(sa_column=Column(String(16), nullable=False, index=True))
    date_start: date
    date_end: date
    date_precision: str = SQLField(sa_column=Column(String(16), nullable=False))
    date_text: str = SQLField(default="", sa_column=Column(Text, nullable=False, default=""))
    title: str = SQLField(sa_column=Column(Text, nullable=False))
    location: str | None = SQLField(default=None, sa_column=Column(Text, index=True))
    country: str | None = SQLField(default=None, sa_column=Column(Text))
    confidence: float = 1.0
    origin: str = SQLField(sa_column=Column(String(16), nullable=False, index=True))
    created_at: datetime = SQLField(default_factory=utcnow)
    updated_at: datetime = SQLField(default_factory=utcnow)


class Actor(SQLModel, table=True):
    """A party that appears in events, under one canonical name."""

    __tablename__ = "actors"

    id: int | None = SQLField(default=None, primary_key=True)
    name: str = SQLField(sa_column=Column(Text, nullable=False, unique=True))
    kind: str = SQLField(sa_column=Column(String(16), nullable=False))
    aliases: str = SQLField(default="", sa_column=Column(Text, nullable=False, default=""))


class EventActor(SQLModel, table=True):
    """An actor's part in an event, with its role."""

    __tablename__ = "event_actors"

    event_id: str = SQLField(foreign_key="events.id", primary_key=True, ondelete="CASCADE")
    actor_id: int = SQLField(foreign_key="actors.id", primary_key=True, index=True)
    role: str = SQLField(sa_column=Column(String(16), nullable=False))
    position: int = 0


class Source(SQLModel, table=True):
    """That a document (or a person, with a URL) reported an event, and in which words."""

    __tablename__ = "sources"
    id: int | None = SQLField(default=None, primary_key=True)
    event_id: str = SQLField(foreign_key="events.id", index=True, ondelete="CASCADE")
    document_id: str | None = SQLField(default=None, foreign_key="documents.id", index=True)
    url: str | None = SQLField(default=None, sa_column=Column(Text))
    outlet: str | None = None
    title: str | None = SQLField(default=None, sa_column=Column(Text))
    published: date | None = None
    evidence: str = SQLField(default="", sa_column=Column(Text, nullable=False, default=""))
    evidence_start: int | None = None
    evidence_end: int | None = None
    position: int = 0
