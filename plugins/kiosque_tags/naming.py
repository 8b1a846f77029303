"""The name an entity goes by (registry.py): its best-attested full form, spelled with its
diacritics or as the known lists spell it; a place's without the article a sentence gave it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from kiosque_core.folding import fold

from . import places, spellings, variants
from .lists import listed, spelled_as_listed
from .names import country

_ARTICLE = re.compile(r"^(?:le|la|les|l['’])\s*", re.IGNORECASE)


def without_article(name: str) -> str:
    """« la France », « Le Royaume-Uni », « Le Chine »: a country or region the lists know, named
    with the article a sentence gave it; « Le Havre » keeps its own, and gets it back."""
    bare = _ARTICLE.sub("", name)
    if bare == name:  # « Havre », « Mans » for « au Havre », « le Mans »: the town's name has it
        return name if country(name) or listed(name) else places.with_article(name) or name
    return country(bare) or bare if listed(bare) == "LOC" else name


def best_name(entity) -> str:
    """The best-attested full form; among its spellings, the one with its diacritics.

    Spellings that fold alike (Erdogan, Erdoğan, ERDOGAN) are one form: accents and case are
    lost by careless writing, never added, so the accented, mixed-case spelling is the right one,
    unless the known lists spell it otherwise (« Alfa Romeo », not « Alfa Roméo »); a name opens
    on a capital (« Le Journal du dimanche », not « le Journal… »).
    """
    forms: dict[str, Counter] = {}
    for variant, count in attestations(entity).items():
        forms.setdefault(fold(variant), Counter())[variant] += count
    if not forms:
        return entity.name
    longest = max(len(key.split()) for key in forms)
    full = [k for k in forms if entity.type != "PER" or len(k.split()) >= min(2, longest)]
    # An acronym yields to a long form (« FN » → « Front national », « SOHR » → « Observatoire… »).
    spelled = {k: max(forms[k], key=lambda v, k=k: (forms[k][v], v)) for k in full}
    full = [k for k in full if not any(variants.yields(spelled[k], spelled[o]) for o in full if o != k)] or full
    # The aliases list names its line's entity first (« Organisation des Nations unies », not
    # « Nations unies »), when an article wrote it so.
    full = [k for k in full if spellings.alias_of(k) in (k, "") or spellings.alias_of(k) not in full] or full
    # So do the known lists their names' article (« La Voix du Nord », not the « Voix du Nord »
    # of « de la Voix du Nord »).
    listed_bare = {variants.no_article(k) for k in full if spelled_as_listed(k)} - set(filter(spelled_as_listed, full))
    full = [k for k in full if k not in listed_bare] or full

    uses = Counter()
    for variant, count in entity.variants.items():
        uses[fold(variant)] += count

    def attested(key: str) -> tuple:
        # Articles first, then uses (as many articles: « Bilal Hassani » used four times, not the
        # « Bilal Hassani2 » of a caption), the name in place, then stably.
        return (sum(forms[key].values()), uses[key], len(key.split()), key == fold(entity.name), key)

    form = max(full, key=attested)
    listed_as = spelled_as_listed(form)  # « Alfa Romeo », « Le Journal du dimanche »: the list's spelling
    # Counted in articles: one article repeating its spelling does not rename the entity; between
    # spellings as many articles wrote, the one in place stays (names do not flip).
    return max(forms[form], key=lambda v: (v == listed_as, v[:1].isupper(), _marks(v), not v.isupper(),
                                           forms[form][v], v == entity.name, v))


def attestations(entity) -> Counter:
    """Each spelling's weight: the articles that wrote it."""
    return Counter({v: entity.articles.get(v, n) for v, n in entity.variants.items()})


def _marks(text: str) -> int:
    """Letters with a diacritic (« é », « ğ »); not a ligature (« æ » is no accent a careless
    spelling lost: « Læticia » is not the better « Laeticia »)."""
    return sum(1 for ch in text if ord(ch) > 127 and ch.isalpha() and len(unicodedata.normalize("NFD", ch)) > 1)
