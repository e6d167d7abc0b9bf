"""The event stage on news-style sentences written for these tests (varied conflicts, not the seeds)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

from hornbill import actors, events
from hornbill.errors import ConfigError
from hornbill.model import EVENT_TYPES, DatePoint, EventMention, Evidence

Annotate = Callable[..., Doc]


def found(doc: Doc) -> set[tuple[str, str | None, str | None, str]]:
    """(type, actor, recipient, status) of every event in a Doc."""
    return {
        (e.event_type, e.actor.name if e.actor else None, e.recipient.name if e.recipient else None, e.status)
        for e in doc._.events
    }


def types_of(doc: Doc) -> set[str]:
    return {e.event_type for e in doc._.events}


# (sentence, type, actor, recipient, status); recipient "*" = not checked
POSITIVES: list[tuple[str, str, str, str | None, str]] = [
    # AGREE
    ("Japan promised financial assistance to Ukraine on Tuesday.", "AGREE", "Japan", "Ukraine", "announced"),
    ("Ethiopia and Eritrea reached an agreement in Algiers.", "AGREE", "Ethiopia", "Eritrea", "occurred"),
    ("China reaffirmed its commitment to Pakistan's security.", "AGREE", "China", "Pakistan", "announced"),
    ("Jordan and Egypt agreed to set up a joint research centre.", "AGREE", "Jordan", "Egypt", "occurred"),
    # CONSULT
    ("Qatar held talks with the Taliban in Doha.", "CONSULT", "Qatar", "Taliban", "occurred"),
    (
        "The Colombian president visited Venezuela on Saturday.",
        "CONSULT",
        "Colombia",
        "Venezuela",
        "occurred",
    ),
    (
        "Emmanuel Macron called Vladimir Putin on Friday.",
        "CONSULT",
        "Emmanuel Macron",
        "Vladimir Putin",
        "occurred",
    ),
    ("Ukraine's president met with NATO leaders in Vilnius.", "CONSULT", "Ukraine", "NATO", "occurred"),
    # SUPPORT
    ("The European Union praised Moldova's reforms.", "SUPPORT", "European Union", "Moldova", "occurred"),
    ("Brazil recognized the new government of Bolivia.", "SUPPORT", "Brazil", "Bolivia", "occurred"),
    ("Rwanda said it was willing to forgive Uganda.", "SUPPORT", "Rwanda", "Uganda", "announced"),
    (
        "Israel and the United Arab Emirates signed a peace treaty in Washington.",
        "SUPPORT",
        "Israel",
        "United Arab Emirates",
        "occurred",
    ),
    # an apology is a CONCEDE: the manual codes regret and remorse so, over CAMEO's 055
    (
        "The Burmese military apologized to Thailand for the border incident.",
        "CONCEDE",
        "*",
        "Thailand",
        "occurred",
    ),
    # CONCEDE
    ("Iran lifted the curfew in Tehran.", "CONCEDE", "Iran", None, "occurred"),
    ("Colombia met the demands of the striking truckers.", "CONCEDE", "Colombia", "*", "occurred"),
    (
        "The European Union eased sanctions on Venezuela.",
        "CONCEDE",
        "European Union",
        "Venezuela",
        "occurred",
    ),
    # COOPERATE
    ("Ethiopia will cooperate with Kenya on border security.", "COOPERATE", "Ethiopia", "Kenya", "announced"),
    (
        "Rwanda and Mozambique launched a joint operation against insurgents in Cabo Delgado.",
        "COOPERATE",
        "Rwanda",
        "Mozambique",
        "occurred",
    ),
    ("Venezuela has brought in Cuban advisers.", "COOPERATE", "Venezuela", "Cuba", "occurred"),
    # AID
    ("The United States provided weapons to Ukraine.", "AID", "United States", "Ukraine", "occurred"),
    ("Germany sent humanitarian aid to Turkey after the earthquake.", "AID", "Germany", "Turkey", "occurred"),
    (
        "Bangladesh contributed troops to the UN peacekeeping force in South Sudan.",
        "AID",
        "Bangladesh",
        "*",
        "occurred",
    ),
    # RETREAT
    ("Russian forces withdrew from Kherson in November.", "RETREAT", "Russia", None, "occurred"),
    (
        "Burundi will pull its soldiers out of Somalia by December.",
        "RETREAT",
        "Burundi",
        "Somalia",
        "announced",
    ),
    ("France announced the withdrawal of its troops from Niger.", "RETREAT", "France", "Niger", "announced"),
    ("Russia and Ukraine exchanged prisoners on Saturday.", "RETREAT", "Russia", None, "occurred"),
    ("Germany paid compensation to Namibia.", "RETREAT", "Germany", "Namibia", "occurred"),
    ("Iraq allowed UN inspectors into the country.", "RETREAT", "Iraq", "United Nations", "occurred"),
    ("Hundreds of M23 rebels surrendered to the Congolese army.", "RETREAT", "M23", "*", "occurred"),
    # REQUEST
    (
        "The Kenyan government demanded the release of its citizens from Ethiopia.",
        "REQUEST",
        "Kenya",
        "*",
        "occurred",
    ),
    ("Serbia urged Kosovo to withdraw its police.", "REQUEST", "Serbia", "*", "occurred"),
    ("Hungary called for an end to the fighting in Ukraine.", "REQUEST", "Hungary", "*", "occurred"),
    # ACCUSE
    (
        "Ukraine accused Russia of shelling the Zaporizhzhia nuclear plant.",
        "ACCUSE",
        "Ukraine",
        "Russia",
        "occurred",
    ),
    ("Poland criticised Germany's energy policy.", "ACCUSE", "Poland", "Germany", "occurred"),
    ("Lebanon complained to the United Nations about Israeli air strikes.", "ACCUSE", "Lebanon", "Israel", "occurred"),
    ("Ethiopia blamed the TPLF for the attack.", "ACCUSE", "Ethiopia", "TPLF", "occurred"),
    # REJECT
    ("Israel rejected the ceasefire proposal from Hamas.", "REJECT", "Israel", "*", "occurred"),
    (
        "Azerbaijan refused to allow aid convoys into Nagorno-Karabakh.",
        "REJECT",
        "Azerbaijan",
        "*",
        "occurred",
    ),
    ("Russia vetoed the resolution on Syria.", "REJECT", "Russia", "*", "occurred"),
    ("Kenya turned down the Somali request for troops.", "REJECT", "Kenya", "Somalia", "occurred"),
    # THREATEN
    ("North Korea threatened to attack South Korea.", "THREATEN", "North Korea", "South Korea", "occurred"),
    ("China warned that it would retaliate against the Philippines.", "THREATEN", "China", "*", "occurred"),
    ("Turkey threatened to expel ten Western ambassadors.", "THREATEN", "Turkey", "*", "occurred"),
    # PROTEST
    (
        "Thousands of Serbians protested against President Vucic in Belgrade.",
        "PROTEST",
        "Serbia",
        "*",
        "occurred",
    ),
    (
        "Georgians demonstrated against the foreign agents law outside parliament.",
        "PROTEST",
        "Georgia",
        "*",
        "occurred",
    ),
    ("Kenyans marched against the finance bill in Nairobi.", "PROTEST", "Kenya", "*", "occurred"),
    # SANCTION
    ("The United States imposed sanctions on Russia.", "SANCTION", "United States", "Russia", "occurred"),
    ("Niger expelled the French ambassador.", "SANCTION", "Niger", "France", "occurred"),
    (
        "Washington designated the Houthis as a terrorist organisation.",
        "SANCTION",
        "United States",
        "Houthis",
        "occurred",
    ),
    ("Mali suspended cooperation with France.", "SANCTION", "Mali", "France", "occurred"),
    ("Russia banned imports of Georgian wine.", "SANCTION", "Russia", "Georgia", "occurred"),
    ("Azerbaijan closed its border with Iran.", "SANCTION", "Azerbaijan", "Iran", "occurred"),
    ("Qatar halted its mediation between Israel and Hamas.", "SANCTION", "Qatar", "Israel", "occurred"),
    ("The Palestinian delegation walked out of the talks with Israel.", "SANCTION", "*", "Israel", "occurred"),
    # MOBILIZE
    ("Russia deployed troops to the Belarusian border.", "MOBILIZE", "Russia", None, "occurred"),
    ("Armenia called up reservists on Tuesday.", "MOBILIZE", "Armenia", None, "occurred"),
    ("Azerbaijan mobilized its army against Armenia.", "MOBILIZE", "Azerbaijan", "Armenia", "occurred"),
    (
        "Wagner fighters mutinied against the Russian military in June.",
        "MOBILIZE",
        "Wagner Group",
        "*",
        "occurred",
    ),
    # COERCE
    ("The military in Gabon overthrew President Ali Bongo.", "COERCE", "*", "Ali Bongo", "occurred"),
    ("Burkina Faso's junta suspended the French broadcaster RFI.", "COERCE", "Burkina Faso", "*", "occurred"),
    (
        "The Malian army, which seized power in 2020, expelled the French ambassador.",
        "COERCE",
        "Malian Armed Forces",
        None,
        "occurred",
    ),
    # ASSAULT
    ("Russia attacked Ukraine's power grid on Monday.", "ASSAULT", "Russia", "Ukraine", "occurred"),
    ("Syria shot down a Turkish jet near the border.", "ASSAULT", "Syria", "Turkey", "occurred"),
    ("Hamas militants killed hundreds of Israelis on 7 October.", "ASSAULT", "Hamas", "Israel", "occurred"),
    (
        "Al-Shabaab militants ambushed Kenyan soldiers near the border.",
        "ASSAULT",
        "Al-Shabaab",
        "Kenya",
        "occurred",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient", "status"), POSITIVES)
def test_event_is_found_with_its_roles(
    annotate: Annotate, text: str, event_type: str, actor: str, recipient: str | None, status: str
) -> None:
    doc = annotate(text)
    hits = [e for e in doc._.events if e.event_type == event_type]
    assert hits, f"no {event_type} in {found(doc)}"
    matching = [
        e
        for e in hits
        if (actor == "*" or (e.actor is not None and e.actor.name == actor))
        and (recipient == "*" or (e.recipient.name if e.recipient else None) == recipient)
        and e.status == status
    ]
    assert matching, f"wanted ({event_type}, {actor}, {recipient}, {status}), got {found(doc)}"


def test_every_plover_type_has_three_positive_sentences() -> None:
    counts = {t: sum(1 for p in POSITIVES if p[1] == t) for t in EVENT_TYPES}
    assert all(n >= 3 for n in counts.values()), counts


@pytest.mark.parametrize(
    "text",
    [
        "Turkey did not withdraw its troops from Syria.",  # negation
        "Russia never attacked the convoy.",
        "If Russia invades Moldova, the European Union will impose sanctions.",  # hypothetical
        "China could impose sanctions on Lithuania.",
        "Will Russia attack Finland?",
        "The storm attacked the coast of Florida.",  # non-political uses
        "Fans attacked the referee after the match.",
        "The government denied that Ethiopia had attacked Tigray.",  # denied, not asserted
        "The minister met the deadline for the budget.",
        "The company will end its sponsorship of the tournament.",
        "The junta said it would stay in power for five years before holding elections in Guinea.",
        "Colombia said the conditions for talks with the ELN were no longer met.",
        "Kenya's president spoke at a press conference with reporters.",
        "Canada's foreign minister warned that the talks could fail.",
    ],
)
def test_negated_hypothetical_and_non_political_sentences_give_no_event(annotate: Annotate, text: str) -> None:
    assert annotate(text)._.events == []


def test_negated_intention_to_cooperate_is_a_refusal(annotate: Annotate) -> None:
    assert found(annotate("Egypt's president will not meet the Israeli prime minister.")) == {
        ("REJECT", "Egypt", "Israel", "occurred")
    }
    assert found(annotate("There will be no cooperation with Russia, Germany said.")) == {
        ("REJECT", "Germany", "Russia", "occurred")
    }
    assert found(annotate("Turkey did not withdraw its troops from Syria.")) == set()


def test_demanded_or_refused_action_is_not_an_event(annotate: Annotate) -> None:
    assert types_of(annotate("Ukraine demanded the withdrawal of Russian troops from Crimea.")) == {"REQUEST"}
    assert types_of(annotate("Sudan's army refused to withdraw from Khartoum.")) == {"REJECT"}
    assert types_of(annotate("Kenya accused Somalia of training militants.")) == {"ACCUSE"}


def test_passive_voice_takes_the_agent_as_actor(annotate: Annotate) -> None:
    doc = annotate("Kyiv was shelled by Russian forces on Sunday.")
    assert ("ASSAULT", "Russia", "Ukraine", "occurred") in found(doc)
    assert doc._.events[0].location is not None and doc._.events[0].location.name == "Kyiv"


def test_passive_candidate_roles_are_agent_and_passive_subject(annotate: Annotate) -> None:
    doc = annotate("The planned troop rotation was blocked by the Sudanese authorities.")
    (candidate,) = [c for c in events.find_candidates(next(iter(doc.sents))) if c.pattern.event_type == "REJECT"]
    assert candidate.actor_text == "the Sudanese authorities"
    assert candidate.recipient_text == "The planned troop rotation"


def test_coordinated_actors_give_one_event_each(annotate: Annotate) -> None:
    doc = annotate("Kenya and Uganda announced an end to their joint training operation in Somalia.")
    assert found(doc) == {
        ("RETREAT", "Kenya", "Somalia", "announced"),
        ("RETREAT", "Uganda", "Somalia", "announced"),
    }


def test_a_kind_with_named_examples_acts_through_the_examples(annotate: Annotate) -> None:
    doc = annotate("European governments such as Spain and Italy condemned the arrest of the mayor.")
    assert {(e.event_type, e.actor.name if e.actor else None) for e in doc._.events} == {
        ("ACCUSE", "Spain"),
        ("ACCUSE", "Italy"),
    }
    doc = annotate("The Congolese army attacked armed groups, including the M23 and the ADF.")
    assert {e.recipient.name for e in doc._.events if e.recipient} == {"M23", "Allied Democratic Forces"}
    doc = annotate("European governments such as the ones in the south condemned the arrest of the mayor.")
    assert {e.actor.name.lower() for e in doc._.events if e.actor} == {"european governments"}


def test_nominalisation_takes_the_of_phrase_as_actor(annotate: Annotate) -> None:
    doc = annotate("The withdrawal of British troops from Afghanistan was completed in August.")
    assert ("RETREAT", "United Kingdom", "Afghanistan", "occurred") in found(doc)


def test_possessive_decision_gives_actor_and_announced_status(annotate: Annotate) -> None:
    doc = annotate("Ethiopia's decision to end its mission in Somalia surprised the African Union.")
    assert ("RETREAT", "Ethiopia", "Somalia", "announced") in found(doc)


def test_reported_speech_keeps_inner_actor_and_records_the_source(annotate: Annotate) -> None:
    doc = annotate("The Kremlin said Ukraine had shelled Donetsk.")
    (event,) = doc._.events
    assert (event.event_type, event.actor and event.actor.name) == ("ASSAULT", "Ukraine")
    assert event.claimed_by is not None and event.claimed_by.name == "Russia"
    assert "according to Russia" in event.summary


def test_allegation_is_also_an_accusation(annotate: Annotate) -> None:
    doc = annotate("The Pentagon alleged that Iran had supplied drones to Russia.")
    assert ("AID", "Iran", "Russia", "occurred") in found(doc)
    accusations = [e for e in doc._.events if e.event_type == "ACCUSE"]
    assert [(e.recipient.name if e.recipient else None) for e in accusations] == ["Iran"]


def test_must_in_reported_speech_is_a_demand(annotate: Annotate) -> None:
    doc = annotate("Russia said on Tuesday that Sudan must return the helicopter.")
    assert found(doc) == {("REQUEST", "Russia", "Sudan", "occurred")}


def test_a_duty_told_to_someone_is_a_demand_of_them_and_ones_own_duty_is_none(annotate: Annotate) -> None:
    doc = annotate("Germany told Serbia on Monday it should recognise Kosovo.")
    assert found(doc) == {("REQUEST", "Germany", "Serbia", "occurred")}
    doc = annotate("The European Union warned Serbia that it must recognise Kosovo.")
    assert found(doc) == {("REQUEST", "European Union", "Serbia", "occurred")}
    assert not [e for e in annotate("Turkey said it must protect its citizens.")._.events if e.event_type == "REQUEST"]


def test_pronoun_subject_of_reported_speech_is_the_speaker(annotate: Annotate) -> None:
    doc = annotate("Syria says it is willing to withdraw its troops from Lebanon.")
    assert ("RETREAT", "Syria", "Lebanon", "announced") in found(doc)


def test_claimed_responsibility_names_the_attacker(annotate: Annotate) -> None:
    doc = annotate("Al-Shabaab claimed responsibility for the attack on the hotel in Mogadishu.")
    assert ("ASSAULT", "Al-Shabaab", None, "occurred") in found(doc)


def test_future_plans_and_deadlines_are_announced(annotate: Annotate) -> None:
    assert ("SANCTION", "United States", "Iran", "announced") in found(
        annotate("The United States is to impose new sanctions on Iran.")
    )
    assert ("RETREAT", "Israel", "Lebanon", "announced") in found(
        annotate("Israel plans to withdraw from southern Lebanon.")
    )
    assert ("RETREAT", "Lebanese Armed Forces", None, "occurred") in found(  # its army, at home
        annotate("Lebanon's army began to withdraw from the border.")
    )


def test_headline_verbs_the_parser_reads_as_nouns_and_comma_joined_doers(annotate: Annotate) -> None:
    assert ("SANCTION", "United States", "intelligence police", "occurred") in found(
        annotate("US sanctions Venezuela's intelligence police over crackdown")
    )
    signers = {actor for t, actor, _, _ in found(annotate("Ethiopia, Tigray rebels sign peace deal")) if t == "SUPPORT"}
    assert {"Ethiopia", "Tigray rebels"} <= signers


def test_the_doer_of_a_move_by_someone_to_act_is_that_someone(annotate: Annotate) -> None:
    assert ("SANCTION", "Ecuador", "Mexico", "occurred") in found(
        annotate("The move by Ecuador to sever ties with Mexico drew criticism.")
    )


def test_an_announcement_of_what_was_done_reports_it(annotate: Annotate) -> None:
    # a past tense below "announced" is a report of a done act, a future one an announced act
    assert ("SANCTION", "Peru", "Mexico", "occurred") in found(
        annotate("Peru announced on Monday that it had expelled the Mexican ambassador.")
    )
    assert ("SANCTION", "Peru", "Mexico", "announced") in found(
        annotate("Peru announced on Monday that it would expel the Mexican ambassador.")
    )


def test_the_aim_of_a_signed_deal_is_no_event_of_its_own(annotate: Annotate) -> None:
    doc = annotate("Mozambique and the rebels signed a pact to end the fighting.")
    assert types_of(doc) == {"SUPPORT"}


def test_consumed_argument_does_not_trigger_a_second_event(annotate: Annotate) -> None:
    # "support" is the promised thing, not a SUPPORT event of its own
    assert types_of(annotate("Russia promised military support to Mali.")) == {"AGREE"}


def test_visitor_is_actor_and_host_is_recipient(annotate: Annotate) -> None:
    doc = annotate("On Monday, Antony Blinken received in Washington his Ukrainian counterpart Dmytro Kuleba.")
    consult = [e for e in doc._.events if e.event_type == "CONSULT"]
    assert [(e.actor and e.actor.name, e.recipient and e.recipient.name, e.mode) for e in consult] == [
        ("Dmytro Kuleba", "Antony Blinken", "visit")
    ]


def test_strong_nominal_without_actor_is_kept(annotate: Annotate) -> None:
    # a coup not said to be military (a military one is the armed forces', see below)
    doc = annotate("Relations have soured since a 2021 coup in Guinea.")
    (event,) = doc._.events
    assert (event.event_type, event.actor) == ("COERCE", None)
    assert event.location is not None and event.location.country == "GIN"


def test_event_fields_evidence_date_summary_and_confidence(annotate: Annotate) -> None:
    doc = annotate("Tanzania arrested ten Kenyan activists on Monday. Nothing else happened.", published="2023-07-05")
    (event,) = doc._.events
    assert event.evidence.sentence == "Tanzania arrested ten Kenyan activists on Monday."
    assert event.evidence.start == 0
    assert event.date == DatePoint("2023-07-03", "day", event.date.basis)
    assert event.mode == "arrest"
    assert event.summary.startswith("Tanzania arrests Kenya")
    assert 0.0 < event.confidence <= 1.0


def test_same_event_twice_in_a_sentence_is_kept_once(annotate: Annotate) -> None:
    doc = annotate("Chad ended its mission in Mali and withdrew from Mali.")
    retreats = [e for e in doc._.events if e.event_type == "RETREAT"]
    assert len(retreats) == 1


def test_lexicon_covers_all_types_with_known_slots() -> None:
    lexicon = events.default_lexicon()
    patterns = [p for group in lexicon.patterns.values() for p in group]
    assert {p.event_type for p in patterns} == set(EVENT_TYPES)
    known = {
        "subject",
        "object",
        "dative",
        "particle",
        "oprd",
        "xcomp",
        "ccomp",
        "modifier",
        "head",
        "clause",
        "trigger",
        "object_doer",
        "host_object",
        "said_of",
        "speaker",
        "aim",
        "purpose_aim",
        "attr",
        "for_subject",
        "scene_holders",
    }
    for pattern in patterns:
        for slot in [*pattern.needs, *pattern.forbid, *pattern.actor, *pattern.recipient, *pattern.modes]:
            base = slot.removesuffix("_ent").removesuffix("_modifier").removesuffix("_owner")
            base = base.removesuffix("_agent").removesuffix("_complement").removesuffix("_doer")
            assert base in known or base.replace(" ", "").isalpha(), (pattern, slot)
        assert 0.0 < pattern.strength <= 1.0
    # "on", "off" and "no" are words here, not YAML booleans
    assert any("on" in p.recipient for p in patterns)
    assert any(p.needs.get("particle") and "off" in (p.needs["particle"] or ()) for p in patterns)


def test_malformed_patterns_are_rejected_with_the_reason(tmp_path: Path) -> None:
    assert events.validate_entry({"type": "ATTACK", "lemma": ["hit"], "recipe": []}) == [
        "unknown key 'recipe'",
        "type 'ATTACK' is not a PLOVER type",
    ]
    lexicon = tmp_path / "bad.yaml"
    lexicon.write_text("governors: {}\npatterns:\n  - {type: RETREAT, lemma: [go], pos: ADJ}\n")
    with pytest.raises(ConfigError, match="neither VERB nor NOUN"):
        events.load_lexicon(lexicon)


def test_per_type_rules_must_name_plover_types(tmp_path: Path) -> None:
    lexicon = tmp_path / "bad.yaml"
    lexicon.write_text("governors: {}\npatterns: []\nplace_slots:\n  ATTACK: [object]\n")
    with pytest.raises(ConfigError, match=r"bad\.yaml: place_slots: 'ATTACK' is not a PLOVER type"):
        events.load_lexicon(lexicon)
    assert events.default_lexicon().place_slots["RETREAT"] == ("from", "out of", "object")


class _FixedExtractor:
    """A stand-in backend: proves find_events works with any EventExtractor."""

    def extract(self, sentences: Sequence[Span]) -> list[EventMention]:
        sentence = sentences[0]
        evidence = Evidence("d", "s", sentence.text, sentence.start_char, sentence.end_char)
        event = EventMention("CONSULT", None, None, DatePoint.unknown(), "occurred", evidence, "met")
        return [event, event]


def test_other_extractors_plug_in_through_the_protocol(annotate: Annotate) -> None:
    doc = annotate("Leaders met in Accra.")
    extractor: events.EventExtractor = _FixedExtractor()
    assert [e.trigger for e in events.find_events(doc, extractor)] == ["met"]


@pytest.mark.parametrize(
    ("event_type", "mode", "status", "coded"),
    [
        ("RETREAT", "withdraw", "announced", ("AGREE", None)),  # "will withdraw": a promise
        ("CONSULT", "visit", "announced", ("AGREE", None)),
        ("SANCTION", "sever", "announced", ("THREATEN", "relations")),  # "will cut ties": a threat
        ("COERCE", "arrest", "announced", ("THREATEN", "arrest")),
        ("ASSAULT", None, "announced", ("THREATEN", "violence")),
        ("REQUEST", None, "announced", ("REQUEST", None)),  # verbal conflict keeps its type
        ("RETREAT", "withdraw", "occurred", ("RETREAT", "withdraw")),
    ],
)
def test_codebook_coding_of_announced_events(
    event_type: str, mode: str | None, status: str, coded: tuple[str, str | None]
) -> None:
    assert events.codebook_coding(event_type, mode, status) == coded  # type: ignore[arg-type]


def test_agreement_to_cooperate_is_an_agreement_aimed_at_the_act_s_recipient(annotate: Annotate) -> None:
    # the codebook's AGREE: a commitment to cooperate, made when told; its recipient is the act's
    assert found(annotate("Chad agreed to withdraw its troops from Libya.")) == {
        ("AGREE", "Chad", "Libya", "occurred")
    }
    assert found(annotate("Chad will withdraw its troops from Libya.")) == {("RETREAT", "Chad", "Libya", "announced")}
    # an agreement to a conflictual act is that act, announced
    assert ("SANCTION", "European Union", "Belarus", "announced") in found(
        annotate("EU governments agreed on Monday to impose fresh sanctions on Belarus."))
    # each act joined by "and" to the one agreed to is agreed to too
    assert {t for t, *_ in found(annotate("The Tuareg rebels agreed to disband and surrender their rifles."))} == {
        "AGREE"}
    # a commitment to a gerund ("committed to withdrawing") is one too
    assert found(annotate("Chad committed to withdrawing its troops from Libya.")) == {
        ("AGREE", "Chad", "Libya", "occurred")
    }


def test_subject_pronoun_of_an_announced_clause_is_the_announcer(annotate: Annotate) -> None:
    doc = annotate("Argentina announced that it would expel the British ambassador.")
    assert ("SANCTION", "Argentina", "United Kingdom", "announced") in found(doc)


def test_object_pronoun_in_an_adverbial_clause_is_the_main_object(annotate: Annotate) -> None:
    doc = annotate("Gabon's military ousted Ali Bongo after accusing him of corruption.")
    accusations = [e for e in doc._.events if e.event_type == "ACCUSE"]
    assert [e.recipient and e.recipient.name for e in accusations] == ["Ali Bongo"]


def test_own_mission_is_not_the_recipient_but_its_place_is(annotate: Annotate) -> None:
    doc = annotate("Chad and Niger announced an end to their mission in Libya.")
    assert found(doc) == {("RETREAT", "Chad", "Libya", "announced"), ("RETREAT", "Niger", "Libya", "announced")}


def test_place_of_the_forces_withdrawn_is_the_recipient(annotate: Annotate) -> None:
    doc = annotate("Italy will draw down its troops deployed in Lebanon.")
    assert found(doc) == {("RETREAT", "Italy", "Lebanon", "announced")}


def test_decision_to_act_is_the_act(annotate: Annotate) -> None:
    doc = annotate("Niger made the decision to suspend cooperation with France.")
    assert found(doc) == {("SANCTION", "Niger", "France", "occurred")}


def test_refusal_to_meet_demands_is_a_rejection(annotate: Annotate) -> None:
    assert types_of(annotate("Germany will not meet the demands of the strikers.")) == {"REJECT"}


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
LEXICON_FILE = events.LEXICON_PATH
#: Rules, word lists and tests written for the language, never for the articles hornbill is judged on.
OWN_FILES = (
    LEXICON_FILE,
    LEXICON_FILE.parent / "actors" / "agents.yaml",
    LEXICON_FILE.parent / "actors" / "roles.yaml",
    Path(__file__),
    Path(__file__).parent / "test_doers.py",
)


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no seed corpus beside the repository")
def test_no_corpus_sentence_is_in_the_lexicons_or_these_tests() -> None:
    """Patterns, word lists and tests are written for the language, not for the articles hornbill is
    judged on: no run of six words of a seed or dev-corpus article appears in them. A failure names
    the folder only, so that the check half's text is never printed."""
    for folder in [SEEDS, *sorted(p for p in CORPUS.glob("dev/*/*/articles") if p.is_dir())]:
        corpus_grams: set[tuple[str, ...]] = set()
        for path in sorted(folder.iterdir()):
            corpus_grams |= _six_grams(path.read_text(encoding="utf-8", errors="replace"))
        for own in OWN_FILES:
            shared = corpus_grams & _six_grams(own.read_text(encoding="utf-8"))
            assert not shared, f"{own.name} repeats {len(shared)} runs of six words of {folder.parent.name}"


