"""Quality floors on the team's seed corpus, scored by the team's own scorer.

The floors are the acceptance figures of the issues that are resolved; raise them as
hornbill improves, never lower them silently. Skipped when ../shared is not beside the clone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hornbill.pipeline import build
from hornbill.store import open_kb
from hornbill.views import export

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
FLOORS = {
    "event_recall": 0.5,
    "event_precision": 0.5,
    "doc_date_acc": 0.8,
    "quotes_found": 0.6,
}

pytestmark = pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="../shared not present")


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    out = tmp_path_factory.mktemp("seeds")
    kb = open_kb(out / "seeds.duckdb")
    build([SHARED / "corpus" / "seeds"], kb)
    args = []
    for kind in ("events", "documents", "quotes", "claims"):
        with (out / f"{kind}.jsonl").open("w", encoding="utf-8") as fh:
            export.write_jsonl(export.records(kb, kind), fh)
        args += [f"--{kind}", str(out / f"{kind}.jsonl")]
    kb.close()
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold",
                           str(SHARED / "corpus" / "seeds-gold"), *args, "--json"],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_seed_score_stays_above_its_floor(scores: dict[str, float], metric: str) -> None:
    assert scores[metric] >= FLOORS[metric], f"{metric} fell to {scores[metric]} (floor {FLOORS[metric]})"
