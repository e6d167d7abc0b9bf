"""The event map, drawn on the server as SVG over a bundled world outline (Natural Earth 1:110m, shipped
as ``data/world.json``): no tile server, no script, nothing fetched. Events are points at their
location, sized by their number of sources and coloured by quad class; events at one spot (a country
placed from context) are spread on a small spiral so each can be clicked."""

from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from hornbill.schemas import load_json_data
from hornbill.views import timeline
from hornbill.web.charts import OTHER, QUAD_COLOURS

WIDTH, HEIGHT = 1000, 500  # equirectangular: 1000 px for 360 degrees of longitude
LAT_TOP, LAT_BOTTOM = 84.0, -60.0  # the inhabited band; Antarctica left out
SPREAD = 5.0  # pixels between events stacked at one spot


def project(lon: float, lat: float) -> tuple[float, float]:
    """Pixel coordinates of a point on the map."""
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (LAT_TOP - lat) / (LAT_TOP - LAT_BOTTOM) * HEIGHT
    return round(x, 1), round(y, 1)


@lru_cache(maxsize=1)
def outline() -> Markup:
    """The countries as one SVG path each (computed once)."""
    paths = []
    for iso3, rings in sorted(load_json_data("world.json")["countries"].items()):
        d = " ".join("M" + "L".join(f"{x},{y}" for x, y in (project(lon, lat) for lon, lat in ring)) + "Z"
                     for ring in rings)
        paths.append(f'<path class="land" data-country="{iso3}" d="{d}"/>')
    return Markup("".join(paths))


def radius(num_sources: int) -> float:
    return round(3.0 + 2.0 * math.sqrt(max(num_sources, 1) - 1), 1)


def map_points(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events that have coordinates, as points: id, x, y, r, colour, label, place."""
    stacks: dict[tuple[float, float], int] = defaultdict(int)
    points = []
    for e in events:
        loc = e.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        x, y = project(loc["lon"], loc["lat"])
        k = stacks[(x, y)]
        stacks[(x, y)] += 1
        if k:  # a golden-angle spiral around the spot
            angle, dist = k * 2.39996, SPREAD * math.sqrt(k)
            x, y = round(x + dist * math.cos(angle), 1), round(y + dist * math.sin(angle), 1)
        points.append({"id": e["id"], "x": x, "y": y, "r": radius(e.get("num_sources") or 1),
                       "colour": QUAD_COLOURS.get(e.get("quad_class") or "", OTHER),
                       "label": timeline.headline(e), "place": loc.get("name") or "",
                       "precision": loc.get("precision") or ""})
    return points


def world_map(events: list[dict[str, Any]], link: bool = True) -> Markup:
    """The map of ``events``; each point links to its event page when ``link`` (not in the one-file report)."""
    dots = []
    for p in sorted(map_points(events), key=lambda p: -p["r"]):  # small points drawn over big ones
        title = f"{p['label']} ({p['place']}, {p['precision']})"
        circle = (f'<circle class="event-point" data-event="{escape(p["id"])}" cx="{p["x"]}" cy="{p["y"]}" '
                  f'r="{p["r"]}" fill="{p["colour"]}"><title>{escape(title)}</title></circle>')
        dots.append(f'<a href="/events/{escape(p["id"])}">{circle}</a>' if link else circle)
    return Markup(f'<svg class="world-map" id="world-map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
                  f'aria-label="Map of {len(dots)} located events">'
                  f'<rect class="sea" width="{WIDTH}" height="{HEIGHT}"/>{outline()}'
                  f'<g class="points">{"".join(dots)}</g></svg>')
