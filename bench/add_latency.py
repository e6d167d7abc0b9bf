"""Time to add one more article to knowledge bases of 1k, 10k and 100k documents.

    .venv/bin/python bench/add_latency.py [--sizes 1000 10000 100000]

The knowledge bases are filled with records, not parsed text: the real seed and example
articles are processed once, and their stored rows are copied with new ids until the KB
holds N documents. Copy i moves every date back by i % 30 years and swaps every actor for
variant i // 30 of it (copies 1-29 keep the real actors), so no two copies of a dated report
report the same event (undated ones repeat within each group of 30): the copies are distinct
stories, as in a KB where every report of an event has been linked, and the articles being
added meet the same stored neighbourhood (the originals and copies 1-29) at every size; only
the size of the KB differs. Then real held-out articles
(already processed, so the parse is excluded) are added one at a time, each in its own
transaction, as `hornbill add` does, to every KB in turn; the median wall time per article is
printed per size, with the time of the checkpoint that closing the KB then runs.
Target: flat (100k within 2x of 1k).

    .venv/bin/python bench/add_latency.py --batch 16 [--copies 12]

times instead what storing and linking cost per document when a build stores batches of 16:
the processed articles and copies of them (new ids, every 4th word changed so no copy is a
near-duplicate, dates moved back by the copy's number of years, actors kept) are added in
batches to a new KB; CPU and wall milliseconds per document are printed, the parse excluded.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from hornbill import link
from hornbill import nlp as hnlp
from hornbill.model import DatePoint, DocResult, Evidence
from hornbill.process import process_documents
from hornbill.read import iter_inputs
from hornbill.store.duckdb import DuckDBKnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

COPY = {
    "documents": "doc_id || '-' || i AS doc_id, b.* EXCLUDE (doc_id, seq, published), "
                 "shift(published, i) AS published, seq + i * 1000 AS seq",
    "document_texts": "doc_id || '-' || i AS doc_id, b.* EXCLUDE (doc_id)",
    "actor_mentions": "doc_id || '-' || i AS doc_id, b.* EXCLUDE (doc_id, actor_key), swap(actor_key, i) AS actor_key",
    "event_mentions": "mention_id || '-' || i AS mention_id, event_id || '-' || i AS event_id, "
                      "doc_id || '-' || i AS doc_id, b.* EXCLUDE (mention_id, event_id, doc_id, actor_key, "
                      "recipient_key, date, date_before), swap(actor_key, i) AS actor_key, swap(recipient_key, i) "
                      "AS recipient_key, shift(date, i) AS date, shift(date_before, i) AS date_before",
    "events": "event_id || '-' || i AS event_id, b.* EXCLUDE (event_id, actor_key, recipient_key, date), "
              "swap(actor_key, i) AS actor_key, swap(recipient_key, i) AS recipient_key, shift(date, i) AS date",
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
    con.execute("CREATE OR REPLACE MACRO swap(k, i) AS CASE WHEN k IS NULL OR i // 30 = 0 THEN k "
                "ELSE k || '#' || (i // 30) END")
    con.execute("CREATE OR REPLACE MACRO shift(d, i) AS CASE WHEN d IS NULL OR NOT regexp_matches(d, '^[0-9]{4}') "
                "THEN d ELSE CAST(CAST(substr(d, 1, 4) AS INTEGER) - (i % 30) AS VARCHAR) || substr(d, 5) END")
    copies = max(size // len(base) - 1, 0)
    con.execute("BEGIN TRANSACTION")
    for table, select in COPY.items():
        con.execute(f"CREATE TEMP TABLE base_{table} AS SELECT * FROM {table}")
        con.execute(f"INSERT INTO {table} BY NAME SELECT {select} FROM base_{table} b, range(1, ?) r(i)",
                    [copies + 1])
    con.execute("INSERT INTO actors BY NAME SELECT a.* EXCLUDE (actor_key), actor_key || '#' || j AS actor_key "
                "FROM (SELECT * FROM actors WHERE actor_key NOT LIKE '%#%') a, range(1, ?) r(j)", [copies // 30 + 1])
    file_copies(con)
    con.execute("COMMIT")
    con.execute("CHECKPOINT")  # the filled KB as a previous session would have left it on disk


def file_copies(con: duckdb.DuckDBPyConnection) -> None:
    """File the copied event mentions under the linker's keys, as `add` files the ones it stores."""
    cur = con.execute("SELECT mention_id, event_id, doc_id, event_type, actor_key, recipient_key, date, "
                      "date_precision, date_basis, status FROM event_mentions WHERE contains(mention_id, '-')")
    keys, ids = [], []
    while chunk := cur.fetchmany(50_000):
        for mention_id, *fields in chunk:
            for key in link.filing_keys(link.StoredMention(*fields)):
                keys.append(key)
                ids.append(mention_id)
    con.register("copied_keys", pa.table({"key": keys, "mention_id": ids}))
    con.execute("INSERT INTO event_keys SELECT * FROM copied_keys")
    con.unregister("copied_keys")


