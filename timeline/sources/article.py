"""The one shape every reader produces."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

__all__ = ["Article", "parse_published"]

_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Article:
    """A document to extract events from: its text and what is known about it."""

    text: str
    name: str  # where it came from (path, URL, "feed.xml#3"), for messages
    published: datetime | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(_SPACES.sub(" ", self.text).strip().encode()).hexdigest()

    @property
    def document_id(self) -> str:
        """A hash of the URL when there is one, else of the normalised text."""
        key = ("url:" + self.url.strip()) if self.url else ("text:" + self.content_hash)
        return hashlib.sha1(key.encode()).hexdigest()


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
    except (TypeError, ValueError, IndexError):
        return None
