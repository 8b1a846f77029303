"""Ordering of term indexes (tags, sections, facets): A–Z the French way, or by count."""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    # « États-Unis » sorts under E, not after Z as a code-point sort would put it.
    decomposed = unicodedata.normalize("NFKD", str(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def initial(name: str) -> str:
    first = name_key(name)[:1].upper()
    return first if first.isalpha() else "#"


def sort_terms(terms, order: str = "name") -> list:
    """``terms`` are (term, articles) pairs; ``count`` puts the biggest first, then A–Z."""
    if order == "count":
        return sorted(terms, key=lambda pair: (-len(pair[1]), name_key(pair[0].name)))
    return sorted(terms, key=lambda pair: name_key(pair[0].name))


def groupby_initial(pairs) -> list:
    """Already-sorted (term, articles) pairs grouped under their initial letter."""
    groups: list = []
    for pair in pairs:
        letter = initial(pair[0].name)
        if not groups or groups[-1][0] != letter:
            groups.append((letter, []))
        groups[-1][1].append(pair)
    return groups
