"""Accuracy floors on labelled data, so quality cannot slide quietly.

The labelled data (a corpus of news articles with their events, and TempEval-3 TimeML
files) lives outside the project, at ``../shared`` or where ``TIMELINE_EVAL_DIR`` points.
Where it is missing these tests skip. The floors sit a little under the figures measured
when they were set; lower one only on purpose, saying why in the commit.
"""

from __future__ import annotations

import importlib.util
import json
import os
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest

EVAL = Path(os.environ.get("TIMELINE_EVAL_DIR", Path(__file__).parents[2] / "shared"))

# corpus -> (F1, date accuracy) floors
EVENT_FLOORS = {
    "corpus": (0.95, 0.95),  # Gaza talks: measured 0.977, 0.981
    "corpus_world": (0.83, 0.92),  # 30 other negotiations: measured 0.847, 0.939
}
# (strict span F1, value F1); measured TimeBank 0.925 / 0.857, AQUAINT 0.860 / 0.785.
# AQUAINT's value floor stays under 0.79 because, where its annotators
# part from TimeBank and the TempEval-3 evaluation data the engine follows the latter. They
# leave "the" out of a span ("the [past 20 years]") 45 times for 10 kept, where TimeBank
# keeps it 224 times for 39 left out; they leave out "about", "earlier" and the night of
# "Friday night"; they write years as "1968-XX", weeks unpadded and decades as 199X (TimeBank
# and HeidelTime: 199), tag "daily" in "the party daily Granma", and date some files a week
# away from their text.
TIMEX_FLOORS = {"TimeBank": (0.915, 0.845), "AQUAINT": (0.85, 0.775)}


def _scorer(name: str) -> ModuleType:
    path = EVAL / "tools" / name
    if not path.exists():
        pytest.skip(f"labelled data not found at {EVAL} (set TIMELINE_EVAL_DIR)")
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.parametrize("corpus", sorted(EVENT_FLOORS))
def test_event_extraction_floor(corpus: str) -> None:
    from timeline.cli import _event_json
    from timeline.extract import extract_events

    score = _scorer("score_events.py")
    if not (EVAL / corpus).is_dir():
        pytest.skip(f"labelled corpus not found at {EVAL / corpus}")
    tot = {"must": 0, "matched_must": 0, "matched_any": 0, "pred": 0, "dated": 0}
    for labels in sorted((EVAL / corpus).glob("*.json")):
        gold = json.loads(labels.read_text(encoding="utf-8"))
        text = (EVAL / corpus / gold["doc"]).read_text(encoding="utf-8")
        events = extract_events(text, datetime.fromisoformat(gold["published"]))
        result = score.score_doc(gold["events"], [_event_json(e) for e in events])
        for key in tot:
            tot[key] += result[key]
    precision = tot["matched_any"] / tot["pred"]
    recall = tot["matched_must"] / tot["must"]
    date_acc = tot["dated"] / tot["matched_must"]
    f1_floor, date_floor = EVENT_FLOORS[corpus]
    assert _f1(precision, recall) >= f1_floor, f"F1 {_f1(precision, recall):.3f}"
    assert date_acc >= date_floor, f"date accuracy {date_acc:.3f}"


@pytest.mark.parametrize("corpus", sorted(TIMEX_FLOORS))
def test_time_expression_floor(corpus: str) -> None:
    from timeline.temporal import find_times

    score = _scorer("score_timex.py")
    tot = {"gold": 0, "pred": 0, "strict": 0, "value": 0}
    for tml in sorted((EVAL / "tempeval" / corpus).glob("*.tml")):
        text, dct, gold = score.parse_tml(tml)
        found = [t.to_json() for t in find_times(text, datetime.fromisoformat(dct))]
        result = score.score(gold, found)
        for key in tot:
            tot[key] += result[key]
    strict_floor, value_floor = TIMEX_FLOORS[corpus]
    strict = _f1(tot["strict"] / tot["pred"], tot["strict"] / tot["gold"])
    value = _f1(tot["value"] / tot["pred"], tot["value"] / tot["gold"])
    assert strict >= strict_floor, f"strict span F1 {strict:.3f}"
    assert value >= value_floor, f"value F1 {value:.3f}"
