"""Editors' corrections of the stories: two articles to keep apart, or to join.

``content/stories-corrections.toml`` (``KIOSQUE_STORIES_CORRECTIONS``), committed::

    [[split]]   # never versions of one story
    articles = ["slug-of-one", "slug-of-the-other"]

    [[join]]    # one story, whatever the detection says
    articles = ["slug-a", "slug-b", "slug-c"]

Articles are named by slug (the last part of their URL). A file that cannot be read, or an
unknown slug, is reported with the file's name and the reason; the build goes on without it.
"""

from __future__ import annotations

import logging
import tomllib
from itertools import combinations
from pathlib import Path

log = logging.getLogger(__name__)
NAME = "stories-corrections.toml"


def path_of(settings: dict) -> Path:
    configured = settings.get("KIOSQUE_STORIES_CORRECTIONS")
    return Path(configured) if configured else Path(settings.get("PATH") or "content") / NAME


def load(path: Path, key_of_slug: dict[str, str]) -> tuple[list[tuple[str, str]], set[frozenset]]:
    """(pairs to join, pairs to keep apart), as article keys."""
    if not path.exists():
        return [], set()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        log.error("%s: stories corrections not applied: %s", path, error)
        return [], set()
    together, apart = [], set()
    for kind in ("join", "split"):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            log.error("%s: [[%s]] must be a list of tables with `articles`; ignored", path, kind)
            continue
        for number, entry in enumerate(entries, 1):
            keys = _keys(path, kind, number, entry, key_of_slug)
            if kind == "join":
                together += [(keys[0], other) for other in keys[1:]]
            else:
                apart |= {frozenset(pair) for pair in combinations(keys, 2)}
    return together, apart


def _keys(path: Path, kind: str, number: int, entry, key_of_slug: dict[str, str]) -> list[str]:
    slugs = entry.get("articles") if isinstance(entry, dict) else None
    if not isinstance(slugs, list) or not all(isinstance(slug, str) for slug in slugs):
        log.error("%s: %s #%d: `articles` must be a list of slugs; ignored", path, kind, number)
        return []
    unknown = [slug for slug in slugs if slug not in key_of_slug]
    if unknown:
        log.warning("%s: %s #%d: no article with slug %s", path, kind, number, ", ".join(unknown))
    return [key_of_slug[slug] for slug in slugs if slug in key_of_slug]
