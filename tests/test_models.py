from datetime import date

import pytest
from pydantic import ValidationError

from timeline.models import EventCreate
from timeline.vocab import EventType, Precision

from .conftest import make_event


def test_defaults_fill_a_one_day_event() -> None:
    ev = make_event()
    assert ev.date_end == date(2024, 5, 4)
    assert ev.date_precision is Precision.DAY
    assert ev.evidence == "The delegation landed."


def test_case_and_spaces_in_enums_are_forgiven() -> None:
    assert make_event(type=" Meeting ").type is EventType.MEETING


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"type": "vist"}, "valid: visit, meeting", id="unknown-type"),
        pytest.param({"status": "done"}, "valid: occurred, planned", id="unknown-status"),
        pytest.param({"date_start": "2024-02-30"}, "date_start", id="impossible-date"),
        pytest.param({"date_end": "2024-05-01"}, "before date_start", id="end-before-start"),
        pytest.param({"title": "  "}, "title is empty", id="empty-title"),
        pytest.param({"actors": [{"name": " "}]}, "actor name is empty", id="empty-actor"),
        pytest.param({"actors": []}, "at least 1", id="no-actor"),
        pytest.param({"confidence": 1.5}, "confidence", id="confidence-range"),
    ],
)
def test_bad_values_are_refused_with_a_reason(overrides: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make_event(**overrides)


def test_repeated_actor_is_kept_once() -> None:
    ev = make_event(actors=[{"name": "Qatar"}, {"name": "qatar"}])
    assert [a.name for a in ev.actors] == ["Qatar"]


def test_evidence_is_one_line() -> None:
    ev = EventCreate.model_validate({
        "type": "statement", "date_start": "2024-01-01", "title": "t", "actors": [{"name": "X"}],
        "sources": [{"evidence": "two\nlines  here"}],
    })
    assert ev.evidence == "two lines here"


def test_one_line_collapses_every_kind_of_whitespace() -> None:
    import re
    import sys

    from timeline.models import one_line

    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c))
    assert {"\u00a0", "\u2028", "\u3000", "\x1c", "\x85"} <= set(spaces)
    for text in [f"{spaces}a{spaces}b {spaces}", "a  b", " a\tb\n", "", spaces, "a\u200bb"]:
        assert one_line(text) == re.sub(r"\s+", " ", text).strip()
