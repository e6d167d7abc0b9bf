"""Linking decisions on hand-made mentions."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path
from typing import Any

from hornbill import figures, link
from hornbill.model import Actor, DatePoint, DocResult, Document, EventMention, Evidence, content_id
from hornbill.store import open_kb
from hornbill.views import export

UK = Actor("country:GBR", "United Kingdom", "COUNTRY", "GBR")
MALI = Actor("country:MLI", "Mali", "COUNTRY", "MLI")


def mention(event_type: str, actor: Actor | None, recipient: Actor | None, date: DatePoint) -> EventMention:
    return EventMention(
        event_type, actor, recipient, date, "occurred", Evidence("d1", "a.txt", "s", 0, 1), "trigger"
    )


def stored(
    event_type: str, actor: str | None, recipient: str | None, date: str | None, precision: str | None
) -> link.StoredMention:
    return link.StoredMention("e1", "d0", event_type, actor, recipient, date, precision)


def test_dates_compare_at_the_coarser_precision() -> None:
    assert link.dates_compatible("2022-11-14", "day", "2022-11", "month")
    assert link.dates_compatible("2022", "year", "2022-11-14", "day")
    assert not link.dates_compatible("2022-11-14", "day", "2022-10", "month")
    assert not link.dates_compatible("2022-11-14", "day", None, None)


def test_same_type_actor_recipient_and_date_merge_with_a_reason() -> None:
    reason = link.merge_reason(
        link.as_stored(mention("RETREAT", UK, MALI, DatePoint("2022-11-14", "day", "explicit"))),
        stored("RETREAT", "country:GBR", "country:MLI", "2022-11", "month"),
    )
    assert reason is not None and "same recipient country:MLI" in reason


def test_different_type_or_recipient_never_merge() -> None:
    new = link.as_stored(mention("RETREAT", UK, MALI, DatePoint("2022-11-14", "day", "explicit")))
    assert (
        link.merge_reason(new, stored("SANCTION", "country:GBR", "country:MLI", "2022-11", "month")) is None
    )
    assert link.merge_reason(new, stored("RETREAT", "country:GBR", "country:NER", "2022-11", "month")) is None


def test_doers_known_only_by_their_kind_merge_only_on_a_shared_recipient() -> None:
    rebels = "group:rebels"
    attack = stored("ASSAULT", rebels, None, "2024-07-26", "day")
    assert link.merge_reason(stored("ASSAULT", rebels, None, "2024-07-26", "day"), attack) is None
    assert link.merge_reason(stored("ASSAULT", rebels, "country:MLI", "2024-07-26", "day"), attack) is None
    on_mali = stored("ASSAULT", rebels, "country:MLI", "2024-07", "month")
    assert link.merge_reason(stored("ASSAULT", rebels, "country:MLI", "2024-07-26", "day"), on_mali)


def test_events_without_a_doer_merge_only_on_a_shared_recipient() -> None:
    new = link.as_stored(mention("COERCE", None, None, DatePoint("2020", "year", "explicit")))
    assert link.merge_reason(new, stored("COERCE", None, None, "2020", "year")) is None
    with_recipient = link.as_stored(mention("COERCE", None, MALI, DatePoint("2020", "year", "explicit")))
    assert link.merge_reason(with_recipient, stored("COERCE", None, "country:MLI", "2020-08", "month"))


DATES = [(None, None), ("2022-11-14", "day"), ("2022-11-03", "day"), ("2022-11", "month"), ("2022-12", "month"),
         ("2022", "year"), ("2021", "year"), ("2019-05", "month"), ("2016", "year"), ("202", "decade"),
         ("201", "decade"), ("20", "century"), ("2022-W46", "week"), ("2021-W46", "week"), ("2022-SU", "season"),
         ("2022-Q4", "quarter")]
ROLES = [("country:GBR", "country:MLI"), ("country:GBR", None), (None, "country:MLI"), (None, None),
         ("country:MLI", "country:GBR"), ("country:GBR", "igo:minusma"), ("person:sergei_lavrov", "country:MLI"),
         ("country:RUS", "person:abdoulaye_diop"), ("country:RUS", "country:MLI")]
BASES = [("explicit", "occurred"), ("reported", "occurred"), ("reported", "announced")]


def test_probe_keys_find_every_stored_mention_a_new_one_could_merge_with() -> None:
    mentions = [link.StoredMention("e1", "d0", kind, actor, recipient, date, precision, basis, status)
                for kind in ("RETREAT", "COERCE") for actor, recipient in ROLES for date, precision in DATES
                for basis, status in BASES]
    merges = loose = misses = 0
    for new in mentions:
        probes = set(link.probe_keys(new))
        for old in mentions:
            why = link.merge_reason(new, old)
            if why is not None:
                merges += 1
                loose += "told it as past" in why or "told as past" in why or "date unknown" in why
                misses += not probes & set(link.filing_keys(old))
    assert merges > 1000 and loose > 100 and misses == 0


def test_merge_reasons_are_symmetric() -> None:
    mentions = [link.StoredMention("e1", "d0", "SANCTION", actor, recipient, date, precision, basis, status)
                for actor, recipient in ROLES for date, precision in DATES for basis, status in BASES]
    for a in mentions:
        for b in mentions:
            assert (link.merge_reason(a, b) is None) == (link.merge_reason(b, a) is None)


def test_probe_keys_leave_out_other_actors_types_and_years() -> None:
    new = stored("RETREAT", "country:GBR", None, "2022-11-14", "day")
    probes = set(link.probe_keys(new))
    assert probes & set(link.filing_keys(stored("RETREAT", "country:GBR", "country:MLI", "2022", "year")))
    assert probes & set(link.filing_keys(stored("RETREAT", "country:GBR", None, "2022-11-14", "day")))
    for other in (stored("RETREAT", "country:GBR", None, "2021-11-14", "day"),
                  stored("RETREAT", "country:GBR", None, "2022-11-15", "day"),
                  stored("RETREAT", "country:MLI", None, "2022-11-14", "day"),
                  stored("COERCE", "country:GBR", None, "2022-11-14", "day")):
        assert not probes & set(link.filing_keys(other))
    assert link.probe_keys(stored("COERCE", None, None, "2022", "year")) == []


def dated(event_type: str, actor: str, recipient: str | None, date: str | None, precision: str | None,
          basis: str = "explicit", status: str = "occurred") -> link.StoredMention:
    return link.StoredMention("e1", "d0", event_type, actor, recipient, date, precision, basis, status)


def test_an_undated_report_joins_a_dated_one_only_on_a_lasting_type_and_a_named_recipient() -> None:
    # "Britain pulled its troops out of the peacekeeping mission" in an article with no date
    undated = dated("RETREAT", "country:GBR", "igo:minusma", None, None, "none")
    reason = link.merge_reason(undated, dated("RETREAT", "country:GBR", "igo:minusma", "2022-11-14", "day"))
    assert reason is not None and "date unknown on one side" in reason
    # no recipient, a mere country as recipient, or a type done again and again: the date is needed
    assert link.merge_reason(dated("RETREAT", "country:GBR", None, None, None, "none"),
                             dated("RETREAT", "country:GBR", None, "2022-11-14", "day")) is None
    assert link.merge_reason(dated("RETREAT", "country:DEU", "country:MLI", None, None, "none"),
                             dated("RETREAT", "country:DEU", "country:MLI", "2022-08", "month")) is None
    assert link.merge_reason(dated("ASSAULT", "country:GBR", "igo:minusma", None, None, "none"),
                             dated("ASSAULT", "country:GBR", "igo:minusma", "2022-11-14", "day")) is None


def test_one_lasting_act_dated_to_days_close_together_by_two_reports_is_one_event() -> None:
    # a ceasefire deal told "signed on Wednesday" by one paper and dated to the Friday it was
    # announced by another; an attack on those two days is two attacks
    signed = dated("AGREE", "country:ETH", "reb:tplf", "2022-11-02", "day", "explicit")
    announced = dataclasses.replace(dated("AGREE", "country:ETH", "reb:tplf", "2022-11-04", "day", "context"),
                                    doc_id="d2", event_id="e2")
    reason = link.merge_reason(signed, announced)
    assert reason is not None and "at most 3 days apart" in reason
    assert set(link.filing_keys(signed)) & set(link.probe_keys(announced))
    weeks_later = dataclasses.replace(announced, date="2022-11-20")
    assert link.merge_reason(signed, weeks_later) is None
    strikes = [dataclasses.replace(m, event_type="ASSAULT") for m in (signed, announced)]
    assert link.merge_reason(*strikes) is None


def test_a_date_taken_from_the_publication_bounds_a_past_event_from_above() -> None:
    # "The junta has turned to Russia" in an article of July 2023, "turned to Russia in 2021" in another
    background = dated("COOPERATE", "country:MLI", "country:RUS", "2023-07-01", "day", "reported")
    reason = link.merge_reason(background, dated("COOPERATE", "country:MLI", "country:RUS", "2021", "year"))
    assert reason is not None and "2021 is before 2023-07-01" in reason
    later_background = dated("COOPERATE", "country:MLI", "country:RUS", "2024-02-10", "day", "reported")
    assert link.merge_reason(background, later_background) is not None
    for other in (dated("COOPERATE", "country:MLI", "country:RUS", "2023-08", "month"),  # after the report
                  dated("COOPERATE", "country:MLI", "country:RUS", "2012", "year"),  # beyond LOOKBACK_YEARS
                  dated("COOPERATE", "country:MLI", "country:CHN", "2021", "year"),
                  dated("ASSAULT", "country:MLI", "country:RUS", "2021", "year")):
        assert link.merge_reason(dataclasses.replace(background, event_type=other.event_type), other) is None
    # "will withdraw" is no report of a past event: its publication date bounds nothing
    plan = dated("COOPERATE", "country:MLI", "country:RUS", "2023-07-01", "day", "reported", "announced")
    assert link.merge_reason(plan, dated("COOPERATE", "country:MLI", "country:RUS", "2021", "year")) is None


def test_an_act_a_paper_tells_as_recent_joins_the_report_that_dates_it_days_before() -> None:
    # "the bloc condemned the raid" in a paper of 14 November; "condemned the raid on Tuesday" (the 12th)
    recent = dated("ACCUSE", "igo:au", "country:SDN", "2022-11-14", "day", "reported")
    dated_in_text = dataclasses.replace(dated("ACCUSE", "igo:au", "country:SDN", "2022-11-12", "day"), doc_id="d1")
    reason = link.merge_reason(recent, dated_in_text)
    assert reason is not None and "at most 3 days before" in reason
    assert link.merge_reason(dated_in_text, recent) is not None
    assert set(link.probe_keys(recent)) & set(link.filing_keys(dated_in_text))
    assert set(link.probe_keys(dated_in_text)) & set(link.filing_keys(recent))
    # a week before the paper, after it, another doer, or no doer named: not the same act
    for other in ("2022-11-07", "2022-11-16"):
        assert link.merge_reason(recent, dataclasses.replace(dated_in_text, date=other)) is None
    assert link.merge_reason(recent, dataclasses.replace(dated_in_text, actor_key="igo:eu")) is None
    no_doer = dated("ACCUSE", None, "country:SDN", "2022-11-14", "day", "reported")  # type: ignore[arg-type]
    assert link.merge_reason(no_doer, dataclasses.replace(dated_in_text, actor_key=None)) is None
    # two papers telling it as recent, a day apart; but two such sentences of one paper are two acts
    other_paper = dataclasses.replace(dated("ACCUSE", "igo:au", "country:SDN", "2022-11-15", "day", "reported"),
                                      doc_id="d1")
    assert link.merge_reason(recent, other_paper)
    assert link.merge_reason(recent, dataclasses.replace(other_paper, doc_id=recent.doc_id)) is None


def test_an_office_holder_acts_for_the_country_of_the_office() -> None:
    # "Foreign Minister Abdoulaye Diop demanded the mission's departure" / "as Mali demanded"
    minister = dated("REQUEST", "person:abdoulaye_diop", "igo:minusma", "2023-06", "month")
    reason = link.merge_reason(minister, dated("REQUEST", "country:MLI", None, "2023-06-30", "day"))
    assert reason is not None and "person:abdoulaye_diop holds office in country:MLI" in reason
    assert link.merge_reason(minister, dated("REQUEST", "country:RUS", None, "2023-06-30", "day")) is None
    assert link.merge_reason(dated("AGREE", "person:sergei_lavrov", "country:MLI", "2023-06-30", "day"),
                             dated("AGREE", "person:vladimir_putin", "country:MLI", "2023-06-30", "day")) is None
    # a leader of an armed group speaks for no country
    assert link.office_country("person:iyad_ag_ghaly") is None


def test_a_mission_stands_for_its_host_country_as_recipient_and_names_the_event() -> None:
    mission = dated("RETREAT", "igo:unsc", "igo:minusma", "2023-06-30", "day")
    reason = link.merge_reason(mission, dated("RETREAT", "igo:unsc", "country:MLI", "2023-06-30", "day"))
    assert reason is not None and "recipient igo:minusma stands for country:MLI" in reason
    assert link.merge_reason(mission, dated("RETREAT", "igo:unsc", "country:NER", "2023-06-30", "day")) is None
    assert link.merge_reason(mission, dated("RETREAT", "igo:unsc", "igo:eutm_mali", "2023-06-30", "day")) is None
    assert link.event_recipient("country:MLI", ["country:MLI", None, "igo:minusma"]) == "igo:minusma"
    assert link.event_recipient(None, [None, "country:MLI"]) == "country:MLI"
    assert link.event_recipient("country:NER", ["country:NER", "igo:minusma"]) == "country:NER"


def test_clusters_do_not_depend_on_the_order_documents_arrive_in() -> None:
    mentions = [dated("RETREAT", "country:GBR", "igo:minusma", None, None, "none"),
                dated("RETREAT", "country:GBR", "country:MLI", None, None, "none"),
                dated("RETREAT", "country:GBR", "igo:minusma", "2022-11-14", "day"),
                dated("RETREAT", "country:GBR", "country:MLI", "2016", "year"),  # too long before the report
                dated("RETREAT", "country:GBR", "country:MLI", "2023-07-01", "day", "reported"),
                dated("RETREAT", "person:rishi_sunak", "country:MLI", "2022-11", "month"),
                dated("RETREAT", "country:GBR", None, "2022-11-14", "day")]
    mentions = [dataclasses.replace(m, event_id=f"e{i}", doc_id=f"d{i}") for i, m in enumerate(mentions)]
    results = set()
    for order in itertools.permutations(mentions):
        clusters = link.Clusters({})
        for m in order:
            clusters.add_document([m])
        results.add(frozenset(frozenset(group) for group in clusters.groups()))
    assert results == {frozenset({frozenset({"e0", "e1", "e2", "e4", "e5", "e6"}), frozenset({"e3"})})}


def test_a_source_is_its_outlet_or_else_the_document_itself() -> None:
    assert link.source_key("Wire A", "d1") == link.source_key("Wire A", "d2") == "Wire A"
    assert link.source_key(None, "d1") != link.source_key(None, "d2")


def test_hedged_figures_disagree_only_when_no_value_fits_both() -> None:
    assert figures.claims_disagree((13000, None), (15000, "over"))
    assert not figures.claims_disagree((13000, "about"), (13400, None))
    assert not figures.claims_disagree((16000, None), (15000, "over"))
    assert figures.claims_disagree((300, None), (250, "up to"))


def test_units_fall_into_measures() -> None:
    measures = figures.measures()
    assert measures.measure("soldiers") == measures.measure("troops and police") == "uniformed personnel"
    assert measures.measure("peacekeepers killed") == "deaths"
    assert measures.measure("USD per year") == "usd per year"


def claim(doc_id: str, value: float, qualifier: str | None, unit: str = "troops", about: str = "igo:x") -> dict:
    return {"doc_id": doc_id, "value": value, "qualifier": qualifier, "unit": unit, "about_key": about,
            "subject": f"X {unit}"}


def test_conflicts_need_two_documents_and_the_same_measure_of_the_same_actor() -> None:
    assert figures.conflicting_groups([claim("d1", 1100, None), claim("d1", 1400, None)]) == []
    assert figures.conflicting_groups([claim("d1", 1100, None), claim("d2", 1400, None, about="igo:y")]) == []
    assert figures.conflicting_groups([claim("d1", 1100, None), claim("d2", 1400, None, unit="deaths")]) == []
    groups = figures.conflicting_groups([claim("d1", 13000, None, "soldiers"), claim("d2", 15000, "over", "personnel")])
    assert len(groups) == 1 and len(groups[0]) == 2


def test_only_figures_of_one_place_at_compatible_times_are_compared() -> None:
    def at(doc_id: str, value: float, place: str | None, published: str, period: str | None = None) -> dict:
        return {**claim(doc_id, value, "about"), "place": place, "published": published, "period": period}

    elsewhere = [at("d1", 4000, "the Horn of Africa", "2021-03-02"), at("d2", 900, "Somalia", "2021-03-05")]
    assert figures.conflicts_of(elsewhere) == []
    years_apart = [at("d1", 4000, "Somalia", "2019-03-02"), at("d2", 900, "Somalia", "2021-03-05")]
    assert figures.conflicts_of(years_apart) == []
    then_and_now = [at("d1", 4000, "Somalia", "2021-03-02", period="2015"), at("d2", 900, "Somalia", "2021-03-05")]
    assert figures.conflicts_of(then_and_now) == []
    same_month = [at("d1", 4000, "Somalia", "2021-03-02"), at("d2", 900, "Somalia", "2021-03-20")]
    (conflict,) = figures.conflicts_of(same_month)
    assert len(conflict.members) == 2
    assert conflict.why == ("same measure (uniformed personnel) of the same subject, in somalia, "
                            "at compatible times (2021-03-02 and 2021-03-20)")


def test_a_figure_repeated_by_many_reports_is_held_against_a_figure_from_another_document() -> None:
    repeated = [claim(f"d{i}", 13000, None) for i in range(500)]
    assert figures.conflicting_groups(repeated) == []
    assert len(figures.conflicting_groups([*repeated, claim("d0", 15000, "over")])[0]) == 501
    change = [claim("d1", 1100, None), claim("d1", 1400, None), claim("d1", 1100, None)]  # "from 1,100 to 1,400"
    assert figures.conflicting_groups(change) == []
    assert figures.conflicting_groups([*change, claim("d2", 1400, None)]) != []  # d2's 1,400 against d1's 1,100


def test_the_most_precise_date_from_the_text_speaks_for_an_event() -> None:
    explicit_month = link.mention_rank("explicit", "month", 0.9)
    derived_day = link.mention_rank("sentence", "day", 0.5)
    publication_day = link.mention_rank("reported", "day", 0.9)
    assert derived_day > explicit_month > publication_day


def retreat(event_id: str, doc_id: str, date: str, precision: str) -> link.StoredMention:
    return link.StoredMention(event_id, doc_id, "RETREAT", "country:GBR", "country:MLI", date, precision)


def filed(*mentions: link.StoredMention) -> dict[str, list[link.StoredMention]]:
    by_key: dict[str, list[link.StoredMention]] = {}
    for m in mentions:
        for key in link.filing_keys(m):
            by_key.setdefault(key, []).append(m)
    return by_key


def test_clusters_join_stored_events_and_earlier_documents_of_the_batch() -> None:
    clusters = link.Clusters(filed(retreat("e-stored", "d0", "2022-11-14", "day")))
    clusters.add_document([retreat("e-a", "da", "2022-11-25", "day")])  # 11 days on: founds an event
    clusters.add_document([retreat("e-b", "db", "2022-11", "month"),  # joins the stored event and A's
                           retreat("e-c", "db", "2021", "year")])  # a year apart: founds its own
    clusters.add_document([retreat("e-d", "dd", "2021-03", "month")])  # found by C, filed in this batch
    assert sorted(sorted(group) for group in clusters.groups()) == [["e-a", "e-b", "e-stored"], ["e-c", "e-d"]]
    assert clusters.merged == 2  # B and D joined; A and C founded events


def test_mentions_of_one_document_that_match_each_other_found_one_event() -> None:
    clusters = link.Clusters({})
    clusters.add_document([retreat("e-a", "da", "2022-11-14", "day"), retreat("e-b", "da", "2022-11", "month")])
    assert [sorted(group) for group in clusters.groups()] == [["e-a", "e-b"]]
    assert clusters.merged == 1


def quote(quote_id: str, text: str, speaker: str | None = "person:ruto") -> dict:
    return {"quote_id": quote_id, "speaker_key": speaker, "text": text}


def test_one_remark_quoted_by_several_outlets_is_one_quote_whatever_the_order() -> None:
    quotes = [
        quote("q3", "Kenya will not send police officers to Haiti until the courts allow it."),
        quote("q1", "“We will not send police officers to Haiti until the courts allow it,” he said"[1:-10]),
        quote("q2", "Kenya will not send police officers to Haiti until the courts allow it"),
        quote("q4", "the courts allow it"),  # too short to tell one remark from a common phrase
        quote("q5", "Kenya will not send police officers to Haiti until the courts allow it.", speaker="person:other"),
        quote("q6", "Our officers are ready to deploy as soon as parliament agrees."),
    ]
    groups = link.quote_groups(quotes)
    assert groups["q2"] == groups["q3"] == "q2"
    assert groups["q1"] == "q1" and groups["q4"] == "q4" and groups["q5"] == "q5" and groups["q6"] == "q6"
    assert link.quote_groups(list(reversed(quotes))) == groups


def test_a_shorter_excerpt_of_the_same_remark_joins_it() -> None:
    full = quote("q1", "The ceasefire must hold for the aid convoys to reach Khartoum, and both sides know it.")
    excerpt = quote("q2", "the aid convoys to reach Khartoum")
    other = quote("q3", "the aid convoys to reach Darfur")
    groups = link.quote_groups([full, excerpt, other])
    assert groups["q2"] == "q1" and groups["q3"] == "q3"


UNMISS = Actor("igo:unmiss", "UNMISS", "IGO", "SSD")
SOUTH_SUDAN = Actor("country:SSD", "South Sudan", "COUNTRY", "SSD")
SUNAK = Actor("person:rishi_sunak", "Rishi Sunak", "PERSON", "GBR")


def report(text: str, outlet: str, published: DatePoint, actor: Actor, recipient: Actor, date: DatePoint,
           event_type: str = "RETREAT") -> DocResult:
    """An article of one sentence stating one event."""
    doc = dataclasses.replace(Document.verbatim(text, content_id(text, prefix="d"), f"{outlet}.txt", published),
                              outlet=outlet)
    evidence = Evidence(doc.doc_id, doc.source, text, 0, len(text))
    return DocResult(document=doc, events=(EventMention(event_type, actor, recipient, date, "occurred", evidence,
                                                        "withdrew", confidence=0.8),))


UNDATED = DatePoint.unknown()
ENGINEERS = [
    report("Britain has pulled its engineers out of the UN mission in South Sudan.", "Blog", UNDATED,
           UK, UNMISS, UNDATED),
    report("On Friday Britain withdrew its engineers from UNMISS, the defence ministry said.", "Wire",
           DatePoint("2024-03-02", "day", "metadata"), UK, UNMISS, DatePoint("2024-03-01", "day", "explicit")),
    report("Prime Minister Rishi Sunak withdrew the British engineering unit from South Sudan this month.", "Daily",
           DatePoint("2024-03-20", "day", "metadata"), SUNAK, SOUTH_SUDAN, DatePoint("2024-03", "month", "sentence")),
    report("Britain has already withdrawn its engineers from UNMISS.", "Weekly",
           DatePoint("2025-01-15", "day", "metadata"), UK, UNMISS, DatePoint("2025-01-15", "day", "reported")),
    report("Britain has pulled its troops out of Mali.", "Blog", UNDATED, UK, MALI, UNDATED),
]


def linked(kb_path: Path, batches: list[list[DocResult]]) -> tuple[list[tuple[str, ...]], list[dict[str, Any]]]:
    """(the sources of each event, the events) once ``batches`` are added in turn to a new KB."""
    kb = open_kb(kb_path)
    for batch in batches:
        kb.add(batch)
    events = sorted(export.events(kb), key=lambda e: e["id"])
    kb.close()
    return [tuple(sorted(m["source"] for m in e["mentions"])) for e in events], events


def test_reports_with_loose_dates_office_holders_and_missions_link_the_same_added_one_by_one(tmp_path: Path) -> None:
    groups, events = linked(tmp_path / "batch.duckdb", [ENGINEERS])
    assert sorted(groups) == [("Blog.txt",), ("Blog.txt", "Daily.txt", "Weekly.txt", "Wire.txt")]
    merged = next(e for e in events if len(e["mentions"]) == 4)
    assert merged["num_sources"] == 4 and merged["recipient"]["id"] == "igo:unmiss"
    reasons = " ".join(m["link_reason"] or "" for m in merged["mentions"])
    assert "date unknown on one side" in reasons and "told it as past" in reasons
    for n, order in enumerate([ENGINEERS[::-1], ENGINEERS[2:] + ENGINEERS[:2], ENGINEERS[1::2] + ENGINEERS[::2]]):
        assert linked(tmp_path / f"{n}.duckdb", [[r] for r in order]) == (groups, events)


def test_a_body_and_the_organisation_it_is_part_of_are_one_doer() -> None:
    council = stored("RETREAT", "igo:unsc", "igo:minusma", "2023-06-30", "day")
    reason = link.merge_reason(stored("RETREAT", "igo:un", "country:MLI", "2023-06-30", "day"), council)
    assert reason is not None and "actor igo:unsc is part of igo:un" in reason
    assert link.merge_reason(stored("RETREAT", "igo:unga", "igo:minusma", "2023-06-30", "day"), council) is None
    assert set(link.probe_keys(stored("RETREAT", "igo:un", None, "2023-06-30", "day"))) & set(
        link.filing_keys(council))


def test_a_countrys_armed_forces_and_the_country_are_one_doer() -> None:
    army = stored("COERCE", "mil:fan_niger", None, "2023-07", "month")
    reason = link.merge_reason(stored("COERCE", "country:NER", "person:mohamed_bazoum", "2023-07-26", "day"), army)
    assert reason is not None and "actor mil:fan_niger is part of country:NER" in reason
    assert link.merge_reason(stored("COERCE", "country:SDN", None, "2023-07", "month"), army) is None
    assert link.event_actor("country:NER", ["country:NER", "mil:fan_niger"]) == "mil:fan_niger"


def test_a_body_of_a_government_and_its_country_are_one_doer() -> None:
    ministry = stored("ACCUSE", "gov:fra_quai_dorsay", "country:RUS", "2024-03-02", "day")
    reason = link.merge_reason(stored("ACCUSE", "country:FRA", "country:RUS", "2024-03-02", "day"), ministry)
    assert reason is not None and "actor gov:fra_quai_dorsay is part of country:FRA" in reason
    assert link.merge_reason(stored("ACCUSE", "country:DEU", "country:RUS", "2024-03-02", "day"), ministry) is None


def coup(event_id: str, actor: str | None, date: str, precision: str, doc_id: str = "da") -> link.StoredMention:
    return link.StoredMention(event_id, doc_id, "COERCE", actor, None, date, precision)


def test_a_mention_naming_nobody_joins_the_one_event_of_its_article_it_can_refer_back_to() -> None:
    clusters = link.Clusters({})
    clusters.add_document([coup("e-a", "mil:saf", "2021-10-25", "day"), coup("e-b", None, "2021", "year"),
                           coup("e-c", None, "2019", "year")])
    assert sorted(sorted(group) for group in clusters.groups()) == [["e-a", "e-b"], ["e-c"]]
    assert clusters.merged == 1
    reasons = link.link_reasons([coup("e-a", "mil:saf", "2021-10-25", "day"), coup("e-b", None, "2021", "year")],
                                ["m-a", "m-b"])
    assert reasons[0] is None and reasons[1] is not None and "same article" in reasons[1]


def test_a_mention_naming_nobody_stays_apart_from_other_articles_and_from_two_candidates() -> None:
    clusters = link.Clusters(filed(coup("e-stored", "mil:saf", "2021-10-25", "day", doc_id="d0")))
    clusters.add_document([coup("e-a", None, "2021", "year")])  # another article's coup: not referred to
    clusters.add_document([coup("e-b", "mil:saf", "2021-10", "month", doc_id="db"),
                           coup("e-c", "country:GIN", "2021-09", "month", doc_id="db"),
                           coup("e-d", None, "2021", "year", doc_id="db")])  # Sudan's or Guinea's: unknown
    groups = sorted(sorted(group) for group in clusters.groups())
    assert ["e-a"] in groups and ["e-d"] in groups and ["e-b", "e-stored"] in groups


def test_an_event_is_shown_with_the_body_rather_than_its_organisation() -> None:
    assert link.event_actor("igo:un", ["igo:un", "igo:unsc", None]) == "igo:unsc"
    assert link.event_actor("igo:unsc", ["igo:un", "igo:unsc"]) == "igo:unsc"
    assert link.event_actor("country:MLI", ["country:MLI", "igo:unsc"]) == "country:MLI"


def test_an_event_told_as_a_ministers_act_and_as_his_countrys_is_shown_as_the_countrys() -> None:
    both = ["person:dmytro_kuleba", "country:UKR"]
    assert link.event_actor("person:dmytro_kuleba", both, both) == "country:UKR"
    assert link.event_actor("country:UKR", both, both) == "country:UKR"
    alone = ["person:dmytro_kuleba", None]
    assert link.event_actor("person:dmytro_kuleba", alone, alone) == "person:dmytro_kuleba"
    other = ["person:dmytro_kuleba", "country:POL"]
    assert link.event_actor("person:dmytro_kuleba", other, other) == "person:dmytro_kuleba"
    # a headline's "Ukraine asks for ..." names the state for its minister: it does not count
    assert link.event_actor("person:dmytro_kuleba", both, ["person:dmytro_kuleba"]) == "person:dmytro_kuleba"


def test_a_date_told_as_past_does_not_join_a_later_part_of_its_period() -> None:
    # "announced the pullout earlier this year" in a paper of 20 April 2019: 2019, but not after 20 April
    earlier = dataclasses.replace(stored("RETREAT", "country:SWE", "country:CAF", "2019", "year"),
                                  date_before="2019-04-20")
    october = stored("RETREAT", "country:SWE", "country:CAF", "2019-10", "month")
    march = stored("RETREAT", "country:SWE", "country:CAF", "2019-03-11", "day")
    assert link.merge_reason(earlier, october) is None and link.merge_reason(october, earlier) is None
    assert link.merge_reason(earlier, march) is not None
    assert link.merge_reason(stored("RETREAT", "country:SWE", "country:CAF", "2019", "year"), october) is not None


def test_a_countrys_forces_shown_abroad_are_their_state_and_at_home_themselves() -> None:
    from hornbill import link

    assert link.state_abroad("forces:FRA", "country:MLI", None) == "country:FRA"
    assert link.state_abroad("forces:FRA", None, "MLI") == "country:FRA"
    assert link.state_abroad("forces:MMR", "person:aung_san_suu_kyi", "MMR") == "forces:MMR"
    assert link.state_abroad("igo:unsc", "country:MLI", "MLI") == "igo:unsc"


def test_a_coup_and_the_curfew_its_leaders_impose_are_two_events_but_modes_of_an_attack_are_one() -> None:
    coup = dataclasses.replace(stored("COERCE", "forces:PER", None, "2024-05-02", "day"), mode=None)
    curfew = dataclasses.replace(coup, mode="curfew")
    assert link.merge_reason(coup, curfew) is None
    assert link.merge_reason(curfew, dataclasses.replace(curfew, event_id="e2")) is not None
    strike = dataclasses.replace(stored("ASSAULT", "country:PER", "country:ECU", "2024-05-02", "day"), mode=None)
    assert link.merge_reason(strike, dataclasses.replace(strike, mode="aerial")) is not None


def test_reports_of_one_day_and_target_are_one_act_when_one_leaves_the_doer_unsaid_or_both_are_compatriots() -> None:
    army = stored("COERCE", "mil:fan_niger", "person:mohamed_bazoum", "2023-07-26", "day")
    unsaid = stored("COERCE", None, "person:mohamed_bazoum", "2023-07-26", "day")
    reason = link.merge_reason(unsaid, army)
    assert reason is not None and "doer unsaid on one side" in reason
    person = stored("COERCE", "person:abdourahamane_tiani", "person:mohamed_bazoum", "2023-07-26", "day")
    reason = link.merge_reason(person, army)
    assert reason is not None and "both of NER" in reason
    assert set(link.probe_keys(person)) & set(link.filing_keys(army))
    # another day, another target, a doer of another country, or a day not pinned down: apart
    assert link.merge_reason(stored("COERCE", None, "person:mohamed_bazoum", "2023-07-27", "day"), army) is None
    assert link.merge_reason(stored("COERCE", None, "country:MLI", "2023-07-26", "day"), army) is None
    malian = stored("COERCE", "country:MLI", "person:mohamed_bazoum", "2023-07-26", "day")
    assert link.merge_reason(malian, army) is None
    assert link.merge_reason(stored("COERCE", None, "person:mohamed_bazoum", "2023-07", "month"), army) is None
    assert link.merge_reason(stored("COERCE", None, "group:protesters", "2023-07-26", "day"),
                             stored("COERCE", "mil:fan_niger", "group:protesters", "2023-07-26", "day")) is None
