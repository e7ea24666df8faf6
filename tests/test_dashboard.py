"""The dashboard page (AppTest) and its plain helpers (imported directly).

Every test writes its own events to its own temporary SQLite file (``TIMELINE_DB``);
the page's caches are keyed by the database URL, so tests do not see each other.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from timeline.models import EventCreate
from timeline.store import EventFilter, Store, open_store

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")


def _load_dashboard() -> types.ModuleType:
    # Imported by path: the page module is not a package; run as "dashboard" it only
    # defines functions (the page is drawn under ``__main__``).
    spec = importlib.util.spec_from_file_location("dashboard", APP)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["dashboard"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


dashboard = _load_dashboard()

EVENTS: list[dict[str, Any]] = [
    {"type": "meeting", "date_start": date(2022, 2, 10), "title": "Envoys meet in Oslo",
     "actors": [{"name": "Norway", "kind": "state", "role": "host"}, {"name": "Cuba"}],
     "location": "Oslo", "country": "Norway", "origin": "imported",
     "sources": [{"url": "https://news.example/oslo", "outlet": "Example News",
                  "evidence": "The envoys met <script>alert('x')</script> in Oslo."}]},
    {"type": "visit", "status": "planned", "date_start": date(2022, 3, 1),
     "date_end": date(2022, 3, 4), "date_precision": "range", "title": "Mediator tour",
     "actors": [{"name": "Switzerland"}], "origin": "extracted"},
    {"type": "proposal", "date_start": date(2022, 4, 1), "date_end": date(2022, 4, 30),
     "date_precision": "month", "date_text": "in April", "title": "Draft framework text",
     "actors": [{"name": "Cuba"}], "origin": "manual"},
    {"type": "statement", "status": "cancelled", "date_start": date(2022, 5, 5),
     "title": "Joint statement called off", "actors": [{"name": "Norway"}],
     "location": "Havana", "origin": "imported"},
]


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "page.db"
    monkeypatch.setenv("TIMELINE_DB", str(path))
    return path


@pytest.fixture()
def store(db: Path) -> Store:
    s = open_store(str(db))
    for data in EVENTS:
        s.add(EventCreate.model_validate(data))
    return s


def run_app(**query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    return next(c.value for c in at.caption if "events shown" in c.value)


# --- the page -------------------------------------------------------------------------


def test_page_runs_on_an_empty_database(db: Path) -> None:
    at = run_app()
    assert shown(at) == "0 of 0 events shown"
    assert at.title[0].value == "Negotiation timeline"


def test_page_runs_on_a_full_database(store: Store) -> None:
    at = run_app()
    assert shown(at) == "4 of 4 events shown"
    assert len(at.dataframe[0].value) == 4
    # Hand-made events are marked in the table.
    frame = at.dataframe[0].value
    assert (frame["origin"] == dashboard.MANUAL_MARK).sum() == 1


def test_filters_change_what_is_shown_and_go_to_the_url(store: Store) -> None:
    at = run_app()
    at.sidebar.multiselect(key="f_types").select("visit").run()
    assert shown(at) == "1 of 4 events shown"
    assert at.query_params["type"] in ("visit", ["visit"])
    at.sidebar.multiselect(key="f_types").unselect("visit").run()
    at.sidebar.multiselect(key="f_actors").select("Cuba").run()
    assert shown(at) == "2 of 4 events shown"
    at.sidebar.text_input(key="f_text").input("framework").run()
    assert shown(at) == "1 of 4 events shown"
    assert at.dataframe[0].value["title"].tolist() == ["Draft framework text"]


def test_date_and_status_filters(store: Store) -> None:
    at = run_app()
    at.sidebar.date_input(key="f_since").set_value(date(2022, 3, 3)).run()
    at.sidebar.date_input(key="f_until").set_value(date(2022, 4, 15)).run()
    assert shown(at) == "2 of 4 events shown"  # the tour (ends 4 March) and April's draft
    at.sidebar.multiselect(key="f_statuses").select("planned").run()
    assert shown(at) == "1 of 4 events shown"
    assert at.query_params["since"] in ("2022-03-03", ["2022-03-03"])


def test_a_shared_link_restores_the_view(store: Store) -> None:
    at = run_app(place="Havana", lanes="place")
    assert shown(at) == "1 of 4 events shown"
    assert at.sidebar.multiselect(key="f_places").value == ["Havana"]
    assert at.sidebar.radio(key="f_lanes").value == "place"


def test_add_form_stores_a_valid_event(db: Path) -> None:
    at = run_app()
    at.selectbox(key="add_form_type").select("ceasefire")
    at.date_input(key="add_form_start").set_value(date(2022, 6, 1))
    at.text_input(key="add_form_title").input("Truce agreed for the holidays")
    at.text_area(key="add_form_actors").input("Norway [state/mediator]\nCuba")
    at.text_input(key="add_form_source_url").input("https://news.example/truce")
    at.text_area(key="add_form_source_evidence").input("Both sides agreed to a truce.")
    at.button(key="FormSubmitter:add_form-Add event").click().run()
    assert not at.exception
    assert any("Stored event" in s.value for s in at.success)
    assert shown(at) == "1 of 1 events shown"
    (ev,) = open_store(str(db)).query()
    assert ev.title == "Truce agreed for the holidays" and str(ev.origin) == "manual"
    assert [a.name for a in ev.actors] == ["Norway", "Cuba"]
    assert ev.sources[0].evidence == "Both sides agreed to a truce."


def test_add_form_refuses_an_invalid_event_with_messages(db: Path) -> None:
    at = run_app()
    at.date_input(key="add_form_start").set_value(date(2022, 6, 10))
    at.date_input(key="add_form_end").set_value(date(2022, 6, 1))
    at.text_input(key="add_form_title").input("   ")
    at.button(key="FormSubmitter:add_form-Add event").click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "title is empty" in errors
    assert "at least one actor" in errors
    assert "Not stored" in errors
    assert open_store(str(db)).count() == 0


def test_details_show_sources_and_evidence_literally(store: Store) -> None:
    (oslo,) = store.query(EventFilter(text="Oslo"))
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["selected_id"] = oslo.id
    at.run()
    assert not at.exception
    texts = [t.value for t in at.text]
    assert "The envoys met <script>alert('x')</script> in Oslo." in texts
    # No markdown element carries the tag unescaped.
    assert not any("<script>" in m.value for m in at.markdown)
    assert "Example News" in texts


def test_edit_marks_the_event_manual(store: Store) -> None:
    (tour,) = store.query(EventFilter(types=["visit"]))
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["selected_id"] = tour.id
    at.run()
    at.text_input(key=f"edit_{tour.id}_title").input("Mediator tour, extended")
    at.button(key=f"FormSubmitter:edit_{tour.id}-Save changes").click().run()
    assert not at.exception
    edited = store.get(tour.id)
    assert edited.title == "Mediator tour, extended" and str(edited.origin) == "manual"
    assert edited.date_end == date(2022, 3, 4)


def test_delete_needs_a_confirmation(store: Store) -> None:
    (tour,) = store.query(EventFilter(types=["visit"]))
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["selected_id"] = tour.id
    at.run()
    at.button(key=f"delete_{tour.id}").click().run()
    assert store.count() == 4  # asked, not done
    assert any("cannot be undone" in w.value for w in at.warning)
    at.button(key=f"delete_yes_{tour.id}").click().run()
    assert not at.exception
    assert store.count() == 3
    assert shown(at) == "3 of 3 events shown"


def test_article_events_are_found_and_accepted(db: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, date]] = []

    def fake_extract(text: str, published: date, **meta: Any) -> list[EventCreate]:
        # Stands in for timeline.extract so the page flow is tested on its own.
        calls.append((text, published))
        return [EventCreate.model_validate({
            "type": "meeting", "date_start": published, "title": "Negotiators meet",
            "actors": [{"name": "Norway"}], "origin": "extracted",
            "sources": [{"url": meta.get("url"), "outlet": meta.get("outlet"),
                         "evidence": "Negotiators met <b>today</b>."}],
        })]

    monkeypatch.setitem(sys.modules, "timeline.extract",
                        types.SimpleNamespace(extract_events=fake_extract))
    at = run_app()
    at.text_area(key="art_text").input("Negotiators met today in Oslo.")
    at.date_input(key="art_published").set_value(date(2022, 7, 1))
    at.text_input(key="art_url").input("https://news.example/today")
    at.button(key="art_find").click().run()
    assert not at.exception
    assert calls == [("Negotiators met today in Oslo.", date(2022, 7, 1))]
    assert "Negotiators met <b>today</b>." in [t.value for t in at.text]
    at.button(key="art_accept").click().run()
    assert not at.exception
    (ev,) = open_store(str(db)).query()
    assert str(ev.origin) == "extracted" and ev.sources[0].url == "https://news.example/today"
    assert shown(at) == "1 of 1 events shown"


def test_article_with_the_project_parser(db: Path) -> None:
    # The real extractor, loosely: its rules change, the page's handling of them must not.
    pytest.importorskip("timeline.extract", reason="timeline.extract is not there yet")
    at = run_app()
    at.text_area(key="art_text").input(
        "Norway's foreign minister met Cuban negotiators in Oslo on Tuesday to discuss a "
        "ceasefire proposal. Both sides said talks would resume next week.")
    at.date_input(key="art_published").set_value(date(2022, 9, 8))
    at.button(key="art_find").click().run()
    assert not at.exception, [e.value for e in at.exception]
    try:  # AppTest's session state has no .get()
        found = at.session_state["art_found"]
    except KeyError:
        found = []
    if not found:
        assert any("No events found" in i.value for i in at.info)
        return
    at.button(key="art_accept").click().run()
    assert not at.exception
    stored = open_store(str(db)).query()
    assert len(stored) == len(found)
    assert all(str(ev.origin) == "extracted" and ev.sources for ev in stored)


# --- plain helpers --------------------------------------------------------------------


def test_csv_download_matches_timeline_export(store: Store, db: Path) -> None:
    flt, _ = dashboard.filter_from_params({"actor": ["Cuba"], "since": ["2022-01-01"]})
    # What the download button serves for the view a link with these parameters shows.
    page_bytes = dashboard.export_bytes(store, flt)
    cli = subprocess.run(
        [sys.executable, "-m", "timeline", "--db", str(db), "export", "--actor", "Cuba",
         "--since", "2022-01-01"],
        capture_output=True, check=True, cwd=ROOT,
    )
    assert page_bytes == cli.stdout
    assert page_bytes.count(b"\r\n") == 3  # header and two events


def test_url_parameters_round_trip() -> None:
    flt = EventFilter(since=date(2022, 1, 1), types=["visit", "meeting"], actors=["Cuba"],
                      locations=["Oslo"], statuses=["planned"], origins=["manual"],
                      text="truce")
    params = dashboard.params_from_filter(flt, "place")
    assert params["type"] == ["visit", "meeting"] and params["lanes"] == ["place"]
    again, lane = dashboard.filter_from_params(params)
    assert again == flt and lane == "place"
    # Bad values from a hand-edited link are dropped, not fatal.
    bad, lane = dashboard.filter_from_params({"since": ["soon"], "type": ["party"],
                                              "lanes": ["colour"]})
    assert bad == EventFilter() and lane == "actor"
    assert dashboard.params_from_filter(EventFilter(), "actor") == {}


def test_click_handler_opens_the_clicked_event() -> None:
    session: dict[str, Any] = {}
    click = {"selection": {"points": [{"customdata": "abc123", "x": "2022-01-01"}]}}
    assert dashboard.apply_chart_selection(click, session) == "abc123"
    # A table pick wins over the chart's lingering (unchanged) selection...
    dashboard.apply_chart_selection({"selection": {"points": [{"customdata": "def456"}]}},
                                    session, "table")
    assert dashboard.apply_chart_selection(click, session) == "def456"
    # ...until a different point is clicked.
    other = {"selection": {"points": [{"customdata": "fed789"}]}}
    assert dashboard.apply_chart_selection(other, session) == "fed789"
    # Aggregated bars and empty selections open nothing new.
    assert dashboard.apply_chart_selection({"selection": {"points": [{"customdata": ""}]}},
                                           session) == "fed789"
    assert dashboard.apply_chart_selection(None, session) == "fed789"


def test_table_pick_maps_a_row_to_an_event() -> None:
    assert dashboard.table_pick({"selection": {"rows": [1]}}, ["a", "b"]) == {
        "selection": {"points": [{"customdata": "b"}]}}
    assert dashboard.table_pick({"selection": {"rows": []}}, ["a"]) is None
    assert dashboard.table_pick(None, []) is None


def test_form_errors_are_by_field() -> None:
    event, errors = dashboard.validate_form({
        "type": "meeting", "date_start": date(2022, 1, 5), "date_end": date(2022, 1, 1),
        "title": "x", "actors": "Norway", "confidence": 1.0,
    })
    assert event is None and "date_end" in errors
    event, errors = dashboard.validate_form({
        "type": "meeting", "date_start": date(2022, 1, 5), "title": "ok",
        "actors": "Norway [state/host]; Cuba", "source_evidence": "said so",
    })
    assert errors == {} and event is not None
    assert [a.name for a in event.actors] == ["Norway", "Cuba"]
    assert event.sources[0].evidence == "said so" and event.sources[0].url is None


def test_markdown_escape_and_links() -> None:
    assert dashboard.md_escape("<script>*x*</script>") == r"\<script\>\*x\*\</script\>"
    assert dashboard.safe_link("https://news.example/a") == "https://news.example/a"
    assert dashboard.safe_link("javascript:alert(1)") is None


def test_uploaded_html_is_reduced_to_its_article() -> None:
    body = " ".join(["The mediators met the delegations in Doha on Monday."] * 5)
    page = (f"<html><head><title>Talks</title></head><body><nav>Menu</nav><article>"
            f"<h1>Talks resume</h1><p>{body}</p></article></body></html>").encode()
    article = dashboard.upload_text("page.html", page)
    assert "mediators met" in article.text and "<p>" not in article.text
    assert dashboard.upload_text("notes.txt", b"Plain words.").text == "Plain words."
