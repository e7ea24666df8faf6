"""Extraction from news about negotiations other than the ones the extractor was first
built on: each article in tests/data/articles was written for these tests, one or two per
class of error (signing, ceasefires taking effect, walkouts, which date and which place an
event takes, spurious events). Nothing is read from ../shared."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.extract import extract_events
from timeline.models import EventCreate

ARTICLES = Path(__file__).parent / "data" / "articles"


def _extract(name: str) -> list[EventCreate]:
    head, text = (ARTICLES / name).read_text(encoding="utf-8").split("\n", 1)
    return extract_events(text, date.fromisoformat(head.removeprefix("PUBLISHED:").strip()))


def _events(name: str, etype: str, actor: str) -> list[EventCreate]:
    return [e for e in _extract(name)
            if e.type == etype and any(actor.lower() in a.name.lower() for a in e.actors)]


def _span(e: EventCreate) -> tuple[str, str]:
    return e.date_start.isoformat(), (e.date_end or e.date_start).isoformat()


# --- event kinds: signing, ceasefires, walkouts, awaited proposals ------------------------


def test_passive_and_participle_signings_are_agreements() -> None:
    found = _events("juba_signing.txt", "agreement", "Sudan")
    evidence = " ".join(e.sources[0].evidence or "" for e in found)
    assert "was signed by" in evidence
    assert "A second document, signed by" in evidence


def test_ceasefire_takes_the_date_of_its_own_verb() -> None:
    """"agreed on Tuesday to a truce that will come into force at midnight on Friday"."""
    (agreed,) = _events("tigray_truce.txt", "agreement", "Ethiopia")
    assert _span(agreed) == ("2022-08-09", "2022-08-09")
    truce = [e for e in _events("tigray_truce.txt", "ceasefire", "Ethiopia")
             if e.status == "planned"]
    assert [_span(e) for e in truce] == [("2022-08-12", "2022-08-12")]


def test_truce_renewed_after_a_parenthesis_is_a_ceasefire_event() -> None:
    renewed = [e for e in _extract("tigray_truce.txt")
               if e.type == "ceasefire" and "renewed" in (e.sources[0].evidence or "")]
    assert renewed and renewed[0].status == "occurred"


def test_talks_suspended_after_a_walkout_are_cancelled() -> None:
    talks = _events("tigray_truce.txt", "meeting", "Ethiopia")
    assert [(e.status, e.location, _span(e)) for e in talks] == [
        ("cancelled", "Pretoria", ("2022-07-01", "2022-07-31"))]


def test_an_awaited_proposal_is_planned_by_its_deadline() -> None:
    (offer,) = _events("skopje_rounds.txt", "proposal", "European Union")
    assert offer.status == "planned"
    assert _span(offer) == ("2023-03-11", "2023-03-12")  # by the end of the week


# --- dates: which expression belongs to which event ---------------------------------------


def test_a_fronted_date_dates_the_main_clause() -> None:
    """"In late February, envoys ... met in Brussels"."""
    talks = [e for e in _events("skopje_rounds.txt", "meeting", "Kosovo")
             if e.location == "Brussels"]
    assert [_span(e) for e in talks] == [("2023-02-20", "2023-02-28")]


def test_talks_from_monday_run_to_the_publication_day() -> None:
    talks = [e for e in _events("skopje_rounds.txt", "meeting", "Kosovo")
             if e.location == "Skopje"]
    assert [_span(e) for e in talks] == [("2023-03-06", "2023-03-10")]


@pytest.mark.parametrize("name", ["juba_signing.txt", "tigray_truce.txt", "skopje_rounds.txt"])
def test_no_event_is_dated_by_a_century_or_a_title_year(name: str) -> None:
    for e in _extract(name):
        assert e.date_start.year >= 2020, (e.title, e.date_text)


# --- actors the gazetteer does not know --------------------------------------------------


def test_people_and_organisations_are_found_without_a_gazetteer_entry() -> None:
    """A name whose surname recurs alone is a person; "Long Name (ACRONYM)" an organisation."""
    meetings = _events("benghazi_shuttle.txt", "meeting", "Khalifa Haftar")
    assert [(e.status, _span(e)) for e in meetings] == [("planned", ("2020-01-16", "2020-01-16"))]
    signed = _events("benghazi_shuttle.txt", "agreement", "Government of National Accord")
    assert signed, "Sarraj signs for the GNA"


# --- places: the dateline is not the venue; a venue named once holds for the talks --------


def test_events_of_the_talks_take_their_venue_not_the_dateline() -> None:
    events = _extract("brussels_venue.txt")
    assert not [e for e in events if e.location == "Belgrade"]
    agreed = [e for e in events if e.type == "agreement"]
    assert [(e.location, _span(e)) for e in agreed] == [("Brussels", ("2023-05-14", "2023-05-14"))]


def test_names_with_accented_letters_are_people() -> None:
    """"Otty Patiño ... Patiño told reporters": a statement by the negotiator."""
    assert _events("caracas_eln_round.txt", "statement", "Otty Patiño")


def test_a_statement_after_the_meeting_is_no_earlier_than_the_meeting() -> None:
    """"..., Patiño told reporters after the meeting" (the meeting was on Thursday)."""
    (said,) = _events("caracas_eln_round.txt", "statement", "Otty Patiño")
    assert _span(said) == ("2023-03-09", "2023-03-10")


def test_a_known_surname_is_not_the_first_name_of_another_person() -> None:
    """"Petro Poroshenko" is not Gustavo Petro."""
    events = _extract("minsk_protocol.txt")
    names = {a.name for e in events for a in e.actors}
    assert "Gustavo Petro" not in names and "Colombia" not in names
    assert _events("minsk_protocol.txt", "statement", "Petro Poroshenko")


def test_a_bare_acronym_acting_as_a_subject_is_an_organisation() -> None:
    """"The NDFP suspended its participation in the talks": the talks are off for the NDFP."""
    off = _events("noordwijk_walkout.txt", "meeting", "NDFP")
    assert [(e.status, _span(e)) for e in off] == [("cancelled", ("2017-05-27", "2017-05-27"))]


def test_the_dateline_names_no_actor() -> None:
    """"NOORDWIJK, Netherlands, May 28 -": the Netherlands is where the report was filed."""
    events = _extract("noordwijk_walkout.txt")
    assert not [e for e in events if any(a.name == "Netherlands" for a in e.actors)]


def test_a_next_meeting_with_its_own_day_is_planned() -> None:
    """"set their next meeting for Aug. 20 in Bangkok"; "the possibility of a meeting" is not
    one."""
    planned = [e for e in _events("kuala_lumpur_border.txt", "meeting", "Thailand")
               if e.status == "planned"]
    assert [(e.location, _span(e)) for e in planned] == [("Bangkok", ("2025-08-20", "2025-08-20"))]
    assert not [e for e in _extract("kuala_lumpur_border.txt")
                if "possibility" in (e.sources[0].evidence or "") and e.type == "meeting"]


def test_a_question_put_on_monday_dates_the_answer() -> None:
    """"Asked on Monday about ..., the minister said ..."."""
    (said,) = _events("kuala_lumpur_border.txt", "statement", "Mohamad Hasan")
    assert _span(said) == ("2025-08-04", "2025-08-04")


# --- spurious events: requests that are no act, talks in the background -----------------


def test_requests_made_by_documents_questions_and_crowds_are_not_requests() -> None:
    """"A draft ... calls for", "repeated calls for", "Asked whether", "urged the public",
    "the invitation": nobody asks a party to act on an occasion."""
    requests = [e for e in _extract("washington_dam_talks.txt") if e.type == "request"]
    assert requests == []


def test_talks_named_as_a_period_or_a_role_are_not_meetings() -> None:
    """"after months of negotiations", "taking the lead in mediating between": only the
    Washington round is a meeting."""
    meetings = [e for e in _extract("washington_dam_talks.txt") if e.type == "meeting"]
    assert [(e.location, _span(e)) for e in meetings] == [
        ("Washington", ("2020-01-30", "2020-01-31"))]


def test_a_minister_named_after_his_title_speaks_for_his_country() -> None:
    """"Ethiopia's water minister, Seleshi Bekele, said ..."."""
    assert _events("washington_dam_talks.txt", "statement", "Seleshi Bekele")
    (said,) = _events("washington_dam_talks.txt", "statement", "Seleshi Bekele")
    assert "Ethiopia" in {a.name for a in said.actors}


# --- statements: who speaks, and when ----------------------------------------------------


@pytest.mark.parametrize(("speaker", "day"), [
    pytest.param("Irfaan Ali", "2023-12-15", id="told-reporters-at-the-end"),
    pytest.param("Nicolas Maduro", "2023-12-15", id="quoted-as-saying"),
    pytest.param("Yvan Gil", "2023-12-15", id="clarified-on-friday"),
])
def test_statements_by_named_speakers(speaker: str, day: str) -> None:
    said = _events("argyle_declaration.txt", "statement", speaker)
    assert [_span(e)[1] for e in said] == [day]


def test_a_name_before_a_document_is_not_its_speaker() -> None:
    """"..., along with Caricom chairman Roosevelt Skerrit, the declaration said"."""
    assert not _events("argyle_declaration.txt", "statement", "Roosevelt Skerrit")


def test_a_quotation_runs_on_over_its_sentences() -> None:
    """'... said: "There was a positive spirit. There was no effort to derail the talks."'"""
    from timeline.extract.text import split_sentences

    text = ('On Sunday, the chief negotiator said: "There was a positive spirit. There was no '
            'effort to derail the talks." The ceremony ended at noon.')
    assert [s.text[:12] for s in split_sentences(text)] == ["On Sunday, t", "The ceremony"]


def test_what_two_parties_agree_to_do_is_an_agreement() -> None:
    """"Guyana and Venezuela agreed on Thursday not to use force against each other"."""
    agreed = _events("argyle_declaration.txt", "agreement", "Guyana")
    assert [_span(e) for e in agreed] == [("2023-12-14", "2023-12-14")]


def test_a_joint_declaration_speaks_for_both_sides() -> None:
    """"..., the two governments said in a joint declaration"."""
    joint = [e for e in _events("argyle_declaration.txt", "statement", "Guyana")
             if "Venezuela" in {a.name for a in e.actors}]
    assert joint


# --- dates: which expression belongs to which event (2) ----------------------------------


def test_what_is_agreed_at_a_dated_meeting_takes_its_day() -> None:
    """"At the meeting held in Sofia on May 17, Tsipras and Zaev agreed on the outline"."""
    agreed = [e for e in _events("prespa_name_deal.txt", "agreement", "Zoran Zaev")
              if e.status == "occurred"]
    assert [(_span(e), e.location) for e in agreed] == [(("2018-05-17", "2018-05-17"), "Sofia")]


def test_a_counterpart_is_not_of_the_side_named_before_him() -> None:
    """"Tsipras and his Macedonian counterpart Zoran Zaev"."""
    (signing,) = [e for e in _events("prespa_name_deal.txt", "agreement", "Zoran Zaev")
                  if e.status == "planned"]
    assert {"Greece", "North Macedonia"} <= {a.name for a in signing.actors}
    assert _span(signing) == ("2018-06-17", "2018-06-17")  # "will sign ... on Sunday"


def test_a_noun_with_a_relative_clause_takes_its_main_verb_s_date_and_no_protest_venue() -> None:
    """"The talks, which began in January, were suspended last month after protests in
    Athens"."""
    off = [e for e in _extract("prespa_name_deal.txt") if e.status == "cancelled"]
    assert [(_span(e), e.location) for e in off] == [(("2018-05-01", "2018-05-31"), None)]


