"""Evidence offsets index the source as read: the text at a mention's ``start:end`` is its sentence.

For a plain-text file that is the file itself (decoded; metadata header lines included); for an
HTML page the text trafilatura extracts from it, and for a JSON, JSON Lines or CSV record its
``text`` field: what the store keeps as the document's ``original`` (docs/exports.md).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hornbill.pipeline import build
from hornbill.store import open_kb
from hornbill.views import export

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
TEXT_SUFFIXES = frozenset({".txt", ".md", ""})


def source_text(kb: object, mention: dict[str, str]) -> str:
    """The text a mention's offsets index: the file for plain text, else the stored original."""
    path = Path(mention["source"])
    if path.suffix.lower() in TEXT_SUFFIXES and path.is_file():
        return path.read_bytes().decode("utf-8-sig")
    row = kb.document(mention["doc_id"])  # type: ignore[attr-defined]
    assert row is not None
    return str(row["original"])


def misplaced_mentions(folders: list[Path], tmp_path: Path) -> tuple[int, list[str]]:
    """How many mentions an export of ``folders`` has, and those whose offsets miss their sentence."""
    kb = open_kb(tmp_path / "kb.duckdb")
    try:
        build(folders, kb)
        wrong: list[str] = []
        total = 0
        for event in export.events(kb):
            for mention in event["mentions"]:
                total += 1
                located = source_text(kb, mention)[mention["start"] : mention["end"]]
                if located != mention["sentence"]:
                    wrong.append(f"{mention['source']}[{mention['start']}:{mention['end']}]")
        return total, wrong
    finally:
        kb.close()


def duplicated_mentions(folders: list[Path], tmp_path: Path) -> list[str]:
    kb = open_kb(tmp_path / "kb_dup.duckdb")
    try:
        build(folders, kb)
        repeated: list[str] = []
        for event in export.events(kb):
            counts = Counter((m["doc_id"], m["start"], m["end"]) for m in event["mentions"])
            repeated += [f"{event['id']}: {key}" for key, n in counts.items() if n > 1]
        return repeated
    finally:
        kb.close()


def test_every_mention_of_the_examples_selects_its_sentence(tmp_path: Path) -> None:
    total, wrong = misplaced_mentions([ROOT / "examples"], tmp_path)
    assert total > 50
    assert not wrong, "\n".join(wrong)


def test_no_event_carries_the_same_sentence_twice(tmp_path: Path) -> None:
    assert not duplicated_mentions([ROOT / "examples"], tmp_path)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (seeds and dev corpus) is not here")
@pytest.mark.parametrize("corpus", ["seeds", "dev/tune", "dev/check"])
def test_every_mention_of_the_shared_corpora_selects_its_sentence(corpus: str, tmp_path: Path) -> None:
    folder = SHARED / corpus
    articles = [folder] if corpus == "seeds" else sorted(folder.glob("*/articles"))
    total, wrong = misplaced_mentions(articles, tmp_path)
    assert total > 20
    assert not wrong, "\n".join(wrong)
