"""Previous / next article in time, as ``article.older`` and ``article.newer``."""

from __future__ import annotations

from operator import attrgetter


def link_neighbours(articles) -> None:
    ordered = sorted(articles, key=attrgetter("date"))
    for index, article in enumerate(ordered):
        article.older = ordered[index - 1] if index > 0 else None
        article.newer = ordered[index + 1] if index + 1 < len(ordered) else None