def test_taking_office_and_independence_date_no_event() -> None:
    assert all(e.date_start.year == 2018 for e in _extract("prespa_name_deal.txt"))


# --- meetings: separate, convened, due to open -------------------------------------------


def test_separate_meetings_take_each_counterpart_s_day() -> None:
    """"will meet the two delegations separately, the Yemeni government on Thursday and the
    Houthis on Friday"."""
    separate = [(e.date_start.isoformat(), sorted(a.name for a in e.actors if a.role ==
                                                  "counterpart"))
                for e in _events("stockholm_consultations.txt", "meeting", "Martin Griffiths")
                if e.date_start.isoformat() in ("2018-12-06", "2018-12-07")
                and len([a for a in e.actors if a.role == "counterpart"]) == 1]
    assert separate == [("2018-12-06", ["Yemen"]), ("2018-12-07", ["Houthis"])]


def test_talks_due_to_open_are_planned_and_their_convener_adds_no_occasion() -> None:
    """"Talks ... are due to open on Thursday"; "Griffiths, who convened the consultations"."""
    meetings = _events("stockholm_consultations.txt", "meeting", "Houthis")
    assert all(e.status == "planned" for e in meetings)
    assert ("2018-12-06", "2018-12-06") in [_span(e) for e in meetings]


def test_a_meeting_called_for_a_day_is_planned_for_it() -> None:
    """"Griffiths also called for Saturday, December 8, a meeting of the committee"."""
    assert [_span(e) for e in _extract("stockholm_consultations.txt") if e.type == "request"] == []
    assert ("2018-12-08", "2018-12-08") in [
        _span(e) for e in _events("stockholm_consultations.txt", "meeting", "Martin Griffiths")]


