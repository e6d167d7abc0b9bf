"""The material PLOVER types (COOPERATE, AID, RETREAT, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT)
coded from the codebook's modes and the CAMEO verb classes, on sentences written for these tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from hornbill import events
from hornbill.events.lexicon import word_forms

Annotate = Callable[..., Doc]
Found = set[tuple[str, str | None, str | None, str]]


def found(doc: Doc) -> Found:
    """(type, actor, recipient, status) of every event in a Doc."""
    return {
        (e.event_type, e.actor.name if e.actor else None, e.recipient.name if e.recipient else None, e.status)
        for e in doc._.events
    }


def typed(doc: Doc, event_type: str) -> set[tuple[str | None, str | None, str | None]]:
    """(actor, recipient, mode) of the events of one type."""
    return {
        (e.actor.name if e.actor else None, e.recipient.name if e.recipient else None, e.mode)
        for e in doc._.events
        if e.event_type == event_type
    }


def candidate_types(doc: Doc) -> set[tuple[str, str | None]]:
    """(type, mode) of every candidate, doer or not: events whose doer only context can give."""
    return {(c.pattern.event_type, c.mode) for s in doc.sents for c in events.find_candidates(s)}


# (sentence, type, mode, actor, recipient); "*" = not checked
POSITIVES: list[tuple[str, str, str | None, str, str | None]] = [
    # COERCE: arrests and detentions in their news forms
    (
        "Bolivian police took the former interior minister into custody on Tuesday.",
        "COERCE",
        "arrest",
        "Bolivian police",
        "*",
    ),
    (
        "Zimbabwe's government rounded up dozens of opposition supporters in Harare.",
        "COERCE",
        "arrest",
        "Zimbabwe",
        "*",
    ),
    ("The arrest of Imran Khan by Pakistani authorities set off riots.", "COERCE", "arrest", "Pakistan", "Imran Khan"),
    ("Pakistan's army carried out arrests in Lahore overnight.", "COERCE", "arrest", "Pakistani Armed Forces", "*"),
    (
        "Nicolas Maduro has been held under house arrest by the Venezuelan army since July.",
        "COERCE",
        "arrest",
        "Venezuelan Armed Forces",
        "Nicolas Maduro",
    ),
    ("Ethiopia has held the journalists in custody for a month.", "COERCE", "arrest", "Ethiopia", "*"),
    # COERCE: curfews, emergencies, closures, bans
    ("Ecuador declared a curfew in Guayaquil.", "COERCE", "curfew", "Ecuador", "*"),
    ("Sri Lanka's president imposed a nationwide curfew on Friday.", "COERCE", "curfew", "Sri Lanka", "*"),
    ("Niger's junta closed the country's borders and airspace.", "COERCE", "restrict", "Niger", "*"),
    ("Gabon's military sealed off the roads around the presidential palace.", "COERCE", "restrict", "*", "*"),
    ("Mali's junta suspended all political activities.", "COERCE", "restrict", "Mali", "*"),
    (
        "Venezuela's electoral council barred the opposition leader from the election.",
        "COERCE",
        "ban",
        "Venezuela",
        "*",
    ),
    ("Thailand's army dissolved parliament and suspended the constitution.", "COERCE", None, "Thai Armed Forces", "*"),
    # COERCE: services withheld, people expelled, property seized, protests dispersed
    ("Authorities in Bangladesh cut mobile internet across the country.", "COERCE", "withhold", "Bangladesh", "*"),
    ("Israel cut electricity to the Gaza Strip.", "COERCE", "withhold", "Israel", "*"),
    ("Hungary expelled two Russian journalists.", "COERCE", "deport", "Hungary", "*"),
    (
        "Venezuela's intelligence police raided the offices of the opposition newspaper.",
        "COERCE",
        "seize",
        "intelligence police",
        "*",
    ),
    ("Georgian police dispersed the protesters outside parliament.", "COERCE", "restrict", "Georgian police", "*"),
    ("Russia imposed a naval blockade on the port of Odesa.", "COERCE", "restrict", "Russia", "*"),
    ("The imposition of a curfew by the government of Ecuador lasted a week.", "COERCE", "curfew", "Ecuador", "*"),
    ("The suspension of the constitution by the Thai army lasted two years.", "COERCE", None, "Thai Armed Forces", "*"),
    # COERCE: hacking is the codebook's cyber mode, not an assault
    ("Iranian hackers defaced hundreds of Israeli websites.", "COERCE", "cyber", "Iranian hackers", "Israel"),
    ("A Russian cyberattack on Estonia's government disabled its servers.", "COERCE", "cyber", "Russia", "Estonia"),
    # ASSAULT: atrocities, wars, strikes, weapons that hit, repelled attacks, abductions
    ("The two-year war between Ethiopia and Eritrea killed tens of thousands.", "ASSAULT", None, "Eritrea",
     "Ethiopia"),
    ("Fighting between Chad's army and Boko Haram has displaced thousands.", "ASSAULT", None, "Boko Haram", "*"),
    ("Boko Haram laid siege to the garrison town of Monguno.", "ASSAULT", None, "Boko Haram", "*"),
    (
        "Human Rights Watch documented the Ethiopian army's atrocities against civilians in Amhara.",
        "ASSAULT",
        None,
        "Ethiopian Armed Forces",
        "*",
    ),
    (
        "The Sri Lankan military's abuses against Tamil civilians were documented by the UN.",
        "ASSAULT",
        None,
        "Sri Lankan Armed Forces",
        "*",
    ),
    ("Russia's war on Ukraine has displaced millions.", "ASSAULT", None, "Russia", "Ukraine"),
    (
        "Israel carried out strikes on Hezbollah positions in southern Lebanon.",
        "ASSAULT",
        "heavy-weapons",
        "Israel",
        "*",
    ),
    (
        "The United States conducted strikes against militia targets in Syria.",
        "ASSAULT",
        "heavy-weapons",
        "United States",
        "*",
    ),
    ("Russian missiles struck a shopping centre in Kremenchuk.", "ASSAULT", "heavy-weapons", "Russia", "*"),
    ("Ukrainian drones hit an oil refinery in the Belgorod region.", "ASSAULT", "heavy-weapons", "Ukraine", "*"),
    ("Malian soldiers pushed back the attackers near the airport.", "ASSAULT", None, "Mali", "*"),
    ("The Nigerian army repelled an attack by Boko Haram on Maiduguri.", "ASSAULT", None, "Nigerian Armed Forces", "*"),
    ("The abduction of the students by Boko Haram shocked Nigeria.", "ASSAULT", "abduct", "Boko Haram", "*"),
    ("Azerbaijan launched a military operation in Nagorno-Karabakh on Tuesday.", "ASSAULT", None, "Azerbaijan", "*"),
    ("Mexican soldiers exchanged fire with cartel gunmen in Sinaloa.", "ASSAULT", "firearms", "Mexico", "*"),
    ("Israeli police fired tear gas at demonstrators in Jerusalem.", "ASSAULT", "crowd-control", "Israeli police", "*"),
    ("Hamas violated the ceasefire with Israel on Tuesday.", "ASSAULT", None, "Hamas", "Israel"),
    ("Syria used chemical weapons against rebels in Ghouta.", "ASSAULT", "unconventional", "Syria", "*"),
    ("The Sri Lankan army used civilians as human shields.", "ASSAULT", "abduct", "Sri Lankan Armed Forces", "*"),
    ("Ukrainian forces fired at a Russian patrol boat.", "ASSAULT", "firearms", "Ukraine", "*"),
    # MOBILIZE: missiles fired at no target, alerts, forces massed, shows of force
    (
        "North Korea test-fired an intercontinental ballistic missile on Friday.",
        "MOBILIZE",
        "weapons",
        "North Korea",
        "*",
    ),
    ("China launched a missile over Taiwan in August.", "MOBILIZE", "weapons", "China", "Taiwan"),
    ("Iran launched a ballistic missile into the Gulf of Oman.", "MOBILIZE", "weapons", "Iran", "*"),
    ("North Korea's launch of an intercontinental missile alarmed Tokyo.", "MOBILIZE", "weapons", "North Korea", "*"),
    ("South Korea raised its military alert level.", "MOBILIZE", "troops", "South Korea", "*"),
    ("Russia massed troops along the Ukrainian border.", "MOBILIZE", "troops", "Russia", "*"),
    ("China flew bombers near Taiwan on Sunday.", "MOBILIZE", "weapons", "China", "*"),
    ("Israeli troops were placed on high alert on Sunday.", "MOBILIZE", "troops", "Israel", "*"),
    ("Jordan declared a state of alert along its border.", "MOBILIZE", "troops", "Jordan", "*"),
    ("Syria moved tanks to the Turkish border.", "MOBILIZE", "weapons", "Syria", "*"),
    # COOPERATE: drills with or between partners, port calls, fighting alongside
    ("The drills between Egypt and Greece ended on Monday.", "COOPERATE", None, "Egypt", "Greece"),
    ("India held naval exercises with France in the Arabian Sea.", "COOPERATE", None, "India", "France"),
    ("A French frigate made a port call in Vietnam.", "COOPERATE", None, "France", "Vietnam"),
    ("Belarusian volunteers fought alongside Ukrainian troops.", "COOPERATE", None, "Belarus", "Ukraine"),
    ("Egypt resumed trade with Qatar.", "COOPERATE", "economic", "Egypt", "Qatar"),
    # AID: support to another's operation, rescues, peacekeepers and their authorisation
    (
        "France conducted strikes on jihadist camps in Mali with support from Niger and Chad.",
        "AID",
        None,
        "Chad",
        "France",
    ),
    ("The Polish navy rescued forty migrants off the coast of Libya.", "AID", "humanitarian", "Poland", "*"),
    (
        "The Security Council approved the mission to Haiti on Monday.",
        "AID",
        "peacekeeping",
        "UN Security Council",
        "Haiti",
    ),
    ("Kenya deployed police officers to Haiti.", "AID", "peacekeeping", "Kenya", "Haiti"),
    ("Ghanaian police officers landed in Jamaica on Monday.", "AID", "peacekeeping", "Ghana", "Jamaica"),
    # personnel sent abroad to help someone are military assistance, not a show of force
    ("Burundi sent 500 soldiers to Somalia to help the government fight al-Shabaab.", "AID", "military", "Burundi",
     "Somalia"),
    ("Chad is willing to send troops to help Niger.", "AID", "military", "Chad", "Niger"),
    ("Cartel members went on a shooting spree in Culiacan, Mexico.", "ASSAULT", None, "Cartel members", "*"),
    ("Burundian soldiers committed a massacre in the village of Gatumba, Congo.", "ASSAULT", None, "Burundi", "*"),
    ("Police in Nairobi used live ammunition against demonstrators.", "ASSAULT", "firearms", "police", "demonstrators"),
    ("Moscow deployed peacekeepers to Nagorno-Karabakh in November 2020.", "AID", "peacekeeping", "Russia", "*"),
    ("A blogger died in the custody of Egypt's security services.", "COERCE", "arrest", "security services", "*"),
    # sheltering those who fled, and deliveries told by their noun
    ("Uganda has taken in 90,000 refugees from South Sudan this year.", "AID", "asylum", "Uganda", "South Sudan"),
    ("Jordan resettled 2,000 evacuees from Syria last year.", "AID", "asylum", "Jordan", "Syria"),
    ("Lebanon is hosting a million refugees from Syria.", "AID", "asylum", "Lebanon", "Syria"),
    # police that deploy abroad, their deployment told as a noun, and the lead of a mission
    ("Rwandan police deployed to Mozambique in 2021.", "AID", "peacekeeping", "Rwanda", "Mozambique"),
    ("The deployment of Senegalese police to Gambia started last week.", "AID", "peacekeeping", "Senegal", "Gambia"),
    ("Burundi is spearheading the stabilisation mission in Somalia.", "AID", "peacekeeping", "Burundi", "Somalia"),
    ("Nigeria will command the regional force in Gambia.", "AID", "peacekeeping", "Nigeria", "Gambia"),
    # joint drills whose partners only "between" names; a place overrun is seized by force
    ("Joint naval drills between India and France began off Goa on Monday.", "COOPERATE", None, "France", "India"),
    ("Jihadist fighters overran a military outpost near Djibo.", "ASSAULT", None, "Jihadist fighters", None),
    # a truce kept, told by "abide by" or "stick to" (the codebook's RETREAT: observing a ceasefire)
    ("Armenia said it would abide by the truce brokered by Moscow.", "RETREAT", "ceasefire", "Armenia", "*"),
    ("So far the Taliban have stuck to the ceasefire in Kandahar.", "RETREAT", "ceasefire", "Taliban", "*"),
    # ships or forces that blockade ports coerce (farmers who do, protest)
    ("Israeli warships have blockaded the port of Gaza since 2007.", "COERCE", "restrict", "*", "*"),
    ("Polish farmers blockaded the border crossing with tractors.", "PROTEST", "obstruct", "*", "*"),
    # part of a group acted on is that group
    ("Nepal's police detained some of the striking teachers.", "COERCE", "arrest", "*", "striking teachers"),
    # assassins and snipers are doers known by their kind, also when counted by "a team of"
    ("The governor was shot dead by a team of assassins.", "ASSAULT", None, "assassins", "*"),
    ("UNICEF restarted vaccine shipments to Yemen.", "AID", "humanitarian", "UNICEF", "*"),
    # visa restrictions on a country's officials are a sanction, not a restriction at home
    ("Washington imposed visa restrictions on 40 Nicaraguan officials.", "SANCTION", None, "United States", "*"),
    ("Protesters torched the ruling party's headquarters in Dhaka.", "ASSAULT", "destroy", "protesters", "*"),
    # sanctions on people known by their kind, and names put on a sanctions list
    ("Canada imposed sanctions on Belarus's riot police.", "SANCTION", None, "Canada", "riot police"),
    ("The United States added two Nicaraguan judges to its sanctions list.", "SANCTION", None, "United States", "*"),
    # cutting a service named by what it carries withholds that service
    ("Ecuador's army cut mobile internet services in the province.", "COERCE", "withhold", "Ecuadorian Armed Forces",
     "*"),
    # the act a free relative of naming gives is done by the clause's subject
    ("Turkey launched what it called a counter-terrorism operation in northern Iraq.", "ASSAULT", None, "Turkey", "*"),
    # armed forces taking control with nothing named take the state's
    ("Gabon's army took control after the president was re-elected.", "COERCE", None, "Gabonese Armed Forces", "*"),
    ("Rwandan police arrived in Mozambique on Tuesday.", "AID", "peacekeeping", "Rwanda", "Mozambique"),
    # RETREAT: held fire, surrender, resignations, releases
    ("Colombia's army held its fire during the talks.", "RETREAT", "ceasefire", "Colombian Armed Forces", "*"),
    ("The surrender of the Armenian garrison took place at dawn.", "RETREAT", "disarm", "Armenian Armed Forces", "*"),
    ("The Peruvian prime minister quit his post on Thursday.", "RETREAT", "resign", "Peru", "*"),
    ("Boris Johnson stood down as party leader.", "RETREAT", "resign", "Boris Johnson", "*"),
    ("The release of Evan Gershkovich by Russia came in a prisoner swap.", "RETREAT", "release", "Russia", "*"),
    # SANCTION: under sanctions, suspended membership
    (
        "Yevgeny Prigozhin, who is under EU sanctions, visited Minsk.",
        "SANCTION",
        None,
        "European Union",
        "Yevgeny Prigozhin",
    ),
    ("ECOWAS suspended Guinea's membership.", "SANCTION", "sever", "ECOWAS", "Guinea"),
    ("Pakistan recalled its high commissioner from Dhaka.", "SANCTION", "withdraw", "Pakistan", "Bangladesh"),
    ("Niger's withdrawal from the African Union angered Nigeria.", "SANCTION", "withdraw", "Niger", "African Union"),
    # PROTEST: taking to the streets, crowds protesting, protests told with their doer
    ("Sri Lankan students returned to the streets on Monday.", "PROTEST", "demo", "Sri Lankan students", "*"),
    ("Kenyan teachers took to the streets of Nairobi.", "PROTEST", "demo", "Kenyan teachers", "*"),
    ("Thousands of Serbians protested the election result.", "PROTEST", "demo", "Serbia", "*"),
    ("The demonstration by Chilean students blocked the capital.", "PROTEST", "demo", "Chilean students", "*"),
    ("Bolivian miners shunned work on Monday to protest at the new tax.", "PROTEST", "strike-lim", "Bolivia", "*"),
    ("Dock workers in Antwerp walked off the job in protest against the layoffs.", "PROTEST", "strike-lim", "*", "*"),
    ("Hundreds of Rwandan police officers arrived in Maputo on Monday.", "AID", "peacekeeping", "Rwanda", "Mozambique"),
    ("Norway released 40 million euros in humanitarian assistance for Yemen.", "AID", "economic", "Norway", "Yemen"),
    ("Japan will fund Angola's demining programme.", "AID", "economic", "Japan", "Angola"),
    ("Qatar rushed food and water to Libya after the floods.", "AID", "humanitarian", "Qatar", "Libya"),
    # aid handed out, resumed or received, and rescuers or medical teams sent or arriving
    ("Turkish volunteers distributed tents to families in Syria.", "AID", "humanitarian", "Turkey", "*"),
    ("The World Bank resumed loans to Sri Lanka last week.", "AID", "economic", "World Bank", "Sri Lanka"),
    ("Lebanon received emergency aid from Iraq on Sunday.", "AID", "humanitarian", "Iraq", "Lebanon"),
    ("Greece sent search and rescue teams to Turkey.", "AID", "humanitarian", "Greece", "Turkey"),
    ("Cuba dispatched doctors to Venezuela.", "AID", "humanitarian", "Cuba", "Venezuela"),
    ("Medical teams from Jordan landed in Beirut overnight.", "AID", "humanitarian", "Jordan", "Lebanon"),
    ("The Norwegian Refugee Council helped evacuate 80 children from Aleppo.", "AID", "humanitarian",
     "Norwegian Refugee Council", "*"),
    # people made to flee are expelled by whoever made them flee (the codebook's reading of flight)
    ("Thousands of Ukrainians fled to Poland after Russia's invasion.", "SANCTION", "expel", "Russia", "*"),
    # people of any calling may be held and freed
    ("Tehran freed a Belgian aid worker and a French academic.", "RETREAT", "release", "Iran", "*"),
    # a strike told by what it did to a city took place, done by those who strike
    ("A general strike crippled Lagos and Abuja on Monday.", "PROTEST", "strike-gen", "*", "*"),
    ("The government met the demands of the striking nurses.", "CONCEDE", None, "*", "striking nurses"),
    ("Tunisia's cabinet accepted the miners' demands.", "CONCEDE", None, "*", "miners"),
    # aid told by its noun with the one it goes to
    ("Norway's aid to Somalia rose sharply last year.", "AID", None, "Norway", "Somalia"),
    # aid flown or trucked to a place is aid, not a visit by whoever carries it
    ("The UAE flew tents and blankets to Afghanistan after the earthquake.", "AID", "humanitarian",
     "United Arab Emirates", "Afghanistan"),
    # goods sent aboard a vehicle are the aid, not the vehicle a show of force
    ("Algeria dispatched two cargo planes carrying tents to Libya.", "AID", "humanitarian", "Algeria", "Libya"),
    ("Oman sent a ship with medicine and flour to Somalia.", "AID", "humanitarian", "Oman", "Somalia"),
    ("Egypt rushed trucks loaded with rifles to Sudan.", "AID", "military", "Egypt", "Sudan"),
    # projects and wages paid for are aid to the place they are in; a state's own forces receive aid
    ("Japan financed the rebuilding of the main bridge in Laos.", "AID", "economic", "Japan", "Laos"),
    ("The United States will equip Ghanaian special forces.", "AID", "military", "United States", "*"),
    # MOBILIZE: shows of force, weapons moved, fighters recruited (CAMEO 150, 154)
    ("Pakistan held a military parade in Islamabad on Saturday.", "MOBILIZE", "troops", "Pakistan", "*"),
    ("Russia moved tactical nuclear weapons to Belarus.", "MOBILIZE", "weapons", "Russia", "*"),
    ("Iran unveiled a new ballistic missile at a ceremony in Tehran.", "MOBILIZE", "weapons", "Iran", "*"),
    ("Venezuela staged war games near the border with Guyana.", "MOBILIZE", "troops", "Venezuela", "*"),
    ("Burkina Faso's junta recruited 50,000 volunteers.", "MOBILIZE", "troops", "Burkina Faso", "*"),
    # SANCTION: lending halted, an embassy closed in a country; RETREAT: property given back
    ("The IMF suspended lending to Zambia in March.", "SANCTION", "sever", "International Monetary Fund", "Zambia"),
    ("Qatar closed its embassy in Kabul.", "SANCTION", "sever", "Qatar", "Afghanistan"),
    ("Zimbabwe's government returned seized farms to white farmers.", "RETREAT", "return", "Zimbabwe", "*"),
    # a name before "-backed" is the backer, not the doer
    ("Syrian-backed Hezbollah gunmen fired rockets at Haifa.", "ASSAULT", "heavy-weapons", "Hezbollah", "*"),
    # the one a purpose clause helps protect is the one helped
    ("Denmark will send rifles to help defend Estonia.", "AID", "military", "Denmark", "Estonia"),
    # aid told by its arrival, given by whom it came from
    ("Food aid from Japan reached Malawi this week.", "AID", "humanitarian", "Japan", "Malawi"),
    ("Relief trucks from Jordan entered Syria on Sunday.", "AID", "humanitarian", "Jordan", "Syria"),
    ("A shipment of vaccines donated by China arrived in Lusaka on Monday.", "AID", "humanitarian", "China",
     "Zambia"),
    ("The Red Cross handed out food parcels to families in Goma.", "AID", "humanitarian",
     "International Committee of the Red Cross", "*"),
    # "provided X with Y": the one given to is the object, what is given the "with" phrase
    ("Belarus supplied Russia with artillery shells.", "AID", "military", "Belarus", "Russia"),
    ("Saudi Arabia provided Pakistan with a loan of two billion dollars.", "AID", "economic", "Saudi Arabia",
     "Pakistan"),
    # captives sent home are released (the codebook's RETREAT: "the actual release or exchange of prisoners")
    ("Ukraine returned 40 Russian prisoners of war on Friday.", "RETREAT", "release", "Ukraine", "Russia"),
    # ordered out of the country: an expulsion of envoys, missions and troops (the codebook's SANCTION/expel)
    ("Chad ordered the German ambassador to leave the country within 48 hours.", "SANCTION", "expel", "Chad",
     "Germany"),
    ("Eritrea told the UN mission to leave.", "SANCTION", "expel", "Eritrea", "United Nations"),
]


@pytest.mark.parametrize(("text", "event_type", "mode", "actor", "recipient"), POSITIVES)
def test_material_event_is_found_with_its_mode_and_roles(
    annotate: Annotate, text: str, event_type: str, mode: str | None, actor: str, recipient: str | None
) -> None:
    hits = typed(annotate(text), event_type)
    assert hits, f"no {event_type} in {text!r}"
    assert any(
        (actor == "*" or a == actor) and (recipient == "*" or r == recipient) and m == mode for a, r, m in hits
    ), f"wanted ({actor}, {recipient}, {mode}), got {hits}"


def test_every_material_type_has_positive_sentences() -> None:
    material = {"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    counts = {t: sum(1 for p in POSITIVES if p[1] == t) for t in material}
    assert all(n >= 2 for n in counts.values()), counts


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a partner named: closing a border on someone is a SANCTION, not a restriction at home
        ("Azerbaijan closed its border with Iran.", "COERCE"),
        # a diplomat's expulsion is a SANCTION, an individual's deportation a COERCE
        ("Niger expelled the French ambassador.", "COERCE"),
        # a missile fired at a target is an attack, not a show of force
        ("Iran fired ballistic missiles at Israel.", "MOBILIZE"),
        # strikes by workers are no air strikes; a rehearsed bombing is no attack
        ("Kenyan teachers went on strike over pay.", "ASSAULT"),
        ("Japanese and American warplanes practiced bombing a target off Okinawa.", "ASSAULT"),
        # wars on abstractions, markets, dates and games are no events of these types
        ("Mexico's war on drugs has lasted for decades.", "ASSAULT"),
        ("Wars between neighbours are rare in the region.", "ASSAULT"),
        ("Masons laid the foundation stone of the new ministry.", "ASSAULT"),
        ("The Kenyan stock market closed higher on Friday.", "COERCE"),
        ("Chile's president met protest leaders in March.", "PROTEST"),
        ("The drills between the two football clubs were cancelled.", "COOPERATE"),
        ("Kenya's police cut the ribbon at the new station.", "COERCE"),
        ("Hackers hit the Danish parliament's website.", "ASSAULT"),
        # a list that is no sanctions list; the verb of a naming clause is no accusation of its own
        ("The speaker added two names to the list of guests.", "SANCTION"),
        ("Turkey launched what it called a counter-terrorism operation in northern Iraq.", "ACCUSE"),
        ("Nepal's army took control of the situation.", "COERCE"),
        # the act a conviction or charge names is the court's claim, not a report of the court's act
        ("A court in Lusaka convicted the former mayor of ordering the killing of two traders.", "ASSAULT"),
        # a recall done "in protest" expresses the grievance; nobody took to the streets
        ("Peru recalled its ambassador from Mexico City in protest.", "PROTEST"),
        # a flight with no one named who caused it is no expulsion
        ("The deposed leader fled to Dubai after weeks of unrest.", "SANCTION"),
        # a participle before a noun tells the state people are in, not an act done to them
        ("The Red Crescent evacuated wounded villagers from the valley.", "ASSAULT"),
        # what is flown somewhere is no visit
        ("The UAE flew tents and blankets to Afghanistan after the earthquake.", "CONSULT"),
        # a ship sent with marines aboard is a deployment, not aid
        ("The Greek navy sent a frigate with sixty marines to Cyprus.", "AID"),
        ("The Thai ministry provided reporters with a written statement.", "AID"),
        # a scene set by talks is no talks held by a strike
        ("After talks in Doha, Israeli air strikes killed twelve people in Rafah.", "CONSULT"),
        # a body that dissolves its own institutions coerces no one; a party naming a premier sanctions no one
        ("The separatist leaders agreed to dissolve their government by January.", "COERCE"),
        ("Nepal's ruling coalition designated a new prime minister.", "SANCTION"),
        # people told to leave a place are no envoys expelled
        ("The police ordered the protesters to leave the square.", "SANCTION"),
    ],
)
def test_readings_of_other_types_or_none(annotate: Annotate, text: str, absent: str) -> None:
    assert absent not in {t for t, *_ in found(annotate(text))}


def test_closing_a_border_on_a_neighbour_is_a_sanction(annotate: Annotate) -> None:
    assert ("SANCTION", "Azerbaijan", "Iran", "occurred") in found(annotate("Azerbaijan closed its border with Iran."))


def test_a_missile_fired_at_a_target_is_an_assault(annotate: Annotate) -> None:
    assert typed(annotate("Iran fired ballistic missiles at Israel."), "ASSAULT") == {
        ("Iran", "Israel", "heavy-weapons")
    }


# --------------------------------------------------------------------------- frames of the grammar


def test_one_under_sanctions_or_house_arrest_is_the_one_sanctioned_or_held(annotate: Annotate) -> None:
    doc = annotate("Yevgeny Prigozhin, who is under EU sanctions, visited Minsk.")
    assert ("European Union", "Yevgeny Prigozhin", None) in typed(doc, "SANCTION")
    held = annotate("Nicolas Maduro has been held under house arrest by the Venezuelan army since July.")
    assert ("Venezuelan Armed Forces", "Nicolas Maduro", "arrest") in typed(held, "COERCE")


def test_what_a_protest_is_against_is_its_cause_not_a_report(annotate: Annotate) -> None:
    doc = annotate("Thousands of Georgians rallied against the coup in Tbilisi.")
    assert {t for t, *_ in found(doc)} == {"PROTEST"}


def test_a_mobilisation_told_with_an_attack_by_the_same_doer_is_the_attack_only(annotate: Annotate) -> None:
    doc = annotate("Kenyan troops deployed to the town and opened fire on the protesters.")
    assert {t for t, *_ in found(doc)} == {"ASSAULT"}
    assert "MOBILIZE" in {t for t, *_ in found(annotate("Kenyan troops deployed to the town on Monday."))}


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Kenyan students held an anti-Israel rally in Nairobi.", "Israel"),  # a name after "anti-": not its doer
        ("Crowds joined anti-government protests in Quito on Friday.", "Ecuador"),  # the government of the place
        # an act after "anti-": the protest is aimed at whoever the article says did it
        ("Soldiers seized power in Gabon on Wednesday. Thousands joined anti-coup marches in Libreville on Thursday.",
         "Gabonese Armed Forces"),
    ],
)
def test_what_follows_anti_is_what_a_protest_is_against(annotate: Annotate, text: str, recipient: str) -> None:
    assert {r for _, r, _ in typed(annotate(text), "PROTEST")} == {recipient}


def test_a_judged_act_without_its_doer_is_referred_to_with_its_doer_reported(annotate: Annotate) -> None:
    assert {t for t, *_ in found(annotate("ECOWAS condemned the coup on Sunday."))} == {"ACCUSE"}
    assert "ASSAULT" in {t for t, *_ in found(annotate("ECOWAS condemned Russia's attacks on the port."))}
    # the reaction's subject is still reported
    assert "COERCE" in {t for t, *_ in found(annotate("The coup in Gabon was condemned."))}


def test_refusing_to_condemn_an_act_does_not_undo_it(annotate: Annotate) -> None:
    doc = annotate("Aung San Suu Kyi refused to condemn the Burmese army's attacks on the Karen.")
    assert "Myanmar Armed Forces" in {a for a, _, _ in typed(doc, "ASSAULT")}


def test_supporters_of_an_operation_aid_its_doer(annotate: Annotate) -> None:
    doc = annotate("France conducted strikes on jihadist camps in Mali with support from Niger and Chad.")
    assert {(a, r) for a, r, _ in typed(doc, "AID")} == {("Niger", "France"), ("Chad", "France")}


def test_agentless_passives_keep_their_event_for_the_context_to_give_a_doer(annotate: Annotate) -> None:
    assert ("COERCE", "arrest") in candidate_types(annotate("The former president was arrested on Sunday."))
    assert ("COERCE", "arrest") in candidate_types(annotate("She has been kept under house arrest since 2021."))


def test_drills_between_two_states_are_each_ones_cooperation_with_the_other(annotate: Annotate) -> None:
    doc = annotate("The drills between Egypt and Greece ended on Monday.")
    assert {(a, r) for a, r, _ in typed(doc, "COOPERATE")} == {("Egypt", "Greece"), ("Greece", "Egypt")}


def test_joint_drills_by_several_states_name_each_as_a_doer(annotate: Annotate) -> None:
    doc = annotate("Joint drills by India, Japan and Australia began in the Bay of Bengal on Monday.")
    assert {a for a, _, _ in typed(doc, "COOPERATE")} == {"India", "Japan", "Australia"}


def test_measures_told_without_their_doer_keep_their_event(annotate: Annotate) -> None:
    assert ("COERCE", "withhold") in candidate_types(annotate("The internet was cut overnight."))
    assert ("COERCE", "restrict") in candidate_types(annotate("The borders were closed indefinitely."))
    assert ("COERCE", "restrict") in candidate_types(annotate("Soldiers sealed off the roads to the airport."))


def test_the_leader_of_a_nominal_event_is_its_doer(annotate: Annotate) -> None:
    doc = annotate("French-led strikes on militant camps killed at least ten people.")
    assert "France" in {a for a, _, _ in typed(doc, "ASSAULT")}


def test_month_names_trigger_nothing(annotate: Annotate) -> None:
    assert annotate("The Chilean president signed the budget in March.")._.events == []


# --------------------------------------------------------------------------- no corpus text in rules or tests


SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def _corpus_files() -> list[Path]:
    """The seed articles and every article of the development corpus (tune and check)."""
    return sorted(SHARED_CORPUS.glob("seeds/*.txt")) + sorted(SHARED_CORPUS.glob("dev/*/*/articles/*"))


@pytest.mark.skipif(not _corpus_files(), reason="no shared corpus beside the repository")
def test_no_corpus_sentence_is_in_the_lexicon_or_these_tests() -> None:
    """Patterns and tests are written for the language, not for the articles we measure on: no run of
    six words of a seed or development article appears in the lexicon or in this file."""
    corpus_grams: set[tuple[str, ...]] = set()
    for path in _corpus_files():
        corpus_grams |= _six_grams(path.read_text(encoding="utf-8", errors="replace"))
    for own in (events.LEXICON_PATH, Path(__file__)):
        shared = corpus_grams & _six_grams(own.read_text(encoding="utf-8"))
        assert not shared, f"{own.name} repeats corpus text: {sorted(' '.join(g) for g in shared)[:5]}"


def test_where_a_crowd_marches_is_no_target_of_its_protest(annotate: Annotate) -> None:
    doc = annotate("Thousands of protesters marched in Quito on Monday.")
    assert ("PROTEST", "protesters", None, "occurred") in found(doc)


def test_money_given_to_support_a_mission_is_aid_to_the_storys_country(annotate: Annotate) -> None:
    doc = annotate("MAPUTO, Mozambique - Insurgents have displaced a million people in the north. Rwanda has "
                   "provided more than $20 million to support the mission.")
    [aid] = [e for e in doc._.events if e.event_type == "AID"]
    assert aid.actor is not None and aid.recipient is not None
    assert (aid.actor.name, aid.recipient.name, aid.mode) == ("Rwanda", "Mozambique", "economic")
    assert not [e for e in doc._.events if e.event_type == "SUPPORT"]  # the support is what the aid is for


def test_troops_offered_are_an_agreement_and_troops_foretold_keep_their_type(annotate: Annotate) -> None:
    offer = annotate("Burundi offered to send 800 soldiers to the Central African Republic.")
    assert "AGREE" in {e.event_type for e in offer._.events}
    assert "MOBILIZE" not in {e.event_type for e in offer._.events}
    build_up = annotate("Belarus will send more troops to its border with Lithuania.")
    assert [e.event_type for e in build_up._.events] == ["MOBILIZE"]


def test_forces_sent_with_no_destination_in_a_mission_story_are_aid_to_its_country(annotate: Annotate) -> None:
    text = ("Regional leaders agreed to deploy a force to Gambia on Monday. Senegal will send 3,000 soldiers, "
            "officials said.")
    sent = typed(annotate(text), "AID")
    assert ("Senegal", "Gambia", "military") in sent
    # the same words where the article shows the two sides fighting keep their type
    war = ("Russian forces attacked Ukrainian positions on Monday. Russian troops were deployed to Ukraine "
           "last year. Russia will send 3,000 more soldiers.")
    assert not [e for e in annotate(war)._.events if e.event_type == "AID"]


def test_forces_arriving_in_another_country_help_it_and_at_home_are_mobilised(annotate: Annotate) -> None:
    abroad = typed(annotate("Two hundred Chadian soldiers arrived in Niger on Friday."), "AID")
    assert ("Chad", "Niger", "military") in abroad
    story = annotate("Benin has pledged troops to the security mission in Haiti. The first contingent of Beninese "
                     "soldiers landed in the capital on Monday.")
    landed = [e for e in story._.events if e.event_type == "AID" and e.trigger == "landed"]
    assert landed and landed[0].recipient is not None and landed[0].recipient.name == "Haiti"
    assert landed[0].location is not None and landed[0].location.name == "Port-au-Prince"  # the helped one's capital
    home = annotate("Ethiopian troops arrived in Mekelle on Saturday, the army said.")
    assert [(e.event_type, e.mode) for e in home._.events] == [("MOBILIZE", "troops")]
    war = annotate("Eritrean troops attacked Ethiopia's army near the border. More Eritrean troops arrived in "
                   "Ethiopia on Friday.")
    assert not [e for e in war._.events if e.event_type == "AID"]


def test_aid_by_a_non_state_body_in_its_own_country_goes_to_its_people(annotate: Annotate) -> None:
    doc = annotate("Floods have displaced thousands across Malawi this month. Aid groups delivered food to the "
                   "camps on Friday.")
    assert ("aid groups", "Malawi", "humanitarian") in typed(doc, "AID")
    # a state's own country is no one else: the government feeding its people is no aid to itself
    home = annotate("Floods have displaced thousands across Malawi. The government delivered food to the camps.")
    assert not typed(home, "AID")


def test_people_reached_or_treated_by_aid_bodies_are_helped(annotate: Annotate) -> None:
    assert typed(annotate("UNICEF reached 40,000 children with clean water last month."), "AID")
    assert typed(annotate("Red Cross medics treated dozens of wounded civilians overnight."), "AID")
    assert not typed(annotate("The regime treats dissidents as traitors."), "AID")
    assert not typed(annotate("Soldiers treated the detainees badly."), "AID")


def test_a_word_the_tokenizer_splits_at_its_hyphen_is_read_whole(annotate: Annotate) -> None:
    assert "PROTEST" in {e.event_type for e in annotate("Nurses held a sit-in outside the health ministry.")._.events}
    truce = annotate("Sudan's army said the militia had violated the cease-fire on Monday.")
    assert "ASSAULT" in {e.event_type for e in truce._.events}
    # the last part alone still counts where the whole word is no lexicon word
    assert "ASSAULT" in {e.event_type for e in annotate("Gunmen carried out a car-bomb attack in the market.")._.events}


def test_a_crackdown_told_by_number_or_by_its_gas_is_aimed_at_the_crowd_told_before(annotate: Annotate) -> None:
    doc = annotate("Thousands of nurses marched on the health ministry in Nairobi on Tuesday. Riot police "
                   "fired tear gas and arrested dozens.")
    aimed = {(e.event_type, e.recipient.name if e.recipient else None) for e in doc._.events}
    assert {("ASSAULT", "nurses"), ("COERCE", "nurses")} <= aimed
    # with no protest told before, a number names no one
    alone = annotate("Police in Nairobi arrested dozens on Tuesday.")
    assert [e.recipient for e in alone._.events if e.event_type == "COERCE"] == [None]
    # nor does a crowd receive an arrest of people the sentence names
    named = annotate("Nurses marched on the ministry. Police arrested two union officials.")
    assert "nurses" not in {e.recipient.name for e in named._.events if e.recipient is not None}


def test_an_act_noun_under_a_verb_of_the_same_act_is_that_act_told_again(annotate: Annotate) -> None:
    doc = annotate("Police in Lagos arrested forty people in a round-up of activists on Monday.")
    arrests = [e for e in doc._.events if e.event_type == "COERCE"]
    assert len(arrests) == 1 and arrests[0].recipient is not None and arrests[0].recipient.name == "activists"
    two = annotate("Gunmen killed nine farmers in an attack on their village, police said.")
    assert len([e for e in two._.events if e.event_type == "ASSAULT"]) == 1


def test_a_participle_after_a_verb_of_the_same_act_is_that_act_told_again(annotate: Annotate) -> None:
    doc = annotate("Soldiers seized power in Niamey on Wednesday, ousting President Mohamed Bazoum.")
    coups = [e for e in doc._.events if e.event_type == "COERCE"]
    assert [e.recipient and e.recipient.name for e in coups] == ["Mohamed Bazoum"]
    # an act of another mode is an event of its own: the detention beside the coup
    both = annotate("Soldiers seized power in Niamey on Wednesday, detaining President Mohamed Bazoum.")
    assert {e.mode for e in both._.events if e.event_type == "COERCE"} == {None, "arrest"}


def test_a_seizure_of_power_ousts_the_leader_its_doers_detain_in_the_same_sentence(annotate: Annotate) -> None:
    doc = annotate("Soldiers seized power in Niamey on Wednesday and detained President Mohamed Bazoum.")
    recipients = {e.mode: e.recipient and e.recipient.name for e in doc._.events if e.event_type == "COERCE"}
    assert recipients == {None: "Mohamed Bazoum", "arrest": "Mohamed Bazoum"}
    # a measure beside a detention is aimed at no one detained
    measures = annotate("Soldiers suspended the constitution and detained President Mohamed Bazoum.")
    assert {e.mode: e.recipient and e.recipient.name for e in measures._.events if e.event_type == "COERCE"
            }.get(None) is None


def test_vehicles_or_goods_let_in_are_access_granted(annotate: Annotate) -> None:
    doc = annotate("Egypt allowed twenty fuel trucks to enter Gaza on Sunday.")
    assert ("RETREAT", "access") in {(e.event_type, e.mode) for e in doc._.events}
    assert not [e for e in annotate("The ministry allowed students to enter the exam hall.")._.events
                if e.event_type == "RETREAT"]


@given(st.from_regex(r"[a-z]{1,8}", fullmatch=True), st.from_regex(r"[a-z]{1,8}", fullmatch=True))
def test_a_hyphenated_lexicon_word_is_also_known_without_its_hyphen(first: str, last: str) -> None:
    forms = word_forms(f"{first.title()}-{last}")
    assert forms == (f"{first}-{last}", first + last)
    assert word_forms(first + last) == (first + last,)


def test_a_treasury_designation_sanctions_those_it_names(annotate: Annotate) -> None:
    assert ("United States", "Iran") in {(a, r) for a, r, _ in typed(annotate(
        "Washington designated five Iranian officials over the crackdown on Monday."), "SANCTION")}
    assert ("United Kingdom", "Wagner Group") in {(a, r) for a, r, _ in typed(annotate(
        "Britain designated the Wagner Group a terrorist organisation."), "SANCTION")}
