"""Where events happen: the gazetteer's lookups, and the event stage's location by basis (sentence,
dateline, context) and precision (place, admin1, country), with ambiguous names, natural features
and actors' names. Every sentence is made up for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from hornbill.geo import Gazetteer, full_name, key
from hornbill.model import EventMention, Location
from hornbill.schemas import load_data
from hornbill.store import open_kb
from hornbill.views import export

Annotate = Callable[..., Doc]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def only_event(doc: Doc, event_type: str) -> EventMention:
    found = [e for e in doc._.events if e.event_type == event_type]
    assert found, [(e.event_type, e.trigger) for e in doc._.events]
    return found[0]


def where(doc: Doc, event_type: str) -> Location:
    location = only_event(doc, event_type).location
    assert location is not None
    return location


# --------------------------------------------------------------------------- the gazetteer


def test_a_country_name_is_the_country_with_its_geonames_id(gazetteer: Gazetteer) -> None:
    niger = gazetteer.resolve("Niger", "sentence")
    assert niger is not None and (niger.country, niger.precision, niger.geonames_id) == ("NER", "country", 2440476)
    assert niger.lat is not None and 10 < niger.lat < 24 and niger.lon is not None and 0 < niger.lon < 16


def test_the_bigger_place_wins_unless_the_article_is_about_the_other_country(gazetteer: Gazetteer) -> None:
    paris = gazetteer.resolve("Paris", "sentence")
    assert paris is not None and paris.country == "FRA" and paris.admin1 == "Ile-de-France"
    assert gazetteer.resolve("Paris", "sentence", {"FRA": 1.5, "USA": 0.5}).country == "FRA"  # type: ignore[union-attr]
    texan = gazetteer.resolve("Paris", "sentence", {"USA": 2.0})
    assert texan is not None and (texan.country, texan.admin1) == ("USA", "Texas")
    assert gazetteer.resolve("Gao", "sentence").country == "MLI"  # type: ignore[union-attr]
    assert gazetteer.resolve("Gao", "sentence", {"BFA": 2.0}).country == "BFA"  # type: ignore[union-attr]


def test_a_small_town_of_a_country_the_article_never_names_is_no_reading(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Kiti", "sentence").country == "CYP"  # type: ignore[union-attr]
    assert gazetteer.resolve("Kiti", "sentence", {"HTI": 2.0}) is None  # a Haitian name it lacks
    assert gazetteer.resolve("Paris", "sentence", {"MLI": 2.0}).country == "FRA"  # type: ignore[union-attr]


def test_a_state_written_after_the_name_decides(gazetteer: Gazetteer) -> None:
    texan = gazetteer.resolve("Paris", "sentence", {"FRA": 2.0}, within="Texas")
    assert texan is not None and texan.country == "USA"


def test_an_admin_area_and_unknown_names(gazetteer: Gazetteer) -> None:
    tigray = gazetteer.resolve("Tigray", "sentence")
    assert tigray is not None and (tigray.country, tigray.precision) == ("ETH", "admin1")
    assert gazetteer.resolve("Mordor", "sentence") is None
    assert gazetteer.resolve("the Gambia", "sentence").country == "GMB"  # type: ignore[union-attr]


def test_a_place_keeps_the_spelling_of_the_article(gazetteer: Gazetteer) -> None:
    mekelle = gazetteer.resolve("Mekelle", "sentence", {"ETH": 2.0})
    assert mekelle is not None and (mekelle.name, mekelle.country, mekelle.precision) == ("Mekelle", "ETH", "place")
    assert mekelle.geonames_id is not None  # the extract's entry, under its own spelling
    shouted = gazetteer.resolve("BUKAVU", "dateline", {"COD": 2.0})
    assert shouted is not None and shouted.name == "Bukavu"


def test_a_place_keeps_its_article_and_loses_a_trailing_comma(gazetteer: Gazetteer) -> None:
    hague = gazetteer.resolve("the Hague", "sentence", {"NLD": 1.0})
    assert hague is not None and (hague.name, hague.country) == ("The Hague", "NLD")
    port = gazetteer.resolve("Port-au-Prince,", "sentence", {"HTI": 1.0})
    assert port is not None and port.name == "Port-au-Prince"


def test_a_place_below_the_country_is_named_with_its_country() -> None:
    assert full_name("Gao", "MLI", "place") == "Gao, Mali"
    assert full_name("Tigray", "ETH", "admin1") == "Tigray, Ethiopia"
    assert full_name("Bonn", "DEU", "place") == "Bonn, Germany"
    assert full_name("Mali", "MLI", "country") == "Mali"
    assert full_name("Palestinian Territory", "PSE", "country") == "Palestine"  # the country's actor name
    assert full_name("Red Sea", None, "place") == "Red Sea"
    assert full_name("Gaza City, Palestine", "PSE", "place") == "Gaza City, Palestine"


def test_a_short_name_of_a_country_is_the_country(gazetteer: Gazetteer) -> None:
    burkina = gazetteer.resolve("Burkina", "sentence")
    assert burkina is not None and (burkina.country, burkina.precision) == ("BFA", "country")


def test_english_names_and_regions_the_extract_lacks(gazetteer: Gazetteer) -> None:
    north = gazetteer.resolve("North Darfur", "sentence")
    assert north is not None and (north.country, north.precision, north.admin1) == ("SDN", "admin1", "Northern Darfur")
    karabakh = gazetteer.resolve("Nagorno-Karabakh", "sentence")
    assert karabakh is not None and (karabakh.country, karabakh.precision) == ("AZE", "admin1")
    assert karabakh.lat is not None and karabakh.lon is not None
    alias = gazetteer.resolve("Donbass", "sentence")
    assert alias is not None and (alias.name, alias.country) == ("Donbass", "UKR")


def test_the_regions_file_adds_only_what_the_extract_lacks(gazetteer: Gazetteer) -> None:
    facts = load_data("regions.yaml")
    for name, fact in facts["names"].items():
        assert any(e.country == fact["country"] for e in gazetteer._extract_entries(key(fact["same_as"]))), name
        assert not gazetteer._extract_entries(key(name)), f"{name} is already in the extract"
    for name, fact in facts["places"].items():
        for form in [name, *fact.get("aliases", [])]:
            assert not gazetteer._extract_entries(key(form)), f"{form} is already in the extract"


# --------------------------------------------------------------------------- bases and precisions


def test_a_town_in_the_clause_is_a_place_read_from_the_sentence(annotate: Annotate) -> None:
    at = where(annotate("Rebels attacked an army base in Bukavu on Tuesday, the governor said."), "ASSAULT")
    assert (at.name, at.country, at.precision, at.basis) == ("Bukavu", "COD", "place", "sentence")
    assert at.admin1 == "South Kivu" and at.geonames_id == 217831


def test_a_place_behind_a_building_and_a_border_are_read_from_the_clause(annotate: Annotate) -> None:
    lima = where(annotate("Police arrested dozens of demonstrators outside the parliament in Lima."), "COERCE")
    assert (lima.name, lima.country, lima.basis) == ("Lima", "PER", "sentence")
    border = where(annotate("Gunmen ambushed a patrol near the border with Chad."), "ASSAULT")
    assert (border.country, border.precision, border.basis) == ("TCD", "country", "sentence")


def test_a_town_visited_is_where_the_visit_took_place_and_its_country_the_host(annotate: Annotate) -> None:
    doc = annotate("Zambia's foreign minister visited Bukavu on Monday.")
    [visit] = [e for e in doc._.events if e.event_type == "CONSULT"]
    assert visit.location is not None and (visit.location.name, visit.location.basis) == ("Bukavu", "sentence")
    assert visit.recipient is not None and visit.recipient.name == "Democratic Republic of the Congo"
    # only a visit's object is its place: a deal brokered over a sea was not made on it
    brokered = annotate("The Lake Chad fishing deal was brokered by Ghana and Togo.")
    assert {e.location and e.location.name for e in brokered._.events if e.event_type == "CONSULT"} == {"Ghana", "Togo"}


def test_an_international_officials_nationality_is_no_place_they_act_in(annotate: Annotate) -> None:
    doc = annotate("Kenyan police fired on protesters in Nairobi on Monday. "
                   "UN Secretary-General Antonio Guterres condemned the violence.")
    assert (where(doc, "ACCUSE").name, where(doc, "ACCUSE").country) == ("Nairobi", "KEN")
    assert only_event(doc, "ACCUSE").actor is not None and only_event(doc, "ACCUSE").actor.country is None


def test_the_capital_is_the_parties_capital(annotate: Annotate) -> None:
    at = where(annotate("Kenyan police fired tear gas at protesters in the capital on Tuesday."), "ASSAULT")
    assert (at.name, at.country, at.precision, at.basis) == ("Nairobi", "KEN", "place", "sentence")


def test_a_region_is_an_admin1_area_and_a_country_a_country(annotate: Annotate) -> None:
    region = where(annotate("Rebel fighters attacked a police station in the Tigray region."), "ASSAULT")
    assert (region.name, region.country, region.precision) == ("Tigray", "ETH", "admin1")
    country = where(annotate("Police arrested dozens of students in Bangladesh."), "COERCE")
    assert (country.country, country.precision, country.basis) == ("BGD", "country", "sentence")


def test_an_event_its_sentence_does_not_place_takes_the_dateline(annotate: Annotate) -> None:
    doc = annotate("NAIROBI (Reuters) - Kenya's president condemned the attack on Monday.")
    at = where(doc, "ACCUSE")
    assert (at.name, at.country, at.precision, at.basis) == ("Nairobi", "KEN", "place", "dateline")


def test_a_hyphenated_dateline_with_its_country_and_agency(annotate: Annotate) -> None:
    doc = annotate("PORTO-NOVO, Benin (AFP) - Benin's president condemned the attack on Monday.")
    at = where(doc, "ACCUSE")
    assert (at.country, at.precision, at.basis) == ("BEN", "place", "dateline")
    dated = where(annotate("LILONGWE, March 4 (Reuters) - Malawi's president condemned the attack."), "ACCUSE")
    assert (dated.name, dated.country, dated.basis) == ("Lilongwe", "MWI", "dateline")


def test_a_dateline_elsewhere_gives_way_to_the_parties_country(annotate: Annotate) -> None:
    at = where(annotate("GENEVA - Guinean soldiers detained the president on Sunday."), "COERCE")
    assert (at.country, at.precision, at.basis) == ("GIN", "country", "context")


def test_with_neither_the_doers_country_places_it(annotate: Annotate) -> None:
    at = where(annotate("Malian troops arrested a local mayor."), "COERCE")
    assert (at.name, at.country, at.precision, at.basis) == ("Mali", "MLI", "country", "context")
    month = where(annotate("Malian troops arrested a local mayor in August."), "COERCE")  # August, California
    assert (month.name, month.basis) == ("Mali", "context")


def test_in_its_country_the_town_the_article_names_places_it(annotate: Annotate) -> None:
    doc = annotate("Thousands marched in Bamako on Sunday. Malian troops arrested a local mayor, the ministry said.")
    at = where(doc, "COERCE")
    assert (at.name, at.country, at.precision, at.basis) == ("Bamako", "MLI", "place", "context")


def test_a_countrys_short_name_the_gazetteer_lacks_is_still_the_country_on_the_map(annotate: Annotate) -> None:
    at = where(annotate("Police arrested twelve activists in Britain on Friday."), "COERCE")
    assert (at.name, at.country, at.precision, at.basis) == ("United Kingdom", "GBR", "country", "sentence")
    assert at.lat is not None and at.lon is not None


def test_a_town_named_by_its_kind_is_the_place_whatever_the_tagger_made_of_it(annotate: Annotate) -> None:
    at = where(annotate("Militia fighters shelled the town of Goris, Armenian officials said."), "ASSAULT")
    assert (at.name, at.country, at.basis) == ("Goris", "ARM", "sentence")
    unknown = where(annotate("Azerbaijani troops shelled the village of Khramort overnight."), "ASSAULT")
    assert (unknown.name, unknown.country, unknown.basis) == ("Khramort", "AZE", "sentence")


# --------------------------------------------------------------------------- ambiguity, features, actors


def test_an_ambiguous_town_is_read_in_the_articles_country(annotate: Annotate) -> None:
    doc = annotate("Burkinabe soldiers clashed with jihadists near Gao. Burkina Faso's army said the fighting "
                   "lasted hours.")
    assert where(doc, "ASSAULT").country == "BFA"
    assert where(annotate("Soldiers from Mali and Niger clashed with jihadists near Gao."), "ASSAULT").country == "MLI"


def test_a_sea_misparsed_into_a_longer_phrase_is_still_the_place(annotate: Annotate) -> None:
    doc = annotate("Japanese and Australian warplanes rehearsed strikes on a target in the Coral Sea and navy ships "
                   "from India and France held exercises.")
    rehearsals = [e.location for e in doc._.events if e.trigger == "rehearsed"]  # a joint drill: one per side
    assert rehearsals and all(at is not None for at in rehearsals)
    places = {(at.name, at.country, at.lat, at.basis) for at in rehearsals if at}
    assert places == {("Coral Sea", None, None, "sentence")}


def test_a_sea_is_no_province_of_its_name_and_lies_in_the_country_that_owns_it(annotate: Annotate) -> None:
    sea = where(annotate("Houthi fighters fired a missile at a tanker in the Red Sea on Friday."), "ASSAULT")
    assert (sea.name, sea.country, sea.lat) == ("Red Sea", None, None)  # not Egypt's Red Sea governorate
    owned = where(annotate("Russian drones struck Ukraine's Black Sea ports overnight."), "ASSAULT")
    assert (owned.name, owned.country, owned.basis) == ("Black Sea", "UKR", "sentence")


def test_a_river_named_like_a_country_is_not_the_country(annotate: Annotate) -> None:
    doc = annotate("Gunmen attacked a village along the Niger river, killing four fishermen, Malian officials said.")
    river = [e.location for e in doc._.events if e.location is not None and e.location.basis == "sentence"]
    assert river and river[0].name == "Niger river" and river[0].country is None and river[0].lat is None


def test_an_organisations_name_is_no_place_and_a_place_no_actor(annotate: Annotate) -> None:
    doc = annotate("Nigerian police arrested members of the Chad Basin Development Authority in Maiduguri.")
    event = only_event(doc, "COERCE")
    assert event.location is not None and (event.location.name, event.location.country) == ("Maiduguri", "NGA")
    assert event.recipient is not None and event.recipient.type == "ORG"
    assert event.actor is not None and "Maiduguri" not in event.actor.name


# --------------------------------------------------------------------------- the export contract


def test_the_events_export_carries_the_full_location_of_each_placed_event(examples_kb: Path) -> None:
    kb = open_kb(examples_kb, read_only=True)
    try:
        events = list(export.events(kb))
    finally:
        kb.close()
    placed = [e["location"] for e in events if e["location"] is not None]
    assert len(placed) >= 0.9 * len(events)
    for loc in placed:
        assert set(loc) == {"name", "place", "country", "admin1", "lat", "lon", "precision", "basis", "geonames_id"}
        if loc["precision"] != "country":
            assert loc["name"] == loc["place"] or loc["name"].startswith(loc["place"] + ", ")
        assert loc["precision"] in ("place", "admin1", "country")
        assert loc["basis"] in ("sentence", "dateline", "context")
        if loc["lat"] is not None:
            assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180 and loc["country"]
    assert {"sentence", "context"} <= {loc["basis"] for loc in placed}
    assert any(loc["geonames_id"] for loc in placed)
    assert any(loc["precision"] == "place" and loc["name"] != loc["place"] for loc in placed)