def test_a_passive_confirmation_is_a_statement_by_its_agent() -> None:
    """"The attendance of both delegations was confirmed by Griffiths on Tuesday"."""
    said = _events("stockholm_consultations.txt", "statement", "Martin Griffiths")
    assert [_span(e) for e in said] == [("2018-12-04", "2018-12-04")]


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_past_events_read_their_dates_as_the_date_engine_does(name: str) -> None:
    """`timeline dates` and `timeline extract` give an expression of a past event the same
    reading: the engine decides the direction of a bare weekday from the verb group (the
    event may run on from that day: "four days of talks from Monday")."""
    from timeline.temporal import find_times

    head, text = (ARTICLES / name).read_text(encoding="utf-8").split("\n", 1)
    dct = date.fromisoformat(head.removeprefix("PUBLISHED:").strip())
    engine = {t.text: t.interval for t in find_times(text, dct)}
    for e in extract_events(text, dct):
        if e.status == "occurred" and e.date_precision == "day" and e.date_text in engine:
            day = engine[e.date_text]
            assert day and e.date_start <= day[0] <= (e.date_end or e.date_start), (
                e.title, e.date_text)


def test_a_range_is_one_span_and_what_is_agreed_there_takes_it() -> None:
    """"Between 3 to 5 March, delegations ... met in the Ethiopian lakeside city of Bahir
    Dar"; "The two sides agreed that ...": at those talks, then."""
    events = _extract("bahir_dar_border.txt")
    assert [(e.type, e.location, _span(e)) for e in events if e.type != "statement"] == [
        ("meeting", "Bahir Dar", ("2021-03-03", "2021-03-05")),
        ("agreement", "Bahir Dar", ("2021-03-03", "2021-03-05")),
    ]


