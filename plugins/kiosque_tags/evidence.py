"""What else an article or the archive says of a name, read by the analysis (analysis.py): a
title's rubric, a surname's particle written with a capital, a place then a person in one run,
a bare surname the archive typed a place, a car's model named alone, a first name alone beside
her family."""

from __future__ import annotations

from kiosque_core.folding import fold

from . import kinds, lexicon, lists, places
from .firstnames import is_common_first_name
from .names import country, tokens
from .registry import Registry


def rubric(name: str) -> bool:
    """« Médias : les séries françaises cartonnent », « Piston : … »: a title opening on a common
    word and a colon names a rubric or a subject, not something called so (but a place: « Tours :
    … », a town the model or the archive knows)."""
    return len(tokens(name)) == 1 and lexicon.is_common(name) and not kinds.listed(name)


# A surname's particle written with a capital (opening a sentence or after a comma).
CAPITAL_PARTICLES = {"De", "Du", "Des", "D'", "Van", "Von", "Di", "Da", "Del", "Le", "La"}


def place_then_person(words: list[str]) -> bool:
    """« le procureur de Paris Rémy Heitz »: a place, then a person's name, in one run of capitals."""
    return len(words) > 2 and kinds.listed(words[0]) == "LOC" and kinds.person_shaped(" ".join(words[1:]))


def surname_of(name: str, entity, registry: Registry):
    """The person a bare surname the archive also typed a place means (« le futur candidat
    Macron », once « Dans l'Aisne, Macron honore… » made a place of it), when that person is
    named far more than the place; None for a real place (« Washington », a town or a listed one)."""
    if entity.type != "LOC" or places.is_town(name) or kinds.listed(name):
        return None
    person = registry.person_by_surname(name)
    if person is None or sum(person.variants.values()) <= 3 * sum(entity.variants.values()):
        return None
    return person


def models_named_alone(clusters, texts: list[str]) -> None:
    """A car's model named alone where the article also names it after its maker (« la Chiron »
    after « la Bugatti Chiron »): a product, no organisation or place."""
    models = {key for text in texts for key in lists.models_in(text)}
    if not models:
        return
    for cluster in clusters:
        name = cluster.best
        if fold(tokens(name)[0]) in models and not kinds.listed(name) and not places.is_town(name) \
                and not country(name) and not kinds.person_shaped(name):  # … or « la Chiron Pur Sport »
            cluster.cues[kinds.MISC] += cluster.uses


def first_name_of_family(clusters, registry: Registry) -> None:
    """A first name alone is the one person the archive knows by it and the surname of someone the
    article names in full (« la veuve de Johnny » beside « Laeticia Hallyday »: Johnny Hallyday),
    however few articles called him so alone (registry.person_by_first_name wants five)."""
    full = [tokens(c.best) for c in clusters if c.label == "PER" and len(tokens(c.best)) >= 2]
    surnames = {words[-1] for words in full}
    for cluster in clusters:
        if cluster.label != "PER" or len(tokens(cluster.best)) != 1 or not is_common_first_name(cluster.best) \
                or cluster.entity is not None and cluster.entity.full \
                or any(fold(words[0]) == fold(cluster.best) for words in full):
            continue  # (« George » beside « George Floyd » and « Roxie Washington » is not George Washington)
        people = {id(e): e for e in (registry.resolve(f"{cluster.best} {surname}", "PER") for surname in surnames)
                  if e is not None and e.type == "PER" and e.full
                  and fold(tokens(e.name)[0]) == fold(cluster.best)}
        if len(people) == 1:
            cluster.entity = next(iter(people.values()))
