"""What the model reads of each article: its head, and of the head only the sentences naming
something the archive does not know yet."""

from __future__ import annotations

from kiosque_import.article import Article

from . import mentions, ner
from .names import country
from .registry import Registry
from .settings import Config


def heads_and_inputs(articles: list[Article], registry: Registry, config: Config) -> tuple[list, list]:
    """Each article's head, and what the model is to read of it: only the head's sentences naming
    something the archive does not know yet; names it learned are found by matching. The more the
    archive knows, the less the model reads."""
    heads = [ner.head_text([a.title, a.lede, *a.paragraphs], config.head_words) for a in articles]
    if config.sentences == "all":
        return heads, list(heads)
    inputs = [mentions.unexplained(head, lambda key: known(registry, key)) for head in heads]
    return heads, inputs


def known(registry: Registry, key: str) -> bool:
    return registry.known(key) is not None or country(key) is not None
