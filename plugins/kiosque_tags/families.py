"""When the spellings one article found one entity join an entity the archive already has
(registry.py, ``Registry.observe``): the article wrote the other's own name, or the two names
are variants of each other; and an acronym the archive's articles use alone joins a long name
only when the archive agrees (GLOSSES), not on one article's gloss."""

from __future__ import annotations

from kiosque_core.folding import fold

from . import spellings, variants
from .entity import Entity
from .lists import long_form
from .naming import attestations

# An acronym more articles use alone joins a long name only once this many articles wrote both.
GLOSSES = 2


def same_family(entity: Entity, other: Entity, written: set[str]) -> bool:
    """Whether the article's spellings join ``other`` to ``entity``: the article wrote other's
    own name, or the two names are variants of each other. A spelling shared by two families
    (« PS » of « Public Sénat » and of « Parti socialiste », « Johnson » of Woody's and Boris's)
    does not join them."""
    a, b = entity.name, other.name
    if variants.is_acronym(b) and other.votes.total() > entity.votes.total() and not glossed_enough(entity, b):
        return False  # one article's gloss (« CSE », « AMG ») does not take an acronym more articles use alone
    return fold(b) in written or variants.droppable(fold(a)) == variants.droppable(fold(b)) \
        or variants.stands_for(a, b) or variants.stands_for(b, a) or variants.misspelt(a, b) \
        or spellings.listed_together(a, b) or spellings.spaced_apart(a, b)


def glossed_enough(entity: Entity, acronym: str) -> bool:
    """Whether the archive agrees that ``acronym`` is ``entity``'s: the lists give it that long
    form, or its letters are the long name's and GLOSSES articles or more wrote it beside it.
    One article's « l'Association de maires de Guyane (AMG) » does not make the « AMG » of 39 car
    articles (Mercedes-AMG) the association; a second article writing « la Confédération
    générale du travail (CGT) » makes the « CGT » of many articles the union."""
    if long_form(acronym):
        return variants.stands_for(acronym, entity.name)
    key = fold(acronym)
    glossed = sum(n for v, n in attestations(entity).items() if fold(v) == key)
    return key in variants.initials(entity.name) and glossed >= GLOSSES
