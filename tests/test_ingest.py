"""Ingest: merge across documents, idempotence, hand-made events, failures that store nothing.

The extractor is replaced by a fake here so these tests are about orchestration only;
tests/test_extract.py covers extraction.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import timeline.ingest as ingest_mod
import timeline.workers
from timeline.cli import app
from timeline.models import EventCreate
from timeline.sources import Article
from timeline.store import Store, Writer

from .conftest import make_event


def fake_extract(article: Article, when: datetime) -> list[EventCreate]:
    """One visit to Cairo per article mentioning Cairo, dated by a 'DAY:' marker if any."""
    if "Cairo" not in article.text:
        return []
    day = when.date()
    precision = "week"
    if "DAY:" in article.text:
        day = date.fromisoformat(article.text.split("DAY:")[1][:10])
        precision = "day"
    end = day if precision == "day" else date.fromordinal(day.toordinal() + 6)
    return [make_event(date_start=day, date_end=end, date_precision=precision,
                       origin="extracted",
                       sources=[{"url": article.url, "outlet": article.outlet,
                                 "evidence": article.text[:60]}])]


@pytest.fixture(autouse=True)
def _fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline.workers, "extract", fake_extract)


def _art(text: str, url: str | None, when: str | None = "2024-05-01") -> Article:
    return Article(text=text, name=url or "doc", url=url,
                   published=datetime.fromisoformat(when) if when else None, outlet="Wire")


def test_reports_of_one_occasion_become_one_event_with_all_sources(store: Store) -> None:
    r = ingest_mod.ingest_article(store, _art("Delegation in Cairo this week.", "https://a/1"))
    r = ingest_mod.ingest_article(store, _art("Hamas team reached Cairo DAY:2024-05-03",
                                              "https://b/2"), report=r)
    assert (r.documents, r.events_new, r.events_merged) == (2, 1, 1)
    [ev] = store.query()
    assert [s.url for s in ev.sources] == ["https://a/1", "https://b/2"]
    # The second report dated it to the day: the stored event took the better date.
    assert (ev.date_start, ev.date_precision) == (date(2024, 5, 3), "day")


def test_same_document_twice_adds_nothing(store: Store) -> None:
    art = _art("Delegation in Cairo.", "https://a/1")
    ingest_mod.ingest_article(store, art)
    r = ingest_mod.ingest_article(store, art)
    assert r.skipped == [("https://a/1", "already ingested")] and r.events_new == 0
    assert len(store.query()[0].sources) == 1


def test_hand_made_events_are_never_changed(store: Store) -> None:
    eid = store.add(make_event(date_start="2024-05-01", date_end="2024-05-07",
                               date_precision="week", title="My own entry"))
    before = store.get(eid)
    r = ingest_mod.ingest_article(store, _art("Cairo DAY:2024-05-03", "https://a/1"))
    assert r.events_manual == 1 and r.events_new == 0
    assert store.get(eid) == before


def test_a_report_of_an_occasion_stored_twice_joins_the_one_of_lowest_id(store: Store) -> None:
    """Whichever database, and in whatever order they were stored."""
    store.add(make_event(date_start="2024-05-03", origin="extracted", title="later"), "zz-9")
    store.add(make_event(date_start="2024-05-03", origin="extracted", title="first"), "aa-1")
    r = ingest_mod.ingest_article(store, _art("Cairo DAY:2024-05-03", "https://a/1"))
    assert (r.events_new, r.events_merged) == (0, 1)
    assert [s.url for s in store.get("aa-1").sources] == ["https://example.org/a", "https://a/1"]
    assert len(store.get("zz-9").sources) == 1


def test_merge_candidates_are_read_on_the_days_of_a_document_s_events(store: Store) -> None:
    """Not on the days between them: a report of last week and one of next week leave
    this week's stored events alone, however many there are."""
    def ev(etype: str, day: str) -> EventCreate:
        return make_event(type=etype, date_start=day, origin="extracted", title=f"{etype} {day}")

    for etype, day in [("visit", "2024-05-01"), ("visit", "2024-05-10"), ("visit", "2024-05-21"),
                       ("meeting", "2024-05-10"), ("meeting", "2024-05-01")]:
        store.add(ev(etype, day), f"{etype}-{day}")
    reports = [ev("visit", "2024-05-01"), ev("visit", "2024-05-02"), ev("visit", "2024-05-20"),
               ev("meeting", "2024-05-10")]
    with store.writing() as w:
        found = ingest_mod._candidates(w, reports)
    assert [c.id for c in found] == ["meeting-2024-05-10", "visit-2024-05-01"]


def test_document_without_date_is_named_and_skipped(store: Store, tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text("Other talks in Cairo.")
    (tmp_path / "dated.md").write_text("---\npublished: 2024-05-01\n---\nTalks in Cairo.")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 20)
    report = ingest_mod.ingest(store, [str(tmp_path)])
    reasons = dict(report.skipped)
    assert "no publication date" in reasons[str(tmp_path / "undated.txt")]
    assert "binary" in reasons[str(tmp_path / "binary.txt")]
    assert report.documents == 1 and report.events_new == 1
    # --published dates what carries no date of its own.
    report = ingest_mod.ingest(store, [str(tmp_path / "undated.txt")],
                               published=date(2024, 5, 2))
    assert report.documents == 1


def test_a_failing_store_leaves_nothing_half_written(store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Writer, "add_sources", broken)
    with pytest.raises(RuntimeError):
        ingest_mod.ingest_article(store, _art("Cairo DAY:2024-05-03", "https://a/1"))
    assert store.count() == 0
    assert not store.has_document(_art("Cairo", "https://a/1").document_id)


def test_cli_ingest_summary(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("---\npublished: 2024-05-01\nurl: https://a/1\n---\nCairo")
    (tmp_path / "two.txt").write_text("nothing dated")
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "t.db"), "ingest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "documents read: 1; skipped: 1; events new: 1" in result.output
    assert "two.txt: no publication date" in result.output
