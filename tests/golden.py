"""Golden files: the examples/ corpus exported in a compact, reviewable form.

    make golden            # rebuild into a temp folder and show the diff against tests/golden/
    make golden UPDATE=1   # accept the new output (review the diff first)

tests/test_golden.py fails when the pipeline's output on examples/ drifts from these files,
so every change in what hornbill extracts is seen and reviewed in a diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
KINDS = ("events", "documents", "quotes", "claims")


def compact(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """The fields a reviewer cares about, without volatile ones."""
    if kind == "events":
        return {
            "type": row["event_type"], "mode": row["mode"], "status": row["status"],
            "actor": row["actor"]["name"] if row["actor"] else None,
            "recipient": row["recipient"]["name"] if row["recipient"] else None,
            "date": row["date"], "precision": row["date_precision"], "sources": row["num_sources"],
            "evidence": sorted({(m["source"].rsplit("/", 1)[-1], m["sentence"][:90]) for m in row["mentions"]}),
        }
    if kind == "documents":
        fields = ("title", "outlet", "published", "published_precision", "published_basis", "language", "kept_chars")
        return {"source": row["source"].rsplit("/", 1)[-1], **{k: row[k] for k in fields}}
    if kind == "quotes":
        return {"source": row["source"].rsplit("/", 1)[-1], "speaker": (row["speaker"] or {}).get("name"),
                "text": row["text"][:90]}
    return {"source": row["source"].rsplit("/", 1)[-1], "subject": row["subject"], "value": row["value"],
            "unit": row["unit"], "qualifier": row["qualifier"]}


def render(kb_path: Path) -> dict[str, str]:
    """kind -> golden file text for the KB at ``kb_path``."""
    from hornbill.store import open_kb
    from hornbill.views import export

    kb = open_kb(kb_path, read_only=True)
    try:
        out = {}
        for kind in KINDS:
            rows = sorted(json.dumps(compact(kind, r), ensure_ascii=False, sort_keys=True)
                          for r in export.records(kb, kind))
            out[kind] = "\n".join(rows) + "\n"
        return out
    finally:
        kb.close()


def main() -> int:
    from hornbill.pipeline import build
    from hornbill.store import open_kb

    with tempfile.TemporaryDirectory() as tmp:
        kb = open_kb(Path(tmp) / "golden.duckdb")
        build([ROOT / "examples"], kb)
        kb.close()
        fresh = Path(tmp) / "golden"
        fresh.mkdir()
        for kind, text in render(Path(tmp) / "golden.duckdb").items():
            (fresh / f"examples.{kind}.jsonl").write_text(text, encoding="utf-8")
        status = subprocess.call(["git", "diff", "--no-index", "--stat", "--", str(GOLDEN), str(fresh)])
        subprocess.call(["git", "--no-pager", "diff", "--no-index", "--", str(GOLDEN), str(fresh)])
        if os.environ.get("UPDATE") == "1":
            GOLDEN.mkdir(exist_ok=True)
            for file in fresh.iterdir():
                (GOLDEN / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
            print("golden files updated", file=sys.stderr)
            return 0
        return status


if __name__ == "__main__":
    sys.exit(main())
