"""Orchestration: files and URLs in, events stored, a report out.

``import_file`` reads an export (CSV or JSON) back: every row is checked first, and
nothing is written unless all rows are good (or ``skip_invalid`` is set).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import ImportFailed, SourceError
from timeline.export import parse_import, sniff_format, unique_lines
from timeline.sources.text import read_text_file
from timeline.store import Store

__all__ = ["ImportReport", "import_file", "import_text"]


@dataclass(slots=True)
class ImportReport:
    added: int = 0
    present: int = 0
    skipped: list[str] = field(default_factory=list)


def import_file(store: Store, path: Path, *, skip_invalid: bool = False) -> ImportReport:
    """Import a file written by ``timeline export`` (CSV or JSON)."""
    try:
        text = read_text_file(path)
    except SourceError as err:
        raise ImportFailed(str(err), [str(err)]) from err
    return import_text(store, text, sniff_format(path.name, text), name=str(path),
                       skip_invalid=skip_invalid)


def import_text(store: Store, text: str, fmt: str, *, name: str = "input",
                skip_invalid: bool = False) -> ImportReport:
    if not text.strip():
        raise ImportFailed(f"{name}: the file is empty", [f"{name}: the file is empty"])
    parsed = parse_import(text, fmt)
    problems = parsed.problems + unique_lines(parsed.rows)
    if problems and not skip_invalid:
        raise ImportFailed(
            f"{name}: {len(problems)} bad record(s); nothing was imported", problems
        )
    bad_lines = {p.split(":", 1)[0] for p in problems}
    rows = [r for r in parsed.rows if f"line {r.line}" not in bad_lines]
    added, present = store.add_many((r.event_id, r.event) for r in rows)
    return ImportReport(added=added, present=present, skipped=problems)
