"""Actors: every place a document names (or stands for) an actor, resolved to a canonical actor.

The cascade, per document (``find_actor_mentions``), most reliable evidence first:

1. acronyms the text defines ("the Rapid Support Forces (RSF)"): acronym and expansion become
   one actor for the whole document, whether or not the dictionary knows it;
2. dictionary aliases found by a PhraseMatcher (countries, capitals, demonyms, organisations,
   missions, armed groups, office holders), also where spaCy's NER misses them;
3. spaCy entities (PERSON, ORG, GPE, NORP, FAC, LOC) resolved against the dictionary, then by a
   guarded fuzzy match (misspellings), else new PERSON/ORG actors keyed by their normalised name;
4. lone surnames ("Lavrov", "Mr Traoré") linked to the one full name the document gives them,
   abstaining when two people share the surname;
5. role nouns ("the Malian authorities", "the junta", "the mission", "the minister", "his Malian
   counterpart", "the Wagner mercenary army") resolved within the document;
6. "he"/"she" as the subject of a speech verb, when one person is the clear antecedent; "it" and
   "them" as objects (the nearest organisation or country; the first of two coordinated actors).

Overlaps are settled greedily: longer spans and more reliable evidence win. The dictionary lives
in ``data/actors.yaml`` plus ``data/actors/countries.yaml`` (pycountry supplies the countries);
role words live in ``data/actors/roles.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from hornbill.model import Actor, ActorMention
from hornbill.timex import sentence_bounds, sentence_starts, string_ids, token_ids

DATA_DIR = Path(__file__).parent / "data"
ACTORS_FILE = DATA_DIR / "actors.yaml"
COUNTRIES_FILE = DATA_DIR / "actors" / "countries.yaml"
ROLES_FILE = DATA_DIR / "actors" / "roles.yaml"

ACTOR_TYPES = frozenset({"COUNTRY", "GOV", "MIL", "IGO", "PERSON", "REB", "PMC", "ORG"})
ACTOR_TAGS = frozenset({"mission", "national_forces"})
ENTRY_FIELDS = frozenset({"key", "name", "type", "country", "aliases", "titles", "tags", "wikidata", "part_of"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
FUZZY_MIN_LENGTH = 6
FUZZY_MIN_SCORE = 88.0
_FUZZY_MEMO_SIZE = 50_000  # names whose fuzzy match is remembered (then the memo starts again)
ACRONYM_MAX_LENGTH = 5  # all-capital aliases this short only match text written in capitals
PRONOUNS = frozenset({"he", "she"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
#: Every word pronoun_candidates looks at: speaker pronouns, and "it"/"them" as objects.
_PRONOUN_WORDS = PRONOUNS | {"it", "them"}
TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
DETERMINERS = frozenset({"the", "its", "their", "this", "that", "these", "those"})
COUNTRY_NOUNS = frozenset({"country", "nation"})  # "the country's junta": as definite as "the junta"
PERSONAL_POSSESSIVES = frozenset({"his", "her"})  # "her country's troops": the country of the person named
#: lower-case words inside names: "Economic Community of West African States", "Alliance des États du Sahel"
EXPANSION_CONNECTORS = frozenset(
    {"of", "for", "the", "in", "and", "on", "de", "du", "des", "la", "le", "l'", "pour", "al", "wal"}
    | {"&", "-"}
)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]{1,11}$")
_DASHES = re.compile(r"[\-‐‑‒–—_/]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


# --------------------------------------------------------------------------- normalisation


def strip_diacritics(text: str) -> str:
    """``Goïta`` -> ``Goita``: the spelling most English outlets fall back to."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """The lookup form of a name: casefolded, no diacritics, dots, dashes or leading "the"."""
    text = strip_diacritics(name.translate(_QUOTES)).casefold().replace(".", "")
    text = _DASHES.sub(" ", text).strip()
    if text.endswith("'s"):
        text = text[:-2]
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def name_key(prefix: str, name: str) -> str:
    """A stable key for an actor known only by its name: ``person:james_heappey``."""
    return f"{prefix}:{normalise(name).replace(' ', '_')}"


def _is_capitalised_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= ACRONYM_MAX_LENGTH


# --------------------------------------------------------------------------- dictionary


@dataclass(frozen=True)
class DictionaryEntry:
    """An actor with the dictionary facts that are not part of :class:`Actor`."""

    actor: Actor
    titles: tuple[str, ...] = ()
    tags: frozenset[str] = frozenset()
    part_of: str | None = None  # key of the organisation this body belongs to


def validate_entry(raw: Any) -> list[str]:
    """What is wrong with one raw ``actors:`` entry (empty when it is valid)."""
    if not isinstance(raw, dict):
        return [f"entry is not a mapping: {raw!r}"]
    where = raw.get("key", "<no key>")
    errors = [f"{where}: missing {name}" for name in ("key", "name", "type") if not raw.get(name)]
    errors += [f"{where}: unknown field {name}" for name in raw if name not in ENTRY_FIELDS]
    if raw.get("type") and raw["type"] not in ACTOR_TYPES:
        errors.append(f"{where}: type {raw['type']} not in {sorted(ACTOR_TYPES)}")
    country = raw.get("country")
    if country is not None and pycountry.countries.get(alpha_3=str(country)) is None:
        errors.append(f"{where}: country {country} is not an ISO3 code")
    for name in ("aliases", "titles", "tags"):
        values = raw.get(name, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            errors.append(f"{where}: {name} must be a list of non-empty strings")
    errors += [f"{where}: unknown tag {tag}" for tag in raw.get("tags", []) if tag not in ACTOR_TAGS]
    if raw.get("titles") and raw.get("type") != "PERSON":
        errors.append(f"{where}: only PERSON entries have titles")
    part_of = raw.get("part_of")
    if part_of is not None and not re.fullmatch(r"[a-z]+:[\w-]+", str(part_of)):
        errors.append(f"{where}: part_of {part_of} is not an actor key")
    wikidata = raw.get("wikidata")
    if wikidata is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(wikidata)):
        errors.append(f"{where}: wikidata {wikidata} is not a Q-id")
    return errors


def _entry_from_raw(raw: Mapping[str, Any]) -> DictionaryEntry:
    actor = Actor(
        key=str(raw["key"]),
        name=str(raw["name"]),
        type=str(raw["type"]),
        country=raw.get("country"),
        aliases=tuple(dict.fromkeys(str(a) for a in raw.get("aliases", []) if a != raw["name"])),
        wikidata=raw.get("wikidata"),
    )
    return DictionaryEntry(actor, tuple(raw.get("titles", [])), frozenset(raw.get("tags", [])), raw.get("part_of"))


def _merge_raw(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """A user entry for an existing key adds aliases/titles/tags and overrides the other fields."""
    merged = {**base, **{k: v for k, v in extra.items() if k not in ("aliases", "titles", "tags")}}
    for name in ("aliases", "titles", "tags"):
        merged[name] = list(dict.fromkeys([*base.get(name, []), *extra.get(name, [])]))
    return merged


def _raw_of(entry: DictionaryEntry) -> dict[str, Any]:
    """An entry back in its YAML shape, so a user file can refine it."""
    actor = entry.actor
    raw: dict[str, Any] = {"key": actor.key, "name": actor.name, "type": actor.type,
                           "aliases": list(actor.aliases), "titles": list(entry.titles),
                           "tags": sorted(entry.tags)}
    raw.update({k: v for k, v in (("country", actor.country), ("wikidata", actor.wikidata), ("part_of", entry.part_of))
                if v is not None})
    return raw


def _demonym_plurals(demonym: str) -> list[str]:
    """``Malian`` -> ``Malians``; ``French`` has no plural people-noun of this shape."""
    return [demonym + "s"] if demonym[-1] in "ni" else []


def country_entries(facts: Mapping[str, Mapping[str, Any]]) -> tuple[list[DictionaryEntry], dict[str, str]]:
    """One COUNTRY entry per pycountry country, plus a demonym -> ISO3 map, from ``facts``."""
    entries: list[DictionaryEntry] = []
    demonyms: dict[str, str] = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        extra = facts.get(iso3, {})
        name = extra.get("name") or getattr(country, "common_name", None) or country.name
        names = [country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)]
        aliases = [a for a in [*names, extra.get("capital"), *extra.get("aliases", [])] if a and a != name]
        raw = {"key": f"country:{iso3}", "name": name, "type": "COUNTRY", "country": iso3,
               "aliases": list(dict.fromkeys(aliases)), "wikidata": extra.get("wikidata")}
        entries.append(_entry_from_raw(raw))
        for demonym in extra.get("demonyms", []):
            for form in [demonym, *_demonym_plurals(demonym)]:
                demonyms[normalise(form)] = iso3
    return entries, demonyms


def _read_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


class ActorDictionary:
    """Canonical actors and every name they go by; ``load()`` it (cached) rather than building one."""

    def __init__(self, entries: Iterable[DictionaryEntry], demonyms: Mapping[str, str],
                 ambiguous: Iterable[str] = ()) -> None:
        self.entries: dict[str, DictionaryEntry] = {e.actor.key: e for e in entries}
        self.demonyms = dict(demonyms)
        self.declared_ambiguous = frozenset(normalise(a) for a in ambiguous)
        keys_by_alias: dict[str, set[str]] = defaultdict(set)
        surfaces: dict[str, set[str]] = defaultdict(set)
        for entry in self.entries.values():
            for surface in (entry.actor.name, *entry.actor.aliases):
                norm = normalise(surface)
                if norm:
                    keys_by_alias[norm].add(entry.actor.key)
                    surfaces[norm].add(surface)
        #: aliases shared by several actors that the data does not declare ambiguous
        self.collisions = {a: ks for a, ks in keys_by_alias.items()
                           if len(ks) > 1 and a not in self.declared_ambiguous}
        self._index = {a: next(iter(ks)) for a, ks in keys_by_alias.items()
                       if len(ks) == 1 and a not in self.declared_ambiguous}
        self.capital_only = frozenset(a for a, forms in surfaces.items()
                                      if all(_is_capitalised_acronym(f) for f in forms))
        self._fuzzy: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for alias, key in self._index.items():
            if len(alias) >= FUZZY_MIN_LENGTH:
                self._fuzzy[alias[0]].append((alias, key))
        #: names already matched: the same names recur from article to article
        self._fuzzy_seen: dict[str, Actor | None] = {}
        self._forces = {e.actor.country: e.actor for e in self.entries.values()
                        if "national_forces" in e.tags and e.actor.country}

    @classmethod
    def load(cls, extra: Path | None = None) -> ActorDictionary:
        """The shipped dictionary, extended by the user file ``extra`` (loaded once per path)."""
        return _load_dictionary(str(extra) if extra is not None else None)

    @classmethod
    def from_files(cls, actors_file: Path, countries_file: Path, extra: Path | None) -> ActorDictionary:
        """Countries from pycountry and ``countries_file``, then ``actors_file``, then the user's ``extra``.

        An entry whose key already exists refines it; every merged entry must validate.
        """
        countries, demonyms = country_entries(_read_yaml(countries_file))
        raws: dict[str, dict[str, Any]] = {e.actor.key: _raw_of(e) for e in countries}
        data = _read_yaml(actors_file)
        ambiguous = list(data.get("ambiguous", []))
        sources = [(actors_file, data)] + ([(extra, _read_yaml(extra))] if extra is not None else [])
        for path, content in sources:
            touched: list[str] = []
            for raw in content.get("actors", []):
                if not isinstance(raw, dict) or not raw.get("key"):
                    raise ValueError(f"{path}: entry without a key: {raw!r}")
                key = str(raw["key"])
                raws[key] = _merge_raw(raws[key], raw) if key in raws else dict(raw)
                touched.append(key)
            errors = [e for key in touched for e in validate_entry(raws[key])]
            if errors:
                raise ValueError(f"{path}: " + "; ".join(errors))
            if path == extra:
                ambiguous += content.get("ambiguous", [])
        return cls((_entry_from_raw(raw) for raw in raws.values()), demonyms, ambiguous)

    def get(self, key: str) -> Actor | None:
        entry = self.entries.get(key)
        return entry.actor if entry is not None else None

    def lookup(self, name: str) -> Actor | None:
        """The actor ``name`` is an alias of (exact after normalising), else None; never guesses."""
        key = self._index.get(normalise(name))
        return self.entries[key].actor if key is not None else None

    def fuzzy(self, name: str) -> Actor | None:
        """The one actor a misspelt ``name`` is close to (same first letter, similar length).

        Abstains when the name is short or when aliases of two different actors pass the bar.
        For people only the surname may be misspelt: "Ibrahima Traoré" is not "Ibrahim Traoré";
        lower-case words must be spelt as in the alias.
        """
        if name not in self._fuzzy_seen:
            if len(self._fuzzy_seen) >= _FUZZY_MEMO_SIZE:
                self._fuzzy_seen.clear()
            self._fuzzy_seen[name] = self._fuzzy_match(name)
        return self._fuzzy_seen[name]

    def _fuzzy_match(self, name: str) -> Actor | None:
        norm = normalise(name)
        if len(norm) < FUZZY_MIN_LENGTH:
            return None
        slack = max(2, len(norm) // 6)
        candidates = [(a, k) for a, k in self._fuzzy.get(norm[0], ()) if abs(len(a) - len(norm)) <= slack]
        hits = process.extract(norm, [a for a, _ in candidates], scorer=fuzz.ratio,
                               score_cutoff=FUZZY_MIN_SCORE, limit=None)
        keys = {candidates[i][1] for _, _, i in hits
                if _common_words_kept(name, candidates[i][0])
                and (self.entries[candidates[i][1]].actor.type != "PERSON"
                     or _same_given_names(norm, candidates[i][0]))}
        return self.entries[keys.pop()].actor if len(keys) == 1 else None

    def country(self, iso3: str) -> Actor | None:
        return self.get(f"country:{iso3}")

    def demonym_country(self, word: str) -> str | None:
        """ISO3 of the country a nationality adjective or noun names (``Malian`` -> ``MLI``)."""
        return self.demonyms.get(normalise(word))

    def armed_forces(self, iso3: str) -> Actor | None:
        """The actor a country's armed forces are coded as: the dictionary's ``national_forces``
        entry where they act apart from their government (a military that took power or fights a
        civil war), else the country itself, as PLOVER codes a state's forces (the state, sector
        MIL): "the German army withdrew" is an event of Germany, like "German troops withdrew"."""
        return self._forces.get(iso3) or self.country(iso3)

    def titles(self, key: str) -> tuple[str, ...]:
        entry = self.entries.get(key)
        return entry.titles if entry is not None else ()

    def has_tag(self, key: str, tag: str) -> bool:
        entry = self.entries.get(key)
        return entry is not None and tag in entry.tags

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(text, label) pairs for the PhraseMatcher: every name and alias, and every demonym."""
        for entry in self.entries.values():
            for surface in (entry.actor.name, *entry.actor.aliases):
                if normalise(surface) in self._index:
                    yield surface, entry.actor.key
        for demonym, iso3 in self.demonyms.items():
            yield demonym, f"demonym:{iso3}"


