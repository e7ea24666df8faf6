"""Plain text and Markdown files."""

from __future__ import annotations

from pathlib import Path

from timeline.errors import SourceError

MAX_BYTES = 20 * 1024 * 1024


def read_text_file(path: Path) -> str:
    """The text of a UTF-8 file; a clear error for a missing, huge or binary file."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise SourceError(f"{path}: cannot read ({err.strerror})") from err
    if size > MAX_BYTES:
        raise SourceError(f"{path}: {size} bytes is more than the {MAX_BYTES} byte limit")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise SourceError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(f"{path}: not UTF-8 text (byte {err.start})") from err
