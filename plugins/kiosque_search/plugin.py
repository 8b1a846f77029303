"""Pelican hooks: note the article pages while generating, index them once they are written
(while the rest of the site is), or at the end of the build."""

from __future__ import annotations

import contextlib
import logging
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kiosque_core import builds, parallel, registration
from kiosque_core import settings as kiosque_settings
from kiosque_core.digests import files_digest
from kiosque_core.signals import pages_written
from pelican import signals
from pelican.generators import ArticlesGenerator

from . import build, facets, shards
from . import settings as search_settings
from .indexer import IndexingFailed

log = logging.getLogger(__name__)


@dataclass
class _Noted:
    pages: list[shards.Page]
    facets: list[dict[str, list[str]]]


@dataclass
class SearchBuild:
    """What this plugin carries through a build (in ``kiosque_core.builds``)."""

    noted: _Noted | None = None  # the build's article pages, noted while generating
    indexing: Future | None = None  # the indexing `start_indexing` started

    def close(self) -> None:
        """A build that failed may have left its indexing running: it ends before the next
        build's starts (both write the same bundle), whatever became of it."""
        running, self.indexing = self.indexing, None
        if running is not None:
            with contextlib.suppress(Exception):
                running.result()


def state() -> SearchBuild:
    return builds.current().part("kiosque_search", SearchBuild)


def note_articles(generator) -> None:
    settings = generator.settings
    if not kiosque_settings.on(settings, "kiosque_search", "KIOSQUE_SEARCH"):
        return
    search_settings.warn_obsolete(settings)
    search_settings.shard_size(settings)  # a wrong setting fails the build now, not at the end
    # Digesting every article's text is most of a no-change build's search work: on every core.
    noted = parallel.run(generator.articles, _note, search_settings.processes(settings))
    state().noted = _Noted([page for page, _ in noted], [facet for _, facet in noted])


def _note(article) -> tuple[shards.Page, dict[str, list[str]]]:
    return shards.page_of(article), facets.of_article(article)


def start_indexing(generator) -> None:
    """``pages_written`` (kiosque_incremental): once the article pages are on disk, Pagefind
    re-indexes the shards that changed while the other generators write list pages and static
    files, and `index_site` waits for it. An old-dated article re-indexes a whole shard (about
    3 s for 1,000 pages), which used to start only after everything else."""
    if not isinstance(generator, ArticlesGenerator):
        return
    build = state()
    noted, build.noted = build.noted, None
    if noted is None:
        return
    output = Path(generator.output_path).resolve()
    pool = ThreadPoolExecutor(max_workers=1)  # a thread that waits on Pagefind
    build.indexing = pool.submit(_index, generator.settings, output, noted)
    pool.shutdown(wait=False)  # the thread ends with its one job


def index_site(pelican) -> None:
    settings = pelican.settings
    if not kiosque_settings.on(settings, "kiosque_search", "KIOSQUE_SEARCH"):
        return
    build = state()
    running, build.indexing = build.indexing, None
    if running is not None:
        running.result()
        return
    noted, build.noted = build.noted, None
    if noted is None:
        log.warning("Kiosque search: no article list from this build, search index left as it was")
        return
    _index(settings, Path(pelican.output_path).resolve(), noted)


def _index(settings: dict, output: Path, noted: _Noted) -> None:
    root = os.path.join(output, "")  # plain strings: a Path per page cost 0.1 s at 10,000
    written = [(page, facet) for page, facet in zip(noted.pages, noted.facets, strict=True)
               if os.path.isfile(root + page.save_as)]
    common = files_digest([Path(settings["THEME"]) / "templates"])
    work = Path(settings.get("CACHE_PATH") or "cache").resolve() / "kiosque-search"
    try:
        report = build.update(output, [page for page, _ in written],
                              settings["KIOSQUE_SEARCH_BUNDLE"],
                              search_settings.language(settings), common, work,
                              search_settings.shard_size(settings),
                              facets.count([facet for _, facet in written]),
                              search_settings.processes(settings))
    except IndexingFailed as error:
        log.error("Kiosque search: %s", error)
        return
    log.info("%s", report.summary())


def register() -> None:
    registration.register("kiosque_search", search_settings.DEFAULTS)
    signals.article_generator_finalized.connect(note_articles)
    pages_written.connect(start_indexing)
    signals.finalized.connect(index_site)
