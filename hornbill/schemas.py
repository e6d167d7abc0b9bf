"""The shape of every data file under ``hornbill/data``, checked when the file is loaded.

Each file has one schema in :data:`SCHEMAS`, written with the few constructors below
(``Record`` for a mapping with known keys, ``Table`` for a mapping of any keys, ``ListOf``,
``Words``, scalars). :func:`load_data` reads a file and checks it; a file that does not fit
raises :class:`~hornbill.errors.ConfigError` naming the file and the entry at fault::

    hornbill/data/timex.yaml: months.may: expected an integer, found 'five'

``plover.yaml`` and ``actors.yaml`` are checked entry by entry by their own loaders
(:mod:`hornbill.events.lexicon`, :mod:`hornbill.actors.dictionary`), which know what a pattern
or an actor must hold; their schemas here check the sections around the entries.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hornbill.errors import ConfigError
from hornbill.model import EVENT_TYPES

DATA_DIR = Path(__file__).parent / "data"


class Spec:
    """What one value of a data file must be."""

    def problems(self, value: Any, where: str) -> Iterator[str]:
        raise NotImplementedError


@dataclass(frozen=True)
class Scalar(Spec):
    """A string, integer, number or flag (``kind``); an integer is a number, a flag is neither."""

    kind: str
    nullable: bool = False

    def problems(self, value: Any, where: str) -> Iterator[str]:
        if value is None and self.nullable:
            return
        if not _is_kind(value, self.kind):
            yield f"{where}: expected {_NAMES[self.kind]}, found {value!r}"


_NAMES = {"text": "a string", "int": "an integer", "number": "a number", "flag": "true or false", "word": "a word"}


def _is_kind(value: Any, kind: str) -> bool:
    if kind == "text":
        return isinstance(value, str)
    if kind == "word":
        return isinstance(value, str) and bool(value.strip())
    if kind == "flag":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    return isinstance(value, int) if kind == "int" else isinstance(value, (int, float))


TEXT, WORD, INT, NUMBER, FLAG = Scalar("text"), Scalar("word"), Scalar("int"), Scalar("number"), Scalar("flag")


@dataclass(frozen=True)
class Choice(Spec):
    """One of a few values."""

    values: tuple[Any, ...]

    def problems(self, value: Any, where: str) -> Iterator[str]:
        if value not in self.values:
            yield f"{where}: {value!r} is not one of {', '.join(repr(v) for v in self.values)}"


@dataclass(frozen=True)
class Regex(Spec):
    """A Python regular expression."""

    def problems(self, value: Any, where: str) -> Iterator[str]:
        if not isinstance(value, str):
            yield f"{where}: expected a regular expression, found {value!r}"
            return
        try:
            re.compile(value)
        except re.error as exc:
            yield f"{where}: bad regular expression {value!r}: {exc}"


@dataclass(frozen=True)
class Matching(Spec):
    """A string in the shape of ``pattern`` (a code, an id)."""

    pattern: str
    shape: str

    def problems(self, value: Any, where: str) -> Iterator[str]:
        if not (isinstance(value, str) and re.fullmatch(self.pattern, value)):
            yield f"{where}: expected {self.shape}, found {value!r}"


@dataclass(frozen=True)
class ListOf(Spec):
    """A list whose every item fits ``item`` (a YAML ``[a, b]`` or ``- a`` list)."""

    item: Spec

    def problems(self, value: Any, where: str) -> Iterator[str]:
        if not isinstance(value, list):
            yield f"{where}: expected a list, found {value!r}"
            return
        for i, item in enumerate(value):
            yield from self.item.problems(item, f"{where}[{i}]")


@dataclass(frozen=True)
class Pair(Spec):
    """A two-item list: ``[W, 2]``."""

    first: Spec
    second: Spec

    def problems(self, value: Any, where: str) -> Iterator[str]:
        if not isinstance(value, list) or len(value) != 2:
            yield f"{where}: expected a pair [a, b], found {value!r}"
            return
        yield from self.first.problems(value[0], f"{where}[0]")
        yield from self.second.problems(value[1], f"{where}[1]")


def Words() -> ListOf:
    """A list of words or phrases."""
    return ListOf(WORD)


@dataclass(frozen=True)
class Table(Spec):
    """A mapping of any string keys to values that fit ``value``."""

    value: Spec

    def problems(self, value: Any, where: str) -> Iterator[str]:
        if not isinstance(value, Mapping):
            yield f"{where}: expected a mapping, found {value!r}"
            return
        for key, item in value.items():
            if not isinstance(key, str):  # e.g. a bare `on:` or `no:`, which YAML reads as a boolean
                yield f"{where}: key {key!r} is not a string (quote it)"
            yield from self.value.problems(item, _join(where, str(key)))


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with known keys: every key of ``required`` must be there, others may be from ``optional``."""

    required: Mapping[str, Spec]
    optional: Mapping[str, Spec] = field(default_factory=dict)

    def problems(self, value: Any, where: str) -> Iterator[str]:
        if not isinstance(value, Mapping):
            yield f"{where or 'top level'}: expected a mapping, found {value!r}"
            return
        for key in self.required:
            if key not in value:
                yield f"{_join(where, key)}: missing"
        for key, item in value.items():
            spec = self.required.get(key) or self.optional.get(key)
            if spec is None:
                yield f"{_join(where, str(key))}: unknown key"
            else:
                yield from spec.problems(item, _join(where, str(key)))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def check(data: dict[str, Any], spec: Spec, path: Path | str) -> dict[str, Any]:
    """``data`` as it is when it fits ``spec``; else :class:`ConfigError` naming ``path`` and every entry at fault."""
    problems = list(spec.problems(data, ""))
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return data


