"""Which events a question asks for: the filters ``timeline`` and ``export`` share.

``select_events(kb, EventQuery(...))`` gives export-shaped events in timeline order. A filter that
names something the knowledge base does not know is a :class:`~hornbill.errors.QueryError`
whose message suggests what was meant ("did you mean ..."), never an empty answer: an unknown
event type, an actor no name, alias or spelling leads to, a date that is not a date.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from hornbill.actors import normalise
from hornbill.errors import QueryError
from hornbill.model import EVENT_TYPES
from hornbill.store import KnowledgeBase, Row
from hornbill.views import export
from hornbill.views.actors import find_actor
from hornbill.views.flat import period_end, period_start
from hornbill.views.timeline import sort_key

SUGGESTIONS = 3


@dataclass(frozen=True)
class EventQuery:
    """What to keep: events involving ``actor`` (as doer or target), of ``event_type``, whose
    stated period overlaps [``since``, ``until``] (ISO dates; a year or month means all of it)."""

    actor: str | None = None
    event_type: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None


def check_event_type(name: str) -> str:
    """The PLOVER type ``name`` names (any case), or a QueryError suggesting the nearest."""
    wanted = name.strip().upper()
    if wanted in EVENT_TYPES:
        return wanted
    near = difflib.get_close_matches(wanted, EVENT_TYPES, n=SUGGESTIONS, cutoff=0.5)
    hint = f"did you mean {' or '.join(near)}? " if near else ""
    raise QueryError(f"unknown event type {name!r}; {hint}PLOVER types: {', '.join(EVENT_TYPES)}")


def check_date(text: str, end: bool = False) -> dt.date:
    """A --since (first day) or --until (last day) bound: YYYY, YYYY-MM or YYYY-MM-DD."""
    if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", text.strip()):
        day = period_end(text.strip()) if end else period_start(text.strip())
        if day is not None:
            return day
    raise QueryError(f"not a date: {text!r} (write YYYY, YYYY-MM or YYYY-MM-DD)")


def names_of(row: Row) -> list[str]:
    return [row["name"], *(row["aliases"] or [])]


def suggestions(rows: list[Row], name: str) -> list[str]:
    """Canonical names of the actors whose name or alias is closest to ``name``."""
    choices = [(n, r["name"]) for r in rows for n in names_of(r) if n]
    found = process.extract(name, [n for n, _ in choices], scorer=fuzz.WRatio, limit=20, score_cutoff=60)
    return list(dict.fromkeys(choices[i][1] for _, _, i in found))[:SUGGESTIONS]


def unknown_actor(rows: list[Row], name: str) -> QueryError:
    near = suggestions(rows, name)
    hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else "; `hornbill actors` lists them"
    return QueryError(f"no actor in the knowledge base matches {name!r}{hint}")


def actor_keys(kb: KnowledgeBase, name: str, notes: list[str] | None = None) -> set[str]:
    """The actors a filter names: every actor whose name or an alias contains ``name``, or the one
    its id, the actor dictionary or a close spelling leads to (said in ``notes``); a QueryError
    when there is none."""
    rows = kb.actors()
    wanted = normalise(name)
    keys = {r["actor_key"] for r in rows if any(wanted in normalise(n) for n in names_of(r) if n)}
    if keys:
        return keys
    found, _ = find_actor(kb, name)
    if found is None:
        raise unknown_actor(rows, name)
    if notes is not None and found["actor_key"] != name:
        notes.append(f"{name!r} read as {found['name']} [{found['actor_key']}]")
    return {found["actor_key"]}


def _in_period(event: dict[str, Any], since: dt.date | None, until: dt.date | None) -> bool:
    value = event.get("date_value") or event.get("date")
    start, end = period_start(value), period_end(value)
    if start is None or end is None:
        return False
    return (since is None or end >= since) and (until is None or start <= until)


def select_events(kb: KnowledgeBase, query: EventQuery, notes: list[str] | None = None) -> list[dict[str, Any]]:
    """Export-shaped events that pass every filter of ``query``, in timeline order; how a
    misspelt actor name was read is added to ``notes``."""
    event_type = check_event_type(query.event_type) if query.event_type else None
    since = check_date(query.since) if query.since else None
    until = check_date(query.until, end=True) if query.until else None
    keys = actor_keys(kb, query.actor, notes) if query.actor else None
    rows = []
    for event in export.events(kb):
        if event_type and event["event_type"] != event_type:
            continue
        if keys is not None and not {(event["actor"] or {}).get("id"), (event["recipient"] or {}).get("id")} & keys:
            continue
        if (since or until) and not _in_period(event, since, until):
            continue
        rows.append(event)
    rows.sort(key=sort_key)
    return rows[: query.limit] if query.limit else rows
