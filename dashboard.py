"""The negotiation timeline dashboard: ``streamlit run dashboard.py``.

Layout and widgets only. Rows and figures come from ``timeline.views`` (over
``timeline.store`` and ``timeline.charts``), downloads from ``timeline.export`` and
``timeline.publish``, events found in articles from ``timeline.extract``. The database is
``TIMELINE_DB`` (file or SQLAlchemy URL) or ./timeline.db.

The page: filters in the sidebar (kept in the URL); at the top the period shown; the
timeline (or the trend, the table, the forms) on the left and, on the right where the eye
already is, the open event's details above a dated list of the events in view.

Text from articles and users is never rendered as HTML: it goes through ``st.text``,
data frames, escaped HTML, or markdown with every markdown character escaped.

Caches are keyed by ``Store.data_version()``, a cheap query run on every rerun, so the
page follows writes made elsewhere (``timeline ingest``) without a reload button. The
module only draws the page when streamlit runs it as ``__main__``.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd
import streamlit as st

from timeline.charts import (
    LANE_CHOICES,
    LaneBy,
    TimelinePoint,
    date_label,
    resolved_dates,
    trend_figure,
    trend_unit,
)
from timeline.config import load_settings
from timeline.errors import TimelineError
from timeline.models import EventCreate, TrackInfo, storable
from timeline.store import EventFilter, EventRecord, Store, open_store
from timeline.views import (
    ACTOR_KINDS,
    ACTOR_ROLES,
    ALL_TRACKS,
    ORIGINS,
    PRECISIONS,
    QUICK_PERIODS,
    STATUSES,
    TYPES,
    UploadedArticle,
    article_events,
    article_rows,
    chart_pick,
    csv_bytes,
    dated_list,
    default_track,
    download_name,
    event_fingerprint,
    filter_from_params,
    find_events,
    ical_bytes,
    md_escape,
    params_from_filter,
    quick_period,
    safe_link,
    similar_events,
    stored_matches,
    table_pick,
    timelinejs_bytes,
    track_label,
    track_name,
    upload_text,
    url_host,
    validate_form,
    view_figure,
    view_rows,
    visible_selection,
)
from timeline.vocab import Origin, Precision

TABLE_ROWS = 10_000  # beyond this the table is a preview; the downloads have every event
LIST_ROWS = 500  # the list beside the chart: the latest this many of the events in view
MANUAL_MARK = "✍ manual"
BLANK_ACTORS = 3  # empty rows of the form's actor table
# The found events' table: what to check first (keep, the title) on the left.
ARTICLE_TABLE = ("keep", "in timeline", "title", "date_start", "date_end", "date_precision",
                 "type", "status", "actors", "location", "country", "evidence")
PAGE_STYLE = """<style>
/* The chart and its date axis above the fold on a laptop: less air above the title. */
[data-testid="stMainBlockContainer"] { padding: 1.6rem 2rem 2rem; max-width: none; }
[data-testid="stMainBlockContainer"] h1 { padding-top: 0; padding-bottom: 0.2rem; }
.event-title { font-size: 1.2rem; font-weight: 600; line-height: 1.35; margin: 0 0 .3rem; }
</style>"""


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
            "tracks": [", ".join(e.tracks) for e in events],
            "sources": [e.sources for e in events],
            "id": [e.id for e in events],
        }
    )


def view_key(flt: EventFilter) -> str:
    """A short key per view: a row picked in one view must not pick row N of the next."""
    return hashlib.sha1(flt.model_dump_json().encode()).hexdigest()[:10]


# --- cached reads -----------------------------------------------------------------------


def database_url() -> str:
    return load_settings().database_url


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    return open_store(url)


@st.cache_data(show_spinner=False, max_entries=32)
def cached_rows(url: str, version: tuple[str, ...], filter_json: str) -> list[TimelinePoint]:
    # One entry per database version and view. Light tuples, not records: cache_data
    # unpickles its value on every rerun.
    return view_rows(get_store(url), EventFilter.model_validate_json(filter_json))


@st.cache_data(show_spinner=False, max_entries=4)
def cached_options(url: str, version: tuple[str, ...],
                   ) -> tuple[list[str], list[str], int, list[TrackInfo]]:
    store = get_store(url)
    return store.actor_names(), store.locations(), store.count(), store.tracks()


def data_version(store: Store) -> tuple[str, ...]:
    return store.data_version()


# --- state changed by callbacks (they run before the page is drawn again) ---------------


def set_period(first: date | None, last: date | None) -> None:
    st.session_state["f_since"] = first
    st.session_state["f_until"] = last


def on_quick_period() -> None:
    choice = st.session_state.get("period_pick")
    if not choice:
        return
    undated = st.session_state.get("_undated_view")
    rows = cached_rows(*undated) if undated else []
    period = quick_period(choice, rows)
    set_period(*(period or (None, None)))
    st.session_state["period_pick"] = None  # a choice, not a state: the dates say the rest


def on_chart_select(key: str) -> None:
    pick = chart_pick(st.session_state.get(key))
    if pick is None:
        return
    if pick.event_id:
        st.session_state["selected_id"] = pick.event_id
    elif pick.period:
        set_period(*pick.period)


def on_list_select(key: str, ids: Sequence[str]) -> None:
    picked = table_pick(st.session_state.get(key), ids)
    if picked:
        st.session_state["selected_id"] = picked


def on_list_pick() -> None:
    picked = st.session_state.get("event_list")
    if picked:
        st.session_state["selected_id"] = picked


def close_details() -> None:
    st.session_state.pop("selected_id", None)
    st.session_state.pop("confirm_delete", None)


# --- page sections ------------------------------------------------------------------------


def load_url_state(tracks: Sequence[TrackInfo]) -> None:
    """On the first run of a session, the widgets start from the link's parameters; a
    link that names no negotiation opens on the one with the most events."""
    if st.session_state.get("_url_loaded"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    flt, lane = filter_from_params(params)
    track = (flt.tracks[0] if flt.tracks else ALL_TRACKS) if params.get("track") \
        else default_track(tracks) or ALL_TRACKS
    st.session_state.update({
        "f_track": track,
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


def track_picker(tracks: Sequence[TrackInfo], total: int) -> list[str]:
    """The negotiation followed, at the top of the page: one at a time, or all of them."""
    options = [t.slug for t in tracks]
    current = st.session_state.get("f_track", ALL_TRACKS)
    if current not in options and current != ALL_TRACKS:
        options.append(current)  # from a link: kept, and shown as unknown
    options.append(ALL_TRACKS)
    chosen = st.selectbox("Negotiation", options, key="f_track",
                          format_func=lambda slug: track_label(slug, tracks, total),
                          help="Every view, count and download is of this negotiation. "
                               "Tracks are managed with `timeline track`.")
    return [] if chosen in (None, ALL_TRACKS) else [str(chosen)]


def sidebar_filters(actors: list[str], places: list[str], tracks: list[str],
                    ) -> tuple[EventFilter, LaneBy]:
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
    lane = sb.radio("Lanes by", LANE_CHOICES, key="f_lanes", horizontal=True,
                    help="An event is drawn once: in the lane of its type, of its place, or "
                         "of the party that acted (its initiator, else its first actor).")
    flt = EventFilter(
        since=since if isinstance(since, date) else None,
        until=until if isinstance(until, date) else None,
        types=list(types), actors=list(chosen_actors), locations=list(chosen_places),
        statuses=list(statuses), origins=list(origins), tracks=tracks,
        text=storable(text).strip() or None,
    )
    return flt, lane  # type: ignore[return-value]


def period_bar(flt: EventFilter) -> None:
    c1, c2 = st.columns([3, 2], vertical_alignment="center")
    c1.segmented_control("Period", list(QUICK_PERIODS), key="period_pick",
                         on_change=on_quick_period, label_visibility="collapsed",
                         help="Counted back from the latest event. Or drag across the "
                              "timeline to show that period.")
    if flt.since or flt.until:
        shown = f"{flt.since or '…'} to {flt.until or '…'}"
        c2.caption(f"Period: {shown}")


def timeline_section(rows: Sequence[TimelinePoint], lane: LaneBy, flt: EventFilter,
                     selected: str | None) -> None:
    fig = view_figure(rows, lane, flt, selected)
    st.plotly_chart(
        fig, key="timeline", on_select=lambda: on_chart_select("timeline"),
        selection_mode=("points", "box"), width="stretch",
        # No zoom of its own: the box tool's drag picks a period, a click an event.
        config={"displaylogo": False, "scrollZoom": False, "doubleClick": False,
                "modeBarButtonsToAdd": ["select2d"],
                "modeBarButtonsToRemove": ["zoom2d", "pan2d", "lasso2d", "zoomIn2d",
                                           "zoomOut2d", "autoScale2d", "resetScale2d"]},
    )
    st.caption("Click an event to open it. To show a period, pick the box tool (⬚) at the "
               "chart's top right and drag across the dates.")


def trend_section(rows: Sequence[TimelinePoint]) -> None:
    default = trend_unit(rows)
    unit = st.radio("Events per", ["week", "month"], key="trend_unit", horizontal=True,
                    index=["week", "month"].index(default))
    st.plotly_chart(trend_figure(rows, unit), key="trend",  # type: ignore[arg-type]
                    on_select=lambda: on_chart_select("trend"), selection_mode="points",
                    width="stretch", config={"displaylogo": False, "scrollZoom": False,
                                             "doubleClick": False})
    st.caption("Click a bar to show that week or month on the timeline.")


def list_section(rows: Sequence[TimelinePoint], selected: str | None) -> None:
    """The events in view as a dated list, oldest first like the chart, titles in full;
    picking one opens it, and the open event is the one picked."""
    shown = rows[:LIST_ROWS]  # rows come newest first: the latest of them
    if len(rows) > LIST_ROWS:
        st.caption(f"The latest {LIST_ROWS:,} of {len(rows):,} events; drag across the "
                   "chart to narrow the period.")
    data = dated_list(shown)
    labels = {eid: f"**{md_escape(when)}** · {md_escape(etype)} — {md_escape(title)}"
              for eid, when, etype, title in zip(data["id"], data["date"], data["type"],
                                                 data["title"], strict=True)}
    # Follow the open event, wherever it was opened from (set before the widget is drawn).
    st.session_state["event_list"] = selected if selected in labels else None
    with st.container(height=470, key="event_list_box"):
        st.radio("Events in view", list(labels), key="event_list",
                 format_func=labels.__getitem__, label_visibility="collapsed",
                 on_change=on_list_pick)


def details_section(store: Store, event_id: str, tracks: Sequence[TrackInfo]) -> None:
    try:
        ev = store.get(event_id)
    except TimelineError:
        st.session_state.pop("selected_id", None)
        return
    with st.container(border=True, key="details"):
        c1, c2 = st.columns([6, 1], vertical_alignment="top")
        # The title as text in escaped HTML: markdown would turn a URL in it into a link.
        c1.html(f'<p class="event-title">{html.escape(ev.title)}</p>')
        c2.button("✕", key="close_details", on_click=close_details, help="Close")
        when = date_label(ev) + (f" ({ev.date_precision})" if ev.date_precision not in (
            Precision.DAY, Precision.RANGE) else "")
        facts = [
            f"**{md_escape(ev.type)}** · {md_escape(ev.status)} · {md_escape(when)}"
            + (f" — written “{md_escape(ev.date_text)}”" if ev.date_text else ""),
        ]
        place = ", ".join(p for p in (ev.location, ev.country) if p)
        if place:
            facts.append(f"**place** {md_escape(place)}")
        if ev.tracks:
            names = [next((t.name for t in tracks if t.slug == slug), slug) for slug in ev.tracks]
            facts.append(f"**negotiation** {md_escape('; '.join(names))}")
        facts.append(f"**origin** {MANUAL_MARK if ev.origin == Origin.MANUAL else ev.origin}"
                     f" · confidence {ev.confidence:g} · id `{ev.id}`")
        st.markdown("  \n".join(facts))
        st.text("Actors: " + "; ".join(f"{a.name} ({a.kind}, {a.role})" for a in ev.actors))
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
        edit_section(store, ev, tracks)
        delete_section(store, ev)


def actor_table(key: str, initial: EventCreate | None) -> list[dict[str, Any]]:
    """The actors of a form as a table: a name per row, kind and role chosen from lists."""
    if initial is not None:
        data = [{"name": a.name, "kind": str(a.kind), "role": str(a.role)}
                for a in initial.actors]
    else:
        data = [{"name": None, "kind": None, "role": None} for _ in range(BLANK_ACTORS)]
    frame = pd.DataFrame(data, columns=["name", "kind", "role"]).astype("object")
    edited = st.data_editor(
        frame, key=key, num_rows="dynamic", hide_index=True, width="stretch", placeholder="",
        column_config={
            "name": st.column_config.TextColumn(
                "Actor", help="The name alone, e.g. Qatar; kind and role in their columns"),
            "kind": st.column_config.SelectboxColumn(
                "Kind", options=ACTOR_KINDS,
                help="Empty: what the gazetteer knows of the name, else organization"),
            "role": st.column_config.SelectboxColumn(
                "Role", options=ACTOR_ROLES, help="Empty: participant"),
        },
    )
    return list(edited.to_dict("records"))


def event_form(key: str, initial: EventCreate | None, submit_label: str,
               tracks: Sequence[TrackInfo] = (), default_tracks: Sequence[str] = (),
               ) -> tuple[bool, dict[str, Any], dict[str, Any]]:
    """The fields of an event, each with an empty slot under it for its error messages."""
    slots: dict[str, Any] = {}
    values: dict[str, Any] = {}
    ini = initial
    with st.form(key, clear_on_submit=False, enter_to_submit=False):
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
        if tracks:
            names = {t.slug: t.name for t in tracks}
            chosen = list(ini.tracks) if ini else list(default_tracks)
            values["tracks"] = st.multiselect(
                "Negotiation", list(dict.fromkeys([*names, *chosen])), default=chosen,
                format_func=lambda slug: names.get(slug, slug), key=f"{key}_tracks")
            slots["tracks"] = st.empty()
        values["actors"] = actor_table(f"{key}_actors", ini)
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


def add_form_key() -> str:
    """The add form's key: a new one after each save, so every field starts empty."""
    return f"add{st.session_state.get('_add_form_gen', 0)}"