def _common_words_kept(name: str, alias: str) -> bool:
    """Misspellings are in names, not in common words: "Russian foreign minister" is not a
    misspelt "Russian foreign ministry"."""
    words = set(alias.split())
    return all(normalise(word) in words for word in name.split() if word.islower())


def _same_given_names(name: str, alias: str) -> bool:
    """Two normalised person names with the same words before the surname."""
    return name.split()[:-1] == alias.split()[:-1]


@lru_cache(maxsize=8)
def _load_dictionary(extra: str | None) -> ActorDictionary:
    return ActorDictionary.from_files(ACTORS_FILE, COUNTRIES_FILE, Path(extra) if extra else None)


# --------------------------------------------------------------------------- role words


@dataclass(frozen=True)
class RoleBook:
    """Role nouns and related word lists from ``roles.yaml``, keyed by their normalised form."""

    country_roles: Mapping[str, str]  # noun -> bare policy
    forces_roles: Mapping[str, str]
    group_roles: Mapping[str, str]  # noun -> what the group must be: "type=PMC", "tag=mission;type=IGO"
    person_titles: frozenset[str]
    counterparts: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    speech_verbs: frozenset[str]
    junta_countries: frozenset[str]
    grab_verbs: frozenset[str]  # power_grabs: verbs alone, then verbs that need an object word
    grab_verbs_with_object: frozenset[str]
    grab_objects: frozenset[str]
    org_types: Mapping[str, frozenset[str]]  # actor type -> words that mark an organisation as such

    def labels(self) -> Iterator[tuple[str, str]]:
        """(phrase, matcher label) for every role noun."""
        for noun, policy in self.country_roles.items():
            yield noun, f"country|{policy}"
        for noun, policy in self.forces_roles.items():
            yield noun, f"forces|{policy}"
        for noun, target in self.group_roles.items():
            yield noun, f"group|{target}"
        for noun in self.person_titles:
            yield noun, "title"
        for noun in self.counterparts:
            yield noun, "counterpart"


