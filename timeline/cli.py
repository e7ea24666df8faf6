"""timeline: keep a dated, sourced timeline of diplomatic negotiations."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from pydantic import ValidationError

from timeline.config import load_settings
from timeline.errors import ImportFailed, TimelineError

if TYPE_CHECKING:
    from rich.console import Console

    from timeline.sources import Article
from timeline.models import EventCreate
from timeline.store import EventFilter, EventRecord, Store, describe_validation_error, open_store

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__,
                  pretty_exceptions_enable=False)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="TIMELINE_DB",
                 help="SQLite file or SQLAlchemy URL (postgresql+psycopg://...). "
                      "Default: ./timeline.db"),
]


@app.callback()
def main(ctx: typer.Context, db: DbOption = None) -> None:
    """Keep a dated, sourced timeline of diplomatic negotiations."""
    try:
        ctx.obj = load_settings(db)
    except TimelineError as err:
        _fail(str(err))


def _fail(message: str) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def _store(ctx: typer.Context) -> Store:
    try:
        return open_store(settings=ctx.obj)
    except TimelineError as err:
        _fail(str(err))


def _parse_when(value: str, what: str) -> datetime:
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{what} {value!r} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None


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
TextOpt = Annotated[str | None, typer.Option(help="Words in the title or the evidence.")]
LimitOpt = Annotated[int | None, typer.Option(min=1, help="At most this many events.")]


def _filter(since: str | None, until: str | None, types: list[str] | None,
            actors: list[str] | None, locations: list[str] | None, statuses: list[str] | None,
            origins: list[str] | None, text: str | None, limit: int | None) -> EventFilter:
    from timeline.vocab import EventType, Origin, Status

    for values, enum, name in ((types, EventType, "type"), (statuses, Status, "status"),
                               (origins, Origin, "origin")):
        for v in values or []:
            if v.lower() not in {m.value for m in enum}:
                _fail(f"unknown {name} {v!r}; valid: {', '.join(m.value for m in enum)}")
    return EventFilter(
        since=_parse_day(since, "--since"), until=_parse_day(until, "--until"),
        types=types or [], actors=actors or [], locations=locations or [],
        statuses=statuses or [], origins=origins or [], text=text, limit=limit,
    )


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
    else:
        from timeline.extract import load_gazetteer

        known = load_gazetteer().lookup(name.strip())
        if known is not None:
            actor["kind"] = str(known.kind)
    return actor


def _validated(data: dict[str, Any]) -> EventCreate:
    try:
        return EventCreate.model_validate(data)
    except ValidationError as err:
        _fail(describe_validation_error(err))


@app.command()
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
) -> None:
    """Add an event by hand and print its id."""
    sources = [{"url": source_url, "evidence": evidence or ""}] if source_url or evidence else []
    ev = _validated({
        "type": type_, "date_start": _parse_day(date_, "--date"),
        "date_end": _parse_day(end_date, "--end-date"), "date_precision": precision,
        "status": status, "date_text": date_text, "title": title,
        "actors": [_actor_arg(a) for a in actor], "location": location, "country": country,
        "origin": "manual", "sources": sources,
    })
    with _store(ctx) as store:
        typer.echo(store.add(ev))


@app.command("list")
def list_(
    ctx: typer.Context, since: Since = None, until: Until = None, type_: TypeOpt = None,
    actor: ActorOpt = None, location: LocationOpt = None, status: StatusOpt = None,
    origin: OriginOpt = None, text: TextOpt = None, limit: LimitOpt = None,
) -> None:
    """List events, newest first."""
    flt = _filter(since, until, type_, actor, location, status, origin, text, limit)
    with _store(ctx) as store:
        events = store.query(flt)
    _print_table(events)


def _print_table(events: list[EventRecord]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, box=None, pad_edge=False)
    for col in ("id", "date", "type", "status", "title", "actors", "place"):
        table.add_column(col, overflow="fold")
    for e in events:
        when = str(e.date_start) if e.date_end == e.date_start else f"{e.date_start}..{e.date_end}"
        table.add_row(e.id, when, str(e.type), str(e.status), e.title,
                      ", ".join(a.name for a in e.actors), e.location or "")
    console = Console(width=160 if not sys.stdout.isatty() else None, markup=False)
    console.print(table)
    console.print(f"{len(events)} event(s)")


@app.command()
def show(ctx: typer.Context,
         event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")]) -> None:
    """Show every field of one event, its actors and all its sources."""
    try:
        with _store(ctx) as store:
            e = store.get(event_id)
    except TimelineError as err:
        _fail(str(err))
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
    if not changes:
        _fail("nothing to change: give at least one option (see --help)")
    try:
        with _store(ctx) as store:
            e = store.update(event_id, changes)
    except TimelineError as err:
        _fail(str(err))
    typer.echo(f"updated {e.id}")


@app.command()
def delete(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete an event and its sources."""
    try:
        with _store(ctx) as store:
            e = store.get(event_id)
            if not yes and not typer.confirm(f"Delete {e.id} ({e.date_start} {e.title})?"):
                _fail("not deleted")
            store.delete(e.id)
    except TimelineError as err:
        _fail(str(err))
    typer.echo(f"deleted {e.id}")


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="csv or json.")] = "csv",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default: stdout).")]
    = None,
    since: Since = None, until: Until = None, type_: TypeOpt = None, actor: ActorOpt = None,
    location: LocationOpt = None, status: StatusOpt = None, origin: OriginOpt = None,
    text: TextOpt = None, limit: LimitOpt = None,
) -> None:
    """Write events as CSV or JSON (the files `import` reads)."""
    from timeline.export import events_to_csv, events_to_json

    if fmt not in ("csv", "json"):
        _fail(f"unknown format {fmt!r}; valid: csv, json")
    flt = _filter(since, until, type_, actor, location, status, origin, text, limit)
    with _store(ctx) as store:
        events = store.query(flt)
    data = events_to_csv(events) if fmt == "csv" else events_to_json(events)
    if output is None:
        sys.stdout.buffer.write(data.encode("utf-8"))
        sys.stdout.flush()
    else:
        output.write_bytes(data.encode("utf-8"))
        typer.echo(f"wrote {len(events)} event(s) to {output}", err=True)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A CSV or JSON file written by export.")],
    skip_invalid: Annotated[bool, typer.Option(help="Import the good rows, list the bad.")]
    = False,
) -> None:
    """Import events from a CSV or JSON export. Nothing is written if any row is bad."""
    from timeline.ingest import import_file

    try:
        with _store(ctx) as store:
            report = import_file(store, file, skip_invalid=skip_invalid)
    except ImportFailed as err:
        typer.echo(f"Error: {err}", err=True)
        for p in err.problems:
            typer.echo(f"  {p}", err=True)
        raise typer.Exit(1) from None
    except TimelineError as err:
        _fail(str(err))
    for p in report.skipped:
        typer.echo(f"skipped {p}", err=True)
    typer.echo(f"imported {report.added} new event(s); {report.present} already present; "
               f"{len(report.skipped)} skipped")


