"""The negotiation timeline dashboard: ``streamlit run dashboard.py``.

Layout and widgets only. Events come from ``timeline.store``, figures from
``timeline.charts``, CSV from ``timeline.export``, events found in articles from
``timeline.extract``. The database is ``TIMELINE_DB`` (file or SQLAlchemy URL) or
./timeline.db.

Text from articles and users is never rendered as HTML: it goes through ``st.text``,
data frames, or markdown with every markdown character escaped.

The plain logic behind the widgets (URL <-> filter, form <-> event, clicks, uploads)
lives in ``timeline.views``. The module only draws the page when streamlit runs it as
``__main__``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd
import streamlit as st

from timeline.charts import LANE_CHOICES, LaneBy, TimelinePoint, resolved_dates
from timeline.charts import timeline_figure as build_timeline_figure
from timeline.config import load_settings
from timeline.errors import TimelineError
from timeline.export import format_actors
from timeline.models import EventCreate
from timeline.store import EventFilter, EventRecord, Store, open_store
from timeline.views import (
    ORIGINS,
    STATUSES,
    TYPES,
    UploadedArticle,
    apply_chart_selection,
    csv_bytes,
    filter_from_params,
    find_events,
    md_escape,
    params_from_filter,
    safe_link,
    table_pick,
    upload_text,
    url_host,
    validate_form,
)
from timeline.vocab import Origin, Precision

PRECISIONS = [p.value for p in Precision]
TABLE_ROWS = 10_000  # beyond this the table is a preview; the CSV has every event
MANUAL_MARK = "✍ manual"


# --- page helpers ---------------------------------------------------------------------


def table_frame(events: Sequence[TimelinePoint]) -> pd.DataFrame:
    """The rows of the events table (hand-made events marked)."""
    return pd.DataFrame(
        {
            "date": [resolved_dates(e) for e in events],
            "as written": [e.date_text for e in events],
            "type": [e.type for e in events],
            "status": [e.status for e in events],
            "title": [e.title for e in events],
            "actors": [", ".join(e.actors) for e in events],
            "place": [", ".join(p for p in (e.location, e.country) if p) for e in events],
            "origin": [MANUAL_MARK if e.origin == Origin.MANUAL else e.origin for e in events],
            "sources": [e.sources for e in events],
            "id": [e.id for e in events],
        }
    )


# --- cached reads -----------------------------------------------------------------------


def database_url() -> str:
    return load_settings().database_url


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    return open_store(url)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_points(url: str, filter_json: str) -> list[TimelinePoint]:
    # Keyed by the database and the filter's JSON: one entry per view. Light tuples, not
    # records: cache_data unpickles its value on every rerun (100,000 pydantic records
    # take seconds; these tuples a fraction of one).
    return get_store(url).timeline_rows(EventFilter.model_validate_json(filter_json))


def export_bytes(store: Store, flt: EventFilter) -> bytes:
    """The CSV of a view, from the store (not the cache): what ``timeline export`` writes."""
    return csv_bytes(store.query(flt))


@st.cache_data(show_spinner=False)
def cached_options(url: str) -> tuple[list[str], list[str], int]:
    store = get_store(url)
    return store.actor_names(), store.locations(), store.count()


def clear_caches() -> None:
    """After every write: the next read sees it."""
    cached_points.clear()
    cached_options.clear()


# --- page sections ------------------------------------------------------------------------


def load_url_state() -> None:
    """On the first run of a session, the widgets start from the link's parameters."""
    if st.session_state.get("_url_loaded"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    flt, lane = filter_from_params(params)
    st.session_state.update({
        "f_since": flt.since, "f_until": flt.until, "f_types": flt.types,
        "f_actors": flt.actors, "f_places": flt.locations, "f_statuses": flt.statuses,
        "f_origins": flt.origins, "f_text": flt.text or "", "f_lanes": lane,
        "_url_loaded": True,
    })


def write_url_state(flt: EventFilter, lane: LaneBy) -> None:
    wanted = params_from_filter(flt, lane)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != wanted:  # writing only on change keeps the browser history clean
        st.query_params.from_dict(wanted)


def sidebar_filters(actors: list[str], places: list[str]) -> tuple[EventFilter, LaneBy]:
    sb = st.sidebar
    sb.header("Filters")
    c1, c2 = sb.columns(2)
    # No ``value=``: the widgets start from session state, which the URL filled.
    since = c1.date_input("From", key="f_since", format="YYYY-MM-DD")
    until = c2.date_input("To", key="f_until", format="YYYY-MM-DD")
    types = sb.multiselect("Types", TYPES, key="f_types")
    # Keep names from a link even if they are not (or no longer) in the store.
    actor_options = sorted(set(actors) | set(st.session_state.get("f_actors", [])))
    chosen_actors = sb.multiselect("Actors", actor_options, key="f_actors")
    place_options = sorted(set(places) | set(st.session_state.get("f_places", [])))
    chosen_places = sb.multiselect("Places", place_options, key="f_places")
    statuses = sb.multiselect("Status", STATUSES, key="f_statuses")
    origins = sb.multiselect("Origin", ORIGINS, key="f_origins")
    text = sb.text_input("Text in title or evidence", key="f_text")
    lane = sb.radio("Lanes by", LANE_CHOICES, key="f_lanes", horizontal=True)
    if sb.button("Reload from the database", help="See events written elsewhere (CLI)."):
        clear_caches()
    flt = EventFilter(
        since=since if isinstance(since, date) else None,
        until=until if isinstance(until, date) else None,
        types=list(types), actors=list(chosen_actors), locations=list(chosen_places),
        statuses=list(statuses), origins=list(origins), text=text.strip() or None,
    )
    return flt, lane  # type: ignore[return-value]


def timeline_section(events: Sequence[TimelinePoint], lane: LaneBy) -> None:
    fig = build_timeline_figure(events, lane)
    state = st.plotly_chart(
        fig, key="timeline", on_select="rerun", selection_mode="points", width="stretch",
        # No scroll zoom: the wheel scrolls the page; zoom is a drag or the range slider.
        config={"displaylogo": False},
    )
    apply_chart_selection(state, st.session_state, "chart")  # type: ignore[arg-type]


def details_section(store: Store) -> None:
    event_id = st.session_state.get("selected_id")
    if not event_id:
        st.caption("Click an event in the timeline or a row of the table to see its sources.")
        return
    try:
        ev = store.get(event_id)
    except TimelineError:
        st.session_state.pop("selected_id", None)
        return
    with st.container(border=True):
        st.subheader(md_escape(ev.title))
        when = resolved_dates(ev) + (f" ({ev.date_precision})"
                                     if ev.date_precision != Precision.DAY else "")
        facts = [
            f"**{md_escape(ev.type)}** · {md_escape(ev.status)}",
            f"**date** {md_escape(when)}"
            + (f" — written “{md_escape(ev.date_text)}”" if ev.date_text else ""),
            f"**actors** {md_escape(format_actors(ev.actors))}",
        ]
        place = ", ".join(p for p in (ev.location, ev.country) if p)
        if place:
            facts.append(f"**place** {md_escape(place)}")
        facts.append(f"**origin** {MANUAL_MARK if ev.origin == Origin.MANUAL else ev.origin}"
                     f" · confidence {ev.confidence:g} · id `{ev.id}`")
        st.markdown("  \n".join(facts))
        st.markdown(f"**{len(ev.sources)} source(s)**")
        for src in ev.sources:
            head = " · ".join(str(x) for x in (src.outlet, src.title, src.published) if x)
            # As text: markdown would turn an outlet such as "www.example.com" into a link.
            st.text(head or url_host(src.url) or "(no outlet named)")
            if src.evidence:
                st.text(src.evidence)  # evidence is shown verbatim, never as markup
            link = safe_link(src.url)
            if link:
                st.link_button("Open source", link)
            elif src.url:
                st.text(src.url)
        edit_section(store, ev)
        delete_section(store, ev)


def event_form(key: str, initial: EventCreate | None, submit_label: str,
               ) -> tuple[bool, dict[str, Any], dict[str, Any]]:
    """The fields of an event, each with an empty slot under it for its error messages."""
    slots: dict[str, Any] = {}
    values: dict[str, Any] = {}
    ini = initial
    with st.form(key, clear_on_submit=False):
        c1, c2, c3 = st.columns(3)
        with c1:
            values["type"] = st.selectbox(
                "Type", TYPES, index=TYPES.index(str(ini.type)) if ini else 1, key=f"{key}_type")
            slots["type"] = st.empty()
        with c2:
            values["status"] = st.selectbox(
                "Status", STATUSES, index=STATUSES.index(str(ini.status)) if ini else 0,
                key=f"{key}_status")
            slots["status"] = st.empty()
        with c3:
            values["date_precision"] = st.selectbox(
                "Date precision", PRECISIONS,
                index=PRECISIONS.index(str(ini.date_precision)) if ini else 0,
                key=f"{key}_precision")
            slots["date_precision"] = st.empty()
        c1, c2, c3 = st.columns(3)
        with c1:
            values["date_start"] = st.date_input(
                "First day", value=ini.date_start if ini else None, key=f"{key}_start",
                format="YYYY-MM-DD", min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
            slots["date_start"] = st.empty()
        with c2:
            values["date_end"] = st.date_input(
                "Last day (optional)",
                value=ini.date_end if ini and ini.date_end != ini.date_start else None,
                key=f"{key}_end", format="YYYY-MM-DD", min_value=date(1900, 1, 1),
                max_value=date(2100, 12, 31))
            slots["date_end"] = st.empty()
        with c3:
            values["date_text"] = st.text_input(
                "Date as written", value=ini.date_text if ini else "", key=f"{key}_date_text")
            slots["date_text"] = st.empty()
        values["title"] = st.text_input("Title", value=ini.title if ini else "",
                                        key=f"{key}_title")
        slots["title"] = st.empty()
        values["actors"] = st.text_area(
            "Actors", value=format_actors(ini.actors).replace("; ", "\n") if ini else "",
            key=f"{key}_actors", height=80,
            help="One per line (or separated by ';'): Name [kind/role], e.g. "
                 "'Egypt [state/mediator]'. Kind and role are optional.")
        slots["actors"] = st.empty()
        c1, c2, c3 = st.columns(3)
        with c1:
            values["location"] = st.text_input("Place (city)", value=(ini.location or "")
                                               if ini else "", key=f"{key}_location")
            slots["location"] = st.empty()
        with c2:
            values["country"] = st.text_input("Country", value=(ini.country or "")
                                              if ini else "", key=f"{key}_country")
            slots["country"] = st.empty()
        with c3:
            values["confidence"] = st.number_input(
                "Confidence", min_value=0.0, max_value=1.0, step=0.05,
                value=float(ini.confidence) if ini else 1.0, key=f"{key}_confidence")
            slots["confidence"] = st.empty()
        if ini is None:  # an edit keeps the event's sources as they are
            c1, c2 = st.columns([2, 1])
            values["source_url"] = c1.text_input("Source URL", key=f"{key}_source_url")
            values["source_outlet"] = c2.text_input("Outlet", key=f"{key}_source_outlet")
            values["source_evidence"] = st.text_area(
                "Evidence (what the source says)", key=f"{key}_source_evidence", height=80)
            slots["sources"] = st.empty()
        slots["event"] = st.empty()
        submitted = st.form_submit_button(submit_label, type="primary")
    return submitted, values, slots


def show_errors(slots: Mapping[str, Any], errors: Mapping[str, list[str]]) -> None:
    for name, messages in errors.items():
        slot = slots.get(name) or slots["event"]
        slot.error("\n\n".join(md_escape(m) for m in messages))


def add_section(store: Store) -> None:
    st.subheader("Add an event by hand")
    submitted, values, slots = event_form("add_form", None, "Add event")
    if not submitted:
        return
    event, errors = validate_form(values)
    if event is None:
        show_errors(slots, errors)
        st.error("Not stored: correct the fields marked above.")
        return
    event_id = store.add(event)
    clear_caches()
    st.session_state["selected_id"] = event_id
    # Empty the form and redraw the page so the chart and counts include the new event.
    for key in [k for k in st.session_state if str(k).startswith("add_form_")]:
        del st.session_state[key]
    flash(f"Stored event {event_id}.")


def edit_section(store: Store, ev: EventRecord) -> None:
    with st.expander("Edit this event"):
        submitted, values, slots = event_form(f"edit_{ev.id}", ev, "Save changes")
        if not submitted:
            return
        checked, errors = validate_form(values)
        if checked is None:
            show_errors(slots, errors)
            return
        changes = checked.model_dump(exclude={"origin", "sources"})
        try:
            store.update(ev.id, changes)
        except TimelineError as err:
            slots["event"].error(md_escape(err))
            return
        clear_caches()
        flash("Saved. The event is now marked as entered by hand.")


def delete_section(store: Store, ev: EventRecord) -> None:
    confirming = st.session_state.get("confirm_delete") == ev.id
    if not confirming:
        if st.button("Delete this event…", key=f"delete_{ev.id}"):
            st.session_state["confirm_delete"] = ev.id
            st.rerun()
        return
    st.warning("Delete this event and its sources? This cannot be undone.")
    c1, c2 = st.columns(2)
    if c1.button("Yes, delete", key=f"delete_yes_{ev.id}", type="primary"):
        store.delete(ev.id)
        clear_caches()
        st.session_state.pop("confirm_delete", None)
        st.session_state.pop("selected_id", None)
        flash("Event deleted.")
    if c2.button("Cancel", key=f"delete_no_{ev.id}"):
        st.session_state.pop("confirm_delete", None)
        st.rerun()


def article_section(store: Store) -> None:
    st.subheader("Find events in an article")
    text = st.text_area("Paste the article text", key="art_text", height=180)
    upload = st.file_uploader("…or upload a file (text or HTML)",
                              type=["txt", "md", "html", "htm"], key="art_file")
    c1, c2, c3, c4 = st.columns(4)
    published = c1.date_input("Published on", value=None, key="art_published",
                              format="YYYY-MM-DD",
                              help="Relative dates ('on Tuesday') are read from this day. "
                                   "Empty: the date an uploaded HTML page gives, if any.")
    title = c2.text_input("Headline (optional)", key="art_title")
    url = c3.text_input("URL (optional)", key="art_url")
    outlet = c4.text_input("Outlet (optional)", key="art_outlet")
    if st.button("Find events", key="art_find"):
        try:
            article = (UploadedArticle(text=text) if text.strip() or upload is None
                       else upload_text(upload.name, upload.getvalue()))
        except TimelineError as err:
            st.error(md_escape(err))
            article = UploadedArticle(text="")
        # What the user typed wins over what the page says about itself.
        day = published if isinstance(published, date) else article.published
        if not article.text.strip():
            st.warning("Paste some text or upload a file with an article first.")
        elif day is None:
            st.warning("Give the publication date: relative dates are read from it.")
        else:
            try:
                found = find_events(article.text, day, title=title or article.title,
                                    url=url or article.url, outlet=outlet or article.outlet)
            except ImportError:
                st.error("The article parser (timeline.extract) is not available yet.")
                found = []
            except TimelineError as err:
                st.error(md_escape(err))
                found = []
            st.session_state["art_found"] = [e.model_dump(mode="json") for e in found]
            if not found:
                st.info("No events found in this text.")
    found_data: list[dict[str, Any]] = st.session_state.get("art_found") or []
    if not found_data:
        return
    st.markdown(f"**{len(found_data)} event(s) found** — tick the ones to keep:")
    for i, data in enumerate(found_data):
        ev = EventCreate.model_validate(data)
        with st.container(border=True):
            label = f"{resolved_dates(ev)} · {ev.type} · {ev.status} — {ev.title}"
            st.checkbox(label, value=True, key=f"art_keep_{i}")
            st.text("Actors: " + format_actors(ev.actors)
                    + (f"   Place: {ev.location}" if ev.location else "")
                    + (f"   Date as written: {ev.date_text}" if ev.date_text else ""))
            if ev.evidence:
                st.text(ev.evidence)
    if st.button("Add the ticked events to the timeline", key="art_accept", type="primary"):
        keep = [
            EventCreate.model_validate(data | {"origin": Origin.EXTRACTED.value})
            for i, data in enumerate(found_data) if st.session_state.get(f"art_keep_{i}")
        ]
        # Content-derived ids: accepting the same article twice does not duplicate events.
        added, present = store.add_many((None, ev) for ev in keep)
        clear_caches()
        st.session_state.pop("art_found", None)
        flash(f"Added {added} event(s); {present} were already in the timeline.")


def table_section(store: Store, events: Sequence[TimelinePoint], flt: EventFilter) -> None:
    frame = table_frame(events[:TABLE_ROWS])
    if len(events) > TABLE_ROWS:
        st.caption(f"The table shows the first {TABLE_ROWS:,} of {len(events):,} events; "
                   "the CSV has all of them.")
    # A key per view: a row picked in one view must not pick row N of the next one.
    view_key = hashlib.sha1(flt.model_dump_json().encode()).hexdigest()[:10]
    state = st.dataframe(frame, key=f"table_{view_key}", hide_index=True, on_select="rerun",
                         selection_mode="single-row", width="stretch")
    ids = frame["id"].tolist()
    apply_chart_selection(table_pick(state, ids), st.session_state, "table")  # type: ignore[arg-type]

    def make_csv() -> bytes:  # built only when the button is pressed
        return export_bytes(store, flt)

    st.download_button(
        f"Download these {len(events):,} events as CSV", data=make_csv,
        file_name=f"timeline-{datetime.now():%Y%m%d-%H%M}.csv", mime="text/csv",
        on_click="ignore", key="download_csv",
        help="The same file as `timeline export` with the same filters.",
    )


def flash(message: str) -> None:
    """Show ``message`` at the top of the redrawn page (after a write, everything changes)."""
    st.session_state["_flash"] = message
    st.rerun()


def main() -> None:
    st.set_page_config(page_title="Negotiation timeline", page_icon="🕊", layout="wide")
    url = database_url()
    try:
        store = get_store(url)
        actors, places, total = cached_options(url)
    except TimelineError as err:
        st.error(md_escape(err))
        st.stop()
    if message := st.session_state.pop("_flash", None):
        st.success(message)
    load_url_state()
    flt, lane = sidebar_filters(actors, places)
    write_url_state(flt, lane)
    events = cached_points(url, flt.model_dump_json())
    st.sidebar.metric("Events shown", f"{len(events):,}", help=f"of {total:,} in the store")

    st.title("Negotiation timeline")
    st.caption(f"{len(events):,} of {total:,} events shown")
    tab_timeline, tab_table, tab_add, tab_article = st.tabs(
        ["Timeline", "Table", "Add an event", "From an article"])
    with tab_timeline:
        timeline_section(events, lane)
    with tab_table:
        table_section(store, events, flt)
    details_section(store)  # under the tabs: a click on the chart or the table opens it
    with tab_add:
        add_section(store)
    with tab_article:
        article_section(store)


if __name__ == "__main__":
    main()
