"""Edges of the store and the commands around it: threads sharing a store, updates by
import, ids from older files, tracks named by slug or name, dates at the ends of the
calendar, passwords in database URLs, words with accents no Unicode table removes."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.models import EventFilter, TrackCreate
from timeline.store import Store

from .conftest import PG_URL, make_event


def run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", db, *args])
    return result.exit_code, result.output


def test_threads_sharing_a_store_wait_for_each_other_s_new_actors(store: Store) -> None:
    """One thread has inserted a new actor and not committed; another adding an event with
    that actor waits for it instead of using an id that is not there yet."""
    done: list[str] = []
    holding = threading.Event()

    def first() -> None:
        with store.writing() as w:
            w.insert_events([("first000001", make_event(actors=[{"name": "Zed"}]))])
            holding.set()
            time.sleep(0.5)

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait(5)
    done.append(store.add(make_event(actors=[{"name": "Zed"}], title="second")))
    thread.join()
    assert store.count(EventFilter(actors=["Zed"])) == 2
    assert store.actor_names().count("Zed") == 1


def test_a_rolled_back_actor_is_not_remembered(store: Store) -> None:
    with pytest.raises(RuntimeError), store.writing() as w:
        w.insert_events([("gone00000001", make_event(actors=[{"name": "Ghost"}]))])
        raise RuntimeError("changed my mind")
    eid = store.add(make_event(actors=[{"name": "Ghost"}]))
    assert [a.name for a in store.get(eid).actors] == ["Ghost"]


@pytest.mark.postgres
def test_reads_on_postgresql_see_one_state() -> None:
    if not PG_URL:
        pytest.skip("PostgreSQL: set TIMELINE_TEST_PG_URL")
    from .conftest import reset_pg

    store = Store(reset_pg())
    with store.reading() as conn:
        level = conn.exec_driver_sql("SHOW transaction_isolation").scalar()
    assert level == "repeatable read"
    store.close()


def test_update_by_import_keeps_the_interval_whole(db: str, tmp_path: Path) -> None:
    eid = run(db, "add", "--type", "meeting", "--date", "2024-05-01", "--end-date",
              "2024-05-03", "--actor", "Qatar", "--title", "Talks")[1].strip()
    path = tmp_path / "u.json"
    path.write_text(json.dumps([{"id": eid, "type": "meeting", "date_start": "2024-05-10",
                                 "title": "Talks", "actors": [{"name": "Qatar"}]}]))
    code, out = run(db, "import", str(path), "--update")
    assert code == 0, out
    show = run(db, "show", eid)[1]
    assert "2024-05-10 (" in show or "date:       2024-05-10" in show
    assert "2024-05-03" not in show


def test_ids_from_files_of_any_shape_can_be_reached(db: str, tmp_path: Path) -> None:
    path = tmp_path / "ids.json"
    path.write_text(json.dumps([{"id": "UN:Res/2720", "type": "statement",
                                 "date_start": "2023-12-22", "title": "Resolution",
                                 "actors": [{"name": "UN Security Council"}]}]))
    assert run(db, "import", str(path))[0] == 0
    assert "Resolution" in run(db, "show", "un:res/2720")[1]
    out = tmp_path / "out.json"
    assert run(db, "export", "--format", "json", "-o", str(out))[0] == 0
    assert run(str(tmp_path / "other.db"), "import", str(out))[0] == 0
    assert run(db, "delete", "un:res/2720", "--yes")[0] == 0


@pytest.mark.parametrize("args", [["import", "--track", "!!!"], ["ingest", "--track", "???"]])
def test_a_track_without_letters_is_refused(db: str, tmp_path: Path, args: list[str]) -> None:
    src = tmp_path / ("in.csv" if args[0] == "import" else "in.md")
    if args[0] == "import":
        run(db, "add", "--type", "visit", "--date", "2024-01-01", "--actor", "A", "--title", "t")
        run(db, "export", "-o", str(src))
    else:
        src.write_text("---\npublished: 2024-03-06\n---\nArmenia and Azerbaijan held peace "
                       "talks in Almaty on Tuesday.\n")
    code, out = run(db, args[0], str(src), *args[1:])
    assert code == 1 and "no letters or digits" in out and "Traceback" not in out
    assert run(db, "track", "list")[0] == 0


def test_a_track_is_named_by_its_name_when_its_slug_differs(store: Store) -> None:
    store.add_track(TrackCreate(name="Russia-Ukraine talks", slug="ru-ua"))
    eid = store.add(make_event(tracks=["Russia-Ukraine talks"]))
    assert store.get(eid).tracks == ["ru-ua"]
    assert [e.id for e in store.query(EventFilter(tracks=["russia-ukraine TALKS"]))] == [eid]
    assert store.track("Russia-Ukraine talks").slug == "ru-ua"
    assert [t.slug for t in store.tracks()] == ["ru-ua"]


def test_bad_track_names_are_one_line(db: str) -> None:
    run(db, "track", "add", "Gaza talks")
    code, out = run(db, "track", "rename", "gaza-talks", "!!!")
    assert code == 1 and "no letters or digits" in out and "Traceback" not in out
    code, out = run(db, "track", "add", "Oslo", "--slug", "!!!")
    assert code == 1 and "slug '!!!'" in out


def test_dates_at_the_ends_of_the_calendar(db: str) -> None:
    run(db, "add", "--type", "visit", "--date", "0001-01-02", "--actor", "A", "--title", "t")
    for args in (["--since", "0001-01-01"], ["--until", "9999-12-31"]):
        code, out = run(db, "list", *args)
        assert code == 0 and "1 event(s)" in out, out


def test_db_status_of_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database " * 200)
    code, out = run(str(path), "db", "status")
    assert code == 1 and out.startswith("Error: ") and "Traceback" not in out


def test_passwords_in_database_urls_are_never_printed() -> None:
    code, out = run("postgresql://someone:s3cret@127.0.0.1:9/none?password=x", "db", "status")
    assert code == 1 and "s3cret" not in out and "password=x" not in out
    assert "someone@127.0.0.1:9" in out


@pytest.mark.parametrize(("stored", "asked"), [
    pytest.param("Talks in Łódź", "lodz", id="l-stroke"),
    pytest.param("Øresund bridge talks", "oresund", id="o-stroke"),
    pytest.param("Meeting in Đà Nẵng", "da nang", id="d-stroke"),
    pytest.param("the snake_case file", "case", id="underscore-splits"),
])
def test_text_search_folds_every_accent_the_same_on_both_databases(
        store: Store, stored: str, asked: str) -> None:
    store.add(make_event(title=stored, sources=[]))
    assert len(store.query(EventFilter(text=asked))) == 1


def test_actor_names_with_a_semicolon_are_refused(db: str) -> None:
    code, out = run(db, "add", "--type", "visit", "--date", "2024-01-01", "--actor",
                    "Hamas; Islamic Jihad", "--title", "t")
    assert code == 1 and "has a ';'" in out


def test_list_csv_neutralises_formulas(db: str) -> None:
    run(db, "add", "--type", "visit", "--date", "2024-01-01", "--actor", "A",
        "--title", '=HYPERLINK("http://x")')
    out = run(db, "list", "--format", "csv")[1]
    assert "'=HYPERLINK" in out


def _filtered_ids(store: Store, flt: EventFilter) -> list[str]:
    return [t.id for t in store.iter_tuples(flt)]


def test_filters_find_the_same_events_whether_few_or_many_match(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A filter that matches few events is read through its own index, one that matches
    many by the newest events in order: both give the same events in the same order."""
    for i in range(12):
        store.add(make_event(title=f"talks {i}", date_start=f"2024-03-{i + 1:02d}",
                             actors=[{"name": "Qatar" if i % 3 else "Österreich"},
                                     {"name": "Hamas"}],
                             location="Genève" if i % 4 == 0 else "Doha",
                             sources=[{"url": f"https://a.example/{i}",
                                       "evidence": "hostages" if i % 2 else "prisoners"}]))
    filters = [EventFilter(actors=["österreich"]), EventFilter(actors=["Hamas"]),
               EventFilter(locations=["GENÈVE"]), EventFilter(locations=["Doha"]),
               EventFilter(text="hostages"), EventFilter(actors=["Nobody"]),
               EventFilter(actors=["Qatar"], locations=["Doha"], text="prisoners", limit=2)]
    few = [_filtered_ids(store, f) for f in filters]
    monkeypatch.setattr("timeline.store.FEW", 1)  # every filter now "matches many"
    assert [_filtered_ids(store, f) for f in filters] == few
    assert [len(ids) for ids in few] == [4, 12, 3, 9, 6, 0, 2]


