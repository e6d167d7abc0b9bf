"""The story as a timeline: events in date order, each with its evidence.

Mixed precisions sort by where their period starts, the coarser first
("2022" before "August 2022" before "14 August 2022"); undated events come last.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from hornbill.dates import date_note, format_date


def sort_key(event: dict[str, Any]) -> tuple[int, str, int]:
    """Order by period start, coarser precision first, undated last."""
    value = event.get("date")
    if not value:
        return (1, "", 0)
    return (0, value, len(value))


def _name(actor: dict[str, Any] | None) -> str:
    return actor["name"] if actor and actor["name"] else "?"


def headline(event: dict[str, Any]) -> str:
    """'United Kingdom -RETREAT/withdraw-> MINUSMA (announced)'."""
    kind = event["event_type"] + (f"/{event['mode']}" if event["mode"] else "")
    who = _name(event["actor"])
    whom = f" -> {_name(event['recipient'])}" if event["recipient"] else ""
    status = " (announced)" if event["status"] == "announced" else ""
    return f"{kind}: {who}{whom}{status}"


def when(event: dict[str, Any]) -> str:
    """The date of an event in words, with how it was found when the text does not give it:
    "1 February 2021 (as reported)"."""
    note = date_note(event.get("date_basis"))
    return format_date(event["date_value"], event["date_precision"]) + (f" ({note})" if note else "")


def render_text(events: list[dict[str, Any]], width: int = 100) -> str:
    lines = []
    for e in events:
        date = format_date(e["date_value"], e["date_precision"])
        sources = e["num_sources"]
        note = date_note(e.get("date_basis"))
        lines.append(f"{date:>18}  {headline(e)}  [{sources} source{'s' if sources != 1 else ''}]"
                     + (f"  ({note})" if note else ""))
        seen = set()
        for m in e["mentions"]:
            key = (m["doc_id"], m["sentence"])
            if key in seen:
                continue
            seen.add(key)
            label = m["outlet"] or m["source"].rsplit("/", 1)[-1]
            body = textwrap.shorten(m["sentence"], width=width - 24, placeholder=" ...")
            lines.append(f"{'':>18}    \u201c{body}\u201d ({label})")
    return "\n".join(lines)


def render_markdown(events: list[dict[str, Any]]) -> str:
    lines = ["| date | event | sources | evidence |", "|---|---|---|---|"]
    for e in events:
        first = e["mentions"][0] if e["mentions"] else None
        evidence = first["sentence"].replace("|", "\\|") if first else ""
        lines.append(f"| {when(e)} | {headline(e)} | "
                     f"{e['num_sources']} | {evidence} |")
    return "\n".join(lines)


def render(events: list[dict[str, Any]], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(events, ensure_ascii=False, indent=2)
    if fmt == "md":
        return render_markdown(events)
    return render_text(events)