def test_attempted_coup_is_coded_but_attempted_withdrawal_is_not(annotate: Annotate) -> None:
    assert types_of(annotate("The Sudanese army attempted to seize power in Khartoum.")) == {"COERCE"}
    assert annotate("Kenya tried to withdraw its troops from Somalia.")._.events == []


def test_unknown_recipients_are_known_by_their_links(annotate: Annotate) -> None:
    doc = annotate("Last month, Canada sanctioned seven individuals with links to Hamas.")
    assert ("SANCTION", "Canada", "Hamas", "occurred") in found(doc)


def test_demand_is_made_of_the_doer_of_the_demanded_act(annotate: Annotate) -> None:
    doc = annotate("Kenya demanded the departure of the Ugandan contingent from the country.")
    assert ("REQUEST", "Kenya", "Uganda", "occurred") in found(doc)


def test_measured_object_is_the_thing_measured(annotate: Annotate) -> None:
    doc = annotate("The United Nations will provide 25,000 tons of food aid to Liberia.")
    assert ("AID", "United Nations", "Liberia", "announced") in found(doc)


def test_agreement_stands_when_the_agreed_action_is_no_event(annotate: Annotate) -> None:
    # sharing without a partner is no COOPERATE, so the agreement itself is the event
    assert types_of(annotate("Peru agreed to share intelligence on drug gangs.")) == {"AGREE"}