def store_new_event(store: Store, event: EventCreate) -> None:
    event_id = store.add(event)
    st.session_state["_add_form_gen"] = st.session_state.get("_add_form_gen", 0) + 1
    st.session_state.pop("add_pending", None)
    st.session_state["selected_id"] = event_id
    flash(f"Stored event {event_id}.")


def add_section(store: Store, tracks: Sequence[TrackInfo], chosen: Sequence[str]) -> None:
    st.subheader("Add an event by hand")
    pending = st.session_state.get("add_pending")
    if pending:
        confirm_duplicate(store, pending)
    submitted, values, slots = event_form(add_form_key(), None, "Add event", tracks, chosen)
    if not submitted:
        return
    event, errors = validate_form(values)
    if event is None:
        show_errors(slots, errors)
        st.error("Not stored: correct the fields marked above.")
        return
    if similar_events(store, event):
        # Never twice without asking: a second press, a double click, an event someone
        # else already entered.
        st.session_state["add_pending"] = event.model_dump(mode="json")
        st.rerun()
    store_new_event(store, event)


def confirm_duplicate(store: Store, pending: dict[str, Any]) -> None:
    event = EventCreate.model_validate(pending)
    similar = similar_events(store, event)
    with st.container(border=True, key="duplicate_warning"):
        st.warning(f"Not stored yet: {len(similar)} event(s) like this one are already in the "
                   "timeline. Store it anyway?")
        for ev in similar:
            st.text(f"{date_label(ev)} · {ev.type} · {ev.title}  (id {ev.id})")
        c1, c2 = st.columns(2)
        if c1.button("Store it anyway", key="add_anyway"):
            store_new_event(store, event)
        if c2.button("Don't store it", key="add_cancel", type="primary"):
            st.session_state.pop("add_pending", None)
            st.rerun()


