"""The Ray engine on a real local Ray cluster (2 CPUs) builds the KB a local build makes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import ray

from hornbill.engine import EngineError
from hornbill.engine.ray import input_units, read_unit, results_folder
from hornbill.engine.records import from_rows
from hornbill.model import Skipped
from hornbill.pipeline import BuildReport, build
from hornbill.read import iter_inputs
from hornbill.store import open_kb
from tests.conftest import EXAMPLES

SEEDS = EXAMPLES.parent.parent / "shared" / "corpus" / "seeds"

ARTICLES = [
    {"title": "Ministers agree on grain corridor", "published": "2024-03-02", "outlet": "Harbour Gazette",
     "text": "The defence ministers of Ghana and Togo signed an agreement on Friday to patrol their shared "
             "border together. Ghana also pledged to send two patrol boats to Lomé next month."},
    {"title": "Strike shuts the port", "published": "2024-03-04",
     "text": "Thousands of dock workers protested in Lomé on Monday against the new port tax. Togolese police "
             "arrested twelve protesters outside the port authority, a union spokesman said."},
]


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    """One real local Ray cluster with 2 worker CPUs for the whole module."""
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of inputs a build must skip or warn about, beside one it can read."""
    folder = tmp_path_factory.mktemp("bad")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "headers-only.txt").write_text("Title: Nothing yet\nDate: 2024-03-01\n")
    lines = [json.dumps(ARTICLES[0]), "{not json", json.dumps({"title": "no body"})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    french = "Le ministre a démissionné jeudi à Niamey, a annoncé la présidence."
    (folder / "cafe.txt").write_bytes(french.encode("cp1252"))
    return folder


def tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the KB file at ``path``, rows in a fixed order."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [row[0] for row in con.sql("SELECT table_name FROM information_schema.tables").fetchall()]
        return {name: con.sql(f'SELECT * FROM "{name}" ORDER BY ALL').fetchall() for name in names}


def build_into(path: Path, inputs: list[Path], engine: str, **options: Any) -> tuple[BuildReport, list[str]]:
    """Build a fresh KB file with ``engine``; the report and the warnings the build raised."""
    warnings: list[str] = []
    kb = open_kb(path)
    try:
        if engine == "ray":
            report = build(inputs, kb, engine="ray", on_warning=lambda s, w: warnings.append(f"{s}: {w}"), **options)
        else:
            report = build(inputs, kb, workers=1, on_warning=lambda s, w: warnings.append(f"{s}: {w}"))
    finally:
        kb.close()
    return report, warnings


def test_input_units_read_what_a_local_build_reads(bad_inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in the same order, items named the same (relative paths too, though workers open the
    absolute path): the ground the equal KBs stand on."""
    monkeypatch.chdir(bad_inputs.parent)
    inputs = [EXAMPLES, Path(bad_inputs.name), Path(bad_inputs.name) / "missing.txt"]
    units = list(input_units(inputs))
    from_units = [item for unit in units for item in read_unit(unit["path"], unit["shown"])]
    assert from_units == list(iter_inputs(inputs))
    assert any(item.source.startswith(f"{bad_inputs.name}/feed.jsonl:") for item in from_units)
    assert all(Path(unit["path"]).is_absolute() for unit in units)


@pytest.mark.ray
def test_ray_build_equals_local_build(ray_cluster: None, bad_inputs: Path, tmp_path: Path) -> None:
    inputs = [EXAMPLES, bad_inputs] + ([SEEDS] if SEEDS.is_dir() else [])
    local_report, local_warnings = build_into(tmp_path / "local.duckdb", inputs, "local")
    ray_report, ray_warnings = build_into(tmp_path / "ray.duckdb", inputs, "ray")

    local, on_ray = tables(tmp_path / "local.duckdb"), tables(tmp_path / "ray.duckdb")
    for name in ("events", "event_mentions", "actors", "actor_mentions", "quotes", "claims", "documents"):
        assert on_ray[name] == local[name], name
        assert local[name], name
    assert on_ray == local
    assert ray_report == local_report
    assert ray_warnings == local_warnings and any("latin-1" in w for w in ray_warnings)
    skipped = {item.source.rsplit("/", 1)[-1]: item.reason for item in ray_report.skipped}
    assert skipped["logo.png"] == "binary file (PNG image)"
    assert skipped["empty.txt"] == "empty file"
    assert skipped["feed.jsonl:2"].startswith("not JSON")
    assert skipped["feed.jsonl:3"] == "no 'text' field"


@pytest.mark.ray
def test_parquet_dataset_is_read_row_by_row_and_results_kept(ray_cluster: None, tmp_path: Path) -> None:
    dataset = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist([*ARTICLES, {"title": "Blank", "text": "  "}]), dataset)
    results = tmp_path / "results"

    report, _ = build_into(tmp_path / "kb.duckdb", [dataset], "ray", ray_results=str(results))

    assert report.added == 2
    assert report.skipped == [Skipped(f"{dataset}:3", "empty text")]
    with duckdb.connect(str(tmp_path / "kb.duckdb"), read_only=True) as con:
        sources = con.sql("SELECT source, title FROM documents ORDER BY seq").fetchall()
        types = {row[0] for row in con.sql("SELECT event_type FROM event_mentions").fetchall()}
    assert sources == [(f"{dataset}:1", ARTICLES[0]["title"]), (f"{dataset}:2", ARTICLES[1]["title"])]
    assert {"AGREE", "COERCE"} <= types
    kept = [item for file in sorted(results.glob("*.parquet")) for item in from_rows(pq.read_table(file).to_pylist())]
    assert [item.source for item in kept] == [f"{dataset}:1", f"{dataset}:2", f"{dataset}:3"]


def test_a_results_folder_in_use_is_refused(tmp_path: Path) -> None:
    (tmp_path / "old.parquet").write_bytes(b"PAR1")
    with pytest.raises(EngineError, match="not empty"), results_folder(tmp_path):
        pass
