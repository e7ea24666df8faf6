"""``ingest --workers N`` extracts in N processes and stores what one process would."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from timeline.cli import app
from timeline.store import Store

ARTICLES = Path(__file__).parent / "data" / "articles"


def _stored(db: Path) -> list[tuple[object, ...]]:
    store = Store(f"sqlite:///{db}")
    out = sorted((e.id, e.type, e.date_start, e.date_end, e.title, len(e.sources))
                 for e in store.query())
    store.close()
    return out


def test_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    results = {}
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = CliRunner().invoke(app, ["--db", str(db), "ingest", str(ARTICLES),
                                          "--published", "2025-05-16", "--workers", workers])
        assert result.exit_code == 0, result.output
        results[workers] = (result.output.strip().splitlines()[-1], _stored(db))
    assert results["1"] == results["2"]
    assert results["1"][1]  # something was stored


def test_a_worker_that_dies_is_a_clear_error(tmp_path: Path, monkeypatch: Any) -> None:
    """A worker killed mid-run (out of memory, a signal) ends the ingest with one line
    naming the problem, instead of a traceback or a wait for ever."""
    import timeline.workers

    monkeypatch.setattr(timeline.workers, "extract_or_error", lambda *_: os._exit(3))
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "t.db"), "ingest",
                                      str(ARTICLES), "--published", "2025-05-16",
                                      "--workers", "2"])
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: an extraction worker stopped (exit code 3); the "
                                     "documents stored before are kept: ingest again for "
                                     "the rest")
