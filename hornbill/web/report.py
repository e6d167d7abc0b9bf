"""``hornbill report``: the story in one self-contained HTML file (inline CSS and SVG, no scripts, no links out)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hornbill.store import KnowledgeBase
from hornbill.web import charts, maps
from hornbill.web.catalog import Catalog, EventFilter
from hornbill.web.pages import ENV

CSS = Path(__file__).resolve().parent / "static" / "css" / "hornbill.css"
TOP_EVENTS = 40


def render_report(kb: KnowledgeBase) -> str:
    catalog = Catalog.load(kb)
    events = catalog.events
    dated = [e["date"] for e in events if e["date"]]
    by_type = Counter(e["event_type"] for e in events)
    top = sorted(events, key=lambda e: (-e["num_sources"], -e["confidence"]))[:TOP_EVENTS]
    return ENV.get_template("report.html").render(
        css=CSS.read_text("utf-8"),
        counts={"documents": len(catalog.documents), "events": len(events), "actors": len(catalog.actors),
                "quotes": len(catalog.quotes), "claims": len(catalog.claims)},
        span=(min(dated), max(dated)) if dated else None,
        by_type=by_type.most_common(),
        key_actors=sorted(catalog.actors, key=lambda a: -catalog.event_count[a["id"]])[:10],
        event_count=catalog.event_count,
        top_events=sorted(top, key=lambda e: e["date"] or "9999"),
        timeline_chart=charts.timeline_chart(events),
        world_map=maps.world_map(events, link=False),
        network_chart=charts.network_chart(catalog.graph(catalog.filter_events(EventFilter()))),
        conflicts=catalog.conflicts,
        documents=catalog.documents,
    )
