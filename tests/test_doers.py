"""Who did it, when the text names no one the dictionary knows: generic actors made from the doer's
own words, doers found in the context (pronouns, agentless passives, the article's country), and
doers left unknown; and how each event says which it is (``resolution``, ``sector``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from spacy.tokens import Doc

from hornbill.cli import main
from hornbill.model import EventMention

Annotate = Callable[..., Doc]


def events_of(doc: Doc, event_type: str) -> list[EventMention]:
    return [e for e in doc._.events if e.event_type == event_type]


def test_a_generic_doer_takes_its_sector_and_the_country_the_article_is_about(annotate: Annotate) -> None:
    doc = annotate(
        "Fuel protests spread across Zambia on Tuesday. Police detained forty students outside the parliament."
    )
    [arrest] = events_of(doc, "COERCE")
    assert arrest.actor is not None and arrest.recipient is not None
    assert (arrest.actor.name, arrest.actor.sector, arrest.actor.country) == ("police", "COP", "ZMB")
    assert arrest.resolution == "generic"
    assert (arrest.recipient.name, arrest.recipient.sector) == ("students", "EDU")


def test_blame_and_demands_may_be_aimed_at_people_known_by_kind_but_talks_are_not(annotate: Annotate) -> None:
    doc = annotate("Riots broke out in Lusaka on Friday. The interior ministry blamed the opposition for the "
                   "unrest and urged protesters to go home. Later the minister met students at a campus.")
    [blame] = events_of(doc, "ACCUSE")
    [plea] = events_of(doc, "REQUEST")
    assert blame.recipient is not None and blame.recipient.name == "opposition"
    assert plea.recipient is not None and plea.recipient.name == "protesters"
    assert all(e.recipient is None for e in events_of(doc, "CONSULT"))


def test_people_a_pronoun_owns_are_not_the_recipient_of_a_demand(annotate: Annotate) -> None:
    doc = annotate("The African Union keeps a mission in Somalia. The junta demanded the departure of its "
                   "troops and police.")
    [demand] = events_of(doc, "REQUEST")
    assert demand.recipient is None or demand.recipient.name != "police"


def test_a_release_told_in_the_passive_is_by_whoever_held_them(annotate: Annotate) -> None:
    doc = annotate("Gunmen kidnapped a Belgian engineer near Gao. Aid agencies shipped grain to the north of "
                   "Mali. The engineer was released on Friday.")
    [release] = [e for e in doc._.events if e.mode == "release"]
    assert release.actor is not None and release.actor.name.lower() == "gunmen"


def test_whom_a_clause_describing_the_target_names_is_not_the_target(annotate: Annotate) -> None:
    [execution] = events_of(annotate("Saudi Arabia executed a man convicted of stabbing a border guard."),
                            "ASSAULT")
    assert execution.recipient is None or "guard" not in execution.recipient.name


def test_police_reporting_an_agentless_arrest_made_it(annotate: Annotate) -> None:
    [arrest] = events_of(annotate("Bolivian police said the former minister was arrested on Sunday."), "COERCE")
    assert arrest.actor is not None and arrest.actor.sector == "COP"
    shooting = events_of(annotate("Two farmers were shot dead on Sunday, Bolivian police said."), "ASSAULT")
    assert all(e.actor is None for e in shooting)  # the police tell of a killing, not of their own


def test_protests_told_as_breaking_out_were_held_by_protesters_of_the_storys_country(annotate: Annotate) -> None:
    doc = annotate("Kenya's finance bill raised taxes on bread. Protests erupted in Nairobi on Tuesday.")
    [protest] = events_of(doc, "PROTEST")
    assert protest.actor is not None and protest.resolution == "generic"
    assert (protest.actor.name, protest.actor.country) == ("protesters", "KEN")
    assert not events_of(annotate("Protests are common in Nairobi."), "PROTEST")


@pytest.mark.parametrize("told", [
    "Large protests took place in Kampala on Thursday.",
    "Rallies against the fuel tax were held in Kampala on Thursday.",
    "There were street protests in Kampala on Thursday.",
])
def test_protests_told_as_taking_place_held_or_there_were_held_by_protesters(annotate: Annotate, told: str) -> None:
    doc = annotate(f"Uganda's parliament raised the tax on fuel. {told}")
    [protest] = events_of(doc, "PROTEST")
    assert protest.actor is not None and (protest.actor.name, protest.actor.country) == ("protesters", "UGA")
    banned = annotate("Uganda's parliament raised the tax on fuel. Protests were banned in Kampala.")
    assert not events_of(banned, "PROTEST")


def test_the_parties_to_clashes_that_broke_out_are_named_after_the_verb(annotate: Annotate) -> None:
    doc = annotate("Clashes broke out between police and students in Santiago on Friday.")
    pairs = {(e.actor.name, e.recipient.name) for e in events_of(doc, "ASSAULT") if e.actor and e.recipient}
    assert ("police", "students") in pairs


def test_violence_told_in_the_passive_with_no_doer_is_kept_with_its_doer_unknown(annotate: Annotate) -> None:
    [killing] = events_of(annotate("Two journalists were shot dead outside a cafe in Juba on Monday."), "ASSAULT")
    assert killing.actor is None and killing.resolution == "unknown"
    assert not events_of(annotate("A new trade deal was signed in Juba on Monday."), "SUPPORT")


def test_an_attack_told_by_its_weapon_takes_the_doer_the_text_gave_else_none(annotate: Annotate) -> None:
    [bombing] = events_of(annotate("A car bomb killed six soldiers near Kismayo on Sunday."), "ASSAULT")
    assert bombing.actor is None and bombing.resolution == "unknown"
    doc = annotate("Saudi jets pounded rebel positions in Saada on Monday. An airstrike also killed four "
                   "fighters in Hajjah.")
    assert [e.actor.name for e in events_of(doc, "ASSAULT") if e.trigger == "killed" and e.actor] == ["Saudi Arabia"]
    assert not events_of(annotate("Airstrikes kill civilians."), "ASSAULT")


def test_those_who_died_in_an_attack_did_not_carry_it_out(annotate: Annotate) -> None:
    [attack] = events_of(annotate("At least thirty villagers died in the attack on the market in Tillaberi."),
                         "ASSAULT")
    assert attack.actor is None and attack.resolution == "unknown"
    [coup] = events_of(annotate("Niger's presidential guard toppled the elected leader in a coup."), "COERCE")
    assert coup.actor is not None and "guard" in coup.actor.name.lower()


def test_a_call_for_a_release_told_before_the_detention_is_aimed_at_the_detainer(annotate: Annotate) -> None:
    doc = annotate("The AU chairman called for the prompt release of President Mohamed Bazoum. Soldiers of "
                   "the presidential guard had detained Mohamed Bazoum in Niamey on Wednesday.")
    [demand] = events_of(doc, "REQUEST")
    assert demand.recipient is not None and "guard" in demand.recipient.name.lower()


def test_a_threat_naming_no_target_is_aimed_at_the_doer_of_the_storys_act_of_force(annotate: Annotate) -> None:
    doc = annotate("Soldiers of Niger's presidential guard detained President Mohamed Bazoum on Wednesday. "
                   "France warned of possible sanctions.")
    [threat] = events_of(doc, "THREATEN")
    assert threat.recipient is not None and "guard" in threat.recipient.name.lower()


def test_a_protest_naming_no_target_is_aimed_at_the_doer_of_the_storys_act_of_force(annotate: Annotate) -> None:
    doc = annotate("Sudan's army seized power in Khartoum on Monday. Thousands of people marched in Omdurman on "
                   "Tuesday.")
    [protest] = events_of(doc, "PROTEST")
    assert protest.recipient is not None and protest.recipient.name == "Sudanese Armed Forces"
    # a protest over pay, with no act of force told, names no one
    [strike] = events_of(annotate("Teachers in Zambia went on strike over pay on Monday."), "PROTEST")
    assert strike.recipient is None


def test_a_reaction_to_an_act_done_to_people_is_not_aimed_at_the_victims(annotate: Annotate) -> None:
    [outrage] = events_of(annotate("Sweden expressed outrage at the execution of the young protester."), "ACCUSE")
    assert outrage.recipient is None or "protester" not in outrage.recipient.name
    [blame] = events_of(annotate("Norway condemned Belarus's arrest of the opposition activists."), "ACCUSE")
    assert blame.recipient is not None and blame.recipient.name == "Belarus"


def test_a_country_named_before_a_compound_kind_is_its_country(annotate: Annotate) -> None:
    doc = annotate("Ottawa condemned the crackdown. Canada imposed sanctions on Belarus's riot police on Monday.")
    [sanction] = events_of(doc, "SANCTION")
    target = sanction.recipient
    assert target is not None
    assert (target.name, target.sector, target.country) == ("riot police", "COP", "BLR")


def test_the_ministry_of_the_country_the_article_is_about_is_that_state(annotate: Annotate) -> None:
    doc = annotate("Zambia was hit by strikes. The interior ministry blamed the opposition for the unrest.")
    [blame] = events_of(doc, "ACCUSE")
    assert blame.actor is not None and blame.actor.key == "country:ZMB" and blame.resolution == "context"


def test_without_a_country_the_ministry_is_a_generic_government_body(annotate: Annotate) -> None:
    doc = annotate("The interior ministry blamed the opposition for the unrest.")
    [blame] = events_of(doc, "ACCUSE")
    assert blame.actor is not None and (blame.actor.name, blame.actor.sector, blame.actor.country) == (
        "interior ministry", "GOV", None)


def test_a_pronoun_doer_is_the_group_named_before(annotate: Annotate) -> None:
    doc = annotate(
        "Thousands of cocoa farmers marched on the capital of Ghana on Monday. "
        "They attacked two tax offices near the port."
    )
    [attack] = events_of(doc, "ASSAULT")
    assert attack.actor is not None and attack.actor.name == "cocoa farmers"
    assert attack.resolution == "context"


def test_an_agentless_passive_takes_the_doer_of_the_sentence_before(annotate: Annotate) -> None:
    doc = annotate(
        "Mutinous soldiers stormed the state broadcaster in Yaounde on Sunday. "
        "The regional governor was detained hours later."
    )
    [storming] = events_of(doc, "ASSAULT")
    [detention] = [e for e in events_of(doc, "COERCE") if "detained" in e.evidence.sentence]
    assert storming.actor is not None and detention.actor == storming.actor
    assert detention.resolution == "context"


def test_an_agentless_measure_a_government_reports_is_its_own(annotate: Annotate) -> None:
    doc = annotate("Bolivian officials said on Friday that two union leaders had been arrested.")
    [arrest] = events_of(doc, "COERCE")
    assert arrest.actor is not None and arrest.actor.key == "country:BOL" and arrest.resolution == "context"


def test_a_single_coup_with_no_doer_is_kept_as_unknown(annotate: Annotate) -> None:
    doc = annotate("A military coup in an unnamed capital ended ten years of civilian rule.")
    [coup] = events_of(doc, "COERCE")
    assert coup.actor is None and coup.resolution == "unknown"
    assert coup.confidence < 0.6


def test_soldiers_of_no_country_and_speakers_are_no_doers(annotate: Annotate) -> None:
    assert annotate("Soldiers stormed a village and burned the market.")._.events == []
    assert all(e.actor is None for e in annotate("The agency said the convoy had been attacked.")._.events)


def test_soldiers_of_no_named_country_acting_on_a_countrys_leader_are_that_countrys_forces(annotate: Annotate) -> None:
    doc = annotate("Soldiers detained President Macky Sall at his residence on Tuesday.")
    assert [(e.actor and e.actor.key, e.recipient and e.recipient.name) for e in events_of(doc, "COERCE")] == [
        ("forces:SEN", "Macky Sall")]


def test_a_countrys_army_is_itself_at_home_and_the_state_abroad(annotate: Annotate) -> None:
    home = events_of(annotate("The Peruvian army detained two opposition leaders in Lima."), "COERCE")
    abroad = events_of(annotate("The Peruvian army shelled positions inside Ecuador."), "ASSAULT")
    assert [e.actor.key for e in home if e.actor] == ["forces:PER"]
    assert [e.actor.key for e in abroad if e.actor] == ["country:PER"]


def _exported_events(tmp_path: Path, texts: dict[str, str]) -> list[dict[str, Any]]:
    """The events export of a knowledge base built from ``texts`` (file name -> article)."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in texts.items():
        (articles / name).write_text(text)
    db = tmp_path / "kb.duckdb"
    assert CliRunner().invoke(main, ["build", str(articles), "-o", str(db)]).exit_code == 0
    result = CliRunner().invoke(main, ["export", "events", "--db", str(db)])
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_exported_event_says_how_its_doer_was_found(tmp_path: Path) -> None:
    events = _exported_events(tmp_path, {"a.txt": (
        "Riot police arrested striking teachers in Lusaka on Monday. "
        "Zambia's president condemned the violence. A coup was reported in a neighbouring state.\n")})
    assert events and all("resolution" in e["actor"] and "sector" in e["actor"] for e in events)
    kinds = {e["actor"]["resolution"] for e in events}
    assert "generic" in kinds and "unknown" in kinds
    police = [e["actor"] for e in events if e["actor"]["resolution"] == "generic"]
    assert police[0]["sector"] == "COP" and police[0]["country"] == "ZMB"


