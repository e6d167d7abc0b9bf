"""Actors named in a document: the evidence of names, most reliable first.

1. acronyms the text defines ("the Rapid Support Forces (RSF)"): acronym and expansion become
   one actor for the whole document, whether or not the dictionary knows it;
2. dictionary aliases found by a PhraseMatcher (countries, capitals, demonyms, organisations,
   missions, armed groups, office holders), also where spaCy's NER misses them;
3. spaCy entities (PERSON, ORG, GPE, NORP, FAC, LOC) resolved against the dictionary, then by a
   guarded fuzzy match (misspellings), else new PERSON/ORG actors keyed by their normalised name;
4. lone surnames ("Lavrov", "Mr Traoré") linked to the one full name the document gives them,
   abstaining when two people share the surname.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Span, Token

from hornbill.actors.dictionary import name_key, normalise
from hornbill.actors.resolution import DETERMINERS, Candidate, Resolution, Unresolved
from hornbill.actors.titles import country_in_title
from hornbill.doctools import sentence_starts, token_ids
from hornbill.model import Actor

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
#: lower-case words inside names: "Economic Community of West African States", "Alliance des États du Sahel"
EXPANSION_CONNECTORS = frozenset(
    {"of", "for", "the", "in", "and", "on", "de", "du", "des", "la", "le", "l'", "pour", "al", "wal"}
    | {"&", "-"}
)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]{1,11}$")


# --------------------------------------------------------------------------- step 1: acronyms


def acronym_candidates(state: Resolution) -> list[Candidate]:
    """Definitions "Expansion (ACR)" and every later use of ACR; fills ``doc_aliases``."""
    doc = state.doc
    words = token_ids(doc, "ORTH")
    opening, closing = doc.vocab.strings["("], doc.vocab.strings[")"]
    found: list[Candidate] = []
    for i in range(1, len(words) - 2):
        if words[i] != opening or words[i + 2] != closing:
            continue
        acronym = doc[i + 1].text
        if not _looks_like_acronym(acronym):
            continue
        expansion = _expansion_before(state, i, acronym)
        if expansion is None:
            continue
        actor = _actor_for_definition(state, acronym, expansion)
        if actor is None:
            continue
        state.acronyms[acronym] = actor
        state.doc_aliases[normalise(acronym)] = actor
        state.doc_aliases[normalise(expansion.text)] = actor
        found.append(Candidate(expansion.start, expansion.end, actor, "acronym"))
    defined = {doc.vocab.strings[acronym]: actor for acronym, actor in state.acronyms.items()}
    for i, word in enumerate(words):
        if word in defined:
            found.append(Candidate(i, i + 1, defined[word], "acronym"))
    return found


def _expansion_before(state: Resolution, paren: int, acronym: str) -> Span | None:
    """The name right before "(": "the Rapid Support Forces (RSF)" -> Rapid Support Forces.

    From the longest run of capitalised and connector words: the longest tail the dictionary
    knows as the acronym's actor; failing that, the longest tail (after the last "and", if
    any) opening with the acronym's first letter.
    """
    longest = _capitalised_run(state, paren)
    if longest is None:
        return None
    known = state.dictionary.lookup(acronym)
    tails = [longest.doc[i:longest.end] for i in range(longest.start, longest.end - 1)
             if longest.doc[i].lower_ not in EXPANSION_CONNECTORS]
    if known is not None:
        for tail in tails:
            found = state.dictionary.lookup(tail.text)
            if found is not None and found.key == known.key:
                return tail
    ands = [t.i for t in longest if t.lower_ in ("and", "&")]
    if ands and any(t.start > ands[-1] for t in tails):
        tails = [t for t in tails if t.start > ands[-1]]
    return next((t for t in tails if t.text[:1].casefold() == acronym[:1].casefold()), None)


def _capitalised_run(state: Resolution, paren: int) -> Span | None:
    doc = state.doc
    start = paren
    sentence_start = sentence_starts(doc)[paren]
    while start - 1 >= sentence_start:
        token = doc[start - 1]
        capitalised = token.text[:1].isupper() or token.text[:1].isdigit()
        if not (capitalised or token.lower_ in EXPANSION_CONNECTORS):
            break
        start -= 1
    while start < paren and doc[start].lower_ in EXPANSION_CONNECTORS:
        start += 1
    end = paren
    while end > start and doc[end - 1].lower_ in EXPANSION_CONNECTORS:
        end -= 1
    return doc[start:end] if end - start >= 2 else None


def _actor_for_definition(state: Resolution, acronym: str, expansion: Span) -> Actor | None:
    by_acronym = state.dictionary.lookup(acronym)
    by_expansion = state.dictionary.lookup(expansion.text)
    if by_acronym is not None and by_expansion is not None and by_acronym.key != by_expansion.key:
        return None  # two different known actors: not a definition we can trust
    if by_acronym is not None or by_expansion is not None:
        return by_acronym or by_expansion
    return replace(_new_org(state, expansion), aliases=(acronym,))


def _looks_like_acronym(text: str) -> bool:
    capitals = sum(c.isupper() or c.isdigit() for c in text)
    return bool(_ACRONYM.match(text)) and capitals >= 2


# --------------------------------------------------------------------------- step 2: dictionary aliases


def dictionary_candidates(state: Resolution, deferred: list[Unresolved]) -> list[Candidate]:
    """Dictionary aliases and demonyms the name matcher finds; lone surnames of people the dictionary
    knows wait in ``deferred`` for the document's full names (step 4)."""
    found: list[Candidate] = []
    vocab = state.doc.vocab
    roles = [(s, e) for _, s, e in state.matchers.role_nouns(state.doc)]
    for match_id, match_start, end in state.matchers.names(state.doc):
        start = match_start + (state.doc[match_start].lower_ == "the" and end - match_start > 1)
        span = state.doc[start:end]
        if not _case_fits(state, span) or _cut_by_role(start, end, roles):
            continue
        label = vocab.strings[match_id]
        if label.startswith("demonym:"):
            country = state.dictionary.country(label.split(":", 1)[1])
            if country is not None:
                found.append(Candidate(start, end, country, "nationality"))
            continue
        actor = state.dictionary.get(label)
        if actor is None:
            continue
        if actor.type == "PERSON" and end - start == 1:
            # a lone surname: the document's own full names take precedence (step 4)
            deferred.append(Unresolved(start, end, "PERSON", span.text))
        else:
            found.append(Candidate(start, end, actor, "dictionary"))
    return found


