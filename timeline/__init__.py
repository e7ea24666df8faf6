"""negotiation-timeline: news about diplomatic negotiations -> a dated, sourced timeline.

The library behind the ``timeline`` command and the dashboard::

    from timeline import open_store, EventFilter
    with open_store("timeline.db") as store:
        for event in store.query(EventFilter(types=["meeting"], actors=["Qatar"])):
            print(event.date_start, event.title)
"""

from timeline.errors import ImportFailed, InvalidInput, NotFound, SourceError, TimelineError
from timeline.models import ActorRef, EventCreate, SourceRef
from timeline.store import EventFilter, EventRecord, Store, open_store
from timeline.vocab import ActorKind, EventType, Origin, Precision, Role, Status

__version__ = "0.1.0"

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
