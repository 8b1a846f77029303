"""What else an article or the archive says of a name, read by the analysis (analysis.py): a
title's rubric, a surname's particle written with a capital, a place then a person in one run,
a bare surname the archive typed a place, a car's model named alone, a first name alone beside
her family."""

from __future__ import annotations

import re
from collections import Counter

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


# What follows a maker's name when it names one of its cars: its code (« 508 », « 300SL », « S5 »).
_CODE = re.compile(r"\s+[A-Za-z-]{0,3}\d[\w-]*")


def makers_before_models(clusters, texts: list[str]) -> None:
    """A carmaker the article names only right before a model's code (« une Peugeot 508 », « une
    Ferrari 488 Spider de 2017 », « Une Mercedes-Benz 300SL ») names a car each time, never the
    company: a product (MISC), no organisation. Named alone once (« Ferrari a annoncé »), it is one;
    before a model's name (« la Porsche Taycan »), readers also see the maker named: it stays one.
    The archive's entity of that name is the company, so these uses are not recorded as its."""
    for cluster in clusters:
        if cluster.label != "ORG" or not lists.is_maker(cluster.best):
            continue
        uses = [(text, end) for text in texts for end in _ends(text, cluster.surfaces)]
        if uses and all(_before_a_model(text, end) for text, end in uses):
            cluster.kind, cluster.entity, cluster.from_model = kinds.MISC, None, False


def _ends(text: str, surfaces) -> list[int]:
    return [m.end() for surface in surfaces
            for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text)]


def _before_a_model(text: str, end: int) -> bool:
    return _CODE.match(text, end) is not None


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


def relatives(clusters) -> None:
    """« George Floyd … son petit frère, Philonise Floyd »: a name closing on the surname of a
    person the article names in full is a relative's, whatever first name the lists lack (the model
    often calls an unknown first name's bearer an organisation). One more person's cue for it."""
    last = [c.best.rsplit(None, 1)[-1] for c in clusters if " " in c.best]
    shared = {word for word in last if last.count(word) > 1}  # (most articles have none: nothing more to do)
    if not shared:
        return
    named = [(c, tokens(c.best)) for c in clusters if c.best.rsplit(None, 1)[-1] in shared]
    named = [(c, words) for c, words in named if len(words) >= 2]
    surnames = {words[-1] for c, words in named if words[-1] in shared and (
        kinds.person_shaped(c.best) or 2 * c.labels["PER"] > sum(c.labels.values()))}
    for cluster, words in named:
        if len(words) <= 3 and words[-1] in surnames and not kinds.person_shaped(cluster.best) \
                and all(w[:1].isupper() and not w.isupper() and not lexicon.is_common(w) for w in words[:-1]) \
                and not kinds.listed(cluster.best):
            cluster.cues["PER"] += 1


def a_person(use, local: dict[str, Counter]) -> bool:
    """A person's full name, or a person the archive knows or the model saw (« Zemmour et Nolleau »)."""
    mention, hit, _announced = use
    labels = local.get(hit[1], Counter()) if hit[0] == "local" else Counter()
    return kinds.person_shaped(mention.text) or hit[0] == "entity" and hit[2].type == "PER" \
        or 2 * labels["PER"] > sum(labels.values()) > 0


def opens_a_person(word: str, local: dict[str, Counter]) -> bool:
    """A person the model found opens on this folded word (« l'AFP Rajon Kumar Saha »)."""
    return any(k.startswith(word + " ") and labels.get("PER") for k, labels in local.items())
