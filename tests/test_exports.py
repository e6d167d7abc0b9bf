"""Flat exports and the KB's SQL views, as analysts load them: pandas, DuckDB, the csv module.

Every column docs/exports.md and docs/schema.md list must exist; the CSV's `event_date` must parse as
dates; the flat export and the `events_flat` view must say the same of every event.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from hornbill.cli import main
from hornbill.views.flat import period_end, period_start

DOCS = Path(__file__).resolve().parent.parent / "docs"


def export(kb: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", *args, "--db", str(kb)])
    assert result.exit_code == 0, result.output
    return result.stdout


def documented_columns(doc: str, heading: str) -> list[str]:
    """The `| `name` |` rows of the table under ``heading`` (up to the next heading of its level or above)."""
    text = (DOCS / doc).read_text(encoding="utf-8")
    level = heading.split(" ", 1)[0]
    start = text.index(heading + "\n") if heading + "\n" in text else text.index(heading)
    rest = text[start + len(heading):]
    end = min((m.start() for m in re.finditer(rf"^#{{1,{len(level)}}} ", rest, re.M)), default=len(rest))
    return re.findall(r"^\| `([^`]+)` \|", rest[:end], re.M)


@pytest.fixture(scope="module")
def events_csv(examples_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv") / "events.csv"
    export(examples_kb, "events", "--format", "csv", "-o", str(path))
    return path


def test_events_csv_loads_in_pandas_with_real_dates(events_csv: Path) -> None:
    frame = pd.read_csv(events_csv, parse_dates=["event_date", "first_reported"])
    assert len(frame) > 50
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame["event_date"].notna().sum() > len(frame) * 0.8
    assert set(frame["quad_code"].dropna().astype(int)) <= {1, 2, 3, 4}
    month = frame[frame["date_precision"] == "month"].iloc[0]
    assert month["event_date"].day == 1 and month["event_date"].strftime("%Y-%m") == month["date_value"]
    assert frame["source_urls"].fillna("").str.startswith("https://").any()
    assert frame["evidence"].notna().all()


def test_events_csv_dates_are_detected_by_duckdb(events_csv: Path) -> None:
    described = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM read_csv('{events_csv}')").fetchall()}
    assert described["event_date"] == "DATE" and described["first_reported"] == "DATE"
    assert described["quad_code"] in ("BIGINT", "INTEGER")


def test_every_column_docs_exports_lists_is_in_the_exports(examples_kb: Path, events_csv: Path,
                                                           tmp_path: Path) -> None:
    with events_csv.open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    listed = documented_columns("exports.md", "## events (flat")
    assert len(listed) >= 30 and set(listed) <= set(header), set(listed) - set(header)
    undocumented = {c for c in header if c not in listed and not c.startswith("location_")}
    assert not undocumented, undocumented
    mentions = export(examples_kb, "mentions", "--format", "tsv").splitlines()[0].split("\t")
    listed = documented_columns("exports.md", "## mentions (flat)")
    assert len(listed) >= 10 and set(listed) <= set(mentions), set(listed) - set(mentions)
    parquet = tmp_path / "events.parquet"
    export(examples_kb, "events", "--format", "parquet", "-o", str(parquet))
    described = {r[0]: r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM '{parquet}'").fetchall()}
    assert set(documented_columns("exports.md", "## events (flat")) <= set(described)
    assert described["event_date"] == "DATE" and described["source_urls"] == "VARCHAR[]"


def test_the_kb_views_have_every_column_docs_schema_lists(examples_kb: Path) -> None:
    con = duckdb.connect(str(examples_kb), read_only=True)  # plain DuckDB, no hornbill code
    try:
        for relation in ("events_flat", "mentions", "actors"):
            listed = documented_columns("schema.md", f"### {relation}")
            described = {r[0]: r[1] for r in con.execute(f"DESCRIBE {relation}").fetchall()}
            assert listed and set(listed) <= set(described), (relation, set(listed) - set(described))
        typed = {r[0]: r[1] for r in con.execute("DESCRIBE events_flat").fetchall()}
        assert typed["event_date"] == "DATE" and typed["first_reported"] == "DATE"
        assert con.execute("SELECT count(*) FROM events_flat WHERE event_date IS NOT NULL").fetchone()[0] > 50
    finally:
        con.close()


def test_the_view_and_the_flat_export_agree(examples_kb: Path) -> None:
    frame = pd.read_csv(io.StringIO(export(examples_kb, "events", "--format", "csv")), dtype=str,
                        keep_default_na=False)
    rows = {r["event_id"]: r for r in frame.to_dict("records")}
    con = duckdb.connect(str(examples_kb), read_only=True)
    try:
        view = con.execute("SELECT * FROM events_flat").fetchdf()
    finally:
        con.close()
    assert set(view["event_id"]) == set(rows)
    for record in view.to_dict("records"):
        row = rows[record["event_id"]]
        for column in ("event_date", "first_reported"):
            value = record[column]
            assert row[column] == ("" if pd.isna(value) else str(value)[:10]), (column, record["event_id"])
        for column in ("date_precision", "quad_code", "actor_id", "recipient_name", "evidence", "evidence_url"):
            value = record[column]
            assert row[column] == ("" if value is None or pd.isna(value) else str(value)), column
        assert set(filter(None, row["source_urls"].split(" | "))) == set(record["source_urls"])


def test_filters_keep_what_they_name(examples_kb: Path) -> None:
    rows = list(csv.DictReader(export(examples_kb, "events", "--format", "csv", "--type", "retreat",
                                      "--since", "2022-06", "--until", "2023").splitlines()))
    assert rows and all(r["event_type"] == "RETREAT" for r in rows)
    assert all("2022-06-01" <= r["event_date"] <= "2023-12-31" for r in rows)
    wagner = list(csv.DictReader(export(examples_kb, "mentions", "--format", "csv", "--actor", "Wagner")
                                 .splitlines()))
    events = {json.loads(line)["id"] for line in export(examples_kb, "events", "--actor", "Wagner").splitlines()}
    assert wagner and {r["event_id"] for r in wagner} == events
    assert any(r["url"].startswith("https://") for r in wagner)


def test_plover_format_uses_plovers_field_names(examples_kb: Path) -> None:
    records = [json.loads(line) for line in export(examples_kb, "events", "--format", "plover").splitlines()]
    assert records
    first = records[0]
    assert {"id", "date", "source", "recipient", "event", "quad_code", "event_text", "cite_info"} <= set(first)
    assert len(first["event"]) == 1 and first["id"]
    assert all(r["quad_code"] in (1, 2, 3, 4) for r in records)
    assert any(r["source"] and r["source"][0]["code"] for r in records)


def test_the_json_contract_is_unchanged(examples_kb: Path) -> None:
    first = json.loads(export(examples_kb, "events").splitlines()[0])
    assert isinstance(first["actor"], dict) and isinstance(first["mentions"], list) and "quad_class" in first


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2022-08-14", dt.date(2022, 8, 14), dt.date(2022, 8, 14)),
    ("2022-02", dt.date(2022, 2, 1), dt.date(2022, 2, 28)),
    ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    ("2022-W33", dt.date(2022, 8, 15), dt.date(2022, 8, 21)),
    ("2022-Q4", dt.date(2022, 10, 1), dt.date(2022, 12, 31)),
    ("2022-WI", dt.date(2022, 12, 1), dt.date(2023, 2, 28)),
    ("202", dt.date(2020, 1, 1), dt.date(2029, 12, 31)),
])
def test_a_stated_period_has_a_first_and_last_day(value: str, start: dt.date, end: dt.date) -> None:
    assert (period_start(value), period_end(value)) == (start, end)
    con = duckdb.connect()
    try:  # the KB's SQL macro agrees
        con.execute((Path(__file__).resolve().parent.parent / "hornbill" / "store" / "views.sql").read_text()
                    .split("-- One row per evidence sentence")[0])
        assert con.execute("SELECT period_start(?)", [value]).fetchone()[0] == start
    finally:
        con.close()


def test_a_csv_for_excel_starts_with_a_byte_order_mark(examples_kb: Path, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    export(examples_kb, "events", "--format", "csv", "--bom", "-o", str(path))
    assert path.read_bytes().startswith(b"\xef\xbb\xbfevent_id,")
    frame = pd.read_csv(path, parse_dates=["event_date"])
    assert frame.columns[0] == "event_id" and str(frame["event_date"].dtype).startswith("datetime64")
    assert "Assimi Goïta" in set(frame["actor_name"].dropna())
