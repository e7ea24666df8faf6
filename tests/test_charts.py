"""The timeline figure: markers for days, bars for intervals, statuses, lanes, clicks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
import pytest

from timeline.charts import (
    OTHER_LANE,
    STATUS_SYMBOLS,
    clicked_period,
    date_label,
    drag_period,
    hover_text,
    selected_event_id,
    timeline_figure,
    trend_figure,
    trend_unit,
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
        record("b", type="visit", actors=[{"name": "Cuba"}, {"name": "Norway"}]),
    ]
    fig = timeline_figure(events, lane_by)  # type: ignore[arg-type]
    lanes = {y for t in drawn(fig, "marker") for y in t.y}
    assert lanes == expected
    assert set(fig.layout.yaxis.categoryarray) == expected


def test_every_event_is_drawn_once() -> None:
    # Two actors do not make two marks: the event sits in the lane of the party that acted.
    events = [
        record("a", actors=[{"name": "Norway", "role": "mediator"},
                            {"name": "Cuba", "role": "initiator"}]),
        record("b", actors=[{"name": "Norway"}, {"name": "Cuba"}, {"name": "Chile"}],
               date_end=date(2023, 5, 9)),
    ]
    for lane in ("actor", "type", "place"):
        fig = timeline_figure(events, lane)  # type: ignore[arg-type]
        ids = [i for t in fig.data if (t.meta or {}).get("kind") in ("marker", "bar")
               for i in t.customdata]
        assert sorted(ids) == ["a", "b"], lane
    fig = timeline_figure(events, "actor")
    assert {t.customdata[0]: t.y[0] for t in fig.data if t.customdata} == {
        "a": "Cuba", "b": "Norway"}  # the initiator, else the first actor named
    assert not fig.layout.xaxis.rangeslider.visible  # no second copy of every mark


def test_lanes_by_type_are_the_default() -> None:
    fig = timeline_figure([record("a"), record("b", type="visit")])
    assert list(fig.layout.yaxis.categoryarray) == ["visit", "meeting"]  # vocabulary order


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


def test_more_events_than_can_be_told_apart_are_counted() -> None:
    events = [record(f"e{i}", date_start=date(2023, 1, 1) + timedelta(days=i % 90),
                     type="visit" if i % 3 else "meeting",
                     date_end=date(2023, 1, 3) + timedelta(days=i % 90) if i % 2 else None)
              for i in range(600)]
    fig = timeline_figure(events, "type", max_marks=100)
    assert not drawn(fig, "marker") and not drawn(fig, "bar")
    counts = drawn(fig, "count")
    assert counts and sum(len(t.y) for t in counts) < 100
    assert all(c[0] == "period" for t in counts for c in t.customdata)
    totals = sum(int(s.split("<b>")[1].split(" ")[0].replace(",", ""))
                 for t in counts for s in t.text)
    assert totals == 600  # every event counted once
    assert counts[0].meta["unit"] == "day"  # 90 days fit the columns day by day
    wide = timeline_figure(events, "type", max_marks=100,
                           period=(date(2013, 1, 1), date(2023, 12, 31)))
    assert drawn(wide, "count")[0].meta["unit"] == "month"


def test_period_sets_the_date_range() -> None:
    fig = timeline_figure([record("a")], period=(date(2023, 1, 1), date(2023, 12, 31)))
    first, last = fig.layout.xaxis.range
    assert first < "2023-01-01" and last > "2023-12-31"
    assert fig.layout.xaxis.fixedrange and fig.layout.selectdirection == "h"


def test_the_open_event_is_ringed() -> None:
    events = [record("a"), record("b", type="visit", date_end=date(2023, 5, 6))]
    assert not drawn(timeline_figure(events), "ring")
    (ring,) = drawn(timeline_figure(events, selected="b"), "ring")
    assert list(ring.customdata) == ["b"] and list(ring.y) == ["visit"]
    assert list(ring.x) == ["2023-05-04"]  # the middle of its interval
    assert not drawn(timeline_figure(events, selected="gone"), "ring")


def test_clicks_on_counts_and_drags_give_periods() -> None:
    click = {"selection": {"points": [{"customdata": ["period", "2023-03-01", "2023-03-31"]}]}}
    assert clicked_period(click) == (date(2023, 3, 1), date(2023, 3, 31))
    assert selected_event_id(click) is None
    assert clicked_period({"selection": {"points": [{"customdata": "abc"}]}}) is None
    drag = {"selection": {"points": [], "box": [
        {"x": ["2023-05-09 13:20:11.5", "2023-04-02"], "y": [0, 1]}]}}
    assert drag_period(drag) == (date(2023, 4, 2), date(2023, 5, 9))
    assert drag_period({"selection": {"box": []}}) is None
    assert drag_period(None) is None


def test_trend_counts_events_per_month_and_week_by_type() -> None:
    events = [record("a", date_start=date(2023, 1, 5)), record("b", date_start=date(2023, 1, 20)),
              record("c", date_start=date(2023, 3, 2), type="visit")]
    fig = trend_figure(events, "month")
    by_type = {t.meta["type"]: t for t in fig.data}
    assert list(by_type["meeting"].x) == ["2023-01-01", "2023-02-01", "2023-03-01"]
    assert list(by_type["meeting"].y) == [2, 0, 0]
    assert list(by_type["visit"].y) == [0, 0, 1]
    assert list(by_type["visit"].customdata[2]) == ["period", "2023-03-01", "2023-03-31"]
    assert fig.layout.barmode == "stack"
    weekly = trend_figure(events, "week")
    assert weekly.data[0].x[0] == "2023-01-02"  # weeks start on Monday
    assert sum(sum(t.y) for t in weekly.data) == 3
    assert trend_unit(events) == "week" and trend_unit(
        [*events, record("d", date_start=date(2024, 1, 1))]) == "month"
    assert "No events" in trend_figure([]).layout.annotations[0].text


@pytest.mark.parametrize(("fields", "label"), [
    pytest.param({}, "2 May 2023", id="day"),
    pytest.param({"date_end": date(2023, 5, 4)}, "2–4 May 2023", id="days"),
    pytest.param({"date_end": date(2023, 6, 4)}, "2 May – 4 Jun 2023", id="months"),
    pytest.param({"date_start": date(2023, 5, 1), "date_end": date(2023, 5, 31),
                  "date_precision": "month"}, "May 2023", id="month"),
    pytest.param({"date_start": date(2023, 5, 1), "date_end": date(2023, 5, 7),
                  "date_precision": "week"}, "week of 1 May 2023", id="week"),
])
def test_date_labels(fields: dict[str, Any], label: str) -> None:
    assert date_label(record("x", **fields)) == label


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
    assert selected_event_id({"selection": {"points": [{"customdata": ["abc123"]}]}}) \
        == "abc123"
    # Counts stand for many events: skipped.
    state = {"selection": {"points": [{"customdata": ["period", "2023-01-01", "2023-01-31"]},
                                      {"customdata": "def456"}]}}
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


def test_lane_names_are_text_not_markup() -> None:
    # Plotly draws category labels as a small HTML subset: a name must not become a link.
    name = '<a href="https://evil.example">Hamas</a>'
    for lane in ("actor", "place"):
        fig = timeline_figure([record("a", actors=[{"name": name}], location=name)],
                              lane)  # type: ignore[arg-type]
        labels = list(fig.layout.yaxis.categoryarray) + [y for t in fig.data for y in t.y or ()
                                                         if y is not None]
        assert labels and not any("<a" in label for label in labels), labels
        assert any("&lt;a href" in label for label in labels)
