"""Pelican wiring: enrich articles at import; map tags to canonical names at build time."""

from __future__ import annotations

from kiosque_import.signals import articles_parsed, articles_written
from pelican import signals

from . import build
from .enrich import enrich_batch, save_registry


def on_articles_parsed(articles, settings=None, **kwargs) -> None:
    enrich_batch(articles, settings or {}, kwargs.get("posts"))


def on_articles_written(articles, settings=None, **kwargs) -> None:
    save_registry(settings or {}, kwargs.get("posts"))


def register() -> None:
    articles_parsed.connect(on_articles_parsed)
    articles_written.connect(on_articles_written)
    signals.article_generator_pretaxonomy.connect(build.canonical_tags)
    signals.finalized.connect(build.write_redirects)
