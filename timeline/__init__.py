"""negotiation-timeline: news about diplomatic negotiations -> a dated, sourced timeline.

The library behind the ``timeline`` command and the dashboard::

    from timeline import open_store, EventFilter
    with open_store("timeline.db") as store:
        for event in store.query(EventFilter(types=["meeting"], actors=["Qatar"])):
            print(event.date_start, event.title)

Names are imported on first use (PEP 562), so that ``import timeline.temporal`` or a
command that never opens the database does not pay for SQLAlchemy and Pydantic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_WHERE = {
    "ActorKind": "timeline.vocab", "EventType": "timeline.vocab", "Origin": "timeline.vocab",
    "Precision": "timeline.vocab", "Role": "timeline.vocab", "Status": "timeline.vocab",
    "ImportFailed": "timeline.errors", "InvalidInput": "timeline.errors",
    "NotFound": "timeline.errors", "SourceError": "timeline.errors",
    "TimelineError": "timeline.errors",
    "ActorRef": "timeline.models", "EventCreate": "timeline.models",
    "SourceRef": "timeline.models",
    "EventFilter": "timeline.models", "EventRecord": "timeline.models",
    "Store": "timeline.store", "open_store": "timeline.store",
}

__all__ = [
    "ActorKind",
    "ActorRef",
    "EventCreate",
    "EventFilter",
    "EventRecord",
    "EventType",
    "ImportFailed",
    "InvalidInput",
    "NotFound",
    "Origin",
    "Precision",
    "Role",
    "SourceError",
    "SourceRef",
    "Status",
    "Store",
    "TimelineError",
    "open_store",
]

if TYPE_CHECKING:
    from timeline.errors import ImportFailed, InvalidInput, NotFound, SourceError, TimelineError
    from timeline.models import ActorRef, EventCreate, EventFilter, EventRecord, SourceRef
    from timeline.store import Store, open_store
    from timeline.vocab import ActorKind, EventType, Origin, Precision, Role, Status


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
