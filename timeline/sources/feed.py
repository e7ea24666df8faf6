"""RSS and Atom feeds: each entry is an article, dated by the entry."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

from timeline.errors import SourceError
from timeline.sources.article import Article

__all__ = ["feed_articles", "looks_like_feed"]

_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_TAGS = re.compile(r"<[^>]+>")


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_START.search(data[:4096]))


def _entry_text(entry: dict) -> str:
    import html

    parts = [c.get("value", "") for c in entry.get("content", []) or []]
    if not parts and entry.get("summary"):
        parts = [entry["summary"]]
    raw = "\n".join(parts)
    if "<" in raw:
        from timeline.sources.html import html_to_article

        try:
            return html_to_article(f"<html><body><article>{raw}</article></body></html>",
                                   "entry").text
        except SourceError:
            raw = _TAGS.sub(" ", raw)
    return html.unescape(raw).strip()


def feed_articles(data: bytes, name: str) -> Iterator[Article | SourceError]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise SourceError(f"{name}: no entries in the feed" + (f" ({reason})" if reason else ""))
    outlet = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries, start=1):
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime(*stamp[:6]).replace(tzinfo=UTC) if stamp else None
        title = entry.get("title")
        text = _entry_text(entry)
        if not text and not title:
            yield SourceError(f"{name}#{i}: the feed entry has no text")
            continue
        if title and not text.startswith(title):
            text = f"{title}.\n{text}" if text else title
        yield Article(text=text, name=f"{name}#{i}", published=published,
                      url=entry.get("link"), title=title, outlet=outlet)
