"""Which candidate pairs are versions of one story, and the stories they make.

Two articles are versions of one story when they were published within ``WINDOW`` days and the
shingles of their bodies overlap enough: at least ``SAME_DAY`` (Jaccard) on the same day, at
least ``LATER`` a day or two apart, when a follow-up repeating the background is more likely.
The thresholds were chosen on labelled pairs of the OrangeSum corpus
(tests/fixtures/stories/labelled.tsv; docs/stories.md). Pairs are joined strongest first, and a
join that would make a story span more than ``WINDOW`` days is refused, so that a daily column
whose days resemble each other does not chain into one story.
"""

from __future__ import annotations

WINDOW = 2  # days between the first and the last version of a story
SAME_DAY = 0.2
LATER = 0.5


def days_apart(a, b) -> int:
    return abs((a.date.date() - b.date.date()).days)


def accepts(jaccard: float, days: int) -> bool:
    if days > WINDOW:
        return False
    return jaccard >= (SAME_DAY if days == 0 else LATER)


class Stories:
    """Union-find over articles (by key) that keeps each story within ``WINDOW`` days and never
    joins two articles an editor split."""

    def __init__(self, articles: dict, apart: set[frozenset]):
        self.articles = articles
        self.parent = {key: key for key in articles}
        self.members = {key: [key] for key in articles}
        self.apart = apart

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str, forced: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        merged = self.members[ra] + self.members[rb]
        if any(frozenset((x, y)) in self.apart for x in self.members[ra] for y in self.members[rb]):
            return False
        if not forced:
            dates = [self.articles[key].date.date() for key in merged]
            if (max(dates) - min(dates)).days > WINDOW:
                return False
        self.parent[rb] = ra
        self.members[ra] = merged
        del self.members[rb]
        return True

    def groups(self) -> list[list[str]]:
        return [members for root, members in self.members.items() if len(members) > 1]


def stories(articles: dict, pairs: dict, together: list[tuple[str, str]], apart: set[frozenset]) -> list[list[str]]:
    """Groups of keys (two versions or more) from the candidate ``pairs`` ((a, b) -> Jaccard)
    and an editor's corrections: ``together`` joined first, ``apart`` never in one story."""
    union = Stories(articles, apart)
    for a, b in together:
        if a in articles and b in articles:
            union.join(a, b, forced=True)
    accepted = [(j, pair) for pair, j in pairs.items()
                if pair[0] in articles and pair[1] in articles
                and accepts(j, days_apart(articles[pair[0]], articles[pair[1]]))]
    for _j, (a, b) in sorted(accepted, key=lambda item: (-item[0], item[1])):
        union.join(a, b)
    return union.groups()
