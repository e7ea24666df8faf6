"""What the dashboard shows, without Streamlit: plain functions the page calls.

Links <-> filters (a view is shared as its URL), the rows and figure of a view, clicks
and drags -> the open event or the period shown, the hand-entry form -> a validated event
(every problem at once) and its look-alikes already stored, an article's found events ->
an editable table and back, downloads, uploads, and text made safe to show. Everything
here is unit tested without a browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from timeline.charts import (
    LANE_CHOICES,
    LaneBy,
    Period,
    TimelinePoint,
    clicked_period,
    date_label,
    drag_period,
    selected_event_id,
    timeline_figure,
)
from timeline.export import events_to_csv, parse_actors
from timeline.merge import same_occasion
from timeline.models import EventCreate, TrackInfo, storable
from timeline.publish import events_to_ical, events_to_timelinejs
from timeline.sources.html import html_to_article
from timeline.store import EventFilter, EventRecord, Store, content_id
from timeline.vocab import ActorKind, EventType, Origin, Precision, Role, Status

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = [
    "ACTOR_KINDS",
    "ACTOR_ROLES",
    "ALL_TRACKS",
    "ARTICLE_COLUMNS",
    "DEFAULT_LANE",
    "FORM_FIELDS",
    "ORIGINS",
    "PRECISIONS",
    "QUICK_PERIODS",
    "STATUSES",
    "TYPES",
    "ChartPick",
    "UploadedArticle",
    "actors_from_rows",
    "article_events",
    "article_rows",
    "chart_pick",
    "csv_bytes",
    "dated_list",
    "default_track",
    "download_name",
    "event_fingerprint",
    "field_errors",
    "filter_from_params",
    "find_events",
    "form_to_data",
    "ical_bytes",
    "md_escape",
    "params_from_filter",
    "quick_period",
    "read_html",
    "safe_link",
    "similar_events",
    "stored_matches",
    "table_pick",
    "timelinejs_bytes",
    "track_label",
    "track_name",
    "upload_text",
    "url_host",
    "validate_form",
    "view_figure",
    "view_period",
    "view_rows",
    "visible_selection",
]

TYPES = [t.value for t in EventType]
STATUSES = [s.value for s in Status]
ORIGINS = [o.value for o in Origin]
PRECISIONS = [p.value for p in Precision]
ACTOR_KINDS = [k.value for k in ActorKind]
ACTOR_ROLES = [r.value for r in Role]
DEFAULT_LANE: LaneBy = "type"
ALL_TRACKS = "all"  # the link parameter (and picker value) for every negotiation at once
FORM_FIELDS = ("type", "status", "date_start", "date_end", "date_precision", "date_text",
               "title", "actors", "location", "country", "confidence", "sources")


# --- links ------------------------------------------------------------------------------


def filter_from_params(params: Mapping[str, Sequence[str]]) -> tuple[EventFilter, LaneBy]:
    """The filter and lane choice a shared link carries; unknown or bad values are dropped."""

    def day(key: str) -> date | None:
        for value in params.get(key, []):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return None
        return None

    def pick(key: str, allowed: Sequence[str] | None = None) -> list[str]:
        values = [v for v in map(storable, params.get(key, [])) if v.strip()]
        return [v for v in values if v in allowed] if allowed is not None else values

    text = storable(" ".join(params.get("q", []))).strip() or None
    lane_values = pick("lanes", LANE_CHOICES)
    lane: LaneBy = lane_values[0] if lane_values else DEFAULT_LANE  # type: ignore[assignment]
    flt = EventFilter(
        since=day("since"), until=day("until"), types=pick("type", TYPES),
        actors=pick("actor"), locations=pick("place"), statuses=pick("status", STATUSES),
        origins=pick("origin", ORIGINS), text=text,
        # ``track=all``: every negotiation. (Without ``track`` the page picks one.)
        tracks=[t for t in pick("track") if t != ALL_TRACKS][:1],
    )
    return flt, lane


def params_from_filter(flt: EventFilter, lane: LaneBy) -> dict[str, list[str]]:
    """The query parameters of a view (empty filters are left out to keep links short)."""
    params: dict[str, list[str]] = {}
    # The negotiation first, and always: the page opens on one, so a link must say which.
    params["track"] = list(flt.tracks[:1]) or [ALL_TRACKS]
    if flt.since:
        params["since"] = [flt.since.isoformat()]
    if flt.until:
        params["until"] = [flt.until.isoformat()]
    for key, values in (("type", flt.types), ("actor", flt.actors), ("place", flt.locations),
                        ("status", flt.statuses), ("origin", flt.origins)):
        if values:
            params[key] = list(values)
    if flt.text:
        params["q"] = [flt.text]
    if lane != DEFAULT_LANE:
        params["lanes"] = [lane]
    return params


def default_track(tracks: Sequence[TrackInfo]) -> str | None:
    """The negotiation a page opens on when its link names none: the one with the most
    events (None when the store has no tracks: then the page shows every event)."""
    busiest = max(tracks, key=lambda t: (t.events, t.name), default=None)
    return busiest.slug if busiest and busiest.events else None


def track_label(slug: str, tracks: Sequence[TrackInfo], total: int) -> str:
    """``Gaza ceasefire and hostage talks (89 events)`` for the picker."""
    if slug == ALL_TRACKS:
        return f"All negotiations ({_events(total)})"
    info = next((t for t in tracks if t.slug == slug), None)
    return f"{info.name} ({_events(info.events)})" if info else f"{slug} (no such track)"


def _events(n: int) -> str:
    return f"{n:,} event{'' if n == 1 else 's'}"


def track_name(flt: EventFilter, tracks: Sequence[TrackInfo]) -> str | None:
    """The name of the view's negotiation, for titles of downloads."""
    slug = flt.tracks[0] if flt.tracks else None
    return next((t.name for t in tracks if t.slug == slug), slug)