def _group_target(group: Mapping[str, Any]) -> str:
    return ";".join(f"{name}={group[name]}" for name in ("tag", "type") if name in group)


@lru_cache(maxsize=1)
def load_roles(path: Path = ROLES_FILE) -> RoleBook:
    data = _read_yaml(path)

    def nouns_with(section: str, value: Any) -> dict[str, Any]:
        return {noun: value(group) for group in data.get(section, []) for noun in group["nouns"]}

    titles = frozenset(data.get("person_titles", []))
    return RoleBook(
        country_roles=nouns_with("country_roles", lambda g: g.get("bare", "none")),
        forces_roles=nouns_with("forces_roles", lambda g: g.get("bare", "none")),
        group_roles=nouns_with("group_roles", _group_target),
        person_titles=titles,
        counterparts=frozenset(data.get("counterpart_nouns", [])),
        title_words=frozenset(w for t in titles for w in t.split()),
        honorifics=frozenset(data.get("honorifics", [])),
        speech_verbs=frozenset(data.get("speech_verbs", [])),
        junta_countries=frozenset(data.get("junta_countries", [])),
        grab_verbs=frozenset(data.get("power_grabs", {}).get("verbs", [])),
        grab_verbs_with_object=frozenset(data.get("power_grabs", {}).get("verbs_with_object", [])),
        grab_objects=frozenset(data.get("power_grabs", {}).get("objects", [])),
        org_types={kind: frozenset(words) for kind, words in data.get("org_types", {}).items()},
    )


# --------------------------------------------------------------------------- matchers


@dataclass
class ActorMatchers:
    """Everything a pipeline needs to find actors, built once per pipeline."""

    dictionary: ActorDictionary
    roles: RoleBook
    names: PhraseMatcher
    role_nouns: PhraseMatcher

    @classmethod
    def build(cls, nlp: Language, dictionary: ActorDictionary, roles: RoleBook) -> ActorMatchers:
        names = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_label: dict[str, set[str]] = defaultdict(set)
        for surface, label in dictionary.surface_forms():
            by_label[label].update({surface, strip_diacritics(surface)})
        for label, surfaces in by_label.items():
            names.add(label, [nlp.make_doc(s) for s in sorted(surfaces)])
        role_nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_role: dict[str, list[str]] = defaultdict(list)
        for noun, label in roles.labels():
            by_role[label].append(noun)
        for label, nouns in by_role.items():
            role_nouns.add(label, [nlp.make_doc(n) for n in nouns])
        return cls(dictionary, roles, names, role_nouns)


# --------------------------------------------------------------------------- per-document resolution


@dataclass
class _Candidate:
    """A possible mention: a token range, the actor it would stand for, and the evidence (``how``)."""

    start: int  # token offsets
    end: int
    actor: Actor
    how: str
    tier: int = 1  # 1 = resolved against evidence; 2 = a new actor known only by its name


@dataclass
class _Unresolved:
    """A name whose resolution waits until the document's full names are known."""

    start: int
    end: int
    label: str
    name: str


_HOW_RANK = {"acronym": 0, "dictionary": 1, "ner": 2, "fuzzy": 3, "nationality": 4, "surname": 5,
             "role": 6, "pronoun": 7}