def edit_section(store: Store, ev: EventRecord, tracks: Sequence[TrackInfo]) -> None:
    with st.expander("Edit this event"):
        submitted, values, slots = event_form(f"edit_{ev.id}", ev, "Save changes", tracks)
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
        st.session_state.pop("confirm_delete", None)
        st.session_state.pop("selected_id", None)
        flash("Event deleted.")
    if c2.button("Cancel", key=f"delete_no_{ev.id}"):
        st.session_state.pop("confirm_delete", None)
        st.rerun()


def on_article_edit(key: str) -> None:
    """Keep what was ticked off and what was corrected, by event: pressing "Find events"
    again gives the same events, which come back as the user left them."""
    state = st.session_state.get(key) or {}
    order: list[str] = st.session_state.get("art_order", [])
    rejected: set[str] = set(st.session_state.get("art_rejected", []))
    edits: dict[str, dict[str, Any]] = st.session_state.setdefault("art_edits", {})
    for idx, changes in (state.get("edited_rows") or {}).items():
        if int(idx) >= len(order):
            continue
        fp = order[int(idx)]
        if changes.get("keep") is False:
            rejected.add(fp)
        elif changes.get("keep") is True:
            rejected.discard(fp)
        edits.setdefault(fp, {}).update({k: v for k, v in changes.items() if k != "keep"})
    st.session_state["art_rejected"] = sorted(rejected)