def test_it_after_a_quotation_is_not_a_party_named_inside_it() -> None:
    """'"... endorsed by the African Union ...," it added': the ministry adds it."""
    said = [e for e in _extract("bahir_dar_border.txt") if e.type == "statement"]
    assert [sorted(a.name for a in e.actors) for e in said] == [["Sudan"]]


# --- event kinds: agreements reached, signings ahead, receptions, proposals, truces -------


@pytest.mark.parametrize(("etype", "actor", "status", "day"), [
    pytest.param("agreement", "South Sudan", "occurred", "2012-09-27", id="reached-agreement"),
    pytest.param("agreement", "Salva Kiir", "planned", "2012-09-28", id="pact-will-be-signed"),
    pytest.param("agreement", "Sudan", "planned", "2012-09-29", id="may-sign-on-saturday"),
    pytest.param("meeting", "Hailemariam Desalegn", "occurred", "2012-09-27",
                 id="was-received-by"),
    pytest.param("meeting", "Thabo Mbeki", "occurred", "2012-09-27", id="courtesy-visit-to"),
    pytest.param("proposal", "Sudan", "occurred", "2012-09-25", id="presented-a-list"),
    pytest.param("ceasefire", "Sudan People's Liberation Movement-North", "occurred",
                 "2012-07-01", id="called-a-truce"),
])
def test_kinds_of_event_in_wire_wording(etype: str, actor: str, status: str, day: str) -> None:
    found = [e for e in _events("addis_oil_deal.txt", etype, actor) if e.status == status]
    assert day in [e.date_start.isoformat() for e in found]


def test_proposing_a_measure_is_a_proposal() -> None:
    """"Khartoum proposed a demilitarised buffer zone last week"."""
    found = _events("addis_oil_deal.txt", "proposal", "Sudan")
    assert ("2012-09-17", "2012-09-23") in [_span(e) for e in found]


