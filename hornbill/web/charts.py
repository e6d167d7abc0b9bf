"""Small SVG charts drawn on the server (actor pages, the one-file report); every label is escaped."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

from markupsafe import Markup, escape

QUAD_COLOURS = {
    "verbal cooperation": "#74b87e",
    "material cooperation": "#1f7a3a",
    "verbal conflict": "#e6a03c",
    "material conflict": "#c0392b",
}
OTHER = "#888888"


def bar_chart(counts: dict[str, int], width: int = 560, height: int = 160) -> Markup:
    """Vertical bars, one per key in order, labelled below."""
    if not counts:
        return Markup('<svg class="chart" width="0" height="0"></svg>')
    top = max(counts.values())
    step = width / len(counts)
    bars = []
    for i, (label, n) in enumerate(counts.items()):
        h = (height - 30) * n / top
        x = i * step
        bars.append(
            f'<g><title>{escape(label)}: {n}</title>'
            f'<rect x="{x + 2:.1f}" y="{height - 20 - h:.1f}" width="{max(step - 4, 1):.1f}" height="{h:.1f}" '
            f'fill="#3b6ea8"/>'
            f'<text x="{x + step / 2:.1f}" y="{height - 6}" text-anchor="middle">{escape(label)}</text>'
            f'<text x="{x + step / 2:.1f}" y="{height - 24 - h:.1f}" text-anchor="middle">{n}</text></g>')
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
                  f'role="img">{"".join(bars)}</svg>')


def timeline_chart(events: list[dict[str, Any]], width: int = 900, height: int = 220) -> Markup:
    """Events per year (or per month when the story spans under three years), stacked by quad class."""
    dated = [e for e in events if e["date"]]
    if not dated:
        return Markup("<p>No dated events.</p>")
    years = sorted({e["date"][:4] for e in dated})
    by_month = int(years[-1]) - int(years[0]) < 3
    buckets: dict[str, Counter[str]] = defaultdict(Counter)
    for e in dated:
        buckets[e["date"][:7] if by_month and len(e["date"]) >= 7 else e["date"][:4]][e["quad_class"] or ""] += 1
    keys = sorted(buckets) if by_month else [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    top = max(c.total() for c in buckets.values())
    step = width / len(keys)
    parts = []
    for i, key in enumerate(keys):
        y = height - 30.0
        for quad, colour in QUAD_COLOURS.items():
            n = buckets[key][quad] if key in buckets else 0
            if not n:
                continue
            h = (height - 50) * n / top
            y -= h
            parts.append(f'<rect x="{i * step + 1:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" '
                         f'height="{h:.1f}" fill="{colour}"><title>{escape(key)} {escape(quad)}: {n}</title></rect>')
        if len(keys) <= 24 or i % math.ceil(len(keys) / 24) == 0:
            parts.append(f'<text x="{i * step + step / 2:.1f}" y="{height - 12}" text-anchor="middle" '
                         f'font-size="10">{escape(key)}</text>')
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img">'
                  f'{"".join(parts)}</svg>{legend()}')


def legend() -> Markup:
    items = "".join(f'<span class="swatch" style="background:{c}"></span>{escape(q)} ' for q, c in QUAD_COLOURS.items())
    return Markup(f'<p class="legend">{items}</p>')


def network_chart(graph: dict[str, Any], size: int = 640, max_nodes: int = 40) -> Markup:
    """Actors on a circle, the busiest first; green edges cooperate, red edges conflict, width by events."""
    nodes = sorted(graph["nodes"], key=lambda n: -n["events"])[:max_nodes]
    if not nodes:
        return Markup("<p>No actor pairs.</p>")
    width = size + 320
    radius = size / 2 - 40
    place = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes)
        place[node["id"]] = (width / 2 + radius * math.cos(angle), size / 2 + radius * math.sin(angle), angle)
    top = max(e["weight"] for e in graph["edges"])
    lines = []
    for edge in graph["edges"]:
        if edge["source"] in place and edge["target"] in place:
            colour = QUAD_COLOURS["material conflict"] if edge["conflict"] > edge["cooperation"] else \
                QUAD_COLOURS["material cooperation"]
            lines.append(_arrow(place[edge["source"]][:2], place[edge["target"]][:2], colour,
                                1 + 5 * edge["weight"] / top))
    dots = []
    for node in nodes:
        x, y, angle = place[node["id"]]
        anchor = "start" if math.cos(angle) >= 0 else "end"
        dx = 8 if anchor == "start" else -8
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{3 + math.sqrt(node["events"]):.1f}" fill="#3b6ea8"/>'
                    f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-size="11">'
                    f'{escape(node["name"])}</text>')
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {size}" width="100%" role="img">{ARROW_DEFS}'
                  f'{"".join(lines)}{"".join(dots)}</svg>')


#: Arrowheads for the network's directed edges, one per colour (sized in user units, not by stroke width).
ARROW_DEFS = "<defs>" + "".join(
    f'<marker id="arrow-{i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
    f'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
    for i, colour in enumerate(dict.fromkeys(QUAD_COLOURS.values()))) + "</defs>"


def _arrow(start: tuple[float, float], end: tuple[float, float], colour: str, width: float) -> str:
    """A line from ``start`` to just short of ``end`` ending in an arrowhead, shifted to the right of its
    direction so that opposite edges of one pair stay apart."""
    (x1, y1), (x2, y2) = start, end
    d = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / d, (y2 - y1) / d
    sx, sy = -uy * 2.5, ux * 2.5
    marker = list(dict.fromkeys(QUAD_COLOURS.values())).index(colour)
    return (f'<line x1="{x1 + ux * 6 + sx:.1f}" y1="{y1 + uy * 6 + sy:.1f}" x2="{x2 - ux * 8 + sx:.1f}" '
            f'y2="{y2 - uy * 8 + sy:.1f}" stroke="{colour}" stroke-opacity="0.6" stroke-width="{width:.1f}" '
            f'marker-end="url(#arrow-{marker})"/>')
