"""The local process pool: a build on 2 workers stores exactly what a build on 1 stores, bad input
is still named one line each, and a failing or killed worker stops the build with an error.

Real worker processes (spawned, each loading the pipeline) and real DuckDB files throughout.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from hornbill.cli import main
from hornbill.engine import EngineError, Outcome, PoolExecutor, WorkerError, executor_for
from hornbill.model import DocResult, RawDocument
from hornbill.pipeline import BuildReport, build
from hornbill.store import open_kb
from hornbill.views import export
from tests.test_reliability import write_bad_corpus

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

SENTENCES = (
    "Soldiers withdrew from the river town on Monday, the army said.",
    "The foreign minister accused the rebels of attacking a convoy near the border.",
    "Protesters marched on the parliament in the capital on Saturday, police said.",
    "The regional bloc imposed sanctions on the junta after the coup.",
    "The government asked the peacekeeping mission to leave the country by December.",
)


def inputs(tmp_path: Path) -> list[Path]:
    """examples/, the shared seeds when present, and a folder of every kind of bad input."""
    write_bad_corpus(tmp_path / "bad")
    return [EXAMPLES, *([SEEDS] if SEEDS.is_dir() else []), tmp_path / "bad"]


def rows(db: Path) -> dict[str, list[str]]:
    """Every export of the KB at ``db``, one JSON line per record, in export order."""
    kb = open_kb(db, read_only=True)
    try:
        return {kind: [repr(record) for record in export.records(kb, kind)] for kind in export.KINDS}
    finally:
        kb.close()


def summary_of(report: BuildReport) -> tuple[int, int, int, int, int]:
    return report.read, report.added, report.already_stored, report.new_events, report.merged_mentions


def test_two_workers_store_exactly_what_one_stores_and_name_every_bad_file(tmp_path: Path) -> None:
    paths = inputs(tmp_path)
    one = tmp_path / "one.duckdb"
    kb = open_kb(one)
    report = build(paths, kb, workers=1, batch_size=4)
    kb.close()
    assert report.added > 0

    two = tmp_path / "two.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "hornbill.cli", "build", *map(str, paths), "-o", str(two), "--workers", "2",
         "--batch-size", "4"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    skipped_lines = sorted(line for line in result.stderr.splitlines() if line.startswith("hornbill: skipped "))
    assert skipped_lines == sorted(f"hornbill: skipped {s.source}: {s.reason}" for s in report.skipped)
    assert any("image.txt: binary file (PNG" in line for line in skipped_lines)
    assert any("nomain.html: no article text" in line for line in skipped_lines)
    read, added, already, events, merged = summary_of(report)
    assert (f"{read} documents read ({added} new, {already} already stored), {len(report.skipped)} files skipped; "
            f"{events} new events, {merged} mentions merged") in result.stderr

    wanted, got = rows(one), rows(two)
    for kind in export.KINDS:
        assert got[kind] == wanted[kind], kind
    assert wanted["events"], "the corpus reports events"


def raws(count: int) -> list[RawDocument]:
    return [RawDocument(source=f"article-{i}.txt", text=f"{SENTENCES[i % len(SENTENCES)]} Report {i}.")
            for i in range(count)]


def source_of(outcome: Outcome) -> str:
    return outcome.document.source if isinstance(outcome, DocResult) else outcome.source


def test_outcomes_come_back_in_input_order_only_a_few_batches_ahead_and_a_killed_worker_is_an_error() -> None:
    pulled = 0

    def batches() -> Iterator[list[RawDocument]]:
        """A long article first, so the other worker finishes short ones before it; counts reads."""
        nonlocal pulled
        pulled += 1
        yield [RawDocument(source="long.txt", text=" ".join(SENTENCES * 40))]
        for raw in raws(12):
            pulled += 1
            yield [raw]

    results = PoolExecutor(2, batch_size=1).map(batches())
    assert [source_of(next(results)[0]) for _ in range(3)] == ["long.txt", "article-0.txt", "article-1.txt"]
    assert pulled <= 3 + 4, "at most 2 batches per worker are in flight beyond those returned"
    workers = [p for p in multiprocessing.active_children() if p.name.startswith("hornbill-worker-")]
    assert len(workers) == 2
    os.kill(workers[0].pid or 0, signal.SIGKILL)
    workers[0].join(timeout=10)  # dead, whether it was busy or idle
    with pytest.raises(WorkerError, match=r"stopped unexpectedly: killed by SIGKILL"):
        for _ in results:
            pass
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("hornbill-worker-")]


def test_a_worker_that_cannot_load_the_pipeline_stops_the_build_with_its_reason(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text("actors:\n  - name: Someone Without A Key\n", encoding="utf-8")
    batches = iter([raws(2)])
    with pytest.raises(WorkerError, match=r"(?s)loading the pipeline.*entry without a key"):
        list(PoolExecutor(2, extra_actors=str(actors)).map(batches))


def test_zero_workers_is_refused() -> None:
    with pytest.raises(EngineError, match="at least 1"):
        executor_for("local", workers=0)


def test_a_ray_address_without_the_ray_engine_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(tmp_path / "kb.duckdb"),
                                       "--ray-address", "auto"])
    assert result.exit_code == 2 and "--ray-address and --ray-results need --engine ray" in result.output
    assert not (tmp_path / "kb.duckdb").exists()