def test_a_truce_with_a_long_subject_renewed_is_a_ceasefire_event() -> None:
    text = ("A fragile truce between the government of South Sudan and the armed opposition "
            "movement that controls much of the Upper Nile region has been extended for two "
            "more months, the mediators said.")
    events = extract_events(text, date(2024, 3, 1))
    assert [e.type for e in events if e.type == "ceasefire"] == ["ceasefire"]


def test_it_closing_a_sentence_is_the_speaker_before_it() -> None:
    """"The statement said ... Leaders of X and Y will attend the signing, it added.\""""
    text = ("The two parties will sign the accord on Friday, the African Union said in a "
            "statement. The presidents of Kenya and Uganda will attend the signing ceremony, it "
            "added.")
    said = [e for e in extract_events(text, date(2024, 3, 6)) if e.type == "statement"]
    assert [sorted(a.name for a in e.actors) for e in said] == [["African Union"]]


def test_the_delegation_is_not_the_country_that_hosts_it() -> None:
    """"... are in Nairobi, Kenya ... The delegation arrived in the Kenyan capital": the
    delegation is not Kenya's, and Kenya urges nobody."""
    text = ("Negotiators from South Sudan's opposition groups are in Nairobi, Kenya, for a new "
            "round of talks. The delegation, led by General Thomas Cirillo, arrived in the Kenyan "
            "capital on Thursday evening. Opposition leader Pagan Amum urged the delegation to "
            "stay until a deal is reached.")
    events = extract_events(text, date(2024, 11, 29))
    visits = [e for e in events if e.type == "visit" and e.date_start == date(2024, 11, 28)]
    assert [(e.location, [a.name for a in e.actors if a.role == "initiator"]) for e in visits] == [
        ("Nairobi", ["Thomas Cirillo"])]
    assert not [e for e in events if e.type == "request"
                and any(a.name == "Kenya" and a.role != "host" for a in e.actors)]


def test_a_clause_n_days_after_counts_back_from_the_sentence_s_date() -> None:
    """"..., the minister said on Wednesday, one day after the rebels met the mediator"."""
    text = ("The talks are alive, Information Minister Michael Makuei said on Wednesday, one day "
            "after the SPLM-IO met with Kenyan President William Ruto in Nairobi.")
    met = [e for e in extract_events(text, date(2024, 8, 7)) if e.type == "meeting"]
    assert [_span(e) for e in met] == [("2024-08-06", "2024-08-06")]


def test_speakers_named_by_apposition_or_by_their_side_s_title() -> None:
    """"Name, head of the delegation, said"; "the Norwegian facilitator said" is the
    Norwegian named before, not the last person named."""
    text = ("Norwegian facilitator Dag Nylander met Colombian negotiator Otty Patiño in Oslo on "
            "Monday. \"Both sides want a ceasefire by Christmas,\" the Norwegian facilitator said. "
            "\"The talks must reach a comprehensive agreement,\" Pablo Beltrán, head of the rebel "
            "delegation, said after the meeting.")
    said = [e for e in extract_events(text, date(2023, 11, 14)) if e.type == "statement"]
    assert sorted(a.name for e in said for a in e.actors if a.kind == "person") == [
        "Dag Nylander", "Pablo Beltrán"]


def test_a_return_home_is_a_visit_and_no_venue_for_the_talks() -> None:
    """"Abdullah returned to Kabul on Sunday night after talks in Doha": the trip ends at
    home, and the talks stay in Doha."""
    text = ("Abdullah Abdullah, head of Afghanistan's High Council for National Reconciliation, "
            "returned to Kabul on Sunday night after the opening of talks with the Taliban in "
            "Doha. The negotiating teams of the government and the Taliban held their first "
            "meeting on Sunday evening.")
    events = extract_events(text, date(2020, 9, 14))
    assert [(e.location, _span(e)) for e in events if e.type == "visit"] == [
        ("Kabul", ("2020-09-13", "2020-09-13"))]
    assert "Kabul" not in [e.location for e in events if e.type == "meeting"]


