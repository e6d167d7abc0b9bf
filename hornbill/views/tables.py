"""``hornbill export KIND --format FORMAT``: which records, in which shape, written where.

``jsonl`` is the export contract (DESIGN.md: events nested, with their mentions), ``plover`` the
events in PLOVER's field names; ``csv``, ``tsv`` and ``parquet`` are flat tables: events and
mentions with the columns of :mod:`hornbill.views.flat`, the other kinds with their contract
fields (a nested object becomes ``object_field`` columns). Events and mentions take the filters
of ``timeline`` (:class:`~hornbill.views.query.EventQuery`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from hornbill.errors import QueryError
from hornbill.store import KnowledgeBase
from hornbill.views import export, flat, formats, plover
from hornbill.views.flat import Column
from hornbill.views.query import EventQuery, select_events

KINDS = (*export.KINDS, "mentions")
FORMATS = ("jsonl", "csv", "tsv", "parquet", "plover")
FILTERED = ("events", "mentions")
Row = dict[str, Any]


def check_request(kind: str, fmt: str, query: EventQuery, to_file: bool, bom: bool = False) -> None:
    """A QueryError for a combination that cannot be written."""
    if fmt == "plover" and kind != "events":
        raise QueryError("--format plover writes events only")
    if bom and fmt not in ("csv", "tsv"):
        raise QueryError("--bom is for --format csv or tsv")
    if fmt == "parquet" and not to_file:
        raise QueryError("--format parquet writes a binary file: give one with -o FILE")
    if kind not in FILTERED and any((query.actor, query.event_type, query.since, query.until)):
        raise QueryError(f"--actor, --type, --since and --until filter events and mentions, not {kind}")


def flatten(record: Row) -> Row:
    """A contract record as one flat row: ``{"speaker": {"id": 1}}`` -> ``{"speaker_id": 1}``."""
    row: Row = {}
    for key, value in record.items():
        if isinstance(value, dict):
            row.update({f"{key}_{k}": v for k, v in value.items() if not isinstance(v, dict | list)})
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
            continue  # lists of objects have their own table (the mentions of events)
        else:
            row[key] = value
    return row


def inferred_columns(rows: list[Row]) -> list[Column]:
    names = list(dict.fromkeys(k for row in rows for k in row))
    return [Column(n, "VARCHAR[]" if any(isinstance(r.get(n), list) for r in rows)
                   else flat.column_type(r.get(n) for r in rows), "") for n in names]


def records(kb: KnowledgeBase, kind: str, fmt: str, query: EventQuery, notes: list[str] | None = None) -> list[Row]:
    """The records of ``kind``, shaped for ``fmt`` (before the table's columns are known)."""
    events = select_events(kb, query, notes) if kind in FILTERED else []
    if kind == "events" and fmt == "jsonl":
        return events
    if kind == "events" and fmt == "plover":
        docs = flat.document_info(kb)
        wikidata = {a["actor_key"]: a["wikidata"] for a in kb.actors()}
        return [plover.plover_record(e, docs, wikidata) for e in events]
    if kind == "events":
        return flat.event_rows(events, flat.document_info(kb))
    if kind == "mentions":
        return flat.mention_rows(events, flat.document_info(kb))
    found = list(export.records(kb, kind))
    return found if fmt == "jsonl" else [flatten(r) for r in found]


def columns(kind: str, rows: list[Row]) -> list[Column]:
    if kind == "events":
        return flat.columns_of(rows, flat.EVENT_COLUMNS)
    if kind == "mentions":
        return flat.columns_of(rows, flat.MENTION_COLUMNS)
    return inferred_columns(rows)


def write(kb: KnowledgeBase, kind: str, fmt: str, query: EventQuery, out: IO[str] | None = None,
          path: str | None = None, notes: list[str] | None = None, bom: bool = False) -> int:
    """Write the ``kind`` records in ``fmt`` to the text stream ``out`` or, for Parquet, the file
    ``path``; returns how many (``notes`` hears how a misspelt actor filter was read)."""
    check_request(kind, fmt, query, to_file=path is not None, bom=bom)
    rows = records(kb, kind, fmt, query, notes)
    if fmt == "parquet":
        assert path is not None
        return formats.write_parquet(rows, columns(kind, rows), path)
    assert out is not None
    if fmt in ("csv", "tsv"):
        return formats.write_delimited(rows, columns(kind, rows), out, "," if fmt == "csv" else "\t", bom)
    flat_kind = kind == "mentions" or (kind == "events" and fmt not in ("jsonl", "plover"))
    return formats.write_json_lines(rows, columns(kind, rows) if flat_kind else None, out)


def column_names(kind: str) -> Iterable[str]:
    """The documented columns of a flat table (events, mentions)."""
    return [c.name for c in (flat.EVENT_COLUMNS if kind == "events" else flat.MENTION_COLUMNS)]
