"""The knowledge base loaded once, read-only, with the indexes the API filters by.

Everything comes through the :class:`~hornbill.store.KnowledgeBase` interface and the export views,
so records have the export contract's shape. Events keep timeline order (``views.timeline.sort_key``);
filters intersect per-field position lists, a date range is a bisection on period starts, and
text search is an inverted index of word tokens (every query word must occur).
"""

from __future__ import annotations

import calendar
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hornbill.store import KnowledgeBase, Row
from hornbill.views import conflicts as conflict_view
from hornbill.views import export, timeline

Record = dict[str, Any]
WORD = re.compile(r"\w+")
FAR_FUTURE = "9999-12-31"


def to_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def words(text: str | None) -> set[str]:
    return {w.casefold() for w in WORD.findall(text or "")}


def period(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO) of a contract date: ``2022`` -> (2022-01-01, 2022-12-31)."""
    if not value:
        return None
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return value, value


def shift_back(iso_day: str) -> str:
    """``iso_day`` a year earlier (the longest period), as a bisection bound."""
    year = int(iso_day[:4]) - 1
    return f"{max(year, 0):04d}{iso_day[4:]}"


class TextIndex:
    """Substring search over many short texts at C speed: one case-folded string, one line per item."""

    def __init__(self, texts: Iterable[tuple[str, int]]) -> None:
        lines, self.items, self.starts = [], [], []
        at = 0
        for text, item in texts:
            line = text.casefold().replace("\n", " ")
            lines.append(line)
            self.items.append(item)
            self.starts.append(at)
            at += len(line) + 1
        self.blob = "\n".join(lines)

    def find(self, needle: str) -> set[int]:
        """Items with a text containing ``needle`` (case-folded)."""
        return {self.items[bisect_right(self.starts, m.start()) - 1]
                for m in re.finditer(re.escape(needle.casefold()), self.blob)}


def word_index(texts: Iterable[str | None]) -> dict[str, list[int]]:
    """Word -> positions (ascending) of the texts that contain it."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        for word in words(text):
            index[word].append(i)
    return dict(index)


def match_words(index: dict[str, list[int]], query: str) -> Sequence[int]:
    """Positions holding every word of ``query`` (none for a query without words)."""
    lists = sorted((index.get(w, []) for w in words(query)), key=len)
    if not lists:
        return []
    if len(lists) == 1:
        return lists[0]
    return sorted(set(lists[0]).intersection(*lists[1:]))


@dataclass
class EventFilter:
    """What the /api/events query asks for; ``None`` means no constraint."""

    actor: set[str] | None = None
    recipient: set[str] | None = None
    involving: set[str] | None = None
    event_type: str | None = None
    quad_class: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None


