"""Plain text and Markdown files, with optional front matter.

Front matter is a block of ``key: value`` lines between two ``---`` lines at the top::

    ---
    title: Hamas delegation heads to Cairo
    url: https://example.org/news/1
    outlet: Example News
    published: 2024-05-03
    ---
"""

from __future__ import annotations

import stat
from pathlib import Path

from timeline.errors import SourceError
from timeline.sources.article import Article, article_url, check_published

__all__ = ["MAX_BYTES", "read_bytes", "read_text_file", "text_to_article"]

MAX_BYTES = 20 * 1024 * 1024
_FRONT_KEYS = {"title", "url", "outlet", "published", "date", "source"}


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes; a clear error for a missing, unreadable, special or huge file."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{path}: is a folder, not a file")
        # A FIFO would wait for a writer and a device such as /dev/zero never ends.
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{path}: not a regular file")
        if info.st_size > limit:
            raise SourceError(f"{path}: {info.st_size:,} bytes is more than the {limit:,} "
                              f"byte limit")
        with path.open("rb") as f:
            data = f.read(limit + 1)  # the file may have grown since stat
        if len(data) > limit:
            raise SourceError(f"{path}: more than the {limit:,} byte limit")
        return data
    except OSError as err:
        raise SourceError(f"{path}: cannot read ({err.strerror or err})") from err


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (UTF-16 too when it starts with its byte order mark)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise SourceError(f"{name}: not UTF-16 text (bad bytes at offset {err.start})"
                              ) from err
    if b"\x00" in data[:8192]:
        raise SourceError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(f"{name}: not UTF-8 text (bad byte at offset {err.start})") from err


def read_text_file(path: Path) -> str:
    """The text of a UTF-8 file."""
    return decode_text(read_bytes(path), str(path))


def text_to_article(text: str, name: str) -> Article:
    """Split off front matter, if any; the rest is the article."""
    meta: dict[str, str] = {}
    body = text
    lines = text.lstrip("\ufeff").split("\n")
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:40], start=1):
            if line.strip() == "---":
                for entry in lines[1:i]:
                    key, sep, value = entry.partition(":")
                    if sep and key.strip().lower() in _FRONT_KEYS:
                        meta[key.strip().lower()] = value.strip().strip("\"'")
                body = "\n".join(lines[i + 1:])
                break
    when = check_published(meta.get("published") or meta.get("date"), f"{name}: front matter")
    url = article_url(meta.get("url") or meta.get("source"), f"{name}: front matter")
    return Article(text=body, name=name, published=when, url=url, title=meta.get("title"),
                   outlet=meta.get("outlet"))
