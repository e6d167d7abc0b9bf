"""Generic actors: doers news names by their kind, not by name ("police", "the soldiers", "riot
police", "protesters in the capital", "the interior ministry").

A noun phrase the earlier passes left unresolved and whose head words are an agent phrase of
``data/actors/agents.yaml`` stands for an actor of that phrase's sector, in the country its own
words give ("Kenyan police", "police in Kenya") or else the country the article is about. Where
the state stands for such doers (a government, a ministry, a parliament) and the country is known,
the mention is the country; a country's soldiers, army or military are its armed forces; any other
kind becomes a generic actor named by its own words ("riot police", sector COP, Kenya), keyed by
country and phrase so the same kind of doer in the same country is one actor across articles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from hornbill.actors.agents import AgentBook, Sector, load_agents
from hornbill.actors.dictionary import ActorDictionary, name_key
from hornbill.actors.resolution import Candidate, Resolution
from hornbill.actors.roles import role_country
from hornbill.doctools import follows_anti
from hornbill.model import ADHOC_GROUP, Actor

#: Words before an agent noun that belong to its phrase ("riot police", "security forces").
PHRASE_DEPS = frozenset({"compound", "amod", "nmod"})
#: Words a generic actor's name leaves out ("the", "two", "their").
UNNAMING_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "poss", "case", "punct"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def generic_candidates(state: Resolution, book: AgentBook | None = None) -> list[Candidate]:
    """A mention for every unresolved noun phrase headed by an agent phrase."""
    book = book or load_agents()
    countries = state.actor_countries()
    found: list[Candidate] = []
    named_before: dict[str, Actor] = {}  # head lemma -> the actor a phrase with its own country named
    for token in state.doc:
        if token.i in state.selected or not _heads_a_phrase(token) or _named_owner(state, token):
            continue
        words = _phrase_words(token)
        match = book.sector_of([_lemma(w) for w in words])
        if match is None or (match[0].state and _of_the_past(state, words)):
            continue
        sector, size = _of_no_state(state, book, _as_unit(book, match[0], words), words), match[1]
        iso3, span_start, _ = role_country(state, words[-size].i, token.i + 1)
        if iso3 is None and words[0].i < words[-size].i:  # "Iran's morality police": the country before the phrase
            iso3, span_start, _ = role_country(state, words[0].i, token.i + 1)
        words = [*state.doc[span_start : words[0].i], *words]  # "Sri Lankan students": the country's words too
        earlier = named_before.get(_lemma(token)) if iso3 is None and _is_definite_or_plural(token) else None
        candidate = (earlier, "role") if earlier is not None else _candidate(state, sector, words, iso3, countries)
        if candidate is None and iso3 is None and sector.forces and _named_by_a_people(words):
            candidate = generic_actor(book.sector(NON_STATE_FORCES), words, _leading(countries)), "generic"
        if candidate is not None:
            actor, how = candidate
            found.append(Candidate(words[0].i, token.i + 1, actor, how))
            if iso3 is not None or _named_by_a_people(words):
                named_before[_lemma(token)] = actor  # "Japan's foreign ministry ... the ministry said",
                # "Tigrayan rebels ... the rebels agreed"
    return found


def _candidate(state: Resolution, sector: Sector, words: list[Token], iso3: str | None,
               countries: Counter[str | None]) -> tuple[Actor, str] | None:
    """(actor, how) for an agent phrase: with the country its words name, else (for the state's
    bodies and forces, only when the article clearly leads with one country) the article's."""
    head = words[-1]
    if iso3 is not None:  # the phrase names its country: as good as a role noun resolved in place
        found = _actor_for(state, sector, words, iso3)
        return (found[0], "role") if found is not None and found[1] == "kind" else found
    if sector.forces:
        return None  # "the troops": someone named before; the events stage looks there first
    if sector.state and not _is_definite_or_plural(head):
        return None  # "members of parliament": no one body, let alone the article's country's
    if _states_in_plural(state, head):
        return generic_actor(sector, words, None), "generic"  # "the governments": several states, none of them
    others = _counterparts_countries(state, head)  # "the minister met her Kenyan counterpart": not Kenya's
    countries = Counter({iso3: n for iso3, n in countries.items() if iso3 not in others})
    article = clearly_leading(countries) if sector.state else _leading(countries)
    return _actor_for(state, sector, words, article)


def _counterparts_countries(state: Resolution, head: Token) -> set[str]:
    """The countries of the counterparts in the clause a doer phrase is the subject of ("met her
    Kenyan counterpart"): a counterpart is of another country than the one who meets them."""
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head is head:
        return set()
    found = set()
    for token in head.head.subtree:
        if token.lemma_.lower() in state.matchers.roles.counterparts:
            found |= {iso3 for c in token.children if (iso3 := state.country_at(c.i)) is not None}
    return found


