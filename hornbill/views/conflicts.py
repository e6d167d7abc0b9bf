"""Where sources disagree: numeric claims on the same measure of the same subject, in the same place
and at compatible times, that cannot all be true; each conflict says why its claims were compared."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from hornbill import figures
from hornbill.store import KnowledgeBase


def conflicts(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One record per disagreement: what is measured, and every claim with its source and date."""
    names = {a["actor_key"]: a["name"] for a in kb.actors()}
    out = []
    for conflict in figures.conflicts_of(kb.claims()):
        members = conflict.members
        about, measure = figures.claim_group(members[0]["about_key"], members[0]["subject"], members[0]["unit"])
        out.append({
            "about": names.get(about, members[0]["subject"]),
            "measure": measure,
            "place": next((c["place"] for c in members if c["place"]), None),
            "why": conflict.why,
            "claims": [{
                "value": c["value"], "qualifier": c["qualifier"], "unit": c["unit"], "subject": c["subject"],
                "doc_id": c["doc_id"], "source": c["source"], "outlet": c["outlet"], "published": c["published"],
                "place": c["place"], "period": c["period"], "sentence": c["sentence"],
            } for c in sorted(members, key=lambda c: (c["published"] or "", c["value"]))],
        })
    return sorted(out, key=lambda g: (g["about"], g["measure"]))


def figure(claim: dict[str, Any]) -> str:
    """'over 15,000 personnel'."""
    value = claim["value"]
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return " ".join(x for x in (claim["qualifier"], number, claim["unit"]) if x)


def render(records: list[dict[str, Any]], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2)
    lines = []
    for group in records:
        lines.append(f"{group['about']} / {group['measure']}: sources disagree")
        lines.append(f"  compared: {group['why']}")
        for c in group["claims"]:
            where = c["outlet"] or c["source"].rsplit("/", 1)[-1]
            lines.append(f"  {figure(c):<32} {where}, {c['published'] or 'undated'}")
            lines.append(f"  {'':<32} \u201c{textwrap.shorten(c['sentence'], 90, placeholder=' ...')}\u201d")
        lines.append("")
    return "\n".join(lines).rstrip()
