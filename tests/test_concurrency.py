"""Several processes writing to one database at once, as a team does: on SQLite and on
PostgreSQL, starting on a database that does not exist yet. Zero failures, exact totals."""

from __future__ import annotations

import multiprocessing
import traceback
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from timeline.ingest import IngestReport, import_file, ingest
from timeline.models import EventFilter
from timeline.store import Store

from .conftest import make_event, reset_pg

ADDS = 25
SHARED_ACTOR = "Joint Monitoring Committee"

REPORT_A = """---
published: 2024-03-06
url: https://example.org/wire/a
---
Armenian and Azerbaijani negotiators met in Almaty on Tuesday for talks on a peace treaty.
"""
REPORT_B = """---
published: 2024-03-06
url: https://example.org/wire/b
---
Armenia and Azerbaijan held peace talks in Almaty on Tuesday, officials said.
"""


def _worker(url: str, job: str, arg: Any, barrier: Any, results: Any) -> None:
    try:
        barrier.wait(timeout=60)
        store = Store(url)  # several processes set the schema up at once
        if job == "add":
            for i in range(ADDS):
                store.add(make_event(title=f"{arg} {i}", date_start=date(2023, 1, 1 + i % 28),
                                     actors=[{"name": SHARED_ACTOR}, {"name": arg}],
                                     sources=[]))
            results.put((job, "ok", ADDS))
        elif job == "read":
            seen = 0
            for _ in range(arg):
                seen = max(seen, len(store.query(EventFilter(limit=50))))
                seen = max(seen, sum(1 for _ in store.iter_records()))
            results.put((job, "ok", seen))
        elif job == "import":
            report = import_file(store, Path(arg))
            results.put((job, "ok", report.added))
        else:
            got: IngestReport = ingest(store, arg, published=date(2025, 5, 16))
            results.put((job, "ok", (got.documents, got.events_new, got.events_merged)))
        store.close()
    except BaseException:  # noqa: BLE001 - the parent counts failures
        results.put((job, "failed", traceback.format_exc()))


def _run_together(url: str, jobs: list[tuple[str, Any]]) -> list[tuple[str, str, Any]]:
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(len(jobs)), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(url, job, arg, barrier, results))
             for job, arg in jobs]
    for p in procs:
        p.start()
    out = [results.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    return out


def _csv_of(tmp_path: Path, n: int) -> Path:
    from timeline.export import events_to_csv
    from timeline.models import EventRecord

    records = [EventRecord.model_validate({
        **make_event(title=f"Imported {i}", date_start=date(2022, 5, 1 + i % 28),
                     actors=[{"name": SHARED_ACTOR}], origin="imported").model_dump(),
        "id": f"imp{i:04d}"}) for i in range(n)]
    path = tmp_path / "rows.csv"
    path.write_text(events_to_csv(records), encoding="utf-8")
    return path


def _database(kind: str, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'team.db'}" if kind == "sqlite" else reset_pg()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_four_writers_at_once(kind: str, tmp_path: Path) -> None:
    url = _database(kind, tmp_path)
    articles = sorted(str(p) for p in (Path(__file__).parent / "data" / "articles").glob("*.txt"))
    # what one process alone stores from these articles
    alone = Store(f"sqlite:///{tmp_path / 'alone.db'}")
    reference = ingest(alone, articles, published=date(2025, 5, 16))
    expected_ingested = alone.count()
    alone.close()

    results = _run_together(url, [
        ("ingest", articles), ("ingest", articles),   # the same documents twice, at once
        ("add", "Team A"), ("add", "Team B"),        # both name the same new actor
        ("import", str(_csv_of(tmp_path, 40))),
    ])
    failures = [r for r in results if r[1] != "ok"]
    assert not failures, failures[0][2]
    docs = sorted(r[2][0] for r in results if r[0] == "ingest")
    assert docs == [0, reference.documents] or sum(docs) == reference.documents

    store = Store(url)
    assert store.count() == expected_ingested + 2 * ADDS + 40
    assert store.count(EventFilter(actors=[SHARED_ACTOR])) == 2 * ADDS + 40
    assert store.actor_names().count(SHARED_ACTOR) == 1
    store.close()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_two_reports_of_one_occasion_ingested_at_once_are_one_event(kind: str,
                                                                    tmp_path: Path) -> None:
    url = _database(kind, tmp_path)
    for name, text in (("a.md", REPORT_A), ("b.md", REPORT_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    for _ in range(3):  # a race is a matter of timing: try it a few times
        results = _run_together(url, [("ingest", [str(tmp_path / "a.md")]),
                                      ("ingest", [str(tmp_path / "b.md")])])
        assert all(r[1] == "ok" for r in results), results
        store = Store(url)
        meetings = store.query(EventFilter(types=["meeting"]))
        assert len(meetings) == 1, [(e.title, e.date_start) for e in meetings]
        assert len(meetings[0].sources) == 2
        with store.writing() as w:
            w.delete_events([e.id for e in store.query()])
            w.conn.exec_driver_sql("DELETE FROM documents")
        store.close()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_list_and_export_while_others_write(kind: str, tmp_path: Path) -> None:
    url = _database(kind, tmp_path)
    Store(url).close()
    results = _run_together(url, [("add", "Writer One"), ("add", "Writer Two"),
                                  ("import", str(_csv_of(tmp_path, 30))), ("read", 20)])
    assert all(r[1] == "ok" for r in results), results
    store = Store(url)
    assert len(list(store.iter_records())) == 2 * ADDS + 30
    store.close()
