"""JSON Lines: one ``{text, url, title, outlet, published}`` object per line.

``text`` is required; the other fields are strings or null; other keys are ignored. A bad
line is reported on its own (with its line number) and the other lines still count.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from timeline.errors import SourceError
from timeline.sources.article import Article, article_url, check_published

__all__ = ["jsonl_articles"]

_OPTIONAL = ("url", "title", "outlet", "published")


def jsonl_articles(text: str, name: str) -> Iterator[Article | SourceError]:
    """Articles, or a SourceError for a bad line (the other lines still count)."""
    # Records end at "\n" only: U+2028 or U+0085 may stand inside a JSON string.
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _record(line, f"{name}:{n}")
        except SourceError as err:
            yield err


def _record(line: str, where: str) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise SourceError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise SourceError(f"{where}: not valid JSON (nested too deeply)") from None
    except ValueError as err:  # e.g. an integer of more digits than Python converts
        raise SourceError(f"{where}: not valid JSON ({err})") from None
    if not isinstance(obj, dict):
        raise SourceError(f"{where}: expected a JSON object, not {_json_type(obj)}")
    if "text" not in obj:
        raise SourceError(f'{where}: no "text" in the record')
    for key in ("text", *_OPTIONAL):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise SourceError(f'{where}: "{key}" must be a string, not {_json_type(value)}')
    if obj["text"] is None:
        raise SourceError(f'{where}: "text" must be a string, not null')
    return Article(text=obj["text"], name=where, published=check_published(obj.get("published"),
                                                                            where),
                   url=article_url(obj.get("url"), where), title=obj.get("title"),
                   outlet=obj.get("outlet"))


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"
