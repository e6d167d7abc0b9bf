"""Events in PLOVER's own JSON field names (the "JSON Data Fields" chapter of the PLOVER manual).

One object a line: ``id``, ``date`` and ``enddate`` (the stated period), ``source`` and
``recipient`` (lists of actor objects: ``code``, ``sector``, ``actor_text``, ``identifier_id``,
``identifier_text``), ``event`` and ``mode`` (lists), ``quad_code``, ``event_loc``, ``event_text``
(the evidence sentences), ``cite_info`` (one object per reporting article), ``coder`` and
``comment``. Fields PLOVER does not name but the manual invites (``status``, ``date_precision``,
``num_sources``, ``confidence``) keep hornbill's names.
"""

from __future__ import annotations

from typing import Any

from hornbill import __version__
from hornbill.views.flat import QUAD_CODE, DocumentInfo, period_end, period_start, precision_of


def plover_actor(who: dict[str, Any] | None, wikidata: dict[str, str | None]) -> list[dict[str, Any]]:
    """A hornbill actor as PLOVER's list of actor objects (empty when nothing identifies it)."""
    if not who or not who.get("id"):
        return []
    return [{"code": who.get("country"), "sector": who.get("sector"), "actor_text": who.get("name"),
             "identifier_id": wikidata.get(who["id"]), "identifier_text": who.get("name"),
             "hornbill_id": who["id"], "type": who.get("type")}]


def plover_location(location: dict[str, Any] | None) -> dict[str, Any] | None:
    """PLOVER's location object (GeoNames field names; ``cc3`` for the alpha-3 country)."""
    if not location:
        return None
    renamed = {"country": "cc3", "lat": "latitude", "lon": "longitude", "admin1": "admin1 code"}
    return {renamed.get(key, key): value for key, value in location.items()}


def plover_record(event: dict[str, Any], docs: dict[str, DocumentInfo],
                  wikidata: dict[str, str | None]) -> dict[str, Any]:
    value = event.get("date_value") or event.get("date")
    start, end = period_start(value), period_end(value)
    cited = dict.fromkeys(m["doc_id"] for m in event["mentions"])
    return {
        "id": event["id"],
        "date": start.isoformat() if start else None,
        "enddate": end.isoformat() if end and end != start else None,
        "date_precision": precision_of(value, event.get("date_precision") if value == event.get("date") else None),
        "source": plover_actor(event["actor"], wikidata),
        "recipient": plover_actor(event["recipient"], wikidata),
        "event": [event["event_type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "quad_code": QUAD_CODE.get(event["quad_class"] or ""),
        "event_loc": plover_location(event.get("location")),
        "event_text": list(dict.fromkeys(m["sentence"] for m in event["mentions"])),
        "cite_info": [{"url": docs[d].url, "publication": docs[d].outlet, "citation": docs[d].source}
                      for d in cited if d in docs],
        "status": event["status"],
        "num_sources": event["num_sources"],
        "confidence": event["confidence"],
        "coder": f"hornbill {__version__}",
        "comment": event["summary"],
    }
