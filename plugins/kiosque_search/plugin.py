"""Pelican hooks: note the article pages while generating, index them once the site is written."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from . import build, shards
from . import settings as search_settings
from .indexer import IndexingFailed

log = logging.getLogger(__name__)

# Output folder -> the article pages of the build in progress. Keyed by folder because one
# process may build several sites (the tests do).
_pages: dict[str, list[shards.Page]] = {}


def note_articles(generator) -> None:
    settings = generator.settings
    if not search_settings.get(settings, "KIOSQUE_SEARCH"):
        return
    shard_by = search_settings.get(settings, "KIOSQUE_SEARCH_SHARD_BY")
    _pages[str(Path(generator.output_path).resolve())] = [
        shards.page_of(article, shard_by) for article in generator.articles
    ]


def index_site(pelican) -> None:
    settings = pelican.settings
    if not search_settings.get(settings, "KIOSQUE_SEARCH"):
        return
    output = Path(pelican.output_path).resolve()
    pages = _pages.pop(str(output), None)
    if pages is None:
        log.warning("Kiosque search: no article list from this build, search index left as it was")
        return
    pages = [page for page in pages if (output / page.save_as).is_file()]
    common = shards.templates_digest(settings["THEME"])
    work = Path(settings.get("CACHE_PATH") or "cache").resolve() / "kiosque-search"
    try:
        report = build.update(output, pages, search_settings.get(settings, "KIOSQUE_SEARCH_BUNDLE"),
                              search_settings.language(settings), common, work)
    except IndexingFailed as error:
        log.error("Kiosque search: %s", error)
        return
    log.info("%s", report.summary())


def register() -> None:
    signals.article_generator_finalized.connect(note_articles)
    signals.finalized.connect(index_site)