def test_a_range_finds_long_events_that_began_long_before_it(store: Store) -> None:
    store.add(make_event(title="year", date_start="2019-01-01", date_end="2019-12-31",
                         date_precision="year"))
    store.add(make_event(title="season", date_start="2019-03-01", date_end="2019-09-30",
                         date_precision="range"))
    store.add(make_event(title="week", date_start="2019-06-10", date_end="2019-06-16",
                         date_precision="week"))
    store.add(make_event(title="before", date_start="2019-05-01", date_end="2019-05-31",
                         date_precision="month"))
    found = [t.title for t in store.iter_tuples(EventFilter(since="2019-06-01",
                                                            until="2019-06-30"))]
    assert sorted(found) == ["season", "week", "year"]


@pytest.mark.parametrize("days", [0, 3, 7, 8, 30, 62, 63, 400])
def test_merge_candidates_of_every_interval_length(store: Store, days: int) -> None:
    """An event of any length that overlaps the dates asked about is a candidate, found
    through whichever index its length is read by; one that ends the day before is not."""
    from datetime import date, timedelta

    start = date(2024, 1, 1)
    store.add(make_event(title="overlaps", date_start=start.isoformat(),
                         date_end=(start + timedelta(days=days)).isoformat(),
                         date_precision="range" if days else "day"))
    store.add(make_event(title="ends before", type="visit",
                         date_start=(start - timedelta(days=days + 1)).isoformat(),
                         date_end=(start - timedelta(days=1)).isoformat(),
                         date_precision="range" if days else "day"))
    lo = start + timedelta(days=days)
    found = store.candidates(lo, lo + timedelta(days=2), ["visit"], ["hamas"])
    assert [(c.date_start, c.date_end) for c in found] == [(start, lo)]
    assert store.candidates(lo, lo, ["visit"], ["qatar"]) == []
    assert store.candidates(lo, lo, ["meeting"], ["hamas"]) == []


