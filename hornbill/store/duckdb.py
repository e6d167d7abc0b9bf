"""The DuckDB knowledge base: one file, one writer at a time.

Each ``add`` call is one transaction: a batch is stored whole or not at all.
Documents are keyed by a hash of their text, so adding an article already stored
changes nothing. Linking is incremental: a new event mention is compared only with
stored mentions of the same type and actor (an index lookup), never with the whole KB.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from hornbill import link
from hornbill.errors import StoreError
from hornbill.model import QUAD_CLASS, Actor, DocResult
from hornbill.store import AddSummary, Row

SCHEMA_VERSION = "1"
LOCK_WAIT = 30.0  # seconds a writer waits for a reader's lock to go

# DuckDB's client probes for pandas on every statement that binds parameters, and a failed
# import is not cached, so without pandas each execute walks sys.path about ten times (more
# than half the cost of adding an article). When pandas is not installed, record that once.
if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
    sys.modules["pandas"] = None  # type: ignore[assignment]


class DuckDBKnowledgeBase:
    def __init__(self, path: Path, read_only: bool = False) -> None:
        if read_only and not path.exists():
            raise StoreError(f"{path}: no such knowledge base (build one with `hornbill build`)")
        self.con = self._connect(path, read_only)
        self.path = path
        if not read_only:
            self.con.execute(resources.files("hornbill.store").joinpath("schema.sql").read_text("utf-8"))
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    @staticmethod
    def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
        """Open the file; a writer waits (up to LOCK_WAIT seconds) while a reader such as
        `hornbill serve` briefly holds it to take its snapshot."""
        deadline = time.monotonic() + (0 if read_only else LOCK_WAIT)
        while True:
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"{path}: cannot open knowledge base: {exc}") from exc
                time.sleep(0.1)
            except duckdb.Error as exc:
                raise StoreError(f"{path}: cannot open knowledge base: {exc}") from exc

    # -- writing ---------------------------------------------------------------------------

    def _insert(self, table: str, rows: list[list[Any]], ignore: bool = False) -> None:
        """Insert many rows in one statement (columns passed as lists and unnested side by side).

        One statement per table and document keeps the cost of an add independent of how
        many actor mentions or claims the article holds; executemany runs a statement per row.
        """
        if not rows:
            return
        columns = list(zip(*rows, strict=True))
        unnest = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        self.con.execute(f"{verb} INTO {table} SELECT {unnest}", [list(c) for c in columns])

    def add(self, results: Iterable[DocResult]) -> AddSummary:
        """Store and link a batch of documents in one transaction."""
        summary = AddSummary()
        self.con.execute("BEGIN TRANSACTION")
        try:
            events_before = self._scalar("SELECT count(*) FROM events")
            for result in results:
                self._add_one(result, summary)
            summary.events = self._scalar("SELECT count(*) FROM events") - events_before
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return summary

    def _add_one(self, result: DocResult, summary: AddSummary) -> None:
        doc = result.document
        if self.has_document(doc.doc_id):
            summary.already_stored += 1
            return
        seq = self._scalar("SELECT coalesce(max(seq), 0) + 1 FROM documents")
        duplicate_of, source_key = self._near_duplicate(result)
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.doc_id, doc.source, doc.title, doc.outlet, doc.url, doc.published.value,
             doc.published.precision, doc.published.basis, doc.language, len(doc.original), doc.kept_chars,
             list(doc.warnings), doc.original, doc.text, json.dumps(doc.pieces),
             json.dumps([[s.start, s.end, s.kept, s.reason] for s in doc.segments]), seq, duplicate_of,
             source_key],
        )
        actors: dict[str, Actor] = {}
        for m in result.actors:
            actors[m.actor.key] = m.actor
        for ev in result.events:
            for a in (ev.actor, ev.recipient, ev.claimed_by):
                if a is not None:
                    actors.setdefault(a.key, a)
        for q in result.quotes:
            if q.speaker is not None:
                actors.setdefault(q.speaker.key, q.speaker)
        for c in result.claims:
            if c.about is not None:
                actors.setdefault(c.about.key, c.about)
        self._insert("actor_mentions",
                     [[doc.doc_id, m.start, m.end, m.text, m.actor.key, m.how] for m in result.actors])
        self._refresh_actors(actors, result)
        summary.merged += self._link_events(result, source_key)
        self._insert("quotes", [[q.quote_id, q.doc_id, q.speaker.key if q.speaker else None, q.text,
                                 q.evidence.sentence, q.evidence.start, q.evidence.end] for q in result.quotes],
                     ignore=True)
        self._insert("claims", [[c.claim_id, c.doc_id, c.subject, c.about.key if c.about else None, c.value,
                                 c.unit, c.qualifier, c.evidence.sentence, c.evidence.start, c.evidence.end]
                                for c in result.claims], ignore=True)
        summary.added += 1
        summary.doc_ids.append(doc.doc_id)

    def _refresh_actors(self, actors: dict[str, Actor], result: DocResult) -> None:
        """Upsert canonical actor rows: add this document's surface forms and mention counts."""
        if not actors:
            return
        keys = sorted(actors)
        known = {r["actor_key"]: r for r in self._rows(
            "SELECT * FROM actors WHERE actor_key = ANY(?)", [keys])}
        seen: dict[str, set[str]] = {key: set() for key in keys}
        counts: dict[str, int] = dict.fromkeys(keys, 0)
        for m in result.actors:
            if m.how != "pronoun":  # "he", "it" are mentions, never names of the actor
                seen[m.actor.key].add(m.text)
            counts[m.actor.key] += 1
        rows = []
        for key in keys:
            actor, old = actors[key], known.get(key)
            aliases = set(actor.aliases) | seen[key] | set(old["aliases"] if old else [])
            if old:
                rows.append([key, old["name"], old["type"], old["country"] or actor.country,
                             old["wikidata"] or actor.wikidata, sorted(aliases), old["mentions"] + counts[key]])
            else:
                rows.append([key, actor.name, actor.type, actor.country, actor.wikidata, sorted(aliases),
                             counts[key]])
        self.con.execute("DELETE FROM actors WHERE actor_key = ANY(?)", [keys])
        self._insert("actors", rows)

    def _near_duplicate(self, result: DocResult) -> tuple[str | None, str]:
        """(the stored article this one nearly repeats, the source key it counts under)."""
        doc = result.document
        signature = link.minhash(doc.text)
        keys = link.bands(signature)
        candidates = [r["doc_id"] for r in self._rows(
            "SELECT DISTINCT doc_id FROM doc_bands WHERE band = ANY(?)", [keys])]
        self.con.execute("INSERT INTO doc_signatures VALUES (?, ?)", [doc.doc_id, signature])
        self._insert("doc_bands", [[key, doc.doc_id] for key in keys])
        best, best_score = None, link.NEAR_DUPLICATE
        for r in self._rows("SELECT doc_id, signature FROM doc_signatures WHERE doc_id = ANY(?) "
                            "ORDER BY doc_id", [candidates]) if candidates else []:
            score = link.similarity(signature, r["signature"])
            if score >= best_score:
                best, best_score = r["doc_id"], score
        if best is None:
            return None, link.source_key(doc.outlet, doc.doc_id)
        return best, str(self._scalar("SELECT source_key FROM documents WHERE doc_id = ?", [best]))

    def _link_events(self, result: DocResult, source_key: str) -> int:
        """Store a document's event mentions, each merged with every event it reports; returns how
        many mentions joined an event rather than founding one.

        Clusters are resolved in memory (union-find over this document's mentions and the stored
        candidates of the same type and actor, found through an index), then written in a few
        statements: only clusters that absorb stored events are read back from the KB.
        """
        doc = result.document
        mentions = list({ev.mention_id: ev for ev in result.events}.values())
        provisional = {ev.mention_id: link.event_id_for([ev.mention_id]) for ev in mentions}
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        own: list[link.StoredMention] = []
        for ev in mentions:
            mine = provisional[ev.mention_id]
            candidates = [link.StoredMention(**r) for r in self._rows(
                "SELECT event_id, doc_id, event_type, actor_key, recipient_key, date, date_precision "
                "FROM event_mentions WHERE " + ("actor_key = ? AND event_type = ?" if ev.actor else
                                                "actor_key IS NULL AND event_type = ?"),
                [ev.actor.key, ev.event_type] if ev.actor else [ev.event_type])]
            for event_id in link.events_to_join(ev, [*candidates, *own]):
                parent[root(event_id)] = root(mine)
            own.append(link.as_stored(ev, mine))
        clusters: dict[str, list[str]] = {}
        for event_id in {*parent, *provisional.values()}:
            clusters.setdefault(root(event_id), []).append(event_id)
        new_ids = set(provisional.values())
        stored_ids = [e for ids in clusters.values() for e in ids if e not in new_ids]
        members: dict[str, list[str]] = {}
        for r in self._rows("SELECT event_id, mention_id FROM event_mentions WHERE event_id = ANY(?)",
                            [stored_ids]) if stored_ids else []:
            members.setdefault(r["event_id"], []).append(r["mention_id"])
        final: dict[str, str] = {}  # provisional event id -> final event id
        for ids in clusters.values():
            mention_ids = [m for e in ids for m in members.get(e, [])]
            mention_ids += [m for m, e in provisional.items() if e in ids]
            for e in ids:
                final[e] = link.event_id_for(mention_ids)
        self._insert("event_mentions", [[
            ev.mention_id, final[provisional[ev.mention_id]], doc.doc_id, ev.event_type, ev.mode,
            ev.actor.key if ev.actor else None, ev.recipient.key if ev.recipient else None,
            ev.claimed_by.key if ev.claimed_by else None, ev.date.value, ev.date.precision, ev.date.basis,
            ev.status, ev.location.name if ev.location else None, ev.location.country if ev.location else None,
            ev.evidence.sentence, ev.evidence.start, ev.evidence.end, ev.trigger, ev.confidence, ev.summary, None,
            doc.outlet, doc.published.value, source_key] for ev in mentions], ignore=True)
        moved = {e: f for e, f in final.items() if e in members and e != f}
        if moved:
            self.con.execute(
                "UPDATE event_mentions SET event_id = r.new FROM (SELECT unnest(?) AS old, unnest(?) AS new) r "
                "WHERE event_mentions.event_id = r.old", [list(moved), list(moved.values())])
        touched = sorted({final[e] for e in final})
        self.con.execute("DELETE FROM events WHERE event_id = ANY(?)", [sorted({*touched, *moved})])
        for event_id in touched:
            self._refresh_event(event_id)
        founded = sum(1 for ids in clusters.values() if not any(e in members for e in ids))
        return len(mentions) - founded

    def _refresh_event(self, event_id: str) -> None:
        """Write an event's row from all its mentions (the best-dated mention speaks for it)."""
        mentions = self._rows("SELECT * FROM event_mentions WHERE event_id = ? ORDER BY mention_id", [event_id])
        if len(mentions) > 1:
            stored = [link.StoredMention(event_id, m["doc_id"], m["event_type"], m["actor_key"],
                                         m["recipient_key"], m["date"], m["date_precision"]) for m in mentions]
            ids = [m["mention_id"] for m in mentions]
            reasons = link.link_reasons(stored, ids)
            self.con.execute(
                "UPDATE event_mentions SET link_reason = r.why FROM (SELECT unnest(?) AS id, unnest(?) AS why) r "
                "WHERE event_mentions.mention_id = r.id", [ids, reasons])
        best = max(mentions, key=lambda m: (*link.mention_rank(m["date_basis"], m["date_precision"],
                                                                 m["confidence"]), m["mention_id"]))
        recipient = best["recipient_key"] or next(
            (m["recipient_key"] for m in mentions if m["recipient_key"]), None)
        published = sorted(m["published"] for m in mentions if m["published"])
        self.con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [event_id, best["event_type"], best["mode"], QUAD_CLASS.get(best["event_type"]), best["actor_key"],
             recipient, best["date"], best["date_precision"], best["date_basis"], best["status"],
             best["location_name"], best["location_country"], best["summary"],
             max(m["confidence"] for m in mentions),
             len({m["source_key"] for m in mentions}),
             len(mentions), published[0] if published else None],
        )

    # -- reading ---------------------------------------------------------------------------

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[Row]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None

    def has_document(self, doc_id: str) -> bool:
        return bool(self._scalar("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]))

    def counts(self) -> dict[str, int]:
        tables = ["documents", "events", "event_mentions", "actors", "quotes", "claims"]
        return {t: int(self._scalar(f"SELECT count(*) FROM {t}")) for t in tables}

    def documents(self) -> list[Row]:
        return self._rows("SELECT * EXCLUDE (original, text, pieces, segments, seq, source_key) FROM documents "
                          "ORDER BY published NULLS LAST, source, doc_id")

    def document(self, ref: str) -> Row | None:
        """A document by id, id prefix, or source path (exact, or ending with ``ref``)."""
        rows = self._rows(
            "SELECT * EXCLUDE (seq) FROM documents WHERE doc_id = ? OR source = ? OR starts_with(doc_id, ?) "
            "OR ends_with(source, ?) ORDER BY seq", [ref, ref, ref, ref])
        return rows[0] if rows else None

    def events(self) -> list[Row]:
        return self._rows("SELECT * FROM events ORDER BY date NULLS LAST, event_id")

    def event_mentions(self, event_ids: Iterable[str] | None = None) -> list[Row]:
        sql = ("SELECT m.*, d.source FROM event_mentions m JOIN documents d USING (doc_id)")
        if event_ids is None:
            return self._rows(sql + " ORDER BY m.published NULLS LAST, d.source, m.start, m.mention_id")
        ids = list(event_ids)
        return self._rows(sql + " WHERE m.event_id = ANY(?) "
                          "ORDER BY m.published NULLS LAST, d.source, m.start, m.mention_id", [ids])

    def actors(self) -> list[Row]:
        return self._rows("SELECT * FROM actors ORDER BY mentions DESC, name")

    def quotes(self) -> list[Row]:
        return self._rows("SELECT q.*, d.source FROM quotes q JOIN documents d USING (doc_id) "
                          "ORDER BY d.published NULLS LAST, d.source, q.start")

    def claims(self) -> list[Row]:
        return self._rows("SELECT c.*, d.source, d.outlet, d.published FROM claims c "
                          "JOIN documents d USING (doc_id) ORDER BY d.published NULLS LAST, d.source, c.start")

    def close(self) -> None:
        self.con.close()
