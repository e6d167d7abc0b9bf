"""Writing flat tables: CSV, TSV, JSON Lines (one flat object a line) and Parquet (through DuckDB).

CSV and TSV are RFC 4180 style (a cell holding the delimiter, a quote or a line break is quoted);
a list is written in one cell joined by `` | ``; dates are ISO (``2022-08-01``); an empty cell is a
missing value. Parquet keeps the column types: DATE, INTEGER, DOUBLE, lists as lists.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import duckdb

from hornbill.views.flat import LIST_SEPARATOR, Column

Row = dict[str, Any]


def text_cell(value: Any, one_line: bool = False) -> str:
    """A value as the text of one CSV/TSV cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    elif isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value)
    return " ".join(text.split()) if one_line else text


def write_delimited(rows: Sequence[Row], columns: Sequence[Column], out: IO[str], delimiter: str = ",",
                    bom: bool = False) -> int:
    """A header line, then one line a row; TSV cells are kept on one line (tabs and breaks become spaces).
    ``bom`` starts the text with a byte-order mark, which Excel needs to read a double-clicked CSV as UTF-8."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    one_line = delimiter == "\t"
    for row in rows:
        writer.writerow([text_cell(row.get(c.name), one_line) for c in columns])
    return len(rows)


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_json_lines(rows: Sequence[Row], columns: Sequence[Column] | None, out: IO[str]) -> int:
    """One JSON object a line, keys in column order (all of each row's keys when no columns are given)."""
    for row in rows:
        record = {c.name: row.get(c.name) for c in columns} if columns is not None else row
        out.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
    return len(rows)


def write_parquet(rows: Sequence[Row], columns: Sequence[Column], path: str | Path) -> int:
    """The rows as a Parquet file with the columns' types, written by an in-memory DuckDB."""
    con = duckdb.connect()
    try:
        select = ", ".join(f'CAST(unnest(${i + 1}) AS {c.type}) AS "{c.name}"' for i, c in enumerate(columns))
        con.execute(f"CREATE TABLE flat AS SELECT {select}", [[row.get(c.name) for row in rows] for c in columns])
        literal = "'" + str(path).replace("'", "''") + "'"
        con.execute(f"COPY flat TO {literal} (FORMAT parquet)")
    finally:
        con.close()
    return len(rows)
