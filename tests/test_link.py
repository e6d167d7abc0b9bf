"""Linking decisions on hand-made mentions."""

from __future__ import annotations

from hornbill import link
from hornbill.model import Actor, DatePoint, EventMention, Evidence

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


def test_events_without_a_doer_merge_only_on_a_shared_recipient() -> None:
    new = link.as_stored(mention("COERCE", None, None, DatePoint("2020", "year", "explicit")))
    assert link.merge_reason(new, stored("COERCE", None, None, "2020", "year")) is None
    with_recipient = link.as_stored(mention("COERCE", None, MALI, DatePoint("2020", "year", "explicit")))
    assert link.merge_reason(with_recipient, stored("COERCE", None, "country:MLI", "2020-08", "month"))


DATES = [(None, None), ("2022-11-14", "day"), ("2022-11-03", "day"), ("2022-11", "month"), ("2022-12", "month"),
         ("2022", "year"), ("2021", "year"), ("202", "decade"), ("201", "decade"), ("20", "century"),
         ("2022-W46", "week"), ("2021-W46", "week"), ("2022-SU", "season"), ("2022-Q4", "quarter")]
ROLES = [("country:GBR", "country:MLI"), ("country:GBR", None), (None, "country:MLI"), (None, None),
         ("country:MLI", "country:GBR")]


def test_probe_keys_find_every_stored_mention_a_new_one_could_merge_with() -> None:
    mentions = [stored(kind, actor, recipient, date, precision) for kind in ("RETREAT", "COERCE")
                for actor, recipient in ROLES for date, precision in DATES]
    merges = misses = 0
    for new in mentions:
        probes = set(link.probe_keys(new))
        for old in mentions:
            found = bool(probes & set(link.filing_keys(old)))
            if link.merge_reason(new, old) is not None:
                merges += 1
                misses += not found
    assert merges > 100 and misses == 0


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


def test_a_source_is_its_outlet_or_else_the_document_itself() -> None:
    assert link.source_key("Wire A", "d1") == link.source_key("Wire A", "d2") == "Wire A"
    assert link.source_key(None, "d1") != link.source_key(None, "d2")


def test_near_duplicate_texts_have_similar_signatures_and_share_a_band() -> None:
    article = (
        "Chad's government said on Thursday that the last French soldiers had left the base in the capital, "
        "ending a military presence that began decades ago. The handover ceremony was attended by senior "
        "officers of both armies and by the defence minister, who thanked the departing troops. Officials "
        "said the remaining equipment would be flown out of the country before the end of the month, and "
        "that a joint commission would settle the future of the shared airfield. Opposition leaders welcomed "
        "the departure but asked the government to publish the terms of the new security agreements it has "
        "signed with other partners, saying parliament had not been consulted. Analysts in the region said "
        "the withdrawal left the Sahel with no permanent Western military base for the first time in decades, "
        "and that neighbouring states were watching how the army would cope with attacks near the border."
    )
    copy = "Share this story\n" + article.replace("Thursday", "Thursday evening") + "\nRead more from our partners"
    other = (
        "French soldiers left their last base in Chad on Thursday, the army said, after the government in "
        "N'Djamena ended a defence pact with Paris. A ceremony marked the handover to Chadian officers, and the "
        "defence minister thanked the troops. The remaining equipment will be flown out this month, officials "
        "said, while a commission decides the fate of the airfield the two armies shared for decades."
    )
    a, b, c = link.minhash(article), link.minhash(copy), link.minhash(other)
    assert link.similarity(a, b) >= link.NEAR_DUPLICATE
    assert set(link.bands(a)) & set(link.bands(b))
    assert link.similarity(a, c) < link.NEAR_DUPLICATE


def test_hedged_figures_disagree_only_when_no_value_fits_both() -> None:
    assert link.claims_disagree((13000, None), (15000, "over"))
    assert not link.claims_disagree((13000, "about"), (13400, None))
    assert not link.claims_disagree((16000, None), (15000, "over"))
    assert link.claims_disagree((300, None), (250, "up to"))


def test_units_fall_into_measures() -> None:
    measures = link.measures()
    assert measures.measure("soldiers") == measures.measure("troops and police") == "uniformed personnel"
    assert measures.measure("peacekeepers killed") == "deaths"
    assert measures.measure("USD per year") == "usd per year"


def claim(doc_id: str, value: float, qualifier: str | None, unit: str = "troops", about: str = "igo:x") -> dict:
    return {"doc_id": doc_id, "value": value, "qualifier": qualifier, "unit": unit, "about_key": about,
            "subject": f"X {unit}"}


def test_conflicts_need_two_documents_and_the_same_measure_of_the_same_actor() -> None:
    assert link.conflicting_groups([claim("d1", 1100, None), claim("d1", 1400, None)]) == []
    assert link.conflicting_groups([claim("d1", 1100, None), claim("d2", 1400, None, about="igo:y")]) == []
    assert link.conflicting_groups([claim("d1", 1100, None), claim("d2", 1400, None, unit="deaths")]) == []
    groups = link.conflicting_groups([claim("d1", 13000, None, "soldiers"), claim("d2", 15000, "over", "personnel")])
    assert len(groups) == 1 and len(groups[0]) == 2


def test_a_figure_repeated_by_many_reports_is_held_against_a_figure_from_another_document() -> None:
    repeated = [claim(f"d{i}", 13000, None) for i in range(500)]
    assert link.conflicting_groups(repeated) == []
    assert len(link.conflicting_groups([*repeated, claim("d0", 15000, "over")])[0]) == 501
    change = [claim("d1", 1100, None), claim("d1", 1400, None), claim("d1", 1100, None)]  # "from 1,100 to 1,400"
    assert link.conflicting_groups(change) == []
    assert link.conflicting_groups([*change, claim("d2", 1400, None)]) != []  # d2's 1,400 against d1's 1,100


def test_the_most_precise_date_from_the_text_speaks_for_an_event() -> None:
    explicit_month = link.mention_rank("explicit", "month", 0.9)
    derived_day = link.mention_rank("sentence", "day", 0.5)
    publication_day = link.mention_rank("document", "day", 0.9)
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
    clusters.add_document([retreat("e-a", "da", "2022-11-15", "day")])  # matches nothing yet: founds an event
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
