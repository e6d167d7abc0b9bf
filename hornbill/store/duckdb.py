"""The DuckDB knowledge base: one file, one writer at a time.

Each ``add`` call is one transaction: a batch is stored whole or not at all.
Documents are keyed by a hash of their text, so adding an article already stored
changes nothing. Linking is incremental: a new event mention is compared only with the
stored mentions filed under its type, actor and date (``event_keys``, an index lookup), and
only the events it joins are read back, so the cost of an add does not grow with the KB.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from hornbill import link
from hornbill.errors import StoreError
from hornbill.model import QUAD_CLASS, Actor, DocResult, Document, EventMention
from hornbill.store import AddSummary, Row

T = TypeVar("T")

SCHEMA_VERSION = "2"  # 2: event_keys (the linker's candidate index); texts apart from indexed tables
LOCK_WAIT = 30.0  # seconds a writer waits for a reader's lock to go
# DuckDB answers `column = ANY(list)` through the column's index only while the list is no longer
# than this setting (default 50); past it, it scans the table. A document's linker lookups
# (up to six keys per event mention) must stay index lookups however large the KB grows.
CONFIG: dict[str, str | bool | int | float | list[str]] = {"dynamic_or_filter_threshold": 1000}
# Rows per row group (DuckDB's default: 122,880). A checkpoint rewrites the last row group of each
# grown table that has an index; with the default, the checkpoint that closes a KB after adding
# one article took seconds at 100k articles, and a tenth of that with row groups this small.
ROW_GROUP_SIZE = 8192

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
        self._check_schema_version()
        if not read_only:
            self.con.execute(resources.files("hornbill.store").joinpath("schema.sql").read_text("utf-8"))
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    @staticmethod
    def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
        """Open the file (attached as the default database, to set its row group size); a writer
        waits (up to LOCK_WAIT seconds) while a reader such as `hornbill serve` briefly holds it
        to take its snapshot."""
        options = "READ_ONLY" if read_only else f"ROW_GROUP_SIZE {ROW_GROUP_SIZE}"
        literal = "'" + str(path).replace("'", "''") + "'"
        deadline = time.monotonic() + (0 if read_only else LOCK_WAIT)
        while True:
            con = duckdb.connect(config=CONFIG)
            try:
                con.execute(f"ATTACH {literal} AS kb ({options})")
                con.execute("USE kb")
                return con
            except duckdb.IOException as exc:
                con.close()
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"{path}: cannot open knowledge base: {exc}") from exc
                time.sleep(0.1)
            except duckdb.Error as exc:
                con.close()
                raise StoreError(f"{path}: cannot open knowledge base: {exc}") from exc

    def _check_schema_version(self) -> None:
        """Refuse a KB written with another schema: it lacks tables this code reads and writes."""
        try:
            found = self._scalar("SELECT value FROM meta WHERE key = 'schema_version'")
        except duckdb.CatalogException:
            return  # a new file: the schema is created next
        if found is not None and found != SCHEMA_VERSION:
            self.con.close()
            raise StoreError(f"{self.path}: knowledge base has schema version {found}, this hornbill uses "
                             f"version {SCHEMA_VERSION}; rebuild it with `hornbill build`")

    # -- writing ---------------------------------------------------------------------------

    def _insert(self, table: str, rows: list[list[Any]]) -> None:
        """Insert many rows in one statement (columns passed as lists and unnested side by side).

        One statement per table (and document, or batch) keeps the cost of an add independent of
        how many actor mentions or claims the article holds; executemany runs a statement per row.
        """
        if not rows:
            return
        columns = list(zip(*rows, strict=True))
        unnest = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
        self.con.execute(f"INSERT INTO {table} SELECT {unnest}", [list(c) for c in columns])

    def _insert_rows(self, table: str, rows: list[Row]) -> None:
        """Insert dicts keyed by column name (all with the same keys) in one statement."""
        if not rows:
            return
        names = list(rows[0])
        unnest = ", ".join(f'unnest(${i + 1}) AS "{name}"' for i, name in enumerate(names))
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT {unnest}", [[r[n] for r in rows] for n in names])

    def add(self, results: Iterable[DocResult]) -> AddSummary:
        """Store and link a batch of documents in one transaction.

        Rows of the tables that adding never reads (texts, actor mentions, quotes, claims) are
        written once for the whole batch, a statement per table rather than per document.
        """
        summary = AddSummary()
        unread: dict[str, list[list[Any]]] = defaultdict(list)
        self.con.execute("BEGIN TRANSACTION")
        try:
            last_seq = int(self._scalar("SELECT coalesce(max(seq), 0) FROM documents"))
            for result in results:
                self._add_one(result, last_seq + summary.added + 1, summary, unread)
            for table, rows in unread.items():
                self._insert(table, rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return summary

    def _add_one(self, result: DocResult, seq: int, summary: AddSummary, unread: dict[str, list[list[Any]]]) -> None:
        doc = result.document
        if self.has_document(doc.doc_id):
            summary.already_stored += 1
            return
        duplicate_of, source_key = self._near_duplicate(result)
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.doc_id, doc.source, doc.title, doc.outlet, doc.url, doc.published.value,
             doc.published.precision, doc.published.basis, doc.language, len(doc.original), doc.kept_chars,
             list(doc.warnings), seq, duplicate_of, source_key],
        )
        unread["document_texts"].append([doc.doc_id, doc.original, doc.text, json.dumps(doc.pieces),
                                         json.dumps([[s.start, s.end, s.kept, s.reason] for s in doc.segments])])
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
        unread["actor_mentions"] += [[doc.doc_id, m.start, m.end, m.text, m.actor.key, m.how] for m in result.actors]
        self._refresh_actors(actors, result)
        merged, new_events = self._link_events(result, source_key)
        summary.merged += merged
        summary.events += new_events
        unread["quotes"] += [[q.quote_id, q.doc_id, q.speaker.key if q.speaker else None, q.text,
                              q.evidence.sentence, q.evidence.start, q.evidence.end]
                             for q in _first_per_id(result.quotes, lambda q: q.quote_id)]
        unread["claims"] += [[c.claim_id, c.doc_id, c.subject, c.about.key if c.about else None, c.value, c.unit,
                              c.qualifier, c.evidence.sentence, c.evidence.start, c.evidence.end]
                             for c in _first_per_id(result.claims, lambda c: c.claim_id)]
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

    def _link_events(self, result: DocResult, source_key: str) -> tuple[int, int]:
        """Store a document's event mentions, each merged with every event it reports; returns (how
        many mentions joined an event rather than founding one, how many events the KB gained).

        Clusters are resolved in memory: union-find over this document's mentions and the stored
        mentions filed under their probe keys. Then only the events they join are read back, and
        new rows, changed rows and the touched events are written in a few statements.
        """
        mentions = {ev.mention_id: ev for ev in result.events}
        new_rows = {m: self._mention_row(ev, result.document, source_key) for m, ev in mentions.items()}
        new = {m: link.as_stored(ev, new_rows[m]["event_id"]) for m, ev in mentions.items()}
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        filed = self._filed_under({key for mention in new.values() for key in link.probe_keys(mention)})
        earlier: list[link.StoredMention] = []
        for mention in new.values():
            candidates = [m for key in link.probe_keys(mention) for m in filed.get(key, [])]
            for event_id in link.events_to_join(mention, [*candidates, *earlier]):
                parent[root(event_id)] = root(mention.event_id)
            earlier.append(mention)
        clusters: dict[str, list[str]] = {}
        for event_id in {*parent, *(m.event_id for m in new.values())}:
            clusters.setdefault(root(event_id), []).append(event_id)
        new_ids = {m.event_id for m in new.values()}
        stored_ids = sorted(e for ids in clusters.values() for e in ids if e not in new_ids)
        members: dict[str, list[Row]] = {}
        stored = self._rows("SELECT * FROM event_mentions WHERE event_id = ANY(?)", [stored_ids]) if stored_ids else []
        for row in [*stored, *new_rows.values()]:
            members.setdefault(row["event_id"], []).append(row)
        events, changed = [], []
        for ids in clusters.values():
            event, relinked = self._join(sorted((r for e in ids for r in members[e]), key=lambda r: r["mention_id"]))
            events.append(event)
            changed += [r for r in relinked if r["mention_id"] not in new_rows]
        self._insert_rows("event_mentions", list(new_rows.values()))
        self._insert_rows("event_keys", [{"key": key, "mention_id": mention_id} for mention_id, mention in new.items()
                                         for key in link.filing_keys(mention)])
        if changed:
            self.con.execute(
                "UPDATE event_mentions SET event_id = r.event_id, link_reason = r.why FROM (SELECT unnest(?) AS id, "
                "unnest(?) AS event_id, unnest(?) AS why) r WHERE event_mentions.mention_id = r.id",
                [[r["mention_id"] for r in changed], [r["event_id"] for r in changed],
                 [r["link_reason"] for r in changed]])
        if stored_ids:
            self.con.execute("DELETE FROM events WHERE event_id = ANY(?)", [stored_ids])
        self._insert_rows("events", events)
        founded = sum(1 for ids in clusters.values() if all(e in new_ids for e in ids))
        return len(new) - founded, len(clusters) - len(stored_ids)

    def _filed_under(self, keys: set[str]) -> dict[str, list[link.StoredMention]]:
        """The stored mentions filed under each of ``keys`` (two index lookups)."""
        filed = self._rows("SELECT key, mention_id FROM event_keys WHERE key = ANY(?)", [sorted(keys)]) if keys else []
        if not filed:
            return {}
        stored = {r["mention_id"]: _stored(r) for r in self._rows(
            "SELECT mention_id, event_id, doc_id, event_type, actor_key, recipient_key, date, date_precision "
            "FROM event_mentions WHERE mention_id = ANY(?)", [sorted({f["mention_id"] for f in filed})])}
        by_key: dict[str, list[link.StoredMention]] = {}
        for f in filed:
            by_key.setdefault(f["key"], []).append(stored[f["mention_id"]])
        return by_key

    @staticmethod
    def _join(mentions: list[Row]) -> tuple[Row, list[Row]]:
        """(the event row, the mentions whose event id or link reason changed) of making ``mentions``
        (rows sorted by id, updated in place) one event; the best-dated mention speaks for it."""
        event_id = link.event_id_for(m["mention_id"] for m in mentions)
        reasons = link.link_reasons([_stored(m) for m in mentions], [m["mention_id"] for m in mentions])
        changed = []
        for m, why in zip(mentions, reasons, strict=True):
            if (m["event_id"], m["link_reason"]) != (event_id, why):
                m["event_id"], m["link_reason"] = event_id, why
                changed.append(m)
        best = max(mentions, key=lambda m: (*link.mention_rank(m["date_basis"], m["date_precision"],
                                                                 m["confidence"]), m["mention_id"]))
        published = sorted(m["published"] for m in mentions if m["published"])
        return {
            "event_id": event_id, "event_type": best["event_type"], "mode": best["mode"],
            "quad_class": QUAD_CLASS.get(best["event_type"]), "actor_key": best["actor_key"],
            "recipient_key": best["recipient_key"] or next(
                (m["recipient_key"] for m in mentions if m["recipient_key"]), None),
            "date": best["date"], "date_precision": best["date_precision"], "date_basis": best["date_basis"],
            "status": best["status"], "location_name": best["location_name"],
            "location_country": best["location_country"], "summary": best["summary"],
            "confidence": max(m["confidence"] for m in mentions),
            "num_sources": len({m["source_key"] for m in mentions}), "num_mentions": len(mentions),
            "first_reported": published[0] if published else None,
        }, changed

    @staticmethod
    def _mention_row(ev: EventMention, doc: Document, source_key: str) -> Row:
        """An event mention as an ``event_mentions`` row, in an event of its own until linked."""
        return {
            "mention_id": ev.mention_id, "event_id": link.event_id_for([ev.mention_id]), "doc_id": doc.doc_id,
            "event_type": ev.event_type, "mode": ev.mode, "actor_key": ev.actor.key if ev.actor else None,
            "recipient_key": ev.recipient.key if ev.recipient else None,
            "claimed_by_key": ev.claimed_by.key if ev.claimed_by else None, "date": ev.date.value,
            "date_precision": ev.date.precision, "date_basis": ev.date.basis, "status": ev.status,
            "location_name": ev.location.name if ev.location else None,
            "location_country": ev.location.country if ev.location else None, "sentence": ev.evidence.sentence,
            "start": ev.evidence.start, "end": ev.evidence.end, "trigger": ev.trigger, "confidence": ev.confidence,
            "summary": ev.summary, "link_reason": None, "outlet": doc.outlet, "published": doc.published.value,
            "source_key": source_key,
        }

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
        return self._rows("SELECT * EXCLUDE (seq, source_key) FROM documents "
                          "ORDER BY published NULLS LAST, source, doc_id")

    def document(self, ref: str) -> Row | None:
        """A document by id, id prefix, or source path (exact, or ending with ``ref``)."""
        rows = self._rows(
            "SELECT doc_id FROM documents WHERE doc_id = ? OR source = ? OR starts_with(doc_id, ?) "
            "OR ends_with(source, ?) ORDER BY seq LIMIT 1", [ref, ref, ref, ref])
        if not rows:
            return None
        found = self._rows("SELECT d.* EXCLUDE (seq), t.* EXCLUDE (doc_id) FROM documents d "
                           "JOIN document_texts t USING (doc_id) WHERE d.doc_id = ?", [rows[0]["doc_id"]])
        return found[0] if found else None

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


def _stored(row: Row) -> link.StoredMention:
    """The linker's view of an ``event_mentions`` row."""
    return link.StoredMention(row["event_id"], row["doc_id"], row["event_type"], row["actor_key"],
                              row["recipient_key"], row["date"], row["date_precision"])


def _first_per_id(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """``items`` without repeats: the first item of each id (a statement found twice is stored once)."""
    first: dict[str, T] = {}
    for item in items:
        first.setdefault(key(item), item)
    return list(first.values())
