"""What the dashboard shows, without Streamlit: plain functions the page calls.

Links <-> filters (a view is shared as its URL), form values <-> validated events, chart
and table clicks -> the open event, uploads -> articles, and text made safe to show.
Everything here is unit tested without a browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from timeline.charts import LANE_CHOICES, LaneBy, selected_event_id
from timeline.export import events_to_csv, parse_actors
from timeline.models import EventCreate
from timeline.sources.html import html_to_article
from timeline.store import EventFilter, EventRecord
from timeline.vocab import EventType, Origin, Status

__all__ = [
    "FORM_FIELDS",
    "ORIGINS",
    "STATUSES",
    "TYPES",
    "UploadedArticle",
    "apply_chart_selection",
    "csv_bytes",
    "field_errors",
    "filter_from_params",
    "find_events",
    "form_to_data",
    "md_escape",
    "params_from_filter",
    "read_html",
    "safe_link",
    "split_actors",
    "table_pick",
    "upload_text",
    "url_host",
    "validate_form",
]

TYPES = [t.value for t in EventType]
STATUSES = [s.value for s in Status]
ORIGINS = [o.value for o in Origin]
FORM_FIELDS = ("type", "status", "date_start", "date_end", "date_precision", "date_text",
               "title", "actors", "location", "country", "confidence", "sources")


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
        values = [v for v in params.get(key, []) if v.strip()]
        return [v for v in values if v in allowed] if allowed is not None else values

    text = " ".join(params.get("q", [])).strip() or None
    lane_values = pick("lanes", LANE_CHOICES)
    lane: LaneBy = lane_values[0] if lane_values else "actor"  # type: ignore[assignment]
    flt = EventFilter(
        since=day("since"), until=day("until"), types=pick("type", TYPES),
        actors=pick("actor"), locations=pick("place"), statuses=pick("status", STATUSES),
        origins=pick("origin", ORIGINS), text=text,
    )
    return flt, lane


def params_from_filter(flt: EventFilter, lane: LaneBy) -> dict[str, list[str]]:
    """The query parameters of a view (empty filters are left out to keep links short)."""
    params: dict[str, list[str]] = {}
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
    if lane != "actor":
        params["lanes"] = [lane]
    return params


def csv_bytes(events: Iterable[EventRecord]) -> bytes:
    """What the download button serves: the bytes ``timeline export`` writes."""
    return events_to_csv(events).encode("utf-8")


def apply_chart_selection(state: Mapping[str, Any] | None,
                          session: MutableMapping[str, Any], source: str = "chart") -> str | None:
    """Open the clicked event: set ``session["selected_id"]`` when a new point is clicked.

    The chart keeps its selection across reruns, so only a *new* click (different from
    the last one seen from this ``source``) changes the open event: a later pick in the
    table is not undone by the chart's old selection.
    """
    clicked = selected_event_id(state)
    last_key = f"_last_{source}_pick"
    if clicked and clicked != session.get(last_key):
        session["selected_id"] = clicked
    session[last_key] = clicked
    return session.get("selected_id")


def table_pick(state: Mapping[str, Any] | None, ids: Sequence[str]) -> dict[str, Any] | None:
    """A data frame row selection as a chart-like state, so one handler serves both."""
    rows = ((state or {}).get("selection") or {}).get("rows") or []
    if not rows or rows[0] >= len(ids):
        return None
    return {"selection": {"points": [{"customdata": ids[rows[0]]}]}}


def split_actors(text: str) -> list[dict[str, str]]:
    """``Name [kind/role]`` items, one per line or separated by ``;`` (the CSV notation)."""
    return parse_actors(text.replace("\n", ";"))


def form_to_data(values: Mapping[str, Any], origin: str = "manual") -> dict[str, Any]:
    """Raw form values to the dict ``EventCreate.model_validate`` checks."""
    source = {k: (values.get(f"source_{k}") or "").strip() for k in ("url", "outlet", "evidence")}
    data: dict[str, Any] = {
        "type": values.get("type"),
        "status": values.get("status") or "occurred",
        "date_start": values.get("date_start"),
        "date_end": values.get("date_end") or None,
        "date_precision": values.get("date_precision") or "day",
        "date_text": values.get("date_text") or "",
        "title": values.get("title") or "",
        "actors": split_actors(values.get("actors") or ""),
        "location": (values.get("location") or "").strip() or None,
        "country": (values.get("country") or "").strip() or None,
        "confidence": values.get("confidence", 1.0),
        "origin": origin,
        "sources": [{k: v or None for k, v in source.items()} | {
            "evidence": source["evidence"]}] if any(source.values()) else [],
    }
    return data


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


def validate_form(values: Mapping[str, Any], origin: str = "manual",
                  ) -> tuple[EventCreate | None, dict[str, list[str]]]:
    """The event a form describes, or the messages to show beside its fields."""
    try:
        return EventCreate.model_validate(form_to_data(values, origin)), {}
    except ValidationError as err:
        return None, field_errors(err)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md_escape(text: object) -> str:
    """Text shown literally inside markdown (no links, tags, emphasis or maths)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text).replace("\n", " "))


def safe_link(url: str | None) -> str | None:
    """Only web links become clickable; anything else (``javascript:``...) stays text."""
    if url and re.match(r"^https?://[^\s]+$", url.strip(), re.I):
        return url.strip()
    return None


@dataclass(slots=True)
class UploadedArticle:
    """The text of an uploaded file, with what its page said about itself (HTML only)."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


def url_host(url: str | None) -> str:
    """``news.example`` of ``https://news.example/a``: a name for a source without one."""
    if not url or "://" not in url:
        return ""
    return url.split("://", 1)[1].split("/", 1)[0]


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
