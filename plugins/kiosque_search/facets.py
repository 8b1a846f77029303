"""``<bundle>/filters.json``: the values of the search page's filter lists, with counts.

The search page fills its drop-down lists from this small file instead of asking Pagefind,
which would download every shard's filter files before the first query. Values are exactly
the ones theme/templates/article.html marks with ``data-pagefind-filter``.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from pathlib import Path

from kiosque_core.storage import write_if_changed

NAME = "filters.json"
TAGS_LISTED = 300  # the most used tags only: an archive has tens of thousands of them


def _names(terms) -> list[str]:
    return [getattr(term, "name", str(term)) for term in terms or ()]


def of_article(article) -> dict[str, list[str]]:
    sections = getattr(article, "section_terms", None) or [article.category]
    kicker = getattr(article, "kicker", "")
    return {
        "section": _names(sections),
        "year": [str(article.date.year)],
        "kicker": [kicker] if kicker else [],
        "tag": _names(getattr(article, "tags", None)),
    }


def count(per_article: list[dict[str, list[str]]]) -> dict[str, dict[str, int]]:
    counters: dict[str, Counter] = {}
    for facets in per_article:
        for name, values in facets.items():
            counters.setdefault(name, Counter()).update(set(values))
    if "tag" in counters:
        # Only the most used: not a sort of the tens of thousands of tags, each build.
        top = heapq.nsmallest(TAGS_LISTED, counters["tag"].items(), key=lambda item: (-item[1], item[0]))
        counters["tag"] = Counter(dict(top))
    return {name: dict(sorted(counter.items())) for name, counter in sorted(counters.items())}


def save(bundle: Path, counted: dict[str, dict[str, int]]) -> None:
    text = json.dumps(counted, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    write_if_changed(bundle / NAME, text)
