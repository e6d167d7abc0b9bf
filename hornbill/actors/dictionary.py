"""The actor dictionary and the role words: what the actor stage knows before it reads a document.

Canonical actors with every name they go by live in ``data/actors.yaml`` plus
``data/actors/countries.yaml`` (pycountry supplies the countries); a user file may add actors or
refine shipped ones (:meth:`ActorDictionary.load`). Role nouns, titles and related word lists live
in ``data/actors/roles.yaml`` (:func:`load_roles`). Nothing here needs spaCy, so the store and the
web layer can look actors up without loading a language pipeline. A malformed file raises
:class:`~hornbill.errors.ConfigError` naming the file and the entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from rapidfuzz import fuzz, process

from hornbill.errors import ConfigError
from hornbill.model import Actor
from hornbill.schemas import read_mapping

DATA_DIR = Path(__file__).parents[1] / "data"
ACTORS_FILE = DATA_DIR / "actors.yaml"
COUNTRIES_FILE = DATA_DIR / "actors" / "countries.yaml"
ROLES_FILE = DATA_DIR / "actors" / "roles.yaml"

ACTOR_TYPES = frozenset({"COUNTRY", "GOV", "MIL", "IGO", "PERSON", "REB", "PMC", "ORG"})
ACTOR_TAGS = frozenset({"mission", "national_forces"})
ENTRY_FIELDS = frozenset({"key", "name", "type", "country", "aliases", "titles", "tags", "wikidata", "part_of",
                          "sector"})
#: The sector of a dictionary actor that names none: a state is coded as its government, a private
#: military company with the armed forces; people and organisations have none unless the entry says.
TYPE_SECTORS = {"COUNTRY": "GOV", "GOV": "GOV", "MIL": "MIL", "IGO": "IGO", "REB": "REB", "PMC": "MIL"}
FUZZY_MIN_LENGTH = 6
FUZZY_MIN_SCORE = 88.0
_FUZZY_MEMO_SIZE = 50_000  # names whose fuzzy match is remembered (then the memo starts again)
ACRONYM_MAX_LENGTH = 5  # all-capital aliases this short only match text written in capitals
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
    synthetic: bool = False  # made by hornbill for every country (national forces), not from a data file


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
        sector=raw.get("sector") or TYPE_SECTORS.get(str(raw["type"])),
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
    raw.update({k: v for k, v in (("country", actor.country), ("wikidata", actor.wikidata), ("part_of", entry.part_of),
                                  ("sector", actor.sector)) if v is not None})
    return raw


def _demonym_plurals(demonym: str) -> list[str]:
    """``Malian`` -> ``Malians``; ``French`` has no plural people-noun of this shape."""
    return [demonym + "s"] if demonym[-1] in "ni" else []


def _display_name(country: Any, facts: Mapping[str, Any]) -> str:
    """A country's name as news writes it: the facts file's, else pycountry's common, else its name."""
    return str(facts.get("name") or getattr(country, "common_name", None) or country.name)


@lru_cache(maxsize=1)
def _country_facts() -> dict[str, Any]:
    return _read_yaml(COUNTRIES_FILE)


def country_name(iso3: str) -> str | None:
    """The display name of the country with ISO 3166-1 alpha-3 code ``iso3`` (the name of its actor)."""
    country = pycountry.countries.get(alpha_3=iso3)
    return _display_name(country, _country_facts().get(iso3, {})) if country is not None else None


def country_entries(facts: Mapping[str, Mapping[str, Any]]) -> tuple[list[DictionaryEntry], dict[str, str]]:
    """One COUNTRY entry per pycountry country, plus a demonym -> ISO3 map, from ``facts``."""
    entries: list[DictionaryEntry] = []
    demonyms: dict[str, str] = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        extra = facts.get(iso3, {})
        name = _display_name(country, extra)
        names = [country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)]
        aliases = [a for a in [*names, extra.get("capital"), *extra.get("aliases", [])] if a and a != name]
        raw = {"key": f"country:{iso3}", "name": name, "type": "COUNTRY", "country": iso3,
               "aliases": list(dict.fromkeys(aliases)), "wikidata": extra.get("wikidata")}
        entries.append(_entry_from_raw(raw))
        for demonym in extra.get("demonyms", []):
            for form in [demonym, *_demonym_plurals(demonym)]:
                demonyms[normalise(form)] = iso3
    return entries, demonyms


