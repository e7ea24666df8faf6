"""CSV and JSON: writers over models, and the reader that checks every row before import.

CSV columns (one row per event)::

    id, date_start, date_end, date_precision, date_text, type, status, title, actors,
    location, country, confidence, origin, tracks, source_urls, evidence

``actors`` is ``Name [kind/role]`` items joined by ``"; "``; ``tracks`` is track slugs
joined by ``"; "``. ``source_urls`` and ``evidence`` hold one line per source, in the same
order (a line may be empty). A cell that a spreadsheet would run as a formula (it starts
with ``= + - @``, a tab or a carriage return) is written with a leading apostrophe; so is a
cell that already starts with one. The reader removes exactly that apostrophe, so export
-> import -> export gives the same bytes.

Writers and readers stream: ``write_csv``/``write_json`` take any iterable of records and
write as they go; ``open_import`` reads a file row by row. Memory stays flat with size.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from timeline.errors import ImportFailed
from timeline.models import (
    ActorRef,
    ActorTuple,
    EventCreate,
    EventRecord,
    RecordTuple,
    check_event_id,
    describe_validation_error,
)

__all__ = [
    "BOM",
    "CSV_COLUMNS",
    "ImportRow",
    "changed_fields",
    "event_to_dict",
    "events_to_csv",
    "events_to_json",
    "format_actors",
    "neutralise",
    "ParsedImport",
    "open_import",
    "parse_actors",
    "parse_import",
    "parse_rows",
    "sniff_format",
    "write_csv",
    "write_json",
]

CSV_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "date_text", "type", "status", "title",
    "actors", "location", "country", "confidence", "origin", "tracks", "source_urls",
    "evidence",
)
BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with one
_REQUIRED = {"date_start", "type", "title", "actors"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_ACTOR = re.compile(r"^(?P<name>.*?)\s*(?:\[(?P<kind>[^/\]]*)(?:/(?P<role>[^\]]*))?\])?$",
                    re.S)
# Which event fields a column carries: a file without a column says nothing about it.
_COLUMN_FIELDS = {"source_urls": "sources", "evidence": "sources"}
Record = EventRecord | RecordTuple  # writers take either: tuples when streaming many
_MAX_CELL = 64 * 1024 * 1024  # a cell the exporter wrote is read back, whatever its size
csv.field_size_limit(_MAX_CELL)


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula (a leading apostrophe when needed)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def format_actors(actors: Iterable[ActorRef | ActorTuple]) -> str:
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


# --- writing ------------------------------------------------------------------------


def _csv_row(ev: Record) -> list[str]:
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
        "; ".join(ev.tracks),
        "\n".join(s.url or "" for s in ev.sources),
        "\n".join(s.evidence for s in ev.sources),
    ]


def write_csv(events: Iterable[Record], out: IO[str], *, bom: bool = False) -> int:
    """Write events as CSV as they come; the number written."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for n, ev in enumerate(events, start=1):  # noqa: B007 - n is the count
        writer.writerow([neutralise(c) for c in _csv_row(ev)])
    return n


def events_to_csv(events: Iterable[Record], *, bom: bool = False) -> str:
    buf = io.StringIO()
    write_csv(events, buf, bom=bom)
    return buf.getvalue()


def event_to_dict(ev: Record) -> dict[str, Any]:
    """An event as the JSON export writes it (the fields of ``EventRecord``, id first)."""
    return {
        "id": ev.id, "type": str(ev.type), "status": str(ev.status),
        "date_start": ev.date_start.isoformat(),
        "date_end": (ev.date_end or ev.date_start).isoformat(),
        "date_precision": str(ev.date_precision), "date_text": ev.date_text or "",
        "title": ev.title,
        "actors": [{"name": a.name, "kind": str(a.kind), "role": str(a.role)}
                   for a in ev.actors],
        "location": ev.location, "country": ev.country, "confidence": ev.confidence,
        "origin": str(ev.origin),
        "sources": [{"url": s.url, "outlet": s.outlet, "title": s.title,
                     "published": s.published.isoformat() if s.published else None,
                     "evidence": s.evidence, "evidence_start": s.evidence_start,
                     "evidence_end": s.evidence_end} for s in ev.sources],
        "tracks": list(ev.tracks),
    }


def write_json(events: Iterable[Record], out: IO[str]) -> int:
    """Write a JSON list of events as they come (the bytes ``json.dumps(indent=2)`` gives)."""
    n = 0
    out.write("[")
    for n, ev in enumerate(events, start=1):
        body = json.dumps(event_to_dict(ev), ensure_ascii=False, indent=2)
        out.write(("," if n > 1 else "") + "\n  " + body.replace("\n", "\n  "))
    out.write("\n]\n" if n else "]\n")
    return n


