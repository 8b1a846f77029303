"""Pelican hooks: stories are worked out once the articles are read, before the taxonomies.

``article_generator_pretaxonomy``: every article gets ``story`` (the slug of the story's first
version), ``versions`` (the story's articles, oldest first), ``latest_version`` and
``version_count``; the versions that are not the latest move to Pelican's hidden articles, so
every list, feed and count made from ``generator.articles`` shows a story once, and each
version keeps its page and URL (docs/architecture.md, "Stories").
"""

from __future__ import annotations

import time
from operator import attrgetter

from kiosque_core import background, parallel, registration
from kiosque_core import settings as kiosque_settings
from kiosque_core.shape import FACET_TERMS, split
from pelican import signals
from pelican.generators import ArticlesGenerator

from . import corrections, rules
from .index import Index, cache_folder, key_of

DEFAULTS = {"KIOSQUE_STORIES": True}


def enabled(settings: dict) -> bool:
    return kiosque_settings.on(settings, "kiosque_stories", "KIOSQUE_STORIES")


def group_versions(generator) -> None:
    started = time.perf_counter()
    articles = list(generator.articles)
    for article in articles:
        _alone(article)
    if not enabled(generator.settings) or not articles:
        return
    by_key = {key_of(article, generator.path): article for article in articles}
    index = Index(cache_folder(generator.settings))
    index.update(by_key, parallel.processes(generator.settings))
    index.save()
    together, apart = corrections.load(corrections.path_of(generator.settings),
                                       {article.slug: key for key, article in by_key.items()})
    hidden = _hide_earlier_versions(generator, [[by_key[key] for key in keys] for keys in
                                                 rules.stories(by_key, index.pairs, together, apart)])
    # For the bench and the tests: what the detection did and cost (no template reads it).
    generator.context["kiosque_stories"] = {"versions_hidden": len(hidden), "queried": index.queried,
                                            "seconds": time.perf_counter() - started}


def _hide_earlier_versions(generator, stories: list[list]) -> list:
    """Give each story's articles their story, and move all but the latest to Pelican's hidden
    articles; returns those."""
    hidden = []
    for story in stories:
        versions = sorted(story, key=attrgetter("date", "slug"))
        for article in versions:
            article.story = versions[0].slug
            article.versions = versions
            article.latest_version = article is versions[-1]
            article.version_count = len(versions)
        hidden += versions[:-1]
    if hidden:
        gone = {id(article) for article in hidden}
        generator.articles = [article for article in generator.articles if id(article) not in gone]
        generator.hidden_articles = sorted([*generator.hidden_articles, *hidden], key=attrgetter("date"),
                                           reverse=True)
    return hidden


def _alone(article) -> None:
    article.story = article.slug
    article.versions = [article]
    article.latest_version = True
    article.version_count = 1


def settle_hidden_versions(generators) -> None:
    """``all_generators_finalized``: after every plugin's ``article_generator_finalized`` (the
    theme's facets among them), whatever the order of ``PLUGINS``."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            settle_hidden(generator)


def settle_hidden(generator) -> None:
    """Once the theme's facets are made: a hidden version links only to the tag, section and
    entity pages that exist (those of listed articles)."""
    hidden = [a for a in generator.hidden_articles if not getattr(a, "latest_version", True)]
    if not hidden:
        return
    tags = set(generator.tags)
    sections = {term.name: term for term, _ in generator.categories}
    facets = generator.context.get("kiosque_facets", {})
    for article in hidden:
        article.tags = [tag for tag in getattr(article, "tags", []) if tag in tags]
        article.section_terms = [sections[name] for name in split(getattr(article, "sections", ""))
                                 if name in sections]
        for kind, attr in FACET_TERMS.items():
            known = {term.name: term for term, _ in facets.get(kind, [])}
            setattr(article, attr, [known[name] for name in split(getattr(article, kind, "")) if name in known])
        # As the theme records it for listed articles: a term that moves re-renders the page.
        article.facet_urls = tuple(term.url for attr in FACET_TERMS.values() for term in getattr(article, attr))


def register() -> None:
    registration.register("kiosque_stories", DEFAULTS)
    signals.article_generator_pretaxonomy.connect(group_versions)
    signals.all_generators_finalized.connect(settle_hidden_versions)
    signals.finalized.connect(background.wait_for_saves)
