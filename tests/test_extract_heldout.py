"""Extraction judged on news the rules were not written from.

tests/data/heldout holds short wire-style reports, written for these tests, about
negotiations that appear nowhere else in the project's tests or in the labelled corpora
(the Black Sea grain deal, US-Taliban in Doha, Colombia-FARC in Cartagena, Serbia-Kosovo in
Ohrid, ...), labelled to EVENTS.md in the corpus format (``NAME.txt`` + ``NAME.json``). They
were labelled before the rules below were changed, and are kept apart so that a rule is
judged on language it was not fitted to. tests/data/heldout4 is a later batch in more styles
(British and Indian English datelines and dates, a press release, a live blog, reports from
1993 to 2025: Oslo, Dayton, the Good Friday talks, Camp David, Aceh, Nepal, Georgia, Zurich,
Cuba, COP21, Pangong, Doha), labelled the same way; tests/data/heldout5 (Wye River, Rambouillet,
Sun City, Naivasha, Annapolis, Doha 2008, Geneva II, Chad in Doha) is the newest and the one
no rule has seen. The scorer lives with the labelled corpora
(``../shared/tools``); where it is missing the floor test skips.

The sentence tests name each class of language a rule reads.
"""

from __future__ import annotations

import importlib.util
import json
import os
from datetime import date
from pathlib import Path

import pytest

from timeline.extract import extract_events
from timeline.models import EventCreate

HELDOUT = Path(__file__).parent / "data" / "heldout"
EVAL = Path(os.environ.get("TIMELINE_EVAL_DIR", Path(__file__).parents[2] / "shared"))


def _events(text: str, dct: str, etype: str) -> list[EventCreate]:
    return [e for e in extract_events(text, date.fromisoformat(dct)) if e.type == etype]


def _span(e: EventCreate) -> tuple[str, str]:
    return e.date_start.isoformat(), (e.date_end or e.date_start).isoformat()


# --- which way a date reads: the clause's tense --------------------------------------


def test_talks_with_their_own_infinitive_are_planned_and_ahead() -> None:
    """"with talks ... to begin on Saturday", in a Tuesday article: the coming Saturday."""
    text = ("Afghan and Taliban negotiators held a preparatory meeting on Wednesday in Doha, "
            "with talks on the agenda to begin on Saturday, both sides said.")
    talks = _events(text, "2024-10-22", "meeting")
    assert sorted((e.status, _span(e)) for e in talks) == [
        ("occurred", ("2024-10-16", "2024-10-16")), ("planned", ("2024-10-26", "2024-10-26"))]


def test_talks_a_planned_trip_is_for_are_planned() -> None:
    text = ("Egypt's cabinet authorised the delegation to travel to Cairo on Friday for talks "
            "with Hamas.")
    (talks,) = _events(text, "2024-10-22", "meeting")
    assert (talks.status, _span(talks)) == ("planned", ("2024-10-25", "2024-10-25"))


def test_a_past_verb_reads_a_bare_month_backward() -> None:
    """"signed ... in January" in a December article is the January gone by; "will meet in
    January" the one to come."""
    signed = _events("Ethiopia signed a memorandum with Somaliland in January.", "2024-12-12",
                     "agreement")
    assert [_span(e) for e in signed] == [("2024-01-01", "2024-01-31")]
    (meet,) = _events("Ethiopia and Somalia will meet in Ankara in January.", "2024-12-12",
                      "meeting")
    assert _span(meet) == ("2025-01-01", "2025-01-31")


# --- which time expression belongs to which verb -------------------------------------


def test_a_date_between_two_joined_verbs_dates_both() -> None:
    text = ("Military delegations from Russia, Ukraine and Turkey met UN officials in Istanbul "
            "last week and agreed on the outline of a joint coordination centre.")
    found = extract_events(text, date(2022, 7, 21))
    assert {(e.type, _span(e)) for e in found} == {
        ("meeting", ("2022-07-11", "2022-07-17")), ("agreement", ("2022-07-11", "2022-07-17"))}


def test_a_reporting_clause_closes_the_clause_its_date_belongs_to() -> None:
    text = ("Iran submitted its response to the EU's final text for reviving the 2015 nuclear "
            "deal late on Monday, the official news agency said, and called on Washington to "
            "show flexibility.")
    (response,) = _events(text, "2022-08-16", "proposal")
    assert _span(response) == ("2022-08-15", "2022-08-15")


# --- the held-out reports, scored ---------------------------------------------------

