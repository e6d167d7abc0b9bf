"""Server-rendered HTML pages. Jinja2 autoescapes everything: article text is untrusted."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from hornbill.dates import date_note, format_date
from hornbill.model import EVENT_TYPES
from hornbill.views import conflicts, timeline
from hornbill.web import charts, maps
from hornbill.web.api import QUAD_CLASSES, BadParameter, catalog_of, event_filter
from hornbill.web.catalog import Catalog, EventFilter, Record, document_text

router = APIRouter(include_in_schema=False)


def web_url(value: Any) -> str | None:
    """``value`` if it is an http(s) URL with a host, else None: a source URL comes from the
    article's own metadata, and a ``javascript:`` one must never become a link."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


ENV = Environment(loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
                  autoescape=select_autoescape(default=True, default_for_string=True))
ENV.filters["web_url"] = web_url
ENV.globals.update(colours=charts.QUAD_COLOURS, headline=timeline.headline, format_date=format_date,
                   date_note=date_note, figure=conflicts.figure)
TIMELINE_LIST = 300
TIMELINE_POINTS = 5000


#: The page being answered (path, query), set for each request by :func:`remember_page`, so that
#: every page can link to its JSON twin.
PAGE: ContextVar[tuple[str, str] | None] = ContextVar("hornbill_page", default=None)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page, with a link to its JSON twin when it answers without error."""
    twin = json_twin(*page) if status == 200 and (page := PAGE.get()) is not None else None
    return HTMLResponse(ENV.get_template(name).render(json_url=twin, **context), status_code=status)


def json_twin(path: str, query: str) -> str | None:
    """The API URL answering a page's question: /api + its path (the timeline's: /api/events), same query."""
    if path == "/search" and not query:
        return None  # the empty search form: /api/search needs a q
    url = "/api/events" if path == "/" else "/api" + path
    return url + (f"?{query}" if query else "")


async def remember_page(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Middleware: note which page is being answered (see :data:`PAGE`)."""
    token = PAGE.set((request.url.path, request.url.query))
    try:
        return await call_next(request)
    finally:
        PAGE.reset(token)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", status=status, status_code=status, message=message)


def point(event: Record) -> Record:
    """What the timeline chart needs of one event."""
    return {"id": event["id"], "date": event["date"], "n": event["num_sources"], "quad": event["quad_class"],
            "label": timeline.headline(event)}


@router.get("/", response_class=HTMLResponse)
async def timeline_page(request: Request, involving: str | None = None, type: str | None = None,
                        quad_class: str | None = None, date_from: str | None = None,
                        date_to: str | None = None, q: str | None = None) -> HTMLResponse:
    catalog = catalog_of(request)
    form = {"involving": involving or "", "type": type or "", "quad_class": quad_class or "",
            "date_from": date_from or "", "date_to": date_to or "", "q": q or ""}
    try:
        f = event_filter(catalog, involving=involving, event_type=type, quad_class=quad_class,
                         date_from=date_from, date_to=date_to, q=q)
    except BadParameter as exc:
        return render("timeline.html", status=400, form=form, error=exc.detail, events=[], points=[], total=0,
                      types=EVENT_TYPES, quads=QUAD_CLASSES, actors=catalog.actors[:300])
    positions = catalog.filter_events(f)
    events = catalog.events_at(positions[:TIMELINE_POINTS])
    return render("timeline.html", form=form, error=None, events=events[:TIMELINE_LIST], total=len(positions),
                  points=[point(e) for e in events if e["date"]], types=EVENT_TYPES,
                  quads=QUAD_CLASSES, actors=catalog.actors[:300])


@router.get("/map", response_class=HTMLResponse)
async def map_page(request: Request, involving: str | None = None, type: str | None = None,
                   quad_class: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, q: str | None = None) -> HTMLResponse:
    """The events on a world map, filtered as the timeline is."""
    catalog = catalog_of(request)
    form = {"involving": involving or "", "type": type or "", "quad_class": quad_class or "",
            "date_from": date_from or "", "date_to": date_to or "", "q": q or ""}
    common: dict[str, Any] = {"form": form, "types": EVENT_TYPES, "quads": QUAD_CLASSES, "actors": catalog.actors[:300]}
    try:
        f = event_filter(catalog, involving=involving, event_type=type, quad_class=quad_class,
                         date_from=date_from, date_to=date_to, q=q)
    except BadParameter as exc:
        return render("map.html", status=400, error=exc.detail, world=maps.world_map([]), total=0, placed=0,
                      **common)
    events = catalog.events_at(catalog.filter_events(f)[:TIMELINE_POINTS])
    placed = sum(1 for e in events if e["location"] and e["location"]["lat"] is not None)
    return render("map.html", error=None, world=maps.world_map(events), total=len(events), placed=placed,
                  **common)


