"""The offline gazetteer: countries, first-level administrative areas (admin1) and populated places of
GeoNames, shipped as ``data/gazetteer.sqlite`` (derived by ``scripts/gazetteer.py``; no network).

:meth:`Gazetteer.resolve` turns a place name into a :class:`~hornbill.model.Location`. A name that is
a country's is the country; otherwise its admin1 areas and places compete, ambiguity resolved by the
countries the article is about (a weight per country) and by population ("Paris" in a French story
is the French capital; "Paris, Texas" names its own state).
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from hornbill.actors.dictionary import country_name, normalise
from hornbill.model import Location, LocationBasis, LocationPrecision
from hornbill.schemas import load_data, open_sqlite_data

#: Words after a name that make it an admin area ("the Odesa region"), not the town of that name.
ADMIN_WORDS = frozenset({"region", "province", "state", "governorate", "oblast", "department", "prefecture",
                         "district", "county"})
#: A place of this many people counts as much as one mention of the article's country.
POPULATION_SCALE = 1_000_000
#: A town smaller than this, in a country the article never names, is taken for a misreading.
STRANGER_POPULATION = 100_000


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry: a country, an admin1 area or a place."""

    kind: str  # country | admin1 | place
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonames_id: int | None

    def location(self, basis: LocationBasis, name: str | None = None) -> Location:
        precision: LocationPrecision = "place"
        if self.kind in ("country", "admin1"):
            precision = "country" if self.kind == "country" else "admin1"
        return Location(name or self.name, self.country, admin1=self.admin1, lat=self.lat, lon=self.lon,
                        precision=precision, basis=basis, geonames_id=self.geonames_id)


def key(name: str) -> str:
    """The lookup form of a name: no article, no diacritics, lower case, single spaces."""
    text = normalise(name).replace("’", "'").strip(" .,'")
    for article in ("the ", "al-", "el-"):
        if text.startswith(article) and len(text) > len(article) + 2:
            text = text[len(article):]
    return " ".join(text.replace("-", " ").split())


#: The tables of ``data/gazetteer.sqlite`` (STRICT: SQLite checks each value's type on write);
#: :mod:`hornbill.schemas` checks a shipped file has exactly these columns.
SQLITE_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE entries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('country', 'admin1', 'place')),
    name TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL, geonames_id INTEGER) STRICT;
CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL REFERENCES entries (id),
    PRIMARY KEY (key, entry)) STRICT, WITHOUT ROWID;
"""
ENTRY_COLUMNS = "kind, name, country, admin1, lat, lon, population, geonames_id"


class Gazetteer:
    """Name lookups over the shipped GeoNames extract (one indexed query each; nothing loaded up front
    but the countries)."""

    def __init__(self, con: sqlite3.Connection | None) -> None:
        self.con = con
        rows = con.execute(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE kind = 'country'").fetchall() if con else []
        self.countries: dict[str, Entry] = {row[2]: Entry(*row) for row in rows}

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Gazetteer:
        """The shipped gazetteer, opened once per process; an empty one when ``HORNBILL_GAZETTEER=off``
        (the baseline of ``bench/geo.py``: events are then placed only by names the text gives)."""
        if os.environ.get("HORNBILL_GAZETTEER", "").lower() == "off":
            return cls(None)
        return cls(open_sqlite_data("gazetteer.sqlite"))

    def country(self, iso3: str | None) -> Entry | None:
        return self.countries.get(iso3) if iso3 else None

    @lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per process, never freed
    def lookup(self, name: str) -> tuple[Entry, ...]:
        """The entries a name may mean: the extract's, and those ``data/regions.yaml`` adds (an English
        name for one of the extract's entries, or a region the extract lacks)."""
        if self.con is None:
            return ()
        name_key = key(name)
        found = self._extract_entries(name_key)
        same_as = english_names().get(name_key)
        if same_as is not None:
            found += tuple(e for e in self._extract_entries(key(same_as[0])) if e.country == same_as[1])
        return found + added_places().get(name_key, ())

    def _extract_entries(self, name_key: str) -> tuple[Entry, ...]:
        assert self.con is not None
        rows = self.con.execute(f"SELECT {ENTRY_COLUMNS} FROM names JOIN entries ON entries.id = names.entry "
                                "WHERE names.key = ? ORDER BY entries.id", [name_key]).fetchall()
        return tuple(Entry(*row) for row in rows)

    def resolve(self, name: str, basis: LocationBasis, weights: Mapping[str, float] | None = None,
                within: str | None = None, admin: bool = False) -> Location | None:
        """The place ``name`` most likely names: a country of that name; else the admin1 area or place
        that scores best on the article's country ``weights`` and population. ``within`` (a country
        or admin1 name written after it, "Paris, Texas") keeps only entries inside it; ``admin`` (the
        text says "region", "province") prefers an admin1 area."""
        entries = list(self.lookup(name))
        if within:
            entries = [e for e in entries if _inside(e, within, self)] or entries
        countries = [e for e in entries if e.kind == "country"]
        if countries:
            return countries[0].location(basis, countries[0].name)
        if not entries:
            return None
        best = max(entries, key=lambda e: _score(e, weights or {}, admin))
        if within is None and _stranger(best, weights or {}):
            return None
        return best.location(basis, as_written(name, best.name))


