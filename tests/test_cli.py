"""The command line, run as a user would, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app


def run(runner: CliRunner, db: str, *args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", db, *args], input=input)
    return result.exit_code, result.output


ADD = ["add", "--type", "visit", "--date", "2024-05-04", "--actor", "Hamas:initiator",
       "--actor", "Egypt:host:state", "--location", "Cairo", "--country", "Egypt",
       "--title", "Hamas delegation arrives in Cairo", "--source-url", "https://example.org/a",
       "--evidence", "The delegation landed in the afternoon."]


def test_add_list_show_edit_delete(runner: CliRunner, db: str) -> None:
    code, out = run(runner, db, *ADD)
    assert code == 0
    eid = out.strip()
    code, out = run(runner, db, "list", "--actor", "Egypt")
    assert code == 0 and eid in out and "1 event(s)" in out
    code, out = run(runner, db, "show", eid)
    assert "Egypt (state, host)" in out and "The delegation landed" in out
    code, out = run(runner, db, "edit", eid, "--status", "planned", "--title", "Visit planned")
    assert code == 0
    assert "planned" in run(runner, db, "show", eid)[1]
    code, out = run(runner, db, "delete", eid, input="n\n")
    assert code == 1 and eid in run(runner, db, "list")[1]
    code, out = run(runner, db, "delete", eid, "--yes")
    assert code == 0 and "0 event(s)" in run(runner, db, "list")[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--type", "vist"], "valid: visit, meeting", id="unknown-type"),
        pytest.param(["--status", "done"], "valid: occurred, planned", id="unknown-status"),
        pytest.param(["--date", "2024-02-30"], "not a valid date", id="impossible-date"),
        pytest.param(["--end-date", "2024-05-01"], "before date_start", id="end-before-start"),
        pytest.param(["--title", " "], "title is empty", id="empty-title"),
        pytest.param(["--actor", " "], "actor name is empty", id="empty-actor"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_stores_nothing(
    runner: CliRunner, db: str, args: list[str], message: str
) -> None:
    base = {"--type": "visit", "--date": "2024-05-04", "--actor": "Hamas", "--title": "t"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    argv = ["add"] + [x for kv in base.items() for x in kv]
    code, out = run(runner, db, *argv)
    assert code == 1
    assert message in out
    assert len([line for line in out.splitlines() if line.strip()]) == 1
    assert "0 event(s)" in run(runner, db, "list")[1]


def test_unknown_id(runner: CliRunner, db: str) -> None:
    for cmd in (["show", "abcdef"], ["edit", "abcdef", "--title", "x"],
                ["delete", "abcdef", "--yes"]):
        code, out = run(runner, db, *cmd)
        assert code == 1 and "no event with id 'abcdef'" in out


def test_list_filter_with_unknown_type_names_valid_ones(runner: CliRunner, db: str) -> None:
    code, out = run(runner, db, "list", "--type", "summit")
    assert code == 1 and "valid: visit" in out


def test_every_command_has_help(runner: CliRunner) -> None:
    for cmd in ("add", "list", "show", "edit", "delete", "export", "import", "dates", "extract"):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0, cmd
        assert "Usage" in result.output


def test_export_to_file_and_json(runner: CliRunner, db: str, tmp_path: Path) -> None:
    run(runner, db, *ADD)
    out_file = tmp_path / "out.json"
    code, _ = run(runner, db, "export", "--format", "json", "-o", str(out_file))
    assert code == 0
    assert '"Hamas delegation arrives in Cairo"' in out_file.read_text(encoding="utf-8")
    code, _ = run(runner, db, "import", str(out_file))
    assert code == 0
    assert "1 event(s)" in run(runner, db, "list")[1]


def test_known_actors_get_their_kind(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    run(runner, db, "add", "--type", "meeting", "--date", "2024-05-05", "--actor",
        "Qatar:mediator", "--actor", "Someone New:participant:person", "--title", "Talks")
    out = run(runner, db, "export")[1]
    assert "Qatar [state/mediator]; Someone New [person/participant]" in out


def test_extract_takes_the_date_from_front_matter(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2024-03-06\n---\nArmenia and Azerbaijan held peace talks "
                    "in Almaty on Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0 and "2024-03-05 meeting" in result.output
    path.write_text("Armenia and Azerbaijan held peace talks in Almaty on Tuesday.\n")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1 and "no publication date" in result.output


def test_list_pages_and_formats(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    for day in range(1, 61):
        run(runner, db, "add", "--type", "meeting", "--date", f"2024-{1 + day // 29:02d}-"
            f"{1 + day % 28:02d}", "--actor", "Qatar", "--title", f"Round {day}")
    code, out = run(runner, db, "list")
    assert "50 of 60 event(s); 10 more" in out
    assert "60 event(s)" in run(runner, db, "list", "--all")[1]
    assert "Round" in run(runner, db, "list", "--offset", "55")[1]
    import csv
    import io
    import json

    rows = list(csv.DictReader(io.StringIO(run(runner, db, "list", "--format", "csv",
                                               "--limit", "5")[1])))
    assert len(rows) == 5 and rows[0]["actors"] == "Qatar"
    assert len(json.loads(run(runner, db, "list", "--format", "json", "--all")[1])) == 60
    tsv = run(runner, db, "list", "--format", "tsv", "--limit", "2")[1].splitlines()
    assert tsv[0].startswith("id\tdate_start") and len(tsv) == 3