def _case_fits(state: Resolution, span: Span) -> bool:
    """Names are capitalised in running text; short acronyms must be in capitals ("US" not "us")."""
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return False
    return normalise(span.text) not in state.dictionary.capital_only or not any(
        c.islower() for c in span.text)


def _cut_by_role(start: int, end: int, roles: Iterable[tuple[int, int]]) -> bool:
    """A name whose last words open a longer role noun: "Malian military" in "the Malian military
    government" is the government, not the army (the demonym alone still names the country)."""
    return any(start < role_start < end < role_end for role_start, role_end in roles)


# --------------------------------------------------------------------------- step 3: named entities


def entity_candidates(state: Resolution, deferred: list[Unresolved]) -> tuple[list[Candidate], list[Candidate]]:
    """Resolved entity candidates, and new actors (tier 2) for unresolved multi-word names."""
    resolved: list[Candidate] = []
    unknown: list[Candidate] = []
    for ent in state.doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = _trim(state, ent)
        if span is None:
            continue
        if ent.label_ == "PERSON":
            span = _with_hyphenated_tail(_drop_title_country(state, span))
        actor, how = _resolve_name(state, span.text, ent.label_)
        if actor is not None:
            resolved.append(Candidate(span.start, span.end, actor, how))
            continue
        name = _strip_honorifics(state, span)
        if name is None:
            continue
        if name.end - name.start == 1:
            titled = ent.label_ == "PERSON" and (name.start > span.start or _after_honorific(state, span))
            deferred.append(Unresolved(span.start, span.end, ent.label_, name.text, titled))
        elif ent.label_ == "PERSON":
            resolved.append(Candidate(span.start, span.end, _new_person(state, name), "ner"))
        elif ent.label_ == "ORG" and _plausible_org(state, span):
            unknown.append(Candidate(span.start, span.end, _new_org(state, span), "ner", tier=2))
    return resolved, unknown


def _with_hyphenated_tail(span: Span) -> Span:
    """A person's name with the part the recogniser cut at a hyphen: "Yoon Suk" of "Yoon Suk-yeol"."""
    doc, end = span.doc, span.end
    while (end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-"
           and doc[end].whitespace_ == "" and doc[end + 1].is_alpha):
        end += 2
    return doc[span.start:end]


def _resolve_name(state: Resolution, text: str, label: str) -> tuple[Actor | None, str]:
    norm = normalise(text)
    if norm in state.doc_aliases:
        return state.doc_aliases[norm], "acronym"
    actor = state.dictionary.lookup(text)
    if label in ("FAC", "LOC") and (actor is None or actor.type != "COUNTRY"):
        return None, "ner"  # places stand for actors only when they are countries or capitals
    if actor is not None and not (actor.type == "PERSON" and " " not in norm):
        return actor, "ner"
    if label == "NORP" and (iso3 := state.dictionary.demonym_country(text)):
        return state.dictionary.country(iso3), "nationality"
    if label in ("PERSON", "ORG") and " " in norm:
        fuzzy = state.dictionary.fuzzy(text)
        if fuzzy is not None:
            return fuzzy, "fuzzy"
    return None, "ner"


def _trim(state: Resolution, ent: Span) -> Span | None:
    """The entity without a leading determiner, a trailing possessive or a parenthesis."""
    start, end = ent.start, ent.end
    end = next((t.i for t in ent if t.text == "("), end)
    while start < end and state.doc[start].lower_ in DETERMINERS:
        start += 1
    while end > start and (state.doc[end - 1].tag_ == "POS" or state.doc[end - 1].is_punct):
        end -= 1
    return state.doc[start:end] if end > start else None


