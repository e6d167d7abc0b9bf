"""The one place that decides the stage order.

Per document (pure, no shared state, so it can run in a pool or on Ray)::

    read -> clean -> docdate -> spaCy parse -> timex -> actors -> events -> quotes -> claims -> DocResult

The cross-document stage (``link``) runs in the store as each DocResult is added.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from hornbill import nlp as hnlp
from hornbill.clean import clean
from hornbill.docdate import date_document
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
    on_skip: Callable[[Skipped], None] | None = None,
    on_warning: Callable[[str, str], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Read, process and store every document under ``paths`` into ``kb``.

    Documents already in the KB are recognised by their content id and not parsed again.
    Each batch is stored in one transaction. ``on_skip`` hears of every unreadable input as it
    is met, ``on_warning`` of every (source, warning) a reader raised on a document it could
    still read (e.g. decoded as Latin-1); ``progress`` is called with the number of documents each finished batch held.
    """
    report = BuildReport()
    nlp: Language | None = None

    def skip(item: Skipped) -> None:
        report.skipped.append(item)
        if on_skip:
            on_skip(item)

    def fresh(items: Iterable[RawDocument | Skipped]) -> Iterator[Document]:
        for item in items:
            if isinstance(item, Skipped):
                skip(item)
                continue
            for warning in item.warnings:
                if on_warning:
                    on_warning(item.source, warning)
            if kb.has_document(item.doc_id):
                report.read += 1
                report.already_stored += 1
                if progress:
                    progress(1)
                continue
            document = prepare(item)
            if not document.text.strip():
                skip(no_text(item.source))
                continue
            report.read += 1
            yield document

    for batch in batched(fresh(iter_inputs(paths)), batch_size):
        nlp = nlp or hnlp.load(extra_actors)
        summary = kb.add(process_prepared(batch, nlp, batch_size))
        report.added += summary.added
        report.already_stored += summary.already_stored
        report.new_events += summary.events
        report.merged_mentions += summary.merged
        if progress:
            progress(len(batch))
    return report
