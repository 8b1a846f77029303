"""An article's body as a set of shingles, and its MinHash signature (``datasketch``).

Shingles are runs of ``SIZE`` consecutive words of the body (lower case, typography made
uniform): two versions of one story share most of them, two articles on one subject few.
"""

from __future__ import annotations

import hashlib
import re
import struct

from datasketch import MinHash
from kiosque_import.sametext import normalize

SIZE = 5  # words per shingle
PERMUTATIONS = 64  # MinHash size: the Jaccard estimate's error is about 1/sqrt(64) = 0.125
SEED = 1  # the permutations; the same in every build, or signatures could not be compared
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(normalize(text).lower())


def shingles(text: str) -> set[bytes]:
    found = words(text)
    if len(found) < SIZE:
        return {" ".join(found).encode("utf-8")} if found else set()
    return {" ".join(found[i:i + SIZE]).encode("utf-8") for i in range(len(found) - SIZE + 1)}


def _hash32(data: bytes) -> int:
    # blake2b, 4 bytes: stable across processes and Python versions (hash() is salted).
    return struct.unpack("<I", hashlib.blake2b(data, digest_size=4).digest())[0]


def signature(shingle_set: set[bytes]) -> MinHash:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=_hash32)
    if shingle_set:
        minhash.update_batch(sorted(shingle_set))
    return minhash


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(a: set, b: set) -> float:
    """The share of the smaller set found in the other one (an update that adds paragraphs)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
