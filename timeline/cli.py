"""timeline: keep a dated, sourced timeline of diplomatic negotiations.

Each command parses its options, calls one library function and prints the result. Every
expected failure is one line, ``Error: ...``, and exit code 1. The library is imported by
the command that needs it, so ``--help``, ``dates`` and ``extract`` never load the database
layer.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from timeline.config import load_settings, shown_database
from timeline.errors import ImportFailed, TimelineError

if TYPE_CHECKING:
    from timeline.models import EventCreate, EventFilter, RecordTuple
    from timeline.sources import Article
    from timeline.store import Store

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__.split("\n")[0],
                  pretty_exceptions_enable=False, rich_markup_mode=None)
track_app = typer.Typer(no_args_is_help=True, help="Negotiation tracks: named stories that "
                        "events belong to.")
db_app = typer.Typer(no_args_is_help=True, help="The database's schema version.")
app.add_typer(track_app, name="track")
app.add_typer(db_app, name="db")

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="TIMELINE_DB",
                 help="SQLite file or SQLAlchemy URL (postgresql+psycopg://...). "
                      "Default: ./timeline.db"),
]


@app.callback()
def main(ctx: typer.Context, db: DbOption = None) -> None:
    """Keep a dated, sourced timeline of diplomatic negotiations."""
    # The libraries a command loads (SQLAlchemy, Pydantic) are some hundred thousand objects
    # that live as long as the process; at the default pace the cycle collector would go
    # over them dozens of times while they load, a tenth of the start-up of `list`.
    gc.set_threshold(20_000, 10, 10)
    try:
        ctx.obj = load_settings(db)
    except TimelineError as err:
        _fail(str(err))


def _fail(message: str) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def _say(message: str) -> None:
    typer.echo(message, err=True)


def handles_errors(fn: F) -> F:
    """A command whose expected failures are one line and exit code 1, never a traceback."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ImportFailed as err:
            _say(f"Error: {err}")
            for p in err.problems:
                _say(f"  {p}")
            raise typer.Exit(1) from None
        except TimelineError as err:
            _fail(str(err))
        except BrokenPipeError:  # `timeline list | head`
            sys.stderr.close()
            raise typer.Exit(0) from None

    return run  # type: ignore[return-value]


@contextmanager
def _store(ctx: typer.Context) -> Iterator[Store]:
    from timeline.store import open_store

    settings = ctx.obj if ctx.obj is not None else load_settings()
    with open_store(settings=settings) as store:
        if store.schema_change and store.schema_change.old is not None:
            _say(store.schema_change.describe(shown_database(settings.db)))
        yield store


def _parse_when(value: str, what: str) -> datetime:
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{what} {value!r} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    if not 1000 <= when.year <= 9000:
        raise typer.BadParameter(f"{what} {value!r} is outside the years 1000-9000")
    return when


