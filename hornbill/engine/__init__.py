"""Engines run the per-document stages; the build in :mod:`hornbill.pipeline` stores and links.

The seam is one function shape: batches of :class:`~hornbill.model.RawDocument` in, one list
of outcomes (a :class:`~hornbill.model.DocResult`, or a :class:`~hornbill.model.Skipped` for an
article with no text left after cleaning) per batch out, in input order. Input order is what
makes a build with many workers store exactly what a build with one stores.

- :func:`run_batches` here: in this process (``workers=1``) or in a local process pool
  (:mod:`hornbill.engine.pool`);
- :mod:`hornbill.engine.ray` (optional, needs ``ray``): reads, processes and writes Parquet on
  a Ray cluster, then loads into the KB.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable

from hornbill import nlp as hnlp
from hornbill.errors import HornbillError
from hornbill.model import DocResult, RawDocument, Skipped

Outcome = DocResult | Skipped


class EngineError(HornbillError):
    """The engine that runs the per-document stages failed or cannot be used."""


def run_batches(
    batches: Iterable[list[RawDocument]], *, workers: int = 1, extra_actors: str | None = None, batch_size: int = 16
) -> Generator[list[Outcome]]:
    """The outcomes of each batch, in input order: in this process, or on ``workers`` processes.

    ``batches`` is consumed lazily, so a generator over a large corpus is never read ahead by
    more than a few batches. Close the generator (``contextlib.closing``) to stop the workers
    early.
    """
    if workers < 1:
        raise EngineError(f"workers must be at least 1, not {workers}")
    if workers == 1:
        return run_in_process(batches, extra_actors, batch_size)
    from hornbill.engine.pool import ProcessPool  # it imports this module

    return ProcessPool(workers, extra_actors=extra_actors, batch_size=batch_size).run(batches)


def run_in_process(
    batches: Iterable[list[RawDocument]], extra_actors: str | None, batch_size: int
) -> Generator[list[Outcome]]:
    """Each batch's outcomes computed here; the pipeline is loaded on the first batch, so a
    build with nothing new to parse never loads spaCy."""
    from hornbill.pipeline import process_raws  # the pipeline module imports this one

    for batch in batches:
        nlp = hnlp.load(extra_actors)
        yield list(process_raws(batch, nlp, batch_size))
