"""Where an event happened, in the order of the evidence: a place its own clause names ("in Bukavu",
"outside the parliament in Lima", "near the border with Chad"), resolved through the gazetteer
(:mod:`hornbill.geo`); else the article's dateline ("LIMA (Reuters) -"), when the event's parties
do not point elsewhere; else the country its doer and recipient point to, or the article's own.

Ambiguous names are resolved by the countries the article speaks of (:func:`article_weights`, the
countries of its actor mentions) and by population. A name the text qualifies as a natural feature
("the Niger river") is not the country or town of that name; a name the actor stage reads as an
organisation or a person is no place at all.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from hornbill.actors.dictionary import ActorDictionary
from hornbill.actors.generic import clearly_leading
from hornbill.events.lexicon import Lexicon
from hornbill.events.match import Candidate
from hornbill.events.roles import actor_of
from hornbill.events.syntax import lemma_of, objects_of, prep_objects_of
from hornbill.geo import ADMIN_WORDS, Gazetteer, as_written
from hornbill.model import Actor, ActorMention, EventMention, Location
from hornbill.schemas import load_data

#: Words after a name that make it a natural feature, not the place of that name.
FEATURE_WORDS = frozenset({"river", "lake", "delta", "basin", "valley", "mountains", "mountain", "desert", "gulf",
                           "bay", "strait", "sea", "ocean", "plateau", "forest", "canal", "island", "islands"})
#: Words that make a name a body of water.
WATER_WORDS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "bay", "channel"})
#: Nouns that say the name after their "of" is a place ("the town of ...").
SETTLEMENT_WORDS = frozenset({"town", "city", "village", "hamlet", "settlement", "district", "province", "region",
                              "state", "county", "municipality", "enclave", "port", "island"})
#: Actor types that stand for a place as well as for its people.
PLACE_ACTOR_TYPES = frozenset({"COUNTRY", "GOV"})
#: Event types that happen where their recipient is: an attack, a coup or an arrest, a withdrawal, aid.
AT_RECIPIENT = frozenset({"ASSAULT", "COERCE", "RETREAT", "AID"})
#: Modes of other types that happen where the recipient is.
AT_RECIPIENT_MODES = frozenset({"visit"})
#: A dateline: a place in capitals or title case at the start of a paragraph, an optional agency in
#: brackets, and a dash ("WASHINGTON –", "Cape Town -", "OUAGADOUGOU (Reuters) -").
DATELINE = re.compile(r"(?:^|\n)\s*(?:date \S+\s+)?([A-Z][A-Za-z'.]+(?:[ -][A-Za-z][A-Za-z'.]*){0,3})"
                      r"(?:,[ A-Za-z.]+?(?: \d{1,2})?){0,2}(?:\s*\([A-Za-z .]+\)\s*|\s+)[-–—]")
DATELINE_REACH = 1500  # characters of the article a dateline is looked for in
CACHE_KEY = "hornbill.places"
DESTINATION_KEY = "hornbill.deployment_destination"
#: Month and weekday names, which open datelines' dates ("July 21 (Reuters) -"), never their places.
CALENDAR_WORDS = frozenset(w.lower() for w in [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name])


@dataclass(frozen=True)
class ArticlePlaces:
    """What an article tells about places as a whole: its countries, weighted, its dateline, and per
    country the town or area it names most."""

    weights: dict[str, float]
    dateline: Location | None
    towns: dict[str, Location]

    @property
    def main_country(self) -> str | None:
        return max(self.weights, key=lambda c: self.weights[c]) if self.weights else None


def _water_body(name: str) -> bool:
    """Whether a name is a sea's, a gulf's or a strait's ("the Red Sea", "the Gulf of Aden"): not the
    province that may share its name (Egypt's Red Sea governorate), but a place the gazetteer lacks."""
    words = name.lower().split()
    return len(words) > 1 and (words[0] in WATER_WORDS or words[-1] in WATER_WORDS)


def _is_feature(doc: Doc, end: int) -> bool:
    """Whether a name ending at character ``end`` is followed by a natural feature's word ("the Niger river")."""
    following = doc.text[end : end + 12].split()
    return bool(following) and following[0].lower().strip(".,;") in FEATURE_WORDS


def article_weights(doc: Doc) -> dict[str, float]:
    """Each country the article's actor mentions belong to, weighted by its share of them (at most 2);
    a name read as a natural feature ("the Niger river") does not count for the country."""
    counts = Counter(m.actor.country for m in doc._.actor_mentions or []
                     if m.actor.country and not _is_feature(doc, m.end))
    total = sum(counts.values())
    return {country: 2.0 * n / total for country, n in counts.items()} if total else {}


def find_dateline(doc: Doc, weights: dict[str, float]) -> Location | None:
    """The place of the article's dateline, when one opens a paragraph near its top."""
    gazetteer = Gazetteer.load()
    for match in DATELINE.finditer(doc.text[:DATELINE_REACH]):
        name = match.group(1)
        if name.split()[0].lower() in CALENDAR_WORDS:
            continue
        located = gazetteer.resolve(name, "dateline", weights)
        if located is not None:
            return replace(located, name=as_written(name, located.name))
    return None


def article_towns(doc: Doc, weights: dict[str, float]) -> dict[str, Location]:
    """Per country, the town or admin1 area the article's place names name most often (the first named
    of equals); a name the actor stage reads as an organisation or a person does not count."""
    gazetteer = Gazetteer.load()
    index = doc._.actor_index or {}
    named: dict[str, list[Location]] = {}
    for ent in doc.ents:
        actor = index[ent.start].actor if ent.start in index else None
        if ent.label_ not in ("GPE", "LOC", "FAC") or _is_feature(doc, ent.end_char) or (
                actor is not None and actor.type not in PLACE_ACTOR_TYPES):
            continue
        located = gazetteer.resolve(place_name(ent), "context", weights)
        if located is not None and located.precision != "country" and located.country is not None:
            named.setdefault(located.country, []).append(located)
    return {country: max(found, key=lambda loc: (found.count(loc), -found.index(loc)))
            for country, found in named.items()}


def article_places(doc: Doc) -> ArticlePlaces:
    """The article's places, worked out once per document."""
    cached = doc.user_data.get(CACHE_KEY)
    if isinstance(cached, ArticlePlaces):
        return cached
    weights = article_weights(doc)
    places = ArticlePlaces(weights, find_dateline(doc, weights), article_towns(doc, weights))
    doc.user_data[CACHE_KEY] = places
    return places


def entity_of(token: Token) -> Span:
    """The named entity holding ``token``, else its phrase up to it."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity if entity is not None else token.doc[token.left_edge.i : token.i + 1]


def _next_word(span: Span, offset: int = 0) -> Token | None:
    i = span.end + offset
    return span.doc[i] if i < len(span.doc) else None


def _within(span: Span) -> str | None:
    """The area a place is said to lie in: "Paris, Texas", "Gao, Mali"."""
    comma, after = _next_word(span), _next_word(span, 1)
    if comma is None or comma.text != "," or after is None or after.ent_type_ not in ("GPE", "LOC"):
        return None
    return entity_of(after).text


def place_name(span: Span) -> str:
    """The words of a place phrase without its determiner."""
    return "".join(t.text_with_ws for t in span if t.dep_ != "det" and t.lower_ != "the").strip() or span.text


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO3 -> the capital named in ``actors/countries.yaml``."""
    facts = load_data("actors/countries.yaml")
    return {iso3: fact["capital"] for iso3, fact in facts.items() if fact.get("capital")}


def capital_of(country: str) -> Location | None:
    """The capital of ``country`` as a place read from the sentence ("protesters in the capital")."""
    name = capitals().get(country)
    located = Gazetteer.load().resolve(name, "sentence", {country: 10.0}) if name else None
    return located if located is not None and located.country == country else None


def is_named_feature(token: Token) -> bool:
    """A natural feature with a name: "the Niger river", "Lake Chad"."""
    return token.lower_ in FEATURE_WORDS and any(
        c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC") for c in token.children)


def is_gazetteer_name(token: Token) -> bool:
    """Whether the name holding ``token`` is one the gazetteer knows."""
    return bool(Gazetteer.load().lookup(place_name(entity_of(token))))


def resolve_place(token: Token, country_hint: Actor | None) -> Location | None:
    """The Location a place phrase names, or None when its name is an actor's that is no place
    (an organisation, a person). A natural feature (a river, a sea) lies in the country the phrase
    names as its owner, if any; a name the gazetteer does not hold that the actor stage reads as a
    country ("the US", "Britain") is that country; another keeps its words and the country the actor
    stage gives it (a named building), else the country the article is most about."""
    if is_named_feature(token):
        return Location(place_name(token.doc[token.left_edge.i : token.i + 1]), _feature_country(token))
    if country_hint is not None and country_hint.type not in PLACE_ACTOR_TYPES:
        return None
    span = entity_of(token)
    name = place_name(span)
    after = _next_word(span)
    after_word = after.lower_ if after is not None else ""
    if after is not None and after_word in FEATURE_WORDS:
        return Location(f"{name} {after.text}", _feature_country(after))
    if _water_body(name) and after_word not in ADMIN_WORDS:
        return Location(name, _feature_country(token))
    places = article_places(token.doc)
    gazetteer = Gazetteer.load()
    located = gazetteer.resolve(name, "sentence", places.weights, _within(span), admin=after_word in ADMIN_WORDS)
    if located is not None:
        return located
    state = gazetteer.country(country_hint.country) if country_hint is not None and country_hint.type == "COUNTRY" \
        else None
    if state is not None:  # a country's short or old name the gazetteer lacks: "the US", "Britain", "Burma"
        return state.location("sentence")
    return Location(name, country_hint.country if country_hint is not None else places.main_country)


def _feature_country(feature: Token) -> str | None:
    """The country a natural feature's event is told in, when the phrase names its owner ("Ukraine's
    Black Sea ports"); else none (a sea, a river or a lake may lie in, or border, several)."""
    owner = next((c for c in feature.head.children if c.dep_ == "poss" and c.ent_type_ in PLACE_LABELS), None)
    return actor_country(owner) if owner is not None else None


def host_abroad(doer: Actor | None, location: Location | None) -> Actor | None:
    """The country of the place talks were held in, when it is not the doer's own ("Blinken held talks
    in Baku": Azerbaijan)."""
    if doer is None or doer.country is None or location is None or location.country in (None, doer.country):
        return None
    return ActorDictionary.load().country(location.country)


def party_countries(event: EventMention) -> list[str]:
    """The countries the event's parties point to, the one where such an event happens first (a
    visit happens at the host's)."""
    return countries_of_parties(event.event_type, event.mode, event.actor, event.recipient)


def countries_of_parties(event_type: str, mode: str | None, doer: Actor | None, recipient: Actor | None) -> list[str]:
    """The countries of an event's doer and recipient, the one where such an event happens first: an
    attack, aid or a visit happens at the recipient's."""
    at_target = event_type in AT_RECIPIENT or mode in AT_RECIPIENT_MODES
    ordered = [recipient, doer] if at_target else [doer, recipient]
    return [a.country for a in ordered if a is not None and a.country]


def fallback_location(event: EventMention, places: ArticlePlaces) -> Location | None:
    """An event's place when its sentence names none: the dateline, unless its parties all belong
    elsewhere; else, in its parties' country (or the article's main country), the town the article
    names most there, else that country."""
    parties = party_countries(event)
    dateline = places.dateline
    if dateline is not None and (not parties or dateline.country in parties):
        return dateline
    country = parties[0] if parties else places.main_country
    if country in places.towns:
        return places.towns[country]
    entry = Gazetteer.load().country(country)
    return entry.location("context") if entry is not None else None


def locate(doc: Doc, events: list[EventMention]) -> list[EventMention]:
    """The events with a location each where the article gives one."""
    places = article_places(doc)
    return [e if e.location is not None else replace(e, location=fallback_location(e, places)) for e in events]


#: Prepositions whose object is where an event took place.
LOCATION_PREPS = frozenset({"in", "at", "inside", "across", "near", "outside", "throughout", "within", "off", "along",
                            "around"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _place(pobj: Token) -> Location | None:
    """A Location for a place phrase, resolved through the gazetteer; None for an actor's name."""
    return resolve_place(pobj, actor_named_by(pobj))


def actor_named_by(token: Token) -> Actor | None:
    """The actor the actor stage reads in the name holding ``token`` itself (not in a longer phrase
    around it: "the Yellow Sea and fighter jets" names no actor for "Sea")."""
    index: dict[int, ActorMention] = token.doc._.actor_index or {}
    mention = index.get(token.i)
    span = entity_of(token)
    if mention is None or mention.start < span.start_char or mention.end > span.end_char:
        return None
    return mention.actor


def _place_of_part(noun: Token) -> Token | None:
    """The place a part of it stands for: "the coast of Libya", "the outskirts of Khartoum", "the border
    with Chad", "the Odesa region", "Ukraine's south" (a name before it, the more specific first)."""
    named = [c for c in noun.children
             if c.dep_ in ("compound", "nmod") and (c.ent_type_ in PLACE_LABELS or _known_place(c))]
    named += [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ in PLACE_LABELS]
    named += [p for name, p in prep_objects_of(noun) if name in ("of", "with") and p.ent_type_ in PLACE_LABELS]
    named += [p for name, p in prep_objects_of(noun) if name == "of" and _named_settlement(noun, p)]
    return named[0] if named else _place_after(noun)


def _named_settlement(noun: Token, name: Token) -> bool:
    """Whether "<noun> of <name>" names a settlement or area, whatever the tagger made of the name:
    "the town of Goris", "the village of Kfar Kila", "the province of Idlib"."""
    return (noun.lemma_.lower() in SETTLEMENT_WORDS and name.pos_ == "PROPN" and name.lower_ not in CALENDAR_WORDS
            and actor_of(name) is None)


def _place_after(noun: Token) -> Token | None:
    """A place named right after the noun by "of" or "with", wherever the parser hung the phrase ("near
    the border with Chad" read with "with Chad" on the verb)."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ not in ("of", "with"):
        return None
    after = doc[noun.i + 2] if doc[noun.i + 2].dep_ != "det" or noun.i + 3 >= len(doc) else doc[noun.i + 3]
    return after if after.ent_type_ in PLACE_LABELS else None


#: Entity labels a name read as a place may carry when the tagger missed it (never a date or number).
MISSED_PLACE_LABELS = frozenset({"", "PERSON", "ORG", "NORP"})


def _known_place(token: Token) -> bool:
    """A proper noun the tagger did not label a place but the gazetteer holds, and no actor is named by
    ("fighting near Gao" with "Gao" tagged a person); never a month or a weekday ("in August")."""
    return (token.pos_ == "PROPN" and token.ent_type_ in MISSED_PLACE_LABELS and token.lower_ not in CALENDAR_WORDS
            and actor_of(token) is None and is_gazetteer_name(token))


#: Clauses below a trigger that tell events of their own: their places are theirs.
OWN_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "conj"})
CLAUSE_DEPTH = 4


def _clause_hosts(trigger: Token) -> list[Token]:
    """The words of the trigger's own clause, breadth first, down to a few levels: "practised bombing a
    target in the Yellow Sea" places the exercise there."""
    found, level = [], [trigger]
    for _ in range(CLAUSE_DEPTH):
        level = [c for t in level for c in t.children if c.dep_ not in OWN_CLAUSES]
        found += level
    return found


def _place_hosts(trigger: Token, doer: Token | None = None) -> list[Token]:
    """The words whose prepositional phrases may place an event: the trigger, its objects, its doer
    phrase when given, the word a nominal trigger hangs on, then the objects of their phrases."""
    hosts = [trigger, *objects_of(trigger)]
    if doer is not None:
        hosts.append(doer)
    if trigger.head is not trigger and trigger.pos_ in ("NOUN", "PROPN"):
        hosts.append(trigger.head)
    return hosts + [pobj for host in hosts for _, pobj in prep_objects_of(host)]


def sentence_location(candidate: Candidate, recipient: Actor | None, lexicon: Lexicon,
                      parties: list[str] | None = None) -> Location | None:
    """Where it happened: a place in an "in X" phrase of the trigger (or of its arguments, or of its
    doer: "police in Lima arrested ..."; "in the capital" is the capital of the parties' country),
    else the place attacked or withdrawn from."""
    trigger = candidate.trigger
    doer = candidate.actor if candidate.actor is not None and candidate.actor.sent == trigger.sent else None
    hosts = _place_hosts(trigger, doer)
    hosts += [t for t in _clause_hosts(trigger) if t not in hosts]
    for host in hosts:
        for name, pobj in prep_objects_of(host):
            place = _place_word(pobj) if name in LOCATION_PREPS else None
            located = _place(place) if place is not None else None
            if located is None and name in LOCATION_PREPS and pobj.lemma_ == "capital" and parties:
                located = capital_of(parties[0])
            if located is not None:
                return located
    for slot in lexicon.place_slots_of(candidate.pattern.event_type, candidate.mode):
        for head in candidate.slots.get(slot):
            place = _place_word(head)
            located = _place(place) if place is not None else None
            if located is not None:
                return located
    return None


def _place_word(noun: Token) -> Token | None:
    """The word naming the place a noun phrase stands for: a place's name itself, a named natural
    feature, the place a part of it belongs to ("the town of Goris", "the outskirts of Khartoum"), or a
    proper noun the tagger missed but the gazetteer knows."""
    if noun.ent_type_ in PLACE_LABELS or is_named_feature(noun):
        return noun
    part_of = _place_of_part(noun)
    return part_of if part_of is not None or not _known_place(noun) else noun


#: The prepositions whose place tells whether a state's forces act abroad (see :func:`stated_country`).
STATED_PREPS = frozenset({"in", "at", "inside", "across", "near", "outside", "throughout", "within", "off"})


def actor_country(place: Token) -> str | None:
    actor = actor_of(place)
    return actor.country if actor is not None else None


def inside_country(trigger: Token, country_of: Callable[[Token], str | None] = actor_country) -> str | None:
    """The country of a place the trigger or its arguments are "in" (or at, across, near ...), as
    ``country_of`` reads the place (by default as the actor stage does)."""
    for host in _place_hosts(trigger):
        for name, pobj in prep_objects_of(host):
            place = pobj if pobj.ent_type_ in PLACE_LABELS else next(
                (p for of, p in prep_objects_of(pobj) if of == "of" and p.ent_type_ in PLACE_LABELS), None)
            if name in STATED_PREPS and place is not None:
                return country_of(place)
    return None


def gazetteer_country(place: Token) -> str | None:
    located = _place(place)
    return located.country if located is not None else None


def stated_country(candidate: Candidate, recipient: Actor | None, lexicon: Lexicon) -> str | None:
    """The country the actor dictionary gives the place phrase of the trigger or of its arguments (or the
    country withdrawn from): what decides whether a state's forces act abroad (:func:`_state_abroad`).
    It reads the place as the actor stage does, not through the gazetteer, so that rule keeps the
    reading its linking was tuned with."""
    inside = inside_country(candidate.trigger)
    if inside is not None:
        return inside
    for slot in lexicon.place_slots_of(candidate.pattern.event_type, candidate.mode):
        for head in candidate.slots.get(slot):
            if head.ent_type_ in PLACE_LABELS:
                return actor_country(head)
    if candidate.mode == "withdraw" and recipient is not None and recipient.type == "COUNTRY":
        return recipient.country
    return None


def deployment_destination(doc: Doc, lexicon: Lexicon) -> Actor | None:
    """The country an article's forces or missions go to: the one its deployment words
    (``deployment_words``: "deployed to Haiti", "officers arrived in Port-au-Prince", "the mission in
    Mali") point to more often than to any other; None when none or a tie. In a story about a force
    one country sends to another, the other, though the sender is the more often named. Worked out
    once per document."""
    key = f"{DESTINATION_KEY}:{id(lexicon)}"
    if key not in doc.user_data:
        doc.user_data[key] = clearly_leading(_deployment_places(doc, lexicon))
    destination: str | None = doc.user_data[key]
    return ActorDictionary.load().country(destination) if destination else None


def _deployment_places(doc: Doc, lexicon: Lexicon) -> Counter[str | None]:
    """How often the article's deployment words point to each country by a "to" or "in" phrase."""
    counts: Counter[str | None] = Counter()
    words = lexicon.marker("deployment_words")
    for token in doc:
        if token.lemma_.lower() not in words:
            continue
        for name, place in prep_objects_of(token):
            found = actor_of(place) if name in ("to", "in", "into") else None
            if found is not None and found.type == "COUNTRY" and found.country:
                counts[found.country] += 1
    return counts


def sent_to_help(
    candidate: Candidate, doer: Actor | None, doc: Doc, lexicon: Lexicon, fighting: frozenset[frozenset[str]]
) -> Actor | None:
    """The country forces are sent to help: in an article whose forces and missions go to one country
    (:func:`deployment_destination`), "Jamaica will send 150 soldiers" sends them there, and forces
    arriving somewhere ("Rwandan troops arrived in Mozambique") help the country they arrive in; as
    military aid, unless that country is the sender's own or one the article shows it fighting
    (``helping_types``, ``sending_words``, ``arrival_words``)."""
    if candidate.pattern.event_type not in lexicon.helping_types or doer is None or doer.country is None:
        return None
    if candidate.mode not in ("troops", "police"):
        return None
    verb = lemma_of(candidate.trigger)
    if verb in lexicon.marker("arrival_words"):
        helped = _arrived_in(candidate, doc, lexicon)
    elif verb in lexicon.marker("sending_words") and not any(
            candidate.slots.get(name) for name in lexicon.marker("destination_preps")):
        helped = deployment_destination(doc, lexicon)  # "sent troops to the border" has a destination of its own
    else:
        return None
    if helped is None or helped.country == doer.country or frozenset({doer.key, helped.key}) in fighting:
        return None
    return helped


def _arrived_in(candidate: Candidate, doc: Doc, lexicon: Lexicon) -> Actor | None:
    """The country forces arrive in: their "in" place's, else the story's destination ("landed in the
    capital")."""
    country = inside_country(candidate.trigger, gazetteer_country)
    return ActorDictionary.load().country(country) if country else deployment_destination(doc, lexicon)
