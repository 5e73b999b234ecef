"""Near-duplicate detection with MinHash LSH (datasketch).

Two articles are near-duplicates when the estimated Jaccard similarity of
their sets of word 5-gram shingles reaches :data:`THRESHOLD`. Shingling and
MinHash follow Broder, *On the resemblance and containment of documents*
(1997); the LSH banding is datasketch's ``MinHashLSH`` (Leskovec, Rajaraman,
Ullman, *Mining of Massive Datasets*, ch. 3). Identical body texts (same
``content_hash``) are duplicates too.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
"""MinHash permutations; 128 gives a Jaccard estimate within about ±0.09 (1/sqrt(128))."""

THRESHOLD = 0.8
"""Estimated Jaccard similarity of 5-gram shingles from which two texts are near-duplicates."""

SCHEME = "affine32"
"""datasketch's permutation scheme, fixed so stored signatures stay comparable across versions."""

SHINGLE = 5
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased word ``k``-grams of ``text``, as UTF-8 bytes (the whole text if shorter)."""
    words = _TOKEN.findall(text.casefold())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash(text: str) -> MinHash:
    """MinHash signature of ``text``'s shingles (seed 1, :data:`NUM_PERM` permutations)."""
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m


def to_blob(m: MinHash) -> bytes:
    """The signature as bytes, to store."""
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_blob(blob: bytes) -> MinHash:
    """A stored signature back as a MinHash."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(blob, dtype=np.uint64).copy())


class DuplicateIndex:
    """An in-memory LSH index over the store's articles, filled once per ingest run."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        self.by_hash: dict[str, str] = {}

    def add(self, article_id: str, content_hash: str, signature: MinHash) -> None:
        """Index one article (idempotent for an id already present)."""
        if article_id in self.signatures:
            return
        self.signatures[article_id] = signature
        self.by_hash.setdefault(content_hash, article_id)
        self.lsh.insert(article_id, signature)

    def remove(self, article_id: str) -> None:
        """Forget an article (one that could not be stored)."""
        sig = self.signatures.pop(article_id, None)
        if sig is None:
            return
        self.lsh.remove(article_id)
        for h, aid in list(self.by_hash.items()):
            if aid == article_id:
                del self.by_hash[h]

    def duplicate_of(self, article_id: str, content_hash: str, signature: MinHash) -> str | None:
        """The indexed article that ``signature`` duplicates, or None.

        The first indexed article with the same ``content_hash`` wins;
        otherwise the LSH candidates are checked against :attr:`threshold` and
        the most similar one is returned.
        """
        same = self.by_hash.get(content_hash)
        if same and same != article_id:
            return same
        best, best_sim = None, self.threshold
        for cand in self.lsh.query(signature):
            if cand == article_id:
                continue
            sim = signature.jaccard(self.signatures[cand])
            if sim >= best_sim:
                best, best_sim = cand, sim
        return best
