"""Near-duplicate articles: which stored (or earlier) article each new one nearly repeats, and
the source key it counts under (link.minhash, link.bands)."""

from __future__ import annotations

from collections import defaultdict

import duckdb

from hornbill import link
from hornbill.model import DocResult
from hornbill.store.tables import insert, rows_of


def near_duplicates(con: duckdb.DuckDBPyConnection, batch: list[DocResult]) -> list[tuple[str | None, str]]:
    """(the article each one nearly repeats, the source key it counts under), for each result;
    stores the batch's MinHash signatures and bands."""
    signatures = [link.minhash(r.document.text) for r in batch]
    bands = [link.bands(s) for s in signatures]
    out = _source_keys(con, batch, _nearest(con, batch, signatures, bands))
    insert(con, "doc_signatures", [[r.document.doc_id, s] for r, s in zip(batch, signatures, strict=True)])
    insert(con, "doc_bands", [[k, r.document.doc_id] for r, ks in zip(batch, bands, strict=True) for k in ks])
    return out


def _nearest(con: duckdb.DuckDBPyConnection, batch: list[DocResult], signatures: list[list[int]],
             bands: list[list[str]]) -> list[str | None]:
    """The article each result nearly repeats, if any: among the stored ones and the earlier
    ones of the batch that share a band with it."""
    by_band: dict[str, list[str]] = defaultdict(list)
    for r in rows_of(con, "SELECT band, doc_id FROM doc_bands WHERE band = ANY(?)",
                        [sorted({k for ks in bands for k in ks})]):
        by_band[r["band"]].append(r["doc_id"])
    stored = sorted({d for ds in by_band.values() for d in ds})
    known = {r["doc_id"]: r["signature"] for r in rows_of(con,
        "SELECT doc_id, signature FROM doc_signatures WHERE doc_id = ANY(?)", [stored])} if stored else {}
    nearest: list[str | None] = []
    for result, signature, keys in zip(batch, signatures, bands, strict=True):
        candidates = {d for key in keys for d in by_band[key]}
        nearest.append(_most_similar(signature, {d: known[d] for d in candidates}))
        for key in keys:
            by_band[key].append(result.document.doc_id)
        known[result.document.doc_id] = signature
    return nearest


def _source_keys(con: duckdb.DuckDBPyConnection, batch: list[DocResult],
                 nearest: list[str | None]) -> list[tuple[str | None, str]]:
    """(the article each result nearly repeats, the source key it counts under): a copy counts
    under the source key of the article it repeats, stored or earlier in the batch."""
    in_batch = {r.document.doc_id: i for i, r in enumerate(batch)}
    stored = sorted({d for d in nearest if d is not None and d not in in_batch})
    stored_keys = dict(con.execute("SELECT doc_id, source_key FROM documents WHERE doc_id = ANY(?)",
                                        [stored]).fetchall()) if stored else {}
    out: list[tuple[str | None, str]] = []
    for result, best in zip(batch, nearest, strict=True):
        if best is None:
            out.append((None, link.source_key(result.document.outlet, result.document.doc_id)))
        else:
            out.append((best, out[in_batch[best]][1] if best in in_batch else stored_keys[best]))
    return out


def _most_similar(signature: list[int], candidates: dict[str, list[int]]) -> str | None:
    """The candidate document whose signature is most similar to ``signature``, at least
    link.NEAR_DUPLICATE (of equals, the greatest id); None when there is none."""
    best, best_score = None, link.NEAR_DUPLICATE
    for doc_id in sorted(candidates):
        score = link.similarity(signature, candidates[doc_id])
        if score >= best_score:
            best, best_score = doc_id, score
    return best
