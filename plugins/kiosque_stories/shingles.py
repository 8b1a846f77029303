"""An article's body as a set of shingles, and its MinHash signature (``datasketch``); what two
texts share (``measures``).

Shingles are runs of ``SIZE`` consecutive words of the body (lower case; quotes, dashes and
spaces only separate words): two versions of one story share most of them, two articles on one
subject few. A text's vocabulary (its words of ``NEW_WORD`` letters or more, headline included)
says what it tells: a rewrite uses the words of the text it rewrites, a follow-up those of its
new facts.
"""

from __future__ import annotations

import functools
import re
import zlib
from typing import NamedTuple

import numpy as np
from datasketch import MinHash

from . import sentences

SIZE = 5  # words per shingle
LEAD = 60  # words that make an article's lead (its lede and the start of its body)
MIN_WORDS = 30  # a shorter text (a brief, a caption) is never taken for a version of another
PERMUTATIONS = 64  # MinHash size: the Jaccard estimate's error is about 1/sqrt(64) = 0.125
OPENING = 150  # words of lede and body that tell an article's news, with its headline
NEW_WORD = 4  # letters of a word that counts in a text's vocabulary (« ans », « été » do not)
SEED = 1  # the permutations; the same in every build, or signatures could not be compared
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    # Quotes, apostrophes, dashes and spaces separate words whatever their typography: only the
    # letters count, lower-cased.
    return _WORD.findall(text.lower())


def shingles(text: str) -> set[int]:
    return shingles_of(words(text))


# Odd multipliers mixing the hashes of a shingle's words, one per position (word order counts).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63,
                 0x27D4EB2F165667C5], dtype=np.uint64)


def shingle_run(found: list[str]) -> np.ndarray:
    """Each run of ``SIZE`` words as a 32-bit hash, in the order of the text: the words' CRC-32
    (stable across processes and Python versions, unlike hash()) mixed by position, in numpy
    rather than a string per shingle (a third of the time of a build's detection). The first
    ``n - SIZE + 1`` are the shingles of the first ``n`` words."""
    if not found:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter((zlib.crc32(word.encode("utf-8")) for word in found), dtype=np.uint64, count=len(found))
    count = max(len(found) - SIZE + 1, 1)
    mixed = np.zeros(count, dtype=np.uint64)
    for position in range(min(SIZE, len(found))):
        mixed += hashes[position:position + count] * _MIX[position]  # wraps around 2**64, on purpose
    return (mixed >> np.uint64(32)) ^ (mixed & np.uint64(0xFFFFFFFF))


def first(run: np.ndarray, words: int) -> set[int]:
    """The shingles of a text's first ``words`` words, from its ``shingle_run`` (hashed once)."""
    return set(run[:max(words - SIZE + 1, 1)].tolist())


def shingles_of(found: list[str]) -> set[int]:
    return set(shingle_run(found).tolist())


def _same(value: int) -> int:
    return value  # shingles are hashes already


@functools.cache
def _template() -> MinHash:
    # Permutations made from SEED by MinHash itself, once: making them again for every article
    # was most of the time of a signature.
    return MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=_same)


def signature(shingle_set: set[int]) -> MinHash:
    template = _template()
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=_same, permutations=template.permutations,
                      scheme=template.scheme)
    if shingle_set:
        minhash.update_batch(sorted(shingle_set))
    return minhash


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(a: set, b: set) -> float:
    """The share of the smaller set found in the other one (an update that adds paragraphs)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def vocabulary(found: list[str]) -> frozenset[str]:
    """The words that carry a text's facts: 4 letters or more, numbers left out (a rewrite for
    the next day changes its dates and tolls before its facts)."""
    return frozenset(word for word in found if len(word) >= NEW_WORD and not word.isdigit())


class Text:
    """An article's words, shingles and leads' shingles, worked out once: its lead (the first
    words of lede and body), its body's lead (the first words after the lede, which an
    update often rewrites while keeping the paragraphs below), its vocabulary and its
    headline's (the title is not shingled: two versions may have any headline)."""

    def __init__(self, lede: str, body: str, title: str = ""):
        found = words(lede)
        body_words = words(body)
        found += body_words
        run = shingle_run(found)
        self.shingles = set(run.tolist())
        self.lead = first(run, LEAD)
        self.body_lead = shingles_of(body_words[:LEAD])
        self.title = vocabulary(words(title))
        self.vocabulary = vocabulary(found) | self.title
        self.opening = vocabulary(found[:OPENING]) | self.title
        self.sentences = sentences.sentences(f"{lede}\n{body}", words)
        self.runs = sentences.every_run(self.sentences)


def _kept(part: set, whole: set) -> float:
    return len(part & whole) / len(part) if part else 0.0


class Measures(NamedTuple):
    """What two texts ``a`` and ``b`` share (``measures``), each rounded to 4 decimals."""

    jaccard: float  # of their shingles
    contained: float  # share of the smaller shingle set found in the other
    lead_min: float  # share of each one's lead found in the other text: the smaller…
    lead_max: float  # … and the larger
    body_lead: float  # the smaller share of each body's lead found in the other text
    new_a: float  # share of a's vocabulary that b never uses: what a tells that b does not
    new_b: float  # the same for b
    headline_a: float  # share of a's headline vocabulary that b's headline and opening never use
    headline_b: float  # the same for b
    kept_a: float  # share of a's sentences (in words) that reappear in b, edited or not
    kept_b: float  # the same for b


def _new(a: frozenset, b: frozenset, empty: float = 0.0) -> float:
    return len(a - b) / len(a) if a else empty


def measures(a: Text, b: Text) -> Measures:
    """How much two texts share. A new version keeps most of the lead, or rewrites its lede
    over the same body, or tells the same facts in other sentences (its words are the other's)
    under a headline its opening already told; a follow-up writes a new lead over the old
    background, with the words of its new facts, and puts them in its headline. A headline
    without a word that counts is taken as all new (nothing to compare)."""
    leads = sorted((_kept(a.lead, b.shingles), _kept(b.lead, a.shingles)))
    body_lead = min(_kept(a.body_lead, b.shingles), _kept(b.body_lead, a.shingles))
    return Measures(*(round(value, 4) for value in (
        jaccard(a.shingles, b.shingles), containment(a.shingles, b.shingles), leads[0], leads[1], body_lead,
        _new(a.vocabulary, b.vocabulary), _new(b.vocabulary, a.vocabulary),
        _new(a.title, b.opening, 1.0), _new(b.title, a.opening, 1.0),
        sentences.reappear(a.sentences, b.runs), sentences.reappear(b.sentences, a.runs))))
