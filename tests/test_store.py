from datetime import date

import pytest

from timeline.errors import InvalidInput, NotFound
from timeline.models import Origin
from timeline.store import EventFilter, Store

from .conftest import make_event


def test_add_and_get_round_trip(store: Store) -> None:
    eid = store.add(make_event())
    got = store.get(eid)
    assert got.title == "Hamas delegation arrives in Cairo"
    assert [(a.name, a.role) for a in got.actors] == [("Hamas", "initiator"), ("Egypt", "host")]
    assert got.sources[0].url == "https://example.org/a"
    assert store.get(eid[:6]).id == eid


def _three(store: Store) -> list[str]:
    return [
        store.add(make_event()),
        store.add(make_event(type="meeting", date_start="2024-06-10", date_end="2024-06-12",
                             title="Talks in Doha", location="Doha", country="Qatar",
                             actors=[{"name": "Qatar", "role": "mediator"}, {"name": "Israel"}],
                             status="planned")),
        store.add(make_event(type="statement", date_start="2024-07-01", title="Hamas says no",
                             location=None, country=None, origin="extracted",
                             actors=[{"name": "Hamas"}],
                             sources=[{"evidence": "Officials dismissed the draft."}])),
    ]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        pytest.param(EventFilter(), [2, 1, 0], id="all-newest-first"),
        pytest.param(EventFilter(since=date(2024, 6, 11)), [2, 1], id="since-overlaps"),
        pytest.param(EventFilter(until=date(2024, 6, 10)), [1, 0], id="until"),
        pytest.param(EventFilter(types=["meeting"]), [1], id="type"),
        pytest.param(EventFilter(actors=["hamas"]), [2, 0], id="actor-any-case"),
        pytest.param(EventFilter(locations=["Qatar"]), [1], id="location-by-country"),
        pytest.param(EventFilter(statuses=["planned"]), [1], id="status"),
        pytest.param(EventFilter(origins=["extracted"]), [2], id="origin"),
        pytest.param(EventFilter(text="DISMISSED"), [2], id="text-in-evidence"),
        pytest.param(EventFilter(text="doha"), [1], id="text-in-title"),
        pytest.param(EventFilter(limit=1), [2], id="limit"),
    ],
)
def test_filters(store: Store, flt: EventFilter, expected: list[int]) -> None:
    ids = _three(store)
    assert [e.id for e in store.query(flt)] == [ids[i] for i in expected]


def test_edit_validates_the_whole_event_and_marks_it_manual(store: Store) -> None:
    eid = store.add(make_event(origin="extracted"))
    with pytest.raises(InvalidInput, match="before date_start"):
        store.update(eid, {"date_end": date(2024, 1, 1)})
    assert store.get(eid).date_end == date(2024, 5, 4)
    got = store.update(eid, {"title": "Hamas team lands in Cairo",
                             "actors": [{"name": "Hamas"}]})
    assert got.title == "Hamas team lands in Cairo"
    assert got.origin is Origin.MANUAL
    assert [a.name for a in got.actors] == ["Hamas"]


def test_delete_and_unknown_ids(store: Store) -> None:
    eid = store.add(make_event())
    store.delete(eid)
    with pytest.raises(NotFound, match="no event with id"):
        store.get(eid)
    with pytest.raises(NotFound):
        store.delete("nope")


def test_add_many_is_idempotent_and_atomic(store: Store) -> None:
    ev = make_event()
    assert store.add_many([(None, ev)]) == (1, 0)
    assert store.add_many([(None, ev)]) == (0, 1)
    broken = make_event(title="bad").model_copy(update={"date_start": None})
    with pytest.raises(Exception):  # noqa: B017 - any failure must roll back the batch
        store.add_many([(None, make_event(title="new")), ("bad1", broken)])
    assert store.count() == 1


def test_timeline_rows_agree_with_query(store: Store) -> None:
    _three(store)
    for flt in (EventFilter(), EventFilter(types=["meeting"]), EventFilter(limit=2),
                EventFilter(text="dismissed"),
                EventFilter(actors=["Hamas"], since=date(2024, 5, 1))):
        rows = store.timeline_rows(flt)
        records = store.query(flt)
        assert [r[0] for r in rows] == [e.id for e in records]
        for row, ev in zip(rows, records, strict=True):
            assert sorted(row.actors) == sorted(a.name for a in ev.actors)
            assert row.sources == len(ev.sources)
            assert row.outlets == tuple(dict.fromkeys(
                s.outlet or (s.url or "").split("/")[2] for s in ev.sources
                if s.outlet or s.url))


def test_reports_appended_to_a_stored_event_follow_its_sources(store: Store) -> None:
    from timeline.models import SourceRef

    eid = store.add(make_event(origin="extracted",
                               sources=[{"evidence": "One."}, {"evidence": "Two."}]))
    own = store.add(make_event(title="Entered by hand", sources=[{"evidence": "Mine."}]))
    with store.writing() as w:
        added = w.add_sources([(eid, SourceRef(evidence="Three.")),
                               (own, SourceRef(evidence="Not mine.")),
                               (eid, SourceRef(evidence="Four."))])
    assert added == 2
    assert [s.evidence for s in store.get(eid).sources] == ["One.", "Two.", "Three.", "Four."]
    assert [s.evidence for s in store.get(own).sources] == ["Mine."]
    assert [e.id for e in store.query(EventFilter(text="four"))] == [eid]


def test_text_search_finds_words_of_every_report(store: Store) -> None:
    from timeline.models import SourceRef

    eid = store.add(make_event(origin="extracted", sources=[{"evidence": "Envoys met."}]))
    with store.writing() as w:
        w.add_sources([(eid, SourceRef(evidence="Mediators in Doha confirmed the round."))])
        w.add_sources([(eid, SourceRef(evidence="Doha again; envoys again."))])
    for words in ("envoys", "doha mediators", "confirm", "arrives"):  # title words too
        assert [e.id for e in store.query(EventFilter(text=words))] == [eid], words
    assert store.query(EventFilter(text="Muscat")) == []
