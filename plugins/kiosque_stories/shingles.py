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
LEAD = 60  # words that make an article's lead (its lede and the start of its body)
PERMUTATIONS = 64  # MinHash size: the Jaccard estimate's error is about 1/sqrt(64) = 0.125
SEED = 1  # the permutations; the same in every build, or signatures could not be compared
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(normalize(text).lower())


def shingles(text: str) -> set[bytes]:
    return shingles_of(words(text))


def shingles_of(found: list[str]) -> set[bytes]:
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


class Text:
    """An article's words, shingles and lead's shingles, worked out once."""

    def __init__(self, text: str):
        found = words(text)
        self.shingles = shingles_of(found)
        self.lead = shingles_of(found[:LEAD])


def measures(a: Text, b: Text) -> tuple[float, float, float, float]:
    """How much two texts share: Jaccard and containment of their shingles, and the share of
    each one's lead found in the other (the smaller, then the larger). A new version keeps most
    of the lead; a follow-up writes a new lead over the old background."""
    leads = sorted((len(a.lead & b.shingles) / len(a.lead) if a.lead else 0.0,
                    len(b.lead & a.shingles) / len(b.lead) if b.lead else 0.0))
    return (round(jaccard(a.shingles, b.shingles), 4), round(containment(a.shingles, b.shingles), 4),
            round(leads[0], 4), round(leads[1], 4))
