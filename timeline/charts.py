"""Plotly figures of events: the timeline, the trend of events per week or month, their
hover text, and what a click or a drag on them means.

Imports plotly (and the vocabulary) only, never streamlit: the figures are built and
tested without a page, and the benchmark times exactly what the dashboard draws.

Drawing rules:

- time runs left to right; one lane per type (the default), actor or place;
- every event is drawn once, in one lane: its type, its place, or the party that acted
  (its first initiator, else its first actor). The quietest lanes beyond ``max_lanes``
  share one lane, so a wall of near-identical lanes cannot happen;
- colour says the type; the marker says the status: filled = occurred, open = planned,
  ``x`` = cancelled (bars: solid, dotted, crossed);
- a one-day event is a marker (a zero-length bar would be invisible); an event with an
  interval is a bar from its first day to the end of its last day; an imprecise date
  (week, month, quarter, year, unknown) is a translucent hatched bar over the interval;
- more events than can be told apart at the period shown are counted instead: one
  marker per lane and day, week, month, quarter or year, sized by the count and
  coloured by the commonest type; a click on it zooms to its period;
- every event's point carries its id in ``customdata`` so a click opens its details;
  a count's point carries its period as ``["period", first, last]``;
- names, titles and places are HTML-escaped: plotly reads labels and hover text as a
  small HTML subset, and a name must not become a link.
"""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

import plotly.graph_objects as go

from timeline.models import EventRow, date_words
from timeline.vocab import EventType, Precision, Status

if TYPE_CHECKING:  # the store pulls in SQLAlchemy; the figures only need the attributes
    from timeline.models import EventCreate

__all__ = [
    "LANE_CHOICES",
    "LaneBy",
    "Period",
    "STATUS_SYMBOLS",
    "TREND_UNITS",
    "TYPE_COLOURS",
    "TimelinePoint",
    "TrendUnit",
    "clicked_period",
    "date_label",
    "drag_period",
    "event_lane",
    "hover_text",
    "is_imprecise",
    "lane_order",
    "resolved_dates",
    "selected_event_id",
    "timeline_figure",
    "timeline_points",
    "trend_figure",
    "trend_unit",
]

LaneBy = Literal["type", "actor", "place"]
LANE_CHOICES: tuple[LaneBy, ...] = ("type", "actor", "place")
TrendUnit = Literal["week", "month"]
TREND_UNITS: tuple[TrendUnit, ...] = ("week", "month")
Period = tuple[date, date]  # first and last day, inclusive

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
OTHER_LANE = "(others)"
PERIOD_MARK = "period"  # customdata[0] of a point that stands for a period, not an event


def is_imprecise(precision: object) -> bool:
    """Whether the date is only known to a week, month, quarter, year (or not at all)."""
    return str(precision) in _IMPRECISE


TimelinePoint = EventRow  # the charts' name for a row of the store


def to_point(ev: EventCreate | TimelinePoint) -> TimelinePoint:
    """The point of an event record (``EventRecord`` or anything with its attributes).

    Actors come initiators first, as ``Store.timeline_rows`` gives them.
    """
    if isinstance(ev, EventRow):
        return ev
    actors = sorted(ev.actors, key=lambda a: a.role != "initiator")
    return TimelinePoint(
        ev.id,  # type: ignore[attr-defined]
        str(ev.type), str(ev.status), ev.date_start, ev.date_end or ev.date_start,
        str(ev.date_precision), ev.date_text or "", ev.title, tuple(a.name for a in actors),
        ev.location, ev.country,
        tuple(dict.fromkeys(s.outlet or _host(s.url) for s in ev.sources
                            if s.outlet or s.url)),
        str(ev.origin), len(ev.sources), tuple(getattr(ev, "tracks", ()) or ()),
    )


def timeline_points(events: Iterable[EventCreate | TimelinePoint]) -> list[TimelinePoint]:
    return [to_point(ev) for ev in events]


def event_lane(ev: TimelinePoint, lane_by: LaneBy) -> str:
    """The one lane an event is drawn in: its type, its place, or its first actor (the
    store lists initiators first, so this is the party that acted)."""
    if lane_by == "type":
        return ev.type
    if lane_by == "actor":
        return ev.actors[0] if ev.actors else NO_ACTOR
    return ev.location or ev.country or NO_PLACE


