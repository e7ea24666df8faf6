"""CSV export and import: the round trip, formula neutralising, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.export import events_to_csv, parse_actors, parse_import
from timeline.ingest import import_text
from timeline.store import Store

from .conftest import make_event

AWKWARD = [
    make_event(title='Talks in "Cairo", round two\nsecond line',
               actors=[{"name": "Égypte", "kind": "state", "role": "mediator"},
                       {"name": "Khalil al-Hayya", "kind": "person"}],
               sources=[{"url": "https://example.org/ä?x=1,2", "evidence": "He said: \"yes\", ok"},
                        {"url": None, "evidence": "=HYPERLINK(\"http://evil\")"}]),
    make_event(type="statement", title="=1+1", date_text="-3 days",
               actors=[{"name": "@mention"}, {"name": "+plus"}], location="'Tis", country=None),
    make_event(type="ceasefire", date_start="2025-01-19", date_end="2025-03-01",
               date_precision="range", title="Truce holds, mostly — 停火",
               actors=[{"name": "Israel", "kind": "state"}, {"name": "Hamas"}], sources=[]),
]


def _export(runner: CliRunner, db: str) -> bytes:
    result = runner.invoke(app, ["--db", db, "export"])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_round_trip_is_byte_identical(runner: CliRunner, db: str, tmp_path: Path) -> None:
    src = Store(db if "://" in db else f"sqlite:///{db}")
    for ev in AWKWARD:
        src.add(ev)
    src.close()
    first = _export(runner, db)
    path = tmp_path / "export.csv"
    path.write_bytes(first)
    other = str(tmp_path / "other.db")
    assert runner.invoke(app, ["--db", other, "import", str(path)]).exit_code == 0
    assert _export(runner, other) == first
    # Importing the same file again adds nothing.
    result = runner.invoke(app, ["--db", other, "import", str(path)])
    assert "imported 0 new event(s); 3 already present" in result.output
    assert _export(runner, other) == first


def test_formula_cells_are_neutralised(store: Store) -> None:
    for ev in AWKWARD:
        store.add(ev)
    text = events_to_csv(store.query())
    assert ",'=1+1," in text
    assert "'@mention" in text
    assert "'+plus" not in text  # only a cell's first character counts
    assert "\"'=HYPERLINK" not in text  # the evidence cell starts with the first source's note
    assert "''Tis" in text


def test_actor_cell_parsing() -> None:
    assert parse_actors("Hamas [organization/initiator]; Egypt; Qatar [state]") == [
        {"name": "Hamas", "kind": "organization", "role": "initiator"},
        {"name": "Egypt"},
        {"name": "Qatar", "kind": "state"},
    ]


HEADER = ("id,date_start,date_end,date_precision,date_text,type,status,title,actors,location,"
          "country,confidence,origin,source_urls,evidence\r\n")


def test_bad_rows_are_all_reported_and_nothing_is_written(store: Store) -> None:
    good = ",2024-01-02,,,,meeting,,Talks,Qatar,,,,,,\r\n"
    text = (HEADER + good
            + ",2024-02-30,,,,meeting,,Talks,Qatar,,,,,,\r\n"
            + ",2024-01-03,,,,summit,,Talks,Qatar,,,,,,\r\n"
            + ",2024-01-03,2024-01-01,,,meeting,,Talks,Qatar,,,,,,\r\n"
            + ",2024-01-03,,,,meeting,,,Qatar,,,,,,\r\n"
            + ",2024-01-03,,,,meeting,,x\r\n")
    parsed = parse_import(text, "csv")
    assert len(parsed.rows) == 1
    assert [p.split(":")[0] for p in parsed.problems] == [
        "line 3", "line 4", "line 5", "line 6", "line 7"]
    assert "date_start" in parsed.problems[0]
    assert "unknown event type 'summit'" in parsed.problems[1]
    assert "before date_start" in parsed.problems[2]
    assert "title is empty" in parsed.problems[3]
    assert "cells where the header has 15" in parsed.problems[4]
    with pytest.raises(Exception, match="5 bad record"):
        import_text(store, text, "csv")
    assert store.count() == 0
    report = import_text(store, text, "csv", skip_invalid=True)
    assert (report.added, len(report.skipped)) == (1, 5)


def test_multiline_cell_reports_the_line_where_its_row_starts() -> None:
    text = (HEADER + ',2024-01-02,,,,meeting,,"two\nlines",Qatar,,,,,,\r\n'
            + ",bad,,,,meeting,,t,Q,,,,,,\r\n")
    parsed = parse_import(text, "csv")
    assert parsed.problems[0].startswith("line 4:")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"\x00\x01\x02binary\xff", "binary", id="binary"),
        pytest.param(b"a,b\r\n1,2\r\n", "missing column", id="not-an-export"),
        pytest.param(HEADER.encode() + b',2024-01-02,,,,meeting,,"open quote', "malformed CSV",
                     id="malformed"),
        pytest.param(b"[{\"type\": 1}", "not valid JSON", id="bad-json"),
    ],
)
def test_bad_files_get_a_clear_message(runner: CliRunner, tmp_path: Path, content: bytes,
                                       message: str) -> None:
    path = tmp_path / ("in.json" if content.startswith(b"[") else "in.csv")
    path.write_bytes(content)
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["--db", db, "add", "--type", "visit", "--date", "2024-01-01",
                        "--actor", "A", "--title", "kept"])
    result = runner.invoke(app, ["--db", db, "import", str(path)])
    assert result.exit_code == 1
    assert message in result.output
    assert "1 event(s)" in runner.invoke(app, ["--db", db, "list"]).output