def test_remarks_at_the_opening_of_dated_talks_take_their_day() -> None:
    """The talks are opened (no date), the delegations arrive on a date and sit face to face:
    one round, on that date; the opening remarks were made then."""
    text = ("Swiss President Alain Berset opened the round of talks between Armenia and "
            "Azerbaijan in Geneva. During his opening remarks, Berset said that the world was "
            "watching. The delegations from Armenia and Azerbaijan arrived in Geneva on March 3. "
            "After the address, the two delegations sat face-to-face to commence the talks.")
    events = extract_events(text, date(2023, 3, 5))
    assert [(e.type, _span(e)) for e in events if e.type in ("meeting", "statement")] == [
        ("meeting", ("2023-03-03", "2023-03-03")), ("statement", ("2023-03-03", "2023-03-03"))]


@pytest.mark.parametrize(("name", "etype", "actor", "status", "day"), [
    pytest.param("istanbul_swap.txt", "meeting", "Russia", "occurred", "2025-06-02",
                 id="met-for-an-hour"),
    # filed "ISTANBUL, June 2", published June 3: said by the day the report was filed
    pytest.param("istanbul_swap.txt", "statement", "Ukraine", "occurred", "2025-06-02",
                 id="which-kyiv-said"),
    pytest.param("geneva_trade.txt", "meeting", "Xi Jinping", "planned", "2025-05-13",
                 id="expected-to-speak-to"),
    pytest.param("beirut_ceasefire.txt", "ceasefire", "Hezbollah", "occurred", "2024-11-27",
                 id="took-effect-at-4am"),
])
def test_wire_stories_of_other_negotiations(
    name: str, etype: str, actor: str, status: str, day: str
) -> None:
    found = [e for e in _events(name, etype, actor) if e.status == status]
    assert day in [e.date_start.isoformat() for e in found]


def test_a_statement_inside_a_relative_clause_is_its_subject_s() -> None:
    """"Russia handed Ukraine a memorandum, which Kyiv said it would study"."""
    said = [e for e in _extract("istanbul_swap.txt") if e.type == "statement"
            and "which Kyiv said" in (e.sources[0].evidence or "")]
    assert [sorted(a.name for a in e.actors) for e in said] == [["Ukraine"]]


def test_neither_the_dateline_nor_the_region_is_a_venue() -> None:
    """"BEIRUT (AP) - ... Netanyahu's security cabinet approved the deal"; "to travel to the
    region again next week"."""
    events = _extract("beirut_ceasefire.txt")
    assert [e.location for e in events if e.type in ("agreement", "visit")] == [None, None]


def test_a_post_on_x_is_a_statement_whatever_it_says() -> None:
    """'"This is a first step," M23 spokesman Lawrence Kanyuka wrote on X'."""
    assert _events("doha_declaration.txt", "statement", "Lawrence Kanyuka")


def test_a_deadline_is_a_span_ending_on_it() -> None:
    """"sign a comprehensive agreement no later than August 18"."""
    planned = [e for e in _events("doha_declaration.txt", "agreement", "M23")
               if e.status == "planned"]
    assert [_span(e) for e in planned] == [("2025-07-20", "2025-08-18")]


def test_coordinated_verbs_share_their_subject_and_a_joint_statement_its_authors() -> None:
    """"Grossi ... met Raisi and Amirabdollahian, and held talks with Eslami"; "In a joint
    statement, the IAEA and the Atomic Energy Organisation of Iran said"."""
    events = _extract("tehran_inspectors.txt")
    talks = [e for e in events if e.type == "meeting" and e.date_start == date(2023, 3, 3)]
    assert talks and all("Rafael Grossi" in {a.name for a in e.actors if a.role == "initiator"}
                         for e in talks)
    joint = [e for e in events if e.type == "statement" and "joint statement" in (
        e.sources[0].evidence or "")]
    assert [sorted(a.name for a in e.actors) for e in joint] == [["IAEA", "Iran"]]


def test_the_next_round_is_held_where_the_talks_were() -> None:
    """"Iran and the P5+1 held talks in Vienna on April 6. The next round will resume on
    Wednesday" (no place named): Vienna."""
    text = ("Iran and the P5+1 held talks in Vienna on April 6. The next round of talks with "
            "Iran will resume on Wednesday, April 14.")
    planned = [e for e in extract_events(text, date(2021, 4, 13)) if e.status == "planned"]
    assert [(e.location, _span(e)) for e in planned] == [("Vienna", ("2021-04-14", "2021-04-14"))]


