"""Statements the DuckDB store repeats: rows as dicts, and inserts of whole batches in one statement."""

from __future__ import annotations

from typing import Any

import duckdb

from hornbill.store.base import Row


def rows_of(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Row]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    row = con.execute(sql, params or []).fetchone()
    return row[0] if row else None



def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    """Insert many rows in one statement (columns passed as lists and unnested side by side).

    One statement per table and batch keeps the cost of an add independent of how many
    documents, actor mentions or claims the batch holds; executemany runs a statement per row.
    """
    if not rows:
        return
    columns = list(zip(*rows, strict=True))
    unnest = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} SELECT {unnest}", [list(c) for c in columns])


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[Row]) -> None:
    """Insert dicts keyed by column name (all with the same keys) in one statement."""
    if not rows:
        return
    names = list(rows[0])
    unnest = ", ".join(f'unnest(${i + 1}) AS "{name}"' for i, name in enumerate(names))
    con.execute(f"INSERT INTO {table} BY NAME SELECT {unnest}", [[r[n] for r in rows] for n in names])

