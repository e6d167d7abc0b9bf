"""The in-process executor: each batch is processed here, one after the other."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass
from pathlib import Path

from hornbill.engine.base import Intake, Outcome, new_batches
from hornbill.model import RawDocument
from hornbill.nlp import load
from hornbill.process import BATCH_SIZE, process_raws


@dataclass(frozen=True)
class LocalExecutor:
    """Runs the per-document stages in this process (``--workers 1``)."""

    extra_actors: str | None = None
    batch_size: int = BATCH_SIZE

    def run(self, paths: Iterable[str | Path], intake: Intake) -> Generator[list[Outcome]]:
        return self.map(new_batches(paths, intake, self.batch_size))

    def map(self, batches: Iterable[list[RawDocument]]) -> Generator[list[Outcome]]:
        """Each batch's outcomes computed here; the pipeline is loaded on the first batch, so a
        build with nothing new to parse never loads spaCy."""
        for batch in batches:
            nlp = load(self.extra_actors)
            yield list(process_raws(batch, nlp, self.batch_size))