def article_section(store: Store, tracks: Sequence[TrackInfo], chosen: Sequence[str],
                    ) -> None:
    st.subheader("Find events in an article")
    text = st.text_area("Paste the article text", key="art_text", height=160)
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
        find_article_events(text, upload, published, title, url, outlet)
    found_data: list[dict[str, Any]] = st.session_state.get("art_found") or []
    if not found_data:
        return
    found = [EventCreate.model_validate(d) for d in found_data]
    matches = stored_matches(store, found)
    rows = article_rows(found, matches, st.session_state.get("art_rejected", []),
                        st.session_state.get("art_edits", {}))
    st.session_state["art_order"] = [r["fingerprint"] for r in rows]
    known = sum(m is not None for m in matches)
    st.markdown(f"**{len(found)} event(s) found**"
                + (f", {known} already in the timeline (✓)" if known else "")
                + ". Correct any cell, untick what is wrong, then add the ticked ones.")
    key = f"art_editor_{st.session_state.get('_art_gen', 0)}"
    frame = pd.DataFrame(rows).drop(columns=["fingerprint"])
    edited = st.data_editor(
        frame, key=key, num_rows="fixed", hide_index=True, width="stretch",
        on_change=on_article_edit, args=(key,), disabled=["in timeline", "evidence"],
        column_order=ARTICLE_TABLE, placeholder="",
        column_config={
            "keep": st.column_config.CheckboxColumn("keep", width=60),
            "in timeline": st.column_config.TextColumn("in timeline", width=120),
            "title": st.column_config.TextColumn("title", width=360),
            "date_start": st.column_config.DateColumn("first day", format="YYYY-MM-DD",
                                                      width=110),
            "date_end": st.column_config.DateColumn("last day", format="YYYY-MM-DD",
                                                    width=110),
            "date_precision": st.column_config.SelectboxColumn(
                "precision", options=PRECISIONS, width=90),
            "type": st.column_config.SelectboxColumn("type", options=TYPES, width=100),
            "status": st.column_config.SelectboxColumn("status", options=STATUSES, width=100),
            "actors": st.column_config.TextColumn(
                "actors", width=300,
                help="Name [kind/role] items separated by ';', as in the CSV"),
            "location": st.column_config.TextColumn("place", width=110),
            "country": st.column_config.TextColumn("country", width=110),
            "evidence": st.column_config.TextColumn("evidence", width=400),
        },
    )
    into: list[str] = []
    if tracks:
        names = {t.slug: t.name for t in tracks}
        into = st.multiselect("Add them to the negotiation", list(names), default=list(chosen),
                              format_func=names.__getitem__, key="art_tracks")
    if st.button("Add the ticked events to the timeline", key="art_accept", type="primary"):
        accept_article_events(store, found, edited.to_dict("records"), into)