def _states_in_plural(state: Resolution, head: Token) -> bool:
    """Whether a noun is the plural of one that stands for a whole state ("governments", "regimes"):
    it names several states, and the article's leading country is at most one of them."""
    return head.tag_ == "NNS" and head.lower_ != _lemma(head) and _lemma(head) in state.matchers.roles.country_roles


#: The sector of armed forces named after a people, region or movement rather than a state.
NON_STATE_FORCES = "REB"
#: Entity labels of a word that names such a people, region or movement ("Tigrayan", "Houthi").
PEOPLE_LABELS = frozenset({"NORP", "GPE", "ORG", "LOC"})


def _named_by_a_people(words: list[Token]) -> bool:
    """Whether a forces phrase of no country is named after a people, a region or a movement
    ("Tigrayan forces", "Houthi fighters"): the forces of no state, but someone one can follow."""
    return any(w.ent_type_ in PEOPLE_LABELS or w.pos_ == "PROPN" for w in words[:-1])


def _as_unit(book: AgentBook, sector: Sector, words: list[Token]) -> Sector:
    """A forces phrase that names one unit ("Guinea's special forces", "the presidential guard") is a
    generic actor of its own words, not the country's national forces."""
    if sector.forces and book.names_a_unit([_lemma(w) for w in words]):
        return replace(sector, forces=False)
    return sector


def _of_no_state(state: Resolution, book: AgentBook, sector: Sector, words: list[Token]) -> Sector:
    """A state's body or forces marked as no state's ("the separatist government", "rebel
    authorities", roles.yaml ``non_state_marks``) is of the mark's own sector (REB), not the state."""
    mark = state.roles.no_state_mark(_lemma(w) for w in words) if sector.state or sector.forces else None
    found = book.sector_of([mark]) if mark is not None else None
    return found[0] if found is not None else sector


def _of_the_past(state: Resolution, words: list[Token]) -> bool:
    """Whether a phrase names a past holder of an office ("the former minister", "the ousted
    president", roles.yaml ``past_holder_marks``): a person, not the state body it names."""
    return any(_lemma(w) in state.roles.past_holder_marks for w in words)


def _heads_a_phrase(token: Token) -> bool:
    """A noun that heads its phrase: not a modifier of another noun ("police station", "army chief"
    are no police and no army), nor the start of a name ("Police Commissioner Otieno")."""
    if follows_anti(token):
        return True  # "anti-government protests": against the government
    if token.pos_ not in NOUN_POS or token.dep_ in ("compound", "amod"):
        return False
    return not (token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "GPE", "LOC", "FAC"))


def _is_definite_or_plural(noun: Token) -> bool:
    """ "the ministry", "officials", "anti-government": a phrase that can stand for the article's
    government."""
    return (noun.tag_ in ("NNS", "NNPS") or follows_anti(noun)
            or any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children))


def _phrase_words(head: Token) -> list[Token]:
    """The head and up to two contiguous modifiers just before it, a hyphenated one counted once with
    all its parts ("anti-riot police" -> anti, -, riot, police; "Anti-coup protesters")."""
    doc, words, taken = head.doc, [head], 0
    i = head.i - 1
    while i >= 0 and taken < 2:
        word = doc[i]
        if word.head.i != head.i or word.dep_ not in PHRASE_DEPS or word.pos_ not in ("NOUN", "ADJ", "PROPN"):
            break
        words.insert(0, word)
        hyphenated = word.text == "-" or (not word.whitespace_ and doc[i + 1].text == "-")
        taken += 0 if hyphenated else 1
        i -= 1
    return words


def _lemma(token: Token) -> str:
    return token.lemma_.lower() if token.pos_ != "PROPN" else token.lower_


def _actor_for(state: Resolution, sector: Sector, words: list[Token], iso3: str | None) -> tuple[Actor, str] | None:
    """(actor, how) for an agent phrase of ``sector`` in country ``iso3``: the state for its
    government bodies, the national forces for its military, else a generic actor."""
    if iso3 is not None and (sector.state or sector.forces):
        known = state.dictionary.country(iso3) if sector.state else state.dictionary.armed_forces(iso3)
        return (known, "kind") if known is not None else None
    return generic_actor(sector, words, iso3), "generic"


def generic_actor(sector: Sector, words: list[Token], iso3: str | None) -> Actor:
    """A generic actor named by its phrase's own words ("riot police", "separatist fighters"), keyed
    by its country and the lemmas of the words that are no country name."""
    kept = [w for w in words[:-1] if w.dep_ not in UNNAMING_DEPS or w.tag_ == "POS"] + words[-1:]
    while len(kept) > 1 and kept[0].dep_ in UNNAMING_DEPS:
        kept = kept[1:]
    dictionary = ActorDictionary.load()
    described = [w for w in kept if w.ent_type_ != "GPE" and w.tag_ != "POS"
                 and dictionary.demonym_country(w.text) is None] or kept[-1:]
    key = name_key(ADHOC_GROUP, f"{iso3 or ''} {' '.join(_lemma(w) for w in described)}")
    return Actor(key, _own_words(kept), sector.type, iso3, sector=sector.code)


