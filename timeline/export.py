"""CSV and JSON: writers over models, and the reader that checks every row before import.

CSV columns (one row per event)::

    id, date_start, date_end, date_precision, date_text, type, status, title, actors,
    location, country, confidence, origin, source_urls, evidence

``actors`` is ``Name [kind/role]`` items joined by ``"; "``. ``source_urls`` and
``evidence`` hold one line per source, in the same order (a line may be empty).
A cell that a spreadsheet would run as a formula (it starts with ``= + - @``, a tab or a
carriage return) is written with a leading apostrophe; so is a cell that already starts
with one. The reader removes exactly that apostrophe, so export -> import -> export gives
the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from timeline.models import ActorRef, EventCreate, SourceRef
from timeline.store import EventRecord, describe_validation_error

__all__ = [
    "CSV_COLUMNS",
    "ImportRow",
    "ParsedImport",
    "events_to_csv",
    "events_to_json",
    "format_actors",
    "parse_actors",
    "parse_import",
]

CSV_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "date_text", "type", "status", "title",
    "actors", "location", "country", "confidence", "origin", "source_urls", "evidence",
)
_REQUIRED = {"date_start", "type", "title", "actors"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_ACTOR = re.compile(r"^(?P<name>.*?)\s*(?:\[(?P<kind>[^/\]]*)(?:/(?P<role>[^\]]*))?\])?$")


def _neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def format_actors(actors: Iterable[ActorRef]) -> str:
    return "; ".join(f"{a.name} [{a.kind}/{a.role}]" for a in actors)


def parse_actors(cell: str) -> list[dict[str, str]]:
    """``Hamas [organization/initiator]; Egypt`` -> actor dicts (kind and role optional)."""
    out = []
    for item in cell.split(";"):
        item = item.strip()
        if not item:
            continue
        m = _ACTOR.match(item)
        assert m is not None  # the pattern matches any string
        actor = {"name": m["name"]}
        if m["kind"]:
            actor["kind"] = m["kind"].strip()
        if m["role"]:
            actor["role"] = m["role"].strip()
        out.append(actor)
    return out


def _csv_row(ev: EventRecord) -> list[str]:
    return [
        ev.id,
        ev.date_start.isoformat(),
        (ev.date_end or ev.date_start).isoformat(),
        str(ev.date_precision),
        ev.date_text or "",
        str(ev.type),
        str(ev.status),
        ev.title,
        format_actors(ev.actors),
        ev.location or "",
        ev.country or "",
        f"{ev.confidence:g}",
        str(ev.origin),
        "\n".join(s.url or "" for s in ev.sources),
        "\n".join(s.evidence for s in ev.sources),
    ]


def events_to_csv(events: Iterable[EventRecord]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for ev in events:
        writer.writerow([_neutralise(c) for c in _csv_row(ev)])
    return buf.getvalue()


def event_to_dict(ev: EventRecord) -> dict[str, Any]:
    data = ev.model_dump(mode="json", exclude={"created_at", "updated_at"})
    return {"id": data.pop("id"), **data}


def events_to_json(events: Iterable[EventRecord]) -> str:
    return json.dumps([event_to_dict(e) for e in events], ensure_ascii=False, indent=2) + "\n"


# --- reading ------------------------------------------------------------------------


@dataclass(slots=True)
class ImportRow:
    line: int
    event_id: str | None
    event: EventCreate


@dataclass(slots=True)
class ParsedImport:
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_import(text: str, fmt: str) -> ParsedImport:
    """Validate every record of an export file; collect all problems, raise none."""
    if fmt == "json":
        return _parse_json(text)
    return _parse_csv(text)


def _validate(result: ParsedImport, line: int, data: dict[str, Any], where: str) -> None:
    event_id = (data.pop("id", None) or "").strip().lower() or None
    data["origin"] = data.get("origin") or "imported"
    try:
        ev = EventCreate.model_validate(data)
    except ValidationError as err:
        result.problems.append(f"{where} {line}: {describe_validation_error(err)}")
        return
    result.rows.append(ImportRow(line, event_id, ev))


def _parse_csv(text: str) -> ParsedImport:
    result = ParsedImport()
    if "\x00" in text:
        result.problems.append("line 1: the file contains NUL bytes: not a CSV export")
        return result
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as err:
        result.problems.append(f"line 1: malformed CSV ({err})")
        return result
    if not header:
        result.problems.append("line 1: the file is empty: expected a header row")
        return result
    header = [h.strip().lower() for h in header]
    missing = _REQUIRED - set(header)
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(sorted(missing))}")
        if unknown:
            parts.append(f"unknown column(s) {', '.join(unknown)}")
        result.problems.append(
            f"line 1: {'; '.join(parts)}; expected columns: {', '.join(CSV_COLUMNS)}"
        )
        return result
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            result.problems.append(f"line {line}: malformed CSV ({err})")
            break
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            result.problems.append(
                f"line {start}: {len(cells)} cells where the header has {len(header)}"
            )
            continue
        raw = {h: _restore(c) for h, c in zip(header, cells, strict=True)}
        _validate(result, start, _row_to_data(raw), "line")
    return result


def _row_to_data(raw: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {k: v for k, v in raw.items() if k not in ("actors", "source_urls",
                                                                       "evidence")}
    for key in ("date_end", "date_precision", "status", "location", "country", "confidence",
                "date_text"):
        if key in data and not data[key].strip():
            del data[key]
    data["actors"] = parse_actors(raw.get("actors", ""))
    urls = raw.get("source_urls", "").split("\n") if raw.get("source_urls") else []
    notes = raw.get("evidence", "").split("\n") if raw.get("evidence") else []
    sources = []
    for i in range(max(len(urls), len(notes))):
        url = urls[i].strip() if i < len(urls) else ""
        note = notes[i] if i < len(notes) else ""
        if url or note.strip():
            sources.append(SourceRef(url=url or None, evidence=note))
    data["sources"] = sources
    return data


def _parse_json(text: str) -> ParsedImport:
    result = ParsedImport()
    try:
        items = json.loads(text)
    except json.JSONDecodeError as err:
        result.problems.append(f"line {err.lineno}: not valid JSON ({err.msg})")
        return result
    if isinstance(items, dict) and isinstance(items.get("events"), list):
        items = items["events"]
    if not isinstance(items, list):
        result.problems.append("record 1: expected a list of events")
        return result
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            result.problems.append(f"record {n}: expected an object, got {type(item).__name__}")
            continue
        _validate(result, n, dict(item), "record")
    return result


def sniff_format(name: str, text: str) -> str:
    """``json`` for a .json file or text that starts like JSON, else ``csv``."""
    if name.lower().endswith((".json", ".jsonl")) or text.lstrip()[:1] in ("[", "{"):
        return "json"
    return "csv"


def unique_lines(rows: Sequence[ImportRow]) -> list[str]:
    """Problems for rows that repeat an id given earlier in the same file."""
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        if row.event_id and row.event_id in seen:
            out.append(f"line {row.line}: id {row.event_id} already used on line "
                       f"{seen[row.event_id]}")
        elif row.event_id:
            seen[row.event_id] = row.line
    return out