def test_a_reaction_to_an_act_is_aimed_at_whoever_the_article_says_did_it(annotate: Annotate) -> None:
    doc = annotate(
        "Soldiers led by Colonel Ismail Omar seized power in Mogadishu on Sunday. "
        "The African Union condemned the coup and called for calm."
    )
    [coup] = [e for e in events_of(doc, "COERCE") if "seized" in e.evidence.sentence]
    [condemnation] = events_of(doc, "ACCUSE")
    assert coup.actor is not None and condemnation.recipient == coup.actor


def test_a_headline_reaction_is_aimed_at_the_doer_its_story_then_tells(annotate: Annotate) -> None:
    doc = annotate("UN chief condemns Zambia coup\n\nThe army took power in Lusaka on Monday.")
    [condemnation] = events_of(doc, "ACCUSE")
    assert condemnation.recipient is not None and condemnation.recipient.key == "forces:ZMB"


def test_a_reaction_to_an_agreement_is_aimed_at_no_one_party(annotate: Annotate) -> None:
    doc = annotate("Chile and Peru signed a fishing accord in May. Bolivia condemned the accord.")
    assert all(e.recipient is None for e in events_of(doc, "ACCUSE"))


def test_coordinated_nationalities_before_one_noun_are_each_a_doer(annotate: Annotate) -> None:
    doc = annotate("Saudi and Emirati jets struck rebel positions.")
    assert {e.actor.name for e in events_of(doc, "ASSAULT") if e.actor} == {"Saudi Arabia", "United Arab Emirates"}


