"""The dashboard's plain logic (timeline.views) and the store queries it relies on,
without a page: links, views, clicks, downloads, the hand-entry form, found events."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_event
from timeline import views
from timeline.models import EventCreate
from timeline.store import EventFilter, Store, open_store

ROOT = Path(__file__).resolve().parents[1]


# --- the store's dashboard queries (SQLite and PostgreSQL) ------------------------------


def test_timeline_rows_agree_with_records_and_put_initiators_first(store: Store) -> None:
    store.add(make_event(actors=[{"name": "Egypt", "role": "host"},
                                 {"name": "Hamas", "role": "initiator"}]))
    store.add(make_event(type="meeting", title="Talks in Doha", location="Doha",
                         actors=[{"name": "Qatar"}], sources=[]))
    for flt in (EventFilter(), EventFilter(actors=["Hamas"]), EventFilter(text="doha"),
                EventFilter(limit=1), EventFilter(types=["proposal"])):
        rows = store.timeline_rows(flt)
        records = store.query(flt)
        assert [r.id for r in rows] == [e.id for e in records], flt
        assert [sorted(r.actors) for r in rows] == [sorted(a.name for a in e.actors)
                                                    for e in records]
    (visit,) = store.timeline_rows(EventFilter(actors=["Hamas"]))
    assert visit.actors == ("Hamas", "Egypt") and visit.sources == 1
    assert len(store.timeline_rows(EventFilter(text="doha"))) == 1


def test_data_version_changes_with_every_write(store: Store) -> None:
    versions = [store.data_version()]
    eid = store.add(make_event())
    versions.append(store.data_version())
    store.update(eid, {"title": "Hamas delegation lands in Cairo"})
    versions.append(store.data_version())
    other = store.add(make_event(title="Second visit", date_start="2024-05-08"))
    versions.append(store.data_version())
    store.delete(other)
    versions.append(store.data_version())
    assert all(a != b for a, b in zip(versions, versions[1:], strict=False))
    assert store.data_version() == store.data_version()  # reading changes nothing


# --- links and views ---------------------------------------------------------------------


def test_url_parameters_round_trip() -> None:
    flt = EventFilter(since=date(2022, 1, 1), types=["visit", "meeting"], actors=["Cuba"],
                      locations=["Oslo"], statuses=["planned"], origins=["manual"],
                      tracks=["gaza"], text="truce")
    params = views.params_from_filter(flt, "place")
    assert params["type"] == ["visit", "meeting"] and params["lanes"] == ["place"]
    assert list(params)[0] == "track" and params["track"] == ["gaza"]
    again, lane = views.filter_from_params(params)
    assert again == flt and lane == "place"
    # Bad values from a hand-edited link are dropped, not fatal.
    bad, lane = views.filter_from_params({"since": ["soon"], "type": ["party"],
                                          "lanes": ["colour"]})
    assert bad == EventFilter() and lane == "type"
    # Characters no database holds are dropped from a link's words, not searched for.
    odd, _ = views.filter_from_params({"q": ["tru\x00ce"], "actor": ["\udc80", "Cu\x01ba"]})
    assert odd.text == "truce" and odd.actors == ["Cuba"]
    # Every negotiation is said in so many words: a link without ``track`` gets the default.
    assert views.params_from_filter(EventFilter(), "type") == {"track": ["all"]}
    assert views.filter_from_params({"track": ["all"]})[0] == EventFilter()


def test_the_default_track_and_labels() -> None:
    from timeline.models import TrackInfo

    tracks = [TrackInfo(name="Gaza talks", events=89), TrackInfo(name="Quiet talks", events=0),
              TrackInfo(name="Russia-Ukraine talks", events=23)]
    assert views.default_track(tracks) == "gaza-talks"
    assert views.default_track([TrackInfo(name="Empty")]) is None
    assert views.default_track([]) is None
    assert views.track_label("gaza-talks", tracks, 112) == "Gaza talks (89 events)"
    assert views.track_label("all", tracks, 112) == "All negotiations (112 events)"
    assert views.track_label("gone", tracks, 112) == "gone (no such track)"
    flt = EventFilter(tracks=["russia-ukraine-talks"])
    assert views.track_name(flt, tracks) == "Russia-Ukraine talks"
    assert views.track_name(EventFilter(), tracks) is None
    assert views.download_name(flt, "20250101-1200", ".ics") == \
        "russia-ukraine-talks-20250101-1200.ics"
    assert views.download_name(EventFilter(), "20250101-1200", ".csv") == \
        "timeline-20250101-1200.csv"


def _rows(tmp_path: Path, *events: EventCreate) -> tuple[Store, list[Any]]:
    store = open_store(str(tmp_path / "v.db"))
    for ev in events:
        store.add(ev)
    return store, store.timeline_rows(EventFilter())


def test_view_period_quick_periods_and_the_open_event(tmp_path: Path) -> None:
    _, rows = _rows(tmp_path, make_event(date_start="2024-01-10"),
                    make_event(title="Later", date_start="2024-06-01", date_end="2024-06-03",
                               date_precision="range"))
    assert views.view_period(EventFilter(), rows) is None
    assert views.view_period(EventFilter(since=date(2024, 3, 1)), rows) == (
        date(2024, 3, 1), date(2024, 6, 3))
    assert views.quick_period("last month", rows) == (date(2024, 5, 4), date(2024, 6, 3))
    assert views.quick_period("all", rows) is None
    assert views.quick_period("last year", []) is None
    assert views.visible_selection(rows[0].id, rows) == rows[0].id
    assert views.visible_selection("gone", rows) is None
    assert views.visible_selection(None, rows) is None
    listed = views.dated_list(rows)
    assert listed["date"] == ["10 Jan 2024", "1–3 Jun 2024"]  # oldest first, like the chart
    assert listed["title"][1] == "Later"
    fig = views.view_figure(rows, "type", EventFilter(since=date(2024, 3, 1)), rows[0].id)
    assert fig.layout.xaxis.range[0] < "2024-03-01"


def test_chart_and_table_picks() -> None:
    assert views.chart_pick({"selection": {"points": [{"customdata": "abc123"}]}}) == \
        views.ChartPick(event_id="abc123")
    period = {"selection": {"points": [{"customdata": ["period", "2024-03-01", "2024-03-31"]}]}}
    assert views.chart_pick(period) == views.ChartPick(period=(date(2024, 3, 1),
                                                               date(2024, 3, 31)))
    # A drag selects the events it crosses too: the period is what was asked for.
    drag = {"selection": {"points": [{"customdata": "abc123"}],
                          "box": [{"x": ["2024-01-01", "2024-02-01"]}]}}
    assert views.chart_pick(drag) == views.ChartPick(period=(date(2024, 1, 1),
                                                             date(2024, 2, 1)))
    assert views.chart_pick({"selection": {"points": []}}) is None
    assert views.chart_pick(None) is None
    assert views.table_pick({"selection": {"rows": [1]}}, ["a", "b"]) == "b"
    assert views.table_pick({"selection": {"rows": []}}, ["a"]) is None
    assert views.table_pick(None, []) is None


# --- downloads ---------------------------------------------------------------------------


def test_csv_download_matches_timeline_export_and_the_excel_one_has_a_bom(
        tmp_path: Path) -> None:
    db = tmp_path / "page.db"
    store = open_store(str(db))
    store.add(make_event(actors=[{"name": "Qaṭar"}], title="Envoys meet in Doha — again"))
    store.add(make_event(title="Other", date_start="2023-01-01"))
    flt, _ = views.filter_from_params({"since": ["2024-01-01"]})
    page_bytes = views.csv_bytes(store.query(flt))
    cli = subprocess.run(
        [sys.executable, "-m", "timeline", "--db", str(db), "export", "--since", "2024-01-01"],
        capture_output=True, check=True, cwd=ROOT,
    )
    assert page_bytes == cli.stdout
    assert page_bytes.count(b"\r\n") == 2  # header and one event
    excel = views.csv_bytes(store.query(flt), bom=True)
    assert excel == b"\xef\xbb\xbf" + page_bytes
    assert excel.decode("utf-8-sig").startswith("id,")


def test_publishing_downloads(tmp_path: Path) -> None:
    store, _ = _rows(tmp_path, make_event(status="planned"), make_event(title="Done"))
    events = store.query()
    assert b'"events"' in views.timelinejs_bytes(events, title="Talks")
    ics = views.ical_bytes(events, name="Talks").decode()
    assert ics.count("BEGIN:VEVENT") == 1 and "X-WR-CALNAME:Talks" in ics


# --- hand entry ---------------------------------------------------------------------------


def test_form_errors_are_by_field_and_all_at_once() -> None:
    event, errors = views.validate_form({
        "type": "meeting", "date_start": date(2022, 1, 5), "date_end": date(2022, 1, 1),
        "title": " ", "actors": [], "confidence": 1.0,
    })
    assert event is None
    assert set(errors) == {"date_end", "title", "actors"}
    event, errors = views.validate_form({
        "type": "meeting", "date_start": date(2022, 1, 5), "title": "ok",
        "actors": [{"name": "Norway", "kind": "state", "role": "host"}, {"name": "Cuba"},
                   {"name": None}, {"name": "  "}],
        "source_evidence": "said so",
    })
    assert errors == {} and event is not None
    assert [(a.name, str(a.role)) for a in event.actors] == [("Norway", "host"),
                                                             ("Cuba", "participant")]
    assert event.sources[0].evidence == "said so" and event.sources[0].url is None


@pytest.mark.parametrize("name", ["Hamas:initiator", "Hamas: mediator : group",
                                  "Hamas [organization/initiator]", "Hamas [group]"])
def test_actor_table_refuses_other_syntaxes(name: str) -> None:
    actors, problems = views.actors_from_rows([{"name": name}])
    assert actors == [] and len(problems) == 1
    assert "'Hamas'" in problems[0] and "kind and role" in problems[0]
    event, errors = views.validate_form({"type": "meeting", "date_start": date(2022, 1, 5),
                                         "title": "t", "actors": [{"name": name}]})
    assert event is None and errors["actors"] == problems


def test_actor_table_keeps_names_that_only_look_like_syntax() -> None:
    actors, problems = views.actors_from_rows([{"name": "Ansar Allah: Houthis"},
                                               {"name": "Group [unnamed]", "kind": "group"}])
    assert problems == []
    assert [a["name"] for a in actors] == ["Ansar Allah: Houthis", "Group [unnamed]"]


def test_similar_events_find_the_same_occasion(tmp_path: Path) -> None:
    store, _ = _rows(tmp_path, make_event())
    assert views.similar_events(store, make_event())
    assert views.similar_events(store, make_event(title="Hamas team reaches Cairo"))
    assert views.similar_events(store, make_event(actors=[{"name": "Qatar"}]))  # same title
    assert not views.similar_events(store, make_event(date_start="2024-06-01"))
    assert not views.similar_events(store, make_event(type="meeting"))


# --- events found in an article -----------------------------------------------------------


def _found() -> list[EventCreate]:
    return [make_event(origin="extracted", title="Delegation arrives"),
            make_event(origin="extracted", type="proposal", title="Draft tabled",
                       actors=[{"name": "Qatar", "role": "mediator"}], location=None)]


def test_found_events_are_marked_when_stored_and_rejections_stay(tmp_path: Path) -> None:
    found = _found()
    store, _ = _rows(tmp_path, found[0].model_copy(update={"title": "Hamas lands in Cairo"}))
    matches = views.stored_matches(store, found)
    assert matches[0] is not None and matches[1] is None
    rows = views.article_rows(found, matches)
    assert [r["keep"] for r in rows] == [False, True]
    assert rows[0]["in timeline"].startswith("✓ ")
    assert rows[1]["actors"] == "Qatar [organization/mediator]"
    fp = views.event_fingerprint(found[1])
    again = views.article_rows(found, matches, rejected=[fp],
                               edits={fp: {"title": "Draft proposal tabled"}})
    assert again[1]["keep"] is False and again[1]["title"] == "Draft proposal tabled"
    assert views.stored_matches(store, []) == []


def test_found_events_with_edits_become_manual_and_bad_rows_are_named() -> None:
    found = _found()
    rows = views.article_rows(found, [None, None])
    chosen, problems = views.article_events(found, rows)
    assert problems == [] and [str(ev.origin) for _, ev in chosen] == ["extracted"] * 2
    rows[0] |= {"title": "Delegation arrives in Cairo", "date_start": "2024-05-03",
                "actors": "Hamas [organization/initiator]; Egypt [state/host]"}
    rows[1] |= {"keep": False}
    chosen, problems = views.article_events(found, rows)
    assert problems == []
    ((i, ev),) = chosen
    assert i == 0 and ev.title == "Delegation arrives in Cairo"
    assert ev.date_start == date(2024, 5, 3) and str(ev.origin) == "manual"
    assert ev.sources == found[0].sources
    rows[0] |= {"date_end": date(2024, 5, 1), "actors": "Hamas:initiator"}
    chosen, problems = views.article_events(found, rows)
    assert chosen == []
    assert any("row 1: actors" in p and "Hamas:initiator" in p for p in problems)
    rows[0] |= {"actors": "Hamas"}
    _, problems = views.article_events(found, rows)
    assert problems == ["row 1: date_end: date_end 2024-05-01 is before date_start 2024-05-03"]


# --- text made safe, uploads ------------------------------------------------------------


def test_markdown_escape_and_links() -> None:
    assert views.md_escape("<script>*x*</script>") == r"\<script\>\*x\*\</script\>"
    # Markdown turns addresses into links after escapes are read: they must be broken up.
    text = views.md_escape("see https://evil.example/x, WWW.evil.example or a@evil.example")
    plain = text.replace("\\", "")
    assert "://" not in plain and "www." not in plain.lower() and "@evil" not in plain
    assert plain.replace("\u2060", "") == "see https://evil.example/x, WWW.evil.example or " \
        "a@evil.example"
    assert views.safe_link("https://news.example/a") == "https://news.example/a"
    assert views.safe_link("javascript:alert(1)") is None


def test_uploaded_html_is_reduced_to_its_article() -> None:
    body = " ".join(["The mediators met the delegations in Doha on Monday."] * 5)
    page = (f"<html><head><title>Talks</title></head><body><nav>Menu</nav><article>"
            f"<h1>Talks resume</h1><p>{body}</p></article></body></html>").encode()
    article = views.upload_text("page.html", page)
    assert "mediators met" in article.text and "<p>" not in article.text
    assert views.upload_text("notes.txt", b"Plain words.").text == "Plain words."


def test_big_views_are_counted_not_drawn_one_by_one(tmp_path: Path) -> None:
    events = [make_event(title=f"Round {i}", date_start=(date(2020, 1, 1) + timedelta(
        days=i)).isoformat()) for i in range(30)]
    store, rows = _rows(tmp_path, *events)
    fig = views.timeline_figure(rows, "type", max_marks=10)
    assert {t.meta["kind"] for t in fig.data if t.meta} <= {"count", "key"}
    store.close()
