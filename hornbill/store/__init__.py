"""Storage behind a narrow interface.

:class:`KnowledgeBase` is what the CLI, views and pipeline use; :mod:`hornbill.store.duckdb`
is the one implementation. Rows come back as plain dicts with the column names of
``schema.sql``; ``views/`` shapes them into the export contract.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from hornbill.model import DocResult

Row = dict[str, Any]


@dataclass
class AddSummary:
    """What one ``add`` call changed."""

    added: int = 0
    already_stored: int = 0
    events: int = 0
    merged: int = 0
    doc_ids: list[str] = field(default_factory=list)


class KnowledgeBase(Protocol):
    def add(self, results: Iterable[DocResult]) -> AddSummary: ...
    def has_document(self, doc_id: str) -> bool: ...
    def counts(self) -> dict[str, int]: ...
    def documents(self) -> list[Row]: ...
    def document(self, ref: str) -> Row | None: ...
    def events(self) -> list[Row]: ...
    def event_mentions(self, event_ids: Iterable[str] | None = None) -> list[Row]: ...
    def actors(self) -> list[Row]: ...
    def quotes(self) -> list[Row]: ...
    def claims(self) -> list[Row]: ...
    def close(self) -> None: ...


def open_kb(path: str | Path, read_only: bool = False) -> KnowledgeBase:
    """Open (or create, with its folder) the knowledge base file at ``path``."""
    from hornbill.store.duckdb import DuckDBKnowledgeBase

    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return DuckDBKnowledgeBase(Path(path), read_only=read_only)
