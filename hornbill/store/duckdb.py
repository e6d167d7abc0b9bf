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
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from itertools import count
from pathlib import Path
from typing import TypeVar

import duckdb

from hornbill.dates import SharedReports
from hornbill.errors import StoreError
from hornbill.model import Actor, DatePoint, DocResult
from hornbill.store import search
from hornbill.store.base import AddSummary, Row
from hornbill.store.duplicates import near_duplicates
from hornbill.store.linking import link_events
from hornbill.store.stories import shared_reports, undated_articles
from hornbill.store.tables import insert, insert_rows, rows_of, scalar

T = TypeVar("T")

SCHEMA_VERSION = "7"  # 2: event_keys (the linker's candidate index); texts apart from indexed tables;
# 3: event keys for office holders and for dates that do not pin an event down (link.filing_keys);
# 4: unresolved date expressions of undated articles (read in the story's year), mentions by document;
# 5: how each event's doer was found (resolution) and each actor's sector;
# 6: evidence offsets index the source as read (header lines counted); date basis "reported";
# where and when each claim holds (place, period);
# 7: where each event happened: admin1, coordinates, precision, basis and GeoNames id of its location
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
        self.read_only = read_only
        self._fts: bool | None = None  # whether a full-text index can answer search_texts (looked up once)
        self._check_schema_version()
        if not read_only:
            self.con.execute(resources.files("hornbill.store").joinpath("schema.sql").read_text("utf-8"))
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            self.con.execute(resources.files("hornbill.store").joinpath("views.sql").read_text("utf-8"))

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
                if "not a valid DuckDB database" in str(exc):
                    raise StoreError(f"{path}: not a DuckDB database, so not a hornbill knowledge base") from exc
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"{path}: cannot open knowledge base: {exc}") from exc
                time.sleep(0.1)
            except duckdb.Error as exc:
                con.close()
                raise StoreError(f"{path}: cannot open knowledge base: {exc}") from exc

    def _check_schema_version(self) -> None:
        """Refuse a KB written with another schema: it lacks tables this code reads and writes."""
        try:
            found = scalar(self.con, "SELECT value FROM meta WHERE key = 'schema_version'")
        except duckdb.CatalogException:
            self._refuse_foreign_database()
            return  # a new file: the schema is created next
        if found is not None and found != SCHEMA_VERSION:
            self.con.close()
            raise StoreError(f"{self.path}: knowledge base has schema version {found}, this hornbill uses "
                             f"version {SCHEMA_VERSION}; rebuild it with `hornbill build`")

    def _refuse_foreign_database(self) -> None:
        """A DuckDB file without hornbill's ``meta`` table is someone else's database: never read it
        as a knowledge base, never add hornbill's tables to it."""
        tables = [str(t) for (t,) in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'kb' ORDER BY table_name").fetchall()]
        if tables or self.read_only:
            self.con.close()
            held = f"it holds {len(tables)} other table(s): {', '.join(tables[:5])}" if tables else "it is empty"
            raise StoreError(f"{self.path}: a DuckDB database, but not a hornbill knowledge base ({held}); "
                             "build one with `hornbill build ... -o NEW.duckdb`")

    # -- writing ---------------------------------------------------------------------------

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
        duplicates = near_duplicates(self.con, batch)
        insert(self.con, "documents", [
            [doc.doc_id, doc.source, doc.title, doc.outlet, doc.url, doc.published.value, doc.published.precision,
             doc.published.basis, doc.language, len(doc.original), doc.kept_chars, list(doc.warnings), seq,
             duplicate_of, source_key]
            for seq, doc, (duplicate_of, source_key)
            in zip(count(last_seq + 1), (r.document for r in batch), duplicates, strict=False)])
        insert(self.con, "document_texts", [
            [doc.doc_id, doc.original, doc.text, json.dumps(doc.pieces),
             json.dumps([[s.start, s.end, s.kept, s.reason] for s in doc.segments])]
            for doc in (r.document for r in batch)])
        insert(self.con, "actor_mentions", [[r.document.doc_id, m.start, m.end, m.text, m.actor.key, m.how]
                                        for r in batch for m in r.actors])
        self._refresh_actors(batch)
        summary.merged, summary.events = link_events(self.con, batch, [key for _, key in duplicates])
        insert(self.con, "quotes", [[q.quote_id, q.doc_id, q.speaker.key if q.speaker else None, q.text,
                                 q.evidence.sentence, q.evidence.start, q.evidence.end]
                                for r in batch for q in _first_per_id(r.quotes, lambda q: q.quote_id)])
        insert(self.con, "claims", [[c.claim_id, c.doc_id, c.subject, c.about.key if c.about else None, c.value, c.unit,
                                 c.qualifier, c.evidence.sentence, c.evidence.start, c.evidence.end, c.place,
                                 c.period]
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
        rows = {r["actor_key"]: r for r in rows_of(self.con, "SELECT * FROM actors WHERE actor_key = ANY(?)", [keys])}
        stored = sorted(rows)
        for actors, result in zip(per_doc, batch, strict=True):
            rows.update(_actor_rows(actors, result, rows))
        if stored:
            self.con.execute("DELETE FROM actors WHERE actor_key = ANY(?)", [stored])
        insert_rows(self.con, "actors", [rows[key] for key in keys])

    # -- reading ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return bool(scalar(self.con, "SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]))

    def shared_reports(self, actors: Mapping[str, set[str]]) -> dict[str, SharedReports]:
        """The dated reports sharing most actors with each article (see :mod:`hornbill.store.stories`)."""
        return shared_reports(self.con, actors)

    def undated_articles(self, sharing: set[str]) -> dict[str, tuple[DatePoint, set[str]]]:
        """The stored articles not dated to the day that name one of ``sharing`` (see
        :mod:`hornbill.store.stories`)."""
        return undated_articles(self.con, sharing)

    def counts(self) -> dict[str, int]:
        tables = ["documents", "events", "event_mentions", "actors", "quotes", "claims"]
        return {t: int(scalar(self.con, f"SELECT count(*) FROM {t}")) for t in tables}

    def documents(self) -> list[Row]:
        return rows_of(self.con, "SELECT * EXCLUDE (seq, source_key) FROM documents "
                          "ORDER BY published NULLS LAST, source, doc_id")

    def document(self, ref: str) -> Row | None:
        """A document by id, id prefix, or source path (exact, or ending with ``ref``)."""
        rows = rows_of(self.con,
            "SELECT doc_id FROM documents WHERE doc_id = ? OR source = ? OR starts_with(doc_id, ?) "
            "OR ends_with(source, ?) ORDER BY seq LIMIT 1", [ref, ref, ref, ref])
        if not rows:
            return None
        found = rows_of(self.con, "SELECT d.* EXCLUDE (seq), t.* EXCLUDE (doc_id) FROM documents d "
                           "JOIN document_texts t USING (doc_id) WHERE d.doc_id = ?", [rows[0]["doc_id"]])
        return found[0] if found else None

    def events(self) -> list[Row]:
        return rows_of(self.con, "SELECT * FROM events ORDER BY date NULLS LAST, event_id")

    def event_mentions(self, event_ids: Iterable[str] | None = None) -> list[Row]:
        sql = ("SELECT m.*, d.source, d.url FROM event_mentions m JOIN documents d USING (doc_id)")
        if event_ids is None:
            return rows_of(self.con, sql + " ORDER BY m.published NULLS LAST, d.source, m.start, m.mention_id")
        ids = list(event_ids)
        return rows_of(self.con, sql + " WHERE m.event_id = ANY(?) "
                          "ORDER BY m.published NULLS LAST, d.source, m.start, m.mention_id", [ids])

    def actors(self) -> list[Row]:
        return rows_of(self.con, "SELECT * FROM actors ORDER BY mentions DESC, name, actor_key")

    def quotes(self) -> list[Row]:
        return rows_of(self.con, "SELECT q.*, d.source FROM quotes q JOIN documents d USING (doc_id) "
                          "ORDER BY d.published NULLS LAST, d.source, q.start")

    def claims(self) -> list[Row]:
        return rows_of(self.con, "SELECT c.*, d.source, d.outlet, d.published FROM claims c "
                          "JOIN documents d USING (doc_id) ORDER BY d.published NULLS LAST, d.source, c.start")

    def search_texts(self, query: str, limit: int = 50) -> list[str]:
        """Ids of the documents whose kept text holds every word of ``query``, best first."""
        if self._fts is None:
            self._fts = search.has_index(self.con)
        return search.search_texts(self.con, query, limit, self._fts)

    def close(self) -> None:
        self.con.close()


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
            rows[key] = {**old, "country": old["country"] or actor.country, "sector": old["sector"] or actor.sector,
                         "wikidata": old["wikidata"] or actor.wikidata, "aliases": aliases,
                         "mentions": old["mentions"] + counts[key]}
        else:
            rows[key] = {"actor_key": key, "name": actor.name, "type": actor.type, "country": actor.country,
                         "wikidata": actor.wikidata, "aliases": aliases, "mentions": counts[key],
                         "sector": actor.sector}
    return rows


