"""The one shape every reader produces, and the checks of what a document says about itself:
its publication date and its URL."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

from timeline.errors import SourceError

__all__ = ["MAX_URL_CHARS", "MAX_YEAR", "MIN_YEAR", "Article", "article_url", "check_published",
           "display_url", "parse_published", "published_problem", "shown_value"]

_SPACES = re.compile(r"\s+")
# The user name and password of "scheme://user:password@host/" and "//user@host"; of
# "http:/user@host" and "http:///user@host" too, which browsers read the same way.
_USERINFO = re.compile(r"^((?:[^:/?#]*:)?[/\\]{2,}|https?:[/\\]?)[^/?#\\]*@", re.I)
_HTTP_URL = re.compile(r"https?://(?:[^\s/?#]*@)?[^\s/?#@]+(?:[/?#]\S*)?", re.I)

# News is dated within these years. Dates are worked out relative to the publication date
# ("next century", "in 300 years"), and years near 1 or 9999 leave no room for that.
MIN_YEAR, MAX_YEAR = 1000, 9000
MAX_URL_CHARS = 2048  # the longest URL sitemaps and most servers accept


def display_url(url: str) -> str:
    """``url`` without the user name and password it may carry, on one line: the form of a
    URL that is stored, printed or put in a message."""
    shown = _USERINFO.sub(r"\1", url.strip())
    return "".join(c if c.isprintable() else "?" for c in shown)


def shown_value(value: object, limit: int = 60) -> str:
    """A value from a document, quoted and cut, for a one-line message."""
    text = repr(value if not isinstance(value, str) or len(value) <= limit
                else value[:limit] + "...")
    return text if len(text) <= limit + 10 else text[:limit + 7] + "..."


@dataclass(slots=True)
class Article:
    """A document to extract events from: its text and what is known about it.

    A URL never keeps credentials (``http://user:secret@host/`` is kept as
    ``http://host/``): it is stored and shown.
    """

    text: str
    name: str  # where it came from (path, URL, "feed.xml#3"), for messages
    published: datetime | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None

    def __post_init__(self) -> None:
        if self.url is not None:
            self.url = _USERINFO.sub(r"\1", self.url.strip()) or None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(_SPACES.sub(" ", self.text).strip().encode()).hexdigest()

    @property
    def document_id(self) -> str:
        """A hash of the URL when there is one, else of the normalised text."""
        key = ("url:" + self.url.strip()) if self.url else ("text:" + self.content_hash)
        return hashlib.sha1(key.encode()).hexdigest()


def article_url(value: object, where: str) -> str | None:
    """The URL a document names for itself, without credentials; None when it names none.

    Raises SourceError unless it is an absolute http(s) URL of at most ``MAX_URL_CHARS``
    characters without spaces: it identifies the document and becomes a link.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise SourceError(f"{where}: url {shown_value(value)} is not a string")
    url = value.strip()
    if len(url) > MAX_URL_CHARS or not _HTTP_URL.fullmatch(url) or not url.isprintable():
        raise SourceError(f"{where}: url {shown_value(display_url(url))} is not an http(s) URL")
    return _USERINFO.sub(r"\1", url)


def parse_published(value: object) -> datetime | None:
    """A publication time from ISO text, a date, or RFC 822 text as feeds write it."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def published_problem(when: date) -> str | None:
    """Why a publication date cannot be used, or None."""
    if MIN_YEAR <= when.year <= MAX_YEAR:
        return None
    return (f"year {when.year} is outside {MIN_YEAR}-{MAX_YEAR}, the years a publication "
            f"date may have")


def check_published(value: object, where: str) -> datetime | None:
    """The publication time a document gives, None when it gives none.

    Raises SourceError naming the value when it is not a date or not a usable one.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    when = parse_published(value)
    if when is None:
        raise SourceError(f"{where}: publication date {shown_value(value)} is not a date")
    problem = published_problem(when)
    if problem:
        raise SourceError(f"{where}: publication date {shown_value(value)}: {problem}")
    return when
