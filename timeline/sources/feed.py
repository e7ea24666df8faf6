"""RSS and Atom feeds: each entry is an article, dated by the entry."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

from timeline.errors import SourceError
from timeline.sources.article import Article, article_url, published_problem

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
    """Each entry as an article; an entry that cannot be used is a SourceError of its own."""
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as err:  # feedparser fails on some bad input, e.g. &#2000000;
        detail = " ".join(str(err).split())[:200]
        raise SourceError(f"{name}: cannot parse the feed ({type(err).__name__}: {detail})"
                          ) from None
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        detail = " ".join(str(reason).split())[:200] if reason else ""
        raise SourceError(f"{name}: no entries in the feed" + (f" ({detail})" if detail else ""))
    outlet = _text_or_none(parsed.feed.get("title"))
    for i, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_article(entry, f"{name}#{i}", outlet)
        except SourceError as err:
            yield err


def _entry_article(entry: dict, where: str, outlet: str | None) -> Article:
    # dict.get: feedparser's own get() maps the one key to the other, with a warning.
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    published = None
    if stamp:
        try:
            published = datetime(*stamp[:6]).replace(tzinfo=UTC)
        except (TypeError, ValueError, OverflowError):
            raise SourceError(f"{where}: the entry's date {tuple(stamp[:6])} is not a date"
                              ) from None
        problem = published_problem(published)
        if problem:
            raise SourceError(f"{where}: the entry's date {published:%Y-%m-%d}: {problem}")
    title = _text_or_none(entry.get("title"))
    text = _entry_text(entry)
    if not text and not title:
        raise SourceError(f"{where}: the feed entry has no text")
    if title and not text.startswith(title):
        text = f"{title}.\n{text}" if text else title
    return Article(text=text, name=where, published=published,
                   url=article_url(entry.get("link"), where), title=title, outlet=outlet)


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