def context_window(text: str, segments: list[Record], start: int, end: int) -> Record:
    """The paragraph holding [start, end) with its kept neighbours, split around the evidence."""
    kept = [s for s in segments if s["kept"]] or [{"start": 0, "end": len(text)}]
    i = next((k for k, s in enumerate(kept) if s["start"] <= start < s["end"]), None)
    if i is None:
        lo, hi = max(0, start - 300), min(len(text), end + 300)
    else:
        j = next((k for k, s in enumerate(kept) if s["start"] < end <= s["end"]), i)
        lo, hi = kept[max(i - 1, 0)]["start"], kept[min(j + 1, len(kept) - 1)]["end"]
    return {"before": text[lo:start], "mark": text[start:end], "after": text[end:hi],
            "cut_before": lo > 0, "cut_after": hi < len(text)}


@router.get("/events/{event_id}", response_class=HTMLResponse)
async def event_page(request: Request, event_id: str) -> HTMLResponse:
    catalog = catalog_of(request)
    event = catalog.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    kb = request.app.state.kb
    mentions = []
    for m in event["mentions"]:
        row = kb.document(m["doc_id"])
        doc = document_text(row) if row else {"text": m["sentence"], "segments": []}
        start, end = (m["start"], m["end"]) if row else (0, len(m["sentence"]))
        mentions.append({**m, "document": catalog.document_by_id.get(m["doc_id"]),
                         "context": context_window(doc["text"], doc["segments"], start, end)})
    return render("event.html", event=event, mentions=mentions)


@router.get("/actors", response_class=HTMLResponse)
async def actors_page(request: Request) -> HTMLResponse:
    catalog = catalog_of(request)
    return render("actors.html", actors=catalog.actors, counts=catalog.event_count)


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
async def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    catalog = catalog_of(request)
    profile = catalog.actor_profile(actor_id)
    if profile is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    positions = catalog.lookup("involving", actor_id)
    return render("actor.html", actor=profile, chart=charts.bar_chart(profile["events_by_year"]),
                  events=catalog.events_at(positions[:TIMELINE_LIST]))


@router.get("/graph", response_class=HTMLResponse)
async def graph_page(request: Request, date_from: str | None = None, date_to: str | None = None,
                     min_weight: int = 1) -> HTMLResponse:
    catalog = catalog_of(request)
    form = {"date_from": date_from or "", "date_to": date_to or "", "min_weight": min_weight}
    try:
        f = event_filter(catalog, date_from=date_from, date_to=date_to)
    except BadParameter as exc:
        return render("graph.html", status=400, form=form, error=exc.detail, graph={"nodes": [], "edges": []})
    return render("graph.html", form=form, error=None, graph=catalog.graph(catalog.filter_events(f), min_weight))


@router.get("/documents", response_class=HTMLResponse)
async def documents_page(request: Request) -> HTMLResponse:
    return render("documents.html", documents=catalog_of(request).documents)


def marked_parts(text: str, start: int, end: int, facts: list[Record]) -> list[Record]:
    """``text[start:end]`` split into plain and fact-marked pieces (overlapping facts: the first wins)."""
    parts: list[Record] = []
    at = start
    for fact in facts:
        lo, hi = max(fact["start"], start), min(fact["end"], end)
        if lo < at or lo >= hi:
            continue
        if lo > at:
            parts.append({"text": text[at:lo], "fact": None})
        parts.append({"text": text[lo:hi], "fact": fact})
        at = hi
    if at < end:
        parts.append({"text": text[at:end], "fact": None})
    return parts


def document_blocks(catalog: Catalog, doc_id: str, row: Record) -> list[Record]:
    doc = document_text(row)
    text, facts = doc["text"], catalog.document_facts(doc_id)
    segments = doc["segments"] or [{"start": 0, "end": len(text), "kept": True, "reason": None}]
    return [{**s, "parts": marked_parts(text, s["start"], s["end"], facts if s["kept"] else [])} for s in segments]


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
async def document_page(request: Request, doc_id: str) -> HTMLResponse:
    catalog = catalog_of(request)
    record = catalog.document_by_id.get(doc_id)
    row = request.app.state.kb.document(doc_id) if record else None
    if record is None or row is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return render("document.html", doc=record, blocks=document_blocks(catalog, doc_id, row))


@router.get("/conflicts", response_class=HTMLResponse)
async def conflicts_page(request: Request) -> HTMLResponse:
    return render("conflicts.html", groups=catalog_of(request).conflicts)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: str = "") -> HTMLResponse:
    catalog = catalog_of(request)
    if not q.strip():
        return render("search.html", q=q, events=[], total=0, actors=[], documents=[])
    positions = catalog.filter_events(EventFilter(q=q[:200]))
    needle = q.strip()[:200]
    documents = catalog.matching_documents(request.app.state.kb, needle, 50)
    return render("search.html", q=q, events=catalog.events_at(positions[:100]), total=len(positions),
                  actors=[catalog.actors[i] for i in catalog.matching_actors(needle)[:50]],
                  documents=[catalog.documents[i] for i in documents])
