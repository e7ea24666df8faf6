"""The event model of EVENTS.md, as Pydantic models: what is handed in and what comes out.

- ``ActorRef``, ``SourceRef``, ``EventCreate``: what a person, a file or the extractor
  hands in.  All validation lives here, so the CLI, the importer, the dashboard and the
  extractor refuse the same things with the same messages.
- ``EventRecord``: a stored event (an ``EventCreate`` with its id and times).
- ``EventFilter``: what lists, exports and the dashboard filter on.
- ``EventRow``: the slim tuple a timeline draws.
- ``TrackCreate``, ``TrackInfo``: negotiation tracks.

The SQLModel tables are in ``timeline.tables``; this module does not import the database
layer, so the extractor and the date engine stay quick to start.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit, urlunsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from timeline.vocab import ActorKind, EventType, Origin, Precision, Role, Status

__all__ = [
    "ActorKind",
    "ActorRef",
    "ActorTuple",
    "EventCreate",
    "EventFilter",
    "EventRecord",
    "EventRow",
    "EventType",
    "Origin",
    "Place",
    "Precision",
    "RecordTuple",
    "Role",
    "SourceRef",
    "SourceTuple",
    "Status",
    "TrackCreate",
    "TrackInfo",
    "check_event_id",
    "date_words",
    "describe_validation_error",
    "fold",
    "fold_key",
    "one_line",
    "search_words",
    "slugify",
    "storable",
    "strip_credentials",
    "track_slugs",
    "utcnow",
]

# C0 controls other than tab, newline and carriage return, DEL, and lone surrogates: no
# database stores all of them (PostgreSQL refuses NUL) and no CSV reader gives them back.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_ISO_DAY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")
_EVENT_ID = re.compile(r"^[^\s\x00-\x1f\x7f]{1,32}$")
MAX_ID_LENGTH = 32


def utcnow() -> datetime:
    return datetime.now(UTC)


def one_line(text: str) -> str:
    """Collapse runs of whitespace (newlines included) to one space."""
    # str.split() and the pattern's \s are the same characters; splitting is the quicker
    return " ".join(text.split())


def fold_key(text: str) -> str:
    """What names are compared by, in any script: ``Ελλάδα`` and ``ΕΛΛΆΔΑ`` are one key.

    SQLite's ``lower()`` folds ASCII only and PostgreSQL's depends on the server's locale,
    so the store keeps this key beside each name and compares keys.
    """
    return unicodedata.normalize("NFKC", one_line(text)).casefold()


# Letters with a stroke or a bar are not decomposed by Unicode: ``Łódź`` would keep its Ł.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ƀ": "b",
                               "ɨ": "i", "ʉ": "u", "ð": "d", "þ": "th", "æ": "ae",
                               "œ": "oe", "ı": "i"})


def fold(text: str) -> str:
    """Text for searching: case folded and without accents (``Österreich`` -> ``osterreich``,
    ``Łódź`` -> ``lodz``)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return unicodedata.normalize("NFKC", "".join(
        c for c in decomposed if c < "\u0300" or not unicodedata.combining(c)))


def date_words(start: date, end: date | None, precision: object, *, long: bool = False
               ) -> str:
    """A resolved date as a reader wants it: ``4 May 2024``, ``6–8 May 2024``, ``May 2024``,
    ``week of 4 May 2024``, ``Q2 2024``; ``long`` writes month names in full."""
    end = end or start
    month = "%B" if long else "%b"
    precision = str(precision)
    if precision == Precision.MONTH:
        return start.strftime(f"{month} %Y")
    if precision == Precision.YEAR:
        return str(start.year)
    if precision == Precision.QUARTER:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"

    def day(d: date, with_year: bool = True) -> str:
        return f"{d.day} {d.strftime(month)}" + (f" {d.year}" if with_year else "")

    if precision == Precision.WEEK:
        return f"week of {day(start)}"
    if end == start:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end)}"
    if start.year == end.year:
        return f"{day(start, False)} – {day(end)}"
    return f"{day(start)} – {day(end)}"


_WORD = re.compile(r"[^\W_]{1,100}")  # as the full-text indexes split: "_" separates


