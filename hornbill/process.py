"""The per-document work, in one place: everything that happens to one article between reading
and storing. It holds no shared state, so the engines (:mod:`hornbill.engine`) run it here, in a
process pool or on Ray alike::

    clean -> docdate -> spaCy parse -> timex -> actors -> events -> quotes -> claims -> DocResult

The order of the spaCy stages is :data:`hornbill.nlp.PIPELINE`'s; the cross-document stage
(``link``) runs in the store as each DocResult is added (:mod:`hornbill.pipeline` stores).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from hornbill.clean import clean
from hornbill.docdate import date_document
from hornbill.model import DocResult, Document, RawDocument, Skipped
from hornbill.nlp import make_doc

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
    docs = (make_doc(nlp, document) for document in documents)
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
    """What stands for an article that cleaning left without text."""
    return Skipped(source, "no article text (nothing left once page furniture is removed)")


def process_text(text: str, nlp: Language, source: str = "<text>", published: str | None = None) -> DocResult:
    """Convenience for one string: the whole per-document pipeline."""
    raw = RawDocument(source=source, text=text, published=published)
    return next(process_documents([raw], nlp))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
