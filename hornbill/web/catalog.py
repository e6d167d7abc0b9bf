"""The knowledge base loaded once, read-only, with the indexes the API filters by.

Everything comes through the :class:`~hornbill.store.KnowledgeBase` interface and the export views,
so records have the export contract's shape. Events keep timeline order (``views.timeline.sort_key``),
so a set of events is an ascending array of positions (:data:`Positions`): filters take the
per-field arrays of the index and intersect them (a binary search per element of the shortest),
a date range is two bisections on period starts, and text search is an inverted index of word
tokens (every query word must occur). A request's cost then grows with the size of its answer
and of its shortest list, never with the size of the knowledge base. Records are encoded as
JSON once, so answering a page joins bytes.
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

import numpy as np
import numpy.typing as npt

from hornbill.store import KnowledgeBase, Row
from hornbill.views import conflicts as conflict_view
from hornbill.views import export, timeline

Record = dict[str, Any]
Positions = npt.NDArray[np.int32]
WORD = re.compile(r"\w+")
FAR_FUTURE = "9999-12-31"


def to_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_array(encoded: Sequence[bytes], positions: Iterable[int]) -> bytes:
    """The JSON array of the already-encoded records at ``positions``."""
    return b"[" + b",".join([encoded[p] for p in positions]) + b"]"


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


def as_positions(values: Iterable[int]) -> Positions:
    """An ascending run of positions as a read-only array (the catalog shares it between requests)."""
    array = np.fromiter(values, dtype=np.int32)
    array.setflags(write=False)
    return array


NOWHERE = as_positions(())


def union(arrays: Sequence[Positions]) -> Positions:
    """Positions in any of ``arrays``, ascending."""
    if not arrays:
        return NOWHERE
    if len(arrays) == 1:
        return arrays[0]
    merged = np.sort(np.concatenate(arrays))  # sort and drop repeats: np.unique is many times slower here
    first = np.ones(len(merged), dtype=bool)
    np.not_equal(merged[1:], merged[:-1], out=first[1:])
    return merged[first]


def held_by(table: Positions, values: Positions) -> npt.NDArray[np.bool_]:
    """Which of ``values`` (non-negative) occur in the ascending ``table``.

    Few values: a binary search each. Many: a table of flags, one per position up to the largest
    in ``table``, which costs one pass over both arrays."""
    if not len(table):
        return np.zeros(len(values), dtype=bool)
    if len(values) * 8 > len(table):
        flags = np.zeros(int(table[-1]) + 1, dtype=bool)
        flags[table] = True
        inside: npt.NDArray[np.bool_] = values <= table[-1]
        inside[inside] = flags[values[inside]]
        return inside
    at = np.searchsorted(table, values)
    np.minimum(at, len(table) - 1, out=at)
    found: npt.NDArray[np.bool_] = table[at] == values
    return found


def intersection(arrays: Sequence[Positions]) -> Positions:
    """Positions in every one of ``arrays`` (at least one), ascending: the shortest, kept where each other holds it."""
    ordered = sorted(arrays, key=len)
    found = ordered[0]
    for other in ordered[1:]:
        if not len(found):
            break
        found = found[held_by(other, found)]
    return found


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


def word_index(texts: Iterable[str | None]) -> dict[str, Positions]:
    """Word -> positions (ascending) of the texts that contain it."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        for word in words(text):
            index[word].append(i)
    return {word: as_positions(found) for word, found in index.items()}


