"""What hornbill extracts from examples/ matches the reviewed golden files.

On a deliberate change, run `make golden` to see the diff and `make golden UPDATE=1` to accept it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import GOLDEN, KINDS, render


@pytest.mark.parametrize("kind", KINDS)
def test_examples_output_matches_the_golden_file(examples_kb: Path, kind: str) -> None:
    expected = (GOLDEN / f"examples.{kind}.jsonl").read_text(encoding="utf-8")
    assert render(examples_kb)[kind] == expected, "output drifted: run `make golden` to review the diff"