@dataclass
class _Resolution:
    doc: Doc
    matchers: ActorMatchers
    selected: dict[int, _Candidate] = field(default_factory=dict)  # token index -> candidate
    doc_aliases: dict[str, Actor] = field(default_factory=dict)
    acronyms: dict[str, Actor] = field(default_factory=dict)  # exact acronym text -> actor
    _titles: dict[int, frozenset[str]] = field(default_factory=dict)

    @property
    def dictionary(self) -> ActorDictionary:
        return self.matchers.dictionary

    @property
    def roles(self) -> RoleBook:
        return self.matchers.roles

    # -- selection

    def select(self, candidates: Iterable[_Candidate], absorb_countries: bool = False) -> None:
        """Keep candidates that do not overlap kept ones: tier, then length, then evidence rank.

        With ``absorb_countries`` a candidate may swallow country mentions lying wholly inside it
        ("Malian" inside "the Malian authorities").
        """
        ordered = sorted(candidates, key=lambda c: (c.tier, c.start - c.end, _HOW_RANK[c.how], c.start))
        for cand in ordered:
            inside = {id(m): m for i in range(cand.start, cand.end) if (m := self.selected.get(i))}
            if inside and not (absorb_countries and all(self._absorbable(m, cand) for m in inside.values())):
                continue
            for mention in inside.values():
                for i in range(mention.start, mention.end):
                    del self.selected[i]
            for i in range(cand.start, cand.end):
                self.selected[i] = cand

    @staticmethod
    def _absorbable(mention: _Candidate, cand: _Candidate) -> bool:
        return (mention.actor.type == "COUNTRY" and cand.start <= mention.start
                and mention.end <= cand.end and (mention.end - mention.start) < (cand.end - cand.start))

    def mentions(self) -> list[_Candidate]:
        unique = {id(c): c for c in self.selected.values()}
        return sorted(unique.values(), key=lambda c: c.start)

    def country_at(self, i: int) -> str | None:
        mention = self.selected.get(i)
        return mention.actor.country if mention is not None and mention.actor.type == "COUNTRY" else None

    # -- step 1: acronyms defined in the text

    def acronym_candidates(self) -> list[_Candidate]:
        """Definitions "Expansion (ACR)" and every later use of ACR; fills ``doc_aliases``."""
        doc = self.doc
        words = token_ids(doc, "ORTH")
        opening, closing = doc.vocab.strings["("], doc.vocab.strings[")"]
        found: list[_Candidate] = []
        for i in range(1, len(words) - 2):
            if words[i] != opening or words[i + 2] != closing:
                continue
            acronym = doc[i + 1].text
            if not _looks_like_acronym(acronym):
                continue
            expansion = self._expansion_before(i, acronym)
            if expansion is None:
                continue
            actor = self._actor_for_definition(acronym, expansion)
            if actor is None:
                continue
            self.acronyms[acronym] = actor
            self.doc_aliases[normalise(acronym)] = actor
            self.doc_aliases[normalise(expansion.text)] = actor
            found.append(_Candidate(expansion.start, expansion.end, actor, "acronym"))
        defined = {doc.vocab.strings[acronym]: actor for acronym, actor in self.acronyms.items()}
        for i, word in enumerate(words):
            if word in defined:
                found.append(_Candidate(i, i + 1, defined[word], "acronym"))
        return found

    def _expansion_before(self, paren: int, acronym: str) -> Span | None:
        """The name right before "(": "the Rapid Support Forces (RSF)" -> Rapid Support Forces.

        From the longest run of capitalised and connector words: the longest tail the dictionary
        knows as the acronym's actor; failing that, the longest tail (after the last "and", if
        any) opening with the acronym's first letter.
        """
        longest = self._capitalised_run(paren)
        if longest is None:
            return None
        known = self.dictionary.lookup(acronym)
        tails = [longest.doc[i:longest.end] for i in range(longest.start, longest.end - 1)
                 if longest.doc[i].lower_ not in EXPANSION_CONNECTORS]
        if known is not None:
            for tail in tails:
                found = self.dictionary.lookup(tail.text)
                if found is not None and found.key == known.key:
                    return tail
        ands = [t.i for t in longest if t.lower_ in ("and", "&")]
        if ands and any(t.start > ands[-1] for t in tails):
            tails = [t for t in tails if t.start > ands[-1]]
        return next((t for t in tails if t.text[:1].casefold() == acronym[:1].casefold()), None)

    def _capitalised_run(self, paren: int) -> Span | None:
        doc = self.doc
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

    def _actor_for_definition(self, acronym: str, expansion: Span) -> Actor | None:
        by_acronym = self.dictionary.lookup(acronym)
        by_expansion = self.dictionary.lookup(expansion.text)
        if by_acronym is not None and by_expansion is not None and by_acronym.key != by_expansion.key:
            return None  # two different known actors: not a definition we can trust
        if by_acronym is not None or by_expansion is not None:
            return by_acronym or by_expansion
        return replace(self._new_org(expansion), aliases=(acronym,))

    # -- step 2: dictionary aliases

    def dictionary_candidates(self, deferred: list[_Unresolved]) -> list[_Candidate]:
        found: list[_Candidate] = []
        vocab = self.doc.vocab
        roles = [(s, e) for _, s, e in self.matchers.role_nouns(self.doc)]
        for match_id, match_start, end in self.matchers.names(self.doc):
            start = match_start + (self.doc[match_start].lower_ == "the" and end - match_start > 1)
            span = self.doc[start:end]
            if not self._case_fits(span) or _cut_by_role(start, end, roles):
                continue
            label = vocab.strings[match_id]
            if label.startswith("demonym:"):
                country = self.dictionary.country(label.split(":", 1)[1])
                if country is not None:
                    found.append(_Candidate(start, end, country, "nationality"))
                continue
            actor = self.dictionary.get(label)
            if actor is None:
                continue
            if actor.type == "PERSON" and end - start == 1:
                # a lone surname: the document's own full names take precedence (step 4)
                deferred.append(_Unresolved(start, end, "PERSON", span.text))
            else:
                found.append(_Candidate(start, end, actor, "dictionary"))
        return found

    def _case_fits(self, span: Span) -> bool:
        """Names are capitalised in running text; short acronyms must be in capitals ("US" not "us")."""
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
            return False
        return normalise(span.text) not in self.dictionary.capital_only or not any(
            c.islower() for c in span.text)

    # -- step 3: named entities

    def entity_candidates(self, deferred: list[_Unresolved]) -> tuple[list[_Candidate], list[_Candidate]]:
        """Resolved entity candidates, and new actors (tier 2) for unresolved multi-word names."""
        resolved: list[_Candidate] = []
        unknown: list[_Candidate] = []
        for ent in self.doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            span = self._trim(ent)
            if span is None:
                continue
            if ent.label_ == "PERSON":
                span = self._drop_title_country(span)
            actor, how = self._resolve_name(span.text, ent.label_)
            if actor is not None:
                resolved.append(_Candidate(span.start, span.end, actor, how))
                continue
            name = self._strip_honorifics(span)
            if name is None:
                continue
            if name.end - name.start == 1:
                deferred.append(_Unresolved(span.start, span.end, ent.label_, name.text))
            elif ent.label_ == "PERSON":
                resolved.append(_Candidate(span.start, span.end, self._new_person(name), "ner"))
            elif ent.label_ == "ORG" and self._plausible_org(span):
                unknown.append(_Candidate(span.start, span.end, self._new_org(span), "ner", tier=2))
        return resolved, unknown

    def _resolve_name(self, text: str, label: str) -> tuple[Actor | None, str]:
        norm = normalise(text)
        if norm in self.doc_aliases:
            return self.doc_aliases[norm], "acronym"
        actor = self.dictionary.lookup(text)
        if label in ("FAC", "LOC") and (actor is None or actor.type != "COUNTRY"):
            return None, "ner"  # places stand for actors only when they are countries or capitals
        if actor is not None and not (actor.type == "PERSON" and " " not in norm):
            return actor, "ner"
        if label == "NORP" and (iso3 := self.dictionary.demonym_country(text)):
            return self.dictionary.country(iso3), "nationality"
        if label in ("PERSON", "ORG") and " " in norm:
            fuzzy = self.dictionary.fuzzy(text)
            if fuzzy is not None:
                return fuzzy, "fuzzy"
        return None, "ner"

    def _trim(self, ent: Span) -> Span | None:
        """The entity without a leading determiner, a trailing possessive or a parenthesis."""
        start, end = ent.start, ent.end
        end = next((t.i for t in ent if t.text == "("), end)
        while start < end and self.doc[start].lower_ in DETERMINERS:
            start += 1
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct):
            end -= 1
        return self.doc[start:end] if end > start else None

    def _drop_title_country(self, span: Span) -> Span:
        """"Minister of Foreign Affairs of [Mali Abdoulaye Diop]": the country ends the title, the
        name follows it (only after "of", so "Jordan Henderson" keeps his first name)."""
        if (len(span) > 2 and span.start > 0 and self.doc[span.start - 1].lower_ == "of"
                and self._country_word(span[0])):
            return span[1:]
        return span

    def _strip_honorifics(self, span: Span) -> Span | None:
        start = span.start
        while start < span.end and self.doc[start].lower_.rstrip(".") in self.roles.honorifics:
            start += 1
        return self.doc[start:span.end] if start < span.end else None

    def _plausible_org(self, span: Span) -> bool:
        """Not a role noun ("the Army", "the Malian Government"), not lower case, and not the first
        half of a title ("Armed Forces Minister")."""
        norm = normalise(" ".join(t.text for t in span if not self._country_word(t)))
        if norm in self.roles.country_roles or norm in self.roles.forces_roles:
            return False  # "the Malian Government": a role the role stage resolves to the country
        if not any(t.text[:1].isupper() for t in span):
            return False
        following = self.doc[span.end] if span.end < len(self.doc) else None
        return following is None or following.lower_ not in self.roles.title_words

    def _new_person(self, name: Span) -> Actor:
        country = self._country_in_title(name.start, name.end)
        return Actor(name_key("person", name.text), name.text, "PERSON", country)

    def _new_org(self, span: Span) -> Actor:
        """An organisation known only by its name; its country from a country word in the name."""
        country = next((iso3 for t in span if (iso3 := self._country_word(t))), None)
        words = set(normalise(span.text).split())
        kind = next((kind for kind, markers in self.roles.org_types.items() if words & markers), "ORG")
        return Actor(name_key("org", span.text), span.text, kind, country)

    def _country_word(self, token: Token) -> str | None:
        """ISO3 when ``token`` is a capitalised demonym or one-word country/capital name."""
        if not token.text[:1].isupper():
            return None
        known = self.dictionary.lookup(token.text)
        if known is not None and known.type == "COUNTRY":
            return known.country
        return self.dictionary.demonym_country(token.text)

    # -- step 4: surnames and other single-token names

    def surname_candidates(self, deferred: Iterable[_Unresolved],
                           unknown: Iterable[_Candidate]) -> list[_Candidate]:
        """Lone names: the one full name in the document ending with them, else the dictionary.

        Unknown organisations count as full names too: NER often takes a person for one, and
        "Traoré" must stay unresolved when "Aminata Traoré" (as ORG) and "Ibrahim Traoré" co-occur.
        """
        surnames: dict[str, set[str]] = defaultdict(set)
        people: dict[str, Actor] = {}
        for mention in [*self.mentions(), *unknown]:
            if mention.end - mention.start >= 2 and (mention.actor.type == "PERSON" or mention.tier == 2):
                surnames[normalise(self.doc[mention.end - 1].text)].add(mention.actor.key)
                people[mention.actor.key] = mention.actor
        found: list[_Candidate] = []
        for item in {(d.start, d.end): d for d in deferred}.values():
            keys = surnames.get(normalise(item.name), set())
            if len(keys) > 1:
                continue  # two people in the document share this surname: abstain
            if keys:
                found.append(_Candidate(item.start, item.end, people[next(iter(keys))], "surname"))
                continue
            candidate = self._single_name_candidate(item)
            if candidate is not None:
                found.append(candidate)
        return found

    def _single_name_candidate(self, item: _Unresolved) -> _Candidate | None:
        """A lone name no full name in the document explains: the dictionary, else a fuzzy match."""
        actor = self.doc_aliases.get(normalise(item.name)) or self.dictionary.lookup(item.name)
        if actor is not None:
            return _Candidate(item.start, item.end, actor, "dictionary")
        if item.label in ("PERSON", "ORG"):
            fuzzy = self.dictionary.fuzzy(item.name)
            if fuzzy is not None:
                return _Candidate(item.start, item.end, fuzzy, "fuzzy")
        return None  # a lone unknown name (often a town NER took for a person) is too weak to keep

    # -- titles of people

    def _title_tokens(self, start: int, end: int) -> list[Token]:
        """Words that give a person's office: before the name or in apposition to it."""
        doc = self.doc
        left: list[Token] = []
        i = start - 1
        starts = sentence_starts(doc)
        sentence_start = starts[start]
        while i >= sentence_start and len(left) < 8:
            token = doc[i]
            other = self.selected.get(i)
            if token.lower_ in ("the", "a", "an") or token.is_punct or _is_person(other):
                break
            if not (token.tag_ == "POS" or token.pos_ in TITLE_POS or token.lower_ in ("of", "for")):
                break
            left.append(token)
            i -= 1
        root = doc[start:end].root
        appositive: list[Token] = []
        if root.dep_ == "appos" and not (start <= root.head.i < end):
            appositive = [t for t in root.head.subtree if not (start <= t.i < end) and t not in root.subtree]
        for child in root.children:
            if child.dep_ == "appos":
                appositive += list(child.subtree)
        return [t for t in (left + appositive) if starts[t.i] == sentence_start]

    def title_words(self, mention: _Candidate) -> frozenset[str]:
        """Lower-case words of a person's title in the text, plus the dictionary's titles."""
        if mention.start not in self._titles:
            words = {t.lower_ for t in self._title_tokens(mention.start, mention.end)}
            if not words & self.roles.title_words:
                words = set()
            for title in self.dictionary.titles(mention.actor.key):
                words.update(title.split())
            self._titles[mention.start] = frozenset(words)
        return self._titles[mention.start]

    def _country_in_title(self, start: int, end: int) -> str | None:
        tokens = self._title_tokens(start, end)
        if not any(t.lower_ in self.roles.title_words for t in tokens):
            return None
        for token in tokens:
            mention = self.selected.get(token.i)
            if mention is not None and mention.actor.type != "PERSON" and mention.actor.country:
                return mention.actor.country
            # names are resolved before selection settles, so also ask the dictionary directly
            known = self.dictionary.lookup(token.text)
            iso3 = self.dictionary.demonym_country(token.text) or (
                known.country if known is not None and known.type == "COUNTRY" else None)
            if iso3 and token.text[:1].isupper():
                return iso3
        return None

    # -- step 5: role nouns

    def role_candidates(self) -> list[_Candidate]:
        """Role nouns resolved within the document (see ``data/actors/roles.yaml``)."""
        matches = _longest_first(
            (self.doc.vocab.strings[m], s, e) for m, s, e in self.matchers.role_nouns(self.doc)
            if not any(i in self.selected for i in range(s, e)))
        contexts = [(label, start, end, *self._role_country(start, end)) for label, start, end in matches]
        junta_links = [(start, iso3) for label, start, _, iso3, _, _ in contexts
                       if iso3 and label.endswith("|junta")]
        counts = Counter(m.actor.country for m in self.mentions() if m.actor.type == "COUNTRY")
        dominant = _clear_leader(counts)
        found: list[_Candidate] = []
        for label, start, end, iso3, span_start, has_det in contexts:
            kind, _, detail = label.partition("|")
            if self._role_blocked(end, kind):
                continue
            actor: Actor | None = None
            owner = self._named_modifier(span_start)
            if kind in ("country", "forces") and owner is not None:
                actor = owner  # "the Wagner mercenary army", "NATO forces": that organisation's
            elif kind in ("country", "forces"):
                if kind == "forces" and detail == "dominant" and self._takes_power(self.doc[end - 1]):
                    detail = "junta"
                indefinite = span_start > 0 and self.doc[span_start - 1].lower_ in ("a", "an")
                if iso3 is None and (has_det or (indefinite and detail == "junta")):  # "a junta seized power"
                    iso3 = self._bare_country(detail, start, dominant, junta_links)
                if iso3 is not None:
                    actor = (self.dictionary.country(iso3) if kind == "country"
                             else self.dictionary.armed_forces(iso3))
            elif kind == "group" and (has_det or owner is not None or self.doc[end - 1].tag_ in ("NNS", "NNPS")):
                if owner is not None and owner.type == "IGO":
                    detail += ";type=IGO"  # "the UN mission": an international one
                actor = self._recent_group(start, detail)
            elif kind == "title" and has_det and not self._names_its_organisation(self.doc[end - 1]):
                actor = self._titled_person(start, end, iso3)
            elif kind == "counterpart" and iso3 is not None:
                actor = self._counterpart(start, iso3)
            if actor is not None:
                found.append(_Candidate(span_start, end, actor, "role"))
        return found

    def _role_blocked(self, end: int, kind: str) -> bool:
        """A role noun that modifies another noun or opens a name ("army chief", "Minister Lavrov"),
        or a title in apposition to a name ("Mali's president, Bah Ndaw,")."""
        last = self.doc[end - 1]
        following = self.doc[end] if end < len(self.doc) else None
        if last.dep_ == "compound" or (following is not None and following.pos_ == "PROPN"):
            return True
        related = [c for c in last.children if c.dep_ == "appos"]
        related += [last.head] if last.dep_ == "appos" else []
        return kind == "title" and any(_is_person(self.selected.get(t.i)) for t in related)

    def _role_country(self, start: int, end: int) -> tuple[str | None, int, bool]:
        """(country named in the phrase, where the phrase starts, whether a determiner opens it)."""
        doc = self.doc
        i = start - 1
        while i >= 0 and start - i <= 2 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i -= 1
        span_start = i + 1
        iso3: str | None = None
        if i >= 0 and self.country_at(i):
            iso3 = self.country_at(i)
            span_start = self.selected[i].start
        elif i >= 1 and doc[i].tag_ == "POS" and self.country_at(i - 1):
            iso3 = self.country_at(i - 1)
            span_start = self.selected[i - 1].start
        elif i >= 2 and doc[i].tag_ == "POS" and (iso3 := self._persons_country(i - 1)) is not None:
            span_start = i - 2  # "her country's troops"
        elif (iso3 := self._persons_country(end - 1)) is not None:
            span_start = start - 1  # "his country will leave"
            return iso3, span_start, True
        opener = i
        while opener >= 0 and doc[opener].dep_ == "compound" and opener in self.selected:
            opener -= 1  # "the UN mission": a named modifier between determiner and noun
        has_det = (opener >= 0 and doc[opener].lower_ in DETERMINERS) or iso3 is not None or (
            opener >= 1 and doc[opener].tag_ == "POS" and doc[opener - 1].lower_ in COUNTRY_NOUNS)
        if iso3 is None:
            iso3 = self._country_after(doc[end - 1])
        return iso3, span_start, has_det

    def _persons_country(self, i: int) -> str | None:
        """For "country" or "nation" after "his" or "her": the country of the last person named
        before it in the sentence ("Baerbock said her country's troops would leave")."""
        doc = self.doc
        if i < 1 or doc[i].lower_ not in COUNTRY_NOUNS or doc[i - 1].lower_ not in PERSONAL_POSSESSIVES:
            return None
        sentence_start = doc[i].sent.start
        people = [m for m in self.selected.values() if _is_person(m) and sentence_start <= m.start < i - 1]
        last = max(people, key=lambda m: m.start, default=None)
        return last.actor.country if last is not None else None

    def _named_modifier(self, span_start: int) -> Actor | None:
        """The organisation named right before a role phrase, perhaps across a noun modifier or two
        ("the Wagner mercenary army", "the EU training mission")."""
        i = span_start - 1
        while i >= 0 and span_start - i <= 2 and self.doc[i].is_lower and self.doc[i].dep_ == "compound":
            i -= 1
        mention = self.selected.get(i)
        if mention is None or mention.actor.type in ("COUNTRY", "PERSON"):
            return None
        return mention.actor if self.doc[i].dep_ in ("compound", "nmod", "amod") else None

    def _country_after(self, head: Token) -> str | None:
        """"the authorities of Mali", "the junta in Niger" -> the country of the object;
        "the junta led by Assimi Goïta" -> the leader's country."""
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and (iso3 := self.country_at(obj.i)):
                        return iso3
            if child.dep_ == "acl" and child.lemma_ == "lead":
                for agent in child.children:
                    leaders = [self.selected.get(o.i) for o in agent.children if agent.dep_ == "agent"]
                    if (leader := next((m for m in leaders if _is_person(m)), None)) and leader.actor.country:
                        return leader.actor.country
        return None

    def _names_its_organisation(self, head: Token) -> bool:
        """"the head of Wagner": the title belongs to whoever heads that body, not to a recent name."""
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights)

    def _bare_country(self, policy: str, start: int, dominant: str | None,
                      junta_links: list[tuple[int, str]]) -> str | None:
        if policy == "junta":
            before = [iso3 for pos, iso3 in junta_links if pos < start]
            if before:
                return before[-1]
            return _clear_leader(Counter(iso3 for _, iso3 in junta_links)) or self._leading_junta_country()
        return dominant if policy == "dominant" else None

    def _takes_power(self, noun: Token) -> bool:
        """Whether ``noun`` is the subject of a verb telling that it took power (``power_grabs``)."""
        if noun.dep_ != "nsubj":
            return False
        verb = noun.head
        if verb.lemma_ in self.roles.grab_verbs:
            return True
        below = [t for child in verb.children for t in (child, *child.children)]
        return verb.lemma_ in self.roles.grab_verbs_with_object and any(
            t.lemma_ in self.roles.grab_objects for t in below)

    def _leading_junta_country(self) -> str | None:
        """The most-named country among those the role data lists as (recently) ruled by juntas."""
        named: Counter[str | None] = Counter(m.actor.country for m in self.mentions()
                        if m.actor.type == "COUNTRY" and m.actor.country in self.roles.junta_countries)
        return _clear_leader(named)

    def _recent_group(self, start: int, detail: str) -> Actor | None:
        """The most recent actor of the type/tag named before ``start``, else the only one in the doc."""
        wanted = dict(condition.split("=", 1) for condition in detail.split(";"))

        def fits(actor: Actor) -> bool:
            return (wanted.get("type", actor.type) == actor.type
                    and ("tag" not in wanted or self.dictionary.has_tag(actor.key, wanted["tag"])))

        named = [m for m in self.mentions() if m.how != "role" and fits(m.actor)]
        defined = self._parenthesised_after(start)
        if defined is not None and fits(defined):
            return defined  # "the peacekeeping force in Mali (MINUSMA)"
        before = [m for m in named if m.end <= start]
        if before:
            return before[-1].actor
        distinct = {m.actor.key: m.actor for m in named}
        return next(iter(distinct.values())) if len(distinct) == 1 else None

    def _parenthesised_after(self, start: int) -> Actor | None:
        """The actor named in parentheses right after the phrase that starts at ``start``."""
        sentence = self.doc[start].sent
        for i in range(start + 1, min(sentence.end - 2, start + 8)):
            if self.doc[i].text == "(":
                inside = self.selected.get(i + 1)
                closed = inside is not None and inside.end < len(self.doc) and self.doc[inside.end].text == ")"
                return inside.actor if inside is not None and closed else None
        return None

    def _titled_person(self, start: int, end: int, iso3: str | None) -> Actor | None:
        """"the minister" -> the most recent person whose title holds all the role's words."""
        wanted = set(" ".join(t.lower_ for t in self.doc[start:end]).split())
        people = [m for m in self.mentions()
                  if m.actor.type == "PERSON" and m.end <= start and m.how != "pronoun"]
        for mention in reversed(people):
            if iso3 is not None and mention.actor.country != iso3:
                continue
            if wanted <= self.title_words(mention):
                return mention.actor
        return None

    def _counterpart(self, start: int, iso3: str) -> Actor | None:
        """"Putin and his Malian counterpart" -> the most recent person of that country who shares a
        title word with the nearest person of another country named before (abstains otherwise)."""
        people = [m for m in self.mentions()
                  if m.actor.type == "PERSON" and m.end <= start and m.how != "pronoun"]
        holder = next((m for m in reversed(people) if m.actor.country not in (None, iso3)), None)
        if holder is None:
            return None
        office = self.title_words(holder) & self.roles.title_words - {"of", "the"}
        for mention in reversed(people):
            if mention.actor.country == iso3 and office & self.title_words(mention):
                return mention.actor
        return None

    # -- step 6: pronouns as speakers

    def pronoun_candidates(self) -> list[_Candidate]:
        """"he"/"she" as speakers; "it"/"them" as objects ("called it a failure", "accused them")."""
        found: list[_Candidate] = []
        pronouns = string_ids(self.doc, _PRONOUN_WORDS)
        for i, lower in enumerate(token_ids(self.doc, "LOWER")):
            if lower not in pronouns or i in self.selected:
                continue
            token = self.doc[i]
            actor: Actor | None = None
            if (token.lower_ in PRONOUNS and token.dep_ == "nsubj"
                    and token.head.lemma_ in self.roles.speech_verbs):
                actor = self._antecedent(token)
            elif token.lower_ == "it" and token.dep_ in OBJECT_DEPS:
                actor = self._thing_antecedent(token)
            elif token.lower_ == "them" and token.dep_ in OBJECT_DEPS:
                actor = self._pair_antecedent(token)
            if actor is not None:
                found.append(_Candidate(token.i, token.i + 1, actor, "pronoun"))
        return found

    def _thing_antecedent(self, pronoun: Token) -> Actor | None:
        """The nearest organisation or country named earlier in the sentence, else the only one
        the previous sentence names."""
        sentence = pronoun.sent
        things = [m for m in self.mentions() if m.actor.type != "PERSON" and m.how != "pronoun"]
        here = [m for m in things if sentence.start <= m.start and m.end <= pronoun.i]
        if here:
            return here[-1].actor
        if sentence.start == 0:
            return None
        previous = self.doc[sentence.start - 1].sent
        named = {m.actor.key: m.actor for m in things if previous.start <= m.start < previous.end}
        return next(iter(named.values())) if len(named) == 1 else None

    def _pair_antecedent(self, pronoun: Token) -> Actor | None:
        """The first of the last two actors coordinated earlier in the sentence ("X and Y ... them")."""
        earlier = [m for m in self.mentions() if pronoun.sent.start <= m.start < pronoun.i and m.how != "pronoun"]
        for k in range(len(earlier) - 1, 0, -1):
            first, second = earlier[k - 1], earlier[k]
            one, two = self.doc[first.start:first.end].root, self.doc[second.start:second.end].root
            joined = any(t.lower_ in ("and", "or") for t in self.doc[first.end:second.start])
            coordinated = (two.dep_ == "conj" and two.head.i == one.i) or (
                one.head.i == two.head.i and one.dep_ == two.dep_)
            if joined and coordinated:
                return first.actor
        return None

    def _antecedent(self, pronoun: Token) -> Actor | None:
        """The person of the nearest sentence (up to three back) that names exactly one, or one subject."""
        sentences = sentence_bounds(self.doc)
        here = next(k for k, (start, end, _, _) in enumerate(sentences) if start <= pronoun.i < end)
        people = [m for m in self.mentions() if m.actor.type == "PERSON"]
        for start, end, _, _ in reversed(sentences[max(0, here - 3):here + 1]):
            inside = [m for m in people if start <= m.start < min(end, pronoun.i)]
            distinct = {m.actor.key: m.actor for m in inside}
            if len(distinct) == 1:
                return next(iter(distinct.values()))
            if len(distinct) > 1:
                subjects = {m.actor.key: m.actor for m in inside if _is_subject(self.doc[m.start:m.end].root)}
                return next(iter(subjects.values())) if len(subjects) == 1 else None
        return None