def find_article_events(text: str, upload: Any, published: Any, title: str, url: str,
                        outlet: str) -> None:
    try:
        article = (UploadedArticle(text=text) if text.strip() or upload is None
                   else upload_text(upload.name, upload.getvalue()))
    except TimelineError as err:
        st.error(md_escape(err))
        return
    # What the user typed wins over what the page says about itself.
    day = published if isinstance(published, date) else article.published
    if not article.text.strip():
        st.warning("Paste some text or upload a file with an article first.")
        return
    if day is None:
        st.warning("Give the publication date: relative dates are read from it.")
        return
    try:
        found = find_events(article.text, day, title=title or article.title,
                            url=url or article.url, outlet=outlet or article.outlet)
    except ImportError:
        st.error("The article parser (timeline.extract) is not available.")
        found = []
    except TimelineError as err:
        st.error(md_escape(err))
        found = []
    st.session_state["art_found"] = [e.model_dump(mode="json") for e in found]
    # A new table: its edits are kept by event (``on_article_edit``), not by row.
    st.session_state["_art_gen"] = st.session_state.get("_art_gen", 0) + 1
    if not found:
        st.info("No events found in this text.")


def accept_article_events(store: Store, found: list[EventCreate], rows: list[dict[str, Any]],
                          tracks: Sequence[str] = ()) -> None:
    chosen, problems = article_events(found, rows)
    if tracks:
        chosen = [(i, ev.model_copy(update={"tracks": list(dict.fromkeys([*ev.tracks, *tracks]))}))
                  for i, ev in chosen]
    if problems:
        st.error("Nothing stored; correct these first:\n\n"
                 + "\n\n".join(md_escape(p) for p in problems))
        return
    # Checked again now: the events may have been stored since the table was drawn.
    matches = stored_matches(store, [ev for _, ev in chosen])
    new = [(None, ev) for (_, ev), match in zip(chosen, matches, strict=True) if match is None]
    added, present = store.add_many(new)
    skipped = len(chosen) - len(new) + present
    for _, ev in chosen:  # what was stored is no longer a candidate to tick
        st.session_state.setdefault("art_rejected", []).append(event_fingerprint(ev))
    flash(f"Added {added} event(s) to the timeline"
          + (f"; {skipped} were already there and were not stored again." if skipped else "."))