def download_name(flt: EventFilter, stamp: str, suffix: str) -> str:
    """``gaza-20250101-1200.csv``: the negotiation's slug, else ``timeline``."""
    return f"{flt.tracks[0] if flt.tracks else 'timeline'}-{stamp}{suffix}"


# --- a view ----------------------------------------------------------------------------


def view_rows(store: Store, flt: EventFilter) -> list[TimelinePoint]:
    """The rows of a view (what the page caches per database version and filter)."""
    return store.timeline_rows(flt)


def view_period(flt: EventFilter, rows: Sequence[TimelinePoint]) -> Period | None:
    """The days the timeline spans: the filter's dates, completed by the events' own."""
    if not (flt.since or flt.until):
        return None
    first = flt.since or (min(r.date_start for r in rows) if rows else flt.until)
    last = flt.until or (max(r.date_end for r in rows) if rows else flt.since)
    assert first is not None and last is not None
    return (first, last) if first <= last else (last, first)


def view_figure(rows: Sequence[TimelinePoint], lane: LaneBy, flt: EventFilter | None = None,
                selected: str | None = None) -> go.Figure:
    """The timeline figure of a view, over its period, with the open event ringed."""
    period = view_period(flt, rows) if flt is not None else None
    return timeline_figure(rows, lane, period=period, selected=selected)


def visible_selection(selected: str | None, rows: Sequence[TimelinePoint]) -> str | None:
    """The open event if the view still shows it; a filter that hides it closes it."""
    if selected and any(r.id == selected for r in rows):
        return selected
    return None


def dated_list(rows: Sequence[TimelinePoint]) -> dict[str, list[Any]]:
    """The columns of the list beside the chart: date, type and title, oldest first (the
    order of the chart, left to right). ``id`` maps a picked row to its event."""
    ordered = sorted(rows, key=lambda r: (r.date_start, r.date_end, r.id))
    return {
        "date": [date_label(r) for r in ordered],
        "type": [r.type for r in ordered],
        "title": [r.title for r in ordered],
        "id": [r.id for r in ordered],
    }


