"""Orchestration: documents in, events stored, a report out.

``ingest`` runs these stages for each input:
1. read    - ``sources``: a file, folder, URL, feed or JSON Lines file -> articles
2. check   - skip an article already stored (same URL or same text) or without a date
3. extract - ``extract.extract_events``: the article's events, dated against its publication
             (in ``workers`` processes at once when asked)
4. track   - ``assign_tracks``: the tracks each event belongs to
5. merge   - ``merge.plan_merge``: each event is new, or another report of a stored one
6. store   - the document and all its changes in one transaction

Stages 5 and 6 run as one exclusive turn (``Store.writing(exclusive=True)``), so several
processes ingesting at once, on one machine or several sharing a PostgreSQL database, end
with what one process would have stored: one event per occasion.

``import_file`` reads an export (CSV or JSON) back: every row is checked, and nothing is
written unless all rows are good (or ``skip_invalid`` is set).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from timeline import workers as _workers
from timeline.config import Settings, load_settings
from timeline.errors import ImportFailed, InvalidInput, SourceError, TimelineError
from timeline.merge import Occasion, plan_merge
from timeline.models import (
    EventCreate,
    TrackInfo,
    describe_validation_error,
    fold,
    fold_key,
    track_slugs,
)
from timeline.sources import Article, display_url, expand_inputs, read_input
from timeline.sources.article import published_problem
from timeline.store import Store, Writer, content_id
from timeline.workers import Workers

if TYPE_CHECKING:
    from timeline.export import ImportRow

__all__ = ["ImportReport", "IngestReport", "assign_tracks", "import_file", "import_text",
           "ingest", "ingest_article"]


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
    tracks: Sequence[str] = (),
    workers: int | Workers = 1,
) -> IngestReport:
    """Read, extract, merge and store every document of ``inputs``; see the module doc.

    ``published`` dates the documents that carry no date of their own; ``tracks`` puts
    every event of these documents in those tracks (besides the tracks they match).
    ``progress`` is called with each input before it is read. With ``workers`` > 1 (or
    started ``Workers``) the extraction runs in that many processes; storing stays in this
    one, in input order.
    """
    settings = settings or load_settings()
    if published is not None and (problem := published_problem(published)):
        raise InvalidInput(f"publication date {str(published)[:10]}: {problem}")
    report = IngestReport()
    rules = store.tracks()
    tracks = _explicit_tracks(tracks)
    articles = _articles(store, expand_inputs(list(inputs)), settings, published, report,
                         progress)
    for batch in _extracted(articles, workers):
        _store_batch(store, batch, report, rules, tracks)
    return report


def ingest_article(store: Store, article: Article, *, published: date | datetime | None = None,
                   report: IngestReport | None = None, tracks: Sequence[str] = ()
                   ) -> IngestReport:
    """Extract, merge and store one article (the stages 2-6 of ``ingest``)."""
    report = report if report is not None else IngestReport()
    when = _check(store, article, published, report)
    if when is not None:
        _store_batch(store, [(article, when, _workers.extract(article, when))], report,
                     store.tracks(), _explicit_tracks(tracks), errors=False)
    return report


def _articles(store: Store, items: Iterator[str], settings: Settings,
              published: date | datetime | None, report: IngestReport,
              progress: Callable[[str], None] | None) -> Iterator[tuple[Article, datetime]]:
    window: list[tuple[Article, datetime]] = []  # checked against the store together
    for item in items:
        name = display_url(item)  # a URL's credentials are never shown
        if progress:
            progress(name)
        for got in read_input(item, settings):
            if isinstance(got, SourceError):
                report.skipped.append((name, str(got)))
                continue
            try:
                window.append((got, _when(got, published)))
            except TimelineError as err:
                report.skipped.append((got.name, str(err)))
                continue
            if len(window) >= STORE_BATCH:
                yield from _not_stored(store, window, report)
                window = []
    yield from _not_stored(store, window, report)


def _check(store: Store, article: Article, published: date | datetime | None,
           report: IngestReport) -> datetime | None:
    """The date to read the article against; None when it was ingested already."""
    for _, when in _not_stored(store, [(article, _when(article, published))], report):
        return when
    return None


def _when(article: Article, published: date | datetime | None) -> datetime:
    if not article.text.strip():
        raise SourceError(f"{article.name}: no text")
    when = article.published or _as_datetime(published)
    if when is None:
        raise SourceError(f"{article.name}: no publication date; give one with --published")
    return when


def _not_stored(store: Store, window: list[tuple[Article, datetime]], report: IngestReport
                ) -> Iterator[tuple[Article, datetime]]:
    stored = store.stored_documents(a.document_id for a, _ in window) if window else set()
    for article, when in window:
        if article.document_id in stored:
            report.skipped.append((article.name, "already ingested"))
        else:
            yield article, when


Extracted = tuple[Article, datetime, list[EventCreate] | Exception]


def _extracted(articles: Iterator[tuple[Article, datetime]], workers: int | Workers
               ) -> Iterator[list[Extracted]]:
    """The articles with their events (or the error extracting them), in input order, in
    batches to store one transaction each."""
    if isinstance(workers, int) and workers <= 1:
        batch: list[Extracted] = []
        for article, when in articles:
            batch.append((article, when, _workers.extract_or_error(article, when)))
            if len(batch) >= STORE_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch
        return
    pool = workers if isinstance(workers, Workers) else Workers(workers)
    try:
        batch = []
        # the workers go on with the next articles while a batch is stored
        for chunk, results, more in pool.extracted(articles, 2 * len(pool) * STORE_BATCH):
            batch.extend((a, w, r) for (a, w), r in zip(chunk, results, strict=True))
            # once every article is handed out, each chunk is stored as it comes, so that
            # what is left to store after the workers are done is one chunk, not a batch
            if len(batch) >= STORE_BATCH or not more:
                yield batch
                batch = []
    finally:
        if pool is not workers:
            pool.close()


STORE_BATCH = 25  # documents per transaction: one commit, one turn of the lock, for many


def _store_batch(store: Store, batch: Sequence[Extracted],
                 report: IngestReport, rules: Sequence[TrackInfo], tracks: Sequence[str],
                 *, errors: bool = True) -> None:
    """Store extracted documents in one transaction, each behind its own savepoint: a
    document that fails is rolled back alone and reported as skipped (``errors``: raise
    instead), and nothing of the batch is counted unless the whole of it was committed."""
    if not batch:
        return
    done: list[tuple[int, int, int]] = []
    skipped: list[tuple[str, str]] = []
    try:
        with store.writing(exclusive=True) as w:
            for article, when, events in batch:
                try:
                    if isinstance(events, Exception):
                        raise events
                    with w.savepoint():
                        counts = _store_one(w, article, when, events, rules, tracks)
                except Exception as err:  # one document's failure must not end the batch
                    if not errors:
                        raise
                    skipped.append((article.name, _reason(article, err)))
                    continue
                if counts is None:
                    skipped.append((article.name, "already ingested"))
                else:
                    done.append(counts)
    except TimelineError as err:  # the transaction itself failed: nothing of it is stored
        if not errors:
            raise
        report.skipped.extend((a.name, f"{a.name}: {err}") for a, _, _ in batch)
        return
    report.skipped.extend(skipped)
    for new, merged, manual in done:
        report.documents += 1
        report.events_new += new
        report.events_merged += merged
        report.events_manual += manual


def _reason(article: Article, err: Exception) -> str:
    if isinstance(err, TimelineError):
        return str(err)
    detail = " ".join(str(err).split())
    return f"{article.name}: cannot be processed ({type(err).__name__}: {detail})"


def _store_one(w: Writer, article: Article, when: datetime, events: list[EventCreate],
               rules: Sequence[TrackInfo], tracks: Sequence[str]) -> tuple[int, int, int] | None:
    """Merge and write one document (None when another process stored it first): the
    numbers of new events, of stored events it reported again, and of hand-made ones."""
    events = assign_tracks(events, article.text, rules, tracks)
    published = when if when.tzinfo else when.replace(tzinfo=UTC)
    document = {"id": article.document_id, "url": article.url, "outlet": article.outlet,
                "title": article.title, "published": published,
                "content_hash": article.content_hash, "read_at": datetime.now(UTC)}
    if not w.add_document(document):
        return None
    plan = plan_merge(events, _candidates(w, events))
    new = _unique_ids(w, [(content_id(ev), ev) for ev in plan.new])
    w.insert_events(new, document_id=article.document_id)
    w.add_sources(plan.sources, article.document_id)
    w.refine_dates(plan.refine)
    w.link_tracks(plan.tracks)
    return len(plan.new), len({eid for eid, _ in plan.sources}), plan.manual


def _candidates(w: Writer, events: list[EventCreate]) -> list[Occasion]:
    """The stored events a document's events could be reports of: of an event's type, on
    days that overlap its own, naming one of the document's actors. One query for the
    document, with each type's days as periods: the days between a document's events (an
    article tells of last week and of next week) hold stored events no report of it can
    match, more of them as the store grows."""
    days: dict[str, list[tuple[date, date]]] = {}
    keys: set[str] = set()
    for e in events:
        if not e.actors:  # an event without actors shares none with a stored one
            continue
        days.setdefault(str(e.type), []).append((e.date_start, e.date_end or e.date_start))
        keys.update(fold_key(a.name) for a in e.actors)
    periods = [(etype, lo, hi) for etype, spans in days.items() for lo, hi in _joined(spans)]
    return w.candidates(periods, keys) if periods else []


def _joined(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Intervals that overlap or touch, joined: the days they cover, each once."""
    out: list[tuple[date, date]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _unique_ids(w: Writer, new: list[tuple[str, EventCreate]]) -> list[tuple[str, EventCreate]]:
    """Content ids can collide with a stored event that was not merged: salt them."""
    out = []
    taken = w.existing_ids([eid for eid, _ in new])
    for eid, ev in new:
        candidate, n = eid, 0
        while candidate in taken or (n and w.existing_ids([candidate])):
            n += 1
            candidate = content_id(ev.model_copy(update={"title": f"{ev.title}#{n}"}))
        taken.add(candidate)
        out.append((candidate, ev))
    return out


def assign_tracks(events: list[EventCreate], text: str, rules: Sequence[TrackInfo],
                  explicit: Sequence[str] = ()) -> list[EventCreate]:
    """The events with the tracks they belong to.

    An event joins a track when it names one of the track's parties and the article uses
    one of the track's keywords; a track without keywords takes events naming two of its
    parties. ``explicit`` tracks take every event.
    """
    explicit = _explicit_tracks(explicit)
    if not rules and not explicit:
        return events
    words = _spaced_words(text)
    spoken = {r.slug for r in rules if any(_spaced_words(k) in words for k in r.keywords)}
    out = []
    for ev in events:
        keys = {fold_key(a.name) for a in ev.actors}
        found = list(ev.tracks) + list(explicit)
        for r in rules:
            named = len(keys & {fold_key(p) for p in r.parties})
            if (named and r.slug in spoken) or (not r.keywords and named >= 2):
                found.append(r.slug)
        out.append(ev if found == list(ev.tracks) else ev.model_copy(
            update={"tracks": list(dict.fromkeys(found))}))
    return out


def _explicit_tracks(tracks: Sequence[str]) -> list[str]:
    """Tracks a user named for a whole batch, as slugs (one without letters is refused)."""
    try:
        return track_slugs(list(tracks))
    except ValueError as err:
        raise InvalidInput(str(err)) from None


def _spaced_words(text: str) -> str:
    """`` gaza truce `` for "Gaza, truce": phrases found with ``in``, on word boundaries."""
    return " " + " ".join(re.findall(r"\w+", fold(text))) + " "


def _as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


# --- import of exports --------------------------------------------------------------


@dataclass(slots=True)
class ImportReport:
    added: int = 0
    present: int = 0
    updated: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # changed rows not applied, overwrites

    def summary(self) -> str:
        text = (f"imported {self.added} new event(s); {self.present} already present; "
                f"{len(self.skipped)} skipped")
        return text + (f"; {self.updated} updated" if self.updated else "")


def import_file(store: Store, path: Path, *, skip_invalid: bool = False, update: bool = False,
                tracks: Sequence[str] = ()) -> ImportReport:
    """Import a file written by ``timeline export`` (CSV or JSON), reading it as a stream."""
    from timeline.export import open_import

    with open_import(path) as rows:
        return _import_rows(store, rows, name=str(path), skip_invalid=skip_invalid,
                            update=update, tracks=tracks)


def import_text(store: Store, text: str, fmt: str, *, name: str = "input",
                skip_invalid: bool = False, update: bool = False,
                tracks: Sequence[str] = ()) -> ImportReport:
    from timeline.export import parse_rows

    return _import_rows(store, parse_rows(text, fmt), name=name, skip_invalid=skip_invalid,
                        update=update, tracks=tracks)


_IMPORT_BATCH = 2000  # rows checked against the store and written at a time


def _import_rows(store: Store, rows: Iterable[ImportRow | str], *, name: str,
                 skip_invalid: bool, update: bool, tracks: Sequence[str]) -> ImportReport:
    """Check and write rows in batches inside one transaction; if any row is bad (and
    ``skip_invalid`` is not set) the transaction is rolled back: nothing is written."""
    report = ImportReport()
    tracks = _explicit_tracks(tracks)
    problems: list[str] = []
    seen: dict[str, int] = {}
    count = 0
    with store.writing() as w, _rare_collections():
        batch: list[ImportRow] = []
        for row in rows:
            if isinstance(row, str):
                problems.append(row)
                continue
            count += 1
            if tracks:
                row.event = row.event.model_copy(
                    update={"tracks": list(dict.fromkeys([*row.event.tracks, *tracks]))})
                row.fields.add("tracks")
            eid = row.event_id or content_id(row.event)
            if eid in seen:
                if row.event_id:
                    problems.append(f"{row.where}: id {eid} already used on "
                                    f"{seen[eid]}")
                else:
                    report.present += 1
                continue
            seen[eid] = row.line
            row.event_id = eid
            batch.append(row)
            if len(batch) >= _IMPORT_BATCH:
                _write_batch(w, batch, report, update, problems)
                batch = []
        _write_batch(w, batch, report, update, problems)
        if not count and not problems:
            problems.append(f"{name}: no events in the file")
        if problems and not skip_invalid:
            raise ImportFailed(
                f"{name}: {len(problems)} bad record(s); nothing was imported", problems)
    report.skipped = problems
    return report


@contextmanager
def _rare_collections() -> Iterator[None]:
    """Run the cycle collector less often while rows are read and written. A batch is
    thousands of objects that live until it is written: at the default pace they outlive
    enough collections to set off, every few batches, a full one over every object of the
    process."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _write_batch(w: Writer, batch: list[ImportRow], report: ImportReport, update: bool,
                 problems: list[str]) -> None:
    from timeline.export import changed_fields

    if not batch:
        return
    # most rows of an import are new: only the ids found stored are read in full
    present = w.existing_ids([r.event_id for r in batch if r.event_id])
    stored = w.records(present) if present else {}
    new = []
    for row in batch:
        assert row.event_id is not None
        old = stored.get(row.event_id)
        if old is None:
            new.append((row.event_id, row.event))
            continue
        diff = changed_fields(old, row.event, row.fields)
        if not diff:
            report.present += 1
        elif not update:
            report.present += 1
            report.notes.append(f"{row.where}: event {row.event_id} exists with a different "
                                f"{', '.join(diff)}; left as it is (--update applies it)")
        else:
            if str(old.origin) == "manual":
                report.notes.append(f"{row.where}: event {row.event_id} was entered or "
                                    f"edited by hand; replaced by the file's version")
            # what the file does not say (a column it lacks) stays as stored; a new first
            # day comes with the file's last day (its own, or the same day)
            fields = row.fields | ({"date_end"} if "date_start" in row.fields else set())
            data = old.model_dump(exclude={"id", "created_at", "updated_at"})
            data.update({f: getattr(row.event, f) for f in fields})
            try:
                given = EventCreate.model_validate(data)
            except ValidationError as err:
                problems.append(f"{row.where}: as an update of event {row.event_id}: "
                                f"{describe_validation_error(err)}")
                continue
            w.replace_event(row.event_id, given, keep_sources="sources" not in diff)
            report.updated += 1
    w.insert_events(new)
    report.added += len(new)
