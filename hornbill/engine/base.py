"""The executor interface: what every engine offers a build, and what a build offers it.

An :class:`Executor` turns the inputs under some paths into outcomes, one list per batch, in
input order (a :class:`~hornbill.model.DocResult` per article, or a
:class:`~hornbill.model.Skipped` for an input it could not use). Input order is what makes a build
on many workers store exactly what a build on one stores. The build hands it an :class:`Intake`,
which drops documents already stored and reports what the readers skipped or warned about.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from hornbill.model import DocResult, RawDocument, Skipped
from hornbill.process import batched
from hornbill.read import iter_inputs

Outcome = DocResult | Skipped


class Intake(Protocol):
    """The build's side of reading: which documents are new, and whom to tell of warnings."""

    def new_documents(self, items: Iterable[RawDocument | Skipped]) -> Iterator[RawDocument]:
        """The documents of ``items`` not yet stored; skips and warnings are reported as they are met."""
        ...

    def warn(self, source: str, warnings: Iterable[str]) -> None:
        """Report the warnings a reader raised on a document it could still read."""
        ...


class Executor(Protocol):
    """Runs the per-document stages over the inputs under ``paths``.

    ``run`` yields each batch's outcomes in input order; it is lazy (a large corpus is read only
    a few batches ahead) and stops its workers when closed (``contextlib.closing``)."""

    def run(self, paths: Iterable[str | Path], intake: Intake) -> Generator[list[Outcome]]: ...


def new_batches(paths: Iterable[str | Path], intake: Intake, batch_size: int) -> Iterator[list[RawDocument]]:
    """The new documents under ``paths``, read here, in batches (for the engines that read locally)."""
    return batched(intake.new_documents(iter_inputs(paths)), batch_size)
