"""Full-text search over article texts: DuckDB's FTS index on a private copy, and the scan without one."""

from __future__ import annotations

import shutil
from pathlib import Path

from hornbill.store import index_texts, open_kb


def test_the_index_and_the_scan_find_the_same_articles(examples_kb: Path, tmp_path: Path) -> None:
    copy = tmp_path / "snapshot.duckdb"
    shutil.copy(examples_kb, copy)
    assert index_texts(copy)  # the FTS extension loads offline from its package
    indexed, plain = open_kb(copy, read_only=True), open_kb(examples_kb, read_only=True)
    try:
        for query in ("Wagner", "peacekeepers Kidal", "rotations"):
            found = indexed.search_texts(query)
            assert found and set(found) == set(plain.search_texts(query)), query
        assert len(indexed.search_texts("Wagner")) == 8  # of the 16 articles; their titles name it in 3
        for query in ("' OR '1'='1", "%00", ""):
            assert indexed.search_texts(query) == [] and plain.search_texts(query) == [], query
        assert indexed.search_texts("or the") == []  # stop words only: the scan would find every article
    finally:
        indexed.close()
        plain.close()


def test_indexing_a_copy_leaves_the_users_file_as_it_was(examples_kb: Path, tmp_path: Path) -> None:
    before = examples_kb.read_bytes()
    copy = tmp_path / "snapshot.duckdb"
    shutil.copy(examples_kb, copy)
    index_texts(copy)
    assert examples_kb.read_bytes() == before