def group_by(keys: Iterable[str | None]) -> dict[str, list[int]]:
    """Key -> positions (ascending) of the items with that key (items without one are left out)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key is not None:
            groups[key].append(i)
    return dict(groups)


def match_words(index: dict[str, Positions], query: str) -> Positions:
    """Positions holding every word of ``query`` (none for a query without words)."""
    wanted = words(query)
    return intersection([index.get(w, NOWHERE) for w in wanted]) if wanted else NOWHERE


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
    document_pos: dict[str, int] = field(default_factory=dict)
    index: dict[str, dict[str, Positions]] = field(default_factory=dict)
    everything: Positions = field(default_factory=lambda: NOWHERE)
    starts: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    event_json: list[bytes] = field(default_factory=list)
    actor_json: list[bytes] = field(default_factory=list)
    document_json: list[bytes] = field(default_factory=list)
    quote_json: list[bytes] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=dict)
    name_actors: list[list[int]] = field(default_factory=list)
    name_index: TextIndex = field(default_factory=lambda: TextIndex([]))
    document_words: dict[str, Positions] = field(default_factory=dict)
    quote_words: dict[str, Positions] = field(default_factory=dict)
    event_count: Counter[str] = field(default_factory=Counter)
    quotes_by_doc: dict[str, list[int]] = field(default_factory=dict)
    quotes_by_speaker: dict[str, list[int]] = field(default_factory=dict)
    claims_by_doc: dict[str, list[int]] = field(default_factory=dict)

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
        self.document_pos = {d["doc_id"]: i for i, d in enumerate(self.documents)}
        index: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for pos, event in enumerate(self.events):
            self.event_by_id[event["id"]] = pos
            for key, value in self._keys(event):
                index[key][value].append(pos)
            span = period(event["date"])
            if span:
                self.starts.append(span[0])
                self.ends.append(span[1])
        self.index = {key: {value: as_positions(found) for value, found in table.items()}
                      for key, table in index.items()}
        self.everything = as_positions(range(len(self.events)))
        # The KB is read-only while served: each record is encoded once, and answers are joined from the bytes.
        self.event_json = [to_json(e) for e in self.events]
        self.actor_json = [to_json(a) for a in self.actors]
        self.document_json = [to_json(d) for d in self.documents]
        self.quote_json = [to_json(q) for q in self.quotes]
        self._index_names()
        self.document_words = word_index(" ".join(filter(None, (d["title"], d["outlet"], d["source"])))
                                         for d in self.documents)
        self.quote_words = word_index(q["text"] for q in self.quotes)
        self.event_count = Counter({k: len(v) for k, v in self.index.get("involving", {}).items()})
        self.quotes_by_doc = group_by(q["doc_id"] for q in self.quotes)
        self.quotes_by_speaker = group_by(q["speaker"]["id"] if q["speaker"] else None for q in self.quotes)
        self.claims_by_doc = group_by(c["doc_id"] for c in self.claims)

    def _index_names(self) -> None:
        """Names and aliases (to actor positions): a dict for exact lookups, a text index for substrings.

        The text index holds each distinct name once, however many actors share it."""
        names: dict[str, list[int]] = defaultdict(list)
        for i, a in enumerate(self.actors):
            for name in dict.fromkeys(x.casefold() for x in (a["name"], *a["aliases"])):
                names[name].append(i)
        self.names = dict(names)
        self.name_actors = list(self.names.values())
        self.name_index = TextIndex((name, k) for k, name in enumerate(self.names))

    @staticmethod
    def _keys(event: Record) -> Iterable[tuple[str, str]]:
        yield "type", event["event_type"]
        yield "quad_class", event["quad_class"] or ""
        yield "status", event["status"] or ""
        roles = [(role, who) for role, who in (("actor", event["actor"]), ("recipient", event["recipient"]))
                 if who and who["id"]]  # an unknown doer has an actor object without an id
        for role, who in roles:
            yield role, who["id"]
        for who_id in {who["id"] for _, who in roles}:
            yield "involving", who_id
        for doc_id in {m["doc_id"] for m in event["mentions"]}:
            yield "doc", doc_id
        text = [event["summary"], event["event_type"], event["mode"],
                *(m["sentence"] for m in event["mentions"]),
                *(who["name"] for _, who in roles),
                event["location"]["name"] if event["location"] else None]
        for word in set().union(*(words(t) for t in text)):
            yield "word", word

    # -- lookups ---------------------------------------------------------------------------

    def event(self, event_id: str) -> Record | None:
        pos = self.event_by_id.get(event_id)
        return None if pos is None else self.events[pos]

    def events_at(self, positions: Positions) -> list[Record]:
        return [self.events[p] for p in positions.tolist()]

    def lookup(self, key: str, value: str) -> Positions:
        """Events whose ``key`` (type, quad_class, status, actor, recipient, involving, doc, word) is ``value``."""
        return self.index.get(key, {}).get(value, NOWHERE)

    def resolve_actor(self, ref: str) -> set[str]:
        """Actor ids for an id or a name: exact id, else exact name/alias, else a name/alias containing it."""
        if ref in self.actor_by_id:
            return {ref}
        return {self.actors[i]["id"] for i in self.matching_actors(ref)}

    def matching_actors(self, ref: str) -> list[int]:
        """Positions (most mentioned first) of the actors named ``ref``, or else whose names contain it."""
        needle = ref.casefold()
        exact = self.names.get(needle)
        if exact:
            return list(exact)
        return sorted({i for k in self.name_index.find(needle) for i in self.name_actors[k]})

    def filter_events(self, f: EventFilter) -> Positions:
        """Positions (timeline order) of the events that pass every constraint."""
        arrays: list[Positions] = []
        for key, ids in (("actor", f.actor), ("recipient", f.recipient), ("involving", f.involving)):
            if ids is not None:
                arrays.append(union([self.lookup(key, actor_id) for actor_id in ids]))
        for key, value in (("type", f.event_type), ("quad_class", f.quad_class), ("status", f.status)):
            if value is not None:
                arrays.append(self.lookup(key, value))
        if f.q is not None:
            arrays.extend(self.lookup("word", w) for w in words(f.q))
        if f.date_from is not None or f.date_to is not None:
            arrays.append(self._date_range(f.date_from, f.date_to))
        return intersection(arrays) if arrays else self.everything

    def _date_range(self, date_from: str | None, date_to: str | None) -> Positions:
        """Dated events whose period overlaps [date_from, date_to] (ISO days).

        Periods are days, months or years, so a period that starts before ``date_from`` and still
        overlaps it is the year or the month holding ``date_from``: it starts on the first day of
        that year or month. Those two runs of equal starts are the only ones to check one by one."""
        hi = bisect_right(self.starts, date_to or FAR_FUTURE)
        if date_from is None:
            return self.everything[:hi]
        mid = bisect_left(self.starts, date_from)
        earlier = [pos for first in sorted({f"{date_from[:4]}-01-01", f"{date_from[:7]}-01"})
                   for pos in range(bisect_left(self.starts, first), min(bisect_right(self.starts, first), mid))
                   if self.ends[pos] >= date_from]
        if not earlier:
            return self.everything[mid:hi]
        return np.concatenate([np.array(earlier, dtype=np.int32), self.everything[mid:hi]])

    def matching_documents(self, kb: KnowledgeBase, query: str, limit: int) -> list[int]:
        """Positions of the documents whose title, outlet or file name holds every word of ``query``,
        then of those whose article text does (full-text search in ``kb``, best first)."""
        named = match_words(self.document_words, query).tolist()
        in_text = [self.document_pos[d] for d in kb.search_texts(query, limit) if d in self.document_pos]
        return list(dict.fromkeys([*named, *in_text]))[:limit]

    # -- derived views ---------------------------------------------------------------------

    def graph(self, positions: Positions, min_weight: int = 1) -> Record:
        """Actor network: directed edges (``source`` the doer, ``target`` its recipient) weighted by
        events, split into cooperation and conflict; A acting on B and B on A are two edges."""
        edges: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for event in self.events_at(positions):
            if not (event["actor"]["id"] and event["recipient"]) or event["actor"]["id"] == event["recipient"]["id"]:
                continue
            a, b = event["actor"]["id"], event["recipient"]["id"]
            kind = "conflict" if "conflict" in (event["quad_class"] or "") else "cooperation"
            edges[(a, b)][kind] += 1
        kept = [(a, b, c) for (a, b), c in edges.items() if c.total() >= min_weight]
        node_ids = sorted({x for a, b, _ in kept for x in (a, b)})
        nodes = [{"id": i, "name": self.actor_by_id[i]["name"] if i in self.actor_by_id else i,
                  "type": self.actor_by_id.get(i, {}).get("type"), "events": self.event_count[i]} for i in node_ids]
        links = [{"source": a, "target": b, "cooperation": c["cooperation"], "conflict": c["conflict"],
                  "weight": c.total()} for a, b, c in sorted(kept, key=lambda e: (-e[2].total(), e[0], e[1]))]
        return {"nodes": nodes, "edges": links}

    def actor_profile(self, actor_id: str) -> Record | None:
        """An actor with its events by year, its quotes and its counterparts."""
        actor = self.actor_by_id.get(actor_id)
        if actor is None:
            return None
        positions = self.lookup("involving", actor_id)
        by_year: Counter[str] = Counter()
        relations: dict[str, Counter[str]] = defaultdict(Counter)
        for event in self.events_at(positions):
            by_year[(event["date"] or "undated")[:4]] += 1
            for who in (event["actor"], event["recipient"]):
                if who and who["id"] and who["id"] != actor_id:
                    relations[who["id"]][event["quad_class"] or "unknown"] += 1
        return {
            **actor,
            "event_count": len(positions),
            "events_by_year": dict(sorted(by_year.items())),
            "quotes": [self.quotes[i] for i in self.quotes_by_speaker.get(actor_id, [])],
            "relations": [{"id": other, "name": self.actor_by_id.get(other, {}).get("name", other),
                           "events": c.total(), "by_quad_class": dict(c)}
                          for other, c in sorted(relations.items(), key=lambda kv: -kv[1].total())],
        }

    def document_facts(self, doc_id: str) -> list[Record]:
        """Event mentions, quotes and claims in one document, with their offsets in the original text."""
        facts: list[Record] = []
        for event in self.events_at(self.lookup("doc", doc_id)):
            facts.extend({"kind": "event", "id": event["id"], "label": timeline.headline(event),
                          "start": m["start"], "end": m["end"]}
                         for m in event["mentions"] if m["doc_id"] == doc_id)
        quotes = [self.quotes[i] for i in self.quotes_by_doc.get(doc_id, [])]
        claims = [self.claims[i] for i in self.claims_by_doc.get(doc_id, [])]
        facts.extend({"kind": "quote", "id": q["id"], "label": (q["speaker"] or {}).get("name") or "quote",
                      "start": q["start"], "end": q["end"]} for q in quotes)
        facts.extend({"kind": "claim", "id": c["id"], "label": f"{c['subject']}: {c['value']:g} {c['unit'] or ''}",
                      "start": c["start"], "end": c["end"]} for c in claims)
        return sorted(facts, key=lambda f: (f["start"], -f["end"]))


def document_text(row: Row) -> Record:
    """The stored original text and its kept/dropped segments, from ``kb.document``."""
    segments = [{"start": s, "end": e, "kept": bool(k), "reason": r} for s, e, k, r in json.loads(row["segments"])]
    return {"text": row["original"], "segments": segments}
