"""Negotiation tracks: created, renamed, merged; events put in them by hand, by import and
by ingest's rule (a party named and a keyword in the article)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.ingest import assign_tracks
from timeline.models import EventFilter, TrackCreate, TrackInfo
from timeline.store import Store

from .conftest import make_event

ROOT = Path(__file__).resolve().parents[1]


def run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", db, *args])
    return result.exit_code, result.output


def test_track_commands(db: str) -> None:
    assert run(db, "track", "add", "Sudan talks", "--party", "Sudan", "--party", "RSF",
               "--keyword", "Jeddah") == (0, "sudan-talks\n")
    code, out = run(db, "track", "add", "Sudan Talks")
    assert code == 1 and "already exists" in out
    eid = run(db, "add", "--type", "meeting", "--date", "2023-05-06", "--actor", "Sudan",
              "--actor", "RSF", "--title", "Jeddah talks open", "--track", "sudan-talks"
              )[1].strip()
    assert "tracks:     sudan-talks" in run(db, "show", eid)[1]
    assert run(db, "track", "rename", "sudan-talks", "Jeddah process")[0] == 0
    assert "tracks:     jeddah-process" in run(db, "show", eid)[1]
    run(db, "track", "add", "Sudan peace")
    code, out = run(db, "track", "merge", "Jeddah process", "sudan-peace")
    assert code == 0 and "1 event(s)" in out
    code, out = run(db, "track", "list")
    assert "sudan-peace" in out and "jeddah-process" not in out and "parties: Sudan, RSF" in out
    assert "1 event(s)" in run(db, "list", "--track", "Sudan peace")[1]
    assert run(db, "edit", eid, "--track", "")[0] == 0
    assert "0 event(s)" in run(db, "list", "--track", "sudan-peace")[1]
    code, out = run(db, "track", "delete", "nope", "--yes")
    assert code == 1 and "no track 'nope'" in out


def test_tracks_travel_in_csv_and_import_can_add_one(db: str, tmp_path: Path) -> None:
    run(db, "add", "--type", "visit", "--date", "2024-05-04", "--actor", "Hamas",
        "--title", "Visit", "--track", "gaza")
    path = tmp_path / "out.csv"
    run(db, "export", "--track", "gaza", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0].split(",")[13] == "tracks" and ",gaza," in text
    other = str(tmp_path / "other.db")
    assert run(other, "import", str(path), "--track", "Archive 2024")[0] == 0
    assert "tracks:     archive-2024, gaza" in run(other, "show", run(
        other, "list", "--format", "csv")[1].splitlines()[1].split(",")[0])[1]


def test_track_file_loads_twice_to_the_same_tracks(db: str) -> None:
    for _ in range(2):
        code, out = run(db, "track", "load", str(ROOT / "events" / "tracks.json"))
        assert code == 0 and "2 track(s) loaded" in out
    assert "2 track(s)" in run(db, "track", "list")[1]


def test_bundled_events_each_have_a_track(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    run(db, "track", "load", str(ROOT / "events" / "tracks.json"))
    for f in sorted((ROOT / "events").glob("*.csv")):
        assert run(db, "import", str(f))[0] == 0
    store = Store(f"sqlite:///{db}")
    tracks = {t.slug: t.events for t in store.tracks()}
    assert tracks == {"gaza": 89, "russia-ukraine": 23}
    assert all(e.tracks for e in store.query())
    store.close()


RULES = [
    TrackInfo(name="Gaza talks", slug="gaza", parties=["Hamas", "Israel", "Qatar"],
              keywords=["Gaza", "hostage deal"]),
    TrackInfo(name="Ukraine talks", slug="ukraine", parties=["Russia", "Ukraine",
                                                             "United States"],
              keywords=["Ukraine"]),
    TrackInfo(name="Caucasus", slug="caucasus", parties=["Armenia", "Azerbaijan"]),
]


@pytest.mark.parametrize(("actors", "text", "expected"), [
    pytest.param(["Qatar"], "Mediators met on the Gaza truce.", ["gaza"], id="party+keyword"),
    pytest.param(["United States"], "Talks on the hostage deal went on.", [],
                 id="keyword-of-another-track's-party"),
    pytest.param(["United States", "Russia"], "A call about Ukraine and Gaza.",
                 ["ukraine"], id="two-tracks-only-one-party-set"),
    pytest.param(["Qatar"], "Qatar hosted talks on a hostage deal.", ["gaza"], id="phrase"),
    pytest.param(["Qatar"], "Qatar hosted talks on a hostage dealer.", [], id="whole-words"),
    pytest.param(["Armenia"], "Talks in Almaty.", [], id="one-party-no-keywords"),
    pytest.param(["Armenia", "Azerbaijan"], "Talks in Almaty.", ["caucasus"],
                 id="two-parties-no-keywords"),
])
def test_ingest_rule(actors: list[str], text: str, expected: list[str]) -> None:
    ev = make_event(actors=[{"name": a} for a in actors])
    [got] = assign_tracks([ev], text, RULES)
    assert got.tracks == expected


def test_explicit_tracks_take_every_event() -> None:
    [got] = assign_tracks([make_event(actors=[{"name": "Nobody"}])], "text", RULES, ["misc"])
    assert got.tracks == ["misc"]


def test_ingest_assigns_and_merged_reports_join(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run(db, "track", "add", "Caucasus peace", "--party", "Armenia", "--party", "Azerbaijan")
    for name, url in (("a.md", "https://example.org/a"), ("b.md", "https://example.org/b")):
        (tmp_path / name).write_text(
            f"---\npublished: 2024-03-06\nurl: {url}\n---\nArmenia and Azerbaijan held peace "
            f"talks in Almaty on Tuesday, officials said.\n", encoding="utf-8")
    assert run(db, "ingest", str(tmp_path / "a.md"))[0] == 0
    assert run(db, "ingest", str(tmp_path / "b.md"), "--track", "almaty-round")[0] == 0
    store = Store(f"sqlite:///{db}")
    [meeting] = store.query(EventFilter(types=["meeting"]))
    assert meeting.tracks == ["almaty-round", "caucasus-peace"]
    assert len(meeting.sources) == 2
    assert [e.id for e in store.query(EventFilter(tracks=["Caucasus peace"]))] == [meeting.id]
    store.close()


def test_store_api(store: Store) -> None:
    info = store.add_track(TrackCreate(name="Iran nuclear talks", parties=["Iran"],
                                       keywords=["enrichment"]))
    assert info.slug == "iran-nuclear-talks"
    eid = store.add(make_event(tracks=["iran-nuclear-talks"], date_start=date(2025, 4, 12)))
    assert store.get(eid).tracks == ["iran-nuclear-talks"]
    assert [t.events for t in store.tracks()] == [1]
    assert [r.tracks for r in store.timeline_rows(EventFilter(tracks=["iran-nuclear-talks"]))] \
        == [("iran-nuclear-talks",)]
    store.delete_track("iran-nuclear-talks")
    assert store.get(eid).tracks == []


def test_bad_track_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"name": "  "}]))
    code, out = run(str(tmp_path / "x.db"), "track", "load", str(path))
    assert code == 1 and "track name is empty" in out


def test_a_track_published_as_timelinejs_and_calendar(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    run(db, "track", "load", str(ROOT / "events" / "tracks.json"))
    run(db, "import", str(ROOT / "events" / "ukraine.csv"))
    tl = tmp_path / "tl.json"
    assert run(db, "export", "--format", "timelinejs", "--track", "russia-ukraine",
               "-o", str(tl))[0] == 0
    data = json.loads(tl.read_text(encoding="utf-8"))
    assert data["title"]["text"]["headline"] == "Russia-Ukraine talks"
    assert len(data["events"]) == 23
    code, out = run(db, "add", "--type", "meeting", "--date", "2025-06-02", "--status",
                    "planned", "--actor", "Russia", "--actor", "Ukraine", "--title",
                    "Second Istanbul round", "--track", "russia-ukraine")
    ics = run(db, "export", "--format", "ics", "--track", "russia-ukraine")[1]
    assert ics.startswith("BEGIN:VCALENDAR") and "SUMMARY:Second Istanbul round" in ics
    assert "X-WR-CALNAME:Russia-Ukraine talks" in ics
    code, out = run(db, "export", "--format", "ics", "--bom")
    assert code == 1 and "--bom is for CSV" in out