def time_adds(kbs: dict[int, DuckDBKnowledgeBase], articles: list[DocResult]) -> dict[int, list[float]]:
    """Seconds to add each article to each KB, keyed by KB size.

    Each article goes to every KB in turn, the first KB rotating, so that load from other
    processes on the machine falls on all sizes alike.
    """
    times: dict[int, list[float]] = {size: [] for size in kbs}
    sizes = list(kbs)
    for n, result in enumerate(articles):
        for size in sizes[n % len(sizes):] + sizes[:n % len(sizes)]:
            start = time.perf_counter()
            kbs[size].add([result])
            times[size].append(time.perf_counter() - start)
    return times


def checkpoint_seconds(kb: DuckDBKnowledgeBase) -> float:
    """Time to write the adds from the log into the KB file, as closing the KB after `hornbill add` does."""
    start = time.perf_counter()
    kb.con.execute("CHECKPOINT")
    return time.perf_counter() - start


def shift_year(point: DatePoint, years: int) -> DatePoint:
    if not re.match(r"[0-9]{4}", point.value or ""):  # an unknown date has no value
        return point
    return dataclasses.replace(point, value=f"{int(point.value[:4]) - years}{point.value[4:]}")


def copy_of(result: DocResult, i: int) -> DocResult:
    """Copy ``i`` of a processed article: another document with other words and other years."""
    doc = result.document
    doc_id = f"{doc.doc_id}-{i}"
    words = doc.text.split(" ")
    text = " ".join(f"{w}{i}" if n % 4 == 0 else w for n, w in enumerate(words))
    document = dataclasses.replace(doc, doc_id=doc_id, original=text, text=text)

    def evidence(e: Evidence) -> Evidence:
        return dataclasses.replace(e, doc_id=doc_id)

    return DocResult(
        document=document, actors=result.actors,
        events=tuple(dataclasses.replace(ev, evidence=evidence(ev.evidence), date=shift_year(ev.date, i))
                     for ev in result.events),
        quotes=tuple(dataclasses.replace(q, doc_id=doc_id, evidence=evidence(q.evidence)) for q in result.quotes),
        claims=tuple(dataclasses.replace(c, doc_id=doc_id, evidence=evidence(c.evidence)) for c in result.claims),
    )


def batch_cost(kb: DuckDBKnowledgeBase, documents: list[DocResult], batch: int) -> tuple[float, float]:
    """(CPU ms, wall ms) per document of adding ``documents`` to ``kb`` in batches of ``batch``."""
    cpu, wall = time.process_time(), time.perf_counter()
    for start in range(0, len(documents), batch):
        kb.add(documents[start:start + batch])
    n = len(documents)
    return (time.process_time() - cpu) * 1000 / n, (time.perf_counter() - wall) * 1000 / n


def print_batch_cost(results: list[DocResult], batch: int, copies: int) -> None:
    documents = [r if i == 0 else copy_of(r, i) for i in range(copies) for r in results]
    words = sum(len(r.document.text.split()) for r in documents) / len(documents)
    with tempfile.TemporaryDirectory() as tmp:
        kb = DuckDBKnowledgeBase(Path(tmp) / "kb.duckdb")
        cpu, wall = batch_cost(kb, documents, batch)
        counts = kb.counts()
        kb.close()
    print(f"{len(documents)} documents ({words:.0f} words each on average), batches of {batch}: "
          f"{counts['events']} events; store+link {cpu:.1f} CPU ms, {wall:.1f} wall ms per document")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--batch", type=int, help="time storing and linking in batches of this size instead")
    parser.add_argument("--copies", type=int, default=12, help="with --batch: copies of each article to add")
    args = parser.parse_args()
    inputs = sorted((ROOT / "examples").iterdir())
    if (SHARED / "corpus" / "seeds").exists():
        inputs += sorted((SHARED / "corpus" / "seeds").iterdir())
    print(f"processing {len(inputs)} real input files once (parse excluded from the timings) ...", file=sys.stderr)
    results = processed(inputs)
    if args.batch:
        print_batch_cost(results, args.batch, args.copies)
        return 0
    held_out, base = results[:5], results[5:]
    print(f"{'KB documents':>13} {'KB events':>10} {'fill s':>8} {'add median ms':>14} {'add max ms':>11} "
          f"{'checkpoint ms':>14}")
    kbs, filled, counts = {}, {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            kbs[size] = DuckDBKnowledgeBase(Path(tmp) / f"kb-{size}.duckdb")
            start = time.perf_counter()
            fill(kbs[size], base, size)
            filled[size] = time.perf_counter() - start
            counts[size] = kbs[size].counts()
        times = time_adds(kbs, held_out)
        checkpoints = {size: checkpoint_seconds(kb) for size, kb in kbs.items()}
        for kb in kbs.values():
            kb.close()
    medians = {size: statistics.median(t) for size, t in times.items()}
    for size in args.sizes:
        print(f"{counts[size]['documents']:>13,} {counts[size]['events']:>10,} {filled[size]:>8.1f} "
              f"{medians[size] * 1000:>14.1f} {max(times[size]) * 1000:>11.1f} {checkpoints[size] * 1000:>14.1f}")
    smallest, largest = min(medians), max(medians)
    ratio = medians[largest] / medians[smallest]
    print(f"ratio {largest:,} / {smallest:,} documents: {ratio:.2f}x (target: within 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
