"""Article cards rendered once per build.

An article's card appears on the home page, its section, tag, facet and period pages: a dozen
list pages at least, and every list page shows 20 cards. The card reads nothing but the article
and ``SITEURL``, so its markup is rendered the first time and reused by every later list page in
the same process."""

from __future__ import annotations

_cards: dict[tuple[int, str, str], tuple[object, str]] = {}


def once(macro, article, siteurl: str):
    """``macro(article)``, rendered once per article, macro and site URL."""
    key = (id(article), macro.name, siteurl)
    hit = _cards.get(key)
    if hit is None or hit[0] is not article:  # an id reused by another object: not a hit
        hit = _cards[key] = (article, macro(article))
    return hit[1]


def forget(*_args, **_kwargs) -> None:
    """A new build has new article objects: drop the old ones' cards (and the objects)."""
    _cards.clear()