# --------------------------------------------------------------------------- doers the dictionary does not know


@pytest.mark.parametrize(
    ("text", "event_type", "name", "sector", "key"),
    [
        (
            "Islamic fundamentalists bombed a cinema in the old city.",
            "ASSAULT",
            "Islamic fundamentalists",
            "MUS",
            "group:islamic_fundamentalist",
        ),
        ("Hundreds of students marched against the new tuition fees.", "PROTEST", "students", "EDU", "group:student"),
        ("Rebels in Chad ambushed an army patrol on Sunday.", "ASSAULT", "rebels", "REB", "group:tcd_rebel"),
        (
            "Opposition leaders rejected the electoral timetable.",
            "REJECT",
            "opposition leaders",
            "OPP",
            "group:opposition_leader",
        ),
        (
            "Members of the opposition boycotted the parliamentary elections.",
            "PROTEST",
            "opposition",
            "OPP",
            "group:opposition",
        ),
        (
            "Gunmen loyal to a local warlord said they had kidnapped two engineers.",
            "ASSAULT",
            "gunmen",
            "UAF",
            "group:gunman",
        ),
    ],
)
def test_unknown_doer_named_by_a_group_noun_is_a_generic_actor(
    annotate: Annotate, text: str, event_type: str, name: str, sector: str, key: str
) -> None:
    doers = [e.actor for e in annotate(text)._.events if e.event_type == event_type]
    assert doers, f"no {event_type} in {text!r}"
    assert [(a.name, a.sector, a.key) for a in doers if a is not None] == [(name, sector, key)]


