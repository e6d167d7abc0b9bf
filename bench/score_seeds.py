"""Build a knowledge base from the seed corpus and score it against its gold annotation.

    .venv/bin/python bench/score_seeds.py [--shared ../shared] [-v]

Prints the output of ../shared/tools/score.py (the team's scorer) for events, documents,
quotes and claims. ``-v`` adds the per-gold-event report (what was found, what was missed).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from hornbill.pipeline import build
from hornbill.store import open_kb
from hornbill.views import export

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--keep", type=Path, help="Keep the exports in this folder.")
    args = parser.parse_args()
    seeds, gold = args.shared / "corpus" / "seeds", args.shared / "corpus" / "seeds-gold"
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        kb = open_kb(out / "seeds.duckdb")
        report = build([seeds], kb)
        print(f"built: {report.added} documents, {len(report.skipped)} skipped", file=sys.stderr)
        files = {}
        for kind in ("events", "documents", "quotes", "claims"):
            files[kind] = out / f"{kind}.jsonl"
            with files[kind].open("w", encoding="utf-8") as fh:
                export.write_jsonl(export.records(kb, kind), fh)
        kb.close()
        cmd = [sys.executable, str(args.shared / "tools" / "score.py"), "--gold", str(gold),
               *(arg for kind, path in files.items() for arg in (f"--{kind}", str(path)))]
        if args.verbose:
            cmd.append("-v")
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