def test_merge_candidates_of_several_periods_come_from_one_query(store: Store) -> None:
    """Each period (a type and its days) finds the events of its type overlapping those
    days, not the days between two periods nor another type's; an event overlapping two
    periods comes once; each comes with all its actors' keys, in the order of the ids."""
    from datetime import date

    from timeline.store import Writer

    hamas = [{"name": "Hamas"}, {"name": "Egypt"}]

    def add(eid: str, etype: str, start: str, end: str | None = None,
            actors: list[dict[str, str]] | None = None) -> None:
        store.add(make_event(type=etype, date_start=start, date_end=end or start,
                             date_precision="range" if end else "day",
                             actors=actors or hamas), eid)

    add("e-first-day", "visit", "2024-01-02")
    add("d-week", "visit", "2024-01-08", "2024-01-14")
    add("c-month", "visit", "2023-12-20", "2024-01-15")  # overlaps both periods
    add("b-between", "visit", "2024-01-06")
    add("a-meeting", "meeting", "2024-01-02")
    add("f-qatar", "visit", "2024-01-02", actors=[{"name": "Qatar"}])
    add("g-meeting-later", "meeting", "2024-01-20", actors=[{"name": "Hamas"}])
    periods = [("visit", date(2024, 1, 2), date(2024, 1, 2)),
               ("visit", date(2024, 1, 10), date(2024, 1, 11)),
               ("meeting", date(2024, 1, 20), date(2024, 1, 20))]
    with store.reading() as conn:
        found = Writer(conn, store.dialect).candidates(periods, ["hamas"])
        anyone = Writer(conn, store.dialect).candidates(periods)
    assert [c.id for c in found] == ["c-month", "d-week", "e-first-day", "g-meeting-later"]
    assert found[2].actor_keys == {"hamas", "egypt"}
    assert [c.id for c in anyone] == ["c-month", "d-week", "e-first-day", "f-qatar",
                                      "g-meeting-later"]


def test_sqlite_reads_merge_candidates_period_by_period(tmp_path: Path) -> None:
    """Without statistics SQLite's planner would walk every one-day event of the store
    through the span index and look for its period (a hundred milliseconds a document on
    a store of 60,000 events, instead of a tenth of one)."""
    import sqlite3
    from datetime import date

    from sqlalchemy import event

    store = Store(f"sqlite:///{tmp_path / 'plan.db'}")
    seen: list[tuple[str, object]] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, sql, params, *_: seen.append((sql, params)))
    store.candidates(date(2024, 1, 2), date(2024, 1, 3), ["visit", "meeting"], ["hamas"])
    store.close()
    sql, params = next((s, p) for s, p in seen if "json_each" in s)
    with sqlite3.connect(tmp_path / "plan.db") as conn:
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    reads = [step for step in plan if step.startswith(("SCAN events", "SEARCH events"))]
    assert reads == ["SEARCH events USING INDEX ix_events_type_span_start "
                     "(type=? AND span_days=? AND date_start>? AND date_start<?)"] * 3 + [
                         "SEARCH events USING INDEX ix_events_span (span_days>?)"], plan


@pytest.mark.parametrize("option", ["--actor", "--location", "--track", "--text"])
def test_a_filter_with_a_character_no_database_can_hold_is_refused(tmp_path: Path,
                                                                   option: str) -> None:
    """A command line with bytes that are not UTF-8 reaches Python as lone surrogates."""
    code, out = run(str(tmp_path / "t.db"), "list", option, "Egypt\udc80")
    assert code == 1 and "U+DC80" in out and "Traceback" not in out, out


def test_an_exported_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    """Written through a private temporary file, it is then given the mode any new file
    of the user gets (or keeps the mode of the file it replaces)."""
    import os

    db = str(tmp_path / "t.db")
    target = tmp_path / "out.csv"
    old = os.umask(0o022)
    try:
        assert run(db, "export", "-o", str(target))[0] == 0
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        assert run(db, "export", "-o", str(target))[0] == 0
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
