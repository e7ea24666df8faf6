"""Which reader reads what: by URL scheme, file suffix, media type and first bytes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from timeline.config import Settings
from timeline.errors import SourceError
from timeline.sources.article import Article, display_url
from timeline.sources.feed import feed_articles, looks_like_feed
from timeline.sources.html import html_to_article
from timeline.sources.jsonl import jsonl_articles
from timeline.sources.text import decode_text, read_bytes, text_to_article

__all__ = ["SUFFIXES", "expand_inputs", "is_url", "read_data", "read_input"]

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl",
            ".ndjson"}
_JSONL_TYPES = {"application/json", "application/x-ndjson", "application/jsonl"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
# URLs written without "//" that people paste; they are refused by name, not read as files.
_OPAQUE = re.compile(r"^(?:data|javascript|vbscript|mailto|about|blob):", re.I)


def is_url(item: str) -> bool:
    """Whether an input names a URL (of any scheme) rather than a file."""
    return "://" in item or bool(_OPAQUE.match(item))


def expand_inputs(inputs: list[str]) -> Iterator[str]:
    """Paths and URLs; folders become the readable files under them, sorted."""
    for item in inputs:
        if is_url(item):
            yield item
            continue
        path = Path(item)
        try:
            is_dir = path.is_dir()
        except (OSError, ValueError):  # a name too long, a NUL byte: read_input names it
            is_dir = False
        if is_dir:
            yield from _files_under(path)
        else:
            yield item


def _files_under(folder: Path) -> Iterator[str]:
    found = []
    try:
        for p in folder.rglob("*"):
            try:
                if p.suffix.lower() in SUFFIXES and p.is_file():
                    found.append(str(p))
            except OSError:
                continue
    except OSError:  # a folder that vanished or cannot be listed: what was found still counts
        pass
    yield from sorted(found)


def read_input(item: str, settings: Settings) -> Iterator[Article | SourceError]:
    """Every article in one input (a feed or JSON Lines file holds many).

    Never raises: whatever goes wrong with the input is yielded as a SourceError naming it,
    and the caller goes on with the next input.
    """
    name = display_url(item) if is_url(item) else item
    try:
        if is_url(item):
            from timeline.sources.url import fetch

            data, ctype, final = fetch(item, timeout=settings.fetch_timeout,
                                       max_bytes=settings.fetch_max_bytes,
                                       allow_private=settings.allow_private_hosts)
            yield from read_data(data, name, media_type=ctype, url=final)
        else:
            path = Path(item)
            yield from read_data(read_bytes(path), item, suffix=path.suffix.lower())
    except SourceError as err:
        yield err
    except Exception as err:  # a reader's bug must not end the batch; name it for a report
        detail = " ".join(str(err).split())[:200]
        yield SourceError(f"{name}: cannot be read ({type(err).__name__}: {detail})")


def read_data(data: bytes, name: str, *, suffix: str = "", media_type: str = "",
              url: str | None = None) -> Iterator[Article | SourceError]:
    """The articles in ``data``, read by its file suffix, its media type or its first bytes.

    Raises SourceError when the whole of ``data`` is unusable; a feed entry or a JSON Lines
    record that is bad is yielded as a SourceError of its own.
    """
    if not data.strip():
        raise SourceError(f"{name}: empty")
    if suffix in (".jsonl", ".ndjson") or media_type in _JSONL_TYPES:
        yield from jsonl_articles(decode_text(data, name), name)
        return
    if suffix in (".xml", ".rss", ".atom") or media_type in _FEED_TYPES or looks_like_feed(data):
        yield from feed_articles(data, name)
        return
    head = data[:2048].lstrip().lower()
    if suffix in (".html", ".htm") or media_type in _HTML_TYPES or head.startswith(
            (b"<!doctype html", b"<html")):
        yield html_to_article(data, name, url=url)
        return
    article = text_to_article(decode_text(data, name), name)
    if url and not article.url:
        article.url = url
    yield article
