"""Plotly figures of events: the timeline, its hover text, its click payload and its
aggregation rules.

Imports plotly (and the vocabulary) only, never streamlit: the figures are built and
tested without a page, and the benchmark times exactly what the dashboard draws.

Drawing rules (issue 5):

- time runs left to right; one lane per actor, type or place;
- colour says the type; the marker says the status: filled = occurred, open = planned,
  ``x`` = cancelled (bars: solid, dotted, crossed);
- a one-day event is a marker (a zero-length bar would be invisible); an event with an
  interval is a bar from its first day to the end of its last day;
- an imprecise date (week, month, quarter, year, unknown) is a translucent hatched bar
  over the whole interval it may fall in;
- every point carries its event id in ``customdata`` so a click can open the details.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

import plotly.graph_objects as go

from timeline.models import EventRow
from timeline.vocab import EventType, Precision, Status

if TYPE_CHECKING:  # the store pulls in SQLAlchemy; the figures only need the attributes
    from timeline.models import EventCreate

__all__ = [
    "LANE_CHOICES",
    "LaneBy",
    "STATUS_SYMBOLS",
    "TYPE_COLOURS",
    "TimelinePoint",
    "event_lanes",
    "hover_text",
    "is_imprecise",
    "resolved_dates",
    "selected_event_id",
    "timeline_figure",
    "timeline_points",
]

LaneBy = Literal["actor", "type", "place"]
LANE_CHOICES: tuple[LaneBy, ...] = ("actor", "type", "place")

# One colour per type, fixed so that a type keeps its colour whatever the filter.
TYPE_COLOURS: dict[str, str] = {
    EventType.VISIT: "#1f77b4",
    EventType.MEETING: "#2ca02c",
    EventType.STATEMENT: "#7f7f7f",
    EventType.PROPOSAL: "#ff7f0e",
    EventType.AGREEMENT: "#17becf",
    EventType.REJECTION: "#d62728",
    EventType.REQUEST: "#9467bd",
    EventType.CEASEFIRE: "#8c564b",
}
_FALLBACK_COLOUR = "#444444"

STATUS_SYMBOLS: dict[str, str] = {
    Status.OCCURRED: "circle",
    Status.PLANNED: "circle-open",
    Status.CANCELLED: "x",
}
# Bars cannot change symbol: the status is a fill pattern instead.
_STATUS_PATTERN: dict[str, str] = {
    Status.OCCURRED: "",
    Status.PLANNED: ".",
    Status.CANCELLED: "x",
}
_IMPRECISE = frozenset({Precision.WEEK, Precision.MONTH, Precision.QUARTER, Precision.YEAR,
                        Precision.UNKNOWN})
_DAY_MS = 86_400_000
NO_PLACE = "(no place)"
NO_ACTOR = "(no actor)"
OTHER_LANE = "(other)"


def is_imprecise(precision: object) -> bool:
    """Whether the date is only known to a week, month, quarter, year (or not at all)."""
    return str(precision) in _IMPRECISE


TimelinePoint = EventRow  # the charts' name for a row of the store


def to_point(ev: EventCreate | TimelinePoint) -> TimelinePoint:
    """The point of an event record (``EventRecord`` or anything with its attributes)."""
    if isinstance(ev, EventRow):
        return ev
    return TimelinePoint(
        id=ev.id,  # type: ignore[attr-defined]
        type=str(ev.type), status=str(ev.status), date_start=ev.date_start,
        date_end=ev.date_end or ev.date_start, date_precision=str(ev.date_precision),
        date_text=ev.date_text or "", title=ev.title,
        actors=tuple(a.name for a in ev.actors), location=ev.location, country=ev.country,
        outlets=tuple(dict.fromkeys(s.outlet or _host(s.url) for s in ev.sources
                                    if s.outlet or s.url)),
        origin=str(ev.origin), sources=len(ev.sources),
    )


def timeline_points(events: Iterable[EventCreate | TimelinePoint]) -> list[TimelinePoint]:
    return [to_point(ev) for ev in events]


def event_lanes(ev: TimelinePoint, lane_by: LaneBy) -> tuple[str, ...]:
    """The lanes an event is drawn in: every actor of it, its type, or its place."""
    if lane_by == "actor":
        return ev.actors or (NO_ACTOR,)
    if lane_by == "type":
        return (ev.type,)
    return (ev.location or ev.country or NO_PLACE,)


def _esc(text: object) -> str:
    # Plotly renders hover text as a small HTML subset: user words must not become tags.
    return html.escape(str(text), quote=False)


def resolved_dates(ev: EventCreate | TimelinePoint) -> str:
    end = ev.date_end or ev.date_start
    if end == ev.date_start:
        return ev.date_start.isoformat()
    return f"{ev.date_start.isoformat()} – {end.isoformat()}"


def hover_text(event: EventCreate | TimelinePoint, *, compact: bool = False) -> str:
    """Title, the date as written and as resolved, actors, place and source outlets."""
    ev = to_point(event)
    when = resolved_dates(ev)
    if ev.date_precision != Precision.DAY:
        when += f" ({ev.date_precision})"
    head = f"<b>{_esc(ev.title)}</b><br>{_esc(ev.type)} · {_esc(ev.status)}"
    if compact:  # thousands of points: keep the page light, details are one click away
        return f"{head}<br>{when}"
    lines = [head]
    if ev.date_text:
        lines.append(f"Date: “{_esc(ev.date_text)}” → {when}")
    else:
        lines.append(f"Date: {when}")
    if ev.actors:
        lines.append("Actors: " + _esc(", ".join(ev.actors)))
    place = ", ".join(p for p in (ev.location, ev.country) if p)
    if place:
        lines.append("Place: " + _esc(place))
    if ev.outlets:
        extra = len(ev.outlets) - 3
        lines.append("Source: " + _esc(", ".join(ev.outlets[:3]))
                     + (f" +{extra}" if extra > 0 else ""))
    if ev.origin == "manual":
        lines.append("Entered by hand")
    return "<br>".join(lines)


def _host(url: str | None) -> str:
    if not url:
        return ""
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0]


def selected_event_id(state: Mapping[str, Any] | None) -> str | None:
    """The event id of the first clicked point of a ``st.plotly_chart`` selection state.

    Aggregated bars carry an empty id and are skipped: they stand for many events.
    """
    if not state:
        return None
    selection = state.get("selection") or {}
    for point in selection.get("points") or []:
        data = point.get("customdata")
        if isinstance(data, list | tuple):
            data = data[0] if data else None
        if isinstance(data, str) and data:
            return data
    return None


# --- building -----------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    """The points of one trace: same type, status and precision class."""

    x: list[Any] = field(default_factory=list)
    base: list[str] = field(default_factory=list)
    y: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def _lane_order(events: Sequence[TimelinePoint], lane_by: LaneBy, max_lanes: int,
                ) -> tuple[list[str], dict[str, str]]:
    """Lanes by number of events (busiest on top), the tail folded into one lane."""
    counts: Counter[str] = Counter()
    for ev in events:
        counts.update(event_lanes(ev, lane_by))
    if lane_by == "type":
        order = [str(t) for t in EventType if str(t) in counts]
    else:
        order = [name for name, _ in counts.most_common()]
    rename = {name: name for name in order}
    if len(order) > max_lanes:
        for name in order[max_lanes - 1:]:
            rename[name] = OTHER_LANE
        order = order[:max_lanes - 1] + [OTHER_LANE]
    return order, rename


def timeline_figure(
    events: Sequence[EventCreate | TimelinePoint],
    lane_by: LaneBy = "actor",
    *,
    gl_threshold: int = 1000,
    max_bars: int = 3000,
    compact_over: int = 5000,
    max_lanes: int = 30,
    validate_under: int = 20_000,
) -> go.Figure:
    """The timeline of ``events``: ``TimelinePoint``s, or records (converted here).

    ``gl_threshold``: above this many markers, draw them with WebGL (``Scattergl``).
    ``max_bars``: above this many interval bars, draw one bar per lane, type and month
    (or year) with the count, instead of one per event.
    ``compact_over``: above this many events, hover shows title, type, status and date
    only (the details are one click away).
    ``max_lanes``: the quietest lanes beyond this are folded into ``(other)``.
    ``validate_under``: plotly checks every array element it is given, which costs more
    than building the figure for 100,000 points; bigger figures skip that check (the
    traces have the same shape as the small, checked ones).
    """
    if lane_by not in LANE_CHOICES:
        raise ValueError(f"lane_by must be one of {', '.join(LANE_CHOICES)}, not {lane_by!r}")
    if not events:
        fig = go.Figure()
        fig.add_annotation(text="No events match these filters", showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 16})
        fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=300,
                          margin={"l": 10, "r": 10, "t": 30, "b": 10})
        return fig

    points = timeline_points(events)
    order, rename = _lane_order(points, lane_by, max_lanes)
    compact = len(points) > compact_over
    markers: dict[tuple[str, str, bool], _Group] = defaultdict(_Group)
    bars: dict[tuple[str, str, bool], _Group] = defaultdict(_Group)
    intervals: list[tuple[TimelinePoint, tuple[str, ...]]] = []

    for ev in points:
        raw = event_lanes(ev, lane_by)
        lanes = (rename[raw[0]],) if len(raw) == 1 else tuple(dict.fromkeys(
            rename[lane] for lane in raw))
        end = ev.date_end
        imprecise = ev.date_precision in _IMPRECISE
        key = (ev.type, ev.status, imprecise)
        if end == ev.date_start:
            # Compact: the title only; type, status and day come from the trace's template.
            text = _esc(ev.title) if compact else hover_text(ev)
            group = markers[key]
            day = ev.date_start.isoformat()
            for lane in lanes:
                group.x.append(day)
                group.y.append(lane)
                group.ids.append(ev.id)
                group.text.append(text)
        else:
            text = hover_text(ev, compact=compact)
            intervals.append((ev, lanes))
            group = bars[key]
            start = ev.date_start.isoformat()
            width = ((end - ev.date_start).days + 1) * _DAY_MS  # the last day included
            for lane in lanes:
                group.base.append(start)
                group.x.append(width)
                group.y.append(lane)
                group.ids.append(ev.id)
                group.text.append(text)

    traces: list[dict[str, Any]] = []
    n_bars = sum(len(g.y) for g in bars.values())
    if n_bars > max_bars:
        traces += _aggregated_bars(intervals, max_bars)
    else:
        traces += [_bar_trace(etype, status, imprecise, group)
                   for (etype, status, imprecise), group in sorted(bars.items())]
    n_markers = sum(len(g.y) for g in markers.values())
    kind = "scattergl" if n_markers > gl_threshold else "scatter"
    traces += [_marker_trace(kind, etype, status, imprecise, group, compact)
               for (etype, status, imprecise), group in sorted(markers.items())]
    traces += _status_key()
    _legend_once_per_type(traces)
    validate = n_bars + n_markers < validate_under
    return go.Figure({"data": traces, "layout": _layout(order, lane_by)}, _validate=validate)


def _colour(etype: str) -> str:
    return TYPE_COLOURS.get(etype, _FALLBACK_COLOUR)


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _marker_trace(kind: str, etype: str, status: str, imprecise: bool, group: _Group,
                  compact: bool = False) -> dict[str, Any]:
    colour = _colour(etype)
    marker: dict[str, Any] = {"color": colour, "symbol": STATUS_SYMBOLS.get(status, "circle"),
                              "size": 11, "line": {"width": 2, "color": colour}}
    if imprecise:  # a day that is not really known: fainter
        marker["opacity"] = 0.45
    return {
        "type": kind, "x": group.x, "y": group.y, "mode": "markers", "marker": marker,
        "name": etype, "legendgroup": etype, "customdata": group.ids, "text": group.text,
        # Compact hover sends a title per point instead of a paragraph: half the bytes
        # of a 100,000-event page.
        "hovertemplate": (f"<b>%{{text}}</b><br>{etype} · {status}<br>%{{x|%Y-%m-%d}}"
                          f"{' (imprecise)' if imprecise else ''}<extra></extra>"
                          if compact else "%{text}<extra></extra>"),
        # After a click plotly fades the other points; only a little, they are still data.
        "unselected": {"marker": {"opacity": 0.35}},
        "meta": {"kind": "marker", "type": etype, "status": status, "imprecise": imprecise},
    }


def _bar_trace(etype: str, status: str, imprecise: bool, group: _Group) -> dict[str, Any]:
    colour = _colour(etype)
    shape = _STATUS_PATTERN.get(status, "")
    if imprecise and not shape:
        shape = "/"
    solid = status == Status.OCCURRED and not imprecise
    marker: dict[str, Any] = {
        "color": colour if solid else _rgba(colour, 0.25 if imprecise else 0.35),
        "line": {"color": colour, "width": 1 if imprecise else 1.5},
    }
    if shape:
        marker["pattern"] = {"shape": shape, "fgcolor": colour, "fillmode": "overlay",
                             "size": 8, "solidity": 0.3}
    return {
        "type": "bar", "base": group.base, "x": group.x, "y": group.y, "orientation": "h",
        "marker": marker, "opacity": 0.55 if imprecise else 0.95,
        "width": 0.8 if imprecise else 0.5, "name": etype, "legendgroup": etype,
        "customdata": group.ids, "text": group.text, "textposition": "none",
        "hovertemplate": "%{text}<extra></extra>",
        "unselected": {"marker": {"opacity": 0.35}},
        "meta": {"kind": "bar", "type": etype, "status": status, "imprecise": imprecise},
    }


def _bucket_counts(intervals: Sequence[tuple[TimelinePoint, tuple[str, ...]]], yearly: bool,
                   ) -> Counter[tuple[str, str, date]]:
    counts: Counter[tuple[str, str, date]] = Counter()
    for ev, lanes in intervals:
        d = ev.date_start
        bucket = date(d.year, 1, 1) if yearly else date(d.year, d.month, 1)
        for lane in lanes:
            counts[(ev.type, lane, bucket)] += 1
    return counts


def _aggregated_bars(intervals: Sequence[tuple[TimelinePoint, tuple[str, ...]]],
                     max_bars: int) -> list[dict[str, Any]]:
    """Thousands of intervals: one bar per lane, type and month, or year when months would
    still make more than ``max_bars // 2`` bars.

    A browser stays responsive with a few thousand SVG bars (the range slider draws each
    one twice), not with a hundred thousand.
    """
    yearly = False
    counts = _bucket_counts(intervals, yearly)
    if len(counts) > max_bars // 2:
        yearly = True
        counts = _bucket_counts(intervals, yearly)
    by_type: dict[str, _Group] = defaultdict(_Group)
    for (etype, lane, bucket), n in sorted(counts.items()):
        nxt = date(bucket.year + 1, 1, 1) if yearly else (bucket + timedelta(days=32)).replace(
            day=1)
        group = by_type[etype]
        group.base.append(bucket.isoformat())
        group.x.append((nxt - bucket).days * _DAY_MS)
        group.y.append(lane)
        group.ids.append("")  # many events: nothing single to open
        period = str(bucket.year) if yearly else bucket.strftime("%B %Y")
        group.text.append(f"<b>{n} {_esc(etype)} event(s) with an interval</b><br>"
                          f"{_esc(lane)} · {period}<br>filter or zoom in to see each one")
    traces = []
    for etype, group in by_type.items():
        colour = _colour(etype)
        traces.append({
            "type": "bar", "base": group.base, "x": group.x, "y": group.y,
            "orientation": "h", "name": etype, "legendgroup": etype,
            "marker": {"color": _rgba(colour, 0.35), "line": {"color": colour, "width": 1}},
            "width": 0.8, "customdata": group.ids, "text": group.text, "textposition": "none",
            "hovertemplate": "%{text}<extra></extra>", "meta": {"kind": "aggregate", "type": etype},
        })
    return traces


def _status_key() -> list[dict[str, Any]]:
    """Legend entries explaining the marker shapes (the colours already name the types)."""
    traces: list[dict[str, Any]] = []
    for status, symbol in STATUS_SYMBOLS.items():
        trace: dict[str, Any] = {
            "type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": str(status),
            "legendgroup": "status", "hoverinfo": "skip", "meta": {"kind": "key"},
            "marker": {"symbol": symbol, "color": "#555", "size": 10,
                       "line": {"width": 2, "color": "#555"}},
        }
        if status == Status.OCCURRED:
            trace["legendgrouptitle"] = {"text": "status"}
        traces.append(trace)
    traces.append({
        "type": "bar", "x": [None], "y": [None], "orientation": "h", "name": "imprecise date",
        "legendgroup": "status", "hoverinfo": "skip", "meta": {"kind": "key"},
        "marker": {"color": _rgba("#555555", 0.25), "pattern": {"shape": "/"}},
    })
    return traces


def _legend_once_per_type(traces: list[dict[str, Any]]) -> None:
    """One legend entry per type, drawn by its plainest trace (an occurred marker if any)."""
    rank = {"marker": 0, "bar": 1, "aggregate": 2}
    best: dict[str, tuple[tuple[int, int], int]] = {}
    for i, trace in enumerate(traces):
        meta = trace["meta"]
        if meta["kind"] not in rank:
            continue
        score = (rank[meta["kind"]], 0 if meta.get("status", "occurred") == "occurred" else 1)
        if meta["type"] not in best or score < best[meta["type"]][0]:
            best[meta["type"]] = (score, i)
    chosen = {i for _, i in best.values()}
    for i, trace in enumerate(traces):
        if trace["meta"]["kind"] in rank:
            trace["showlegend"] = i in chosen


def _layout(order: list[str], lane_by: LaneBy) -> dict[str, Any]:
    return {
        "barmode": "overlay",
        # Lanes share at most ~1000 px so the date axis stays in view.
        "height": min(max(380, 26 * len(order) + 200), 1000),
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "legend": {"orientation": "v", "groupclick": "togglegroup"},
        "hovermode": "closest",
        "clickmode": "event+select",
        # Keep zoom and legend choices when the page reruns after a click.
        "uirevision": "timeline",
        "yaxis": {"title": {"text": lane_by}, "type": "category", "categoryorder": "array",
                  "categoryarray": order, "autorange": "reversed", "automargin": True},
        "xaxis": {
            "type": "date",
            "rangeselector": {"buttons": [
                {"count": 7, "label": "1w", "step": "day", "stepmode": "backward"},
                {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                {"step": "all", "label": "all"},
            ]},
            "rangeslider": {"visible": True, "thickness": 0.06},
        },
    }
