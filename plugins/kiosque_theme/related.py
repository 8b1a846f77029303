"""Related articles by shared tags, through a tag -> articles index.

Comparing every pair would be O(n²) (36,000 articles: 1.3 billion pairs). Instead each article
only looks at the articles filed under its own tags; for a common tag (« France » holds
thousands) it looks at the WINDOW articles closest in time under that tag, which keeps the work
linear in the number of articles and favours contemporaneous coverage."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter, defaultdict

from kiosque_core import collector, parallel

WINDOW = 24


def tag_index(articles, when: dict) -> dict:
    """tag -> (its articles oldest first, their timestamps for bisect)."""
    index: dict = defaultdict(list)
    for article in sorted(articles, key=when.__getitem__):
        for tag in getattr(article, "tags", ()):
            index[tag.slug].append(article)  # what Pelican files tags by; a str hashes faster
    return {tag: (posts, [when[p] for p in posts]) for tag, posts in index.items()}


def candidates(stamp: float, posts: list, stamps: list) -> list:
    if len(posts) <= WINDOW:
        return posts
    middle = bisect_left(stamps, stamp)
    start = max(0, min(middle - WINDOW // 2, len(posts) - WINDOW))
    return posts[start:start + WINDOW]


def related_articles(article, index: dict, when: dict, limit: int) -> list:
    shared: Counter = Counter()
    stamp = when[article]
    for tag in getattr(article, "tags", ()):
        posts, stamps = index[tag.slug]
        shared.update(candidates(stamp, posts, stamps))  # counting runs in C
    shared.pop(article, None)
    return _best(shared, stamp, when, limit)


def _best(shared: Counter, stamp: float, when: dict, limit: int) -> list:
    """Most shared tags first, then closest in time, then title, then slug (unique): the same
    choice in every process and every build."""
    items = shared.items()
    if len(shared) > limit:
        # Only articles sharing at least as many tags as the limit-th best can make the cut:
        # most candidates share one tag, and sorting them all was 60 % of the time at 36,000.
        fewest = heapq.nlargest(limit, shared.values())[-1]
        items = [(o, n) for o, n in items if n >= fewest]
    best = heapq.nsmallest(limit, [(-n, abs(when[o] - stamp), o.title, o.slug, id(o), o) for o, n in items])
    return [entry[-1] for entry in best]


def link_related(articles, limit: int = 5, processes: int = 1) -> None:
    """Set each article's ``related``, the articles chosen on ``processes`` cores."""
    # datetime.timestamp() is slow (a time zone conversion): compute each article's once.
    when = {article: article.date.timestamp() for article in articles}
    index = tag_index(articles, when)
    position = {article: number for number, article in enumerate(articles)}

    def choose(article) -> list[int]:  # numbers, not articles: what a forked process sends back
        return [position[other] for other in related_articles(article, index, when, limit)]

    # The loop makes millions of short-lived tuples and no cycles: without pausing the cyclic
    # garbage collector, its repeated full passes over 36,000 articles cost 10x the work itself.
    with collector.paused():
        chosen = parallel.run(articles, choose, processes)
    for article, numbers in zip(articles, chosen, strict=True):
        article.related = [articles[number] for number in numbers]
