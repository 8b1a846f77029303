"""When the spellings one article found one entity join an entity the archive already has
(registry.py, ``Registry.observe``): the article wrote the other's own name, or the two names
are variants of each other; and an acronym the archive's articles use alone joins a long name
only when nothing in the archive says it is another's: not a brand's name (« AMG GT ») on
one article's word."""

from __future__ import annotations

from kiosque_core.folding import fold

from . import spellings, variants
from .entity import Entity
from .firstnames import is_common_first_name
from .lists import long_form
from .naming import attestations

# A brand's acronym (« AMG GT ») joins a long name once this many articles wrote both.
GLOSSES = 2


def same_family(entity: Entity, other: Entity, written: set[str], brand: bool = False) -> bool:
    """Whether the article's spellings join ``other`` to ``entity``: the article wrote other's
    own name, or the two names are variants of each other. A spelling shared by two families
    (« PS » of « Public Sénat » and of « Parti socialiste », « Johnson » of Woody's and Boris's)
    does not join them. ``brand``: the archive knows other names opening or ending on other's."""
    a, b = entity.name, other.name
    if variants.is_acronym(b) and other.votes.total() > entity.votes.total() and not glossed(entity, b, brand):
        return False  # one article's gloss (« CSE », « AMG ») does not take an acronym more articles use alone
    return fold(b) in written or variants.droppable(fold(a)) == variants.droppable(fold(b)) \
        or variants.stands_for(a, b) or variants.stands_for(b, a) or variants.misspelt(a, b) \
        or spellings.listed_together(a, b) or spellings.spaced_apart(a, b)


def glossed(entity: Entity, acronym: str, brand: bool) -> bool:
    """Whether an acronym more articles use alone is ``entity``'s, as one article says: the
    lists give it that long form, or its letters are the long name's and the archive does not
    know it as a brand, a word opening or ending other names (« AMG GT », « AMG Driving Academy »:
    « l'Association de maires de Guyane (AMG) », one article of 10,000, is not the « AMG » of 39
    car articles; « VW Arteon »: « VW WeCharge » is not « VW »). Letters alone would not tell:
    « Direction générale de la police nationale (DGPN) » is the DGPN of eight articles. GLOSSES
    articles writing both are the archive agreeing."""
    if long_form(acronym):
        return variants.stands_for(acronym, entity.name)
    key = fold(acronym)
    if key not in variants.initials(entity.name):
        return False
    # Two articles agreeing outweigh the brand's look: « AFP Factuel », « AFP Camille » (a
    # caption's credit run into a name) do not keep « AFP » from « Agence France-Presse ».
    return not brand or sum(n for v, n in attestations(entity).items() if fold(v) == key) >= GLOSSES


def rather_a_first_name(word: str, person: Entity, opening_on_it) -> bool:
    """« Charles », « Hugo », « François » alone: a first name (« le prince Charles », « le pape
    François », a pupil « Hugo ») rather than the surname of Bénédicte Charles, Victor Hugo or
    Claude François, when the archive's people of that first name (``opening_on_it``: the
    entities whose name opens on the word) are named at least as often as that person.
    « Johnson », « Floyd », « Pompeo » stay the surnames they are."""
    if " " in word or not is_common_first_name(word):
        return False
    named, bearers = sum(person.variants.values()), 0
    for other in opening_on_it:
        if other is not person and other.type == "PER" and other.full:
            bearers += sum(other.variants.values())
            if bearers >= named:
                return True
    return False