def _is_subject(token: Token) -> bool:
    """A subject, or a conjunct of one ("Macron and Scholz met")."""
    subject = ("nsubj", "nsubjpass")
    return token.dep_ in subject or (token.dep_ == "conj" and token.head.dep_ in subject)


def _is_person(mention: _Candidate | None) -> bool:
    return mention is not None and mention.actor.type == "PERSON"


def _cut_by_role(start: int, end: int, roles: Iterable[tuple[int, int]]) -> bool:
    """A name whose last words open a longer role noun: "Malian military" in "the Malian military
    government" is the government, not the army (the demonym alone still names the country)."""
    return any(start < role_start < end < role_end for role_start, role_end in roles)


def _looks_like_acronym(text: str) -> bool:
    capitals = sum(c.isupper() or c.isdigit() for c in text)
    return bool(_ACRONYM.match(text)) and capitals >= 2


def _longest_first(matches: Iterable[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Non-overlapping matches, preferring the longest, in document order."""
    taken: set[int] = set()
    kept: list[tuple[str, int, int]] = []
    for label, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if not taken.intersection(range(start, end)):
            taken.update(range(start, end))
            kept.append((label, start, end))
    return sorted(kept, key=lambda m: m[1])


def _clear_leader(counts: Counter[str | None]) -> str | None:
    """The most frequent value if it leads the runner-up (and is seen at least twice if alone)."""
    ranked = [(value, n) for value, n in counts.most_common(2) if value is not None]
    if not ranked:
        return None
    if len(ranked) == 1:
        return ranked[0][0] if ranked[0][1] >= 2 else None
    return ranked[0][0] if ranked[0][1] > ranked[1][1] else None


def find_actor_mentions(doc: Doc, matchers: ActorMatchers) -> list[ActorMention]:
    """Every actor mention in ``doc``, sorted, with clean-text character offsets."""
    state = _Resolution(doc, matchers)
    deferred: list[_Unresolved] = []
    named = state.acronym_candidates() + state.dictionary_candidates(deferred)
    resolved, unknown = state.entity_candidates(deferred)
    state.select(named + resolved)
    state.select(state.surname_candidates(deferred, unknown))
    state.select(unknown, absorb_countries=True)
    state.select(state.role_candidates(), absorb_countries=True)
    state.select(state.pronoun_candidates())
    return [
        ActorMention(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text),
                     doc[c.start:c.end].text, c.actor, c.how)
        for c in state.mentions()
    ]


def index_mentions(doc: Doc, mentions: Iterable[ActorMention]) -> dict[int, ActorMention]:
    """Token index -> the mention covering that token."""
    index: dict[int, ActorMention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            index.update(dict.fromkeys(range(span.start, span.end), mention))
    return index


def actor_for_span(span: Span) -> Actor | None:
    """The actor a phrase stands for (e.g. a subject's subtree).

    The mention covering the phrase's head, else a name in apposition to the head, else the person
    a title heads, else the first mention in it that is not inside a prepositional modifier other
    than "of" ("the withdrawal of British troops" -> United Kingdom, but not "talks with Russia").
    """
    index: dict[int, ActorMention] = span.doc._.actor_index or {}
    if span.root.i in index:
        return index[span.root.i].actor
    named = [index[c.i] for c in span.root.children if c.dep_ == "appos" and c.i in index and c in span]
    if named:
        return named[0].actor  # "the Russian mercenary group Wagner"
    if span.root.lower_ in load_roles().title_words:
        # "Secretary General of the UN António Guterres": a title heads the phrase, the person is meant
        person = next((m.actor for t in span if (m := index.get(t.i)) and m.actor.type == "PERSON"), None)
        if person is not None:
            return person
    for token in span:
        mention = index.get(token.i)
        if mention is not None and not _under_preposition(token, span.root) and not _names_a_place(token, mention):
            return mention.actor
    return None


def _names_a_place(token: Token, mention: ActorMention) -> bool:
    """A capital that modifies a noun names where, not who: "the 2015 Algiers peace agreement",
    "the Doha talks" (but "Moscow's envoy" and "the Kremlin's offer" are the state's)."""
    return token.dep_ == "compound" and normalise(mention.text) in _capitals()


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Normalised names of the capitals listed in actors/countries.yaml."""
    return frozenset(normalise(facts["capital"]) for facts in _read_yaml(COUNTRIES_FILE).values()
                     if facts.get("capital"))


def _under_preposition(token: Token, root: Token) -> bool:
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ in ("prep", "agent") and current.lower_ != "of":
            return True
        current = current.head
    return False


# --------------------------------------------------------------------------- spaCy component


class ActorComponent:
    """Writes ``doc._.actor_mentions`` and ``doc._.actor_index``."""

    def __init__(self, matchers: ActorMatchers) -> None:
        self.matchers = matchers

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_actor_mentions(doc, self.matchers)
        doc._.actor_mentions = mentions
        doc._.actor_index = index_mentions(doc, mentions)
        return doc


@Language.factory(
    "hornbill_actors",
    default_config={"extra_actors": None},
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.actor_mentions", "doc._.actor_index"],
)
def make_actors(nlp: Language, name: str, extra_actors: str | None) -> ActorComponent:
    dictionary = ActorDictionary.load(Path(extra_actors) if extra_actors else None)
    return ActorComponent(ActorMatchers.build(nlp, dictionary, load_roles()))
