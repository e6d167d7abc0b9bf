"""Actor listing and actor pages: who the knowledge base knows, and what one actor did, said and to whom.

``actor_list(kb)`` gives canonical actors; ``find_actor(kb, name)`` picks one by id, name or alias
(exact, then the actor dictionary's reading of the name, then a unique part-of-name match);
``actor_page(kb, key)`` gathers its events (as actor and as recipient), quotes and relations.
Everything reads through the :class:`~hornbill.store.KnowledgeBase` interface.
"""

from __future__ import annotations

import difflib
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from hornbill.actors import ActorDictionary, normalise
from hornbill.actors.dictionary import ACTOR_TYPES
from hornbill.dates import format_date
from hornbill.errors import QueryError
from hornbill.store import KnowledgeBase, Row
from hornbill.views.timeline import sort_key


@dataclass
class Relation:
    """Another actor this one has events with: how many, in which direction, of which types."""

    actor: Row
    as_actor: int = 0  # events where the page's actor acts on this one
    as_recipient: int = 0  # events where this one acts on the page's actor
    types: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.as_actor + self.as_recipient


@dataclass
class ActorPage:
    actor: Row
    events: list[dict[str, Any]]  # event rows plus "role" ("actor" | "recipient") and "evidence"
    quotes: list[Row]
    relations: list[Relation]


def actor_list(kb: KnowledgeBase, actor_type: str | None = None) -> list[Row]:
    """Canonical actors, most mentioned first; ``actor_type`` keeps one type (COUNTRY, PERSON, ...)."""
    rows = kb.actors()
    if actor_type:
        wanted = actor_type.strip().upper()
        if wanted not in ACTOR_TYPES:
            near = difflib.get_close_matches(wanted, sorted(ACTOR_TYPES), n=2, cutoff=0.5)
            hint = f"did you mean {' or '.join(near)}? " if near else ""
            raise QueryError(f"unknown actor type {actor_type!r}; {hint}types: {', '.join(sorted(ACTOR_TYPES))}")
        rows = [r for r in rows if r["type"] == wanted]
    return rows


def find_actor(kb: KnowledgeBase, name: str) -> tuple[Row | None, list[Row]]:
    """(the actor ``name`` designates, other candidates when it is ambiguous).

    An id, or a name or alias equal after normalising; else the actor the dictionary resolves the
    name to (so "Prighozin" finds Prigozhin); else the one actor whose name or an alias contains it;
    else the one actor with a name or alias spelt nearly like it ("Emanuel Macron").
    """
    rows = kb.actors()
    wanted = normalise(name)
    exact = [r for r in rows if r["actor_key"] == name
             or wanted in {normalise(n) for n in [r["name"], *(r["aliases"] or [])]}]
    if len(exact) == 1:
        return exact[0], []
    if exact:
        return None, exact
    known = ActorDictionary.load().lookup(name) or ActorDictionary.load().fuzzy(name)
    if known is not None:
        by_key = [r for r in rows if r["actor_key"] == known.key]
        if by_key:
            return by_key[0], []
    partial = [r for r in rows if any(wanted in normalise(n) for n in [r["name"], *(r["aliases"] or [])])]
    if partial:
        return (partial[0], []) if len(partial) == 1 else (None, partial)
    return closest_actor(rows, wanted)


FUZZY_SCORE = 85  # rapidfuzz ratio (0-100) a misspelt name must reach against a stored name or alias


def closest_actor(rows: list[Row], wanted: str) -> tuple[Row | None, list[Row]]:
    """The actor whose stored name or alias is spelt closest to ``wanted`` ("Emanuel Macron"), when
    one is close enough and no other actor is as close; else the close ones as candidates."""
    choices = [(normalise(n), r) for r in rows for n in [r["name"], *(r["aliases"] or [])] if n]
    hits = process.extract(wanted, [n for n, _ in choices], scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE, limit=20)
    if not hits:
        return None, []
    best = hits[0][1]
    close = list({choices[i][1]["actor_key"]: choices[i][1] for _, score, i in hits if score >= best - 3}.values())
    return (close[0], []) if len(close) == 1 else (None, close)