def test_representatives_of_two_countries_meeting_are_a_meeting_of_the_two(annotate: Annotate) -> None:
    doc = annotate("The foreign ministers of Armenia and Azerbaijan met in Washington on Monday.")
    pairs = {(e.actor.name, e.recipient.name) for e in events_of(doc, "CONSULT") if e.actor and e.recipient}
    assert pairs == {("Armenia", "Azerbaijan"), ("Azerbaijan", "Armenia")}


def test_a_past_holder_of_an_office_is_not_the_state(annotate: Annotate) -> None:
    doc = annotate("Niger's government said on Tuesday that gunmen had kidnapped the former minister.")
    kidnappings = events_of(doc, "ASSAULT")
    assert kidnappings and all(e.recipient is None or e.recipient.key != "country:NER" for e in kidnappings)


def test_a_drill_held_together_is_each_ones_cooperation_with_the_other(annotate: Annotate) -> None:
    doc = annotate("Egyptian and Sudanese warplanes held an air drill near Khartoum.")
    assert not events_of(doc, "MOBILIZE")
    assert {e.actor.country for e in events_of(doc, "COOPERATE") if e.actor} == {"EGY", "SDN"}
    assert all(e.recipient is not None and e.recipient.country != e.actor.country
               for e in events_of(doc, "COOPERATE") if e.actor)


