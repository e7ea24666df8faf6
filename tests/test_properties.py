"""Generated input for the importer and the command line (hypothesis, seeded).

Whatever the file or the arguments, the answer is a result or a one-line refusal, never a
traceback; a refused import changes nothing; and every event that can be stored comes back
from an export unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import ImportFailed
from timeline.export import CSV_COLUMNS, events_to_csv
from timeline.ingest import import_text
from timeline.models import EventCreate
from timeline.store import Store

from .conftest import make_event

SEEDED = settings(derandomize=True, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow,
                                         HealthCheck.function_scoped_fixture])

# Text as files carry it: any character, with the ones CSV and JSON make awkward up front.
AWKWARD = st.sampled_from(["", " ", ",", '"', "'", "\n", "\r\n", "\x00", "\ud800", "=", "@",
                           ";", "[", "]", "/", ":", "\t", "é", "Ω", "停", "🙂", "2024-02-30",
                           "9999-12-31", "0", "-1", "1e309", "nan", "meeting", "Hamas"])
TEXT = st.one_of(st.text(max_size=30), AWKWARD,
                 st.lists(AWKWARD, max_size=6).map("".join))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('prop') / 'p.db'}")
    s.add(make_event())
    yield s
    s.close()


def _import_keeps_store_consistent(store: Store, text: str, fmt: str) -> None:
    before = store.count()
    try:
        report = import_text(store, text, fmt)
    except ImportFailed as err:
        assert err.problems
        assert store.count() == before  # refused: nothing written
        return
    assert store.count() == before + report.added


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    columns = list(CSV_COLUMNS) + ["extra", "Title", " date_start "]
    header = draw(st.lists(st.sampled_from(columns), min_size=0, max_size=18))
    if draw(st.booleans()):
        header = ["date_start", "type", "title", "actors", *header]
    rows = draw(st.lists(st.lists(TEXT, min_size=0, max_size=len(header) + 2), max_size=5))
    cells = [header, *rows]
    quote = draw(st.booleans())

    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if quote or any(
            c in value for c in ',"\r\n') else value

    return "".join(",".join(cell(c) for c in row) + "\r\n" for row in cells)


@settings(SEEDED, max_examples=2500)
@given(text=csv_files())
def test_generated_csv_imports_or_is_refused_whole(store: Store, text: str) -> None:
    _import_keeps_store_consistent(store, text, "csv")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12)
EVENT_KEYS = ["id", "type", "status", "date_start", "date_end", "date_precision", "title",
              "actors", "location", "country", "confidence", "origin", "sources", "tracks"]


@st.composite
def json_files(draw: st.DrawFn) -> str:
    def event() -> dict[str, object]:
        keys = draw(st.lists(st.sampled_from(EVENT_KEYS), max_size=len(EVENT_KEYS)))
        item: dict[str, object] = {k: draw(JSON_VALUES) for k in keys}
        if draw(st.booleans()):
            item.update({"type": draw(st.sampled_from(["meeting", "visit", "Summit", ""])),
                         "date_start": draw(st.sampled_from(["2024-01-02", "2024-13-01",
                                                             "", "2024-02-29"])),
                         "title": draw(TEXT), "actors": [{"name": draw(TEXT)}]})
        return item

    top = draw(st.sampled_from(["list", "wrapped", "value"]))
    events = [event() for _ in range(draw(st.integers(0, 4)))]
    data: object = events if top == "list" else {"events": events} if top == "wrapped" \
        else draw(JSON_VALUES)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    cut = draw(st.integers(0, 3))
    return text[:-cut] if cut and len(text) > cut else text


@settings(SEEDED, max_examples=2500)
@given(text=json_files())
def test_generated_json_imports_or_is_refused_whole(store: Store, text: str) -> None:
    _import_keeps_store_consistent(store, text, "json")


# Text a database and a CSV cell can carry: anything but NUL, other controls and surrogates.
STORABLE = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    ["\n", "\t", ",", '"', "=", "'", "@"]), min_size=1, max_size=40).filter(
    lambda s: s.strip() and "\r" not in s)


@st.composite
def events(draw: st.DrawFn) -> EventCreate:
    names = draw(st.lists(STORABLE.filter(lambda s: "[" not in s and ";" not in s
                                          and ":" not in s and "\n" not in s),
                          min_size=1, max_size=3))
    start = draw(st.dates(min_value=date(1900, 1, 1)))
    return make_event(
        type=draw(st.sampled_from(["visit", "meeting", "statement", "ceasefire"])),
        date_start=start.isoformat(), title=draw(STORABLE),
        date_text=draw(st.sampled_from(["", "on Thursday", "=1", "-3 days"])),
        actors=[{"name": n} for n in names],
        location=draw(st.none() | STORABLE.filter(lambda s: "\n" not in s)), country=None,
        sources=[{"url": None, "evidence": draw(STORABLE.filter(lambda s: "\n" not in s))}])


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store]]:
    base = tmp_path_factory.mktemp("rt")
    first, second = Store(f"sqlite:///{base / 'a.db'}"), Store(f"sqlite:///{base / 'b.db'}")
    yield first, second
    first.close()
    second.close()


@settings(SEEDED, max_examples=500)
@given(batch=st.lists(events(), min_size=1, max_size=3))
def test_what_is_stored_comes_back_from_an_export(two_stores: tuple[Store, Store],
                                                  batch: list[EventCreate]) -> None:
    first, second = two_stores
    for store in two_stores:
        with store.writing() as w:
            w.delete_events([e.id for e in store.query()])
    for ev in batch:
        first.add(ev)
    text = events_to_csv(first.query())
    import_text(second, text, "csv")
    assert events_to_csv(second.query()) == text


ARGS = st.one_of(TEXT, st.sampled_from(["--limit", "0", "-1", "99999999999999999999",
                                        "--type", "visit", "--date", "2024-02-30",
                                        "--since", "--until", "--text", "%", "--actor",
                                        "--format", "json", "--all", "--offset"]))


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "c.db")
    CliRunner().invoke(app, ["--db", db, "add", "--type", "visit", "--date", "2024-01-01",
                             "--actor", "A", "--title", "t"])
    return db


@settings(SEEDED, max_examples=1500)
@given(command=st.sampled_from(["list", "add", "export", "show", "edit", "delete", "track",
                                "dates", "extract"]),
       args=st.lists(ARGS, max_size=6))
def test_generated_command_lines_never_end_in_a_traceback(cli_db: str, command: str,
                                                          args: list[str]) -> None:
    result = CliRunner().invoke(app, ["--db", cli_db, command, *args], input="n\n")
    assert result.exit_code in (0, 1, 2), result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
