"""The README stays true: every command is documented, and its examples run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app
from timeline.export import CSV_COLUMNS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    commands = {c.name or (c.callback.__name__ if c.callback else "") for c in
                app.registered_commands}
    for name in commands:
        assert f"timeline {name}" in README, name


def test_every_csv_column_is_documented() -> None:
    for col in CSV_COLUMNS:
        assert f"`{col}`" in README, col


def test_readme_add_example_runs(tmp_path: Path) -> None:
    block = re.search(r"```sh\n(timeline add .*?)\ntimeline list", README, re.S)
    assert block is not None
    command = block.group(1).replace("\\\n", " ").split("#")[0]
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "d.db"), *args])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"[0-9a-f]{12}\n", result.output)