@pytest.mark.parametrize(
    "text",
    [
        "It attacked the convoy near the border.",  # a pronoun with nothing to stand for
        "The report accused the police of torture.",  # a thing, not an agent
        "Her country's troops attacked the village.",  # whose troops: someone named before, or nobody
        "About 2,000 troops were deployed to the border.",  # the troops are sent, not the sender
        "The group condemned the arrests.",  # bare singular: a group named before
        "The ministry said the withdrawal had been completed.",  # the speaker is no doer of the withdrawal
        "Forty members of parliament voted for the bill.",  # a tally of a body's vote
        "Crowds gathered in the square to celebrate the victory.",  # a crowd is no protest
    ],
)
def test_pronouns_things_and_anaphoric_nouns_are_no_generic_doers(annotate: Annotate, text: str) -> None:
    assert annotate(text)._.events == []


def test_adhoc_actor_has_the_same_id_in_every_document(tmp_path: Path) -> None:
    from hornbill.pipeline import build
    from hornbill.store import open_kb
    from hornbill.views import export

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Separatist fighters attacked a police post near Tindouf on Monday.\n")
    (articles / "b.txt").write_text("Separatist fighters ambushed a supply convoy outside Tindouf on Friday.\n")
    kb = open_kb(tmp_path / "kb.duckdb")
    build([articles], kb)
    exported = list(export.events(kb))
    entities = {e["id"]: e for e in export.entities(kb)}
    kb.close()
    ids = {e["actor"]["id"] for e in exported if e["event_type"] == "ASSAULT" and e["actor"]}
    assert ids == {"group:separatist_fighter"}
    assert entities["group:separatist_fighter"]["name"].casefold() == "separatist fighters"
    fighters = entities["group:separatist_fighter"]
    assert (fighters["type"], fighters["sector"]) == ("REB", "UAF")
    assert {e["actor"]["resolution"] for e in exported if e["event_type"] == "ASSAULT"} == {"generic"}