def read_json(path: Path) -> Any:
    """The JSON at ``path``; :class:`ConfigError` when it is not JSON."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: not valid JSON: {exc}") from exc


def load_json_data(name: str) -> dict[str, Any]:
    """The JSON data file ``hornbill/data/<name>``, checked against its schema in :data:`SCHEMAS`."""
    path = DATA_DIR / name
    data = read_json(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    spec = SCHEMAS[name]
    return check(data, spec, path) if spec is not None else data


def open_sqlite_data(name: str) -> sqlite3.Connection:
    """The SQLite data file ``hornbill/data/<name>``, opened read-only, once its tables are checked
    to be the STRICT tables of :data:`SQLITE_SCHEMAS` (SQLite checked every value's type when the
    file was written); :class:`ConfigError` naming the file and the table otherwise."""
    path = DATA_DIR / name
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        tables = {row[1]: bool(row[5]) for row in con.execute("PRAGMA table_list") if row[0] == "main"}
        problems = []
        for table, columns in SQLITE_SCHEMAS[name].items():
            found = {row[1]: row[2] for row in con.execute(f"PRAGMA table_info({table})")}
            if found != columns:
                problems.append(f"{table}: expected columns {columns}, found {found or 'no table'}")
            elif not tables.get(table):
                problems.append(f"{table}: not a STRICT table")
    except sqlite3.Error as exc:
        raise ConfigError(f"{path}: not a readable SQLite file: {exc}") from exc
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return con


def read_yaml(path: Path, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> Any:
    """The YAML at ``path``; :class:`ConfigError` when it is not YAML at all."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {yaml_problem(exc)}") from exc


