"""Per-document outcomes survive records and Parquet unchanged: what a Ray worker writes is what
the driver stores."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from hornbill.engine.records import (
    Numbered,
    from_record,
    from_rows,
    item_from_json,
    item_to_json,
    to_record,
    to_table,
)
from hornbill.model import DatePoint, DocResult, RawDocument, Skipped
from hornbill.process import process_raws
from hornbill.read import iter_inputs
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def results(nlp: Language) -> list[DocResult]:
    raws = [item for item in iter_inputs([EXAMPLES]) if isinstance(item, RawDocument)]
    outcomes = [outcome for outcome in process_raws(raws, nlp) if isinstance(outcome, DocResult)]
    assert len(outcomes) == len(raws) > 10
    return outcomes


def test_examples_cover_the_optional_parts_of_the_model(results: list[DocResult]) -> None:
    """The round trips below mean something only if the examples fill the nested optional fields."""
    events = [event for result in results for event in result.events]
    assert any(event.location is not None for event in events)
    assert any(event.actor is None or event.recipient is None for event in events)
    assert any(event.actor is not None and event.actor.aliases for event in events)
    assert any(result.quotes for result in results) and any(result.claims for result in results)
    assert any(segment.reason for result in results for segment in result.document.segments)


def test_a_record_is_plain_json_and_decodes_to_an_equal_result(results: list[DocResult]) -> None:
    for result in results:
        record = to_record(result)
        text = json.dumps(record)
        assert json.loads(text) == record  # nothing but dicts, lists and scalars
        assert from_record(DocResult, json.loads(text)) == result


def test_decoding_restores_tuples_not_lists(results: list[DocResult]) -> None:
    """Equality of the dataclasses depends on it: a tuple never equals a list."""
    decoded = from_record(DocResult, json.loads(json.dumps(to_record(results[0]))))
    assert isinstance(decoded.document.pieces, tuple) and isinstance(decoded.document.pieces[0], tuple)
    assert isinstance(decoded.events, tuple)
    assert isinstance(decoded.document.published, DatePoint)


def test_results_and_skips_round_trip_through_parquet(results: list[DocResult], tmp_path: Path) -> None:
    skipped = Skipped("feeds/broken.jsonl:3", "not JSON (Expecting value at column 1)")
    numbered = [Numbered(10 * i, result, ("decoded as latin-1 (cp1252): the file is not valid UTF-8",) * (i % 2))
                for i, result in enumerate(results)]
    numbered.insert(3, Numbered(25, skipped))
    path = tmp_path / "results.parquet"
    pq.write_table(to_table(numbered), path)

    back = list(from_rows(pq.read_table(path).to_pylist()))

    assert back == numbered
    assert pq.read_table(path, columns=["source"]).column("source").to_pylist()[3] == "feeds/broken.jsonl:3"


def test_read_items_round_trip_as_json() -> None:
    raw = RawDocument(source="wire/2023-07-01.txt", text="Mali's junta asked the UN force to leave «without delay».",
                      title="Junta asks UN to leave", published="2023-06-16", format="text", header_chars=42,
                      warnings=("decoded as latin-1 (cp1252): the file is not valid UTF-8",))
    skipped = Skipped("wire/logo.png", "binary file (PNG image)")
    assert item_from_json(item_to_json(raw)) == raw
    assert item_from_json(item_to_json(skipped)) == skipped
