"""The dashboard page (AppTest) and its plain helpers (imported directly).

Every test writes its own events to its own temporary SQLite file (``TIMELINE_DB``);
the page's caches are keyed by the database URL and its data version, so tests do not
see each other.
"""

from __future__ import annotations

import importlib.util
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


def run_app(tab: str | None = None, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    if tab:
        at.session_state["main_tab"] = tab
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    return next(c.value for c in at.caption if "events shown" in c.value)


def frame(at: AppTest, prefix: str) -> Any:
    return next(df for df in at.dataframe if (df.key or "").startswith(prefix)).value


def listed(at: AppTest) -> list[str]:
    """The lines of the dated list beside the chart (markdown: date, type, title)."""
    return list(at.radio(key="event_list").options)


def form_key(at: AppTest) -> str:
    return next(b.key for b in at.button if (b.key or "").startswith("FormSubmitter:add"))


def fill_add_form(at: AppTest, title: str, actors: dict[int, dict[str, str]],
                  start: date = date(2022, 6, 1)) -> None:
    prefix = form_key(at).split(":", 1)[1].split("-", 1)[0]
    at.selectbox(key=f"{prefix}_type").select("ceasefire")
    at.date_input(key=f"{prefix}_start").set_value(start)
    at.text_input(key=f"{prefix}_title").input(title)
    # The actor table is a data editor: AppTest seeds its edit state.
    at.session_state[f"{prefix}_actors"] = {"edited_rows": actors, "added_rows": [],
                                            "deleted_rows": []}


def submit_add_form(at: AppTest) -> None:
    at.button(key=form_key(at)).click().run()
    assert not at.exception, [e.value for e in at.exception]


# --- the page -------------------------------------------------------------------------


def test_page_runs_on_an_empty_database(db: Path) -> None:
    at = run_app()
    assert shown(at) == "0 of 0 events shown"
    assert at.title[0].value == "Negotiation timeline"


def test_page_runs_on_a_full_database(store: Store) -> None:
    at = run_app()
    assert shown(at) == "4 of 4 events shown"
    # The dated list beside the chart: every event in view, oldest first, title in full.
    labels = listed(at)
    assert len(labels) == 4
    assert "10 Feb 2022" in labels[0] and "Envoys meet in Oslo" in labels[0]
    assert "5 May 2022" in labels[-1]
    at = run_app(tab="Table and downloads")
    table = frame(at, "table_")
    assert len(table) == 4
    assert (table["origin"] == dashboard.MANUAL_MARK).sum() == 1  # hand-made events marked


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
    assert len(listed(at)) == 1


def test_date_and_status_filters(store: Store) -> None:
    at = run_app()
    at.sidebar.date_input(key="f_since").set_value(date(2022, 3, 3)).run()
    at.sidebar.date_input(key="f_until").set_value(date(2022, 4, 15)).run()
    assert shown(at) == "2 of 4 events shown"  # the tour (ends 4 March) and April's draft
    at.sidebar.multiselect(key="f_statuses").select("planned").run()
    assert shown(at) == "1 of 4 events shown"
    assert at.query_params["since"] in ("2022-03-03", ["2022-03-03"])


def test_a_shared_link_restores_the_view(store: Store) -> None:
    at = run_app(place="Havana", lanes="actor")
    assert shown(at) == "1 of 4 events shown"
    assert at.sidebar.multiselect(key="f_places").value == ["Havana"]
    assert at.sidebar.radio(key="f_lanes").value == "actor"
    assert run_app().sidebar.radio(key="f_lanes").value == "type"  # the default


def test_quick_periods_count_back_from_the_latest_event(store: Store) -> None:
    at = run_app()
    at.segmented_control(key="period_pick").set_value("last month").run()
    assert at.sidebar.date_input(key="f_since").value == date(2022, 4, 5)
    assert at.sidebar.date_input(key="f_until").value == date(2022, 5, 5)
    assert shown(at) == "2 of 4 events shown"  # April's draft overlaps, and 5 May
    at.segmented_control(key="period_pick").set_value("all").run()
    assert shown(at) == "4 of 4 events shown"


def test_counts_and_lists_follow_the_database(store: Store) -> None:
    # Another process (``timeline ingest``) writes: the next rerun shows it, no reload.
    at = run_app()
    assert shown(at) == "4 of 4 events shown"
    store.add(EventCreate.model_validate({
        "type": "meeting", "date_start": date(2022, 6, 2), "title": "New round in Geneva",
        "actors": [{"name": "Chile"}], "location": "Geneva"}))
    at.run()
    assert shown(at) == "5 of 5 events shown"
    assert "Chile" in at.sidebar.multiselect(key="f_actors").options
    assert "Geneva" in at.sidebar.multiselect(key="f_places").options
    assert len(listed(at)) == 5


def test_picking_an_event_in_the_list_opens_it_beside_the_chart(store: Store) -> None:
    at = run_app()
    (oslo,) = store.query(EventFilter(text="Oslo"))
    at.radio(key="event_list").set_value(oslo.id).run()
    assert not at.exception
    assert at.session_state["selected_id"] == oslo.id
    assert any("Envoys meet in Oslo" in h.value for h in at.get("html"))
    at.button(key="close_details").click().run()
    assert "selected_id" not in at.session_state
    assert at.radio(key="event_list").value is None


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
    assert at.radio(key="event_list").value == oslo.id  # the list shows which one is open


def test_a_title_with_a_link_is_shown_as_text(db: Path) -> None:
    s = open_store(str(db))
    eid = s.add(EventCreate.model_validate({
        "type": "statement", "date_start": date(2022, 1, 1), "actors": [{"name": "Qatar"}],
        "title": "See https://evil.example and <a href='https://evil.example'>this</a>"}))
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["selected_id"] = eid
    at.run()
    (heading,) = [h.value for h in at.get("html") if '<p class="event-title">' in h.value]
    assert "<a " not in heading and "&lt;a href=" in heading
    assert not any("evil.example" in m.value and "](" in m.value for m in at.markdown)


def test_a_filter_that_hides_the_open_event_closes_it(store: Store) -> None:
    (oslo,) = store.query(EventFilter(text="Oslo"))
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["selected_id"] = oslo.id
    at.run()
    assert any("Envoys meet in Oslo" in h.value for h in at.get("html"))
    at.sidebar.multiselect(key="f_types").select("visit").run()
    assert "selected_id" not in at.session_state
    assert not any('<p class="event-title">' in h.value for h in at.get("html"))


def test_add_form_stores_a_valid_event_and_starts_empty_again(db: Path) -> None:
    at = run_app(tab="Add an event")
    fill_add_form(at, "Truce agreed for the holidays",
                  {0: {"name": "Norway", "role": "mediator"}, 1: {"name": "Cuba"}})
    at.text_input(key="add0_source_url").input("https://news.example/truce")
    at.text_area(key="add0_source_evidence").input("Both sides agreed to a truce.")
    submit_add_form(at)
    assert any("Stored event" in s.value for s in at.success)
    assert shown(at) == "1 of 1 events shown"
    (ev,) = open_store(str(db)).query()
    assert ev.title == "Truce agreed for the holidays" and str(ev.origin) == "manual"
    assert [(a.name, str(a.kind), str(a.role)) for a in ev.actors] == [
        ("Norway", "state", "mediator"), ("Cuba", "state", "participant")]  # gazetteer kinds
    assert ev.sources[0].evidence == "Both sides agreed to a truce."
    # A new, empty form; the new event is open beside it.
    assert form_key(at) == "FormSubmitter:add1-Add event"
    assert at.text_input(key="add1_title").value == ""
    assert at.session_state["selected_id"] == ev.id


def test_the_same_event_is_not_stored_twice_without_asking(db: Path) -> None:
    at = run_app(tab="Add an event")
    fill_add_form(at, "Truce agreed", {0: {"name": "Norway"}})
    submit_add_form(at)
    fill_add_form(at, "Truce agreed", {0: {"name": "Norway"}})
    submit_add_form(at)
    assert open_store(str(db)).count() == 1
    assert any("already in the timeline" in w.value for w in at.warning)
    at.button(key="add_cancel").click().run()
    assert open_store(str(db)).count() == 1
    assert not any("already in the timeline" in w.value for w in at.warning)
    # Asked, and answered yes: stored.
    fill_add_form(at, "Truce agreed", {0: {"name": "Norway"}})
    submit_add_form(at)
    at.button(key="add_anyway").click().run()
    assert not at.exception
    assert open_store(str(db)).count() == 2


def test_add_form_shows_every_problem_at_once(db: Path) -> None:
    at = run_app(tab="Add an event")
    at.date_input(key="add0_start").set_value(date(2022, 6, 10))
    at.date_input(key="add0_end").set_value(date(2022, 6, 1))
    at.text_input(key="add0_title").input("   ")
    submit_add_form(at)
    errors = " ".join(e.value for e in at.error)
    assert "title is empty" in errors
    assert "at least one actor" in errors
    assert "before date" in errors  # the end before the start, in the same round
    assert "Not stored" in errors
    assert open_store(str(db)).count() == 0


def test_add_form_refuses_the_command_line_actor_syntax(db: Path) -> None:
    at = run_app(tab="Add an event")
    fill_add_form(at, "Talks", {0: {"name": "Hamas:initiator"},
                                1: {"name": "Qatar [state/mediator]"}})
    submit_add_form(at)
    errors = " ".join(e.value for e in at.error)
    assert "Hamas\\:initiator" in errors and "Qatar \\[state/mediator\\]" in errors
    assert open_store(str(db)).count() == 0


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
    assert [a.name for a in edited.actors] == ["Switzerland"]


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


def _fake_extractor(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, date]]:
    calls: list[tuple[str, date]] = []

    def fake_extract(text: str, published: date, **meta: Any) -> list[EventCreate]:
        # Stands in for timeline.extract so the page flow is tested on its own.
        calls.append((text, published))
        return [EventCreate.model_validate({
            "type": "meeting", "date_start": published, "title": "Negotiators meet",
            "actors": [{"name": "Norway"}], "origin": "extracted",
            "sources": [{"url": meta.get("url"), "outlet": meta.get("outlet"),
                         "evidence": "Negotiators met <b>today</b>."}],
        }), EventCreate.model_validate({
            "type": "proposal", "date_start": published, "title": "A draft is tabled",
            "actors": [{"name": "Cuba"}], "origin": "extracted",
            "sources": [{"url": meta.get("url"), "evidence": "A draft was tabled."}],
        })]

    monkeypatch.setitem(sys.modules, "timeline.extract",
                        types.SimpleNamespace(extract_events=fake_extract))
    return calls


