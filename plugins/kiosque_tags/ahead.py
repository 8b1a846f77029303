"""The model started on the next chunk while the import writes the current one
(``kiosque_core.signals.articles_ahead``): what it reads depends only on the registry the
current chunk left, which is the registry the next chunk's ``enrich_batch`` will see."""

from __future__ import annotations

import contextlib
import operator
from dataclasses import dataclass
from pathlib import Path

from kiosque_core.settings import with_defaults
from kiosque_import.article import Article

from . import ner, readcache, workers
from .reading import heads_and_inputs
from .registry import Registry
from .settings import DEFAULTS, Config, registry_path
from .store import state
from .workers import Running


def recognise_ahead(articles: list[Article], settings: dict, posts: Path | None = None) -> None:
    """Start the model on the next chunk while the import writes the current one: what it reads
    depends only on the registry as the current chunk left it, which is the registry the next
    chunk's ``enrich_batch`` will see (it uses these results only if its inputs are the same)."""
    settings = with_defaults(settings, DEFAULTS)
    path = registry_path(settings, posts)
    discard(state().ahead.pop(path, None))
    registry = state().pending.get(path)
    if not settings["KIOSQUE_TAGS"] or not articles or registry is None:
        return
    config = Config.from_settings(settings)
    if len(articles) < config.parallel_from or config.processes <= 1:
        return
    heads, inputs = heads_and_inputs(articles, registry, config)
    known, todo = readcache.lookup(inputs, config)
    running = None
    if len(todo) >= 2:
        texts = [inputs[i] for i in todo]
        running = workers.start(ner.recognise, texts, (config.model,), config.processes, config.model, kept=True)
    state().ahead[path] = _Ahead(list(articles), registry, config, heads, inputs, known, todo, running)


@dataclass
class _Ahead:
    articles: list[Article]
    registry: Registry
    config: Config
    heads: list[str]
    inputs: list[str]
    known: list[list]  # per input, what the model found in it before (readcache.py), else []
    todo: list[int]  # the inputs the model reads
    running: Running | None  # None: too little for the model's processes, the chunk runs it

    def read(self, articles: list[Article], registry: Registry, config: Config) -> bool:
        """Whether its heads and inputs are those of these very articles against this very
        registry, unchanged since (nothing learns between the two signals), with these settings."""
        return (registry is self.registry and config == self.config
                and len(articles) == len(self.articles) and all(map(operator.is_, articles, self.articles)))

    def result(self) -> list | None:
        if self.running is None:
            return None
        found = self.running.result()
        readcache.keep([self.inputs[i] for i in self.todo], found, self.config)
        out = list(self.known)
        for i, ents in zip(self.todo, found, strict=True):
            out[i] = ents
        return out




def release() -> None:
    """Let the look-ahead processes end. The saved registries are kept for the build
    (`registry_for_build`); the next import reads the file unless it is the one saved."""
    while state().ahead:
        discard(state().ahead.popitem()[1])  # started for a chunk the import did not reach


def discard(ahead: _Ahead | None) -> None:
    """Let the processes of an unused look-ahead end."""
    if ahead is not None:
        with contextlib.suppress(Exception):
            ahead.result()