def table_section(store: Store, rows: Sequence[TimelinePoint], flt: EventFilter,
                  tracks: Sequence[TrackInfo]) -> None:
    frame = table_frame(rows[:TABLE_ROWS])
    if len(rows) > TABLE_ROWS:
        st.caption(f"The table shows the first {TABLE_ROWS:,} of {len(rows):,} events; "
                   "the downloads have all of them.")
    key = f"table_{view_key(flt)}"
    ids = frame["id"].tolist()
    st.dataframe(frame, key=key, hide_index=True, on_select=lambda: on_list_select(key, ids),
                 selection_mode="single-row", width="stretch")
    downloads(store, flt, len(rows), track_name(flt, tracks) or "Negotiation timeline")


def downloads(store: Store, flt: EventFilter, count: int, name: str) -> None:
    stamp = f"{datetime.now():%Y%m%d-%H%M}"
    # Each file is built from the store only when its button is pressed.
    files = [
        ("CSV", "download_csv", download_name(flt, stamp, ".csv"), "text/csv",
         lambda: csv_bytes(store.query(flt)),
         "The same file as `timeline export` with the same filters."),
        ("CSV for Excel", "download_csv_bom", download_name(flt, stamp, "-excel.csv"),
         "text/csv",
         lambda: csv_bytes(store.query(flt), bom=True),
         "With a byte-order mark, so that Excel shows accented and non-Latin names right."),
        ("TimelineJS", "download_timelinejs", download_name(flt, stamp, ".json"),
         "application/json",
         lambda: timelinejs_bytes(store.query(flt), title=name),
         "A TimelineJS 3 file: publish an embeddable timeline of these events."),
        ("Calendar (.ics)", "download_ics", download_name(flt, stamp, ".ics"), "text/calendar",
         lambda: ical_bytes(store.query(flt), name=name),
         "The planned (and cancelled) events among these, for a calendar."),
    ]
    st.markdown(f"**Download these {count:,} events** of {md_escape(name)}")
    columns = st.columns(len(files))
    for column, (label, key, file_name, mime, make, help_text) in zip(
            columns, files, strict=True):
        column.download_button(label, data=make, file_name=file_name, mime=mime,
                               on_click="ignore", key=key, help=help_text, width="stretch")


