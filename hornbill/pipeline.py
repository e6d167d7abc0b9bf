"""The one place that decides the stage order.

Per document (pure, no shared state, so it can run in a pool or on Ray)::

    read -> clean -> docdate -> spaCy parse -> timex -> actors -> events -> quotes -> claims -> DocResult

The cross-document stage (``link``) runs in the store as each DocResult is added.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from hornbill import nlp as hnlp
from hornbill.clean import clean
from hornbill.docdate import date_document
from hornbill.engine import EngineError, run_batches
from hornbill.model import DocResult, Document, RawDocument, Skipped
from hornbill.read import iter_inputs
from hornbill.store import KnowledgeBase

BATCH_SIZE = 16
T = TypeVar("T")


def prepare(raw: RawDocument) -> Document:
    """Clean a raw document and date it: everything that happens before the parse."""
    document = clean(raw)
    dated = date_document(document, raw)
    warnings = (*document.warnings, *dated.warnings)
    return dataclasses.replace(document, published=dated.date, warnings=warnings)


def to_result(doc: Doc) -> DocResult:
    """Turn an annotated Doc into the plain dataclasses the store accepts."""
    return DocResult(
        document=doc._.document,
        actors=tuple(doc._.actor_mentions or ()),
        events=tuple(doc._.events or ()),
        quotes=tuple(doc._.quotes or ()),
        claims=tuple(doc._.claims or ()),
    )


def process_documents(
    raws: Iterable[RawDocument], nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[DocResult]:
    """Run every per-document stage over ``raws``, streaming, in ``nlp.pipe`` batches."""
    return process_prepared((prepare(raw) for raw in raws), nlp, batch_size)


def process_prepared(
    documents: Iterable[Document], nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[DocResult]:
    """The NLP stages over cleaned, dated documents, in ``nlp.pipe`` batches."""
    docs = (hnlp.make_doc(nlp, document) for document in documents)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield to_result(doc)


def process_raws(
    raws: Iterable[RawDocument], nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[DocResult | Skipped]:
    """Every per-document stage over ``raws``, in input order: a DocResult per article, or a
    Skipped for one with no text left once page furniture is removed. This is what a worker runs."""
    for batch in batched((prepare(raw) for raw in raws), batch_size):
        texts = [document for document in batch if document.text.strip()]
        results = iter(process_prepared(texts, nlp, batch_size))
        for document in batch:
            yield next(results) if document.text.strip() else no_text(document.source)


def no_text(source: str) -> Skipped:
    return Skipped(source, "no article text (nothing left once page furniture is removed)")


def process_text(text: str, nlp: Language, source: str = "<text>", published: str | None = None) -> DocResult:
    """Convenience for one string: the whole per-document pipeline."""
    raw = RawDocument(source=source, text=text, published=published)
    return next(process_documents([raw], nlp))


@dataclass
class BuildReport:
    """What a build or add did: counts for the closing summary."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    new_events: int = 0
    merged_mentions: int = 0


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(
    paths: Iterable[str | Path],
    kb: KnowledgeBase,
    *,
    extra_actors: str | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int = 1,
    engine: str = "local",
    ray_address: str | None = None,
    ray_results: str | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_warning: Callable[[str, str], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Read, process and store every document under ``paths`` into ``kb``.

    Documents already in the KB are recognised by their content id and not parsed again.
    Each batch is stored in one transaction. ``on_skip`` hears of every unreadable input as it
    is met, ``on_warning`` of every (source, warning) a reader raised on a document it could
    still read (e.g. decoded as Latin-1); ``progress`` is called with the number of documents each finished batch held.

    ``workers`` > 1 runs the per-document stages in that many local processes; reading, storing
    and linking stay here, and batches are stored in input order, so the KB is the same as with
    one worker. ``engine="ray"`` hands the build to :mod:`hornbill.engine.ray` (on the cluster at
    ``ray_address``, or a local one), with ``workers`` > 1 as its number of workers (else Ray's choice) and
    its per-document Parquet results in ``ray_results`` (a temporary folder if not given).
    """
    if engine == "ray":
        try:
            from hornbill.engine.ray import build_with_ray  # ray is optional: imported only when asked for
        except ModuleNotFoundError as exc:
            if exc.name is None or exc.name.split(".")[0] != "ray":
                raise
            raise EngineError("the ray engine needs Ray: pip install -r requirements-ray.txt") from exc
        return build_with_ray(paths, kb, extra_actors=extra_actors, batch_size=batch_size, ray_address=ray_address,
                              workers=workers if workers > 1 else None, results_dir=ray_results,
                              on_skip=on_skip, on_warning=on_warning, progress=progress)
    if engine != "local":
        raise EngineError(f"unknown engine {engine!r} (local or ray)")
    run = BuildRun(kb, on_skip=on_skip, on_warning=on_warning, progress=progress)
    batches = batched(run.new_documents(iter_inputs(paths)), batch_size)
    # closing: should storing fail, the workers stop now, not when the generator is collected
    with closing(run_batches(batches, workers=workers, extra_actors=extra_actors, batch_size=batch_size)) as results:
        for outcomes in results:
            run.store(outcomes)
    return run.report


@dataclass
class BuildRun:
    """The parent's side of a build, whatever engine parses: it drops what is already stored,
    stores each batch of outcomes (linking happens in ``kb.add``), tallies the report and tells
    the caller's callbacks."""

    kb: KnowledgeBase
    on_skip: Callable[[Skipped], None] | None = None
    on_warning: Callable[[str, str], None] | None = None
    progress: Callable[[int], None] | None = None
    report: BuildReport = field(default_factory=BuildReport)

    def skip(self, item: Skipped) -> None:
        self.report.skipped.append(item)
        if self.on_skip:
            self.on_skip(item)

    def warn(self, source: str, warnings: Iterable[str]) -> None:
        """Pass on the warnings a reader raised on a document it could still read."""
        for warning in warnings:
            if self.on_warning:
                self.on_warning(source, warning)

    def new_documents(self, items: Iterable[RawDocument | Skipped]) -> Iterator[RawDocument]:
        """The documents of ``items`` not yet in the KB; reader skips and warnings are reported
        as they are met, documents already stored are counted."""
        for item in items:
            if isinstance(item, Skipped):
                self.skip(item)
                continue
            self.warn(item.source, item.warnings)
            if self.kb.has_document(item.doc_id):
                self.report.read += 1
                self.report.already_stored += 1
                if self.progress:
                    self.progress(1)
                continue
            yield item

    def store(self, outcomes: Iterable[DocResult | Skipped]) -> None:
        """Store one batch in one transaction; a Skipped (no text left once cleaned) is reported."""
        results: list[DocResult] = []
        for outcome in outcomes:
            if isinstance(outcome, Skipped):
                self.skip(outcome)
            else:
                results.append(outcome)
        if not results:
            return
        summary = self.kb.add(results)
        self.report.read += len(results)
        self.report.added += summary.added
        self.report.already_stored += summary.already_stored
        self.report.new_events += summary.events
        self.report.merged_mentions += summary.merged
        if self.progress:
            self.progress(len(results))
