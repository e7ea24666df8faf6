"""Hostile and odd input to the store, the importer and the command line: one line of
message, exit code 1, and nothing stored changed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import ImportFailed
from timeline.models import EventFilter
from timeline.store import Store

from .conftest import make_event

HEADER = ("id,date_start,date_end,date_precision,date_text,type,status,title,actors,location,"
          "country,confidence,origin,tracks,source_urls,evidence\r\n")


def run(db: str, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", db, *args], input=input)
    return result.exit_code, result.output


def _one_line_error(code: int, out: str, words: str) -> None:
    assert code == 1, out
    assert "Traceback" not in out
    assert out.startswith("Error: ") and words in out, out


# --- LIKE wildcards ------------------------------------------------------


def test_percent_and_underscore_are_not_wildcards_in_ids(db: str) -> None:
    code, eid = run(db, "add", "--type", "visit", "--date", "2024-05-04", "--actor", "Hamas",
                    "--title", "kept")
    assert code == 0
    eid = eid.strip()
    for prefix in ("%%%%", "____", eid[:2] + "%%", "%" + eid[1:5]):
        code, out = run(db, "delete", prefix, "--yes")
        _one_line_error(code, out, "no event with id")
    assert "1 event(s)" in run(db, "list")[1]


def test_text_search_takes_words_not_patterns(store: Store) -> None:
    store.add(make_event(title="Talks on a 50% cut", sources=[]))
    store.add(make_event(title="Other", date_start="2024-06-01", sources=[]))
    assert [e.title for e in store.query(EventFilter(text="50"))] == ["Talks on a 50% cut"]
    with pytest.raises(Exception, match="no word to search for"):
        store.query(EventFilter(text="%"))


def test_a_search_without_words_is_refused(db: str) -> None:
    run(db, "add", "--type", "visit", "--date", "2024-05-04", "--actor", "Hamas", "--title", "t")
    code, out = run(db, "list", "--text", "%")
    _one_line_error(code, out, "no word to search for")


# --- any script, any case ------------------------------------------------


@pytest.mark.parametrize(("stored", "asked"), [
    pytest.param("Ελλάδα", "ΕΛΛΆΔΑ", id="greek"),
    pytest.param("Россия", "РОССИЯ", id="russian"),
    pytest.param("Österreich", "österreich", id="german"),
    pytest.param("Straße", "STRASSE", id="sharp-s"),
])
def test_actor_place_and_text_filters_fold_every_script(store: Store, stored: str,
                                                        asked: str) -> None:
    store.add(make_event(actors=[{"name": stored}], location=stored, country=None,
                         title=f"Talks with {stored}", sources=[]))
    assert len(store.query(EventFilter(actors=[asked]))) == 1
    assert len(store.query(EventFilter(locations=[asked]))) == 1
    assert len(store.query(EventFilter(text=asked))) == 1
    assert len(store.timeline_rows(EventFilter(actors=[asked]))) == 1


def test_the_cli_finds_greek_actors(db: str) -> None:
    run(db, "add", "--type", "meeting", "--date", "2024-05-04", "--actor", "Ελλάδα:host:state",
        "--title", "Talks in Athens")
    assert "1 event(s)" in run(db, "list", "--actor", "ΕΛΛΆΔΑ")[1]


# --- values every database can store and give back -----------------


@pytest.mark.parametrize(("field", "value", "words"), [
    pytest.param("title", "a\x00b", "NUL", id="nul-title"),
    pytest.param("title", "bad \ud800 surrogate", "U+D800", id="lone-surrogate"),
    pytest.param("location", "Doha\x07", "U+0007", id="bell"),
])
def test_unstorable_characters_are_refused(store: Store, field: str, value: str,
                                           words: str) -> None:
    with pytest.raises(Exception, match=re.escape(words)):
        store.add(make_event(**{field: value}))
    assert store.count() == 0


def test_long_ids_are_refused_before_the_database_sees_them(db: str, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps([{"id": "x" * 40, "type": "visit", "date_start": "2024-01-01",
                                 "title": "t", "actors": [{"name": "A"}]}]))
    code, out = run(db, "import", str(path))
    assert code == 1 and "is not valid" in out and "Traceback" not in out
    code, out = run(db, "show", "x" * 100)
    _one_line_error(code, out, "no event with id")


@pytest.mark.parametrize(("content", "words"), [
    pytest.param('[{"id": 123, "type": "visit", "date_start": "2024-01-01", "title": "t", '
                 '"actors": [{"name": "A"}]}]', "id: must be text", id="number-id"),
    pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="deep-nesting"),
    pytest.param('[{"type": "visit", "date_start": "2024-01-01", "title": "\\ud800", '
                 '"actors": [{"name": "A"}]}]', "U+D800", id="lone-surrogate"),
    pytest.param('[{"type": "visit", "date_start": "2024-01-01", "title": "a\\u0000b", '
                 '"actors": [{"name": "A"}]}]', "NUL", id="nul"),
    pytest.param('[{"type": "visit", "date_start": 0, "title": "t", '
                 '"actors": [{"name": "A"}]}]', "not a date", id="number-date"),
    pytest.param('[{"type": "visit", "date_start": "2024-01-01", "title": 5, '
                 '"actors": [{"name": "A"}]}]', "valid string", id="number-title"),
    pytest.param('{"events": 3}', "expected a list", id="not-a-list"),
])
def test_bad_json_imports_are_named_and_change_nothing(db: str, tmp_path: Path, content: str,
                                                       words: str) -> None:
    run(db, "add", "--type", "visit", "--date", "2024-01-01", "--actor", "A", "--title", "kept")
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    code, out = run(db, "import", str(path))
    assert code == 1 and words in out and "Traceback" not in out, out
    assert "1 event(s)" in run(db, "list")[1]


@pytest.mark.parametrize("cell", ["0", "1700000000", "24-01-02", "2024-1-2"])
def test_dates_are_written_in_full(store: Store, cell: str) -> None:
    from timeline.ingest import import_text

    text = HEADER + f",{cell},,,,meeting,,Talks,Qatar,,,,,,,\r\n"
    with pytest.raises(ImportFailed) as err:
        import_text(store, text, "csv")
    assert "not a date: write YYYY-MM-DD" in err.value.problems[0]
    assert store.count() == 0


def test_a_column_given_twice_is_refused(store: Store) -> None:
    from timeline.ingest import import_text

    text = "date_start,type,title,actors,title\r\n2024-01-02,meeting,One,Qatar,Two\r\n"
    with pytest.raises(ImportFailed) as err:
        import_text(store, text, "csv")
    assert "given twice: title" in err.value.problems[0]
    assert store.count() == 0


def test_a_changed_row_is_reported_and_applied_only_when_asked(db: str, tmp_path: Path) -> None:
    eid = run(db, "add", "--type", "visit", "--date", "2024-05-04", "--actor", "Hamas",
              "--title", "Original title")[1].strip()
    path = tmp_path / "out.csv"
    run(db, "export", "-o", str(path))
    path.write_text(path.read_text().replace("Original title", "Corrected title"))
    code, out = run(db, "import", str(path))
    assert code == 0
    assert f"event {eid} exists with a different title" in out
    assert "--update" in out
    assert "Original title" in run(db, "show", eid)[1]
    code, out = run(db, "import", str(path), "--update")
    assert code == 0 and "1 updated" in out
    assert "entered or edited by hand" in out  # a hand-made event was overwritten: said
    assert "Corrected title" in run(db, "show", eid)[1]


def test_big_cells_export_and_import_again(db: str, tmp_path: Path) -> None:
    big = "word " * 60_000  # 300 KB of evidence
    run(db, "add", "--type", "statement", "--date", "2024-01-01", "--actor", "A",
        "--title", "long", "--evidence", big)
    first = tmp_path / "a.csv"
    run(db, "export", "-o", str(first))
    other = str(tmp_path / "b.db")
    code, out = run(other, "import", str(first))
    assert code == 0, out
    second = tmp_path / "b.csv"
    run(other, "export", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_limit_beyond_any_count_is_refused_politely(db: str) -> None:
    code, out = run(db, "list", "--limit", "99999999999999999999")
    assert code == 2 and "Traceback" not in out and "--limit" in out


def test_export_bom_is_for_excel(db: str, tmp_path: Path) -> None:
    run(db, "add", "--type", "visit", "--date", "2024-01-01", "--actor", "Ελλάδα",
        "--title", "t")
    path = tmp_path / "excel.csv"
    run(db, "export", "--bom", "-o", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,date_start")
    other = str(tmp_path / "o.db")
    assert run(other, "import", str(path))[0] == 0  # the BOM is read back too


def test_a_failed_export_leaves_no_half_file(db: str, tmp_path: Path) -> None:
    run(db, "add", "--type", "visit", "--date", "2024-01-01", "--actor", "A", "--title", "t")
    target = tmp_path / "missing-dir" / "out.csv"
    code, out = run(db, "export", "-o", str(target))
    _one_line_error(code, out, "cannot write")
    assert not target.exists()


def test_unknown_values_written_by_others_do_not_break_reading(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "odd.db"
    Store(f"sqlite:///{db}").add(make_event())
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET type = 'summit', status = 'paused'")
    code, out = run(str(db), "list")
    assert code == 0 and "summit" in out
    code, out = run(str(db), "export")
    assert code == 0 and ",summit,paused," in out