def events_to_json(events: Iterable[Record]) -> str:
    buf = io.StringIO()
    write_json(events, buf)
    return buf.getvalue()


# --- reading ------------------------------------------------------------------------


@dataclass(slots=True)
class ImportRow:
    line: int
    event_id: str | None
    event: EventCreate
    where: str = ""  # "line 4" or "record 2", for messages
    fields: set[str] = field(default_factory=set)  # the event fields the file gives


def sniff_format(name: str, text: str) -> str:
    """``json`` for a .json file or text that starts like JSON, else ``csv``."""
    if name.lower().endswith((".json", ".jsonl")) or text.lstrip(BOM + " \t\r\n")[:1] in (
            "[", "{"):
        return "json"
    return "csv"


@contextmanager
def open_import(path: Path) -> Iterator[Iterator[ImportRow | str]]:
    """The rows of an export file (or, for a bad one, a message naming its line), read as
    a stream. A file that cannot be opened or is not text raises ``ImportFailed``."""
    try:
        handle = path.open("rb")
    except OSError as err:
        message = f"{path}: cannot read ({err.strerror or err})"
        raise ImportFailed(message, [message]) from err
    with handle:
        head = handle.read(8192)
        if b"\x00" in head:
            message = f"{path}: looks like a binary file, not a CSV or JSON export"
            raise ImportFailed(message, [message])
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        fmt = sniff_format(path.name, head.decode("utf-8", "replace"))
        yield _guard_decoding(_csv_rows(text) if fmt == "csv" else _json_rows(text), path)


@dataclass(slots=True)
class ParsedImport:
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_import(text: str, fmt: str) -> ParsedImport:
    """Every row of an export held in memory, checked: the good ones and the problems."""
    result = ParsedImport()
    for item in parse_rows(text, fmt):
        if isinstance(item, str):
            result.problems.append(item)
        else:
            result.rows.append(item)
    return result


def parse_rows(text: str, fmt: str) -> Iterator[ImportRow | str]:
    """The rows of an export held in memory (the dashboard's upload, tests)."""
    if fmt == "json":
        return _json_rows(io.StringIO(text))
    return _csv_rows(io.StringIO(text.removeprefix(BOM), newline=""))


def _guard_decoding(rows: Iterator[ImportRow | str], path: Path) -> Iterator[ImportRow | str]:
    try:
        yield from rows
    except UnicodeDecodeError as err:
        yield f"{path}: not UTF-8 text (a bad byte at offset {err.start} of a block)"


def _validate(line: int, data: dict[str, Any], where: str, fields: frozenset[str]
              ) -> ImportRow | str:
    label = f"{where} {line}"
    raw_id = data.pop("id", None)
    event_id = None
    if raw_id not in (None, ""):
        if not isinstance(raw_id, str):
            return f"{label}: id: must be text, not {type(raw_id).__name__}"
        try:
            event_id = check_event_id(raw_id) if raw_id.strip() else None
        except ValueError as err:
            return f"{label}: {err}"
    data["origin"] = data.get("origin") or "imported"
    try:
        ev = EventCreate.model_validate(data)
    except ValidationError as err:
        return f"{label}: {describe_validation_error(err)}"
    except (RecursionError, ValueError, TypeError) as err:
        return f"{label}: cannot be read as an event ({type(err).__name__})"
    return ImportRow(line, event_id, ev, label, set(fields))


def _given_fields(given: Iterable[str]) -> frozenset[str]:
    """The event fields that the columns (or a record's keys) ``given`` carry."""
    return frozenset({_COLUMN_FIELDS.get(k, k) for k in given} & set(EventCreate.model_fields))


