"""Orchestration: documents in, events stored, a report out.

``ingest`` runs these stages for each input:
1. read    - ``sources``: a file, folder, URL, feed or JSON Lines file -> articles
2. check   - skip an article already stored (same URL or same text) or without a date
3. extract - ``extract.extract_events``: the article's events, dated against its publication
4. merge   - ``merge.plan_merge``: each event is new, or another report of a stored one
5. store   - ``Store.store_document``: the document and all its changes in one transaction

``import_file`` reads an export (CSV or JSON) back: every row is checked first, and
nothing is written unless all rows are good (or ``skip_invalid`` is set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from timeline.config import Settings, load_settings
from timeline.errors import ImportFailed, InvalidInput, SourceError, TimelineError
from timeline.export import parse_import, sniff_format, unique_lines
from timeline.merge import MergePlan, plan_merge
from timeline.models import Document, EventCreate
from timeline.sources import Article, display_url, expand_inputs, read_input
from timeline.sources.article import published_problem
from timeline.sources.text import read_text_file
from timeline.store import Store, content_id

__all__ = ["ImportReport", "IngestReport", "import_file", "import_text", "ingest",
           "ingest_article"]


@dataclass(slots=True)
class IngestReport:
    documents: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    events_new: int = 0
    events_merged: int = 0
    events_manual: int = 0

    def summary(self) -> str:
        return (f"documents read: {self.documents}; skipped: {len(self.skipped)}; "
                f"events new: {self.events_new}; merged into known events: "
                f"{self.events_merged}" + (f"; reports of hand-made events (left unchanged): "
                                           f"{self.events_manual}" if self.events_manual else ""))


def ingest(
    store: Store,
    inputs: Iterable[str],
    *,
    published: date | datetime | None = None,
    settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, extract, merge and store every document of ``inputs``; see the module doc.

    ``published`` dates the documents that carry no date of their own. ``progress`` is
    called with each input before it is read.
    """
    settings = settings or load_settings()
    if published is not None and (problem := published_problem(published)):
        raise InvalidInput(f"publication date {str(published)[:10]}: {problem}")
    report = IngestReport()
    for item in expand_inputs(list(inputs)):
        name = display_url(item)  # a URL's credentials are never shown
        if progress:
            progress(name)
        for got in read_input(item, settings):
            if isinstance(got, SourceError):
                report.skipped.append((name, str(got)))
                continue
            try:
                ingest_article(store, got, published=published, report=report)
            except TimelineError as err:
                report.skipped.append((got.name, str(err)))
            except Exception as err:  # one document's failure must not end the batch
                detail = " ".join(str(err).split())
                report.skipped.append((got.name, f"{got.name}: cannot be processed "
                                                  f"({type(err).__name__}: {detail})"))
    return report


def ingest_article(store: Store, article: Article, *, published: date | datetime | None = None,
                   report: IngestReport | None = None) -> IngestReport:
    """Extract, merge and store one article (the stages 2-5 of ``ingest``)."""
    report = report if report is not None else IngestReport()
    if not article.text.strip():
        raise SourceError(f"{article.name}: no text")
    when = article.published or _as_datetime(published)
    if when is None:
        raise SourceError(f"{article.name}: no publication date; give one with --published")
    doc_id = article.document_id
    if store.has_document(doc_id):
        report.skipped.append((article.name, "already ingested"))
        return report
    events = _extract(article, when)
    plan = _plan(store, events)
    new = _unique_ids(store, [(content_id(ev), ev) for ev in plan.new])
    store.store_document(
        Document(id=doc_id, url=article.url, outlet=article.outlet, title=article.title,
                 published=when, content_hash=article.content_hash),
        new, plan.sources, plan.refine,
    )
    report.documents += 1
    report.events_new += len(plan.new)
    report.events_merged += len({eid for eid, _ in plan.sources})
    report.events_manual += plan.manual
    return report


def _extract(article: Article, when: datetime) -> list[EventCreate]:
    from timeline.extract import extract_events

    return extract_events(article.text, when, title=article.title, url=article.url,
                          outlet=article.outlet)


def _plan(store: Store, events: list[EventCreate]) -> MergePlan:
    if not events:
        return plan_merge([], [])
    lo = min(e.date_start for e in events) - timedelta(days=1)
    hi = max(e.date_end or e.date_start for e in events) + timedelta(days=1)
    stored = store.candidates(lo, hi, {str(e.type) for e in events})
    return plan_merge(events, stored)


def _unique_ids(store: Store, new: list[tuple[str, EventCreate]]) -> list[tuple[str, EventCreate]]:
    """Content ids can collide with a stored event that was not merged: salt them."""
    out = []
    taken: set[str] = set()
    for eid, ev in new:
        candidate, n = eid, 0
        while candidate in taken or store.has_event(candidate):
            n += 1
            candidate = content_id(ev.model_copy(update={"title": f"{ev.title}#{n}"}))
        taken.add(candidate)
        out.append((candidate, ev))
    return out


def _as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


# --- import of exports --------------------------------------------------------------


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