def lane_order(events: Sequence[TimelinePoint], lane_by: LaneBy, max_lanes: int = 12,
               ) -> tuple[list[str], dict[str, str]]:
    """Lanes top to bottom (types in their fixed order, others busiest first) and the lane
    each raw lane is drawn in: beyond ``max_lanes``, the quietest share ``OTHER_LANE``."""
    counts = Counter(event_lane(ev, lane_by) for ev in events)
    if lane_by == "type":
        order = [str(t) for t in EventType if str(t) in counts]
        order += sorted(set(counts) - set(order))
    else:
        order = [name for name, _ in counts.most_common()]
    rename = {name: name for name in order}
    if len(order) > max_lanes:
        for name in order[max_lanes - 1:]:
            rename[name] = OTHER_LANE
        order = order[:max_lanes - 1] + [OTHER_LANE]
    return order, rename


def _esc(text: object) -> str:
    # Plotly renders labels and hover text as a small HTML subset: words must not be tags.
    return html.escape(str(text), quote=False)


def resolved_dates(ev: EventCreate | TimelinePoint) -> str:
    end = ev.date_end or ev.date_start
    if end == ev.date_start:
        return ev.date_start.isoformat()
    return f"{ev.date_start.isoformat()} – {end.isoformat()}"


def date_label(ev: EventCreate | TimelinePoint) -> str:
    """The date as a reader wants it in a list: ``4 May 2024``, ``6–8 May 2024``,
    ``May 2024``, ``week of 4 May 2024``."""
    return date_words(ev.date_start, ev.date_end, ev.date_precision)


def hover_text(event: EventCreate | TimelinePoint) -> str:
    """Title, the date as written and as resolved, actors, place and source outlets."""
    ev = to_point(event)
    when = resolved_dates(ev)
    if ev.date_precision != Precision.DAY:
        when += f" ({ev.date_precision})"
    lines = [f"<b>{_esc(ev.title)}</b>", f"{_esc(ev.type)} · {_esc(ev.status)}"]
    if ev.date_text:
        lines.append(f"Date: “{_esc(ev.date_text)}” → {when}")
    else:
        lines.append(f"Date: {when}")
    if ev.actors:
        extra = len(ev.actors) - 6
        lines.append("Actors: " + _esc(", ".join(ev.actors[:6]))
                     + (f" +{extra}" if extra > 0 else ""))
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


# --- reading clicks and drags ----------------------------------------------------------