# --------------------------------------------------------------------------- lexicon additions


def test_words_of_a_name_trigger_nothing(annotate: Annotate) -> None:
    doc = annotate("The Black Sea Economic Cooperation (BSEC) forum has agreed to open a trade office in Varna.")
    assert types_of(doc) == {"AGREE"}  # no COOPERATE from the "Cooperation" of the name


def test_mediation_mission_is_a_consultation_but_a_peace_mission_is_a_visit(annotate: Annotate) -> None:
    doc = annotate("Kenya undertook a mediation mission between Ethiopia and Eritrea.")
    assert found(doc) == {("CONSULT", "Kenya", "Ethiopia", "occurred"), ("CONSULT", "Kenya", "Eritrea", "occurred")}
    assert {e.mode for e in doc._.events} == {"third-party"}
    assert {e.mode for e in annotate("Kenya's foreign minister went on a peace mission to Ethiopia.")._.events} != {
        "third-party"
    }


def test_renewed_demand_and_opened_hearing_carry_their_nouns(annotate: Annotate) -> None:
    assert types_of(annotate("The African Union renewed its call for a ceasefire in Sudan.")) == {"REQUEST"}
    hearing = annotate("Peru's supreme court opened a hearing on Monday into the former president's assets.")
    assert types_of(hearing) == {"ACCUSE"}
    assert annotate("Peru's supreme court opened a new session on Monday.")._.events == []


