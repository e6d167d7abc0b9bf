"""Actor mentions and the actor dictionary, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pycountry
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from hornbill.actors import (
    ACTOR_TYPES,
    ACTORS_FILE,
    COUNTRIES_FILE,
    ActorDictionary,
    ActorMatchers,
    actor_for_span,
    find_actor_mentions,
    load_roles,
    normalise,
    validate_entry,
)
from hornbill.errors import ConfigError
from hornbill.model import ActorMention

Annotate = Callable[..., Doc]


def mentions_of(doc: Doc, text: str) -> list[ActorMention]:
    return [m for m in doc._.actor_mentions if m.text == text]


def key_of(doc: Doc, text: str, occurrence: int = 0) -> str | None:
    found = mentions_of(doc, text)
    return found[occurrence].actor.key if len(found) > occurrence else None


# --------------------------------------------------------------------------- dictionary


def test_country_names_short_forms_and_capitals_resolve_to_one_country() -> None:
    actors = ActorDictionary.load()
    for name in ("UK", "Britain", "United Kingdom", "London"):
        assert actors.lookup(name) == actors.get("country:GBR"), name
    for name in ("US", "USA", "United States", "Washington"):
        assert actors.lookup(name) == actors.get("country:USA"), name
    assert actors.lookup("Ivory Coast") == actors.lookup("Côte d'Ivoire") == actors.get("country:CIV")
    turkey = actors.get("country:TUR")
    assert actors.lookup("Türkiye") == actors.lookup("Turkey") == actors.lookup("Turkiye") == turkey
    assert actors.lookup("Moscow") == actors.lookup("Russian Federation") == actors.get("country:RUS")
    assert actors.lookup("Bamako") == actors.get("country:MLI")
    assert actors.demonym_country("Malian") == "MLI"
    assert actors.demonym_country("British") == "GBR"


def test_dictionary_knows_missions_groups_and_office_holders_without_diacritics() -> None:
    actors = ActorDictionary.load()
    minusma = actors.lookup("UN Multidimensional Integrated Stabilization Mission in Mali")
    assert minusma is not None and minusma.key == actors.lookup("Minusma").key  # type: ignore[union-attr]
    assert actors.lookup("Assimi Goita") == actors.lookup("Assimi Goïta")
    assert actors.lookup("Africa Corps") is not None and actors.lookup("Africa Corps").type == "PMC"  # type: ignore[union-attr]
    assert actors.lookup("FAMa") == actors.lookup("Malian Armed Forces")
    assert actors.lookup("Congo") is None  # declared ambiguous: never resolves on its own


def test_fuzzy_match_takes_misspellings_but_not_short_or_different_names() -> None:
    actors = ActorDictionary.load()
    assert actors.fuzzy("Prighozin") == actors.get("person:yevgeny_prigozhin")
    assert actors.fuzzy("Minusman") == actors.get("igo:minusma")
    assert actors.fuzzy("Felix Tshisekedy") == actors.get("person:felix_tshisekedi")
    assert actors.fuzzy("Mlai") is None  # too short to guess
    assert actors.fuzzy("Aminata Traoré") is None  # a different person, not a misspelling
    assert actors.fuzzy("Ibrahima Traoré") is None  # one letter apart, but another given name


def test_dictionary_file_matches_its_schema() -> None:
    data = yaml.safe_load(ACTORS_FILE.read_text(encoding="utf-8"))
    errors = [e for raw in data["actors"] for e in validate_entry(raw)]
    assert errors == []
    keys = [raw["key"] for raw in data["actors"]]
    assert len(keys) == len(set(keys)), "duplicate keys"
    actors = ActorDictionary.load()
    assert actors.collisions == {}, "aliases shared by two actors must be declared ambiguous"
    for entry in actors.entries.values():
        assert entry.actor.type in ACTOR_TYPES
        assert entry.actor.country is None or pycountry.countries.get(alpha_3=entry.actor.country)
    assert {c.alpha_3 for c in pycountry.countries} <= {e.actor.country for e in actors.entries.values()}
    countries = yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8"))
    for iso3, facts in countries.items():
        assert pycountry.countries.get(alpha_3=iso3) is not None, iso3
        assert set(facts) <= {"name", "capital", "demonyms", "aliases", "wikidata"}, iso3


def test_validation_rejects_bad_entries() -> None:
    assert validate_entry({"key": "x:1", "name": "X", "type": "ALIEN"})
    assert validate_entry({"key": "x:1", "name": "X", "type": "ORG", "country": "ZZZ"})
    assert validate_entry({"key": "x:1", "name": "X", "type": "ORG", "titles": ["president"]})
    assert validate_entry({"name": "X", "type": "ORG"})
    assert validate_entry({"key": "x:1", "name": "X", "type": "ORG", "part_of": "the UN"})
    assert validate_entry({"key": "x:1", "name": "X", "type": "ORG", "country": "MLI"}) == []
    assert validate_entry({"key": "x:1", "name": "X", "type": "IGO", "part_of": "igo:un"}) == []


def test_user_file_adds_an_actor_and_extends_an_existing_one(tmp_path: Path, nlp: Language) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n"
        "- {key: org:sahel_grain_board, name: Sahel Grain Board, type: ORG, country: NER, aliases: [SGB]}\n"
        "- {key: igo:minusma, aliases: [the blue helmets of Mali]}\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.load(extra)
    board = actors.lookup("SGB")
    assert board is not None and board.name == "Sahel Grain Board" and board.country == "NER"
    assert actors.lookup("the blue helmets of Mali") == actors.get("igo:minusma")
    assert actors.get("igo:minusma").type == "IGO"  # type: ignore[union-attr]
    assert ActorDictionary.load().lookup("SGB") is None  # the shipped dictionary is untouched
    matchers = ActorMatchers.build(nlp, actors, load_roles())
    found = find_actor_mentions(nlp("Grain prices rose, the Sahel Grain Board warned."), matchers)
    assert [m.actor.key for m in found if m.text == "Sahel Grain Board"] == ["org:sahel_grain_board"]


def test_user_file_with_a_bad_entry_is_refused(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("actors:\n- {key: org:x, name: X, type: CLUB}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="CLUB"):
        ActorDictionary.load(extra)


@given(st.text(max_size=40))
def test_normalise_is_idempotent_and_ignores_case(name: str) -> None:
    once = normalise(name)
    assert normalise(once) == once
    assert normalise(name.upper()) == normalise(name.lower()) or not name.isascii()


# --------------------------------------------------------------------------- mentions in text


def test_acronym_defined_in_text_maps_acronym_and_expansion_to_one_actor(annotate: Annotate) -> None:
    doc = annotate(
        "Farmers in Tahoua protested outside the offices of the Niger Valley Irrigation Agency (NVIA) "
        "on Tuesday. The NVIA said water would be rationed until October."
    )
    expansion = key_of(doc, "Niger Valley Irrigation Agency")
    assert expansion is not None and expansion.startswith("org:")
    assert key_of(doc, "NVIA") == key_of(doc, "NVIA", 1) == expansion
    assert mentions_of(doc, "NVIA")[0].actor.aliases == ("NVIA",)


def test_known_acronym_definition_resolves_to_the_dictionary_actor(annotate: Annotate) -> None:
    doc = annotate(
        "Clashes erupted in El Fasher between the army and the Rapid Support Forces (RSF). "
        "The RSF denied shelling the market."
    )
    assert key_of(doc, "Rapid Support Forces") == "reb:rsf"
    assert key_of(doc, "RSF", 1) == "reb:rsf"


def test_title_role_noun_links_to_the_named_person(annotate: Annotate) -> None:
    doc = annotate(
        "Fisheries Minister Helen Carrington visited the harbour at Aberdeen on Tuesday. "
        "The minister said quotas would be reviewed next year."
    )
    minister = mentions_of(doc, "minister")
    assert minister and minister[0].actor.key == "person:helen_carrington"
    assert minister[0].how == "role"


def test_surname_links_to_full_name_and_title_gives_country(annotate: Annotate) -> None:
    doc = annotate(
        "Kenyan Interior Minister Peter Wanjiru ordered a curfew in Mandera. "
        "Wanjiru said the measure would last a week."
    )
    person = mentions_of(doc, "Peter Wanjiru")[0].actor
    assert person.type == "PERSON" and person.country == "KEN"
    assert key_of(doc, "Wanjiru") == person.key
    assert mentions_of(doc, "Wanjiru")[0].how == "surname"


def test_known_office_holder_surname_and_title(annotate: Annotate) -> None:
    doc = annotate(
        "Foreign Minister Sergei Lavrov arrived in Ankara for talks with his Turkish counterpart. "
        "Lavrov said grain exports were on the agenda, and the minister ruled out a ceasefire."
    )
    assert key_of(doc, "Sergei Lavrov") == key_of(doc, "Lavrov") == "person:sergei_lavrov"
    assert key_of(doc, "minister") == "person:sergei_lavrov"
    assert key_of(doc, "Ankara") == "country:TUR"


def test_two_people_sharing_a_surname_are_not_merged(annotate: Annotate) -> None:
    doc = annotate(
        "Moussa Sangare, a farmer from Segou, lost his harvest to the floods. "
        "His cousin Adama Sangare, a lawyer in Bamako, filed a complaint. Sangare said the dam had failed."
    )
    first, second = key_of(doc, "Moussa Sangare"), key_of(doc, "Adama Sangare")
    assert first and second and first != second
    assert key_of(doc, "Sangare") is None


def test_nationality_adjectives_give_countries_and_armed_forces(annotate: Annotate) -> None:
    doc = annotate(
        "The Malian authorities said Malian armed forces had retaken the town, while Chadian troops "
        "guarded the airport and the Niger army closed the border."
    )
    assert key_of(doc, "Malian authorities") == "country:MLI"
    assert key_of(doc, "Malian armed forces") == "mil:fama"
    chadian = mentions_of(doc, "Chadian troops")
    assert chadian and chadian[0].actor.key == "country:TCD" and chadian[0].how == "role"


def test_the_junta_resolves_to_the_country_named_as_governed_by_one(annotate: Annotate) -> None:
    doc = annotate(
        "Guinea's junta dissolved the electoral commission on Friday. Diplomats in Conakry said "
        "the junta had not consulted anyone, and the military rulers refused to set a date."
    )
    assert key_of(doc, "junta", 0) == "country:GIN"
    assert key_of(doc, "military rulers") == "country:GIN"


def test_bare_junta_has_no_country_when_the_document_names_no_clear_country(annotate: Annotate) -> None:
    doc = annotate("The junta imposed a curfew. Residents of Ouagadougou and Niamey stayed home.")
    junta = mentions_of(doc, "junta")[0]
    assert (junta.how, junta.actor.country, junta.actor.sector) == ("generic", None, "GOV")


def test_mission_and_mercenaries_resolve_to_the_group_named_earlier(annotate: Annotate) -> None:
    doc = annotate(
        "MONUSCO moved troops to Goma after the Wagner Group sent instructors to Bangui. "
        "The mission said its bases were safe, while the mercenaries declined to comment."
    )
    assert key_of(doc, "mission") == "igo:monusco"
    assert key_of(doc, "mercenaries") == "pmc:wagner"


def test_pronoun_subject_of_speech_verb_is_the_most_recent_person(annotate: Annotate) -> None:
    doc = annotate(
        "Finance Minister Kwame Asante presented the budget to parliament on Wednesday. "
        "\u201cWe will cut spending on fuel subsidies,\u201d he said."
    )
    he = mentions_of(doc, "he")
    assert he and he[0].actor.name == "Kwame Asante" and he[0].how == "pronoun"


def test_pronoun_abstains_when_two_people_are_equally_recent(annotate: Annotate) -> None:
    doc = annotate("Emmanuel Macron and Olaf Scholz met in Paris. He said the talks were useful.")
    assert mentions_of(doc, "He") == []


def test_misspelt_names_are_fuzzy_matched(annotate: Annotate) -> None:
    doc = annotate(
        "Yevgeny Prighozin told his fighters to stay, and Minusman patrols were suspended near Gao."
    )
    assert key_of(doc, "Yevgeny Prighozin") == "person:yevgeny_prigozhin"
    assert key_of(doc, "Minusman") == "igo:minusma"


def test_unknown_person_and_organisation_become_actors(annotate: Annotate) -> None:
    doc = annotate(
        "Nigerien trade union leader Halima Saidou said the Union of Sahel Hauliers would strike on Monday."
    )
    person = mentions_of(doc, "Halima Saidou")[0].actor
    assert (person.key, person.type, person.country) == ("person:halima_saidou", "PERSON", "NER")


def test_phrase_matcher_finds_aliases_ner_misses_and_respects_case(annotate: Annotate) -> None:
    doc = annotate(
        "The Bundeswehr will leave Gao, the Security Council heard. Officials told us the AU agreed."
    )
    assert key_of(doc, "Bundeswehr") == "country:DEU"
    assert key_of(doc, "Security Council") == "igo:unsc"
    assert key_of(doc, "AU") == "igo:au"
    assert key_of(doc, "us") is None


def test_a_states_army_is_its_armed_forces_and_its_named_operations_are_the_state(annotate: Annotate) -> None:
    doc = annotate(
        "The German army left Gao on Tuesday, and the Nigerian army shelled a rebel camp. Soldiers of "
        "Operation Barkhane had gone home. The Malian army, which seized power in 2021, stayed."
    )
    assert phrase_actor(doc, "The German army") == "forces:DEU"
    assert phrase_actor(doc, "the Nigerian army") == "forces:NGA"
    assert key_of(doc, "Operation Barkhane") == "country:FRA"
    assert phrase_actor(doc, "The Malian army") == "mil:fama"


def test_armed_forces_made_for_a_country_are_named_by_its_nationality_and_part_of_it() -> None:
    dictionary = ActorDictionary.load()
    forces = dictionary.armed_forces("KEN")
    assert forces is not None and (forces.name, forces.type, forces.sector) == ("Kenyan Armed Forces", "MIL", "MIL")
    assert dictionary.has_tag(forces.key, "national_forces") and dictionary.is_synthetic(forces.key)
    assert not dictionary.is_synthetic("mil:fama")


def test_a_military_that_takes_power_is_the_junta_countrys_not_the_most_named_countrys(annotate: Annotate) -> None:
    doc = annotate(
        "France condemned the move, and French diplomats left Niamey on Friday. Paris said the army "
        "would stay in Senegal. Relations between Paris and Niger soured after the military seized power in July."
    )
    assert phrase_actor(doc, "the army") == "forces:FRA"
    assert phrase_actor(doc, "the military") == "mil:fan_niger"


def test_his_or_her_country_is_the_country_of_the_person_just_named(annotate: Annotate) -> None:
    doc = annotate(
        "Senegal's foreign minister Yassine Fall said her country's soldiers would leave Gambia soon. "
        "Gambian President Adama Barrow said his country was grateful. Fall said she had told him so."
    )
    assert phrase_actor(doc, "her country's soldiers") == "country:SEN"
    assert phrase_actor(doc, "his country") == "country:GMB"


def test_a_capital_naming_a_thing_is_a_place_not_the_state(annotate: Annotate) -> None:
    doc = annotate("Rebels in the north still cite the 2015 Algiers peace agreement, and the Kyiv government "
                   "welcomed the Doha talks.")
    assert phrase_actor(doc, "the 2015 Algiers peace agreement") is None
    assert phrase_actor(doc, "the Doha talks") is None
    assert phrase_actor(doc, "the Kyiv government") == "country:UKR"


def test_capital_stands_for_the_country(annotate: Annotate) -> None:
    doc = annotate("Moscow rejected the accusation, and Washington imposed new sanctions on Tehran.")
    assert [key_of(doc, n) for n in ("Moscow", "Washington", "Tehran")] == [
        "country:RUS", "country:USA", "country:IRN"]


def test_actor_index_and_actor_for_span(annotate: Annotate) -> None:
    doc = annotate("The withdrawal of British troops was completed in May. Talks with Russia stalled.")
    first, second = list(doc.sents)
    subject = next(t for t in first if t.dep_ in ("nsubj", "nsubjpass"))
    actor = actor_for_span(doc[subject.left_edge.i:subject.right_edge.i + 1])
    assert actor is not None and actor.key == "country:GBR"
    talks = next(t for t in second if t.dep_ == "nsubj")
    assert actor_for_span(doc[talks.left_edge.i:talks.right_edge.i + 1]) is None
    russia = next(t for t in second if t.text == "Russia")
    assert russia._.actor.key == "country:RUS"
    assert all(doc._.actor_index[i] is m for m in doc._.actor_mentions
               for i in range(len(doc)) if doc[i].idx >= m.start and doc[i].idx < m.end)


def test_mentions_are_sorted_with_clean_text_offsets(annotate: Annotate) -> None:
    text = "ECOWAS lifted sanctions on Mali after Assimi Goita promised elections."
    doc = annotate(text)
    starts = [m.start for m in doc._.actor_mentions]
    assert starts == sorted(starts)
    assert all(text[m.start:m.end] == m.text for m in doc._.actor_mentions)
    assert {m.actor.key for m in doc._.actor_mentions} >= {"igo:ecowas", "country:MLI", "person:assimi_goita"}


def test_an_ambiguous_country_name_takes_the_country_of_the_articles_other_actors(annotate: Annotate) -> None:
    doc = annotate("M23 rebels advanced on Goma, President Felix Tshisekedi said. Congo closed its border.")
    assert key_of(doc, "Congo") == "country:COD"
    doc = annotate("Officials in Brazzaville said on Monday that Congo closed its border.")
    assert key_of(doc, "Congo") == "country:COG"
    doc = annotate("Kim Jong Un and Yoon Suk-yeol both spoke of Korea on Monday.")
    assert key_of(doc, "Korea") is None  # one actor of each: no country leads


def test_a_government_known_by_its_kind_is_that_of_the_country_the_articles_actors_belong_to(
    annotate: Annotate,
) -> None:
    doc = annotate("Congolese troops and M23 rebels clashed near Goma, where President Felix Tshisekedi "
                   "vowed to fight on. The government accused Rwanda of arming the rebels. Later, Egyptian "
                   "officials in Cairo said talks were possible.")
    assert key_of(doc, "government") == "country:COD"


def test_authorities_of_a_country_and_a_president_known_to_the_dictionary(annotate: Annotate) -> None:
    doc = annotate(
        "Russian President Vladimir Putin received envoys from the authorities of Niger in the Kremlin. "
        "The president said Moscow would send wheat."
    )
    assert key_of(doc, "authorities") == "country:NER"
    assert key_of(doc, "president") == "person:vladimir_putin"
    assert key_of(doc, "Kremlin") == key_of(doc, "Moscow") == "country:RUS"


def test_unknown_organisation_gets_its_country_and_a_type_from_its_name(annotate: Annotate) -> None:
    doc = annotate("The Ghanaian Health Ministry said on Friday that the Accra Traders Guild had reopened.")
    ministry = mentions_of(doc, "Ghanaian Health Ministry")
    assert ministry and (ministry[0].actor.type, ministry[0].actor.country) == ("GOV", "GHA")
    assert ministry[0].actor.key == "org:ghanaian_health_ministry"


def test_role_noun_picks_the_most_recent_person_whose_title_fits(annotate: Annotate) -> None:
    doc = annotate(
        "Health Minister Grace Obi opened the clinic in Kano, and police commissioner Tunde Bello "
        "attended the ceremony. The minister said ten more clinics would follow, "
        "and the commissioner promised extra patrols."
    )
    assert key_of(doc, "minister") == "person:grace_obi"
    assert key_of(doc, "commissioner") == "person:tunde_bello"


def test_junta_led_by_a_known_leader_takes_the_leader_country(annotate: Annotate) -> None:
    doc = annotate(
        "Diplomats in Dakar said the junta led by Abdourahamane Tiani had closed the border with Benin."
    )
    assert key_of(doc, "junta") == "country:NER"


def test_title_with_its_own_organisation_does_not_link_to_a_recent_name(annotate: Annotate) -> None:
    doc = annotate(
        "Health Minister Grace Obi met donors on Monday. The head of the World Food Programme said "
        "funding had dried up."
    )
    assert key_of(doc, "head") is None
    assert key_of(doc, "World Food Programme") == "igo:wfp"


# --------------------------------------------------------------------------- role phrases, round 2


def phrase_actor(doc: Doc, words: str) -> str | None:
    """The actor id ``actor_for_span`` reads for the first occurrence of ``words`` in ``doc``."""
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    actor = actor_for_span(span)
    return actor.key if actor is not None else None


def test_counterpart_is_the_person_of_that_country_holding_the_same_office(annotate: Annotate) -> None:
    doc = annotate(
        "Ugandan President Yoweri Museveni and Ugandan Prime Minister Robinah Nabbanja greeted guests "
        "in Entebbe. Later, Kenyan President William Ruto and his Ugandan counterpart signed a pipeline deal."
    )
    assert key_of(doc, "Ugandan counterpart") == "person:yoweri_museveni"


def test_counterpart_abstains_without_a_person_of_that_country(annotate: Annotate) -> None:
    doc = annotate("Kenyan President William Ruto and his Tanzanian counterpart opened the border post.")
    assert key_of(doc, "Tanzanian counterpart") is None


def test_military_government_is_the_country_not_its_army(annotate: Annotate) -> None:
    doc = annotate("Moscow promised wheat and fuel to the Nigerien military government on Tuesday.")
    assert phrase_actor(doc, "the Nigerien military government") == "country:NER"
    assert phrase_actor(doc, "Moscow") == "country:RUS"


def test_the_country_s_junta_resolves_like_the_junta(annotate: Annotate) -> None:
    doc = annotate(
        "Guinea's borders reopened in March. Traders in Conakry said the country's military junta "
        "had lifted the curfew."
    )
    assert key_of(doc, "military junta") == "country:GIN"


def test_an_organisation_before_a_role_noun_owns_it(annotate: Annotate) -> None:
    doc = annotate("Villagers said the Wagner mercenary army and NATO forces had never met in the region.")
    assert key_of(doc, "mercenary army") == "pmc:wagner"
    assert key_of(doc, "forces") == "igo:nato"


def test_peacekeeping_nouns_want_an_international_mission(annotate: Annotate) -> None:
    doc = annotate(
        "The UN Mission in South Sudan (UNMISS) extended its patrols. French soldiers of Operation "
        "Barkhane were far away in Niger. Residents said the peacekeeping force protected the camp, "
        "and the UN operation would stay."
    )
    assert key_of(doc, "peacekeeping force") == "igo:unmiss"
    assert phrase_actor(doc, "the UN operation") == "igo:unmiss"


def test_a_role_phrase_takes_the_acronym_in_parentheses_after_it(annotate: Annotate) -> None:
    doc = annotate("Kenya sent 400 soldiers to the peacekeeping force in Somalia (ATMIS) last year.")
    assert phrase_actor(doc, "the peacekeeping force in Somalia") == "igo:atmis"


def test_object_pronouns_it_and_them(annotate: Annotate) -> None:
    doc = annotate(
        "The junta in Bamako expelled Colonel Amadou Sanogo and Colonel Moussa Keita after accusing "
        "them of plotting. Critics praised ECOWAS but called it slow."
    )
    assert key_of(doc, "them") == "person:amadou_sanogo"
    assert key_of(doc, "it") == "igo:ecowas"


def test_a_title_phrase_stands_for_its_person_and_an_apposition_for_its_name(annotate: Annotate) -> None:
    doc = annotate(
        "Secretary General of the UN António Guterres called for calm. "
        "The Russian mercenary group Wagner denied it."
    )
    first = next(iter(doc.sents))
    subject = next(t for t in first if t.dep_ == "nsubj")
    guterres = actor_for_span(doc[subject.left_edge.i:subject.right_edge.i + 1])
    assert guterres is not None and guterres.key == "person:antonio_guterres"
    assert phrase_actor(doc, "The Russian mercenary group Wagner") == "pmc:wagner"


def test_a_country_closing_a_title_is_not_part_of_the_name(annotate: Annotate) -> None:
    doc = annotate("Minister of Foreign Affairs of Togo Robert Dussey demanded an apology.")
    assert key_of(doc, "Robert Dussey") == "person:robert_dussey"
    assert key_of(doc, "Togo") == "country:TGO"


def test_fuzzy_match_never_changes_a_common_word() -> None:
    dictionary = ActorDictionary.load()
    assert dictionary.fuzzy("Russian foreign minister") is None
    assert dictionary.fuzzy("Russian Foriegn Ministry") is not None


def test_parliaments_and_seats_of_power_stand_for_their_country() -> None:
    dictionary = ActorDictionary.load()
    assert dictionary.lookup("Bundestag").key == "country:DEU"  # type: ignore[union-attr]
    assert dictionary.lookup("State Duma").key == "country:RUS"  # type: ignore[union-attr]


def test_an_indefinite_junta_still_resolves_to_the_junta_country(annotate: Annotate) -> None:
    doc = annotate("Burkina Faso's borders were closed. Since a military junta seized power in Ouagadougou, "
                   "Burkina Faso has expelled French troops.")
    assert key_of(doc, "military junta") == "country:BFA"


def test_an_organisation_across_a_noun_modifier_picks_its_own_kind_of_mission(annotate: Annotate) -> None:
    doc = annotate(
        "The EU Training Mission in Mali (EUTM Mali) trained officers, while Operation Barkhane hunted "
        "jihadists. Officials said the EU training mission would end in May."
    )
    assert phrase_actor(doc, "the EU training mission") == "igo:eutm_mali"


def test_a_lone_name_given_with_a_title_is_a_person_and_so_is_that_name_alone(annotate: Annotate) -> None:
    doc = annotate("Sheikh Tamim flew to Cairo on Monday. Tamim later met Egyptian officials at the palace.")
    people = [m.actor.key for m in doc._.actor_mentions if m.actor.type == "PERSON"]
    assert len(people) == 2 and len(set(people)) == 1
    bare = annotate("Gao was quiet on Monday after a week of fighting.")
    assert not [m for m in bare._.actor_mentions if m.actor.type == "PERSON"]  # a lone name: too weak


def test_a_government_or_force_marked_as_no_states_is_not_the_country(annotate: Annotate) -> None:
    doc = annotate("Moldova and Russia traded accusations on Monday. The separatist authorities in Tiraspol "
                   "rejected the plan, and Moldova's government welcomed it.")
    keys = {m.text: m.actor for m in doc._.actor_mentions}
    separatists = keys.get("separatist authorities")
    assert separatists is not None and separatists.type != "COUNTRY" and separatists.sector == "REB"
    assert keys["Moldova's government"].key == "country:MDA"


def test_a_plural_state_noun_names_several_states_and_stays_generic(annotate: Annotate) -> None:
    doc = annotate("Mali, Niger and Burkina Faso left the bloc, Mali's junta leader Assimi Goita said in "
                   "Bamako. The governments accused the bloc of serving foreign powers.")
    [governments] = mentions_of(doc, "governments")
    assert governments.actor.country is None and governments.how == "generic"


def test_the_bloc_or_the_alliance_is_the_international_body_named_before(annotate: Annotate) -> None:
    doc = annotate("SADC leaders met in Harare. The 16-member bloc suspended Madagascar.")
    assert key_of(doc, "16-member bloc") == "igo:sadc"
    assert {(e.event_type, e.actor.key if e.actor else None, e.recipient.key if e.recipient else None)
            for e in doc._.events} >= {("SANCTION", "igo:sadc", "country:MDG")}
    doc = annotate("Dock workers in Durban walked out on Monday. The union said talks had failed.")
    assert key_of(doc, "union") is None  # a trade union is no international body