QUICK_PERIODS: dict[str, int | None] = {"all": None, "last year": 365, "last 6 months": 183,
                                        "last 3 months": 92, "last month": 31}


def quick_period(choice: str, rows: Sequence[TimelinePoint]) -> Period | None:
    """The period a quick choice means, counted back from the latest event of ``rows``;
    None for ``all`` (or nothing to count from)."""
    days = QUICK_PERIODS.get(choice)
    if not days or not rows:
        return None
    last = max(r.date_end for r in rows)
    return last - timedelta(days=days - 1), last


@dataclass(frozen=True, slots=True)
class ChartPick:
    """What a click or drag on a chart asks for: open an event, or show a period."""

    event_id: str | None = None
    period: Period | None = None


def chart_pick(state: Mapping[str, Any] | None) -> ChartPick | None:
    """Read a chart's selection: a clicked event, a clicked count or trend bar (its
    period), or a drag across the timeline (the days it covered)."""
    dragged = drag_period(state)  # before the events it caught: the drag asked for a period
    if dragged:
        return ChartPick(period=dragged)
    event_id = selected_event_id(state)
    if event_id:
        return ChartPick(event_id=event_id)
    period = clicked_period(state)
    return ChartPick(period=period) if period else None


def table_pick(state: Mapping[str, Any] | None, ids: Sequence[str]) -> str | None:
    """The event of a data frame's picked row."""
    rows = ((state or {}).get("selection") or {}).get("rows") or []
    if not rows or rows[0] >= len(ids):
        return None
    return ids[rows[0]]


# --- downloads ---------------------------------------------------------------------------


def csv_bytes(events: Iterable[EventRecord], *, bom: bool = False) -> bytes:
    """What the CSV buttons serve: the bytes ``timeline export`` writes; with ``bom`` a
    UTF-8 byte-order mark first, so that Excel reads names such as "Qaṭar" right."""
    return ("\ufeff" if bom else "").encode() + events_to_csv(events).encode("utf-8")


def timelinejs_bytes(events: Iterable[EventRecord], title: str | None = None) -> bytes:
    return events_to_timelinejs(events, title=title).encode("utf-8")


def ical_bytes(events: Iterable[EventRecord], name: str | None = None) -> bytes:
    return events_to_ical(events, name=name).encode("utf-8")


# --- hand entry ------------------------------------------------------------------------

_COLON_SYNTAX = re.compile(r"^\s*(?P<name>[^:]+?)\s*:\s*(?P<rest>\w+(?:\s*:\s*\w*)?)\s*$")
_BRACKET_SYNTAX = re.compile(r"^\s*(?P<name>.+?)\s*\[(?P<rest>[^\]]*)\]\s*$")
_WORDS = frozenset(ACTOR_KINDS) | frozenset(ACTOR_ROLES)


def _written_as(name: str, syntax: re.Pattern[str]) -> str | None:
    """The bare name when ``name`` carries a kind or role in ``syntax``, else None."""
    m = syntax.match(name)
    if m and set(re.split(r"[\s/:]+", m["rest"].lower())) & _WORDS:
        return m["name"]
    return None


def actors_from_rows(rows: Iterable[Mapping[str, Any]]) -> tuple[list[dict[str, str]],
                                                                   list[str]]:
    """The actors of the form's table (name, kind, role per row; empty rows skipped),
    and a message for each name written in the syntax of the command line (``Hamas:
    initiator``) or of the CSV (``Hamas [organization/initiator]``), which the table
    does not read: kind and role have their own columns."""
    actors: list[dict[str, str]] = []
    problems: list[str] = []
    for row in rows:
        name = str(row.get("name") or "").strip()
        if not name or name.lower() in ("nan", "none"):
            continue
        bare = _written_as(name, _COLON_SYNTAX) or _written_as(name, _BRACKET_SYNTAX)
        if bare:
            problems.append(f"'{name}': write the name alone, e.g. '{bare}', and choose its "
                            "kind and role in their columns")
            continue
        actor = {"name": name}
        for key in ("kind", "role"):
            value = str(row.get(key) or "").strip()
            if value and value.lower() not in ("nan", "none"):
                actor[key] = value
        if "kind" not in actor:
            known = _known_kind(name)
            if known:
                actor["kind"] = known
        actors.append(actor)
    return actors, problems