# (F1, date accuracy) on tests/data/heldout: measured 0.827, 0.938 when the floor was set.
# tests/data/heldout4 is a later batch, labelled without running the extractor: 0.752, 0.898
# when first scored, 0.823, 0.908 when its floor was set. tests/data/heldout5, labelled the
# same way, was scored once and no rule has been changed for it since: 0.578, 0.857.
HELDOUT_FLOORS = {
    HELDOUT: (0.80, 0.92),
    HELDOUT.with_name("heldout4"): (0.85, 0.92),
    HELDOUT.with_name("heldout5"): (0.62, 0.84),
    HELDOUT.with_name("heldout6"): (0.70, 0.83),
    HELDOUT.with_name("heldout7"): (0.52, 0.68),
}


@pytest.mark.parametrize("folder", list(HELDOUT_FLOORS), ids=lambda p: p.name)
def test_heldout_reports_floor(folder: Path) -> None:
    from timeline.cli import _event_json

    path = EVAL / "tools" / "score_events.py"
    if not path.exists():
        pytest.skip(f"scorer not found at {path} (set TIMELINE_EVAL_DIR)")
    spec = importlib.util.spec_from_file_location("score_events", path)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tot = {"must": 0, "matched_must": 0, "matched_any": 0, "pred": 0, "dated": 0}
    for labels in sorted(folder.glob("*.json")):
        gold = json.loads(labels.read_text(encoding="utf-8"))
        text = (folder / gold["doc"]).read_text(encoding="utf-8")
        events = extract_events(text, date.fromisoformat(gold["published"]))
        result = score.score_doc(gold["events"], [_event_json(e) for e in events])
        for key in tot:
            tot[key] += result[key]
    p, r = tot["matched_any"] / tot["pred"], tot["matched_must"] / tot["must"]
    f1 = 2 * p * r / (p + r)
    floor_f1, floor_dated = HELDOUT_FLOORS[folder]
    assert f1 >= floor_f1, f"F1 {f1:.3f}"
    assert tot["dated"] / tot["matched_must"] >= floor_dated


# --- who did what ---------------------------------------------------------------------


def test_what_is_told_in_a_phone_call_is_a_call_and_a_statement_by_the_teller() -> None:
    text = ("Turkish President Tayyip Erdogan told Putin in a phone call on Sunday that Turkey "
            "was ready to host the talks.")
    found = extract_events(text, date(2025, 5, 12))
    (said,) = [e for e in found if e.type == "statement"]
    assert {a.name for a in said.actors} == {"Recep Tayyip Erdogan", "Turkey"}
    (call,) = [e for e in found if e.type == "meeting"]
    assert {"Turkey", "Russia"} <= {a.name for a in call.actors}
    assert _span(call) == ("2025-05-11", "2025-05-11")


# --- kinds of event ---------------------------------------------------------------------


def test_a_text_put_forward_is_a_proposal_and_a_text_agreed_an_agreement() -> None:
    (put,) = _events("The EU put forward the final text on August 8 at the end of talks in "
                     "Vienna.", "2022-08-16", "proposal")
    assert _span(put) == ("2022-08-08", "2022-08-08")
    (agreed,) = _events("The final text was agreed in Havana on August 24 by Colombia and "
                        "the FARC.", "2016-09-24", "agreement")
    assert {a.name for a in agreed.actors} >= {"Colombia", "FARC"}
    assert agreed.location == "Havana"


def test_an_offer_to_resume_talks_is_a_proposal_made_on_its_own_day() -> None:
    """"speaking in the early hours of Sunday, offered ...", read on Monday: the Sunday gone."""
    text = ("Putin, speaking at the Kremlin in the early hours of Sunday, offered to resume "
            "direct negotiations with Ukraine.")
    (offer,) = _events(text, "2025-05-12", "proposal")
    assert (offer.status, _span(offer)) == ("occurred", ("2025-05-11", "2025-05-11"))


def test_a_summit_said_to_go_ahead_is_planned_and_an_envoy_received_is_a_meeting() -> None:
    text = ("President Donald Trump said on Friday his summit with North Korean leader Kim Jong "
            "Un would go ahead in Singapore on June 12, after receiving a senior North Korean "
            "envoy at the White House.")
    meetings = sorted(_events(text, "2018-06-02", "meeting"), key=lambda e: e.date_start)
    assert [(e.status, _span(e), e.location) for e in meetings] == [
        ("occurred", ("2018-06-01", "2018-06-01"), "Washington"),
        ("planned", ("2018-06-12", "2018-06-12"), "Singapore")]
    hypothetical = "A summit would take place in Geneva if both sides agreed."
    assert _events(hypothetical, "2018-06-02", "meeting") == []