def search_words(text: str) -> list[str]:
    """The words a text is found by: folded (any case, no accents), in order, once each,
    split where the databases' full-text indexes split them, at most 100 letters long."""
    return list(dict.fromkeys(_WORD.findall(fold(text))))


def slugify(text: str) -> str:
    """``Gaza ceasefire & hostage talks`` -> ``gaza-ceasefire-hostage-talks``."""
    words = re.findall(r"\w+", fold(text))
    return "-".join(words)[:60].strip("-")


def check_event_id(value: str) -> str:
    """An event id as stored: lowercase, 1 to 32 characters, no spaces or control
    characters (ids made here are 12 hex digits; files may bring their own)."""
    key = value.strip().lower()
    if not _EVENT_ID.match(key):
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise ValueError(f"id {shown!r} is not valid: use 1 to {MAX_ID_LENGTH} characters "
                         f"without spaces")
    return key


def strip_credentials(url: str) -> str:
    """The URL without ``user:password@``: a stored or shown URL never carries secrets."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host + (f":{port}" if port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def storable(value: str) -> str:
    """The text without the characters no database can hold (see ``_check_chars``): for
    what a page reads from a link or a search box, where dropping them is the kind reply."""
    return _BAD_CHARS.sub("", value)


def _check_chars(value: str) -> str:
    bad = _BAD_CHARS.search(value)
    if bad:
        char = bad.group()
        name = "NUL" if char == "\x00" else f"U+{ord(char):04X}"
        raise ValueError(f"contains the character {name}, which cannot be stored; remove it")
    return value


_ENUM_WORDS: dict[type, str] = {
    EventType: "event type", Status: "status", Precision: "date precision",
    ActorKind: "actor kind", Role: "role", Origin: "origin",
}


def _enum_help(enum: type, value: object) -> str:
    valid = ", ".join(m.value for m in enum)  # type: ignore[attr-defined]
    shown = value if not isinstance(value, str) or len(value) <= 40 else value[:40] + "..."
    return f"unknown {_ENUM_WORDS.get(enum, enum.__name__)} {shown!r}; valid: {valid}"


@functools.cache
def _members(enum: type) -> dict[str, Any]:
    return {m.value: m for m in enum}  # type: ignore[attr-defined]


def _coerce_enum(enum: type, value: Any) -> Any:
    """Accept any case and surrounding spaces; name the valid values otherwise."""
    if isinstance(value, enum) or value is None:
        return value
    if not isinstance(value, str):
        raise ValueError(_enum_help(enum, value))
    members = _members(enum)  # a lookup: an import validates this for every cell
    found = members.get(value)
    if found is None:
        found = members.get(value.strip().lower())
    if found is None:
        raise ValueError(_enum_help(enum, value))
    return found


def _enum_field(enum: type) -> Callable[[Any], Any]:
    """Before validation of a field of ``enum``: any case, and an error naming the valid
    values. One function per field, without Pydantic's ValidationInfo: an import runs it
    for every cell."""
    members = _members(enum)

    def check(v: Any) -> Any:
        if type(v) is str:  # the usual value, as written: one lookup
            found = members.get(v)
            if found is not None:
                return found
        return _coerce_enum(enum, v)

    return check


def describe_validation_error(err: ValidationError) -> str:
    """One line per problem, naming the field: ``date_end: ... before date_start``."""
    parts = []
    for e in err.errors():
        field = ".".join(str(p) for p in e["loc"]) or "event"
        msg = e["msg"].removeprefix("Value error, ")
        parts.append(f"{field}: {msg}")
    return "; ".join(parts)


class _Strict(BaseModel):
    """Text fields must be strings (a number is not a title); each model's text validators
    also refuse characters no database stores (``_check_chars``)."""

    model_config = ConfigDict(strict=False, coerce_numbers_to_str=False)


# --- input models -----------------------------------------------------------------

# "Hamas [organization/initiator]" is how CSV files write an actor; "Hamas:initiator" how
# the command line does. Either syntax arriving as a name is a mistake, never a name.
_BRACKETED = re.compile(r"\[[^\]]*\]\s*$")
_COLON_ROLE = re.compile(
    r":\s*(?:" + "|".join(r.value for r in Role) + "|" + "|".join(k.value for k in ActorKind)
    + r")\s*(?::|$)", re.I)


class ActorRef(_Strict):
    """A party to an event: ``Hamas`` (organization) as ``initiator``."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: ActorKind = ActorKind.ORGANIZATION
    role: Role = Role.PARTICIPANT

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = one_line(_check_chars(v))
        if not v:
            raise ValueError("actor name is empty")
        if ";" in v:
            raise ValueError(f"actor name {v!r} has a ';': give each actor on its own (in a "
                             f"CSV file actors are separated by ';')")
        if _BRACKETED.search(v) or _COLON_ROLE.search(v):
            raise ValueError(
                f"actor name {v!r} carries a role or kind: give the name alone and the role "
                f"and kind in their own fields (on the command line NAME:role:kind, in a "
                f"CSV file 'Name [kind/role]')")
        return v

    _kind = field_validator("kind", mode="before")(_enum_field(ActorKind))
    _role = field_validator("role", mode="before")(_enum_field(Role))