def test_words_of_one_name_are_no_coordinated_doers(annotate: Annotate) -> None:
    doc = annotate("The Central African Economic and Monetary Community endorsed the measures.")
    [support] = events_of(doc, "SUPPORT")
    assert support.recipient is None or support.recipient != support.actor


def test_a_hyphenated_given_name_is_part_of_the_person(annotate: Annotate) -> None:
    [threat] = events_of(annotate("South Korean President Moon Jae-in warned of a firm response."), "THREATEN")
    assert threat.actor is not None and threat.actor.name == "Moon Jae-in"


def test_a_judged_act_is_aimed_at_its_doer_and_listeners_are_no_antecedents(annotate: Annotate) -> None:
    doc = annotate("Pakistan test-fired a cruise missile on Monday. Indian Defence Minister Rajnath Singh "
                   "told journalists the launch was provocative and condemned it.")
    [accuse] = events_of(doc, "ACCUSE")
    assert accuse.actor is not None and accuse.actor.name == "Rajnath Singh"
    assert accuse.recipient is not None and accuse.recipient.name == "Pakistan"
    assert all("journalist" not in (e.actor.name if e.actor else "") for e in doc._.events)


def test_an_act_that_needs_a_recipient_and_names_none_is_aimed_at_the_storys_country(annotate: Annotate) -> None:
    doc = annotate("Gangs have overrun much of Haiti. Haiti asked for foreign police for months. "
                   "Kenya's parliament approved the deployment on Thursday.")
    [aid] = events_of(doc, "AID")
    assert aid.actor is not None and aid.recipient is not None
    assert (aid.actor.name, aid.recipient.name) == ("Kenya", "Haiti")


def test_an_act_in_a_clause_describing_a_noun_takes_no_recipient_from_the_story(annotate: Annotate) -> None:
    doc = annotate("Moscow and Kyiv traded blame. Russia said it had ended a deal allowing Ukraine to ship grain. "
                   "Russia also struck Odesa.")
    assert not events_of(doc, "AID")


