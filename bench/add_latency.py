"""Time to add one more article to knowledge bases of 1k, 10k and 100k documents.

    .venv/bin/python bench/add_latency.py [--sizes 1000 10000 100000] [--repeat 5]

The knowledge bases are filled with records, not parsed text: the real seed and example
articles are processed once, and their stored rows are copied with new ids, dates shifted
by whole years and actors swapped among 40 variants, until the KB holds N documents. Then
real held-out articles (already processed, so the parse is excluded) are added one at a
time, each in its own transaction, as `hornbill add` does; the median wall time per article
is printed per size. Target: flat (100k within 2x of 1k).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from hornbill import nlp as hnlp
from hornbill.model import DocResult
from hornbill.pipeline import process_documents
from hornbill.read import iter_inputs
from hornbill.store.duckdb import DuckDBKnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

COPY = {
    "documents": "doc_id || '-' || i AS doc_id, b.* EXCLUDE (doc_id, seq, published), "
                 "shift(published, i) AS published, seq + i * 1000 AS seq",
    "actor_mentions": "doc_id || '-' || i AS doc_id, b.* EXCLUDE (doc_id, actor_key), swap(actor_key, i) AS actor_key",
    "event_mentions": "mention_id || '-' || i AS mention_id, event_id || '-' || i AS event_id, "
                      "doc_id || '-' || i AS doc_id, b.* EXCLUDE (mention_id, event_id, doc_id, actor_key, "
                      "recipient_key, date), swap(actor_key, i) AS actor_key, swap(recipient_key, i + 7) "
                      "AS recipient_key, shift(date, i) AS date",
    "events": "event_id || '-' || i AS event_id, b.* EXCLUDE (event_id, actor_key, recipient_key, date), "
              "swap(actor_key, i) AS actor_key, swap(recipient_key, i + 7) AS recipient_key, shift(date, i) AS date",
    "quotes": "quote_id || '-' || i AS quote_id, doc_id || '-' || i AS doc_id, b.* EXCLUDE (quote_id, doc_id)",
    "claims": "claim_id || '-' || i AS claim_id, doc_id || '-' || i AS doc_id, b.* EXCLUDE (claim_id, doc_id)",
    "doc_signatures": "doc_id || '-' || i AS doc_id, b.* EXCLUDE (doc_id)",
    "doc_bands": "band || '#' || i AS band, doc_id || '-' || i AS doc_id",
}


def processed(paths: list[Path]) -> list[DocResult]:
    nlp = hnlp.load()
    raws = [r for r in iter_inputs(paths) if not hasattr(r, "reason")]
    return list(process_documents(raws, nlp))  # type: ignore[arg-type]


def fill(kb: DuckDBKnowledgeBase, base: list[DocResult], size: int) -> None:
    """Store ``base`` for real, then copy its rows until the KB holds ``size`` documents."""
    kb.add(base)
    con = kb.con
    con.execute("CREATE OR REPLACE MACRO swap(k, i) AS CASE WHEN k IS NULL OR i % 40 = 0 THEN k "
                "ELSE k || '#' || (i % 40) END")
    con.execute("CREATE OR REPLACE MACRO shift(d, i) AS CASE WHEN d IS NULL OR NOT regexp_matches(d, '^[0-9]{4}') "
                "THEN d ELSE CAST(CAST(substr(d, 1, 4) AS INTEGER) - (i % 30) AS VARCHAR) || substr(d, 5) END")
    copies = max(size // len(base) - 1, 0)
    con.execute("BEGIN TRANSACTION")
    for table, select in COPY.items():
        con.execute(f"CREATE TEMP TABLE base_{table} AS SELECT * FROM {table}")
        con.execute(f"INSERT INTO {table} BY NAME SELECT {select} FROM base_{table} b, range(1, ?) r(i)",
                    [copies + 1])
    con.execute("INSERT INTO actors BY NAME SELECT a.* EXCLUDE (actor_key), actor_key || '#' || j AS actor_key "
                "FROM (SELECT * FROM actors WHERE actor_key NOT LIKE '%#%') a, range(1, 40) r(j)")
    con.execute("COMMIT")


def time_adds(kb: DuckDBKnowledgeBase, articles: list[DocResult]) -> list[float]:
    times = []
    for result in articles:
        start = time.perf_counter()
        kb.add([result])
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    inputs = sorted((ROOT / "examples").iterdir())
    if (SHARED / "corpus" / "seeds").exists():
        inputs += sorted((SHARED / "corpus" / "seeds").iterdir())
    print(f"processing {len(inputs)} real input files once (parse excluded from the timings) ...", file=sys.stderr)
    results = processed(inputs)
    held_out, base = results[:5], results[5:]
    print(f"{'KB documents':>13} {'KB events':>10} {'fill s':>8} {'add median ms':>14} {'add max ms':>11}")
    medians = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            kb = DuckDBKnowledgeBase(Path(tmp) / "kb.duckdb")
            start = time.perf_counter()
            fill(kb, base, size)
            filled = time.perf_counter() - start
            counts = kb.counts()
            times = time_adds(kb, held_out)
            kb.close()
        medians[size] = statistics.median(times)
        print(f"{counts['documents']:>13,} {counts['events']:>10,} {filled:>8.1f} {medians[size] * 1000:>14.1f} "
              f"{max(times) * 1000:>11.1f}")
    smallest, largest = min(medians), max(medians)
    ratio = medians[largest] / medians[smallest]
    print(f"ratio {largest:,} / {smallest:,} documents: {ratio:.2f}x (target: within 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
