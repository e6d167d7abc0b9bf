"""The export contract (DESIGN.md): one JSON object per record, field names fixed.

``records(kb, kind)`` yields the objects; ``write_jsonl`` writes them one per line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import IO, Any

from hornbill import link
from hornbill.geo import full_name
from hornbill.store import KnowledgeBase, Row

KINDS = ("events", "documents", "entities", "quotes", "claims")


def actor_objects(kb: KnowledgeBase) -> dict[str, dict[str, Any]]:
    """Actor key -> the actor object embedded in events and quotes."""
    return {
        a["actor_key"]: {"id": a["actor_key"], "name": a["name"], "type": a["type"], "country": a["country"],
                         "sector": a["sector"], "aliases": list(a["aliases"] or [])}
        for a in kb.actors()
    }


def mention_objects(kb: KnowledgeBase) -> dict[str, list[dict[str, Any]]]:
    """Event id -> its evidence mentions, in document order, each sentence once (two triggers in one
    sentence may state one event twice)."""
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[str, str, int, int]] = set()
    for m in kb.event_mentions():
        where = (m["event_id"], m["doc_id"], m["start"], m["end"])
        if where in seen:
            continue
        seen.add(where)
        by_event[m["event_id"]].append({
            "doc_id": m["doc_id"], "source": m["source"], "url": m.get("url"), "outlet": m["outlet"],
            "sentence": m["sentence"],
            "start": m["start"], "end": m["end"], "date": m["date"], "date_precision": m["date_precision"],
            "status": m["status"], "link_reason": m["link_reason"],
        })
    return by_event


def contract_date(value: str | None, precision: str | None) -> tuple[str | None, str | None]:
    """A TimeML value in the contract's terms (day, month or year precision).

    A week becomes the month holding its Thursday (where most of its days fall); a season or
    quarter becomes its year; decades and centuries have no contract form and export as null.
    The TimeML value itself is exported beside it as ``date_value``.
    """
    if not value or precision in ("day", "month", "year"):
        return value, precision
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        thursday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 4)
        return thursday.strftime("%Y-%m"), "month"
    if re.fullmatch(r"\d{4}-(Q[1-4]|SP|SU|FA|WI)", value):
        return value[:4], "year"
    return None, None


#: The actor object of an event whose doer nothing identifies: the fields, all empty, and how it was
#: (not) resolved.
UNKNOWN_ACTOR: dict[str, Any] = {"id": None, "name": None, "type": None, "country": None, "sector": None, "aliases": []}


def event_actor(event: Row, actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The doer of an event with how it was found (``resolution``: dictionary, context, generic or
    unknown) and its sector; every event carries one, empty when the doer is unknown."""
    known = actors.get(event["actor_key"]) if event["actor_key"] else None
    return {**(known or UNKNOWN_ACTOR), "resolution": event["actor_resolution"] or "unknown"}


def location_object(event: Row) -> dict[str, Any] | None:
    """Where the event happened: ``{name, place, country, admin1, lat, lon, precision, basis,
    geonames_id}``; ``name`` is the full name ("Gao, Mali"), ``place`` the place's own ("Gao"),
    ``country`` ISO 3166-1 alpha-3, ``precision`` place, admin1 or country, ``basis`` sentence,
    dateline or context; null when nothing places it."""
    place = event["location_name"]
    if not place:
        return None
    return {"name": full_name(place, event["location_country"], event["location_precision"]), "place": place,
            "country": event["location_country"],
            "admin1": event["location_admin1"], "lat": event["location_lat"], "lon": event["location_lon"],
            "precision": event["location_precision"], "basis": event["location_basis"],
            "geonames_id": event["location_geonames_id"]}


def event_object(event: Row, actors: dict[str, dict[str, Any]], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    date, precision = contract_date(event["date"], event["date_precision"])
    return {
        "id": event["event_id"],
        "event_type": event["event_type"],
        "mode": event["mode"],
        "quad_class": event["quad_class"],
        "actor": event_actor(event, actors),
        "recipient": actors.get(event["recipient_key"]) if event["recipient_key"] else None,
        "date": date,
        "date_precision": precision,
        "date_value": event["date"],
        "date_basis": event["date_basis"],
        "status": event["status"],
        "location": location_object(event),
        "summary": event["summary"],
        "mentions": mentions,
        "num_sources": event["num_sources"],
        "first_reported": event["first_reported"],
        "confidence": round(float(event["confidence"]), 3),
    }


def events(kb: KnowledgeBase) -> Iterator[dict[str, Any]]:
    actors = actor_objects(kb)
    mentions = mention_objects(kb)
    for event in kb.events():
        yield event_object(event, actors, mentions.get(event["event_id"], []))


def documents(kb: KnowledgeBase) -> Iterator[dict[str, Any]]:
    for d in kb.documents():
        yield {
            "doc_id": d["doc_id"], "source": d["source"], "title": d["title"], "outlet": d["outlet"],
            "url": d["url"], "published": d["published"], "published_precision": d["published_precision"],
            "published_basis": d["published_basis"], "language": d["language"], "chars": d["chars"],
            "kept_chars": d["kept_chars"], "warnings": list(d["warnings"] or []),
            "duplicate_of": d["duplicate_of"],
        }


def entities(kb: KnowledgeBase) -> Iterator[dict[str, Any]]:
    for a in kb.actors():
        yield {"id": a["actor_key"], "name": a["name"], "type": a["type"], "country": a["country"],
               "sector": a["sector"], "wikidata": a["wikidata"], "aliases": list(a["aliases"] or []),
               "mentions": a["mentions"]}


def quotes(kb: KnowledgeBase) -> Iterator[dict[str, Any]]:
    """One record per quote in each article; ``same_as`` is the id of the remark it repeats (its
    own id for the first) and ``sources`` every article that quotes that remark."""
    actors = actor_objects(kb)
    rows = kb.quotes()
    remark = link.quote_groups(rows)
    sources: dict[str, set[str]] = defaultdict(set)
    for q in rows:
        sources[remark[q["quote_id"]]].add(q["source"])
    for q in rows:
        speaker = actors.get(q["speaker_key"]) if q["speaker_key"] else None
        yield {"id": q["quote_id"], "doc_id": q["doc_id"], "source": q["source"],
               "speaker": {"id": speaker["id"], "name": speaker["name"]} if speaker else None,
               "text": q["text"], "sentence": q["sentence"], "start": q["start"], "end": q["end"],
               "same_as": remark[q["quote_id"]], "sources": sorted(sources[remark[q["quote_id"]]])}


def claims(kb: KnowledgeBase) -> Iterator[dict[str, Any]]:
    for c in kb.claims():
        yield {"id": c["claim_id"], "doc_id": c["doc_id"], "source": c["source"], "outlet": c["outlet"],
               "published": c["published"], "subject": c["subject"], "value": c["value"], "unit": c["unit"],
               "qualifier": c["qualifier"], "sentence": c["sentence"], "start": c["start"], "end": c["end"],
               "place": c["place"], "period": c["period"]}


EXPORTERS = {"events": events, "documents": documents, "entities": entities, "quotes": quotes, "claims": claims}


def records(kb: KnowledgeBase, kind: str) -> Iterator[dict[str, Any]]:
    """The export records of one kind (see ``KINDS``)."""
    return EXPORTERS[kind](kb)


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """Write one JSON object per line; returns how many."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n
