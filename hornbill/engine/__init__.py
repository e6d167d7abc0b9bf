"""Engines run the per-document stages; the build in :mod:`hornbill.pipeline` stores and links.

Every engine is an :class:`~hornbill.engine.base.Executor`: the inputs under some paths in, one
list of outcomes per batch out, in input order. :func:`executor_for` picks one:

- :class:`~hornbill.engine.local.LocalExecutor`: in this process (``workers=1``);
- :class:`~hornbill.engine.pool.PoolExecutor`: in a local process pool (``workers`` > 1);
- :class:`~hornbill.engine.ray.RayExecutor` (optional, needs ``ray``): reads, processes and
  writes Parquet on a Ray cluster, and hands the results back here to be stored.

All of them run :func:`hornbill.process.process_raws` on each batch.
"""

from __future__ import annotations

from hornbill.engine.base import Executor, Intake, Outcome
from hornbill.engine.local import LocalExecutor
from hornbill.engine.pool import PoolExecutor
from hornbill.errors import EngineError, WorkerError
from hornbill.process import BATCH_SIZE

__all__ = ["EngineError", "Executor", "Intake", "LocalExecutor", "Outcome", "PoolExecutor", "WorkerError",
           "executor_for"]


def executor_for(engine: str = "local", *, workers: int = 1, extra_actors: str | None = None,
                 batch_size: int = BATCH_SIZE, ray_address: str | None = None,
                 ray_results: str | None = None) -> Executor:
    """The executor for ``engine`` ("local" or "ray").

    Local: in this process for ``workers`` = 1, else in that many local processes. Ray: on the
    cluster at ``ray_address`` (or a local one), with ``workers`` > 1 as its number of workers
    (else Ray's choice) and its per-document Parquet results in ``ray_results`` (a temporary
    folder if not given).
    """
    if engine == "ray":
        return _ray_executor(extra_actors, batch_size, ray_address, workers if workers > 1 else None, ray_results)
    if engine != "local":
        raise EngineError(f"unknown engine {engine!r} (local or ray)")
    if workers < 1:
        raise EngineError(f"workers must be at least 1, not {workers}")
    if workers == 1:
        return LocalExecutor(extra_actors, batch_size)
    return PoolExecutor(workers, extra_actors=extra_actors, batch_size=batch_size)


def _ray_executor(extra_actors: str | None, batch_size: int, address: str | None, workers: int | None,
                  results: str | None) -> Executor:
    try:
        from hornbill.engine.ray import RayExecutor  # ray is optional: imported only when asked for
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] != "ray":
            raise
        raise EngineError("the ray engine needs Ray: pip install -r requirements-ray.txt") from exc
    return RayExecutor(extra_actors, batch_size, address, workers, results)