def test_a_unit_of_the_forces_is_an_actor_of_its_own_words(annotate: Annotate) -> None:
    [arrest] = events_of(annotate("Gabonese republican guards detained President Ali Bongo on Wednesday."), "COERCE")
    doer = arrest.actor
    assert doer is not None
    assert (doer.name, doer.country, doer.sector) == ("Gabonese republican guards", "GAB", "MIL")
    [move] = events_of(annotate("Gabon's army took control on Wednesday."), "COERCE")
    assert move.actor is not None and move.actor.name == "Gabonese Armed Forces"


def test_a_named_officials_words_stay_his_when_another_report_names_his_state(tmp_path: Path) -> None:
    events = _exported_events(tmp_path, {
        "a.txt": " date 2024-03-05 Antony Blinken on Tuesday condemned the expulsion of aid workers from Chad.\n",
        "b.txt": " date 2024-03-05 The United States on Tuesday condemned the expulsion of aid workers from Chad.\n",
    })
    accusations = [e for e in events if e["event_type"] == "ACCUSE"]
    assert any(e["actor"] and e["actor"]["name"] == "Antony Blinken" for e in accusations)


def test_he_or_she_as_the_doer_of_any_act_is_the_person_named_before(annotate: Annotate) -> None:
    doc = annotate("Gabriel Boric addressed parliament on Monday. He rejected calls for a referendum.")
    [rejection] = events_of(doc, "REJECT")
    assert rejection.actor is not None and rejection.actor.name == "Gabriel Boric"


@pytest.mark.parametrize("text", [
    "Indian and French warplanes rehearsed air strikes off Goa.",
    "U.S. and Philippine bombers practiced striking a mock target near Palawan.",
    "Fighter jets from Egypt and Greece held joint exercises above the Mediterranean.",
])
def test_an_exercise_two_states_hold_together_is_each_ones_cooperation(annotate: Annotate, text: str) -> None:
    doc = annotate(text)
    pairs = {(e.actor.country, e.recipient.country) for e in events_of(doc, "COOPERATE") if e.actor and e.recipient}
    assert len(pairs) == 2 and all(a != b for a, b in pairs)
    assert not events_of(doc, "MOBILIZE")


def test_an_acts_by_phrase_names_its_doer_and_the_target_of_reactions_to_it(annotate: Annotate) -> None:
    doc = annotate("Officers seized the state broadcaster in Niamey on Wednesday and detained President "
                   "Mohamed Bazoum. Senegal's foreign minister slammed Niger's coup by the army as a betrayal.")
    [rebuke] = events_of(doc, "ACCUSE")
    assert rebuke.recipient is not None
    assert (rebuke.recipient.sector, rebuke.recipient.country) == ("MIL", "NER")


def test_a_by_phrase_nested_in_what_a_protest_opposes_still_names_the_protesters(annotate: Annotate) -> None:
    doc = annotate("Officers seized power in Niger on Wednesday. Protests against the takeover by pupils "
                   "erupted in Zinder on Friday.")
    [protest] = events_of(doc, "PROTEST")
    assert protest.actor is not None and protest.actor.name == "pupils"


def test_soldiers_of_no_named_country_are_those_of_the_country_the_act_took_place_in(annotate: Annotate) -> None:
    doc = annotate("Soldiers seized power in Niger overnight. The Nigerian president called the move a "
                   "disgrace.")
    [takeover] = [e for e in events_of(doc, "COERCE") if e.mode is None]
    assert takeover.actor is not None
    assert (takeover.actor.sector, takeover.actor.country) == ("MIL", "NER")


def test_people_told_only_by_their_number_who_march_are_protesters(annotate: Annotate) -> None:
    doc = annotate("Tens of thousands marched through Accra on Saturday against rising fuel prices.")
    [march] = events_of(doc, "PROTEST")
    assert march.actor is not None and march.actor.name == "protesters" and march.actor.country == "GHA"
    assert march.resolution == "generic"
    assert not events_of(annotate("Two hundred attacked the police station in Accra."), "PROTEST")


def test_members_of_a_kind_of_group_are_a_generic_doer_of_that_kind(annotate: Annotate) -> None:
    doc = annotate("Gang members torched a police station in Les Cayes, Haiti.")
    [arson] = events_of(doc, "ASSAULT")
    assert arson.actor is not None and arson.actor.name.lower() == "gang members" and arson.actor.sector == "CRM"


def test_the_kind_alone_refers_back_to_the_group_named_before_by_its_people(annotate: Annotate) -> None:
    doc = annotate("Sudanese troops shelled the positions of Darfuri insurgents near Nyala on Monday. On "
                   "Wednesday the insurgents agreed to a truce.")
    truce = [e for e in doc._.events if e.event_type == "AGREE"]
    assert truce and truce[0].actor is not None and truce[0].actor.name == "Darfuri insurgents"


