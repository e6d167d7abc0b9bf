"""Full-text search over the kept text of articles.

DuckDB's full-text search extension (BM25 ranking, English stemming) where it loads; it comes
from the ``duckdb-extension-fts`` package, so nothing is downloaded. Its index is a set of
tables, written by ``index_texts`` into a private copy of the knowledge base (the web server's
snapshot), never into the user's file: rebuilding it on every ``hornbill add`` would cost time
growing with the KB. Where the extension cannot load, or no index was built, ``search_texts``
falls back on a scan (every word of three letters or more, ILIKE).
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

FTS_SCHEMA = "fts_main_document_texts"
WORD = re.compile(r"\w+")


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load the FTS extension into ``con`` from the installed package; False when it cannot."""
    try:
        con.execute("LOAD fts")
        return True
    except duckdb.Error:
        pass
    try:
        from duckdb_extensions import import_extension

        import_extension("fts", con=con)
        con.execute("LOAD fts")
        return True
    except (ImportError, duckdb.Error, OSError):
        return False


def index_texts(path: Path) -> bool:
    """Build the full-text index of the article texts in the KB file at ``path`` (a private copy);
    False when the FTS extension is not available (search then scans)."""
    literal = "'" + str(path).replace("'", "''") + "'"
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {literal} AS kb")
        con.execute("USE kb")
        if not load_fts(con):
            return False
        con.execute("PRAGMA create_fts_index('document_texts', 'doc_id', 'text', stemmer = 'english', "
                    "stopwords = 'english', overwrite = 1)")
        return True
    finally:
        con.close()


def has_index(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ? AND database_name = "
                        "current_database()", [FTS_SCHEMA]).fetchone()
    return bool(found and found[0]) and load_fts(con)


def search_texts(con: duckdb.DuckDBPyConnection, query: str, limit: int, fts: bool) -> list[str]:
    """Ids of the documents whose kept text holds every word of ``query``, best first (BM25 with
    the index, else in the order they were added). Single characters do not count as words, nor,
    with the index, do English stop words ("or", "the"); a query of nothing else finds nothing."""
    words = [w for w in WORD.findall(query) if len(w) >= (2 if fts else 3)]
    if not words:
        return []
    if fts:
        rows = con.execute(f"SELECT doc_id, {FTS_SCHEMA}.match_bm25(doc_id, ?, conjunctive := 1) AS score "
                           "FROM document_texts WHERE score IS NOT NULL ORDER BY score DESC, doc_id LIMIT ?",
                           [" ".join(words), limit]).fetchall()
        return [str(r[0]) for r in rows]
    patterns = ["%" + re.sub(r"([%_\\])", r"\\\1", w) + "%" for w in words]
    where = " AND ".join("t.text ILIKE ? ESCAPE '\\'" for _ in patterns)
    rows = con.execute(f"SELECT t.doc_id FROM document_texts t JOIN documents d USING (doc_id) WHERE {where} "
                       "ORDER BY d.seq LIMIT ?", [*patterns, limit]).fetchall()
    return [str(r[0]) for r in rows]