def _named_owner(state: Resolution, head: Token) -> bool:
    """Whether a named actor other than a country qualifies the noun, before it ("Wagner fighters",
    "Hamas militants", "a senior EU trade official") or in its "of"/"from" phrase ("gunmen from the
    Kraze Barye gang"), or a possessive pronoun says it belongs to someone named before ("its
    fighters"): the phrase stands for that actor, not for a kind of doer."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return True
    groups = [t for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
              for pobj in prep.children if pobj.dep_ == "pobj" for t in pobj.subtree]  # "fighters from Hamas"
    for word in [*(w for w in head.subtree if w.i < head.i), *groups]:
        mention = state.selected.get(word.i)
        if mention is not None and mention.actor.type != "COUNTRY":
            return True
    return False


def _own_words(words: list[Token]) -> str:
    """The phrase as written, lower-cased at a sentence start ("Police" -> "police")."""
    text = "".join(w.text_with_ws for w in words).strip() or words[-1].text
    first = words[0]
    if first.is_sent_start and first.ent_type_ == "" and first.pos_ != "PROPN" and text[:1].isupper() \
            and not text.isupper():
        text = text[:1].lower() + text[1:]
    return text


def clearly_leading(counts: Counter[str | None]) -> str | None:
    """The country named more often than any other (once is enough when it is the only one)."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _leading(counts: Counter[str | None]) -> str | None:
    """The country the article names most often (the first named of equals); None for none."""
    return max(counts, key=lambda iso3: counts[iso3], default=None)


def article_country(doc: Doc) -> Actor | None:
    """The country an annotated article is clearly about (its actors belong to it more often than to
    any other: "Iran", "Iran's police", "Iranian officials"), if any."""
    counts: Counter[str | None] = Counter(m.actor.country for m in doc._.actor_mentions or []
                                          if m.actor.country and m.how != "pronoun")
    iso3 = clearly_leading(counts)
    return ActorDictionary.load().country(iso3) if iso3 is not None else None


def story_country(doc: Doc) -> str | None:
    """The country an annotated article clearly names, else the one its actors clearly belong to."""
    return _clearly_named_country(doc) or _actors_country(doc)


def _actors_country(doc: Doc) -> str | None:
    """The country an annotated article's actors clearly belong to (see :func:`article_country`)."""
    about = article_country(doc)
    return about.country if about is not None else None


def _clearly_named_country(doc: Doc) -> str | None:
    """The country an annotated article names (as a country, capital or nationality) more often than
    any other, if any."""
    counts: Counter[str | None] = Counter(m.actor.country for m in doc._.actor_mentions or []
                                          if m.actor.type == "COUNTRY" and m.how != "pronoun")
    return clearly_leading(counts)


def fallback_actor(head: Token, place: str | None = None, book: AgentBook | None = None) -> tuple[Actor, str] | None:
    """For a doer phrase left unresolved because something before may name it ("the troops", "the
    army" with no country of its own), once nothing before does: (actor, how), the forces of the
    country the article is about, else of the country ``place`` where the act happened ("soldiers
    seized power in Gabon"), else a generic actor of its own words; None when the phrase names no
    kind of doer."""
    book = book or load_agents()
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return None  # "its fighters": someone's, and that someone is no kind of doer
    words = _phrase_words(head)
    match = book.sector_of([_lemma(w) for w in words])
    if match is None:
        return None
    sector = _as_unit(book, match[0], words)
    iso3 = _clearly_named_country(head.doc) or place
    if sector.forces:  # soldiers of no country the article makes clear are nobody one can follow
        iso3 = iso3 or _actors_country(head.doc)  # the country named is already in iso3
        forces = ActorDictionary.load().armed_forces(iso3) if iso3 is not None else None
        return (forces, "kind") if forces is not None else None
    return generic_actor(sector, words, iso3), "generic"


def implied_actor(trigger: Token, kind: str, book: AgentBook | None = None) -> Actor | None:
    """The doer a nominal event names no one for, by the kind of people who do such acts: "protests
    erupted in Dhaka" were held by protesters, of the country the article is about; None when the
    agent book knows no such kind."""
    book = book or load_agents()
    match = book.sector_of([kind])
    if match is None:
        return None
    iso3 = _clearly_named_country(trigger.doc)
    sector = match[0]
    plural = kind if kind.endswith("s") else f"{kind}s"
    return Actor(name_key(ADHOC_GROUP, f"{iso3 or ''} {kind}"), plural, sector.type, iso3, sector=sector.code)