class Place(BaseModel):
    """Where an event happened: a city (or a country) with its country."""

    name: str
    country: str | None = None


class SourceRef(_Strict):
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
        return one_line(_check_chars(v))

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        v = _check_chars(v or "").strip()
        return strip_credentials(v) if v else None

    @field_validator("outlet", "title")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return None if v is None else _check_chars(v)


def track_slugs(v: Any) -> list[str]:
    """Track references (slugs or names) as slugs, once each; a clear error for one that has
    no letter or digit."""
    return _track_slugs(v)


def _track_slugs(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        v = [v]
    out: list[str] = []
    for item in v:
        if not isinstance(item, str):
            raise ValueError(f"a track is named by text, not {type(item).__name__}")
        slug = slugify(item)
        if not slug:
            raise ValueError(f"track {item!r} has no letters or digits")
        if slug not in out:
            out.append(slug)
    return out


class EventCreate(_Strict):
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
    tracks: list[str] = Field(default_factory=list)

    _type = field_validator("type", mode="before")(_enum_field(EventType))
    _status = field_validator("status", mode="before")(_enum_field(Status))
    _precision = field_validator("date_precision", mode="before")(_enum_field(Precision))
    _origin = field_validator("origin", mode="before")(_enum_field(Origin))

    @field_validator("date_start", "date_end", mode="before")
    @classmethod
    def _day(cls, v: Any) -> Any:
        # Pydantic reads a number as seconds since 1970: "0" would be 1970-01-01.
        if isinstance(v, int | float) and not isinstance(v, bool):
            raise ValueError(f"{v!r} is not a date: write YYYY-MM-DD")
        if isinstance(v, str) and not _ISO_DAY.fullmatch(v):
            raise ValueError(f"{v[:40]!r} is not a date: write YYYY-MM-DD")
        return v.strip() if isinstance(v, str) else v

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("title is empty")
        return _check_chars(v.strip())

    @field_validator("location", "country", "date_text")
    @classmethod
    def _optional_text(cls, v: str | None) -> str | None:
        if v is None:
            return None
        return one_line(_check_chars(v)) or None

    @field_validator("actors")
    @classmethod
    def _unique_actors(cls, v: list[ActorRef]) -> list[ActorRef]:
        seen: dict[str, ActorRef] = {}
        for actor in v:
            seen.setdefault(fold_key(actor.name), actor)
        return list(seen.values())

    @field_validator("tracks", mode="before")
    @classmethod
    def _tracks(cls, v: Any) -> list[str]:
        return _track_slugs(v)

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


class EventRecord(EventCreate):
    """A stored event: what was handed in, plus its id and times."""

    id: str
    created_at: datetime | None = None
    updated_at: datetime | None = None


class EventFilter(BaseModel):
    """What the list, the export and the dashboard filter on. Empty means everything.

    ``actors`` and ``locations`` match whole names in any letter case; ``text`` matches
    words of the title and the evidence (each word as a prefix: ``negotiat`` finds
    ``negotiations``); ``tracks`` are track slugs or names.
    """

    since: date | None = None
    until: date | None = None
    types: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    statuses: list[str] = Field(default_factory=list)
    origins: list[str] = Field(default_factory=list)
    tracks: list[str] = Field(default_factory=list)
    text: str | None = None
    limit: int | None = Field(default=None, ge=1, le=10**12)
    offset: int = Field(default=0, ge=0, le=10**12)

    @field_validator("types", "actors", "locations", "statuses", "origins", "tracks", "text")
    @classmethod
    def _storable(cls, v: Any) -> Any:
        """What no database can hold (a lone surrogate from bytes that are not UTF-8, NUL)
        matches nothing stored, and could not even be sent: named, not searched for."""
        for value in [v] if isinstance(v, str) else v or []:
            _check_chars(value)
        return v


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
    tracks: tuple[str, ...] = ()  # slugs of the event's tracks


class ActorTuple(NamedTuple):
    name: str
    kind: str
    role: str


class SourceTuple(NamedTuple):
    url: str | None
    outlet: str | None
    title: str | None
    published: date | None
    evidence: str
    evidence_start: int | None
    evidence_end: int | None


class RecordTuple(NamedTuple):
    """A stored event as plain tuples, field for field an ``EventRecord``: what exports
    stream, a hundred thousand a second where records take ten times longer."""

    id: str
    type: str
    status: str
    date_start: date
    date_end: date
    date_precision: str
    date_text: str
    title: str
    actors: tuple[ActorTuple, ...]
    location: str | None
    country: str | None
    confidence: float
    origin: str
    sources: tuple[SourceTuple, ...]
    tracks: tuple[str, ...]
    created_at: datetime | None
    updated_at: datetime | None

    def record(self) -> EventRecord:
        """The validated-on-the-way-in model of this event (built without validating)."""
        return EventRecord.model_construct(
            id=self.id, type=_known(EventType, self.type), status=_known(Status, self.status),
            date_start=self.date_start, date_end=self.date_end,
            date_precision=_known(Precision, self.date_precision), date_text=self.date_text,
            title=self.title,
            actors=[ActorRef.model_construct(name=a.name, kind=_known(ActorKind, a.kind),
                                             role=_known(Role, a.role)) for a in self.actors],
            location=self.location, country=self.country, confidence=self.confidence,
            origin=_known(Origin, self.origin),
            sources=[SourceRef.model_construct(**s._asdict()) for s in self.sources],
            tracks=list(self.tracks), created_at=self.created_at, updated_at=self.updated_at)


def _known(enum: Any, value: str) -> Any:
    """The enum member, or the text itself when a newer version wrote a value we lack."""
    try:
        return enum(value)
    except ValueError:
        return value


# --- tracks -------------------------------------------------------------------------


class TrackCreate(_Strict):
    """A negotiation followed as one story: its name, its parties and the words that name it.

    Extracted events join a track when they name one of its parties and their article
    uses one of its keywords (or, for a track without keywords, when they name two of its
    parties).
    """

    name: str
    slug: str = ""
    parties: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = one_line(_check_chars(v))
        if not v:
            raise ValueError("track name is empty")
        return v

    @field_validator("parties", "keywords")
    @classmethod
    def _words(cls, v: list[str]) -> list[str]:
        out: list[str] = []
        for item in v:
            item = one_line(_check_chars(item))
            if item and fold_key(item) not in {fold_key(x) for x in out}:
                out.append(item)
        return out

    @model_validator(mode="after")
    def _slug(self) -> TrackCreate:
        given = self.slug
        self.slug = slugify(given or self.name)
        if not self.slug:
            what = f"slug {given!r}" if given else f"name {self.name!r}"
            raise ValueError(f"track {what} has no letters or digits")
        return self


class TrackInfo(TrackCreate):
    """A stored track and how many events it holds."""

    events: int = 0


_TABLES = {"Actor", "Document", "Event", "EventActor", "EventTrack", "Source", "Track"}


def __getattr__(name: str) -> Any:
    # The tables moved to ``timeline.tables``; importing them from here still works, without
    # making every user of these models pay for SQLAlchemy.
    if name in _TABLES:
        from timeline import tables

        return getattr(tables, name)
    raise AttributeError(f"module 'timeline.models' has no attribute {name!r}")