@lru_cache(maxsize=1)
def english_names() -> dict[str, tuple[str, str]]:
    """Lookup key of an English name -> (the extract's name for the place, its country), from
    ``data/regions.yaml``."""
    names = load_data("regions.yaml")["names"]
    return {key(name): (fact["same_as"], fact["country"]) for name, fact in names.items()}


@lru_cache(maxsize=1)
def added_places() -> dict[str, tuple[Entry, ...]]:
    """Lookup key -> the regions and towns ``data/regions.yaml`` adds to the extract, by name and alias."""
    found: dict[str, tuple[Entry, ...]] = {}
    for name, fact in load_data("regions.yaml")["places"].items():
        kind = "admin1" if fact["kind"] == "region" else "place"
        entry = Entry(kind, name, fact["country"], None, float(fact["lat"]), float(fact["lon"]), 0, None)
        for form in {key(name), *(key(alias) for alias in fact.get("aliases", []))}:
            found[form] = (*found.get(form, ()), entry)
    return found


def as_written(name: str, known_as: str = "") -> str:
    """A town's or area's name as the article spells it ("Mekelle", not GeoNames' "Mek'ele"), in title
    case when the text writes it in capitals (a dateline's "KHARTOUM"), without the comma that may
    follow it; with the article of the gazetteer's name ``known_as`` ("The Hague") that the text
    writes in lower case or leaves out."""
    name = " ".join(name.split()).strip(" ,;:")
    if known_as.startswith("The ") and key(known_as) == key(name) and not name.startswith("The "):
        name = f"The {name[4:] if name.startswith('the ') else name}"
    return name.title() if name.isupper() else name


def full_name(name: str, country: str | None, precision: str | None) -> str:
    """A place below the country with its country's name, "Gao, Mali", as analysts and gazetteers write
    it: alone, "Gao" or "Paris" does not say which. A country is named as its actor is ("Palestine",
    not GeoNames' "Palestinian Territory"); a place with no country (a sea) keeps its own name."""
    state = country_name(country) if country else None
    if state is None:
        return name
    if precision == "country":
        return state
    return name if key(state) in key(name) else f"{name}, {state}"


def admin_forms(name: str) -> set[str]:
    """An admin1 area's name with and without its kind ("Tigray Region" -> "Tigray")."""
    forms = {name}
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
        forms.add(" ".join(words[:-1]))
    return forms


def _inside(entry: Entry, within: str, gazetteer: Gazetteer) -> bool:
    scope = key(within)
    country = gazetteer.countries.get(entry.country)
    in_country = country is not None and key(country.name) == scope
    return in_country or (entry.admin1 is not None and key(entry.admin1) == scope)


def _stranger(entry: Entry, weights: Mapping[str, float]) -> bool:
    """Whether the best reading of a name is a small town in a country the article never names: in an
    article about Haiti, "Cite Soleil" is no Cypriot village but a place the gazetteer lacks."""
    return bool(weights) and entry.kind == "place" and weights.get(entry.country, 0.0) == 0.0 \
        and entry.population < STRANGER_POPULATION


def _score(entry: Entry, weights: Mapping[str, float], admin: bool) -> float:
    """How likely the text means ``entry``: its country's weight in the article plus a bonus for size
    (a million people count 1); an admin1 area counts as half a million, or above any town when the text
    says it is an area."""
    if entry.kind == "admin1":
        size = 1.5 if admin else 0.5
    else:
        size = math.log10(1 + entry.population) / math.log10(POPULATION_SCALE)
    return weights.get(entry.country, 0.0) + size
