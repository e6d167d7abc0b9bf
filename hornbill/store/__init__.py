"""Storage behind a narrow interface.

:class:`KnowledgeBase` is what the CLI, views and pipeline use; :mod:`hornbill.store.duckdb`
is the one implementation. Rows come back as plain dicts with the column names of
``schema.sql``; ``views/`` shapes them into the export contract.
"""

from __future__ import annotations

from pathlib import Path

from hornbill.store.base import AddSummary, KnowledgeBase, Row

__all__ = ["AddSummary", "KnowledgeBase", "Row", "index_texts", "open_kb"]


def index_texts(path: str | Path) -> bool:
    """Build the full-text index of the articles in the KB file at ``path``, which must be a copy
    no one else writes (see :mod:`hornbill.store.search`); False when search will scan instead."""
    from hornbill.store.search import index_texts as build_index

    return build_index(Path(path))


def open_kb(path: str | Path, read_only: bool = False) -> KnowledgeBase:
    """Open (or create, with its folder) the knowledge base file at ``path``."""
    from hornbill.store.duckdb import DuckDBKnowledgeBase

    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return DuckDBKnowledgeBase(Path(path), read_only=read_only)
