"""Which entities become an article's tags: those in the title and lede, then the most used."""

from __future__ import annotations

from kiosque_core.folding import fold
from kiosque_import.article import Article

TITLE, LEDE = 6, 3  # a title mention outweighs a few body mentions
BODY_CAP = 5  # past five uses, more says little more


def score(cluster) -> float:
    body = min(cluster.uses, BODY_CAP)
    return TITLE * ("title" in cluster.zones) + LEDE * ("lede" in cluster.zones) + body


def salient(cluster) -> bool:
    """Named in the title or lede, or used at least twice."""
    return bool(cluster.zones & {"title", "lede"}) or cluster.uses >= 2


def choose(article: Article, clusters: list, min_tags: int, max_tags: int) -> list:
    """Ranked entity clusters to tag, leaving room for the sections (always tags)."""
    sections = {fold(s) for s in article.sections}
    ranked = sorted(clusters, key=lambda c: (-score(c), c.first))
    room = max(0, max_tags - len(sections))
    chosen = [c for c in ranked if salient(c)]
    # Too few main entities: once-mentioned names the model found fill up to the minimum.
    for cluster in ranked:
        if len(sections) + len(_distinct(chosen, sections)) >= min_tags:
            break
        if cluster not in chosen and cluster.from_model:
            chosen.append(cluster)
    return _distinct(chosen, sections)[:room]


def _distinct(chosen: list, sections: set) -> list:
    out, seen = [], set(sections)
    for cluster in chosen:
        name = cluster.entity.name if cluster.entity is not None else cluster.best
        if fold(name) not in seen:
            seen.add(fold(name))
            out.append(cluster)
    return out
