"""Which of a text's sentences reappear in another: what the reading standard asks of a version
(tests/fixtures/stories/README.md, « The reading standard »): « most of the earlier article's
sentences reappear in the later one — kept, edited, reordered, cut or extended ».

A sentence reappears when at least ``NEAR`` of its runs of ``GRAM`` words are found anywhere in
the other text: an edited sentence (a new toll, a name added, a clause cut) keeps most of its
short runs, where the 5-word shingles of the whole text lose one run per changed word and say
little of an update written around the old sentences. The share is counted in words, so a long
sentence weighs more than a dateline. Sets of word runs only: no alignment (difflib's took about
20 ms a pair), so a pair costs about a millisecond.
"""

from __future__ import annotations

import re

GRAM = 3  # words per run
NEAR = 0.5  # share of a sentence's runs found in the other text for the sentence to reappear
MIN_WORDS = 6  # a shorter piece (a dateline, « M. », a title) is left out of the count
# Paragraphs of the corpus are often glued (« …à l'AFP.Le ministre… »): a sentence ends at a
# full stop, question or exclamation mark followed, spaces or not, by a capital or a quote.
_END = re.compile(r"(?<=[.!?])\s*(?=[«\"“]?\s*[A-ZÀ-ÖØ-Ý])")


def sentences(text: str, words) -> list[tuple[int, frozenset[str]]]:
    """Each sentence of ``text`` (``MIN_WORDS`` words or more) as its word count and its runs of
    ``GRAM`` words; ``words`` cuts a sentence into words (``shingles.words``)."""
    found = []
    for line in text.splitlines():
        for piece in _END.split(line):
            run = words(piece)
            if len(run) >= MIN_WORDS:
                found.append((len(run), runs(run)))
    return found


def runs(found: list[str]) -> frozenset[str]:
    return frozenset(" ".join(found[i:i + GRAM]) for i in range(max(len(found) - GRAM + 1, 1)))


def every_run(found: list[tuple[int, frozenset[str]]]) -> frozenset[str]:
    return frozenset().union(*(grams for _, grams in found))


def reappear(mine: list[tuple[int, frozenset[str]]], other: frozenset[str]) -> float:
    """The share of ``mine``'s sentences (in words) that reappear in the text whose runs are
    ``other``."""
    total = sum(count for count, _ in mine)
    kept = sum(count for count, grams in mine if len(grams & other) >= NEAR * len(grams))
    return kept / total if total else 0.0