# --- occasions, not mentions ------------------------------------------------------------


def test_talks_with_one_side_named_and_no_place_are_no_meeting() -> None:
    assert _events("The government of Norway plans to hold talks next week.", "2024-11-29",
                   "meeting") == []
    # a verb keeps its meeting: the other side is there, only not by name
    (met,) = _events("President Salva Kiir met the mediation team on Thursday.", "2024-11-29",
                     "meeting")
    assert _span(met) == ("2024-11-28", "2024-11-28")
    (hosted,) = _events("Germany will host talks on Libya in Berlin on Sunday.", "2024-11-29",
                        "meeting")
    assert hosted.location == "Berlin"
    # a counterpart known only as a person is a side too
    text = ("Libya summit\n\nGerman Chancellor Angela Merkel held separate talks with Libyan "
            "Prime Minister Fayez al-Sarraj and commander Khalifa Haftar before the conference.")
    separate = _events(text, "2020-01-19", "meeting")
    assert sorted(a.name for e in separate for a in e.actors if a.role == "counterpart") == [
        "Fayez al-Sarraj", "Khalifa Haftar", "Libya"]


def test_a_dateline_after_a_headline_names_no_actor_even_for_a_town_unknown() -> None:
    text = ("Serbia and Kosovo agree on a plan\n\nOHRID, North Macedonia, March 19 (Wire) - "
            "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti agreed "
            "late on Saturday on how to implement the plan.")
    (deal,) = _events(text, "2023-03-19", "agreement")
    assert "North Macedonia" not in {a.name for a in deal.actors}
    assert _span(deal) == ("2023-03-18", "2023-03-18")


def test_a_plan_with_a_choice_of_two_days_is_kept_with_both() -> None:
    """"may sign ... on Thursday or Friday": a plan with its days, not a hypothesis."""
    text = "FARC leader Rodrigo Londono may sign the accord with Santos on Thursday or Friday."
    (sign,) = _events(text, "2016-06-21", "agreement")
    assert (sign.status, _span(sign)) == ("planned", ("2016-06-23", "2016-06-24"))


def test_talks_that_prepare_a_summit_are_not_the_summit() -> None:
    text = ("U.S. and North Korean special envoys are to meet in Hanoi to make final "
            "preparations for a second summit next week between President Donald Trump and "
            "North Korean leader Kim Jong Un.")
    meetings = sorted(_events(text, "2019-02-20", "meeting"), key=lambda e: e.date_start)
    assert len(meetings) == 2
    assert _span(meetings[1]) == ("2019-02-25", "2019-03-03")
    assert meetings[0].date_start < meetings[1].date_start


def test_an_unknown_subject_of_its_own_takes_no_party_from_before() -> None:
    """"European leaders who visited Kyiv ...": not the Russia of the sentence before."""
    text = ("Putin did not say who would lead the Russian side. European leaders who visited "
            "Kyiv on Saturday had demanded that Moscow accept a ceasefire.")
    assert not [e for e in extract_events(text, date(2025, 5, 12))
                if e.type in ("visit", "request")]


def test_a_call_reported_with_its_day_is_not_merged_into_older_talks() -> None:
    text = ("Turkish President Tayyip Erdogan told Putin in a phone call on Sunday that Turkey "
            "was ready to host the talks. The last direct talks between Russia and Ukraine "
            "were held in Istanbul in March 2022.")
    found = sorted((_span(e), e.date_precision) for e in _events(text, "2025-05-12", "meeting"))
    # the call's day is its own (a day), so no undated report for the older talks to absorb
    assert found == [(("2022-03-01", "2022-03-31"), "month"), (("2025-05-11", "2025-05-11"), "day")]


def test_what_a_side_would_do_on_a_condition_is_no_event() -> None:
    text = ("Iran's foreign minister said on Monday that Tehran would accept the deal if its "
            "three remaining demands were met.")
    assert _events(text, "2022-08-16", "agreement") == []
    (plan,) = _events("Hamas said it would sign the deal on Thursday.", "2022-08-16",
                      "agreement")
    assert plan.status == "planned"


