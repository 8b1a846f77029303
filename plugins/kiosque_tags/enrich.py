"""Tagging a batch of parsed articles (receiver of ``kiosque_core.signals.articles_parsed``):
the model reads the heads, the articles are analysed (analysis.py), then, in order, the registry
learns each article's entities and the article gets its tags (ranking.py). The look-ahead on the
next chunk is in ahead.py, the registry kept between chunks in store.py."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from kiosque_core.folding import fold
from kiosque_core.settings import with_defaults
from kiosque_import.article import Article

from . import ner, readcache, store, workers
from .analysis import Analysis, analyse, analyse_all, never_named
from .evidence import first_name_of_family
from .modelspans import model_names
from .names import tokens
from .ranking import choose, fill
from .reading import heads_and_inputs
from .registry import Registry
from .settings import DEFAULTS, Config, registry_path
from .workers import spread

log = logging.getLogger(__name__)


def get_ready(count: int, settings: dict) -> None:
    """Load the model while the import parses its first chunk (this process would only wait):
    an import of chunks of new articles has names to read."""
    settings = with_defaults(settings, DEFAULTS)
    if settings["KIOSQUE_TAGS"] and count >= int(settings["KIOSQUE_TAGS_PARALLEL_FROM"]):
        ner.load(settings["KIOSQUE_TAGS_MODEL"])


def enrich_batch(articles: list[Article], settings: dict, posts: Path | None = None) -> None:
    settings = with_defaults(settings, DEFAULTS)
    if not settings["KIOSQUE_TAGS"] or not articles:
        return
    config = Config.from_settings(settings)
    if len(articles) < config.parallel_from and config.processes > 1:
        # Adding an article or two: another process loads the model (1.7 s) while this one
        # reads the registry and the heads, then reads the names (`_recognise`).
        workers.warm(config.model)
    path = registry_path(settings, posts)
    registry = store.current(path, posts)
    early = store.state().ahead.pop(path, None)
    if early is not None and early.read(articles, registry, config):
        heads, inputs = early.heads, early.inputs  # found while the previous chunk was written
    else:
        heads, inputs = heads_and_inputs(articles, registry, config)
    processes = config.processes if len(articles) >= config.parallel_from else 1
    found = early.result() if early is not None else None  # its processes end either way
    if found is None or early.inputs != inputs:
        found = _recognise(inputs, config, processes)
    shared = _batch_names(articles, found, inputs, config)
    # Every article is analysed against the registry as the batch found it, so the result does
    # not depend on the order or the process an article went to; then it learns, in order.
    items = list(zip(articles, found, inputs, heads, strict=True))
    # The analysis needs no model: it is not loaded for it when the batch did not need it.
    analyses = spread(analyse_all, items, (registry, config, shared), processes,
                      config.model if any(inputs) else "")
    for article, analysis in zip(articles, analyses, strict=True):
        learn(article, analysis, registry, config)
    # Saved when the import says the chunk's posts are recorded (articles_written), staged until
    # then (store.py): a run killed in between then reruns the chunk with the registry it first
    # saw, or keeps this one if the chunk was recorded. Kept as the next chunk would read it back
    # from the file (indexed in the file's order), which is also what the model starts on ahead
    # of the next chunk (recognise_ahead).
    store.stage(path, registry.reloaded(), posts)


def _recognise(inputs: list[str], config: Config, processes: int) -> list:
    """The model's entities per input; the model is not even loaded when the archive knows every
    name of the batch (adding one article about known people costs no model time), nor for the
    texts it already read (readcache.py)."""
    out, todo = readcache.lookup(inputs, config)
    texts = [inputs[i] for i in todo]
    found = workers.recognise_warm(texts, config.model) if todo and processes <= 1 else None
    if found is None:
        found = spread(ner.recognise, texts, (config.model,), processes, config.model, kept=True) if todo else []
    readcache.keep(texts, found, config)
    for i, ents in zip(todo, found, strict=True):
        out[i] = ents
    return out


def _batch_names(articles, found, heads, config: Config) -> dict[str, Counter]:
    """Names the model found in the heads of at least two of the batch's articles: matched in
    every body of the batch, so an article learns what its neighbours' headlines taught."""
    seen: dict[str, Counter] = {}
    articles_with: Counter = Counter()
    for article, ents, head in zip(articles, found, heads, strict=True):
        names = model_names(ents, never_named(article, config), head)
        for key, labels in names.items():
            seen.setdefault(key, Counter()).update(labels)
            articles_with[key] += 1
    return {key: labels for key, labels in seen.items() if articles_with[key] >= 2}


def enrich_article(article: Article, ents, registry: Registry, config: Config, heads_text: str = "",
                   shared: dict[str, Counter] | None = None) -> None:
    found = analyse(article, ents, registry, config, heads_text, shared)
    learn(article, found, registry, config)


def _recorded_as(cluster) -> str:
    """The name the registry records a cluster under: a bare surname the analysis found to be a
    full-named person (« le futur candidat Macron ») is that person, whatever else the archive
    spelled so (a place « Macron » an earlier mistake made)."""
    person = cluster.entity
    if cluster.label == "PER" and person is not None and person.type == "PER" and len(tokens(cluster.best)) == 1 \
            and len(tokens(person.name)) > 1 and fold(cluster.best) in (fold(tokens(person.name)[-1]),
                                                                         fold(tokens(person.name)[0])):
        return person.name  # … or a first name alone beside her family (« Johnny » beside « Laeticia Hallyday »)
    return cluster.best


def learn(article: Article, found: Analysis, registry: Registry, config: Config) -> None:
    """The registry records the article's entities; the article gets its tags and facets."""
    article.lede = found.lede
    for block, text in zip(article.blocks, found.blocks, strict=True):
        block.text = text
    # here, in order, rather than in the analysis: the family may be named in full by an earlier
    # article of the same batch (the analysis reads the registry as the batch found it)
    first_name_of_family(found.clusters, registry)
    for cluster in found.clusters:
        learned = cluster.from_model or cluster.entity is not None
        cluster.entity = registry.observe(_recorded_as(cluster), cluster.label or "MISC", cluster.surfaces,
                                          article.source) if learned else None
    fill(article, choose(article, found.clusters, config), found.clusters)
    if found.gaps or found.repairs:
        article.gaps, article.repairs = found.gaps, found.repairs