def _find(at: AppTest) -> None:
    at.text_area(key="art_text").input("Negotiators met today in Oslo.")
    at.date_input(key="art_published").set_value(date(2022, 7, 1))
    at.text_input(key="art_url").input("https://news.example/today")
    at.button(key="art_find").click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_article_events_are_found_and_accepted_once(db: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fake_extractor(monkeypatch)
    at = run_app(tab="From an article")
    _find(at)
    assert calls == [("Negotiators met today in Oslo.", date(2022, 7, 1))]
    table = frame(at, "art_editor_")
    assert table["title"].tolist() == ["Negotiators meet", "A draft is tabled"]
    assert table["evidence"].tolist()[0] == "Negotiators met <b>today</b>."
    assert table["keep"].tolist() == [True, True]
    at.button(key="art_accept").click().run()
    assert not at.exception
    stored = open_store(str(db)).query()
    assert len(stored) == 2
    assert all(str(ev.origin) == "extracted" for ev in stored)
    assert stored[0].sources[0].url == "https://news.example/today"
    assert shown(at) == "2 of 2 events shown"
    # Found again: marked as stored, not ticked, and never stored twice.
    _find(at)
    table = frame(at, "art_editor_")
    assert table["keep"].tolist() == [False, False]
    assert all(cell.startswith("✓ ") for cell in table["in timeline"])
    at.button(key="art_accept").click().run()
    assert open_store(str(db)).count() == 2


def test_an_extracted_event_is_corrected_before_it_is_stored(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_extractor(monkeypatch)
    at = run_app(tab="From an article")
    _find(at)
    key = next(df.key for df in at.dataframe if (df.key or "").startswith("art_editor_"))
    at.session_state[key] = {"edited_rows": {0: {"title": "Negotiators meet in Oslo",
                                                 "actors": "Norway [state/host]; Cuba"},
                                             1: {"keep": False}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="art_accept").click().run()
    assert not at.exception, [e.value for e in at.exception]
    (ev,) = open_store(str(db)).query()
    assert ev.title == "Negotiators meet in Oslo"
    assert [(a.name, str(a.role)) for a in ev.actors] == [("Norway", "host"),
                                                          ("Cuba", "participant")]
    assert str(ev.origin) == "manual"  # a person vouched for what was changed
    assert ev.sources[0].evidence == "Negotiators met <b>today</b>."


def test_article_with_the_project_parser(db: Path) -> None:
    # The real extractor, loosely: its rules change, the page's handling of them must not.
    pytest.importorskip("timeline.extract", reason="timeline.extract is not there yet")
    at = run_app(tab="From an article")
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


def _two_tracks(store: Store) -> None:
    from timeline.models import TrackCreate

    store.save_track(TrackCreate(name="Oslo channel", parties=["Norway", "Cuba"]))
    store.save_track(TrackCreate(name="Swiss mediation", parties=["Switzerland"]))
    for ev in store.query():
        store.set_tracks(ev.id, ["swiss-mediation" if ev.type == "visit" else "oslo-channel"])


def test_the_page_opens_on_one_negotiation_kept_in_the_url(store: Store) -> None:
    _two_tracks(store)
    at = run_app()
    assert at.selectbox(key="f_track").value == "oslo-channel"  # the one with most events
    assert shown(at) == "3 of 3 events shown"
    assert at.query_params["track"] in ("oslo-channel", ["oslo-channel"])
    at.selectbox(key="f_track").select("swiss-mediation").run()
    assert shown(at) == "1 of 1 events shown"
    assert at.query_params["track"] in ("swiss-mediation", ["swiss-mediation"])
    at.selectbox(key="f_track").select("all").run()
    assert shown(at) == "4 of 4 events shown"
    # A link opens the negotiation it names.
    at = run_app(track="swiss-mediation")
    assert at.selectbox(key="f_track").value == "swiss-mediation"
    assert shown(at) == "1 of 1 events shown"
    labels = at.selectbox(key="f_track").options
    assert labels == ["Oslo channel (3 events)", "Swiss mediation (1 event)",
                      "All negotiations (4 events)"]


def test_a_new_event_joins_the_negotiation_in_view(store: Store, db: Path) -> None:
    _two_tracks(store)
    at = run_app(tab="Add an event", track="swiss-mediation")
    assert at.multiselect(key="add0_tracks").value == ["swiss-mediation"]
    fill_add_form(at, "Mediator returns to Bern", {0: {"name": "Switzerland"}},
                  start=date(2022, 8, 1))
    submit_add_form(at)
    (ev,) = open_store(str(db)).query(EventFilter(text="Bern"))
    assert ev.tracks == ["swiss-mediation"]
    assert shown(at) == "2 of 2 events shown"


def test_trend_and_download_tabs_run(store: Store) -> None:
    at = run_app(tab="Trend")
    assert at.radio(key="trend_unit").value == "week"  # four months of events: weeks
    at = run_app(tab="Table and downloads")
    keys = {b.key for b in at.get("download_button")}
    assert keys == {"download_csv", "download_csv_bom", "download_timelinejs", "download_ics"}
