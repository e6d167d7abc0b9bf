"""Flat tables for analysts: one row an event, one row an evidence mention.

The nested JSON Lines of :mod:`hornbill.views.export` is the contract tools rely on; spreadsheets,
R and pandas want one row a record with plain columns, as GDELT, ACLED and POLECAT publish them.
``event_rows`` flattens export-shaped events into the columns of :data:`EVENT_COLUMNS` (plus one
``location_*`` column for every extra field a location carries), ``mention_rows`` gives one row per
evidence sentence (:data:`MENTION_COLUMNS`). ``event_date`` is a real date: the first day of the
period the sources state ("August 2022" -> 2022-08-01), with ``date_precision`` saying how much
of it is known. docs/exports.md describes every column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hornbill.store import KnowledgeBase

QUAD_CODE = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
LIST_SEPARATOR = " | "  # how a list is written in one CSV or TSV cell


@dataclass(frozen=True)
class Column:
    """A column of a flat table: its name, its DuckDB type (``VARCHAR[]`` for lists), what it holds."""

    name: str
    type: str
    doc: str


def _actor_columns(role: str, who: str) -> list[Column]:
    return [
        Column(f"{role}_id", "VARCHAR", f"hornbill's id of the {who}, e.g. `country:FRA`; empty when unknown"),
        Column(f"{role}_name", "VARCHAR", f"canonical name of the {who}"),
        Column(f"{role}_country", "VARCHAR", f"ISO 3166 alpha-3 country of the {who}"),
        Column(f"{role}_sector", "VARCHAR", f"CAMEO agent sector of the {who} (GOV, MIL, REB, ...)"),
        Column(f"{role}_type", "VARCHAR", f"kind of {who}: COUNTRY, GOV, MIL, IGO, PERSON, REB, PMC, ORG"),
    ]


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "VARCHAR", "hornbill's event id (the `id` of the JSON export)"),
    Column("event_date", "DATE", "first day of the period the sources state; empty when undated"),
    Column("date_precision", "VARCHAR", "how much of the date is known: day, week, month, quarter, season, year, ..."),
    Column("date_value", "VARCHAR", "the date as stated, in TimeML form (2022-08, 2022-W33, 2022-SU)"),
    Column("event_type", "VARCHAR", "PLOVER event type (RETREAT, SANCTION, ...)"),
    Column("mode", "VARCHAR", "PLOVER mode, a sub-type such as withdraw; often empty"),
    Column("quad_code", "INTEGER", "PLOVER quad category: 1 verbal cooperation, 2 material cooperation, "
                                   "3 verbal conflict, 4 material conflict"),
    Column("quad_class", "VARCHAR", "the quad category in words"),
    Column("status", "VARCHAR", "occurred, or announced (a plan, promise or deadline not yet met)"),
    *_actor_columns("actor", "doer"),
    Column("actor_resolution", "VARCHAR", "how the doer was found: dictionary, context, generic, unknown"),
    *_actor_columns("recipient", "target"),
    Column("location_name", "VARCHAR", "where it happened: the place with its country below the country level"),
    Column("location_country", "VARCHAR", "ISO 3166 alpha-3 country of the location"),
    Column("num_sources", "INTEGER", "distinct outlets reporting the event (syndicated copies count once)"),
    Column("num_mentions", "INTEGER", "evidence sentences found for it"),
    Column("first_reported", "DATE", "publication date of the earliest dated report"),
    Column("source_urls", "VARCHAR[]", "URLs of the reporting articles, where known"),
    Column("outlets", "VARCHAR[]", "names of the reporting outlets, where known"),
    Column("doc_ids", "VARCHAR[]", "ids of the reporting articles (join with the documents export)"),
    Column("evidence", "VARCHAR", "the lead evidence sentence: the earliest report's"),
    Column("evidence_url", "VARCHAR", "URL (or, failing one, file) of the article the lead evidence is from"),
    Column("summary", "VARCHAR", "one readable line"),
    Column("confidence", "DOUBLE", "hornbill's confidence in the event, 0 to 1"),
)

MENTION_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "VARCHAR", "the event this sentence reports (join with the events table)"),
    Column("doc_id", "VARCHAR", "the article it is in"),
    Column("url", "VARCHAR", "the article's URL, where known"),
    Column("source", "VARCHAR", "the file (or file:line) the article was read from"),
    Column("outlet", "VARCHAR", "the article's outlet"),
    Column("published", "DATE", "the article's publication date (first day of its period)"),
    Column("sentence", "VARCHAR", "the evidence sentence, exactly as in the article"),
    Column("start", "INTEGER", "offset of the sentence's first character in the article's original text"),
    Column("end", "INTEGER", "offset just past its last character"),
    Column("date_value", "VARCHAR", "the event's date as this sentence states it (TimeML)"),
    Column("date_precision", "VARCHAR", "precision of that date"),
    Column("status", "VARCHAR", "occurred or announced, as this sentence tells it"),
    Column("link_reason", "VARCHAR", "why this sentence joined an event first told elsewhere; empty for the first"),
)

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def period_start(value: str | None) -> dt.date | None:
    """The first day of a TimeML date value: 2022 -> 2022-01-01, 2022-W33 -> Monday of week 33,
    2022-Q3 -> 2022-07-01, 2022-SU -> 2022-06-01 (meteorological seasons), 202 (the 2020s) -> 2020-01-01."""
    if not value:
        return None
    try:
        return _period_start(value)
    except ValueError:
        return None


def _period_start(value: str) -> dt.date | None:
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return dt.date(int(m[1]), _SEASON_START[m[2]], 1)
    if re.fullmatch(r"\d{2,3}", value):  # a century (20) or a decade (202)
        return dt.date(int(value.ljust(4, "0")), 1, 1)
    if m := re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value[:10]):
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    return None


def period_end(value: str | None) -> dt.date | None:
    """The last day of a TimeML date value (the day before the next period starts)."""
    start = period_start(value)
    if start is None or value is None:
        return None
    if re.fullmatch(r"\d{4}-W\d\d", value):
        return start + dt.timedelta(days=6)
    if re.fullmatch(r"\d{4}-(Q[1-4]|SP|SU|FA|WI)", value):
        return _add_months(start, 3) - dt.timedelta(days=1)
    if re.fullmatch(r"\d{2,3}", value):
        return dt.date(start.year + 10 ** (4 - len(value)) - 1, 12, 31)
    parts = len(value[:10].split("-"))
    months = {1: 12, 2: 1}.get(parts)
    return start if months is None else _add_months(start, months) - dt.timedelta(days=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    return dt.date(day.year + total // 12, total % 12 + 1, 1)


def precision_of(value: str | None, stated: str | None) -> str | None:
    """The precision of a TimeML value: what the store says, else read from the value's shape."""
    if not value:
        return None
    if stated:
        return stated
    if re.fullmatch(r"\d{4}-W\d\d", value):
        return "week"
    if re.fullmatch(r"\d{4}-Q[1-4]", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    return {2: "century", 3: "decade", 4: "year", 7: "month"}.get(len(value), "day")


@dataclass(frozen=True)
class DocumentInfo:
    url: str | None
    source: str
    outlet: str | None
    published: str | None


def document_info(kb: KnowledgeBase) -> dict[str, DocumentInfo]:
    """Doc id -> what a flat row says of the article."""
    return {d["doc_id"]: DocumentInfo(d["url"], d["source"], d["outlet"], d["published"]) for d in kb.documents()}


def _actor_cells(role: str, who: dict[str, Any] | None) -> dict[str, Any]:
    who = who or {}
    return {f"{role}_{field}": who.get(field) for field in ("id", "name", "country", "sector", "type")}


def _location_cells(location: dict[str, Any] | None) -> dict[str, Any]:
    """``location_name``, ``location_country`` and one ``location_<field>`` per further field the
    location carries (coordinates, admin areas: whatever the events export gives)."""
    location = location or {}
    cells = {"location_name": location.get("name"), "location_country": location.get("country")}
    for key, value in location.items():
        if key not in ("name", "country") and not isinstance(value, dict | list):
            cells[f"location_{key}"] = value
    return cells


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def event_row(event: dict[str, Any], docs: dict[str, DocumentInfo]) -> dict[str, Any]:
    """One export-shaped event as a flat row (keys: EVENT_COLUMNS, location columns in their place)."""
    mentions = event["mentions"]
    infos = [docs[m["doc_id"]] for m in mentions if m["doc_id"] in docs]
    lead = mentions[0] if mentions else None
    lead_doc = docs.get(lead["doc_id"]) if lead else None
    value = event.get("date_value") or event.get("date")
    return {
        "event_id": event["id"], "event_date": period_start(value),
        "date_precision": precision_of(value, event.get("date_precision") if value == event.get("date") else None),
        "date_value": value, "event_type": event["event_type"], "mode": event["mode"],
        "quad_code": QUAD_CODE.get(event["quad_class"] or ""), "quad_class": event["quad_class"],
        "status": event["status"], **_actor_cells("actor", event["actor"]),
        "actor_resolution": (event["actor"] or {}).get("resolution"),
        **_actor_cells("recipient", event["recipient"]), **_location_cells(event.get("location")),
        "num_sources": event["num_sources"], "num_mentions": len(mentions),
        "first_reported": period_start(event.get("first_reported")),
        "source_urls": _distinct(i.url for i in infos), "outlets": _distinct(i.outlet for i in infos),
        "doc_ids": _distinct(m["doc_id"] for m in mentions),
        "evidence": lead["sentence"] if lead else None,
        "evidence_url": (lead_doc.url or lead_doc.source) if lead_doc else None,
        "summary": event["summary"], "confidence": event["confidence"],
    }


def event_rows(events: Iterable[dict[str, Any]], docs: dict[str, DocumentInfo]) -> list[dict[str, Any]]:
    return [event_row(e, docs) for e in events]


def mention_rows(events: Iterable[dict[str, Any]], docs: dict[str, DocumentInfo]) -> list[dict[str, Any]]:
    """One row per evidence sentence of ``events``, in their order."""
    rows = []
    for event in events:
        for m in event["mentions"]:
            info = docs.get(m["doc_id"])
            rows.append({
                "event_id": event["id"], "doc_id": m["doc_id"], "url": info.url if info else None,
                "source": m["source"], "outlet": m["outlet"],
                "published": period_start(info.published) if info else None, "sentence": m["sentence"],
                "start": m["start"], "end": m["end"], "date_value": m["date"],
                "date_precision": m["date_precision"], "status": m["status"], "link_reason": m["link_reason"],
            })
    return rows


def columns_of(rows: list[dict[str, Any]], declared: tuple[Column, ...]) -> list[Column]:
    """The declared columns, with any further column the rows carry (extra location fields) placed
    after the last declared column sharing its prefix, its type read from its values."""
    names = {c.name for c in declared}
    extra = [key for key in dict.fromkeys(k for row in rows for k in row) if key not in names]
    result = list(declared)
    for key in extra:
        prefix = key.split("_", 1)[0] + "_"
        at = max((i for i, c in enumerate(result) if c.name.startswith(prefix)), default=len(result) - 1)
        result.insert(at + 1, Column(key, column_type(row.get(key) for row in rows), ""))
    return result


def column_type(values: Iterable[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {int, bool}:
        return "BIGINT"
    if kinds and kinds <= {int, float}:
        return "DOUBLE"
    return "VARCHAR"