def test_a_hyphenated_modifier_stays_whole_in_a_generic_doers_name(annotate: Annotate) -> None:
    doc = annotate("Anti-coup protesters blocked the main road in Mandalay on Sunday.")
    doers = {e.actor.name for e in doc._.events if e.actor is not None}
    assert "anti-coup protesters" in doers


def test_forces_named_after_a_people_not_a_state_are_a_generic_armed_group(annotate: Annotate) -> None:
    doc = annotate("Sudanese troops attacked Darfuri forces near El Fasher on Sunday.")
    [attack] = events_of(doc, "ASSAULT")
    assert attack.recipient is not None and attack.recipient.name == "Darfuri forces"
    assert attack.recipient.sector == "REB" and attack.recipient.country == "SDN"


def test_an_object_pronoun_in_a_reported_clause_stands_for_the_reporter(annotate: Annotate) -> None:
    doc = annotate("Opposition supporters in Kisumu, Kenya, said police attacked them on Friday.")
    [attack] = events_of(doc, "ASSAULT")
    assert attack.recipient is not None and attack.recipient.name.lower() == "opposition supporters"


def test_a_thing_a_reported_clause_says_is_the_reporters_own_is_aimed_at_the_reporter(annotate: Annotate) -> None:
    doc = annotate("Pakistan said Afghan fighters had shelled its border posts near Chaman.")
    [attack] = events_of(doc, "ASSAULT")
    assert attack.recipient is not None and attack.recipient.name == "Pakistan"
    # the doer's own things are no one else's: its own posts, its troops
    own = annotate("Pakistan said it had shelled its own border posts by mistake.")
    assert all(e.recipient is None for e in events_of(own, "ASSAULT"))


def test_two_acts_of_one_type_and_different_modes_in_a_sentence_are_two_events(annotate: Annotate) -> None:
    doc = annotate("The Togolese government imposed a curfew in Lome and cut mobile internet nationwide.")
    modes = sorted(e.mode or "" for e in events_of(doc, "COERCE"))
    assert modes == ["curfew", "withhold"]


def test_a_detention_told_as_a_state_takes_the_doer_of_its_verb_or_none(annotate: Annotate) -> None:
    kept = annotate("The Guinean junta has kept the former president under house arrest since May.")
    [held] = events_of(kept, "COERCE")
    assert held.actor is not None and held.actor.country == "GIN" and held.mode == "arrest"
    doc = annotate("The opposition leader Ousmane Sonko was placed under house arrest in Dakar, Senegal.")
    [placed] = events_of(doc, "COERCE")
    assert placed.actor is None and placed.resolution == "unknown"
    assert placed.recipient is not None and placed.recipient.name == "Ousmane Sonko"


def test_an_act_named_by_its_day_is_by_the_doer_told_before_not_by_the_day(annotate: Annotate) -> None:
    doc = annotate("Houthi fighters attacked a tanker off Hodeidah, Yemen, on Tuesday. Tuesday's attack "
                   "set the ship on fire.")
    attacks = events_of(doc, "ASSAULT")
    assert len(attacks) >= 2
    assert all(e.actor is not None and e.actor.name == attacks[0].actor.name for e in attacks)


def test_who_leads_or_backs_a_body_is_not_the_body_acted_upon(annotate: Annotate) -> None:
    doc = annotate("Gangs control most of Port-au-Prince, Haiti. Canada gave 80 million dollars to the "
                   "Kenyan-led force.")
    [aid] = events_of(doc, "AID")
    assert aid.recipient is not None and aid.recipient.name == "Haiti"


def test_forces_a_passive_deploys_are_sent_by_their_own_state_or_the_one_they_are_deployed_in(
    annotate: Annotate,
) -> None:
    abroad = annotate("Nigerian police were deployed to Liberia last year.")
    assert {(e.event_type, e.actor.name if e.actor else None) for e in abroad._.events} == {("AID", "Nigeria")}
    at_home = annotate("Election results were due on Monday. Riot police were deployed across Lagos.")
    [deployment] = events_of(at_home, "MOBILIZE")
    assert deployment.actor is not None and (deployment.actor.name, deployment.resolution) == ("Nigeria", "context")


def test_forces_of_no_country_deployed_to_a_country_are_not_its_forces(annotate: Annotate) -> None:
    doc = annotate("The Security Council renewed the mission in Somalia. Some 9,000 soldiers and police "
                   "officers were flown to Somalia in March.")
    assert all(e.actor is None or e.actor.country != "SOM" for e in events_of(doc, "MOBILIZE"))


