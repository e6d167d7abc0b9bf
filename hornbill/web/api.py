"""The JSON API under /api: events, actors, documents, quotes, claims, conflicts, graph, search.

Lists are paginated (``limit``/``offset``) and answer ``{"total", "limit", "offset", "items"}``.
A bad parameter answers 400 with ``{"error": "..."}``; an unknown id answers 404.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response

from hornbill.model import EVENT_TYPES, QUAD_CLASS
from hornbill.web.catalog import (
    Catalog,
    EventFilter,
    Positions,
    Record,
    document_text,
    json_array,
    match_words,
    period,
    to_json,
)

router = APIRouter(prefix="/api", tags=["api"])

STATUSES = ("occurred", "announced")
QUAD_CLASSES = tuple(dict.fromkeys(QUAD_CLASS.values()))
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
MAX_LIMIT = 1000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1-1000).")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
Text = Annotated[str | None, Query(max_length=200)]


class BadParameter(HTTPException):
    def __init__(self, message: str) -> None:
        super().__init__(status_code=400, detail=message)


def catalog_of(request: Request) -> Catalog:
    catalog: Catalog = request.app.state.catalog
    return catalog


def json_response(head: Record, items: bytes) -> Response:
    """``head`` as JSON, with already-encoded ``items`` (a JSON array) spliced in as its last field."""
    return Response(to_json(head)[:-1] + b',"items":' + items + b"}", media_type="application/json")


def event_array(catalog: Catalog, positions: Positions) -> bytes:
    return json_array(catalog.event_json, positions.tolist())


def page(items: list[Any], limit: int, offset: int) -> Record:
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


def day_bound(name: str, value: str | None, end: bool) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD parameter as the first (or last) day of its period."""
    if value is None or value == "":
        return None
    if not DATE.fullmatch(value):
        raise BadParameter(f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    try:
        span = period(value)
        dt.date.fromisoformat(span[0] if span else value)
    except ValueError:
        raise BadParameter(f"{name}: {value!r} is not a real date") from None
    if span is None:
        raise BadParameter(f"{name}: {value!r} is not a date")
    return span[1] if end else span[0]


def choice(name: str, value: str | None, allowed: tuple[str, ...], fold: bool = False) -> str | None:
    if value is None or value == "":
        return None
    wanted = value.upper() if fold else value.lower()
    if wanted not in allowed:
        raise BadParameter(f"{name}: unknown value {value!r}; expected one of {', '.join(allowed)}")
    return wanted


def actor_ids(catalog: Catalog, value: str | None) -> set[str] | None:
    return None if value is None or value == "" else catalog.resolve_actor(value)


def event_filter(catalog: Catalog, actor: str | None = None, recipient: str | None = None,
                 involving: str | None = None, event_type: str | None = None, quad_class: str | None = None,
                 status: str | None = None, date_from: str | None = None, date_to: str | None = None,
                 q: str | None = None) -> EventFilter:
    """Checked filter values (raises :class:`BadParameter`)."""
    f = EventFilter(
        actor=actor_ids(catalog, actor), recipient=actor_ids(catalog, recipient),
        involving=actor_ids(catalog, involving), event_type=choice("type", event_type, EVENT_TYPES, fold=True),
        quad_class=choice("quad_class", quad_class, QUAD_CLASSES), status=choice("status", status, STATUSES),
        date_from=day_bound("date_from", date_from, end=False), date_to=day_bound("date_to", date_to, end=True),
        q=q or None,
    )
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise BadParameter(f"date_from ({date_from}) is after date_to ({date_to})")
    return f


EVENTS_DOC: dict[int | str, dict[str, Any]] = {
    200: {"description": '{"total", "limit", "offset", "items": [event, ...]}; events as in the export'}}


@router.get("/events", summary="Events in timeline order, filtered and paginated", responses=EVENTS_DOC)
async def list_events(
    request: Request, limit: Limit = 50, offset: Offset = 0,
    actor: Annotated[Text, Query(description="Doer: actor id or name/alias.")] = None,
    recipient: Annotated[Text, Query(description="Recipient: actor id or name/alias.")] = None,
    involving: Annotated[Text, Query(description="Actor or recipient: id or name/alias.")] = None,
    type: Annotated[Text, Query(description="PLOVER event type, e.g. RETREAT.")] = None,
    quad_class: Annotated[Text, Query(description="e.g. 'material conflict'.")] = None,
    status: Annotated[Text, Query(description="occurred or announced.")] = None,
    date_from: Annotated[Text, Query(description="YYYY[-MM[-DD]]: periods ending on or after it.")] = None,
    date_to: Annotated[Text, Query(description="YYYY[-MM[-DD]]: periods starting on or before it.")] = None,
    q: Annotated[Text, Query(description="Words that must all occur in the event or its evidence.")] = None,
) -> Response:
    catalog = catalog_of(request)
    f = event_filter(catalog, actor, recipient, involving, type, quad_class, status, date_from, date_to, q)
    positions = catalog.filter_events(f)
    return json_response({"total": len(positions), "limit": limit, "offset": offset},
                         event_array(catalog, positions[offset:offset + limit]))


@router.get("/events/{event_id}", summary="One event with all its mentions")
async def get_event(request: Request, event_id: str) -> Response:
    catalog = catalog_of(request)
    pos = catalog.event_by_id.get(event_id)
    if pos is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return Response(catalog.event_json[pos], media_type="application/json")


@router.get("/actors", summary="Canonical actors, most mentioned first")
async def list_actors(request: Request, limit: Limit = 50, offset: Offset = 0,
                      q: Annotated[Text, Query(description="Part of a name or alias.")] = None,
                      type: Annotated[Text, Query(description="Actor type, e.g. COUNTRY.")] = None,
                      ) -> Record:
    catalog = catalog_of(request)
    items = [catalog.actors[i] for i in catalog.matching_actors(q)] if q else catalog.actors
    if type:
        items = [a for a in items if (a["type"] or "").upper() == type.upper()]
    window = [{**a, "event_count": catalog.event_count[a["id"]]} for a in items[offset:offset + limit]]
    return {"total": len(items), "limit": limit, "offset": offset, "items": window}


@router.get("/actors/{actor_id:path}", summary="One actor: aliases, events by year, quotes, relations")
async def get_actor(request: Request, actor_id: str) -> Record:
    profile = catalog_of(request).actor_profile(actor_id)
    if profile is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return profile


@router.get("/documents", summary="Documents in the order they were added")
async def list_documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> Record:
    return page(catalog_of(request).documents, limit, offset)


@router.get("/documents/{doc_id}", summary="One document: kept/dropped segments of its text, and its facts")
async def get_document(request: Request, doc_id: str) -> Record:
    catalog = catalog_of(request)
    record = catalog.document_by_id.get(doc_id)
    if record is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    row = request.app.state.kb.document(doc_id)
    return {**record, **document_text(row), "facts": catalog.document_facts(doc_id)}


@router.get("/quotes", summary="Direct quotes with their speakers")
async def list_quotes(request: Request, limit: Limit = 50, offset: Offset = 0,
                      speaker: Annotated[Text, Query(description="Speaker id or name/alias.")] = None,
                      doc_id: Text = None) -> Record:
    catalog = catalog_of(request)
    chosen: set[int] | None = None
    if speaker:
        chosen = {i for actor_id in catalog.resolve_actor(speaker) for i in catalog.quotes_by_speaker.get(actor_id, [])}
    if doc_id:
        in_doc = set(catalog.quotes_by_doc.get(doc_id, []))
        chosen = in_doc if chosen is None else chosen & in_doc
    items = catalog.quotes if chosen is None else [catalog.quotes[i] for i in sorted(chosen)]
    return page(items, limit, offset)


@router.get("/claims", summary="Numeric claims")
async def list_claims(request: Request, limit: Limit = 50, offset: Offset = 0,
                      subject: Annotated[Text, Query(description="Part of the claim's subject.")] = None) -> Record:
    items = catalog_of(request).claims
    if subject:
        needle = subject.casefold()
        items = [c for c in items if needle in (c["subject"] or "").casefold()]
    return page(items, limit, offset)


@router.get("/conflicts", summary="Numeric claims on one measure of one actor that cannot all be true")
async def list_conflicts(request: Request) -> Record:
    groups = catalog_of(request).conflicts
    return {"total": len(groups), "items": groups}


@router.get("/graph", summary="Actor network: cooperation and conflict edges weighted by events")
async def get_graph(request: Request, date_from: Text = None, date_to: Text = None,
                    min_weight: Annotated[int, Query(ge=1, le=100000)] = 1) -> Record:
    catalog = catalog_of(request)
    f = event_filter(catalog, date_from=date_from, date_to=date_to)
    return catalog.graph(catalog.filter_events(f), min_weight)


@router.get("/search", summary="Events, documents and quotes holding every word of q; actors whose names contain q")
async def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
                 limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Response:
    catalog = catalog_of(request)
    positions = catalog.filter_events(EventFilter(q=q))
    needle = q.strip()
    actors = catalog.matching_actors(needle)[:limit] if needle else []
    documents = catalog.matching_documents(request.app.state.kb, q, limit)
    quotes = match_words(catalog.quote_words, q)[:limit].tolist()
    body = b"".join([
        b'{"q":', to_json(q), b',"actors":', json_array(catalog.actor_json, actors),
        b',"documents":', json_array(catalog.document_json, documents),
        b',"quotes":', json_array(catalog.quote_json, quotes),
        b',"events":{"total":%d,"items":' % len(positions), event_array(catalog, positions[:limit]), b"}}",
    ])
    return Response(body, media_type="application/json")