@dataclass
class Catalog:
    events: list[Record]
    actors: list[Record]
    documents: list[Record]
    quotes: list[Record]
    claims: list[Record]
    conflicts: list[Record] = field(default_factory=list)
    event_by_id: dict[str, int] = field(default_factory=dict)
    actor_by_id: dict[str, Record] = field(default_factory=dict)
    document_by_id: dict[str, Record] = field(default_factory=dict)
    index: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    starts: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    event_json: list[bytes] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=dict)
    name_index: TextIndex = field(default_factory=lambda: TextIndex([]))
    document_words: dict[str, list[int]] = field(default_factory=dict)
    quote_words: dict[str, list[int]] = field(default_factory=dict)
    event_count: Counter[str] = field(default_factory=Counter)

    @classmethod
    def load(cls, kb: KnowledgeBase) -> Catalog:
        events = sorted(export.events(kb), key=timeline.sort_key)
        catalog = cls(events=events, actors=list(export.entities(kb)), documents=list(export.documents(kb)),
                      quotes=list(export.quotes(kb)), claims=list(export.claims(kb)),
                      conflicts=conflict_view.conflicts(kb))
        catalog._build()
        return catalog

    def _build(self) -> None:
        self.actor_by_id = {a["id"]: a for a in self.actors}
        self.document_by_id = {d["doc_id"]: d for d in self.documents}
        index: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for pos, event in enumerate(self.events):
            self.event_by_id[event["id"]] = pos
            for key, value in self._keys(event):
                index[key][value].append(pos)
            span = period(event["date"])
            if span:
                self.starts.append(span[0])
                self.ends.append(span[1])
        # The KB is read-only while served: each event is encoded once, and pages are joined from the bytes.
        self.event_json = [to_json(e) for e in self.events]
        self._index_names()
        self.document_words = word_index(" ".join(filter(None, (d["title"], d["outlet"], d["source"])))
                                         for d in self.documents)
        self.quote_words = word_index(q["text"] for q in self.quotes)
        self.index = {k: dict(v) for k, v in index.items()}
        self.event_count = Counter({k: len(v) for k, v in self.index.get("involving", {}).items()})

    def _index_names(self) -> None:
        """Names and aliases (to actor positions): a dict for exact lookups, a text index for substrings."""
        names: dict[str, list[int]] = defaultdict(list)
        for i, a in enumerate(self.actors):
            for name in dict.fromkeys(x.casefold() for x in (a["name"], *a["aliases"])):
                names[name].append(i)
        self.names = dict(names)
        self.name_index = TextIndex((name, i) for name, positions in names.items() for i in positions)

    @staticmethod
    def _keys(event: Record) -> Iterable[tuple[str, str]]:
        yield "type", event["event_type"]
        yield "quad_class", event["quad_class"] or ""
        yield "status", event["status"] or ""
        roles = (("actor", event["actor"]), ("recipient", event["recipient"]))
        for role, who in roles:
            if who:
                yield role, who["id"]
        for who_id in {who["id"] for _, who in roles if who}:
            yield "involving", who_id
        for doc_id in {m["doc_id"] for m in event["mentions"]}:
            yield "doc", doc_id
        text = [event["summary"], event["event_type"], event["mode"],
                *(m["sentence"] for m in event["mentions"]),
                *(who["name"] for _, who in roles if who),
                event["location"]["name"] if event["location"] else None]
        for word in set().union(*(words(t) for t in text)):
            yield "word", word

    # -- lookups ---------------------------------------------------------------------------

    def event(self, event_id: str) -> Record | None:
        pos = self.event_by_id.get(event_id)
        return None if pos is None else self.events[pos]

    def resolve_actor(self, ref: str) -> set[str]:
        """Actor ids for an id or a name: exact id, else exact name/alias, else a name/alias containing it."""
        if ref in self.actor_by_id:
            return {ref}
        return {self.actors[i]["id"] for i in self.matching_actors(ref)}

    def matching_actors(self, ref: str) -> list[int]:
        """Positions (most mentioned first) of the actors named ``ref``, or else whose names contain it."""
        needle = ref.casefold()
        exact = self.names.get(needle)
        return list(exact) if exact else sorted(self.name_index.find(needle))

    def filter_events(self, f: EventFilter) -> Sequence[int]:
        """Positions (timeline order) of the events that pass every constraint."""
        lists: list[Sequence[int]] = []
        for key, ids in (("actor", f.actor), ("recipient", f.recipient), ("involving", f.involving)):
            if ids is not None:
                lists.append(self._union(key, ids))
        for key, value in (("type", f.event_type), ("quad_class", f.quad_class), ("status", f.status)):
            if value is not None:
                lists.append(self.index.get(key, {}).get(value, []))
        if f.q is not None:
            lists.extend(self.index.get("word", {}).get(w, []) for w in words(f.q))
        if f.date_from is not None or f.date_to is not None:
            lists.append(self._date_range(f.date_from, f.date_to))
        if not lists:
            return range(len(self.events))
        if len(lists) == 1:
            return lists[0]
        lists.sort(key=len)
        chosen = set(lists[0]).intersection(*lists[1:])
        return sorted(chosen)

    def _union(self, key: str, ids: set[str]) -> Sequence[int]:
        table = self.index.get(key, {})
        if len(ids) == 1:
            return table.get(next(iter(ids)), [])
        out: set[int] = set()
        for actor_id in ids:
            out.update(table.get(actor_id, []))
        return sorted(out)

    def _date_range(self, date_from: str | None, date_to: str | None) -> Sequence[int]:
        """Dated events whose period overlaps [date_from, date_to] (ISO days)."""
        lo = bisect_left(self.starts, shift_back(date_from)) if date_from else 0
        hi = bisect_right(self.starts, date_to or FAR_FUTURE)
        if date_from is None:
            return range(lo, hi)
        return [pos for pos in range(lo, hi) if self.ends[pos] >= date_from]

    # -- derived views ---------------------------------------------------------------------

    def graph(self, positions: Iterable[int], min_weight: int = 1) -> Record:
        """Actor network: undirected edges weighted by events, split into cooperation and conflict."""
        edges: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for pos in positions:
            event = self.events[pos]
            if not (event["actor"] and event["recipient"]) or event["actor"]["id"] == event["recipient"]["id"]:
                continue
            a, b = sorted((event["actor"]["id"], event["recipient"]["id"]))
            kind = "conflict" if "conflict" in (event["quad_class"] or "") else "cooperation"
            edges[(a, b)][kind] += 1
        kept = [(a, b, c) for (a, b), c in edges.items() if c.total() >= min_weight]
        node_ids = sorted({x for a, b, _ in kept for x in (a, b)})
        nodes = [{"id": i, "name": self.actor_by_id[i]["name"] if i in self.actor_by_id else i,
                  "type": self.actor_by_id.get(i, {}).get("type"), "events": self.event_count[i]} for i in node_ids]
        links = [{"source": a, "target": b, "cooperation": c["cooperation"], "conflict": c["conflict"],
                  "weight": c.total()} for a, b, c in sorted(kept, key=lambda e: -e[2].total())]
        return {"nodes": nodes, "edges": links}

    def actor_profile(self, actor_id: str) -> Record | None:
        """An actor with its events by year, its quotes and its counterparts."""
        actor = self.actor_by_id.get(actor_id)
        if actor is None:
            return None
        positions = self.index.get("involving", {}).get(actor_id, [])
        by_year: Counter[str] = Counter()
        relations: dict[str, Counter[str]] = defaultdict(Counter)
        for pos in positions:
            event = self.events[pos]
            by_year[(event["date"] or "undated")[:4]] += 1
            for who in (event["actor"], event["recipient"]):
                if who and who["id"] != actor_id:
                    relations[who["id"]][event["quad_class"] or "unknown"] += 1
        return {
            **actor,
            "event_count": len(positions),
            "events_by_year": dict(sorted(by_year.items())),
            "quotes": [q for q in self.quotes if q["speaker"] and q["speaker"]["id"] == actor_id],
            "relations": [{"id": other, "name": self.actor_by_id.get(other, {}).get("name", other),
                           "events": c.total(), "by_quad_class": dict(c)}
                          for other, c in sorted(relations.items(), key=lambda kv: -kv[1].total())],
        }

    def document_facts(self, doc_id: str) -> list[Record]:
        """Event mentions, quotes and claims in one document, with their offsets in the original text."""
        facts: list[Record] = []
        for pos in self.index.get("doc", {}).get(doc_id, []):
            event = self.events[pos]
            facts.extend({"kind": "event", "id": event["id"], "label": timeline.headline(event),
                          "start": m["start"], "end": m["end"]}
                         for m in event["mentions"] if m["doc_id"] == doc_id)
        facts.extend({"kind": "quote", "id": q["id"], "label": (q["speaker"] or {}).get("name") or "quote",
                      "start": q["start"], "end": q["end"]} for q in self.quotes if q["doc_id"] == doc_id)
        facts.extend({"kind": "claim", "id": c["id"], "label": f"{c['subject']}: {c['value']:g} {c['unit'] or ''}",
                      "start": c["start"], "end": c["end"]} for c in self.claims if c["doc_id"] == doc_id)
        return sorted(facts, key=lambda f: (f["start"], -f["end"]))


def document_text(row: Row) -> Record:
    """The stored original text and its kept/dropped segments, from ``kb.document``."""
    segments = [{"start": s, "end": e, "kept": bool(k), "reason": r} for s, e, k, r in json.loads(row["segments"])]
    return {"text": row["original"], "segments": segments}
