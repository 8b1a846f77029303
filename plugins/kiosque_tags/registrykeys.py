"""The keys the registry (registry.py) finds an entity by: its names folded, without the article
a sentence drops, without spaces and hyphens, its aliases' name, and the word a place or an
organisation is written by after a lowercase « la »; by first and last word, for misspellings."""

from __future__ import annotations

from functools import lru_cache

from kiosque_core.folding import fold

from . import spellings, variants

TYPES = ("PER", "LOC", "ORG", "MISC")


def typed(name: str, type_: str) -> str | None:
    """The key « Mecque » finds « La Mecque » by, for an entity of that type only (« Provence »,
    a place, is not « La Provence », the newspaper): variants.dropped_apart."""
    bare = variants.dropped_apart(fold(name))
    return f"{bare}#{type_}" if bare and type_ else None


def alone(name: str, type_: str) -> str:
    """The key a word written alone looks for a « la X » of that type by (``typed``'s)."""
    return f"{fold(name)}#{type_}"


@lru_cache(maxsize=262144)
def keys(name: str, type_: str) -> tuple[str, ...]:
    """A name's lookup keys: folded, and without its article (« Le Monde » is « Monde »; « La
    Mecque » is « Mecque » for a place only: ``typed``), and the keys its other spellings find it
    by (``Registry._spelled_alike``: « =… » its aliases' name, « ~… » without spaces and
    hyphens, for a name that has some: a one-word name's own key is that already). Cached: the
    registry indexes every spelling of every entity it reloads after each chunk."""
    key = spellings.key(name)
    alias = spellings.alias_of(name)
    by_type = typed(name, type_)
    spaced = ["~" + spellings.compact(name)] if " " in fold(name) else []
    return tuple(dict.fromkeys([key, variants.droppable(key), *spaced]
                               + (["=" + alias] if alias else []) + ([by_type] if by_type else [])))


@lru_cache(maxsize=262144)
def edges(name: str) -> frozenset[str]:
    words = fold(name).split()
    return frozenset({f"<{words[0]}", f"{words[-1]}>"}) if words else frozenset()