def _known_kind(name: str) -> str | None:
    """The kind the gazetteer gives a name (``Qatar`` is a state), as the CLI does."""
    try:
        from timeline.extract import load_gazetteer
    except ImportError:
        return None
    entry = load_gazetteer().lookup(name)
    return str(entry.kind) if entry is not None else None


def form_to_data(values: Mapping[str, Any], origin: str = "manual") -> dict[str, Any]:
    """Raw form values to the dict ``EventCreate.model_validate`` checks. ``actors`` is
    the table's rows (or, from older callers, ``Name [kind/role]`` text)."""
    source = {k: (values.get(f"source_{k}") or "").strip() for k in ("url", "outlet", "evidence")}
    raw_actors = values.get("actors") or []
    if isinstance(raw_actors, str):
        actors = parse_actors(raw_actors.replace("\n", ";"))
    else:
        actors, _ = actors_from_rows(raw_actors)
    return {
        "type": values.get("type"),
        "status": values.get("status") or "occurred",
        "date_start": values.get("date_start"),
        "date_end": values.get("date_end") or None,
        "date_precision": values.get("date_precision") or "day",
        "date_text": values.get("date_text") or "",
        "title": values.get("title") or "",
        "actors": actors,
        "location": (values.get("location") or "").strip() or None,
        "country": (values.get("country") or "").strip() or None,
        "confidence": values.get("confidence", 1.0),
        "origin": origin,
        "tracks": list(values.get("tracks") or []),
        "sources": [{k: v or None for k, v in source.items()} | {
            "evidence": source["evidence"]}] if any(source.values()) else [],
    }


def field_errors(err: ValidationError) -> dict[str, list[str]]:
    """Validation messages by form field; problems of the whole event go to ``event``."""
    out: dict[str, list[str]] = {}
    for e in err.errors():
        loc = [str(p) for p in e["loc"]]
        msg = e["msg"].removeprefix("Value error, ")
        name = loc[0] if loc and loc[0] in FORM_FIELDS else ""
        if not name:  # the model-level check names its field in the message
            name = next((f for f in ("date_end", "date_start") if f in msg), "event")
        if name == "actors" and len(loc) == 1 and e["type"] == "too_short":
            msg = "give at least one actor"
        elif name == "date_start" and e["type"] in ("date_type", "missing"):
            msg = "give the first day"
        out.setdefault(name, []).append(msg)
    return out