def test_demand_a_protest_is_held_for_is_its_aim_not_a_second_event(annotate: Annotate) -> None:
    doc = annotate("Thousands of nurses marched through Nairobi to demand higher wages.")
    assert types_of(doc) == {"PROTEST"}
    # a demand beside a protest, not its purpose, stays an event of its own
    both = annotate("Nurses marched against the pay freeze and called for higher wages.")
    assert types_of(both) == {"PROTEST", "REQUEST"}


def test_a_protest_is_aimed_at_whom_its_demand_targets(annotate: Annotate) -> None:
    def protest_recipient(text: str) -> str | None:
        doc = annotate(text)
        protests = [e for e in doc._.events if e.event_type == "PROTEST"]
        assert len(protests) == 1, [(e.event_type, e.trigger) for e in doc._.events]
        return protests[0].recipient.name if protests[0].recipient is not None else None

    assert protest_recipient("Farmers marched in Lima to demand the resignation of Dina Boluarte.") == "Dina Boluarte"
    assert protest_recipient("Farmers blocked roads near Lima, calling on Dina Boluarte to resign.") == "Dina Boluarte"
    assert protest_recipient("Farmers blocked highways near Lima on Monday.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the codebook's "declare truce, ceasefire" is a RETREAT; a call for one is a demand
        ("Chad called a truce with the rebels.", {("RETREAT", "Chad", "rebels", "occurred")}),
        ("Kenya called for a ceasefire in Sudan.", {("REQUEST", "Kenya", None, "occurred")}),
        # easing limits on political freedom is a concession
        ("Uganda legalized the main opposition party.", {("CONCEDE", "Uganda", "main opposition party", "occurred")}),
        ("Jordan's king restored political freedoms.", {("CONCEDE", "Jordan", None, "occurred")}),
        ("Uganda legalized the sale of cannabis.", set()),
        # evacuating the wounded is humanitarian aid; evacuating one's troops is a withdrawal
        (
            "United Nations helicopters evacuated the wounded from the besieged town.",
            {("AID", "United Nations", None, "occurred")},
        ),
        ("Kenya evacuated its troops from the border town.", {("RETREAT", "Kenya", None, "occurred")}),
        # putting someone under investigation accuses them
        (
            "Italy put a Dutch national under investigation for fraud.",
            {("ACCUSE", "Italy", "Netherlands", "occurred")},
        ),
        ("Italy put the bill under discussion in the senate.", set()),
        # stopping aid delivered in a country stops it to that country
        (
            "The World Food Programme halted food deliveries in northern Ethiopia.",
            {("SANCTION", "World Food Programme", "Ethiopia", "occurred")},
        ),
        # announcing a sanction imposes it; announcing a withdrawal only starts one
        ("Greece announced a suspension of diplomatic ties with Libya.", {("SANCTION", "Greece", "Libya", "occurred")}),
        ("France announced the withdrawal of its troops from Niger.", {("RETREAT", "France", "Niger", "announced")}),
    ],
)
def test_codebook_actions_added_to_the_lexicon(annotate: Annotate, text: str, expected: set[tuple[str, ...]]) -> None:
    assert found(annotate(text)) == expected


# --------------------------------------------------------------------------- issue 5: roles in news prose


def _forces_name(iso3: str) -> str:
    forces = actors.ActorDictionary.load().armed_forces(iso3)
    assert forces is not None
    return forces.name


