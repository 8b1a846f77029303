"""Kiosque search settings: ``KIOSQUE_SEARCH*`` names in pelicanconf.py, each with a default here,
merged into Pelican's settings at ``initialized`` (``kiosque_core.registration``)."""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

DEFAULTS = {
    "KIOSQUE_SEARCH": True,  # index the article pages with Pagefind after every build
    # Articles per index shard (consecutive days, newest shard searched first); 0: one index.
    "KIOSQUE_SEARCH_SHARD_SIZE": 1000,
    "KIOSQUE_SEARCH_LANGUAGE": None,  # default: DEFAULT_LANG (French stemming for "fr")
    "KIOSQUE_SEARCH_BUNDLE": "pagefind",  # folder of output/ that holds the search bundle
    "KIOSQUE_SEARCH_PROCESSES": None,  # shards indexed at the same time; default: one per core
}


def language(settings: dict) -> str:
    return settings["KIOSQUE_SEARCH_LANGUAGE"] or settings.get("DEFAULT_LANG") or "fr"


def warn_obsolete(settings: dict) -> None:
    if settings.get("KIOSQUE_SEARCH_SHARD_BY"):
        log.warning("Kiosque search: KIOSQUE_SEARCH_SHARD_BY is ignored, shards are now cut by "
                    "KIOSQUE_SEARCH_SHARD_SIZE (articles per shard, 0 for one index)")


def processes(settings: dict) -> int:
    return int(settings["KIOSQUE_SEARCH_PROCESSES"] or os.cpu_count() or 1)


def shard_size(settings: dict) -> int:
    size = settings["KIOSQUE_SEARCH_SHARD_SIZE"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError(f"KIOSQUE_SEARCH_SHARD_SIZE: a number of articles (0 for one index), not {size!r}")
    return size