def _interval_errors(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """The model's check of the dates alone: pydantic runs it only once every field is
    valid, and a form must show every problem at once."""
    if not (isinstance(data.get("date_start"), date) and isinstance(data.get("date_end"), date)):
        return {}
    probe = {"type": "meeting", "title": "-", "actors": [{"name": "-"}],
             "date_start": data["date_start"], "date_end": data["date_end"]}
    try:
        EventCreate.model_validate(probe)
    except ValidationError as err:
        return field_errors(err)
    return {}


def validate_form(values: Mapping[str, Any], origin: str = "manual",
                  ) -> tuple[EventCreate | None, dict[str, list[str]]]:
    """The event a form describes, or every message to show beside its fields."""
    data = form_to_data(values, origin)
    errors: dict[str, list[str]] = {}
    raw_actors = values.get("actors")
    if raw_actors is not None and not isinstance(raw_actors, str):
        _, problems = actors_from_rows(raw_actors)
        if problems:
            errors["actors"] = problems
    try:
        event = EventCreate.model_validate(data)
    except ValidationError as err:
        event = None
        for name, messages in (field_errors(err) | _interval_errors(data)).items():
            if name == "actors" and errors.get("actors"):
                continue  # the names written in another syntax say more than "no actor"
            errors.setdefault(name, []).extend(m for m in messages
                                               if m not in errors.get(name, []))
    return (None, errors) if errors else (event, {})


def similar_events(store: Store, event: EventCreate) -> list[EventRecord]:
    """Stored events that look like ``event``: the same occasion (type, overlapping dates,
    a shared actor, the same place) or the same title on overlapping dates."""
    end = event.date_end or event.date_start
    title = event.title.casefold()
    near = store.query(EventFilter(since=event.date_start, until=end, types=[str(event.type)]))
    return [ev for ev in near if same_occasion(event, ev) or ev.title.casefold() == title]


# --- events found in an article --------------------------------------------------------

ARTICLE_COLUMNS = ("keep", "in timeline", "date_start", "date_end", "date_precision", "type",
                   "status", "title", "actors", "location", "country", "evidence")
_EDITABLE = ("date_start", "date_end", "date_precision", "type", "status", "title", "actors",
             "location", "country")


def event_fingerprint(ev: EventCreate) -> str:
    """A found event's identity across presses of "Find events" (the same text gives the
    same events): its content id, which rejections and edits are kept under."""
    return content_id(ev)


def stored_matches(store: Store, events: Sequence[EventCreate]) -> list[str | None]:
    """For each event, the id of a stored event of the same occasion (or None): one
    query for all of them."""
    if not events:
        return []
    lo = min(e.date_start for e in events) - timedelta(days=1)
    hi = max(e.date_end or e.date_start for e in events) + timedelta(days=1)
    stored = store.candidates(lo, hi, {str(e.type) for e in events})
    out: list[str | None] = []
    for ev in events:
        exact = content_id(ev)
        match = next((s for s in stored if s.id == exact or same_occasion(ev, s)), None)
        out.append(match.id if match else None)
    return out


def _actors_cell(ev: EventCreate) -> str:
    return "; ".join(f"{a.name} [{a.kind}/{a.role}]" for a in ev.actors)


def article_rows(found: Sequence[EventCreate], matches: Sequence[str | None],
                 rejected: Iterable[str] = (), edits: Mapping[str, Mapping[str, Any]] | None = None,
                 ) -> list[dict[str, Any]]:
    """The editable table of found events. A row is ticked unless it was rejected before
    or the event is already in the timeline; earlier edits are applied again."""
    rejected = set(rejected)
    edits = edits or {}
    rows = []
    for ev, match in zip(found, matches, strict=True):
        fp = event_fingerprint(ev)
        row: dict[str, Any] = {
            "keep": match is None and fp not in rejected,
            "in timeline": f"✓ {match}" if match else "",
            "date_start": ev.date_start, "date_end": ev.date_end or ev.date_start,
            "date_precision": str(ev.date_precision), "type": str(ev.type),
            "status": str(ev.status), "title": ev.title, "actors": _actors_cell(ev),
            "location": ev.location or "", "country": ev.country or "",
            "evidence": ev.evidence, "fingerprint": fp,
        }
        for key, value in (edits.get(fp) or {}).items():
            if key in _EDITABLE:
                row[key] = value
        rows.append(row)
    return rows


def _as_date(value: Any) -> Any:
    if isinstance(value, date):
        return value.date() if hasattr(value, "date") and callable(value.date) else value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return value
    return value if value not in ("", None) else None


def article_events(found: Sequence[EventCreate], rows: Sequence[Mapping[str, Any]],
                   ) -> tuple[list[tuple[int, EventCreate]], list[str]]:
    """The ticked rows as events (position, event), and a message for each bad row.

    A row the user changed is stored as ``manual`` (a person vouched for it), an
    untouched one as ``extracted``; sources and the date as written come from the
    article either way.
    """
    out: list[tuple[int, EventCreate]] = []
    problems: list[str] = []
    for i, (ev, row) in enumerate(zip(found, rows, strict=True)):
        if not row.get("keep"):
            continue
        original = article_rows([ev], [None])[0]
        changed = {k: row.get(k) for k in _EDITABLE
                   if _cell(row.get(k)) != _cell(original[k])}
        if not changed:
            out.append((i, ev.model_copy(update={"origin": Origin.EXTRACTED})))
            continue
        data = ev.model_dump(mode="python")
        refused = False
        for key, value in changed.items():
            if key == "actors":
                names = parse_actors(str(value or ""))
                bad = [a["name"] for a in names if _written_as(a["name"], _COLON_SYNTAX)]
                if bad:
                    problems.append(f"row {i + 1}: actors: write 'Name [kind/role]' items "
                                    f"separated by ';', not {bad[0]!r}")
                    refused = True
                data["actors"] = names
            elif key in ("date_start", "date_end"):
                data[key] = _as_date(value)
            else:
                data[key] = (str(value).strip() or None) if value is not None else None
        if refused:
            continue
        data["origin"] = Origin.MANUAL
        try:
            out.append((i, EventCreate.model_validate(data)))
        except ValidationError as err:
            for name, messages in field_errors(err).items():
                problems.extend(f"row {i + 1}: {name}: {m}" for m in messages)
    return out, problems


def _cell(value: Any) -> Any:
    """A table cell compared by what it means ('' and None, a date and its ISO text)."""
    value = _as_date(value)
    if isinstance(value, str):
        value = value.strip()
    return value or None


# --- text made safe --------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


# Markdown links bare addresses ("https://...", "www....", "a@b.org") after it has read
# the escapes, so escaping cannot stop it: an invisible word joiner breaks them up.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z]:)(?=//)|(?<=www)(?=\.)|(?<=@)(?=[\w-])")
_JOINER = "\u2060"


def md_escape(text: object) -> str:
    """Text shown literally inside markdown (no links, tags, emphasis or maths)."""
    plain = _AUTOLINK.sub(_JOINER, str(text).replace("\n", " "))
    return _MD_SPECIAL.sub(r"\\\1", plain)


def safe_link(url: str | None) -> str | None:
    """Only web links become clickable; anything else (``javascript:``...) stays text."""
    if url and re.match(r"^https?://[^\s]+$", url.strip(), re.I):
        return url.strip()
    return None


def url_host(url: str | None) -> str:
    """``news.example`` of ``https://news.example/a``: a name for a source without one."""
    if not url or "://" not in url:
        return ""
    return url.split("://", 1)[1].split("/", 1)[0]


# --- uploads -----------------------------------------------------------------------------


@dataclass(slots=True)
class UploadedArticle:
    """The text of an uploaded file, with what its page said about itself (HTML only)."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


def read_html(html: str, name: str = "upload.html") -> UploadedArticle:
    """The article of an HTML page (SourceError when the page holds none)."""
    article = html_to_article(html, name)  # SourceError when the page has no article
    published = article.published.date() if article.published else None
    return UploadedArticle(text=article.text, title=article.title, outlet=article.outlet,
                           url=article.url, published=published)


def upload_text(name: str, data: bytes) -> UploadedArticle:
    """An uploaded file as an article: HTML reduced to its main text, text decoded."""
    text = data.decode("utf-8-sig", errors="replace")
    looks_html = name.lower().endswith((".html", ".htm")) or text.lstrip()[:1] == "<"
    return read_html(text, name) if looks_html else UploadedArticle(text=text)


def find_events(text: str, published: date, *, title: str | None = None,
                url: str | None = None, outlet: str | None = None) -> list[EventCreate]:
    """Events the parser finds in an article (the extractor loads on first use)."""
    from timeline.extract import extract_events

    return list(extract_events(text, published, title=title or None, url=url or None,
                               outlet=outlet or None))