def _drop_title_country(state: Resolution, span: Span) -> Span:
    """"Minister of Foreign Affairs of [Mali Abdoulaye Diop]": the country ends the title, the
    name follows it (only after "of", so "Jordan Henderson" keeps his first name)."""
    if (len(span) > 2 and span.start > 0 and state.doc[span.start - 1].lower_ == "of"
            and _country_word(state, span[0])):
        return span[1:]
    return span


def _strip_honorifics(state: Resolution, span: Span) -> Span | None:
    start = span.start
    while start < span.end and state.doc[start].lower_.rstrip(".") in state.roles.honorifics:
        start += 1
    return state.doc[start:span.end] if start < span.end else None


def _after_honorific(state: Resolution, span: Span) -> bool:
    """Whether the word before a name is an honorific the recogniser left out ("Sheikh [Tamim]")."""
    return span.start > 0 and state.doc[span.start - 1].lower_.rstrip(".") in state.roles.honorifics


def _plausible_org(state: Resolution, span: Span) -> bool:
    """Not a role noun ("the Army", "the Malian Government"), not lower case, and not the first
    half of a title ("Armed Forces Minister")."""
    norm = normalise(" ".join(t.text for t in span if not _country_word(state, t)))
    if norm in state.roles.country_roles or norm in state.roles.forces_roles:
        return False  # "the Malian Government": a role the role stage resolves to the country
    if not any(t.text[:1].isupper() for t in span):
        return False
    following = state.doc[span.end] if span.end < len(state.doc) else None
    return following is None or following.lower_ not in state.roles.title_words


def _new_person(state: Resolution, name: Span) -> Actor:
    country = country_in_title(state, name.start, name.end)
    return Actor(name_key("person", name.text), name.text, "PERSON", country)


def _new_org(state: Resolution, span: Span) -> Actor:
    """An organisation known only by its name; its country from a country word in the name."""
    country = next((iso3 for t in span if (iso3 := _country_word(state, t))), None)
    words = set(normalise(span.text).split())
    kind = next((kind for kind, markers in state.roles.org_types.items() if words & markers), "ORG")
    return Actor(name_key("org", span.text), span.text, kind, country)


def _country_word(state: Resolution, token: Token) -> str | None:
    """ISO3 when ``token`` is a capitalised demonym or one-word country/capital name."""
    if not token.text[:1].isupper():
        return None
    known = state.dictionary.lookup(token.text)
    if known is not None and known.type == "COUNTRY":
        return known.country
    return state.dictionary.demonym_country(token.text)


# --------------------------------------------------------------------------- step 4: lone names


def surname_candidates(state: Resolution, deferred: Iterable[Unresolved],
                       unknown: Iterable[Candidate]) -> list[Candidate]:
    """Lone names: the one full name in the document ending with them, else the dictionary.

    Unknown organisations count as full names too: NER often takes a person for one, and
    "Traoré" must stay unresolved when "Aminata Traoré" (as ORG) and "Ibrahim Traoré" co-occur.
    """
    surnames: dict[str, set[str]] = defaultdict(set)
    people: dict[str, Actor] = {}
    for mention in [*state.mentions(), *unknown]:
        if mention.end - mention.start >= 2 and (mention.actor.type == "PERSON" or mention.tier == 2):
            surnames[normalise(state.doc[mention.end - 1].text)].add(mention.actor.key)
            people[mention.actor.key] = mention.actor
    found: list[Candidate] = []
    titled = _titled_people(state, deferred)
    for item in {(d.start, d.end): d for d in deferred}.values():
        keys = surnames.get(normalise(item.name), set())
        if len(keys) > 1:
            continue  # two people in the document share this surname: abstain
        if keys:
            found.append(Candidate(item.start, item.end, people[next(iter(keys))], "surname"))
            continue
        candidate = _single_name_candidate(state, item)
        if candidate is None and normalise(item.name) in titled:
            candidate = Candidate(item.start, item.end, titled[normalise(item.name)], "ner")
        if candidate is not None:
            found.append(candidate)
    return found


def _titled_people(state: Resolution, deferred: Iterable[Unresolved]) -> dict[str, Actor]:
    """New people for the lone names the document gives with an honorific or title ("Sheikh Hasina",
    "General Tiani"), by normalised name: a name so introduced is a person's, and the same name alone
    elsewhere in the document is that person."""
    return {normalise(d.name): Actor(name_key("person", d.name), d.name, "PERSON",
                                     country_in_title(state, d.start, d.end))
            for d in deferred if d.titled}


def _single_name_candidate(state: Resolution, item: Unresolved) -> Candidate | None:
    """A lone name no full name in the document explains: the dictionary, else a fuzzy match."""
    actor = state.doc_aliases.get(normalise(item.name)) or state.dictionary.lookup(item.name)
    actor = actor or state.dictionary.in_context(item.name, state.actor_countries(with_missions=True))
    if actor is not None:
        return Candidate(item.start, item.end, actor, "dictionary")
    if item.label in ("PERSON", "ORG"):
        fuzzy = state.dictionary.fuzzy(item.name)
        if fuzzy is not None:
            return Candidate(item.start, item.end, fuzzy, "fuzzy")
    return None  # a lone unknown name (often a town NER took for a person) is too weak to keep