def test_military_coup_is_done_by_the_forces_of_the_country_it_happened_in(annotate: Annotate) -> None:
    niger = annotate("Relations with Paris soured after a military coup in Niger in 2023.")
    assert found(niger) == {("COERCE", _forces_name("NER"), None, "occurred")}
    witnessed = annotate("Guinea witnessed a military coup in September 2021.")
    assert found(witnessed) == {("COERCE", _forces_name("GIN"), None, "occurred")}
    # a coup not said to be military has no doer of its own; generic coups are no event
    assert found(annotate("A coup in Gabon ended the family's rule.")) == {("COERCE", None, None, "occurred")}
    assert annotate("The region has witnessed military coups since 2020.")._.events == []


def test_a_military_coup_named_with_no_place_happened_in_the_country_the_article_is_about(annotate: Annotate) -> None:
    doc = annotate("Sudan's army seized power on Monday. Students said the military coup had stolen their revolution.")
    assert [e.actor and e.actor.name for e in doc._.events if e.event_type == "COERCE"] == [_forces_name("SDN")] * 2


def test_those_who_took_part_in_a_mutiny_did_it_not_its_leader(annotate: Annotate) -> None:
    doc = annotate("Russian soldiers took part in a mutiny against the Kremlin led by Ivan Petrov.")
    assert {(e.event_type, e.actor.name if e.actor else None) for e in doc._.events} == {("MOBILIZE", "Russia")}
    led = annotate("A mutiny against the Kremlin was led by Ivan Petrov.")
    assert {e.actor.name for e in led._.events if e.actor} == {"Ivan Petrov"}


def test_act_done_as_demanded_is_a_demand_for_that_act(annotate: Annotate) -> None:
    doc = annotate(
        "The Security Council voted to end MINUSCA as demanded by the government of the Central African Republic."
    )
    assert ("REQUEST", "Central African Republic", "MINUSCA", "occurred") in found(doc)
    asked = annotate("The Security Council withdrew UNAMID as Sudan had requested.")
    assert ("REQUEST", "Sudan", "UNAMID", "occurred") in found(asked)
    assert "REQUEST" not in types_of(annotate("The army withdrew from the town as the rebels advanced."))


MISSION_ENDED = "The Security Council decided on Tuesday to end the peacekeeping mission MONUSCO in Congo."


def test_bare_troops_withdrawing_are_the_forces_of_the_ended_mission(annotate: Annotate) -> None:
    doc = annotate(
        f"{MISSION_ENDED} The force has about 12,000 blue helmets. "
        "Soldiers and helicopters will leave the country within six months."
    )
    congo = actors.ActorDictionary.load().country("COD")
    assert congo is not None
    assert ("RETREAT", "MONUSCO", congo.name, "announced") in found(doc)
    # without a withdrawal named before, bare soldiers are nobody's
    assert annotate("Soldiers and helicopters will leave Congo within six months.")._.events == []


def test_definite_withdrawal_without_doer_is_the_one_just_named(annotate: Annotate) -> None:
    doc = annotate("Belgium will withdraw its soldiers from Congo. The pullout will be finished by March.")
    assert [(e.event_type, e.actor.name if e.actor else None, e.trigger) for e in doc._.events] == [
        ("RETREAT", "Belgium", "withdraw"),
        ("RETREAT", "Belgium", "pullout"),
    ]
    assert annotate("The pullout will be finished by March.")._.events == []
    # "the end of the UN mission" names what ended, not who ended it: no doer from before
    other = annotate("Belgium will withdraw its soldiers from Congo. The end of the UN mission in Mali was announced.")
    assert [e.trigger for e in other._.events] == ["withdraw"]


def test_decision_noun_refers_back_to_the_decided_event(annotate: Annotate) -> None:
    doc = annotate(f"{MISSION_ENDED} The force has about 12,000 blue helmets. The Security Council's vote was close.")
    last = list(doc.sents)[-1]
    again = [e for e in doc._.events if e.evidence.start == last.start_char]
    assert [(e.event_type, e.actor.name if e.actor else None, e.trigger) for e in again] == [
        ("RETREAT", "UN Security Council", "vote")
    ]
    # "the decision to leave" states an act of its own, not the one decided before
    other = annotate("The European Union decided to impose sanctions on Iran. The decision to leave angered Tehran.")
    assert [e.trigger for e in other._.events] == ["sanctions"]


def test_headline_clauses_side_by_side_are_both_events(annotate: Annotate) -> None:
    doc = annotate("Congo: UN ends peacekeeping mission, Belgium blames Rwanda")
    assert {(e.event_type, e.actor.name if e.actor else None) for e in doc._.events} == {
        ("RETREAT", "United Nations"),
        ("ACCUSE", "Belgium"),
    }
    # the story's label before the colon is not a doer
    label = annotate("Somalia: African Union ends military mission, US criticizes Ethiopia")
    assert {e.actor.name for e in label._.events if e.event_type == "RETREAT" and e.actor} == {"African Union"}
    # a reported clause before a speech verb with an object is still reported
    told = annotate("Kenya withdrew its troops from Somalia, officials told reporters.")
    assert found(told) == {("RETREAT", "Kenya", "Somalia", "occurred")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to Boris Johnson, the cooperation of the Sudanese authorities with the militia undermines "
            "security in the region.",
            ("ACCUSE", "Boris Johnson", "Sudan", "occurred"),
        ),
        (
            "The Nigerien government's alliance with the militia is dangerous for the region, Josep Borrell added.",
            ("ACCUSE", "Josep Borrell", "Niger", "occurred"),
        ),
        (
            "Boris Johnson said that the deal with Iran will not bring peace.",
            ("ACCUSE", "Boris Johnson", "Iran", "occurred"),
        ),
        (
            "Responsibility for the violence lies with the junta in Niger, Boris Johnson said.",
            ("ACCUSE", "Boris Johnson", "Niger", "occurred"),
        ),
    ],
)
def test_criticism_told_as_opinion_is_an_accusation(annotate: Annotate, text: str, expected: tuple[str, ...]) -> None:
    assert expected in found(annotate(text))


@pytest.mark.parametrize(
    "text",
    [
        "The partnership with Russia will help Mali, Sergei Lavrov said.",
        "Boris Johnson said that the talks will not bring peace.",
        "The book lies on the table, Boris Johnson said.",
    ],
)
def test_praise_and_plain_statements_are_no_accusation(annotate: Annotate, text: str) -> None:
    assert "ACCUSE" not in types_of(annotate(text))