def _points(state: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    if not state:
        return []
    return list((state.get("selection") or {}).get("points") or [])


def selected_event_id(state: Mapping[str, Any] | None) -> str | None:
    """The event id of the first clicked event of a ``st.plotly_chart`` selection state.

    Points that stand for many events (counts, trend bars) are skipped.
    """
    for point in _points(state):
        data = point.get("customdata")
        if isinstance(data, list | tuple):
            data = data[0] if data else None
        if isinstance(data, str) and data and data != PERIOD_MARK:
            return data
    return None


def clicked_period(state: Mapping[str, Any] | None) -> Period | None:
    """The period of a clicked count or trend bar (``["period", first, last]``)."""
    for point in _points(state):
        data = point.get("customdata")
        if isinstance(data, list | tuple) and len(data) == 3 and data[0] == PERIOD_MARK:
            try:
                return date.fromisoformat(str(data[1])), date.fromisoformat(str(data[2]))
            except ValueError:
                return None
    return None


def drag_period(state: Mapping[str, Any] | None) -> Period | None:
    """The days a drag across the timeline covered (a box selection's x range)."""
    boxes = ((state or {}).get("selection") or {}).get("box") or []
    for box in boxes:
        xs = box.get("x") or []
        if len(xs) != 2:
            continue
        try:
            a, b = (date.fromisoformat(str(x)[:10]) for x in xs)
        except ValueError:
            continue
        return (a, b) if a <= b else (b, a)
    return None


# --- periods ---------------------------------------------------------------------------


def _unit_start(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def _unit_next(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start + timedelta(days=32)).replace(day=1)
    if unit == "quarter":
        return (start + timedelta(days=93)).replace(day=1)
    return date(start.year + 1, 1, 1)


def _unit_label(start: date, unit: str) -> str:
    if unit == "day":
        return f"{start.day} {start:%b %Y}"
    if unit == "week":
        return f"week of {start.day} {start:%b %Y}"
    if unit == "month":
        return f"{start:%B %Y}"
    if unit == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return str(start.year)


_UNIT_DAYS = (("day", 1), ("week", 7), ("month", 30.4), ("quarter", 91.3), ("year", 365.2))


def _extent(points: Sequence[TimelinePoint]) -> Period:
    return min(p.date_start for p in points), max(p.date_end for p in points)


# --- the timeline --------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    """The points of one trace."""

    x: list[Any] = field(default_factory=list)
    base: list[str] = field(default_factory=list)
    y: list[str] = field(default_factory=list)
    ids: list[Any] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    size: list[float] = field(default_factory=list)


def timeline_figure(
    events: Sequence[EventCreate | TimelinePoint],
    lane_by: LaneBy = "type",
    *,
    period: Period | None = None,
    selected: str | None = None,
    max_marks: int = 1500,
    max_lanes: int = 12,
    columns: int = 160,
    gl_threshold: int = 1000,
    validate_under: int = 2000,
) -> go.Figure:
    """The timeline of ``events`` (``TimelinePoint``s, or records converted here).

    ``period``: the days shown (default: the events' own extent). ``selected``: the id of
    the open event, ringed. Above ``max_marks`` events, events are counted per lane and
    the smallest of day, week, month, quarter and year that gives at most ``columns``
    columns over the period. ``gl_threshold``: above this many markers, WebGL.
    ``validate_under``: plotly checks every array element it is given, which costs more
    than building a big figure; bigger ones skip that check (same shape as small ones).
    """
    if lane_by not in LANE_CHOICES:
        raise ValueError(f"lane_by must be one of {', '.join(LANE_CHOICES)}, not {lane_by!r}")
    if not events:
        return _empty_figure("No events match these filters")

    points = timeline_points(events)
    shown = period or _extent(points)
    order, rename = lane_order(points, lane_by, max_lanes)
    if len(points) > max_marks:
        traces, unit = _count_traces(points, lane_by, rename, shown, columns), "counted"
    else:
        traces, unit = _event_traces(points, lane_by, rename, gl_threshold), ""
    ring = next((p for p in points if p.id == selected), None) if selected else None
    if ring is not None:
        traces.append(_ring_trace(ring, rename[event_lane(ring, lane_by)]))
    traces += _status_key(counted=bool(unit))
    _legend_once_per_type(traces)
    n = sum(len(t.get("y") or ()) for t in traces)
    return go.Figure({"data": traces, "layout": _layout(order, lane_by, shown)},
                     _validate=n < validate_under)


def _empty_figure(message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper",
                       yref="paper", font={"size": 16})
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=260,
                      margin={"l": 10, "r": 10, "t": 30, "b": 10})
    return fig


def _event_traces(points: Sequence[TimelinePoint], lane_by: LaneBy, rename: dict[str, str],
                  gl_threshold: int) -> list[dict[str, Any]]:
    """One mark per event: a marker for a day, a bar for an interval."""
    markers: dict[tuple[str, str, bool], _Group] = defaultdict(_Group)
    bars: dict[tuple[str, str, bool], _Group] = defaultdict(_Group)
    for ev in points:
        lane = _esc(rename[event_lane(ev, lane_by)])
        key = (ev.type, ev.status, ev.date_precision in _IMPRECISE)
        if ev.date_end == ev.date_start:
            group = markers[key]
            group.x.append(ev.date_start.isoformat())
        else:
            group = bars[key]
            group.base.append(ev.date_start.isoformat())
            group.x.append(((ev.date_end - ev.date_start).days + 1) * _DAY_MS)
        group.y.append(lane)
        group.ids.append(ev.id)
        group.text.append(hover_text(ev))
    n_markers = sum(len(g.y) for g in markers.values())
    kind = "scattergl" if n_markers > gl_threshold else "scatter"
    return ([_bar_trace(t, s, imp, g) for (t, s, imp), g in sorted(bars.items())]
            + [_marker_trace(kind, t, s, imp, g) for (t, s, imp), g in sorted(markers.items())])


def _count_traces(points: Sequence[TimelinePoint], lane_by: LaneBy, rename: dict[str, str],
                  shown: Period, columns: int) -> list[dict[str, Any]]:
    """Too many events to tell apart: one marker per lane and period with the count."""
    span = (shown[1] - shown[0]).days + 1
    unit = next((u for u, days in _UNIT_DAYS if span / days <= columns), "year")
    cells: dict[tuple[str, date], Counter[str]] = defaultdict(Counter)
    starts: dict[date, date] = {}
    for ev in points:
        day = ev.date_start
        start = starts.get(day)
        if start is None:
            start = starts[day] = _unit_start(day, unit)
        cells[(rename[event_lane(ev, lane_by)], start)][ev.type] += 1
    biggest = max(sum(c.values()) for c in cells.values())
    by_type: dict[str, _Group] = defaultdict(_Group)
    for (lane, start), counts in sorted(cells.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        total = sum(counts.values())
        top = counts.most_common(1)[0][0]
        last = _unit_next(start, unit) - timedelta(days=1)
        group = by_type[top]
        group.x.append(start.isoformat())
        group.y.append(_esc(lane))
        group.size.append(round(6 + 18 * math.sqrt(total / biggest), 1))
        group.ids.append([PERIOD_MARK, start.isoformat(), last.isoformat()])
        mix = " · ".join(f"{t} {n:,}" for t, n in counts.most_common(4))
        group.text.append(f"<b>{total:,} events</b> · {_unit_label(start, unit)}<br>{mix}")
    return [{
        "type": "scattergl" if len(g.y) > 1000 else "scatter", "x": g.x, "y": g.y,
        "mode": "markers", "name": etype, "legendgroup": etype, "customdata": g.ids,
        "text": g.text, "hovertemplate": "%{text}<br><i>click to zoom in</i><extra></extra>",
        "marker": {"color": _colour(etype), "size": g.size, "opacity": 0.7,
                   "line": {"width": 0}},
        "meta": {"kind": "count", "type": etype, "unit": unit},
    } for etype, g in sorted(by_type.items())]


def _colour(etype: str) -> str:
    return TYPE_COLOURS.get(etype, _FALLBACK_COLOUR)


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _marker_trace(kind: str, etype: str, status: str, imprecise: bool, group: _Group,
                  ) -> dict[str, Any]:
    colour = _colour(etype)
    marker: dict[str, Any] = {"color": colour, "symbol": STATUS_SYMBOLS.get(status, "circle"),
                              "size": 12, "line": {"width": 2, "color": colour}}
    if imprecise:  # a day that is not really known: fainter
        marker["opacity"] = 0.45
    return {
        "type": kind, "x": group.x, "y": group.y, "mode": "markers", "marker": marker,
        "name": etype, "legendgroup": etype, "customdata": group.ids, "text": group.text,
        "hovertemplate": "%{text}<extra></extra>",
        # After a click plotly fades the other points; only a little, they are still data.
        "unselected": {"marker": {"opacity": 0.5}},
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
        "width": 0.7 if imprecise else 0.45, "name": etype, "legendgroup": etype,
        "customdata": group.ids, "text": group.text, "textposition": "none",
        "hovertemplate": "%{text}<extra></extra>",
        "unselected": {"marker": {"opacity": 0.5}},
        "meta": {"kind": "bar", "type": etype, "status": status, "imprecise": imprecise},
    }


def _ring_trace(ev: TimelinePoint, lane: str) -> dict[str, Any]:
    """A ring around the open event, wherever its details were opened from."""
    middle = ev.date_start + (ev.date_end - ev.date_start) / 2
    return {
        "type": "scatter", "x": [middle.isoformat()], "y": [_esc(lane)], "mode": "markers",
        "marker": {"symbol": "circle-open", "size": 26, "color": "#111",
                   "line": {"width": 3, "color": "#111"}},
        "customdata": [ev.id], "hoverinfo": "skip", "showlegend": False,
        "meta": {"kind": "ring"},
    }


def _status_key(counted: bool = False) -> list[dict[str, Any]]:
    """Legend entries explaining the marker shapes (the colours already name the types)."""
    if counted:
        return [{"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                 "name": "size = number of events", "hoverinfo": "skip",
                 "marker": {"color": "#777", "size": 12}, "meta": {"kind": "key"}}]
    traces: list[dict[str, Any]] = []
    for status, symbol in STATUS_SYMBOLS.items():
        traces.append({
            "type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": str(status),
            "legendgroup": "status", "hoverinfo": "skip", "meta": {"kind": "key"},
            "marker": {"symbol": symbol, "color": "#555", "size": 10,
                       "line": {"width": 2, "color": "#555"}},
        })
    traces.append({
        "type": "bar", "x": [None], "y": [None], "orientation": "h", "name": "imprecise date",
        "legendgroup": "status", "hoverinfo": "skip", "meta": {"kind": "key"},
        "marker": {"color": _rgba("#555555", 0.25), "pattern": {"shape": "/"}},
    })
    return traces


def _legend_once_per_type(traces: list[dict[str, Any]]) -> None:
    """One legend entry per type, drawn by its plainest trace (an occurred marker if any)."""
    rank = {"marker": 0, "bar": 1, "count": 2}
    best: dict[str, tuple[tuple[int, int], int]] = {}
    for i, trace in enumerate(traces):
        meta = trace["meta"]
        if meta["kind"] not in rank:
            continue
        score = (rank[meta["kind"]], 0 if meta.get("status", "occurred") == "occurred" else 1)
        if meta["type"] not in best or score < best[meta["type"]][0]:
            best[meta["type"]] = (score, i)
    chosen = {i for _, i in best.values()}
    order = {str(t): n for n, t in enumerate(EventType)}
    for i, trace in enumerate(traces):
        if trace["meta"]["kind"] in rank:
            trace["showlegend"] = i in chosen
            # Types in the order of the lanes, whatever the order of the traces.
            trace["legendrank"] = 100 + order.get(trace["meta"]["type"], len(order))


def _x_range(shown: Period) -> list[str]:
    first, last = shown
    pad = max(1, round(((last - first).days + 1) * 0.02))
    return [(first - timedelta(days=pad)).isoformat(),
            (last + timedelta(days=pad + 1)).isoformat()]


def _layout(order: list[str], lane_by: LaneBy, shown: Period) -> dict[str, Any]:
    return {
        "barmode": "overlay",
        # Short enough that the lanes and the date axis fit a laptop screen with the page
        # header above them.
        # The legend (types and statuses, twelve lines) sets the least.
        "height": min(max(390, 32 * len(order) + 90), 520),
        "margin": {"l": 10, "r": 10, "t": 28, "b": 10},  # the tool bar above the legend
        "legend": {"orientation": "v", "groupclick": "togglegroup", "tracegroupgap": 6},
        "hovermode": "closest",
        "clickmode": "event+select",
        # The chart never zooms on its own, so the list beside it always shows what the
        # chart shows: a click opens an event, and the box tool's drag picks a period
        # that the page then shows. (In the select drag mode streamlit takes no clicks.)
        "dragmode": "pan",
        "selectdirection": "h",
        "yaxis": {"title": {"text": lane_by}, "type": "category", "categoryorder": "array",
                  "categoryarray": [_esc(name) for name in order], "autorange": "reversed",
                  "automargin": True, "fixedrange": True},
        "xaxis": {"type": "date", "range": _x_range(shown), "fixedrange": True,
                  "showgrid": True, "automargin": True},
    }


# --- the trend -----------------------------------------------------------------------


def trend_unit(events: Sequence[EventCreate | TimelinePoint]) -> TrendUnit:
    """Weeks for up to half a year of events, months beyond."""
    if not events:
        return "month"
    first = min(e.date_start for e in events)
    last = max(e.date_end or e.date_start for e in events)
    return "week" if (last - first).days <= 183 else "month"


def trend_figure(events: Sequence[EventCreate | TimelinePoint], unit: TrendUnit = "month",
                 ) -> go.Figure:
    """Events per week or month (by the first day of each), stacked by type. A bar's
    ``customdata`` is its period, so a click can zoom the timeline to it."""
    if unit not in TREND_UNITS:
        raise ValueError(f"unit must be one of {', '.join(TREND_UNITS)}, not {unit!r}")
    if not events:
        return _empty_figure("No events match these filters")
    counts: Counter[tuple[str, date]] = Counter()
    for ev in events:
        counts[(str(ev.type), _unit_start(ev.date_start, unit))] += 1
    first = _unit_start(min(e.date_start for e in events), unit)
    last = _unit_start(max(e.date_start for e in events), unit)
    periods = [first]
    while periods[-1] < last:
        periods.append(_unit_next(periods[-1], unit))
    present = {t for t, _ in counts}
    types = [str(t) for t in EventType if str(t) in present] + sorted(
        present - {str(t) for t in EventType})
    traces = []
    for etype in types:
        ys = [counts.get((etype, p), 0) for p in periods]
        traces.append({
            "type": "bar", "name": etype, "marker": {"color": _colour(etype)},
            "x": [p.isoformat() for p in periods], "y": ys,
            "customdata": [[PERIOD_MARK, p.isoformat(),
                            (_unit_next(p, unit) - timedelta(days=1)).isoformat()]
                           for p in periods],
            "text": [_unit_label(p, unit) for p in periods], "textposition": "none",
            "hovertemplate": f"%{{text}}<br>{_esc(etype)}: %{{y}}<extra></extra>",
            # Each bar spans its week or month, not a point in time.
            "xperiod": "M1" if unit == "month" else 7 * _DAY_MS,
            "xperiod0": periods[0].isoformat(), "xperiodalignment": "middle",
            "meta": {"kind": "trend", "type": etype, "unit": unit},
        })
    return go.Figure({"data": traces, "layout": {
        "barmode": "stack", "height": 320, "bargap": 0.15,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0,
                   "traceorder": "normal"},
        "yaxis": {"title": {"text": f"events per {unit}"}, "rangemode": "tozero",
                  "fixedrange": True},
        "xaxis": {"type": "date", "fixedrange": True},
        "hovermode": "closest", "clickmode": "event+select", "dragmode": "pan",
    }})
