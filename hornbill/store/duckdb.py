"""The DuckDB knowledge base: one file, one writer at a time.

Each ``add`` call is one transaction: a batch is stored whole or not at all.
Documents are keyed by a hash of their text, so adding an article already stored
changes nothing. Linking is incremental: a new event mention is compared only with the
stored mentions filed under its type, actor and date (``event_keys``, an index lookup), and
only the events it joins are read back, so the cost of an add does not grow with the KB.
A batch is linked as a whole, in a fixed number of statements, exactly as if its documents had
been added one by one (see ``add``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from itertools import count
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from hornbill import link
from hornbill.dates import resolve_in_year, story_year
from hornbill.errors import StoreError
from hornbill.model import QUAD_CLASS, Actor, DocResult, Document, EventMention, Tense
from hornbill.store import AddSummary, Row

T = TypeVar("T")

SCHEMA_VERSION = "4"  # 2: event_keys (the linker's candidate index); texts apart from indexed tables;
# 3: event keys for office holders and for dates that do not pin an event down (link.filing_keys);
# 4: unresolved date expressions of undated articles (read in the story's year), mentions by document
LOCK_WAIT = 30.0  # seconds a writer waits for a reader's lock to go
# DuckDB answers `column = ANY(list)` through the column's index only while the list is no longer
# than dynamic_or_filter_threshold (default 50) and matches no more rows than index_scan_max_count
# (default 2048, or 0.1 % of the table); past either, it scans the whole table. A batch's linker
# lookups (16 documents, up to six keys per event mention, every stored mention filed under them)
# must stay index lookups however large the KB grows. On a table of 2M rows an index lookup of
# 3,000 keys took half the time of the scan; at 12,000 they broke even.
CONFIG: dict[str, str | bool | int | float | list[str]] = {"dynamic_or_filter_threshold": 10_000,
                                                           "index_scan_max_count": 10_000}
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

        One statement per table and batch keeps the cost of an add independent of how many
        documents, actor mentions or claims the batch holds; executemany runs a statement per row.
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

        The batch is handled as a whole, with a fixed number of statements whatever its size: one
        lookup per kind of candidate (stored documents, near-duplicates, actors, linker keys,
        events joined), one insert per table, one update and one delete. The KB ends as if the
        documents had been added one by one in the order given, and so does the summary.
        """
        summary = AddSummary()
        self.con.execute("BEGIN TRANSACTION")
        try:
            batch, last_seq = self._new_results(list(results), summary)
            if batch:
                self._store_batch(batch, last_seq, summary)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return summary

    def _new_results(self, results: list[DocResult], summary: AddSummary) -> tuple[list[DocResult], int]:
        """(the results whose document is neither stored nor earlier in the batch, the last
        sequence number given); the others are counted as already stored."""
        last_seq, stored = self.con.execute(
            "SELECT (SELECT coalesce(max(seq), 0) FROM documents), list(doc_id) FROM documents "
            "WHERE doc_id = ANY(?)", [[r.document.doc_id for r in results]]).fetchone() or (0, None)
        seen = set(stored or [])
        batch = []
        for result in results:
            if result.document.doc_id in seen:
                summary.already_stored += 1
                continue
            seen.add(result.document.doc_id)
            batch.append(result)
        return batch, int(last_seq)

    def _store_batch(self, batch: list[DocResult], last_seq: int, summary: AddSummary) -> None:
        """Store and link new documents: one insert per table for the whole batch."""
        duplicates = self._near_duplicates(batch)
        self._insert("documents", [
            [doc.doc_id, doc.source, doc.title, doc.outlet, doc.url, doc.published.value, doc.published.precision,
             doc.published.basis, doc.language, len(doc.original), doc.kept_chars, list(doc.warnings), seq,
             duplicate_of, source_key]
            for seq, doc, (duplicate_of, source_key)
            in zip(count(last_seq + 1), (r.document for r in batch), duplicates, strict=False)])
        self._insert("document_texts", [
            [doc.doc_id, doc.original, doc.text, json.dumps(doc.pieces),
             json.dumps([[s.start, s.end, s.kept, s.reason] for s in doc.segments])]
            for doc in (r.document for r in batch)])
        self._insert("actor_mentions", [[r.document.doc_id, m.start, m.end, m.text, m.actor.key, m.how]
                                        for r in batch for m in r.actors])
        self._refresh_actors(batch)
        summary.merged, summary.events = self._link_events(batch, [key for _, key in duplicates])
        self._insert("quotes", [[q.quote_id, q.doc_id, q.speaker.key if q.speaker else None, q.text,
                                 q.evidence.sentence, q.evidence.start, q.evidence.end]
                                for r in batch for q in _first_per_id(r.quotes, lambda q: q.quote_id)])
        self._insert("claims", [[c.claim_id, c.doc_id, c.subject, c.about.key if c.about else None, c.value, c.unit,
                                 c.qualifier, c.evidence.sentence, c.evidence.start, c.evidence.end]
                                for r in batch for c in _first_per_id(r.claims, lambda c: c.claim_id)])
        summary.added = len(batch)
        summary.doc_ids = [r.document.doc_id for r in batch]

    def _refresh_actors(self, batch: list[DocResult]) -> None:
        """Upsert canonical actor rows: add each document's surface forms and mention counts, in
        batch order (the first document to name an actor gives its name and type)."""
        per_doc = [_named_actors(r) for r in batch]
        keys = sorted({key for actors in per_doc for key in actors})
        if not keys:
            return
        rows = {r["actor_key"]: r for r in self._rows("SELECT * FROM actors WHERE actor_key = ANY(?)", [keys])}
        stored = sorted(rows)
        for actors, result in zip(per_doc, batch, strict=True):
            rows.update(_actor_rows(actors, result, rows))
        if stored:
            self.con.execute("DELETE FROM actors WHERE actor_key = ANY(?)", [stored])
        self._insert_rows("actors", [rows[key] for key in keys])

    def _near_duplicates(self, batch: list[DocResult]) -> list[tuple[str | None, str]]:
        """(the article each one nearly repeats, the source key it counts under), for each result;
        stores the batch's MinHash signatures and bands."""
        signatures = [link.minhash(r.document.text) for r in batch]
        bands = [link.bands(s) for s in signatures]
        out = self._source_keys(batch, self._nearest(batch, signatures, bands))
        self._insert("doc_signatures", [[r.document.doc_id, s] for r, s in zip(batch, signatures, strict=True)])
        self._insert("doc_bands", [[k, r.document.doc_id] for r, ks in zip(batch, bands, strict=True) for k in ks])
        return out

    def _nearest(self, batch: list[DocResult], signatures: list[list[int]], bands: list[list[str]]) -> list[str | None]:
        """The article each result nearly repeats, if any: among the stored ones and the earlier
        ones of the batch that share a band with it."""
        by_band: dict[str, list[str]] = defaultdict(list)
        for r in self._rows("SELECT band, doc_id FROM doc_bands WHERE band = ANY(?)",
                            [sorted({k for ks in bands for k in ks})]):
            by_band[r["band"]].append(r["doc_id"])
        stored = sorted({d for ds in by_band.values() for d in ds})
        known = {r["doc_id"]: r["signature"] for r in self._rows(
            "SELECT doc_id, signature FROM doc_signatures WHERE doc_id = ANY(?)", [stored])} if stored else {}
        nearest: list[str | None] = []
        for result, signature, keys in zip(batch, signatures, bands, strict=True):
            candidates = {d for key in keys for d in by_band[key]}
            nearest.append(_most_similar(signature, {d: known[d] for d in candidates}))
            for key in keys:
                by_band[key].append(result.document.doc_id)
            known[result.document.doc_id] = signature
        return nearest

    def _source_keys(self, batch: list[DocResult], nearest: list[str | None]) -> list[tuple[str | None, str]]:
        """(the article each result nearly repeats, the source key it counts under): a copy counts
        under the source key of the article it repeats, stored or earlier in the batch."""
        in_batch = {r.document.doc_id: i for i, r in enumerate(batch)}
        stored = sorted({d for d in nearest if d is not None and d not in in_batch})
        stored_keys = dict(self.con.execute("SELECT doc_id, source_key FROM documents WHERE doc_id = ANY(?)",
                                            [stored]).fetchall()) if stored else {}
        out: list[tuple[str | None, str]] = []
        for result, best in zip(batch, nearest, strict=True):
            if best is None:
                out.append((None, link.source_key(result.document.outlet, result.document.doc_id)))
            else:
                out.append((best, out[in_batch[best]][1] if best in in_batch else stored_keys[best]))
        return out

    def _link_events(self, batch: list[DocResult], source_keys: list[str]) -> tuple[int, int]:
        """Store the batch's event mentions, each merged with every event it reports; returns (how
        many mentions joined an event rather than founding one, how many events the KB gained),
        counted as adding the documents one by one would count them.

        Clusters are resolved in memory (link.Clusters) over the batch's mentions and the stored
        mentions filed under their probe keys. Then only the events they join are read back, and
        new rows, changed rows and the touched events are written in a few statements.
        """
        new_rows: dict[str, Row] = {}
        new_mentions: dict[str, link.StoredMention] = {}
        per_doc: list[list[link.StoredMention]] = []
        for result, source_key in zip(batch, source_keys, strict=True):
            rows = {ev.mention_id: self._mention_row(ev, result.document, source_key) for ev in result.events}
            linked_view = {mention_id: _stored(row) for mention_id, row in rows.items()}
            new_rows.update(rows)
            new_mentions.update(linked_view)
            per_doc.append(list(linked_view.values()))
        filed = self._filed_under({key for m in new_mentions.values() for key in link.probe_keys(m)})
        clusters = link.Clusters(filed)
        for mentions in per_doc:
            clusters.add_document(mentions)
        groups = clusters.groups()
        new_ids = {row["event_id"] for row in new_rows.values()}
        stored_ids = sorted(e for ids in groups for e in ids if e not in new_ids)
        members: dict[str, list[Row]] = {}
        stored = self._mentions_of(stored_ids)
        for row in [*stored, *new_rows.values()]:
            members.setdefault(row["event_id"], []).append(row)
        joined: list[list[Row]] = []
        changed: list[Row] = []
        for ids in groups:
            group = sorted((r for e in ids for r in members[e]), key=lambda r: r["mention_id"])
            changed += [r for r in _relink(group) if r["mention_id"] not in new_rows]
            joined.append(group)
        self._insert_rows("event_mentions", list(new_rows.values()))
        self._insert_rows("event_keys", [{"key": key, "mention_id": mention_id}
                                         for mention_id, m in new_mentions.items() for key in link.filing_keys(m)])
        if changed:
            self.con.execute(
                "UPDATE event_mentions SET event_id = r.event_id, link_reason = r.why FROM (SELECT unnest(?) AS id, "
                "unnest(?) AS event_id, unnest(?) AS why) r WHERE event_mentions.mention_id = r.id",
                [[r["mention_id"] for r in changed], [r["event_id"] for r in changed],
                 [r["link_reason"] for r in changed]])
        story = self._story_events(joined)
        years = self._story_years(sorted({r["doc_id"] for rows in [*joined, *story] for r in rows
                                          if r["published"] is None}))
        replaced = stored_ids + [rows[0]["event_id"] for rows in story]
        if replaced:
            self.con.execute("DELETE FROM events WHERE event_id = ANY(?)", [replaced])
        self._insert_rows("events", [_event_row(rows, years) for rows in [*joined, *story]])
        return clusters.merged, len(groups) - len(stored_ids)

    def _story_events(self, joined: list[list[Row]]) -> list[list[Row]]:
        """The mentions of every other event reported by an undated article that has a mention in
        ``joined``: the year such an article is placed in hangs on the events it shares with
        others, so when one of them changes, all of its events are dated again."""
        undated = sorted({r["doc_id"] for rows in joined for r in rows if r["published"] is None})
        if not undated:
            return []
        done = {rows[0]["event_id"] for rows in joined}
        told = sorted({r["event_id"] for r in self._rows(
            "SELECT event_id FROM event_mentions WHERE doc_id = ANY(?)", [undated])} - done)
        grouped: dict[str, list[Row]] = {}
        for row in self._mentions_of(told):
            grouped.setdefault(row["event_id"], []).append(row)
        return [grouped[e] for e in sorted(grouped)]

    def _mentions_of(self, event_ids: list[str], columns: str = "*") -> list[Row]:
        """The mentions of some events, by mention id; looked up by the event index, as a join or
        a subquery over event_mentions would scan the whole table."""
        if not event_ids:
            return []
        return self._rows(f"SELECT {columns} FROM event_mentions WHERE event_id = ANY(?) ORDER BY mention_id",
                          [event_ids])

    def _story_years(self, undated: list[str]) -> dict[str, int]:
        """The year each undated article is placed in, where other articles tell it
        (dates.story_year): from the expressions it left unresolved and the dates that other
        articles give the same events."""
        if not undated:
            return {}
        evidence: dict[str, list[tuple[str, Tense | None, str, str | None]]] = {}
        earliest: dict[str, int] = {}
        own = self._rows("SELECT doc_id, event_id, date_expr, date_tense, status FROM event_mentions "
                         "WHERE doc_id = ANY(?) ORDER BY mention_id", [undated])
        dated: dict[str, list[Row]] = {}
        for o in self._mentions_of(sorted({r["event_id"] for r in own}), "event_id, doc_id, date, date_precision, "
                                   "date_basis"):
            if o["date"] is not None and o["date_basis"] not in ("document", "none"):
                dated.setdefault(o["event_id"], []).append(o)
        for r in own:
            for o in dated.get(r["event_id"], []):
                if o["doc_id"] == r["doc_id"]:
                    continue
                if r["date_expr"] is not None:
                    evidence.setdefault(r["doc_id"], []).append((r["date_expr"], r["date_tense"], o["date"],
                                                                o["date_precision"]))
                year = link.year_of(o["date"])
                if r["status"] == "occurred" and year is not None:
                    earliest[r["doc_id"]] = max(year, earliest.get(r["doc_id"], year))
        years = {doc: story_year(items, earliest.get(doc)) for doc, items in evidence.items()}
        return {doc: year for doc, year in years.items() if year is not None}

    def _filed_under(self, keys: set[str]) -> dict[str, list[link.StoredMention]]:
        """The stored mentions filed under each of ``keys`` (two index lookups)."""
        filed = self._rows("SELECT key, mention_id FROM event_keys WHERE key = ANY(?)", [sorted(keys)]) if keys else []
        if not filed:
            return {}
        stored = {r["mention_id"]: _stored(r) for r in self._rows(
            "SELECT mention_id, event_id, doc_id, event_type, actor_key, recipient_key, date, date_precision, "
            "date_basis, status, date_before FROM event_mentions WHERE mention_id = ANY(?)",
            [sorted({f["mention_id"] for f in filed})])}
        by_key: dict[str, list[link.StoredMention]] = {}
        for f in filed:
            by_key.setdefault(f["key"], []).append(stored[f["mention_id"]])
        return by_key

    @staticmethod
    def _mention_row(ev: EventMention, doc: Document, source_key: str) -> Row:
        """An event mention as an ``event_mentions`` row, in an event of its own until linked."""
        return {
            "mention_id": ev.mention_id, "event_id": link.event_id_for([ev.mention_id]), "doc_id": doc.doc_id,
            "event_type": ev.event_type, "mode": ev.mode, "actor_key": ev.actor.key if ev.actor else None,
            "recipient_key": ev.recipient.key if ev.recipient else None,
            "claimed_by_key": ev.claimed_by.key if ev.claimed_by else None, "headline": ev.headline,
            "date": ev.date.value,
            "date_precision": ev.date.precision, "date_basis": ev.date.basis, "date_expr": ev.date.expression,
            "date_tense": ev.date.tense, "date_before": ev.date.before, "status": ev.status,
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


def _relink(mentions: list[Row]) -> list[Row]:
    """The mentions whose event id or link reason changed by making ``mentions`` (rows sorted by
    id, updated in place) one event."""
    event_id = link.event_id_for(m["mention_id"] for m in mentions)
    reasons = link.link_reasons([_stored(m) for m in mentions], [m["mention_id"] for m in mentions])
    changed = []
    for m, why in zip(mentions, reasons, strict=True):
        if (m["event_id"], m["link_reason"]) != (event_id, why):
            m["event_id"], m["link_reason"] = event_id, why
            changed.append(m)
    return changed


def _event_row(mentions: list[Row], story_years: dict[str, int]) -> Row:
    """The ``events`` row of one event's mentions: the best-dated mention speaks for it, a mention
    of an undated article read in its story's year where other articles tell that year."""
    mentions = [_story_dated(m, story_years.get(m["doc_id"])) for m in mentions]
    best = max(mentions, key=lambda m: (*link.mention_rank(m["date_basis"], m["date_precision"],
                                                             m["confidence"]), m["mention_id"]))
    dated = _earliest_report(mentions) if best["date_basis"] == "document" else best
    published = sorted(m["published"] for m in mentions if m["published"])
    return {
        "event_id": best["event_id"], "event_type": best["event_type"], "mode": best["mode"],
        "quad_class": QUAD_CLASS.get(best["event_type"]),
        "actor_key": link.event_actor(best["actor_key"], [m["actor_key"] for m in mentions],
                                      [m["actor_key"] for m in mentions if not m["headline"]]),
        "recipient_key": link.event_recipient(best["recipient_key"], (m["recipient_key"] for m in mentions)),
        "date": dated["date"], "date_precision": dated["date_precision"], "date_basis": dated["date_basis"],
        "status": best["status"], "location_name": best["location_name"],
        "location_country": best["location_country"], "summary": best["summary"],
        "confidence": max(m["confidence"] for m in mentions),
        "num_sources": len({m["source_key"] for m in mentions}), "num_mentions": len(mentions),
        "first_reported": published[0] if published else None,
    }


def _story_dated(mention: Row, year: int | None) -> Row:
    """A mention left undated by its undated article, dated by its own words read in ``year``
    (basis "story"); any other mention as it is."""
    if year is None or mention["date"] is not None or mention["date_expr"] is None:
        return mention
    reading = resolve_in_year(mention["date_expr"], mention["date_tense"], year)
    if reading is None:
        return mention
    return {**mention, "date": reading.value, "date_precision": reading.precision, "date_basis": "story"}


def _earliest_report(mentions: list[Row]) -> Row:
    """Of mentions dated only by their article's publication date, the earliest: an event reported
    as past on several days happened on or before the first of them."""
    return min((m for m in mentions if m["date_basis"] == "document" and m["date"]),
               key=lambda m: (m["date"], m["mention_id"]))


def _stored(row: Row) -> link.StoredMention:
    """The linker's view of an ``event_mentions`` row."""
    return link.StoredMention(row["event_id"], row["doc_id"], row["event_type"], row["actor_key"],
                              row["recipient_key"], row["date"], row["date_precision"], row["date_basis"],
                              row["status"], row["date_before"])


def _first_per_id(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """``items`` without repeats: the first item of each id (a statement found twice is stored once)."""
    first: dict[str, T] = {}
    for item in items:
        first.setdefault(key(item), item)
    return list(first.values())


def _named_actors(result: DocResult) -> dict[str, Actor]:
    """Every actor a document names, by key: in its actor mentions, events, quotes and claims."""
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
    return actors


def _actor_rows(actors: dict[str, Actor], result: DocResult, known: dict[str, Row]) -> dict[str, Row]:
    """The ``actors`` rows of ``actors`` once one document's surface forms and mention counts are
    added to the rows ``known`` so far (an actor's first row gives its name and type)."""
    seen: dict[str, set[str]] = {key: set() for key in actors}
    counts: dict[str, int] = dict.fromkeys(actors, 0)
    for m in result.actors:
        if m.how != "pronoun":  # "he", "it" are mentions, never names of the actor
            seen[m.actor.key].add(m.text)
        counts[m.actor.key] += 1
    rows = {}
    for key, actor in actors.items():
        old = known.get(key)
        aliases = sorted(set(actor.aliases) | seen[key] | set(old["aliases"] if old else []))
        if old:
            rows[key] = {**old, "country": old["country"] or actor.country,
                         "wikidata": old["wikidata"] or actor.wikidata, "aliases": aliases,
                         "mentions": old["mentions"] + counts[key]}
        else:
            rows[key] = {"actor_key": key, "name": actor.name, "type": actor.type, "country": actor.country,
                         "wikidata": actor.wikidata, "aliases": aliases, "mentions": counts[key]}
    return rows


def _most_similar(signature: list[int], candidates: dict[str, list[int]]) -> str | None:
    """The candidate document whose signature is most similar to ``signature``, at least
    link.NEAR_DUPLICATE (of equals, the greatest id); None when there is none."""
    best, best_score = None, link.NEAR_DUPLICATE
    for doc_id in sorted(candidates):
        score = link.similarity(signature, candidates[doc_id])
        if score >= best_score:
            best, best_score = doc_id, score
    return best