def test_a_pledge_made_to_no_one_named_is_made_to_the_country_the_story_is_about(annotate: Annotate) -> None:
    doc = annotate("Insurgents hold three towns in northern Mozambique. Mozambique's army has lost ground since "
                   "March. Rwanda offered to send a force. Botswana pledged 300 soldiers to the regional effort. "
                   "Mozambique promised to pay the soldiers' wages.")
    pledges = {(e.actor.name if e.actor else None, e.recipient.name if e.recipient else None)
               for e in events_of(doc, "AGREE")}
    assert ("Rwanda", "Mozambique") in pledges and ("Botswana", "Mozambique") in pledges
    assert all(recipient != "Mozambique" for doer, recipient in pledges if doer == "Mozambique")


def test_a_pronoun_doer_with_no_named_antecedent_is_the_kind_of_people_it_stands_for(annotate: Annotate) -> None:
    doc = annotate("Shooting was heard near the palace in Niamey, Niger, at dawn. A video showed the president "
                   "in a room with soldiers who said they had taken power.")
    [takeover] = events_of(doc, "COERCE")
    assert takeover.actor is not None and (takeover.actor.sector, takeover.actor.country) == ("MIL", "NER")


def test_whoever_was_involved_in_or_behind_an_act_did_it(annotate: Annotate) -> None:
    involved = annotate("Two former Peruvian marines were involved in the killing of the mayor.")
    behind = annotate("Prosecutors said Sudanese militiamen were behind the ambush on the convoy.")
    for doc in (involved, behind):
        [act] = events_of(doc, "ASSAULT")
        assert act.actor is not None and act.actor.name != "Prosecutors"


def test_an_agreement_naming_no_other_side_is_made_with_the_side_its_doer_fights(annotate: Annotate) -> None:
    doc = annotate("Saudi warplanes bombed Houthi positions near the border on Monday. On Friday the Houthis "
                   "agreed to lay down their weapons. Oman agreed to host the next round.")
    settled = {(e.actor.name if e.actor else None, e.recipient.name if e.recipient else None)
               for e in doc._.events if e.event_type == "AGREE"}
    assert ("Houthis", "Saudi Arabia") in settled
    assert all(recipient is None for doer, recipient in settled if doer == "Oman")


def test_a_coup_detat_is_a_coup_and_a_reaction_to_it_is_aimed_at_its_makers(annotate: Annotate) -> None:
    doc = annotate("Gunfire rang out in Libreville, Gabon, at dawn. On television, soldiers in uniform said they "
                   "had taken power. The Commonwealth condemned the coup d’état.")
    [takeover] = events_of(doc, "COERCE")
    [reaction] = events_of(doc, "ACCUSE")
    assert takeover.actor is not None and reaction.recipient == takeover.actor


def test_an_attack_whose_by_phrase_names_no_one_known_is_kept_with_its_doer_unknown(annotate: Annotate) -> None:
    doc = annotate("The mayor of Tumaco was shot dead on Sunday by a band of strangers, the governor said.")
    [attack] = events_of(doc, "ASSAULT")
    assert attack.actor is None and attack.resolution == "unknown"


def test_who_brokered_a_deal_is_no_party_to_it(annotate: Annotate) -> None:
    doc = annotate("Sudan and South Sudan agreed to a truce brokered by Qatar.")
    parties = {(e.actor.name if e.actor else None, e.recipient.name if e.recipient else None)
               for e in events_of(doc, "AGREE")}
    assert parties == {("Sudan", "South Sudan"), ("South Sudan", "Sudan")}


def test_deaths_a_government_reports_are_not_its_own_act(annotate: Annotate) -> None:
    doc = annotate("Eritrean jets bombed villages in the Afar region of Ethiopia on Monday. Ethiopian officials "
                   "said 40 people had been killed.")
    doers = {e.actor.name if e.actor else None for e in events_of(doc, "ASSAULT")}
    assert "Ethiopia" not in doers and "Eritrea" in doers


def test_the_two_sides_are_the_two_the_text_shows_fighting_each_the_others_partner(annotate: Annotate) -> None:
    doc = annotate("Sudan's army shelled RSF bases in Omdurman on Monday. In Jeddah on Saturday, the two sides "
                   "agreed to a week-long truce.")
    sides = {(e.actor.name if e.actor else None, e.recipient.name if e.recipient else None)
             for e in events_of(doc, "AGREE")}
    army = next(e.actor.name for e in events_of(doc, "ASSAULT") if e.actor is not None)
    assert len(sides) == 2 and all(doer and partner for doer, partner in sides)
    assert army in {doer for doer, _ in sides}
    alone = annotate("Students and teachers met in Lyon. Both sides agreed to talk again.")
    assert not events_of(alone, "AGREE")  # no two sides shown fighting: nobody to name