@app.command("ingest")
def ingest_(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(
        help="Files (.txt .md .html .xml .rss .atom .jsonl), folders (read recursively), "
             "http(s) URLs of articles or feeds.")],
    published: Annotated[str | None, typer.Option(
        help="Publication date for documents that carry none (YYYY-MM-DD[THH:MM]).")] = None,
    allow_private_hosts: Annotated[bool, typer.Option(
        "--allow-private-hosts", help="Also fetch URLs whose host is a loopback, private or "
        "link-local address (intranet sources); also TIMELINE_ALLOW_PRIVATE_HOSTS=1.")] = False,
) -> None:
    """Read documents, extract their events, merge them with known events and store them."""
    from rich.progress import Progress

    from timeline.ingest import ingest
    from timeline.sources import expand_inputs

    when = _parse_when(published, "--published") if published else None
    items = list(expand_inputs(inputs))
    with _store(ctx) as store, Progress(transient=True, disable=len(items) < 3,
                                        console=_stderr_console()) as bar:
        task = bar.add_task("ingesting", total=len(items))

        def advance(item: str) -> None:
            bar.update(task, advance=1, description=Path(item).name[:40])

        try:
            settings = ctx.obj.replace(allow_private_hosts=True) if allow_private_hosts \
                else ctx.obj
            report = ingest(store, items, published=when, settings=settings, progress=advance)
        except TimelineError as err:
            _fail(str(err))
    for name, reason in report.skipped:
        typer.echo(f"skipped {name}: {reason.removeprefix(name + ': ')}", err=True)
    typer.echo(report.summary())


def _stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


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
    try:
        found = find_times(_read_text(file), when, day_first=day_first)
    except TimelineError as err:
        _fail(str(err))
    if as_json:
        typer.echo(json.dumps([t.to_json() for t in found], ensure_ascii=False))
        return
    for t in found:
        interval = f"{t.interval[0]}..{t.interval[1]}" if t.interval else ""
        typer.echo(f"{t.start:>6} {t.text!r:32} {t.type:9} {t.value:14} {interval} {t.precision}")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="An article: text, Markdown or HTML.")],
    published: Annotated[str, typer.Option(help="Publication date: YYYY-MM-DD[THH:MM].")],
    as_json: Annotated[bool, typer.Option("--json", help="Print {\"events\": [...]}.")] = False,
) -> None:
    """Print the negotiation events of one article, without storing anything."""
    from timeline.extract import extract_events

    when = _parse_when(published, "--published")
    article = _read_article(file)
    try:
        events = extract_events(article.text, when, title=article.title, url=article.url,
                                outlet=article.outlet)
    except TimelineError as err:
        _fail(str(err))
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
