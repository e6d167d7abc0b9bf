"""``hornbill build --engine ray``: the per-document stages on a Ray cluster, the KB on the driver.

What runs where::

    driver   list the input files (folders walked as a local build walks them)
    Ray      read tasks: each file read with hornbill.read (Parquet row by row) -> RawDocument | Skipped
             Annotator actors, one per CPU, each loading the pipeline once:
             a batch of items -> DocResult | Skipped -> one Parquet file (hornbill.engine.records)
    driver   as Ray hands back the file names in input order: read each file in chunks and
             kb.add them (linking happens there)

Every item carries its ``position`` in the input order (file number * 2**32 + item number in
the file), the results are stored in that order, and so the KB is the one a local build makes.
Workers need the input files and the results folder at the same paths as the driver: on one
machine that is a given; on a cluster, use shared storage (see docs/scale-out.md).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.fs as pafs  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]
import ray

from hornbill import read
from hornbill.engine.base import Intake, Outcome
from hornbill.engine.records import Numbered, from_rows, item_from_json, item_to_json, to_table
from hornbill.errors import EngineError
from hornbill.model import RawDocument, Skipped
from hornbill.nlp import load
from hornbill.process import BATCH_SIZE, batched, process_raws

#: An input file's items are numbered from ``file number << POSITION_BITS``.
POSITION_BITS = 32
#: Bytes of read articles per Ray block: a block goes to one actor, so small blocks share a big
#: file among all the actors. (Ray's repartition would need a CPU that the actors hold.)
BLOCK_BYTES = 256 * 1024
#: Rows the driver reads from a results file at a time.
READ_ROWS = 256


@dataclass(frozen=True)
class RayExecutor:
    """Runs the per-document stages on Ray; the KB is the one a local build makes.

    Connects to the cluster at ``address``, or uses the Ray already initialised in this
    process, or starts a local one with ``workers`` CPUs (default: all) and shuts it down at the
    end. Results are written as Parquet to ``results_dir`` (kept; it must be empty or new, and on
    a cluster of several machines visible to all of them at the same path or URI) or to a
    temporary folder removed afterwards. Documents already in the KB are parsed again on the
    workers (they cannot see the KB) and counted as already stored.
    """

    extra_actors: str | None = None
    batch_size: int = BATCH_SIZE
    address: str | None = None
    workers: int | None = None
    results_dir: str | Path | None = None

    def run(self, paths: Iterable[str | Path], intake: Intake) -> Generator[list[Outcome]]:
        units = list(input_units(paths))
        if not units:
            return
        with results_folder(self.results_dir) as folder, ray_session(self.address, self.workers) as cpus:
            if self.results_dir is None and (len(alive_nodes()) > 1 or (self.address or "").startswith("ray://")):
                raise EngineError("a remote or multi-machine Ray cluster needs a results folder its workers and "
                                  "this process all see (shared storage, or a URI such as s3://bucket/run)")
            # the workers run elsewhere: they need the absolute path
            actors_file = str(Path(self.extra_actors).absolute()) if self.extra_actors else None
            files = process_on_ray(units, folder, extra_actors=actors_file, batch_size=self.batch_size, actors=cpus)
            for chunk in batched(read_results(files), self.batch_size):
                yield outcomes(intake, chunk)


def input_units(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """One work unit per input file, numbered in the order a local build reads them.

    ``path`` is what a worker opens (absolute, so the worker's directory does not matter) and
    ``shown`` the name a local build gives the file, which sources are reported under.
    """
    for number, file in enumerate(read.input_files(paths)):
        yield {"unit": number, "path": str(file.absolute()), "shown": str(file)}


def unit_items(unit: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A worker reads one input file: each item (RawDocument or Skipped) with its position."""
    first = unit["unit"] << POSITION_BITS
    for number, item in enumerate(read_unit(unit["path"], unit["shown"])):
        yield {"position": first + number, "item": item_to_json(item)}


def read_unit(path: str, shown: str) -> Iterator[RawDocument | Skipped]:
    """The items in the file at ``path``, named as a local build names them (``shown``)."""
    if path.lower().endswith(".parquet") and Path(path).is_file():
        yield from read_parquet(path, shown)
        return
    for item in read.read_file(path):
        yield replace(item, source=shown + item.source[len(path):]) if item.source.startswith(path) else item


def read_parquet(path: str, shown: str) -> Iterator[RawDocument | Skipped]:
    """Articles from a Parquet file, one a row (a ``text`` column plus optional metadata columns,
    as in JSON Lines), each named ``shown:ROW`` with ROW counted from 1."""
    try:
        table = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield Skipped(shown, f"not a readable Parquet file ({exc})")
        return
    row = 0
    for batch in table.iter_batches(batch_size=READ_ROWS):
        for record in batch.to_pylist():
            row += 1
            fields = {str(key).strip().lower(): value for key, value in record.items()}
            yield read.from_record(fields, f"{shown}:{row}", "parquet", ())
    if row == 0:
        yield Skipped(shown, "no rows")


class Annotator:
    """A Ray actor: loads the pipeline once, then turns each batch of read items into outcomes and
    writes them as one Parquet file named by the batch's first position."""

    def __init__(self, extra_actors: str | None, batch_size: int, folder: str) -> None:
        self.nlp = load(extra_actors)
        self.batch_size = batch_size
        self.folder = folder

    def __call__(self, batch: pa.Table) -> pa.Table:
        positions: list[int] = batch.column("position").to_pylist()
        items = [item_from_json(text) for text in batch.column("item").to_pylist()]
        raws = [item for item in items if isinstance(item, RawDocument)]
        processed = process_raws(raws, self.nlp, self.batch_size)
        name = write_results(to_table(numbered(positions, items, processed)), self.folder)
        return pa.table({"file": [name]})


def numbered(positions: list[int], items: list[RawDocument | Skipped], processed: Iterable[Outcome]
             ) -> Iterator[Numbered]:
    """Each item's outcome at its position: its processed result, or the reader's Skipped as is."""
    results = iter(processed)
    for position, item in zip(positions, items, strict=True):
        if isinstance(item, Skipped):
            yield Numbered(position, item)
        else:
            yield Numbered(position, next(results), item.warnings)


def write_results(table: pa.Table, folder: str) -> str:
    """Write ``table`` under ``folder`` as ``<first position>.parquet``; the file's path or URI.

    The name is fixed by the content, so a batch Ray retries after a worker failure overwrites
    its own file rather than adding a second copy.
    """
    filesystem, root = pafs.FileSystem.from_uri(folder)
    path = f"{root}/{table.column('position')[0].as_py():020d}.parquet"
    pq.write_table(table, path, filesystem=filesystem)
    return path if "://" not in folder else folder.rstrip("/") + path[len(root):]


def process_on_ray(units: list[dict[str, Any]], folder: str, *, extra_actors: str | None, batch_size: int,
                   actors: int) -> Iterator[str]:
    """Read and process every unit's items on the cluster: the results files, in input order, as
    the actors write them (the run preserves order; results that come early wait in Ray).

    Reading is light next to parsing, so its tasks reserve no CPU: the actors hold every CPU,
    and a reading task that waited for one would wait for ever.
    """
    dataset = ray.data.from_items(units)
    context = dataset.context
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.target_max_block_size = BLOCK_BYTES
    readers = ray.data.TaskPoolStrategy(size=min(actors, len(units)))
    items = dataset.flat_map(unit_items, num_cpus=0, compute=readers)
    files = items.map_batches(
        Annotator,
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors, initial_size=actors),
        num_cpus=1,
        fn_constructor_kwargs={"extra_actors": extra_actors, "batch_size": batch_size, "folder": folder},
    )
    try:
        for row in files.iter_rows():
            yield row["file"]
    except ray.exceptions.RayError as exc:
        raise EngineError(f"the Ray run failed: {exc}") from exc