def national_forces(entries: Iterable[DictionaryEntry], demonyms: Mapping[str, str],
                    covered: set[str | None]) -> list[DictionaryEntry]:
    """An armed forces actor for every country the dictionary gives none ("Kenyan Armed Forces",
    key ``forces:KEN``), tagged ``national_forces`` so that linking knows it is part of its state.
    Their names are not matched in text (the role nouns "army", "military" find them)."""
    first_demonym: dict[str, str] = {}
    for word, iso3 in demonyms.items():
        first_demonym.setdefault(iso3, word)
    made: list[DictionaryEntry] = []
    for entry in list(entries):
        country = entry.actor.country
        if entry.actor.type != "COUNTRY" or country is None or country in covered:
            continue
        demonym = first_demonym.get(country)
        owner = demonym.title() if demonym and not demonym.endswith("s") else entry.actor.name
        actor = Actor(f"forces:{country}", f"{owner} Armed Forces", "MIL", country, sector="MIL")
        made.append(DictionaryEntry(actor, tags=frozenset({"national_forces"}), synthetic=True))
    return made


def _read_yaml(path: Path) -> dict[str, Any]:
    return read_mapping(path)


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
        #: declared ambiguous aliases and the actors they may name (:meth:`in_context`)
        self._ambiguous = {a: frozenset(ks) for a, ks in keys_by_alias.items() if a in self.declared_ambiguous}
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
        for entry in national_forces(self.entries.values(), self.demonyms, set(self._forces)):
            self.entries[entry.actor.key] = entry
            self._forces[str(entry.actor.country)] = entry.actor

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
                    raise ConfigError(f"{path}: entry without a key: {raw!r}")
                key = str(raw["key"])
                raws[key] = _merge_raw(raws[key], raw) if key in raws else dict(raw)
                touched.append(key)
            errors = [e for key in touched for e in validate_entry(raws[key])]
            if errors:
                raise ConfigError(f"{path}: " + "; ".join(errors))
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

    def in_context(self, name: str, countries: Mapping[str | None, int]) -> Actor | None:
        """The actor an ambiguous ``name`` names in a document whose other actors belong to
        ``countries`` (country -> how many mentions): the one of the country mentioned most, when
        exactly one fits best ("Congo" beside M23 and Goma is the DRC); None when none or a tie."""
        keys = self._ambiguous.get(normalise(name), frozenset())
        scored = sorted(((countries.get(self.entries[k].actor.country or "", 0), k) for k in keys), reverse=True)
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return self.entries[scored[0][1]].actor

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
        entry (FAMa for Mali), else the forces made for every country ("Kenyan Armed Forces"). At
        home they act as themselves (a coup, a crackdown); the event stage codes forces acting abroad
        as their state ("the German army withdrew from Mali" is Germany's withdrawal)."""
        return self._forces.get(iso3) or self.country(iso3)

    def titles(self, key: str) -> tuple[str, ...]:
        entry = self.entries.get(key)
        return entry.titles if entry is not None else ()

    def is_synthetic(self, key: str) -> bool:
        """Whether hornbill made the actor for every country (national forces), not a data file."""
        entry = self.entries.get(key)
        return entry is not None and entry.synthetic

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


@lru_cache(maxsize=1)
def capital_names() -> frozenset[str]:
    """Normalised names of the capitals listed in actors/countries.yaml."""
    return frozenset(normalise(facts["capital"]) for facts in _read_yaml(COUNTRIES_FILE).values()
                     if facts.get("capital"))


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
    non_state_marks: frozenset[str]  # modifiers that make a government or force no state's
    past_holder_marks: frozenset[str]  # modifiers that make an office phrase a past holder, no state body
    speech_verbs: frozenset[str]
    junta_countries: frozenset[str]
    grab_verbs: frozenset[str]  # power_grabs: verbs alone, then verbs that need an object word
    grab_verbs_with_object: frozenset[str]
    grab_objects: frozenset[str]
    org_types: Mapping[str, frozenset[str]]  # actor type -> words that mark an organisation as such

    def no_state_mark(self, words: Iterable[str]) -> str | None:
        """The first of ``words`` (lower-cased) that marks a government or force as no state's
        ("separatist", "rebel"), if any."""
        return next((word for word in words if word in self.non_state_marks), None)

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
    """The role words of ``roles.yaml``, read once per path."""
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
        non_state_marks=frozenset(data.get("non_state_marks", [])),
        past_holder_marks=frozenset(data.get("past_holder_marks", [])),
        speech_verbs=frozenset(data.get("speech_verbs", [])),
        junta_countries=frozenset(data.get("junta_countries", [])),
        grab_verbs=frozenset(data.get("power_grabs", {}).get("verbs", [])),
        grab_verbs_with_object=frozenset(data.get("power_grabs", {}).get("verbs_with_object", [])),
        grab_objects=frozenset(data.get("power_grabs", {}).get("objects", [])),
        org_types={kind: frozenset(words) for kind, words in data.get("org_types", {}).items()},
    )