def yaml_problem(exc: yaml.YAMLError) -> str:
    """What is wrong and where, on one line: "line 3, column 4: expected <block end> ..."."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    return where + " ".join(str(problem).split())


def load_data(name: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> dict[str, Any]:
    """The data file ``hornbill/data/<name>``, checked against its schema in :data:`SCHEMAS`."""
    return read_mapping(DATA_DIR / name, loader)


def read_mapping(path: Path, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> dict[str, Any]:
    """The YAML mapping at ``path``, checked against the schema of the data file it is (any other
    file, such as a user's actor file, must be a mapping; its loader checks its entries)."""
    data = read_yaml(path, loader) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    spec = SCHEMAS.get(_data_name(path))
    return check(data, spec, path) if spec is not None else data


def _data_name(path: Path) -> str:
    """``path`` relative to ``hornbill/data`` ("actors/roles.yaml"); "" for a file elsewhere."""
    try:
        return path.resolve().relative_to(DATA_DIR.resolve()).as_posix()
    except ValueError:
        return ""


# ---------------------------------------------------------------------------- the schemas

_WORD_TABLE = Table(WORD)
_INT_TABLE = Table(INT)

TIMEX = Record({
    "months": _INT_TABLE, "weekdays": _INT_TABLE, "numbers": _INT_TABLE, "vague_numbers": Words(),
    "typical_vague_count": INT, "units": Table(Pair(WORD, INT)), "quarters": _INT_TABLE, "seasons": _WORD_TABLE,
    "parts_of_day": Words(), "day_words": _INT_TABLE, "references": _WORD_TABLE,
    "signals": Table(Scalar("word", nullable=True)), "period_modifiers": _WORD_TABLE, "past_pointing": Words(),
    "duration_modifiers": _WORD_TABLE, "future_verbs": Words(), "scheduling_verbs": Words(),
    "reporting_verbs": Words(),
    "prospective_nouns": Words(), "sequence_prepositions": Words(), "background_prepositions": Words(),
    "steps": _INT_TABLE, "grammar": Table(Words()),
})

LINK = Record({"lasting_types": Words(), "lookback_years": INT, "office_words": Words(),
               "report_reach_days": INT, "lasting_reach_days": INT}, {"moded_types": Words()})

MEASURES = Record({"tolerance": NUMBER, "hedges": Record({"about": NUMBER}), "same_time_days": NUMBER,
                   "measures": Table(Words())})

CLAIMS = Record({
    "qualifiers": _WORD_TABLE, "number_words": _INT_TABLE, "scales": _INT_TABLE, "currency_symbols": _WORD_TABLE,
    "currency_words": _WORD_TABLE, "periods": _WORD_TABLE, "percent_words": Words(), "counted_nouns": _WORD_TABLE,
    "anchor_nouns": _WORD_TABLE, "outcome_verbs": _WORD_TABLE, "money_topics": _WORD_TABLE,
    "source_verbs": Words(), "place_prepositions": Words(),
})

QUOTES = Record({
    "speech_verbs": Words(), "quoting_verbs": Words(), "relaying_verbs": Words(), "according_to": ListOf(Words()),
    "personal_pronouns": Words(), "singular_group_pronouns": Words(), "plural_group_pronouns": Words(),
    "role_nouns": Words(), "document_nouns": Words(), "group_nouns": Words(), "government_nouns": Words(),
    "opening_marks": Words(), "closing_marks": Words(), "straight_marks": Words(), "max_quote_chars": INT,
    "min_words": INT,
})

_FURNITURE = Record({"reason": WORD}, {
    "max_words": INT, "lines": Words(), "prefixes": Words(), "contains": Words(), "patterns": ListOf(Regex()),
    "unpunctuated": FLAG,
})
BOILERPLATE = Record({
    "furniture": ListOf(_FURNITURE), "glued_credit_labels": Words(),
    "tail_markers": Record({}, {"lines": Words(), "patterns": ListOf(Regex())}), "menu_max_words": INT,
    "verb_hints": Words(),
})

_COUNTRY = Record({}, {"name": WORD, "capital": WORD, "demonyms": Words(), "aliases": Words(), "wikidata": WORD})
COUNTRIES = Table(_COUNTRY)

REGIONS = Record({
    "names": Table(Record({"same_as": TEXT, "country": WORD})),
    "places": Table(Record({"country": WORD, "kind": Choice(("region", "place")), "lat": NUMBER, "lon": NUMBER},
                           {"aliases": Words()})),
})

_ROLE_GROUP = Record({"nouns": Words()}, {"bare": Choice(("dominant", "junta", "none")), "type": WORD, "tag": WORD})
ROLES = Record({}, {
    "country_roles": ListOf(_ROLE_GROUP), "forces_roles": ListOf(_ROLE_GROUP), "group_roles": ListOf(_ROLE_GROUP),
    "person_titles": Words(), "counterpart_nouns": Words(), "honorifics": Words(), "non_state_marks": Words(),
    "past_holder_marks": Words(),
    "speech_verbs": Words(),
    "junta_countries": Words(),
    "power_grabs": Record({}, {"verbs": Words(), "verbs_with_object": Words(), "objects": Words()}),
    "org_types": Table(Words()),
})

_SECTOR = Record({}, {"type": Choice(("COUNTRY", "GOV", "MIL", "IGO", "PERSON", "REB", "PMC", "ORG")),
                      "state": FLAG, "forces": FLAG})
AGENTS = Record({"agents": Table(Matching(r"[A-Z]{3}", "a three-letter sector code"))},
                {"sectors": Table(_SECTOR), "units": Words(), "members": Words()})

_CAMEO_CODING = {"lemma": WORD, "code": Matching(r"\d{2,4}", "a CAMEO code"), "block": WORD}
_CAMEO_EVENT = {**_CAMEO_CODING, "type": Choice(EVENT_TYPES), "mode": Scalar("word", nullable=True)}
CAMEO_VERBS = Record({
    "strength": NUMBER,
    "verbs": ListOf(Record(_CAMEO_EVENT, {"particle": WORD, "preposition": WORD, "recipient": Words()})),
    "objects": ListOf(Record({**_CAMEO_EVENT, "object": WORD}, {"recipient": Words()})),
    "non_events": ListOf(Record({**_CAMEO_CODING, "object": WORD, "code": Matching(r"\d{2,4}|---", "a CAMEO code")})),
})

LEMMAS = Table(Words())

WORLD = Record({"source": TEXT, "countries": Table(ListOf(ListOf(Pair(NUMBER, NUMBER))))})

#: The tables and column types of each SQLite data file (the gazetteer, written by scripts/gazetteer.py).
SQLITE_SCHEMAS: dict[str, dict[str, dict[str, str]]] = {"gazetteer.sqlite": {
    "meta": {"key": "TEXT", "value": "TEXT"},
    "entries": {"id": "INTEGER", "kind": "TEXT", "name": "TEXT", "country": "TEXT", "admin1": "TEXT",
                "lat": "REAL", "lon": "REAL", "population": "INTEGER", "geonames_id": "INTEGER"},
    "names": {"key": "TEXT", "entry": "INTEGER"},
}}

#: The schema of each data file, by its path under ``hornbill/data``. The entries of
#: ``actors.yaml`` (and of a user's actor file) and the patterns and per-type tables of
#: ``plover.yaml`` are checked by their loaders, which know what each entry must hold
#: (:func:`hornbill.actors.dictionary.validate_entry`, :func:`hornbill.events.lexicon.load_lexicon`).
SCHEMAS: dict[str, Spec | None] = {
    "timex.yaml": TIMEX,
    "link.yaml": LINK,
    "measures.yaml": MEASURES,
    "claims.yaml": CLAIMS,
    "quotes.yaml": QUOTES,
    "boilerplate.yaml": BOILERPLATE,
    "actors/countries.yaml": COUNTRIES,
    "regions.yaml": REGIONS,
    "actors/roles.yaml": ROLES,
    "actors/agents.yaml": AGENTS,
    "actors.yaml": None,
    "plover.yaml": None,
    "cameo_verbs.yaml": CAMEO_VERBS,
    "lemmas.yaml": LEMMAS,
    "world.json": WORLD,
}
