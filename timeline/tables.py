"""The SQLModel tables: the one description of the database schema.

Migrations (``timeline/migrations``) build exactly this schema, and a test compares the two.
Besides these tables, text search has a dialect's own structure, made by the migrations
and kept up to date by the store: an FTS5 table on SQLite, a ``tsvector`` column with a GIN
index on PostgreSQL.

``*_key`` columns hold ``models.fold_key`` of the name beside them: the database's own
``lower()`` does not fold every script on SQLite, nor on a PostgreSQL server in the C locale.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, String, Text
from sqlmodel import Field, SQLModel

from timeline.models import utcnow

__all__ = ["Actor", "Document", "Event", "EventActor", "EventTrack", "Revision", "Source",
           "Track", "metadata"]

metadata = SQLModel.metadata


class Document(SQLModel, table=True):
    """An article that was read: one row per distinct text or URL."""

    __tablename__ = "documents"

    id: str = Field(primary_key=True, max_length=40)  # hash of URL or normalised text
    url: str | None = Field(default=None, sa_column=Column(Text, index=True))
    outlet: str | None = None
    title: str | None = Field(default=None, sa_column=Column(Text))
    published: datetime | None = None
    content_hash: str = Field(index=True, max_length=64)
    read_at: datetime = Field(default_factory=utcnow)


class Event(SQLModel, table=True):
    """One occasion of a negotiation, however many documents report it."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_start_end", "date_start", "date_end"),
        # the merge's: short intervals of a type near some days (Store.candidates)
        Index("ix_events_type_span_start", "type", "span_days", "date_start"),
        Index("ix_events_start_id", "date_start", "id"),  # pages newest first, unsorted
        # long intervals are few: the merge and date filters find them apart (Store.candidates)
        Index("ix_events_span", "span_days"),
    )

    id: str = Field(primary_key=True, max_length=32)
    type: str = Field(sa_column=Column(String(16), nullable=False))
    status: str = Field(sa_column=Column(String(16), nullable=False, index=True))
    date_start: date
    date_end: date
    span_days: int = Field(default=0, sa_column=Column(Integer, nullable=False,
                                                       server_default="0"))
    date_precision: str = Field(sa_column=Column(String(16), nullable=False))
    date_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    title: str = Field(sa_column=Column(Text, nullable=False))
    location: str | None = Field(default=None, sa_column=Column(Text, index=True))
    location_key: str | None = Field(default=None, sa_column=Column(Text, index=True))
    country: str | None = Field(default=None, sa_column=Column(Text))
    country_key: str | None = Field(default=None, sa_column=Column(Text, index=True))
    confidence: float = 1.0
    origin: str = Field(sa_column=Column(String(16), nullable=False, index=True))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Actor(SQLModel, table=True):
    """A party that appears in events, under one canonical name."""

    __tablename__ = "actors"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    name_key: str = Field(default="", sa_column=Column(Text, nullable=False, index=True,
                                                       server_default=""))
    kind: str = Field(sa_column=Column(String(16), nullable=False))
    aliases: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class EventActor(SQLModel, table=True):
    """An actor's part in an event, with its role."""

    __tablename__ = "event_actors"

    event_id: str = Field(foreign_key="events.id", primary_key=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actors.id", primary_key=True, index=True)
    role: str = Field(sa_column=Column(String(16), nullable=False))
    position: int = 0


class Source(SQLModel, table=True):
    """That a document (or a person, with a URL) reported an event, and in which words."""

    __tablename__ = "sources"
    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(foreign_key="events.id", index=True, ondelete="CASCADE")
    document_id: str | None = Field(default=None, foreign_key="documents.id", index=True)
    url: str | None = Field(default=None, sa_column=Column(Text))
    outlet: str | None = None
    title: str | None = Field(default=None, sa_column=Column(Text))
    published: date | None = None
    evidence: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    evidence_start: int | None = None
    evidence_end: int | None = None
    position: int = 0


class Track(SQLModel, table=True):
    """A negotiation followed as one story ("Gaza ceasefire and hostage talks")."""

    __tablename__ = "tracks"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    name: str = Field(sa_column=Column(Text, nullable=False))
    parties: str = Field(default="[]", sa_column=Column(Text, nullable=False,
                                                        server_default="[]"))  # JSON list
    keywords: str = Field(default="[]", sa_column=Column(Text, nullable=False,
                                                         server_default="[]"))  # JSON list
    created_at: datetime = Field(default_factory=utcnow)


class EventTrack(SQLModel, table=True):
    """That an event belongs to a track."""

    __tablename__ = "event_tracks"

    event_id: str = Field(foreign_key="events.id", primary_key=True, ondelete="CASCADE")
    track_id: int = Field(foreign_key="tracks.id", primary_key=True, index=True,
                          ondelete="CASCADE")


class Revision(SQLModel, table=True):
    """One row counting the transactions that wrote: what changed since a page was drawn
    is one primary-key read away."""

    __tablename__ = "revision"

    id: int = Field(default=1, primary_key=True)
    n: int = 0