def _csv_rows(text: IO[str]) -> Iterator[ImportRow | str]:
    reader = csv.reader(text, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as err:
        yield f"line 1: malformed CSV ({err})"
        return
    if not header or not any(h.strip() for h in header):
        yield "line 1: the file is empty: expected a header row"
        return
    header = [h.strip().lower() for h in header]
    problem = _header_problem(header)
    if problem:
        yield f"line 1: {problem}; expected columns: {', '.join(CSV_COLUMNS)}"
        return
    fields = _given_fields(header)
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            yield f"line {line}: malformed CSV ({err})"
            break
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            yield f"line {start}: {len(cells)} cells where the header has {len(header)}"
            continue
        # without the apostrophe ``neutralise`` wrote
        raw = {h: c[1:] if c.startswith("'") else c for h, c in zip(header, cells, strict=True)}
        yield _validate(start, _row_to_data(raw), "line", fields)


def _header_problem(header: list[str]) -> str:
    parts = []
    missing = _REQUIRED - set(header)
    if missing:
        parts.append(f"missing column(s) {', '.join(sorted(missing))}")
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        parts.append(f"unknown column(s) {', '.join(unknown)}")
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        parts.append(f"column(s) given twice: {', '.join(twice)}")
    return "; ".join(parts)


_LIST_CELLS = frozenset({"actors", "source_urls", "evidence", "tracks"})
# a blank cell in these columns says "the default", not "empty"
_OPTIONAL_CELLS = frozenset({"date_end", "date_precision", "status", "location", "country",
                             "confidence", "date_text"})


def _row_to_data(raw: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {k: v for k, v in raw.items() if k not in _LIST_CELLS and (
        k not in _OPTIONAL_CELLS or (v and not v.isspace()))}
    data["actors"] = parse_actors(raw.get("actors", ""))
    if "tracks" in raw:
        data["tracks"] = [t.strip() for t in raw["tracks"].split(";") if t.strip()]
    if "source_urls" in raw or "evidence" in raw:
        urls = raw.get("source_urls", "").split("\n") if raw.get("source_urls") else []
        notes = raw.get("evidence", "").split("\n") if raw.get("evidence") else []
        sources = []
        for url, note in zip_longest(urls, notes, fillvalue=""):
            url = url.strip()
            if url or note.strip():
                sources.append({"url": url or None, "evidence": note})
        data["sources"] = sources
    return data


def _json_rows(text: IO[str]) -> Iterator[ImportRow | str]:
    """A JSON list of events read one object at a time; ``{"events": [...]}`` too."""
    decoder = json.JSONDecoder()
    buf, pos, n = "", 0, 0
    eof = False

    def fill() -> bool:
        nonlocal buf, pos, eof
        chunk = text.read(1 << 20)
        if not chunk:
            eof = True
            return False
        buf, pos = buf[pos:] + chunk, 0
        return True

    def skip(chars: str) -> str:
        """Skip whitespace and ``chars``; the next character ('' at the end)."""
        nonlocal pos
        while True:
            while pos < len(buf) and (buf[pos].isspace() or buf[pos] in chars):
                pos += 1
            if pos < len(buf) or not fill():
                return buf[pos] if pos < len(buf) else ""

    first = skip("")
    if first == "{":  # {"events": [...]}: small wrapped exports, read whole
        rest = buf[pos:] + text.read()
        try:
            data = json.loads(rest)
        except (json.JSONDecodeError, RecursionError) as err:
            yield f"record 1: not valid JSON ({_json_reason(err)})"
            return
        items = data.get("events") if isinstance(data, dict) else None
        if not isinstance(items, list):
            yield "record 1: expected a list of events (or {\"events\": [...]})"
            return
        for n, item in enumerate(items, start=1):
            yield _json_item(n, item)
        return
    if first != "[":
        yield "record 1: not valid JSON: expected a list of events"
        return
    pos += 1
    while True:
        nxt = skip(",")
        if nxt == "]":
            return
        if nxt == "":
            yield f"record {n + 1}: not valid JSON: the list is not closed (is the file cut short?)"
            return
        while True:
            try:
                item, end = decoder.raw_decode(buf, pos)
                break
            except json.JSONDecodeError as err:
                if eof or not fill():
                    yield f"record {n + 1}: not valid JSON ({err.msg})"
                    return
            except RecursionError:
                yield f"record {n + 1}: not valid JSON (nested too deeply)"
                return
        pos = end
        n += 1
        yield _json_item(n, item)


def _json_reason(err: Exception) -> str:
    return err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"


def _json_item(n: int, item: Any) -> ImportRow | str:
    if not isinstance(item, dict):
        return f"record {n}: expected an object, got {type(item).__name__}"
    return _validate(n, dict(item), "record", _given_fields(item))


# --- comparing ----------------------------------------------------------------------


def _comparable(ev: EventCreate) -> dict[str, Any]:
    return {
        "type": str(ev.type), "status": str(ev.status), "date_start": ev.date_start,
        "date_end": ev.date_end or ev.date_start, "date_precision": str(ev.date_precision),
        "date_text": ev.date_text or "", "title": ev.title,
        "actors": [(a.name, str(a.kind), str(a.role)) for a in ev.actors],
        "location": ev.location, "country": ev.country, "confidence": ev.confidence,
        "tracks": sorted(ev.tracks),
        "sources": [((s.url or ""), s.evidence) for s in ev.sources],
    }


def changed_fields(stored: EventCreate, incoming: EventCreate,
                   given: Iterable[str]) -> list[str]:
    """The fields the file gives whose values differ from the stored event's."""
    old, new = _comparable(stored), _comparable(incoming)
    given = set(given)
    if "date_start" in given:
        given.add("date_end")
    return [k for k in old if k in given and old[k] != new[k]]
