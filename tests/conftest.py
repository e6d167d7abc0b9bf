"""Global fixtures only: the loaded pipeline and a helper that annotates a text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from hornbill import nlp as hnlp
from hornbill.model import DatePoint, Document


@pytest.fixture(scope="session")
def nlp() -> Language:
    return hnlp.load()


def make_document(text: str, published: str | None = "2023-07-01", source: str = "test.txt") -> Document:
    """A Document whose cleaned text is ``text`` verbatim (no cleaning), dated ``published``."""
    precision = None if published is None else {4: "year", 7: "month"}.get(len(published), "day")
    date = DatePoint(published, precision, "metadata") if published else None  # type: ignore[arg-type]
    return Document.verbatim(text, "dtest", source, date)


@pytest.fixture(scope="session")
def annotate(nlp: Language) -> Callable[..., Doc]:
    """Run the whole pipeline on a text: ``annotate("The UK withdrew.", published="2022-11-15")``."""

    def run(text: str, published: str | None = "2023-07-01") -> Doc:
        return nlp(hnlp.make_doc(nlp, make_document(text, published)))

    return run


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def examples_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base built once from examples/ with the library call (read it; don't write)."""
    from hornbill.pipeline import build
    from hornbill.store import open_kb

    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    kb = open_kb(path)
    report = build([EXAMPLES], kb)
    kb.close()
    assert report.added > 0 and not report.skipped
    return path