def test_doubt_about_a_partnership_is_criticism_not_a_refusal(annotate: Annotate) -> None:
    doc = annotate('"We do not believe that the partnership with Sudan will bring peace," Boris Johnson said.')
    assert found(doc) == {("ACCUSE", "Boris Johnson", "Sudan", "occurred")}


def test_first_of_coordinated_targets_is_the_main_one(annotate: Annotate) -> None:
    doc = annotate("Kenyan police arrested Ivan Petrov and Sergei Lavrov in Nairobi.")
    confidence = {e.recipient.name: e.confidence for e in doc._.events if e.recipient}
    assert confidence["Ivan Petrov"] > confidence["Sergei Lavrov"]


def test_people_named_by_their_part_in_a_coup_are_no_coup_report(annotate: Annotate) -> None:
    assert "COERCE" not in types_of(annotate("The organisers of the coup in Niger were praised."))
    assert types_of(annotate("The coup in Niger was condemned.")) == {"COERCE"}


def test_headline_label_is_where_a_withdrawal_happens(annotate: Annotate) -> None:
    doc = annotate("Somalia: African Union ends military mission, US criticizes Ethiopia")
    assert ("RETREAT", "African Union", "Somalia", "occurred") in found(doc)
    body = annotate("The African Union ended its military mission on Friday.")
    assert found(body) == {("RETREAT", "African Union", None, "occurred")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trainers sent abroad, and training another country's forces, are military aid
        ("Most Italian trainers are to be stationed in Libya.", {("AID", "Italy", "Libya", "announced")}),
        ("Spain will deploy military instructors to Mauritania.", {("AID", "Spain", "Mauritania", "announced")}),
        (
            "Canada's new mandate will include training of security forces in Niger.",
            {("AID", "Canada", "Niger", "announced")},
        ),
        # the owner of the programme an act is done in is its doer
        (
            "Under Canada's programme, police officers in Niger were trained last year.",
            {("AID", "Canada", "Niger", "occurred")},
        ),
        ("Police officers in Niger will be trained next year.", set()),
        ("The army completed the training of new recruits.", set()),
        ("Italian trainers were praised in Libya.", set()),
    ],
)
def test_training_abroad_is_military_aid(annotate: Annotate, text: str, expected: set[tuple[str, ...]]) -> None:
    assert found(annotate(text)) == expected


def test_regret_about_what_someone_did_is_aimed_at_them(annotate: Annotate) -> None:
    doc = annotate("British envoy Bob Rae expressed regret that Sudan wanted the peacekeepers to leave.")
    assert found(doc) == {("ACCUSE", "Bob Rae", "Sudan", "occurred")}
    own = annotate("Boris Johnson expressed regret that he could not attend.")
    assert found(own) == {("ACCUSE", "Boris Johnson", None, "occurred")}


def test_criticised_tie_is_aimed_at_the_partner_named_before(annotate: Annotate) -> None:
    quote = '"Frankly, an alliance with Wagner won\'t bring calm to Darfur," Boris Johnson said.'
    doc = annotate(f"Sudan hired the Wagner Group last year. {quote}")
    assert ("ACCUSE", "Boris Johnson", "Sudan", "occurred") in found(doc)
    # with no partner named before, the judgement is aimed at the tie's other side
    assert found(annotate(quote)) == {("ACCUSE", "Boris Johnson", "Wagner Group", "occurred")}


def test_headline_infinitive_beside_another_clause_is_announced(annotate: Annotate) -> None:
    doc = annotate("French troops to leave sooner, China promises aid")
    assert ("RETREAT", "France", None, "announced") in found(doc)
    assert ("RETREAT", "France", None, "occurred") in found(annotate("French troops left sooner, China promises aid"))


def test_opinion_is_dated_when_it_is_said(annotate: Annotate) -> None:
    doc = annotate(
        "Britain criticised Sudan on Monday. The Sudanese government's alliance with the militia is dangerous "
        "for the region, Boris Johnson added.",
        published="2023-07-05",
    )
    (opinion,) = [e for e in doc._.events if e.trigger == "dangerous"]
    assert opinion.date.value == "2023-07-03"


def test_a_promise_to_support_or_help_is_an_announced_agreement(annotate: Annotate) -> None:
    assert found(annotate("Turkey pledged to help rebuild the port of Berbera.")) == {
        ("AGREE", "Turkey", None, "announced")}
    assert ("AGREE", "Russia", None, "announced") in found(
        annotate("Germany to leave sooner, Russia promises support\n\nThe vote was held on Friday."))
    assert not any(e[0] == "AGREE" for e in found(annotate("Turkey pledged to withdraw its ships from the port.")))


def test_an_act_that_sets_the_scene_is_not_done_by_the_clause_subject(annotate: Annotate) -> None:
    # the crackdown, the riots and the coup are others' acts: the sanctioning, declaring and rallying
    # subject did not do them, and what they were done to is no recipient of the main act
    sanctioned = annotate("Australia sanctioned 12 Belarusian officials over the crackdown on opposition supporters.")
    assert [e.actor.name for e in sanctioned._.events if e.event_type == "COERCE" and e.actor] == []
    assert {(e.event_type, e.actor.name if e.actor else None) for e in sanctioned._.events} == {
        ("SANCTION", "Australia")}
    declared = annotate("Peru declared a state of emergency in Lima after days of riots.")
    assert ("PROTEST", "Peru") not in {(e.event_type, e.actor.name if e.actor else None) for e in declared._.events}
    imposed = annotate("Norway imposed sanctions on the riot police over the beatings of students.")
    assert {e.recipient.name if e.recipient else None for e in imposed._.events
            if e.event_type == "SANCTION"} == {"riot police"}


def test_what_a_material_act_was_done_for_is_no_event_of_its_own(annotate: Annotate) -> None:
    # leading the mission is why the police were sent, not a second act (nor one aimed elsewhere)
    doc = annotate("Togo recalled its envoy from Mali last year.\n"
                   "In March, Ghana sent 300 police officers to Gambia to lead the regional mission there.")
    assert [(e.event_type, e.trigger, e.recipient.name if e.recipient else None) for e in doc._.events
            if e.event_type == "AID"] == [("AID", "sent", "Gambia")]


def test_a_judged_act_s_victims_are_not_the_ones_accused(annotate: Annotate) -> None:
    doc = annotate("Chile condemned the shelling of refugees near the border.")
    assert [(e.event_type, e.recipient) for e in doc._.events] == [("ACCUSE", None)]
    doc = annotate("Chile condemned the attack on refugees near the border.")
    assert [(e.event_type, e.recipient) for e in doc._.events] == [("ACCUSE", None)]