def test_a_list_of_signatories_does_not_hide_the_signing_place() -> None:
    text = ("The deal was signed by the council's deputy head, General Mohamed Hamdan Dagalo, "
            "and by Ahmed al-Rabie of the Forces of Freedom and Change at a hotel in Khartoum.")
    (signed,) = _events(text, "2019-07-17", "agreement")
    assert signed.location == "Khartoum"


def test_a_trip_and_the_talks_it_brought_are_two_events_on_the_day_both_share() -> None:
    """EVENTS.md: "where a text reports both (arrived, then met), both are events"."""
    text = ("Talks\n\nQatari Prime Minister Mohammed bin Abdulrahman Al Thani visited Cairo and "
            "met Egyptian President Abdel Fattah el-Sisi last week.")
    found = extract_events(text, date(2023, 9, 19))
    assert sorted((e.type, _span(e)) for e in found) == [
        ("meeting", ("2023-09-11", "2023-09-17")), ("visit", ("2023-09-11", "2023-09-17"))]


def test_hosting_a_party_s_initiative_is_no_meeting_with_that_party() -> None:
    text = ("Talks\n\nSaudi Arabia, which hosts the Arab League's Arab Peace Initiative of 2002, "
            "has not commented.")
    assert _events(text, "2020-09-12", "meeting") == []
    text = ("Talks\n\nEgyptian President Abdel Fattah el-Sisi hosted Qatar's emir in Cairo on "
            "Sunday.")
    (hosted,) = _events(text, "2020-09-12", "meeting")
    assert {"Egypt", "Qatar"} <= {a.name for a in hosted.actors}


def test_a_statement_issued_on_a_day_is_a_statement_and_an_unlikely_meeting_none() -> None:
    text = ("Talks\n\nThe Norwegian embassy issued a statement on Friday saying such a meeting "
            "with the rebels was unlikely.")
    found = extract_events(text, date(2005, 10, 8))
    assert [(e.type, _span(e)) for e in found] == [("statement", ("2005-10-07", "2005-10-07"))]


def test_meeting_people_named_by_what_they_are_is_a_meeting() -> None:
    text = ("Talks\n\nThe team sent by the Economic Community of West African States (ECOWAS) "
            "met junta representatives at Niamey airport, the source said.")
    (met,) = _events(text, "2023-08-04", "meeting")
    assert met.location == "Niamey" and "ECOWAS" in {a.name for a in met.actors}


def test_talks_a_trip_is_for_with_a_day_of_their_own_are_an_event_too() -> None:
    text = ("Talks\n\nThe Rapid Support Forces delegation arrived in Geneva to take part in the "
            "ceasefire talks scheduled for Wednesday.")
    found = extract_events(text, date(2024, 8, 13))
    assert sorted((e.type, e.status, _span(e)[0]) for e in found) == [
        ("meeting", "planned", "2024-08-14"), ("visit", "occurred", "2024-08-13")]
    text = "Talks\n\nThe Hamas delegation arrived in Cairo on Monday to take part in the talks."
    assert [e.type for e in extract_events(text, date(2024, 8, 13))] == ["visit"]


def test_an_unknown_leadership_does_not_borrow_the_party_of_the_sentence_before() -> None:
    text = ("Bahrain joins deal\n\nBahrain and Israel agreed on Friday to establish full "
            "diplomatic relations, U.S. President Donald Trump said.\n\nThe Palestinian "
            "leadership rejected the move and recalled its ambassador to Manama.")
    assert _events(text, "2020-09-12", "rejection") == []


def test_stopping_all_firing_from_an_hour_is_a_ceasefire() -> None:
    text = ("Truce\n\nThe military operations chiefs of India and Pakistan agreed in a phone call "
            "on Saturday afternoon to stop all firing on land, in the air and at sea with effect "
            "from 5 p.m. Indian time.")
    (truce,) = _events(text, "2025-05-11", "ceasefire")
    assert _span(truce) == ("2025-05-10", "2025-05-10")
    assert {"India", "Pakistan"} <= {a.name for a in truce.actors}


def test_flying_in_is_coming_to_where_the_report_is_filed() -> None:
    text = ("Iran deal\n\nGENEVA, Nov 25 (Wire) - Iran and six powers reached an interim deal "
            "early on Sunday.\n\nU.S. Secretary of State John Kerry flew in on Saturday to help "
            "close the gaps.")
    (trip,) = _events(text, "2013-11-25", "visit")
    assert (trip.location, _span(trip)) == ("Geneva", ("2013-11-23", "2013-11-23"))