def _parse_day(value: str | None, what: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        _fail(f"{what} {value!r} is not a valid date (YYYY-MM-DD)")


# --- filters shared by list and export ----------------------------------------------

Since = Annotated[str | None, typer.Option(help="Events ending on or after this day.")]
Until = Annotated[str | None, typer.Option(help="Events starting on or before this day.")]
TypeOpt = Annotated[list[str] | None, typer.Option("--type", help="Event type (repeatable).")]
ActorOpt = Annotated[list[str] | None, typer.Option("--actor", help="Actor name (repeatable).")]
LocationOpt = Annotated[list[str] | None,
                        typer.Option("--location", help="City or country (repeatable).")]
StatusOpt = Annotated[list[str] | None, typer.Option("--status", help="Status (repeatable).")]
OriginOpt = Annotated[list[str] | None,
                      typer.Option("--origin", help="extracted, manual or imported.")]
TrackOpt = Annotated[list[str] | None,
                     typer.Option("--track", help="Track slug or name (repeatable).")]
TextOpt = Annotated[str | None, typer.Option(help="Words in the title or the evidence.")]
LimitOpt = Annotated[int | None, typer.Option(min=1, max=10**12,
                                              help="At most this many events.")]


def _filter(since: str | None, until: str | None, types: list[str] | None,
            actors: list[str] | None, locations: list[str] | None, statuses: list[str] | None,
            origins: list[str] | None, tracks: list[str] | None, text: str | None,
            limit: int | None, offset: int = 0) -> EventFilter:
    from timeline.models import EventFilter
    from timeline.vocab import EventType, Origin, Status

    for values, enum, name in ((types, EventType, "type"), (statuses, Status, "status"),
                               (origins, Origin, "origin")):
        for v in values or []:
            if v.strip().lower() not in {m.value for m in enum}:
                _fail(f"unknown {name} {v!r}; valid: {', '.join(m.value for m in enum)}")
    from pydantic import ValidationError

    from timeline.models import describe_validation_error

    try:
        return EventFilter(
            since=_parse_day(since, "--since"), until=_parse_day(until, "--until"),
            types=types or [], actors=actors or [], locations=locations or [],
            statuses=statuses or [], origins=origins or [], tracks=tracks or [], text=text,
            limit=limit, offset=offset,
        )
    except ValidationError as err:
        _fail(describe_validation_error(err))


# --- commands -----------------------------------------------------------------------


def _actor_arg(value: str) -> dict[str, str]:
    """``NAME`` or ``NAME:role`` or ``NAME:role:kind``; a known actor's kind by default."""
    name, _, rest = value.partition(":")
    actor = {"name": name}
    role, _, kind = rest.partition(":")
    if role.strip():
        actor["role"] = role.strip()
    if kind.strip():
        actor["kind"] = kind.strip()
    elif name.strip() and "[" not in name:
        from timeline.extract import load_gazetteer

        known = load_gazetteer().lookup(name.strip())
        if known is not None:
            actor["kind"] = str(known.kind)
    return actor


def _validated(data: dict[str, Any]) -> EventCreate:
    from pydantic import ValidationError

    from timeline.models import EventCreate, describe_validation_error

    try:
        return EventCreate.model_validate(data)
    except ValidationError as err:
        _fail(describe_validation_error(err))


@app.command()
@handles_errors
def add(
    ctx: typer.Context,
    type_: Annotated[str, typer.Option("--type", help="visit, meeting, statement, proposal, "
                                       "agreement, rejection, request or ceasefire.")],
    date_: Annotated[str, typer.Option("--date", help="First day, YYYY-MM-DD.")],
    actor: Annotated[list[str], typer.Option(help="NAME or NAME:role[:kind] (repeatable).")],
    title: Annotated[str, typer.Option(help="A short line saying what happened.")],
    end_date: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD.")] = None,
    precision: Annotated[str, typer.Option(help="day, week, month, year, range, unknown.")]
    = "day",
    status: Annotated[str, typer.Option(help="occurred, planned or cancelled.")] = "occurred",
    date_text: Annotated[str, typer.Option(help="The date as the source wrote it.")] = "",
    location: Annotated[str | None, typer.Option(help="City where it happened.")] = None,
    country: Annotated[str | None, typer.Option(help="Country of the location.")] = None,
    source_url: Annotated[str | None, typer.Option(help="URL of a report.")] = None,
    evidence: Annotated[str | None, typer.Option(help="What the source says.")] = None,
    track: TrackOpt = None,
) -> None:
    """Add an event by hand and print its id."""
    sources = [{"url": source_url, "evidence": evidence or ""}] if source_url or evidence else []
    ev = _validated({
        "type": type_, "date_start": _parse_day(date_, "--date"),
        "date_end": _parse_day(end_date, "--end-date"), "date_precision": precision,
        "status": status, "date_text": date_text, "title": title,
        "actors": [_actor_arg(a) for a in actor], "location": location, "country": country,
        "origin": "manual", "sources": sources, "tracks": track or [],
    })
    with _store(ctx) as store:
        typer.echo(store.add(ev))


PAGE = 50
COUNT_CAP = 10_000  # beyond this, "more than 10,000 more": counting them all costs seconds


@app.command("list")
@handles_errors
def list_(
    ctx: typer.Context, since: Since = None, until: Until = None, type_: TypeOpt = None,
    actor: ActorOpt = None, location: LocationOpt = None, status: StatusOpt = None,
    origin: OriginOpt = None, track: TrackOpt = None, text: TextOpt = None,
    limit: Annotated[int | None, typer.Option(
        min=1, max=10**12, help=f"Show this many events (default {PAGE}).")] = None,
    offset: Annotated[int, typer.Option(min=0, max=10**12,
                                        help="Skip this many events first.")] = 0,
    all_: Annotated[bool, typer.Option("--all", help="Show every matching event.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
) -> None:
    """List events, newest first, a page at a time (--limit, --offset, --all)."""
    if fmt not in ("table", "csv", "tsv", "json"):
        _fail(f"unknown format {fmt!r}; valid: table, csv, tsv, json")
    flt = _filter(since, until, type_, actor, location, status, origin, track, text,
                  None if all_ else (limit or PAGE), offset)
    with _store(ctx) as store:
        events = list(store.iter_tuples(flt, sources=False))
        more = 0
        if flt.limit and len(events) == flt.limit:  # how many more, counted up to a point
            rest = flt.model_copy(update={"limit": None, "offset": 0})
            more = store.count(rest, cap=offset + len(events) + COUNT_CAP + 1) - offset \
                - len(events)
    if fmt == "table":
        _print_table(events)
        line = f"{len(events)} event(s)"
        if more > COUNT_CAP:
            line = f"{len(events)} event(s); more than {COUNT_CAP:,} more (--limit N, " \
                   f"--offset N or --all)"
        elif more > 0:
            line = f"{len(events)} of {offset + len(events) + more} event(s); {more} more " \
                   f"(--limit N, --offset N or --all)"
        typer.echo(line)
    else:
        _print_rows(events, fmt)


def _list_row(e: RecordTuple) -> dict[str, str]:
    return {"id": e.id, "date_start": e.date_start.isoformat(),
            "date_end": (e.date_end or e.date_start).isoformat(),
            "date_precision": str(e.date_precision), "type": str(e.type),
            "status": str(e.status), "title": e.title,
            "actors": "; ".join(a.name for a in e.actors), "location": e.location or "",
            "country": e.country or "", "tracks": "; ".join(e.tracks)}


def _print_rows(events: Iterable[RecordTuple], fmt: str) -> None:
    rows = [_list_row(e) for e in events]
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=_LIST_COLUMNS, lineterminator="\n",
                            delimiter="\t" if fmt == "tsv" else ",")
    writer.writeheader()
    from timeline.export import neutralise

    for row in rows:
        if fmt == "tsv":
            row = {k: v.replace("\t", " ").replace("\n", " ") for k, v in row.items()}
        writer.writerow({k: neutralise(v) for k, v in row.items()})


_LIST_COLUMNS = ["id", "date_start", "date_end", "date_precision", "type", "status", "title",
                 "actors", "location", "country", "tracks"]


def _print_table(events: list[RecordTuple]) -> None:
    """Plain columns fitted to the terminal; the title takes what the others leave."""
    import shutil

    width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
    rows = [(e.id, str(e.date_start) if e.date_end == e.date_start
             else f"{e.date_start}..{e.date_end}", str(e.type), str(e.status),
             ", ".join(a.name for a in e.actors), e.location or "", e.title) for e in events]
    head = ("id", "date", "type", "status", "actors", "place", "title")
    widths = [max([len(head[i])] + [len(r[i]) for r in rows]) for i in range(6)]
    widths[4] = min(widths[4], 32)
    widths[5] = min(widths[5], 16)
    title_width = max(20, width - sum(widths) - 2 * 6)

    def cut(text: str, n: int) -> str:
        return text if len(text) <= n else text[:n - 1] + "…"

    lines = []
    for r in [head, *rows]:
        cells = [cut(r[i], widths[i]).ljust(widths[i]) for i in range(6)]
        lines.append("  ".join([*cells, cut(r[6], title_width)]).rstrip())
        if len(lines) == 1000:  # written in blocks: a line at a time costs more than the rest
            typer.echo("\n".join(lines))
            lines = []
    if lines:
        typer.echo("\n".join(lines))


@app.command()
@handles_errors
def show(ctx: typer.Context,
         event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")]) -> None:
    """Show every field of one event, its actors and all its sources."""
    with _store(ctx) as store:
        e = store.get(event_id)
    when = e.date_start.isoformat() if e.date_end == e.date_start else \
        f"{e.date_start} .. {e.date_end}"
    lines = [
        f"id:         {e.id}",
        f"title:      {e.title}",
        f"type:       {e.type}",
        f"status:     {e.status}",
        f"date:       {when} ({e.date_precision})" + (f"  '{e.date_text}'" if e.date_text else ""),
        f"location:   {e.location or '-'}" + (f", {e.country}" if e.country else ""),
        f"confidence: {e.confidence:g}",
        f"origin:     {e.origin}",
        f"tracks:     {', '.join(e.tracks) or '-'}",
        "actors:",
        *[f"  - {a.name} ({a.kind}, {a.role})" for a in e.actors],
        f"sources:    {len(e.sources)}",
    ]
    for s in e.sources:
        head = " | ".join(x for x in (s.outlet, s.title, str(s.published or "")) if x)
        lines.append(f"  - {s.url or '(no url)'}" + (f"  [{head}]" if head else ""))
        if s.evidence:
            lines.append(f"    \"{s.evidence}\"")
    typer.echo("\n".join(lines))


@app.command()
@handles_errors
def edit(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")],
    type_: Annotated[str | None, typer.Option("--type", help="New type.")] = None,
    date_: Annotated[str | None, typer.Option("--date", help="New first day.")] = None,
    end_date: Annotated[str | None, typer.Option(help="New last day.")] = None,
    precision: Annotated[str | None, typer.Option(help="New precision.")] = None,
    status: Annotated[str | None, typer.Option(help="New status.")] = None,
    date_text: Annotated[str | None, typer.Option(help="New date text.")] = None,
    title: Annotated[str | None, typer.Option(help="New title.")] = None,
    actor: Annotated[list[str] | None,
                     typer.Option(help="Replace the actors: NAME[:role[:kind]] (repeatable).")]
    = None,
    location: Annotated[str | None, typer.Option(help="New location ('' clears it).")] = None,
    country: Annotated[str | None, typer.Option(help="New country ('' clears it).")] = None,
    confidence: Annotated[float | None, typer.Option(help="New confidence, 0..1.")] = None,
    track: Annotated[list[str] | None, typer.Option(
        "--track", help="Replace the tracks (repeatable; '' for none).")] = None,
) -> None:
    """Change fields of an event. An edited event is marked manual: ingest never changes it."""
    changes: dict[str, Any] = {}
    if type_ is not None:
        changes["type"] = type_
    if date_ is not None:
        changes["date_start"] = _parse_day(date_, "--date")
        if end_date is None:
            changes["date_end"] = None
    if end_date is not None:
        changes["date_end"] = _parse_day(end_date, "--end-date")
    for key, value in (("date_precision", precision), ("status", status),
                       ("date_text", date_text), ("title", title), ("location", location),
                       ("country", country), ("confidence", confidence)):
        if value is not None:
            changes[key] = value
    if actor:
        changes["actors"] = [_actor_arg(a) for a in actor]
    if track is not None:
        changes["tracks"] = [t for t in track if t.strip()]
    if not changes:
        _fail("nothing to change: give at least one option (see --help)")
    with _store(ctx) as store:
        e = store.update(event_id, changes)
    typer.echo(f"updated {e.id}")


@app.command()
@handles_errors
def delete(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete an event and its sources."""
    with _store(ctx) as store:
        e = store.get(event_id)
        if not yes and not typer.confirm(f"Delete {e.id} ({e.date_start} {e.title})?"):
            _fail("not deleted")
        store.delete(e.id)
    typer.echo(f"deleted {e.id}")


EXPORT_FORMATS = ("csv", "json", "timelinejs", "ics")


@app.command()
@handles_errors
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option(
        "--format", help="csv or json (what `import` reads), timelinejs (TimelineJS 3 JSON, "
        "to publish a timeline) or ics (iCalendar of planned and cancelled events).")] = "csv",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default: stdout).")]
    = None,
    bom: Annotated[bool, typer.Option(
        "--bom", help="Start a CSV with a byte-order mark, for Excel on Windows.")] = False,
    since: Since = None, until: Until = None, type_: TypeOpt = None, actor: ActorOpt = None,
    location: LocationOpt = None, status: StatusOpt = None, origin: OriginOpt = None,
    track: TrackOpt = None, text: TextOpt = None, limit: LimitOpt = None,
) -> None:
    """Write events as CSV or JSON (the files `import` reads, streamed), as a TimelineJS
    timeline or as an iCalendar file. With one --track, the timeline and the calendar take
    its name."""
    from timeline.export import write_csv, write_json

    if fmt not in EXPORT_FORMATS:
        _fail(f"unknown format {fmt!r}; valid: {', '.join(EXPORT_FORMATS)}")
    if bom and fmt != "csv":
        _fail("--bom is for CSV files")
    flt = _filter(since, until, type_, actor, location, status, origin, track, text, limit)
    with _store(ctx) as store, _output(output) as out:
        if fmt in ("csv", "json"):
            rows = store.iter_tuples(flt)
            n = write_csv(rows, out, bom=bom) if fmt == "csv" else write_json(rows, out)
        else:
            from timeline.publish import events_to_ical, events_to_timelinejs

            name = store.track(track[0]).name if track and len(track) == 1 else None
            events = store.query(flt)
            out.write(events_to_timelinejs(events, title=name) if fmt == "timelinejs"
                      else events_to_ical(events, name=name))
            n = len(events)
    if output is not None:
        _say(f"wrote {n} event(s) to {output}")


@contextmanager
def _output(path: Path | None) -> Iterator[Any]:
    """A text stream to ``path`` (written whole or not at all) or to stdout."""
    if path is None:
        sys.stdout.flush()
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            yield out
        finally:
            out.flush()
            out.detach()  # sys.stdout stays open
        return
    import tempfile

    tmp: Path | None = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", delete=False,
                                         dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".part") as part:
            tmp = Path(part.name)
            yield part
        # a temporary file is private (0600): the file written gets what any new file of
        # this user gets, or keeps the mode of the one it replaces
        tmp.chmod(path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        tmp.replace(path)
    except OSError as err:
        raise TimelineError(f"{path}: cannot write ({err.strerror or err})") from err
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@app.command("import")
@handles_errors
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A CSV or JSON file written by export.")],
    skip_invalid: Annotated[bool, typer.Option(help="Import the good rows, list the bad.")]
    = False,
    update: Annotated[bool, typer.Option(
        "--update", help="Apply rows whose id is stored but whose content differs.")] = False,
    track: TrackOpt = None,
) -> None:
    """Import events from a CSV or JSON export. Nothing is written if any row is bad.

    A row whose id is already stored with the same content adds nothing; with different
    content it is listed and left alone, unless --update applies it (hand-made events
    replaced that way are named).
    """
    from timeline.ingest import import_file

    with _store(ctx) as store:
        report = import_file(store, file, skip_invalid=skip_invalid, update=update,
                             tracks=track or [])
    for p in report.skipped:
        _say(f"skipped {p}")
    for note in report.notes:
        _say(note)
    typer.echo(report.summary())


@app.command("ingest")
@handles_errors
def ingest_(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(
        help="Files (.txt .md .html .xml .rss .atom .jsonl), folders (read recursively), "
             "http(s) URLs of articles or feeds.")],
    published: Annotated[str | None, typer.Option(
        help="Publication date for documents that carry none (YYYY-MM-DD[THH:MM]).")] = None,
    track: Annotated[list[str] | None, typer.Option(
        "--track", help="Put every event read into this track (repeatable).")] = None,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Extract in this many processes at once.")] = 1,
    allow_private_hosts: Annotated[bool, typer.Option(
        "--allow-private-hosts", help="Also fetch URLs whose host is a loopback, private or "
        "link-local address (intranet sources); also TIMELINE_ALLOW_PRIVATE_HOSTS=1.")] = False,
) -> None:
    """Read documents, extract their events, merge them with known events and store them.

    Extracted events also join the tracks they match: a track's party named, and one of
    its keywords in the article (see `timeline track add --help`).
    """
    from timeline.sources import expand_inputs
    from timeline.workers import Workers

    when = _parse_when(published, "--published") if published else None
    items = list(expand_inputs(inputs))
    progress = _progress(len(items))
    settings = ctx.obj.replace(allow_private_hosts=True) if allow_private_hosts else ctx.obj
    # Started before the database layer is imported and the store opened: the workers load
    # the extraction engine meanwhile, instead of after it.
    with Workers(workers) if workers > 1 else contextlib.nullcontext() as pool:
        from timeline.ingest import ingest

        with _store(ctx) as store:
            report = ingest(store, items, published=when, settings=settings,
                            progress=progress, tracks=track or [],
                            workers=1 if pool is None else pool)
    if items and len(items) >= 3 and sys.stderr.isatty():
        _say("")
    for name, reason in report.skipped:
        _say(f"skipped {name}: {reason.removeprefix(name + ': ')}")
    typer.echo(report.summary())


def _progress(total: int) -> Callable[[str], None] | None:
    """A one-line counter on a terminal; nothing in a pipe or a log."""
    if total < 3 or not sys.stderr.isatty():
        return None
    done = 0

    def advance(item: str) -> None:
        nonlocal done
        done += 1
        sys.stderr.write(f"\ringesting {done}/{total} {Path(item).name[:40]:<40}")
        sys.stderr.flush()

    return advance


# --- tracks ---------------------------------------------------------------------------


@track_app.command("add")
@handles_errors
def track_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The track's name, e.g. 'Russia-Ukraine talks'.")],
    party: Annotated[list[str] | None, typer.Option(
        "--party", help="An actor of this negotiation (repeatable).")] = None,
    keyword: Annotated[list[str] | None, typer.Option(
        "--keyword", help="A word or phrase articles about it use (repeatable).")] = None,
    slug: Annotated[str | None, typer.Option(help="Short id (default: from the name).")]
    = None,
) -> None:
    """Create a track. Ingested events join it when they name one of its parties and their
    article uses one of its keywords (or, without keywords, name two of its parties)."""
    from timeline.models import TrackCreate

    with _store(ctx) as store:
        info = store.add_track(_track_model(TrackCreate, {
            "name": name, "slug": slug or "", "parties": party or [],
            "keywords": keyword or []}))
    typer.echo(info.slug)


def _track_model(cls: Any, data: dict[str, Any]) -> Any:
    from pydantic import ValidationError

    from timeline.models import describe_validation_error

    try:
        return cls.model_validate(data)
    except ValidationError as err:
        _fail(describe_validation_error(err))


@track_app.command("list")
@handles_errors
def track_list(ctx: typer.Context) -> None:
    """Every track: slug, events, name, parties and keywords."""
    with _store(ctx) as store:
        tracks = store.tracks()
    for t in tracks:
        typer.echo(f"{t.slug:32} {t.events:>7}  {t.name}")
        if t.parties:
            typer.echo(f"{'':42}parties: {', '.join(t.parties)}")
        if t.keywords:
            typer.echo(f"{'':42}keywords: {', '.join(t.keywords)}")
    typer.echo(f"{len(tracks)} track(s)")


@track_app.command("rename")
@handles_errors
def track_rename(
    ctx: typer.Context,
    track: Annotated[str, typer.Argument(help="The track's slug or name.")],
    new_name: Annotated[str, typer.Argument(help="Its new name.")],
) -> None:
    """Rename a track (its slug follows the new name)."""
    with _store(ctx) as store:
        info = store.rename_track(track, new_name)
    typer.echo(f"renamed to {info.name} ({info.slug})")


@track_app.command("merge")
@handles_errors
def track_merge(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="The track to merge (it is deleted).")],
    target: Annotated[str, typer.Argument(help="The track that receives its events.")],
) -> None:
    """Move every event of SOURCE into TARGET, with its parties and keywords."""
    with _store(ctx) as store:
        info = store.merge_tracks(source, target)
    typer.echo(f"merged into {info.slug}: {info.events} event(s)")


@track_app.command("delete")
@handles_errors
def track_delete(
    ctx: typer.Context,
    track: Annotated[str, typer.Argument(help="The track's slug or name.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete a track; its events stay, outside it."""
    with _store(ctx) as store:
        info = store.track(track)
        if not yes and not typer.confirm(f"Delete track {info.slug} ({info.events} events)?"):
            _fail("not deleted")
        store.delete_track(info.slug)
    typer.echo(f"deleted track {info.slug}")


@track_app.command("load")
@handles_errors
def track_load(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="JSON: a list of {name, slug, parties, "
                                              "keywords}.")],
) -> None:
    """Create or update tracks from a JSON file (loading it twice changes nothing)."""
    from timeline.models import TrackCreate

    try:
        items = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        _fail(f"{file}: not a readable JSON file ({err})")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        _fail(f"{file}: expected a list of tracks ({{name, slug, parties, keywords}})")
    tracks = [_track_model(TrackCreate, item) for item in items]
    with _store(ctx) as store:
        for t in tracks:
            store.save_track(t)
    typer.echo(f"{len(tracks)} track(s) loaded")


# --- schema ---------------------------------------------------------------------------


@db_app.command("upgrade")
@handles_errors
def db_upgrade(ctx: typer.Context) -> None:
    """Bring the database's schema up to date (opening it with any command does too; an
    SQLite file is copied first)."""
    from timeline.schema import HEAD

    settings = ctx.obj if ctx.obj is not None else load_settings()
    with _store(ctx) as store:
        change = store.schema_change
    if change is None:
        typer.echo(f"{shown_database(settings.db)}: schema {HEAD}, up to date")
    elif change.old is None:
        typer.echo(change.describe(shown_database(settings.db)))


@db_app.command("status")
@handles_errors
def db_status(ctx: typer.Context) -> None:
    """The schema version of the database and the one this version of timeline writes."""
    from timeline.schema import HEAD, database_version

    settings = ctx.obj if ctx.obj is not None else load_settings()
    version = database_version(settings.database_url)
    state = "empty" if version is None else f"schema {version}"
    verdict = "up to date" if version == HEAD else (
        "will be created on first use" if version is None else f"`timeline db upgrade` "
        f"brings it to {HEAD}")
    typer.echo(f"{shown_database(settings.db)}: {state}; timeline writes schema {HEAD}: "
               f"{verdict}")


# --- text analysis ------------------------------------------------------------------


def _read_article(path: Path) -> Article:
    """The article in a text, Markdown (front matter allowed) or HTML file."""
    from timeline.sources.dispatch import read_input

    got = next(iter(read_input(str(path), load_settings())), None)
    if got is None:
        _fail(f"{path}: no article found")
    if isinstance(got, TimelineError):
        _fail(str(got))
    return got


def _read_text(path: Path) -> str:
    from timeline.sources.text import read_text_file

    return read_text_file(path)


@app.command()
@handles_errors
def dates(
    file: Annotated[Path, typer.Argument(help="A text file.")],
    dct: Annotated[str, typer.Option(help="Publication date: YYYY-MM-DD[THH:MM].")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON objects.")] = False,
    day_first: Annotated[
        bool, typer.Option(help="Read 03/04/2024 as 3 April rather than March 4.")
    ] = False,
) -> None:
    """Find the time expressions in FILE and normalise them against --dct."""
    from timeline.temporal import find_times

    when = _parse_when(dct, "--dct")
    found = find_times(_read_text(file), when, day_first=day_first)
    if as_json:
        typer.echo(json.dumps([t.to_json() for t in found], ensure_ascii=False))
        return
    for t in found:
        interval = f"{t.interval[0]}..{t.interval[1]}" if t.interval else ""
        typer.echo(f"{t.start:>6} {t.text!r:32} {t.type:9} {t.value:14} {interval} {t.precision}")


@app.command()
@handles_errors
def extract(
    file: Annotated[Path, typer.Argument(help="An article: text, Markdown or HTML.")],
    published: Annotated[str | None, typer.Option(
        help="Publication date: YYYY-MM-DD[THH:MM] (default: the file's own, from its "
             "front matter or page).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print {\"events\": [...]}.")] = False,
) -> None:
    """Print the negotiation events of one article, without storing anything."""
    from timeline.extract import extract_events

    article = _read_article(file)
    when = _parse_when(published, "--published") if published else article.published
    if when is None:
        _fail(f"{file}: no publication date in the file; give one with --published")
    events = extract_events(article.text, when, title=article.title, url=article.url,
                            outlet=article.outlet)
    if as_json:
        typer.echo(json.dumps({"events": [_event_json(e) for e in events]}, ensure_ascii=False))
        return
    for e in events:
        who = ", ".join(a.name for a in e.actors)
        typer.echo(f"{e.date_start} {e.type:10} {e.status:9} {who:40} {e.title}")


def _event_json(e: EventCreate) -> dict[str, Any]:
    return {
        "type": str(e.type),
        "status": str(e.status),
        "date_start": e.date_start.isoformat(),
        "date_end": (e.date_end or e.date_start).isoformat(),
        "date_precision": str(e.date_precision),
        "date_text": e.date_text,
        "actors": [{"name": a.name, "kind": str(a.kind), "role": str(a.role)} for a in e.actors],
        "location": {"name": e.location, "country": e.country} if e.location else None,
        "title": e.title,
        "evidence": e.evidence,
        "confidence": e.confidence,
    }
