"""Knowledge-base statistics and the kept/dropped view of one document."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hornbill.dates import format_date
from hornbill.errors import QueryError
from hornbill.model import EVENT_TYPES, QUAD_CLASS
from hornbill.store import KnowledgeBase


def render_stats(kb: KnowledgeBase) -> str:
    counts = kb.counts()
    lines = [f"{name:>15}: {n}" for name, n in counts.items()]
    documents = kb.documents()
    dated = sum(1 for d in documents if d["published"])
    lines.append(f"{'dated docs':>15}: {dated} of {len(documents)}")
    by_type = Counter(e["event_type"] for e in kb.events())
    if by_type:
        lines.append("events by type:")
        for event_type in EVENT_TYPES:
            if by_type[event_type]:
                lines.append(f"{event_type:>15}: {by_type[event_type]:<5} ({QUAD_CLASS[event_type]})")
    return "\n".join(lines)


def find_document(kb: KnowledgeBase, ref: str) -> dict[str, Any]:
    """The one document ``ref`` names (its id, an id prefix, its source path or the end of it);
    a QueryError listing the candidates when several match, or saying none does."""
    docs = kb.documents()
    exact = [d for d in docs if ref in (d["doc_id"], d["source"])]
    found = exact or [d for d in docs if d["doc_id"].startswith(ref) or d["source"].endswith(ref)]
    if not found:
        raise QueryError(f"no document matches {ref!r} (give an id, an id prefix or a file name; "
                         "`hornbill export documents` lists them)")
    if len(found) > 1:
        listed = "; ".join(f"{d['doc_id']} {d['source']}" for d in found[:10])
        more = f" and {len(found) - 10} more" if len(found) > 10 else ""
        raise QueryError(f"{ref!r} matches {len(found)} documents: {listed}{more}; give more of the id")
    row = kb.document(found[0]["doc_id"])
    assert row is not None
    return row


def render_document(row: dict[str, Any], kept_only: bool = False) -> str:
    """The original text, block by block, marked ``+`` kept or ``-`` dropped (with the reason)."""
    head = [
        f"doc_id:    {row['doc_id']}",
        f"source:    {row['source']}",
        f"title:     {row['title'] or '-'}",
        f"outlet:    {row['outlet'] or '-'}",
        f"published: {format_date(row['published'], row['published_precision'])} "
        f"(basis: {row['published_basis']})",
        f"language:  {row['language'] or '-'}",
        f"kept:      {row['kept_chars']} of {row['chars']} characters",
    ]
    for warning in row["warnings"] or []:
        head.append(f"warning:   {warning}")
    head.append("")
    original: str = row["original"]
    for start, end, kept, reason in json.loads(row["segments"]):
        text = original[start:end].strip()
        if not text or (kept_only and not kept):
            continue
        if kept:
            head.append(f"+ {text}")
        else:
            head.append(f"- [{reason}] {text}")
    return "\n".join(head)
