"""Near-duplicate articles: which stored (or earlier) article each new one nearly repeats (MinHash
signatures of word shingles, compared within locality-sensitive bands), and the source key it
counts under, so a syndicated copy or a re-scrape does not count as a second source."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

import duckdb
import numpy as np

from hornbill import link
from hornbill.model import DocResult
from hornbill.store.tables import insert, rows_of

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard share a band and get compared
NEAR_DUPLICATE = 0.8  # estimated Jaccard of word 5-shingles above which two texts are one article
_MASKS = np.random.default_rng(20231).integers(0, 2**63, size=SIGNATURE_SIZE, dtype=np.uint64)


def minhash(text: str) -> list[int]:
    """A MinHash signature of a text's word 5-shingles (casefolded, punctuation ignored).

    Each of the 64 hash functions is the shingle hash XOR-ed with a fixed random mask; the
    signature keeps each function's minimum, so the share of equal positions in two signatures
    estimates the Jaccard similarity of the two shingle sets.
    """
    words = re.findall(r"\w+", text.casefold())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little") for s in shingles),
        dtype=np.uint64, count=len(shingles))
    return [int(x) for x in (hashes[:, None] ^ _MASKS[None, :]).min(axis=0)]


def bands(signature: Sequence[int]) -> list[str]:
    """Locality-sensitive band keys: texts sharing any key are candidates for near-duplicates."""
    rows = len(signature) // BANDS
    return [f"{b}:" + hashlib.blake2b(str(signature[b * rows:(b + 1) * rows]).encode(), digest_size=8).hexdigest()
            for b in range(BANDS)]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def near_duplicates(con: duckdb.DuckDBPyConnection, batch: list[DocResult]) -> list[tuple[str | None, str]]:
    """(the article each one nearly repeats, the source key it counts under), for each result;
    stores the batch's MinHash signatures and bands."""
    signatures = [minhash(r.document.text) for r in batch]
    keys = [bands(s) for s in signatures]
    out = _source_keys(con, batch, _nearest(con, batch, signatures, keys))
    insert(con, "doc_signatures", [[r.document.doc_id, s] for r, s in zip(batch, signatures, strict=True)])
    insert(con, "doc_bands", [[k, r.document.doc_id] for r, ks in zip(batch, keys, strict=True) for k in ks])
    return out


def _nearest(con: duckdb.DuckDBPyConnection, batch: list[DocResult], signatures: list[list[int]],
             band_keys: list[list[str]]) -> list[str | None]:
    """The article each result nearly repeats, if any: among the stored ones and the earlier
    ones of the batch that share a band with it."""
    by_band: dict[str, list[str]] = defaultdict(list)
    for r in rows_of(con, "SELECT band, doc_id FROM doc_bands WHERE band = ANY(?)",
                        [sorted({k for ks in band_keys for k in ks})]):
        by_band[r["band"]].append(r["doc_id"])
    stored = sorted({d for ds in by_band.values() for d in ds})
    known = {r["doc_id"]: r["signature"] for r in rows_of(con,
        "SELECT doc_id, signature FROM doc_signatures WHERE doc_id = ANY(?)", [stored])} if stored else {}
    nearest: list[str | None] = []
    for result, signature, keys in zip(batch, signatures, band_keys, strict=True):
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
    NEAR_DUPLICATE (of equals, the greatest id); None when there is none."""
    best, best_score = None, NEAR_DUPLICATE
    for doc_id in sorted(candidates):
        score = similarity(signature, candidates[doc_id])
        if score >= best_score:
            best, best_score = doc_id, score
    return best
