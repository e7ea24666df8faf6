"""Which reader reads what: by URL scheme, file suffix, content type and first bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from timeline.config import Settings
from timeline.errors import SourceError
from timeline.sources.article import Article
from timeline.sources.feed import feed_articles, looks_like_feed
from timeline.sources.html import html_to_article
from timeline.sources.jsonl import jsonl_articles
from timeline.sources.text import decode_text, read_bytes, text_to_article

__all__ = ["expand_inputs", "read_input", "SUFFIXES"]

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl",
            ".ndjson"}


def expand_inputs(inputs: list[str]) -> Iterator[str]:
    """Paths and URLs; folders become the readable files under them, sorted."""
    for item in inputs:
        if "://" in item:
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and p.suffix.lower() in SUFFIXES:
                    yield str(p)
        else:
            yield item


def read_input(item: str, settings: Settings) -> Iterator[Article | SourceError]:
    """Every article in one input (a feed or JSON Lines file holds many)."""
    try:
        if "://" in item:
            from timeline.sources.url import fetch

            data, ctype, final = fetch(item, timeout=settings.fetch_timeout,
                                       max_bytes=settings.fetch_max_bytes)
            yield from _from_bytes(data, item, ctype=ctype, url=final)
        else:
            path = Path(item)
            yield from _from_bytes(read_bytes(path), item, suffix=path.suffix.lower())
    except SourceError as err:
        yield err


def _from_bytes(data: bytes, name: str, *, suffix: str = "", ctype: str = "",
                url: str | None = None) -> Iterator[Article | SourceError]:
    if not data.strip():
        raise SourceError(f"{name}: empty")
    if suffix in (".jsonl", ".ndjson") or "json" in ctype:
        yield from jsonl_articles(decode_text(data, name), name)
        return
    if suffix in (".xml", ".rss", ".atom") or "rss" in ctype or "atom" in ctype \
            or looks_like_feed(data):
        yield from feed_articles(data, name)
        return
    head = data[:2048].lstrip().lower()
    if suffix in (".html", ".htm") or "html" in ctype or head.startswith((b"<!doctype html",
                                                                            b"<html")):
        yield html_to_article(data, name, url=url)
        return
    article = text_to_article(decode_text(data, name), name)
    if url and not article.url:
        article.url = url
    yield article