def test_pledges_go_where_the_storys_forces_are_sent_not_to_the_most_named_country(annotate: Annotate) -> None:
    doc = annotate("Rwandan soldiers arrived in Mozambique's Cabo Delgado province in July. Rwanda's president said "
                   "Rwanda would keep its troops there. Rwandan officers said the port of Palma was secure. A "
                   "Rwandan general praised his men. Botswana pledged 300 soldiers to the regional effort.")
    [pledge] = [e for e in events_of(doc, "AGREE") if e.actor is not None and e.actor.name == "Botswana"]
    assert pledge.recipient is not None and pledge.recipient.name == "Mozambique"


def test_goods_told_by_their_arrival_with_no_sender_were_sent_by_the_reporting_agency_or_the_last_sender(
    annotate: Annotate,
) -> None:
    doc = annotate("The fighting in Sudan has displaced millions. Relief trucks reached El Fasher on Sunday, "
                   "the World Food Programme said.")
    [arrival] = events_of(doc, "AID")
    assert arrival.actor is not None and arrival.actor.name == "World Food Programme"
    doc = annotate("Qatar sent tents and blankets to Sudan on Friday. A second shipment of food aid arrived "
                   "in Port Sudan on Sunday.")
    assert {e.actor.name for e in events_of(doc, "AID") if e.actor} == {"Qatar"}
    assert len(events_of(doc, "AID")) == 2


def test_a_minister_meeting_her_foreign_counterpart_is_of_the_articles_country_and_meets_theirs(
    annotate: Annotate,
) -> None:
    doc = annotate("Zambia's cabinet approved a new mining law on Monday. The foreign minister met her "
                   "Tanzanian counterpart in Dar es Salaam on Tuesday.")
    [meeting] = events_of(doc, "CONSULT")
    assert (meeting.actor.name if meeting.actor else None, meeting.recipient.name if meeting.recipient else None) \
        == ("Zambia", "Tanzania")


@pytest.mark.parametrize(("text", "event_type"), [
    ("Traders in Accra marched against the tax passed by the Ghanaian parliament.", "PROTEST"),
    ("Ghana has been tense for weeks. The opposition condemned the government's decision to shut the border.",
     "ACCUSE"),
    ("Ghana has been tense for weeks. Nurses rejected the health ministry's plan.", "REJECT"),
])
def test_a_reaction_to_a_measure_is_aimed_at_whoever_decided_it(annotate: Annotate, text: str, event_type: str) -> None:
    [reaction] = events_of(annotate(text), event_type)
    assert reaction.recipient is not None and reaction.recipient.country == "GHA"


def test_a_reaction_to_a_measure_no_one_is_told_deciding_has_no_recipient(annotate: Annotate) -> None:
    [reaction] = events_of(annotate("Nurses in Ghana rejected the new plan."), "REJECT")
    assert reaction.recipient is None


@pytest.mark.parametrize(("text", "recipient_key"), [
    ("Peru has been tense for weeks. Gunmen attacked two police stations in Lima overnight.", "per_police"),
    ("Peru has been tense for weeks. Militants attacked an army base near the border.", "forces:PER"),
    ("Peru has been tense for weeks. Armed men stormed the main prison in Lima.", "country:PER"),
])
def test_an_attack_on_a_building_or_post_is_aimed_at_whose_it_is(
    annotate: Annotate, text: str, recipient_key: str
) -> None:
    [attack] = events_of(annotate(text), "ASSAULT")
    assert attack.recipient is not None and recipient_key in attack.recipient.key


def test_a_building_its_phrase_gives_no_owner_is_no_recipient(annotate: Annotate) -> None:
    doc = annotate("Peru has been tense for weeks. Gunmen attacked a petrol station in Lima.")
    [attack] = events_of(doc, "ASSAULT")
    assert attack.recipient is None


def test_people_of_a_named_group_in_an_of_or_from_phrase_are_that_group(annotate: Annotate) -> None:
    doc = annotate("Fighters from al-Shabaab attacked a military base in Lamu on Sunday.")
    [attack] = events_of(doc, "ASSAULT")
    assert attack.actor is not None and attack.actor.name == "Al-Shabaab"
    # a country in the phrase is still read as before: soldiers from Kenya act for Kenya
    kenyan = annotate("Soldiers from Kenya detained two fishermen near Lamu on Sunday.")
    [held] = events_of(kenyan, "COERCE")
    assert held.actor is not None and held.actor.country == "KEN"