def test_a_round_held_over_a_range_in_a_relative_clause_and_referred_to_again() -> None:
    """"The fourth round ..., which was held in Addis Ababa from 17 to 19 December 2023, has
    ended"; "... said that the negotiations had ended": one round, over those days."""
    talks = [e for e in _extract("addis_dam_round.txt") if e.type == "meeting"]
    assert [(e.location, _span(e)) for e in talks] == [
        ("Addis Ababa", ("2023-12-17", "2023-12-19"))]


def test_an_explicit_range_does_not_run_on_and_a_clause_has_its_own_subject() -> None:
    """"met in Bouznika ... from 22 May to 6 June"; "Russia and China expressed support,
    while the United States called on all sides"."""
    events = _extract("libya_briefing.txt")
    assert ("2023-05-22", "2023-06-06") in [_span(e) for e in events if e.type == "meeting"]
    urged = [e for e in events if e.type == "request" and "United States" in
             {a.name for a in e.actors}]
    assert [sorted(a.name for a in e.actors) for e in urged] == [["United States"]]


def test_a_small_place_named_as_one_is_a_venue() -> None:
    """"collapsed in 2017 at the Swiss resort of Crans-Montana"."""
    assert ("Crans-Montana", "Switzerland") in [
        (e.location, e.country) for e in _extract("geneva_cyprus.txt") if e.type == "meeting"]


def test_the_person_a_row_of_titles_leads_to_speaks() -> None:
    """"Turkish Cypriot leader Ersin Tatar insisted ..."."""
    assert _events("geneva_cyprus.txt", "statement", "Ersin Tatar")


def test_talks_later_in_a_sentence_lend_no_venue_to_other_talks() -> None:
    """"commanders will meet on Tuesday morning, and a meeting of the border committee will
    be held in Cambodia on Aug. 4"."""
    tuesday = [e for e in _extract("kuala_lumpur_truce.txt")
               if e.type == "meeting" and e.date_start == date(2025, 7, 29)]
    assert [e.location for e in tuesday] == [None]


def test_one_side_agreeing_to_hold_talks_is_an_agreement_and_the_talks_come_later() -> None:
    """"Pyongyang agreed on Friday to hold a dialogue in the border village of Panmunjom"."""
    text = ("South and North Korea will hold high-level talks on Tuesday. This comes after "
            "Pyongyang agreed on Friday to hold an inter-Korean dialogue in the border village "
            "of Panmunjom.")
    events = extract_events(text, date(2018, 1, 7))
    assert [(e.type, e.status, _span(e), e.location) for e in events] == [
        ("meeting", "planned", ("2018-01-09", "2018-01-09"), "Panmunjom"),
        ("agreement", "occurred", ("2018-01-05", "2018-01-05"), None)]


def test_a_meeting_on_the_sidelines_is_where_and_when_the_conference_is() -> None:
    """"met on the sidelines of the OSCE ministerial conference in Skopje on Thursday, a day
    after their deputies held a round of border talks in Vienna"."""
    talks = sorted((_span(e), e.location) for e in _extract("skopje_sidelines.txt")
                   if e.type == "meeting" and e.status == "occurred"
                   and e.date_start >= date(2023, 11, 29))
    assert talks == [(("2023-11-29", "2023-11-29"), "Vienna"),
                     (("2023-11-30", "2023-11-30"), "Skopje")]


def test_speaking_to_a_broadcaster_is_an_interview_not_a_meeting() -> None:
    """"Speaking to Al Jazeera on Friday, Armenian Foreign Minister Ararat Mirzoyan said"."""
    events = _extract("skopje_sidelines.txt")
    assert [e.type for e in events if e.date_start == date(2023, 12, 1)] == ["statement"]


def test_days_joined_by_and_are_one_span() -> None:
    """"held talks in Vienna on April 6 and 9"."""
    text = "Iran and the P5+1 held nuclear talks in Vienna on April 6 and 9."
    talks = [e for e in extract_events(text, date(2021, 4, 13)) if e.type == "meeting"]
    assert [_span(e) for e in talks] == [("2021-04-06", "2021-04-09")]


@pytest.mark.parametrize("when", ["in the 1990s", "in the 20th century"])
def test_a_decade_or_a_century_dates_no_event(when: str) -> None:
    """The date engine writes decades as TimeML does ("199"); they still date no event."""
    text = f"Greece and Turkey held talks on the islands {when}, the ministry said."
    assert all(e.date_start.year == 2024 for e in extract_events(text, date(2024, 1, 10)))