def read_results(files: Iterable[str]) -> Iterator[Numbered]:
    """The outcomes in the results ``files``, streamed in order, a few hundred rows at a time.

    A position that goes backwards would mean Ray did not keep the input order, and is an error
    rather than a silently different KB.
    """
    last = -1
    for file in files:
        filesystem, path = pafs.FileSystem.from_uri(file)
        with filesystem.open_input_file(path) as handle:
            for batch in pq.ParquetFile(handle).iter_batches(batch_size=READ_ROWS):
                for item in from_rows(batch.to_pylist()):
                    if item.position <= last:
                        raise EngineError(f"results out of input order in {file} (position {item.position})")
                    last = item.position
                    yield item


def outcomes(intake: Intake, chunk: list[Numbered]) -> list[Outcome]:
    """Report the readers' warnings, then hand the chunk on to be stored in one transaction, as a
    local build stores a batch."""
    for item in chunk:
        intake.warn(item.source, item.warnings)
    return [item.outcome for item in chunk]


def alive_nodes() -> list[dict[str, Any]]:
    return [node for node in ray.nodes() if node.get("Alive")]  # type: ignore[no-untyped-call]


@contextmanager
def ray_session(address: str | None, workers: int | None) -> Iterator[int]:
    """Ray for this build, and the number of CPUs it has. Ray already initialised in this process
    is used as it is and left running; otherwise this connects to ``address`` or starts a local
    Ray (no dashboard, no usage statistics, nothing downloaded) and shuts it down afterwards."""
    started = not ray.is_initialized()
    if started:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=workers or os.cpu_count(), include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
    try:
        yield max(int(ray.cluster_resources().get("CPU", 1)), 1)  # type: ignore[no-untyped-call]
    finally:
        if started:
            ray.shutdown()


@contextmanager
def results_folder(given: str | Path | None) -> Iterator[str]:
    """Where the workers write their Parquet: ``given`` (must be empty or new), or a temporary
    folder removed on the way out. Local paths come back absolute, URIs as they are."""
    if given is None:
        with tempfile.TemporaryDirectory(prefix="hornbill-ray-") as folder:
            yield folder
        return
    folder = str(given) if "://" in str(given) else str(Path(given).absolute())
    filesystem, root = pafs.FileSystem.from_uri(folder)
    if filesystem.get_file_info(pafs.FileSelector(root, allow_not_found=True)):
        raise EngineError(f"the results folder is not empty: {given}")
    filesystem.create_dir(root, recursive=True)
    yield folder
