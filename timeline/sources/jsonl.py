"""JSON Lines: one ``{text, url, title, outlet, published}`` object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator

from timeline.errors import SourceError
from timeline.sources.article import Article, parse_published

__all__ = ["jsonl_articles"]


def jsonl_articles(text: str, name: str) -> Iterator[Article | SourceError]:
    """Articles, or a SourceError for a bad line (the other lines still count)."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield SourceError(f"{where}: not valid JSON ({err.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield SourceError(f"{where}: expected an object with a \"text\" string")
            continue
        published = parse_published(obj.get("published"))
        if obj.get("published") and published is None:
            yield SourceError(f"{where}: published {obj['published']!r} is not a date")
            continue
        yield Article(text=obj["text"], name=where, published=published, url=obj.get("url"),
                      title=obj.get("title"), outlet=obj.get("outlet"))
