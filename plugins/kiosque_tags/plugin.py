"""Pelican wiring: enrich articles at import; map tags to canonical names at build time."""

from __future__ import annotations

from kiosque_core import registration
from kiosque_core.signals import articles_ahead, articles_parsed, articles_written, import_finished, import_started
from pelican import signals

from . import build, workers
from .ahead import recognise_ahead, release
from .enrich import enrich_batch, get_ready
from .settings import DEFAULTS, registry_path
from .store import recover, save_registry


def on_import_started(count, settings=None, **kwargs) -> None:
    get_ready(count, settings or {})


def on_articles_parsed(articles, settings=None, **kwargs) -> None:
    enrich_batch(articles, settings or {}, kwargs.get("posts"))


def on_articles_ahead(articles, settings=None, **kwargs) -> None:
    recognise_ahead(articles, settings or {}, kwargs.get("posts"))


def on_articles_written(articles, settings=None, **kwargs) -> None:
    save_registry(settings or {}, kwargs.get("posts"))


def on_import_finished(report=None, settings=None, **kwargs) -> None:
    workers.close()
    release()
    if kwargs.get("posts") is not None:
        # An import with nothing to do never reads the registry: what a killed run staged is
        # settled here, so that the posts folder holds the registry its manifest goes with.
        recover(registry_path(settings or {}, kwargs["posts"]), kwargs["posts"])


def register() -> None:
    registration.register("kiosque_tags", DEFAULTS)
    import_started.connect(on_import_started)
    articles_parsed.connect(on_articles_parsed)
    articles_ahead.connect(on_articles_ahead)
    articles_written.connect(on_articles_written)
    import_finished.connect(on_import_finished)
    signals.article_generator_pretaxonomy.connect(build.canonical_tags)
    signals.finalized.connect(build.write_redirects)