def flash(message: str) -> None:
    """Show ``message`` at the top of the redrawn page (after a write, everything changes)."""
    st.session_state["_flash"] = message
    st.rerun()


def main() -> None:
    st.set_page_config(page_title="Negotiation timeline", page_icon="🕊", layout="wide")
    st.html(PAGE_STYLE)
    url = database_url()
    try:
        store = get_store(url)
        version = data_version(store)
        actors, places, total, tracks = cached_options(url, version)
    except TimelineError as err:
        st.error(md_escape(err))
        st.stop()
    load_url_state(tracks)
    c_title, c_track = st.columns([5, 4], vertical_alignment="bottom")
    c_title.title("Negotiation timeline")
    with c_track:
        chosen = track_picker(tracks, total)
    flt, lane = sidebar_filters(actors, places, chosen)
    write_url_state(flt, lane)
    rows = cached_rows(url, version, flt.model_dump_json())
    undated = flt.model_copy(update={"since": None, "until": None})
    st.session_state["_undated_view"] = (url, version, undated.model_dump_json())
    selected = visible_selection(st.session_state.get("selected_id"), rows)
    if selected is None:  # a filter that hides the open event closes it
        st.session_state.pop("selected_id", None)
    in_view = next((t.events for t in tracks if chosen and t.slug == chosen[0]), total)
    st.sidebar.metric("Events shown", f"{len(rows):,}", help=f"of {total:,} in the store")

    head1, head2 = st.columns([3, 2], vertical_alignment="bottom")
    head1.caption(f"{len(rows):,} of {in_view:,} events shown")
    if message := st.session_state.pop("_flash", None):
        head2.success(message)
    period_bar(flt)
    main_col, side_col = st.columns([63, 37], gap="medium")
    with main_col:
        # Only the open tab runs (and is sent): the first chart does not wait for the
        # tables and forms of the other tabs.
        sections = {
            "Timeline": lambda: timeline_section(rows, lane, flt, selected),
            "Trend": lambda: trend_section(rows),
            "Table and downloads": lambda: table_section(store, rows, flt, tracks),
            "Add an event": lambda: add_section(store, tracks, chosen),
            "From an article": lambda: article_section(store, tracks, chosen),
        }
        tabs = st.tabs(list(sections), key="main_tab", on_change="rerun")
        for tab, draw in zip(tabs, sections.values(), strict=True):
            if tab.open:
                with tab:
                    draw()
    with side_col:
        if selected:
            details_section(store, selected, tracks)
        list_section(rows, selected)


if __name__ == "__main__":
    main()