def actor_page(kb: KnowledgeBase, key: str) -> ActorPage | None:
    actors = {r["actor_key"]: r for r in kb.actors()}
    if key not in actors:
        return None
    events = [{**e, "role": "actor" if e["actor_key"] == key else "recipient"}
              for e in kb.events() if key in (e["actor_key"], e["recipient_key"])]
    evidence = _first_sentences(kb, [e["event_id"] for e in events])
    for event in events:
        event["evidence"] = evidence.get(event["event_id"])
    events.sort(key=lambda e: sort_key({"date": e["date"]}))
    quotes = [q for q in kb.quotes() if q["speaker_key"] == key]
    return ActorPage(actors[key], events, quotes, relations(events, actors))


def _first_sentences(kb: KnowledgeBase, event_ids: list[str]) -> dict[str, str]:
    first: dict[str, str] = {}
    if event_ids:
        for mention in kb.event_mentions(event_ids):
            first.setdefault(mention["event_id"], mention["sentence"])
    return first


def relations(events: list[dict[str, Any]], actors: dict[str, Row]) -> list[Relation]:
    """Counterparts of the page's events (the recipient where it acts, the actor where it is acted on),
    most events first."""
    found: dict[str, Relation] = {}
    for event in events:
        other = event["recipient_key"] if event["role"] == "actor" else event["actor_key"]
        if other is None or other not in actors or other == event[f"{event['role']}_key"]:
            continue
        relation = found.setdefault(other, Relation(actors[other]))
        if event["role"] == "actor":
            relation.as_actor += 1
        else:
            relation.as_recipient += 1
        relation.types[event["event_type"]] += 1
    return sorted(found.values(), key=lambda r: (-r.total, r.actor["name"]))


# --------------------------------------------------------------------------- rendering


def render_list(rows: list[Row], width: int = 110) -> str:
    lines = [f"{'mentions':>8}  {'type':<8} {'country':<7} {'name':<32} aliases"]
    for r in rows:
        aliases = ", ".join(a for a in r["aliases"] or [] if a != r["name"])
        room = max(10, width - 60)
        lines.append(f"{r['mentions'] or 0:>8}  {r['type']:<8} {r['country'] or '-':<7} "
                     f"{textwrap.shorten(r['name'], 32):<32} {textwrap.shorten(aliases, room) or '-'}")
    return "\n".join(lines)


def render_page(page: ActorPage, width: int = 100) -> str:
    a = page.actor
    lines = [
        f"{a['name']}  [{a['actor_key']}]",
        f"type:     {a['type']}",
        f"country:  {a['country'] or '-'}",
        f"wikidata: {a['wikidata'] or '-'}",
        f"mentions: {a['mentions'] or 0}",
        "aliases:  " + (textwrap.fill(", ".join(a["aliases"] or []) or "-", width - 10,
                                      subsequent_indent=" " * 10)),
        "",
        f"events ({len(page.events)}):",
    ]
    for e in page.events:
        kind = e["event_type"] + (f"/{e['mode']}" if e["mode"] else "")
        lines.append(f"  {format_date(e['date'], e['date_precision']):>18}  as {e['role']:<9} {kind}: "
                     f"{e['summary'] or ''} [{e['status']}]")
        if e["evidence"]:
            lines.append(f"  {'':>18}  \u201c{textwrap.shorten(e['evidence'], width - 26, placeholder=' ...')}\u201d")
    lines += ["", f"quotes ({len(page.quotes)}):"]
    for q in page.quotes:
        lines.append(f"  \u201c{textwrap.shorten(q['text'], width - 6, placeholder=' ...')}\u201d")
    lines += ["", f"relations ({len(page.relations)}; out = {a['name']} acts on them, in = they act on it):"]
    for r in page.relations:
        types = ", ".join(f"{t} {n}" for t, n in r.types.most_common())
        lines.append(f"  {r.total:>3} event{'s' if r.total != 1 else ' '}  {r.actor['name']:<30} "
                     f"out {r.as_actor}, in {r.as_recipient}  ({types})")
    return "\n".join(lines)
