"""The timeline figure: markers for days, bars for intervals, statuses, lanes, clicks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
import pytest

from timeline.charts import (
    OTHER_LANE,
    STATUS_SYMBOLS,
    hover_text,
    selected_event_id,
    timeline_figure,
)
from timeline.store import EventRecord


def record(event_id: str, **fields: Any) -> EventRecord:
    data: dict[str, Any] = {
        "id": event_id, "type": "meeting", "date_start": date(2023, 5, 2),
        "title": f"Envoys sit down ({event_id})", "actors": [{"name": "Norway"}],
    }
    data.update(fields)
    return EventRecord.model_validate(data)


def drawn(fig: go.Figure, kind: str) -> list[Any]:
    return [t for t in fig.data if (t.meta or {}).get("kind") == kind]


def test_empty_input_gives_a_figure_with_a_message() -> None:
    fig = timeline_figure([])
    assert isinstance(fig, go.Figure)
    assert not drawn(fig, "marker") and not drawn(fig, "bar")
    assert "No events" in fig.layout.annotations[0].text


def test_one_day_event_is_a_marker_and_interval_is_a_bar() -> None:
    fig = timeline_figure([
        record("day1"),
        record("span1", date_end=date(2023, 5, 6), date_precision="range"),
    ])
    (marker,) = drawn(fig, "marker")
    (bar,) = drawn(fig, "bar")
    assert isinstance(marker, go.Scatter) and marker.mode == "markers"
    assert list(marker.customdata) == ["day1"]
    assert list(marker.x) == ["2023-05-02"]
    assert isinstance(bar, go.Bar) and bar.orientation == "h"
    assert list(bar.customdata) == ["span1"]
    assert list(bar.base) == ["2023-05-02"]
    # Five days, the last one included.
    assert list(bar.x) == [5 * 86_400_000]
    assert fig.layout.xaxis.type == "date"


def test_statuses_are_drawn_differently() -> None:
    fig = timeline_figure([
        record("occ"), record("plan", status="planned"), record("canc", status="cancelled"),
        record("bplan", status="planned", date_end=date(2023, 5, 9)),
        record("bocc", date_end=date(2023, 5, 9)),
    ])
    symbols = {t.meta["status"]: t.marker.symbol for t in drawn(fig, "marker")}
    assert symbols == {s: STATUS_SYMBOLS[s] for s in ("occurred", "planned", "cancelled")}
    assert len(set(symbols.values())) == 3
    bars = {t.meta["status"]: t for t in drawn(fig, "bar")}
    assert bars["planned"].marker.pattern.shape == "."
    assert not bars["occurred"].marker.pattern.shape
    assert bars["planned"].marker.color != bars["occurred"].marker.color


def test_imprecise_dates_are_translucent_and_hatched() -> None:
    fig = timeline_figure([
        record("month", date_start=date(2023, 6, 1), date_end=date(2023, 6, 30),
               date_precision="month", date_text="in June"),
        record("exact", date_start=date(2023, 6, 1), date_end=date(2023, 6, 3),
               date_precision="range"),
    ])
    bars = {t.customdata[0]: t for t in drawn(fig, "bar")}
    assert bars["month"].opacity < bars["exact"].opacity
    assert bars["month"].marker.pattern.shape == "/"
    assert bars["month"].meta["imprecise"] is True


def test_colour_follows_type() -> None:
    fig = timeline_figure([record("a", type="visit"), record("b", type="rejection")])
    colours = {t.meta["type"]: t.marker.color for t in drawn(fig, "marker")}
    assert colours["visit"] != colours["rejection"]


@pytest.mark.parametrize(
    ("lane_by", "expected"),
    [
        ("actor", {"Norway", "Cuba"}),
        ("type", {"meeting", "visit"}),
        ("place", {"Oslo", "(no place)"}),
    ],
)
def test_lanes(lane_by: str, expected: set[str]) -> None:
    events = [
        record("a", actors=[{"name": "Norway"}, {"name": "Cuba"}], location="Oslo"),
        record("b", type="visit"),
    ]
    fig = timeline_figure(events, lane_by)  # type: ignore[arg-type]
    lanes = {y for t in drawn(fig, "marker") for y in t.y}
    assert lanes == expected
    assert set(fig.layout.yaxis.categoryarray) == expected
    if lane_by == "actor":  # an event with two actors is in both lanes
        ids = [i for t in drawn(fig, "marker") for i in t.customdata]
        assert ids.count("a") == 2


def test_unknown_lane_is_refused() -> None:
    with pytest.raises(ValueError, match="lane_by"):
        timeline_figure([record("a")], "colour")  # type: ignore[arg-type]


def test_many_lanes_fold_into_other() -> None:
    events = [record(f"e{i}", actors=[{"name": f"Actor {i}"}]) for i in range(12)]
    fig = timeline_figure(events, "actor", max_lanes=5)
    order = list(fig.layout.yaxis.categoryarray)
    assert len(order) == 5 and order[-1] == OTHER_LANE


def test_many_markers_use_webgl() -> None:
    events = [record(f"e{i}", date_start=date(2023, 1, 1) + timedelta(days=i % 300))
              for i in range(50)]
    assert isinstance(drawn(timeline_figure(events, gl_threshold=10), "marker")[0], go.Scattergl)
    assert isinstance(drawn(timeline_figure(events, gl_threshold=100), "marker")[0], go.Scatter)


def test_many_intervals_are_aggregated() -> None:
    events = [record(f"e{i}", date_start=date(2023, 1, 1) + timedelta(days=i),
                     date_end=date(2023, 1, 3) + timedelta(days=i)) for i in range(60)]
    fig = timeline_figure(events, max_bars=10)
    assert not drawn(fig, "bar")
    agg = drawn(fig, "aggregate")
    assert agg and sum(len(t.y) for t in agg) < 60
    assert all(i == "" for t in agg for i in t.customdata)
    assert any("event(s)" in s for t in agg for s in t.text)


def test_hover_has_the_written_and_resolved_date_actors_place_and_outlet() -> None:
    ev = record("h", date_text="last Tuesday", location="Oslo", country="Norway",
                actors=[{"name": "Norway"}, {"name": "Cuba"}],
                sources=[{"url": "https://news.example/a", "outlet": "Example News"}])
    text = hover_text(ev)
    for part in ("last Tuesday", "2023-05-02", "Norway, Cuba", "Oslo", "Example News"):
        assert part in text
    fig = timeline_figure([ev])
    assert drawn(fig, "marker")[0].text[0] == text


def test_hover_escapes_markup() -> None:
    text = hover_text(record("x", title="<script>alert(1)</script> talks"))
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_selected_event_id_reads_the_clicked_point() -> None:
    assert selected_event_id(None) is None
    assert selected_event_id({"selection": {"points": []}}) is None
    assert selected_event_id({"selection": {"points": [{"customdata": "abc123"}]}}) == "abc123"
    assert selected_event_id({"selection": {"points": [{"customdata": ["abc123", 1]}]}}) \
        == "abc123"
    # Aggregated bars have no single event: skipped.
    state = {"selection": {"points": [{"customdata": ""}, {"customdata": "def456"}]}}
    assert selected_event_id(state) == "def456"


def test_unvalidated_big_figures_equal_validated_ones() -> None:
    events = [
        record("d", actors=[{"name": "Norway"}, {"name": "Cuba"}]),
        record("p", status="planned", date_end=date(2023, 5, 9), date_precision="week"),
        record("c", status="cancelled", type="visit", location="Oslo"),
    ]
    for lane in ("actor", "type", "place"):
        for gl in (0, 1000):  # plotly checks the WebGL traces' keys too
            checked = timeline_figure(events, lane, gl_threshold=gl)  # type: ignore[arg-type]
            fast = timeline_figure(events, lane, gl_threshold=gl,  # type: ignore[arg-type]
                                   validate_under=0)
            assert fast.to_dict() == checked.to_dict()
            assert [type(t) for t in fast.data] == [type(t) for t in checked.data]


def test_one_legend_entry_per_type() -> None:
    fig = timeline_figure([
        record("a"), record("b", status="planned"), record("c", date_end=date(2023, 5, 4)),
        record("d", type="visit", date_end=date(2023, 5, 4)),
    ])
    shown = [t for t in fig.data if t.showlegend and (t.meta or {}).get("kind") != "key"]
    assert sorted(t.meta["type"] for t in shown) == ["meeting", "visit"]
    # The meeting entry is its occurred marker (a dot, not a bar swatch).
    assert next(t for t in shown if t.meta["type"] == "meeting").meta == {
        "kind": "marker", "type": "meeting", "status": "occurred", "imprecise": False}


def test_compact_hover_for_many_events() -> None:
    events = [record("a", title="Talks <resume>"), record("b", date_end=date(2023, 5, 4))]
    fig = timeline_figure(events, compact_over=1)
    (marker,) = drawn(fig, "marker")
    assert list(marker.text) == ["Talks &lt;resume&gt;"]
    assert "meeting · occurred" in marker.hovertemplate and "%{x|%Y-%m-%d}" in marker.hovertemplate
    (bar,) = drawn(fig, "bar")  # bars keep their own dates in the text
    assert "2023-05-02 – 2023-05-04" in bar.text[0]
