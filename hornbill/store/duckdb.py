"""The DuckDB knowledge base: one file, one writer at a time.

Each ``add`` call is one transaction: a batch is stored whole or not at all.
Documents are keyed by a hash of their text, so adding an article already stored
changes nothing. Linking is incremental: a new event mention is compared only with
stored mentions of the same type and actor (an index lookup), never with the whole KB.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from hornbill import link
from hornbill.errors import StoreError
from hornbill.model import QUAD_CLASS, Actor, DocResult, EventMention
from hornbill.store import AddSummary, Row

SCHEMA_VERSION = "1"


class DuckDBKnowledgeBase:
    def __init__(self, path: Path, read_only: bool = False) -> None:
        if read_only and not path.exists():
            raise StoreError(f"{path}: no such knowledge base (build one with `hornbill build`)")
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open knowledge base: {exc}") from exc
        self.path = path
        if not read_only:
            self.con.execute(resources.files("hornbill.store").joinpath("schema.sql").read_text("utf-8"))
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    # -- writing ---------------------------------------------------------------------------

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
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.doc_id, doc.source, doc.title, doc.outlet, doc.url, doc.published.value,
             doc.published.precision, doc.published.basis, doc.language, len(doc.original), doc.kept_chars,
             list(doc.warnings), doc.original, doc.text, json.dumps(doc.pieces),
             json.dumps([[s.start, s.end, s.kept, s.reason] for s in doc.segments]), seq],
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
        if result.actors:
            self.con.executemany(
                "INSERT INTO actor_mentions VALUES (?, ?, ?, ?, ?, ?)",
                [[doc.doc_id, m.start, m.end, m.text, m.actor.key, m.how] for m in result.actors],
            )
        self._refresh_actors(actors)
        touched: set[str] = set()
        for ev in result.events:
            touched.add(self._link_event(ev, summary))
        for event_id in touched:
            self._refresh_event(event_id)
        if result.quotes:
            self.con.executemany(
                "INSERT OR IGNORE INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?)",
                [[q.quote_id, q.doc_id, q.speaker.key if q.speaker else None, q.text,
                  q.evidence.sentence, q.evidence.start, q.evidence.end] for q in result.quotes],
            )
        if result.claims:
            self.con.executemany(
                "INSERT OR IGNORE INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[c.claim_id, c.doc_id, c.subject, c.about.key if c.about else None, c.value, c.unit, c.qualifier,
                  c.evidence.sentence, c.evidence.start, c.evidence.end] for c in result.claims],
            )
        summary.added += 1
        summary.doc_ids.append(doc.doc_id)

    def _refresh_actors(self, actors: dict[str, Actor]) -> None:
        """Upsert canonical actor rows: aliases seen and mention counts are recomputed from mentions."""
        for key, actor in actors.items():
            known = self._rows("SELECT * FROM actors WHERE actor_key = ?", [key])
            aliases = sorted(set(actor.aliases) | set(known[0]["aliases"] if known else []))
            seen = [r["text"] for r in self._rows(
                "SELECT DISTINCT text FROM actor_mentions WHERE actor_key = ?", [key])]
            aliases = sorted(set(aliases) | set(seen))
            mentions = self._scalar("SELECT count(*) FROM actor_mentions WHERE actor_key = ?", [key])
            self.con.execute("DELETE FROM actors WHERE actor_key = ?", [key])
            base = known[0] if known else {"name": actor.name, "type": actor.type, "country": actor.country,
                                           "wikidata": actor.wikidata}
            self.con.execute(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?)",
                [key, base["name"], base["type"], base["country"] or actor.country,
                 base["wikidata"] or actor.wikidata, aliases, mentions],
            )

    def _link_event(self, ev: EventMention, summary: AddSummary) -> str:
        """Store one event mention, merged with every stored event it reports (or as a new event)."""
        actor_key = ev.actor.key if ev.actor else None
        candidates = [
            link.StoredMention(**r) for r in self._rows(
                "SELECT event_id, doc_id, event_type, actor_key, recipient_key, date, date_precision "
                "FROM event_mentions WHERE event_type = ? AND actor_key IS NOT DISTINCT FROM ?",
                [ev.event_type, actor_key])
        ]
        joined = link.events_to_join(ev, candidates)
        self.con.execute(
            "INSERT OR IGNORE INTO event_mentions VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [ev.mention_id, link.event_id_for([ev.mention_id]), ev.evidence.doc_id, ev.event_type, ev.mode,
             actor_key, ev.recipient.key if ev.recipient else None, ev.claimed_by.key if ev.claimed_by else None,
             ev.date.value, ev.date.precision, ev.date.basis, ev.status,
             ev.location.name if ev.location else None, ev.location.country if ev.location else None,
             ev.evidence.sentence, ev.evidence.start, ev.evidence.end, ev.trigger, ev.confidence, ev.summary,
             None],
        )
        if not joined:
            return link.event_id_for([ev.mention_id])
        summary.merged += 1
        members = [ev.mention_id, *(r["mention_id"] for r in self._rows(
            "SELECT mention_id FROM event_mentions WHERE list_contains(?, event_id)", [list(joined)]))]
        event_id = link.event_id_for(members)
        self.con.execute("UPDATE event_mentions SET event_id = ? WHERE list_contains(?, mention_id)",
                         [event_id, members])
        self.con.execute("DELETE FROM events WHERE list_contains(?, event_id) AND event_id <> ?",
                         [list(joined), event_id])
        return event_id

    def _refresh_event(self, event_id: str) -> None:
        """Recompute an event's row from all its mentions (the best-dated mention speaks for it)."""
        self.con.execute("DELETE FROM events WHERE event_id = ?", [event_id])
        mentions = self._rows(
            "SELECT m.*, d.outlet, d.published FROM event_mentions m JOIN documents d USING (doc_id) "
            "WHERE m.event_id = ? ORDER BY m.mention_id", [event_id])
        if not mentions:
            return  # merged into another event by a later mention of the same document
        stored = [link.StoredMention(event_id, m["doc_id"], m["event_type"], m["actor_key"], m["recipient_key"],
                                     m["date"], m["date_precision"]) for m in mentions]
        ids = [m["mention_id"] for m in mentions]
        for mention_id, reason in zip(ids, link.link_reasons(stored, ids), strict=True):
            self.con.execute("UPDATE event_mentions SET link_reason = ? WHERE mention_id = ?", [reason, mention_id])
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
             link.count_sources([m["outlet"] for m in mentions], [m["doc_id"] for m in mentions]),
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
        return self._rows("SELECT * EXCLUDE (original, text, pieces, segments, seq) FROM documents "
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
        sql = ("SELECT m.*, d.source, d.outlet, d.published FROM event_mentions m "
               "JOIN documents d USING (doc_id)")
        if event_ids is None:
            return self._rows(sql + " ORDER BY d.published NULLS LAST, d.source, m.start, m.mention_id")
        ids = list(event_ids)
        return self._rows(sql + " WHERE list_contains(?, m.event_id) "
                          "ORDER BY d.published NULLS LAST, d.source, m.start, m.mention_id", [ids])

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
