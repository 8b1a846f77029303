"""When two spellings are one entity: an acronym and its long form (« FN » / « Front national »),
a name with and without its article (« Le Monde » / « Monde »), a misspelling (« Laeticia » /
« Laetitia Hallyday », « Saint-Foy » / « Sainte-Foy-Tarentaise », « Lagaf » / « Lagaffe »).
Used inside an article (analysis.py) and across the archive (registry.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from kiosque_core.folding import fold

from .lists import listed, long_form

_ARTICLE = re.compile(r"^(?:le|la|les|l') ?")
# (and a foreign article before a longer name: « Il Corriere della Serra » is « Corriere della Serra »)
_DROPPABLE = re.compile(r"^(?:(le) |les |la |l'|il |the |el |lo |der |die |das )(?=\w)")
_SMALL = {"de", "du", "des", "d'", "d", "la", "le", "les", "l'", "l", "et", "pour", "en", "a", "au", "aux", "sur"}
SHORTEST = 4  # a word shorter than this is not told apart from another by one letter


def without_article(key: str) -> str:
    """A folded name without its leading article: « le monde » → « monde »."""
    return _ARTICLE.sub("", key)


def droppable(key: str) -> str:
    """A folded name without the article a sentence may leave out: « Le Monde » is written
    « au Monde », « du Monde ». « La », « L' » never contract, so « Provence » alone is the region,
    not « La Provence » the newspaper; a plural alone is rarely the name (« des Républicains
    Christian Jacob », « les républicains américains »). A longer rest is still the name
    (« République en marche »)."""
    found = _DROPPABLE.match(key)
    if not found:
        return key
    bare = key[found.end():]
    return bare if found.group(1) or " " in bare else key


def no_article(key: str) -> str:
    """A folded name without its leading article, whatever it is (« les echos » → « echos »)."""
    return _DROPPABLE.sub("", key, count=1)


def dropped_apart(key: str) -> str:
    """The one word left of « la X », « l'X » (a folded name) without its article, '' for any
    other name: that word is the name only for an entity of the same type (« à la Mecque » is La
    Mecque; « en Provence » is no newspaper). Not a plural: « Républicains » alone is as often
    the Americans as the party."""
    found = _DROPPABLE.match(key)
    bare = key[found.end():] if found and not found.group(1) and not key.startswith("les ") else ""
    return bare if bare and " " not in bare else ""


def initials(name: str) -> set[str]:
    """The acronyms a long name may go by: every word's initial, or only the words that are not
    articles and prepositions (« Organisation des Nations unies » → ONU)."""
    words = [w for w in re.split(r"[\s\-']+", fold(name)) if w]
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SMALL)} - {""}


def is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isupper() and name.isalpha()


def yields(acronym: str, name: str) -> bool:
    """An acronym's spelling gives way to a long form of the same entity: one its letters stand
    for (« FN », « Front national »), or one spelled out in words (« SOHR », « Observatoire
    syrien des droits de l'homme »: glosses.py); not « BFMTV » to « BFM TV »; a listed acronym
    only to the long form the list gives it."""
    if not is_acronym(acronym) or not initials(name):
        return False  # one word: no long form (« Paris-Lyon-Marseille » is three)
    if long_form(acronym):
        return stands_for(acronym, name)  # « ONU » only to its own long form, not « Nations unies »
    spelled_out = any(w.islower() and w not in _SMALL for w in name.split())
    return spelled_out or fold(acronym) in initials(name)


def stands_for(acronym: str, name: str) -> bool:
    """« FN » for « Front national »; a listed acronym only for the long form the list gives it."""
    if not is_acronym(acronym) or fold(acronym).replace(" ", "") not in initials(name):
        return False
    listed_long = long_form(acronym)
    return not listed_long or without_article(fold(name)) == without_article(listed_long)


@lru_cache(maxsize=65536)
def folded_words(name: str) -> tuple[str, ...]:
    """The words ``misspelt`` compares (cached: an article's names are compared two by two)."""
    return tuple(fold(name).replace("-", " ").split())


def misspelt(a: str, b: str) -> bool:
    """Two spellings of one name: the same words but one, which differs by one letter (added,
    dropped, changed or two swapped) or is the other cut short (« Lagaf », « Lagaffe »)."""
    wa, wb = folded_words(a), folded_words(b)
    if len(wa) != len(wb) or wa == wb:
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < SHORTEST or x[0] != y[0]:
        return False
    if len(wa) == 1 and min(len(x), len(y)) < 7:
        return False  # a single short word: too many real names one letter apart
    if _listed_apart(a, b):
        return False  # « Corse-du-Sud » and « Corée du Sud »: two places the lists know
    if (listed(a) or listed(b)) and _moved(x, y):
        return True  # « Bristih Airways »: a letter of the listed « British Airways » typed late
    return _one_edit(x, y) or _undoubled(x) == _undoubled(y) \
        or len(wa) > 1 and (x.startswith(y) or y.startswith(x)) and min(len(x), len(y)) >= 5 \
        and abs(len(x) - len(y)) <= 2  # « Lagaf », « Lagaffe »; not « Jacques Martin », « Martineau »


def _undoubled(word: str) -> str:
    """« Cerruti » and « Cerutti », « Burggraf » and « Burgraff »: a doubled letter moved."""
    return re.sub(r"(.)\1+", r"\1", word)


def _listed_apart(a: str, b: str) -> bool:
    return bool(listed(a)) and bool(listed(b))


def _moved(x: str, y: str) -> bool:
    """One letter of a word typed up to two places early or late (« Bristih », « British »)."""
    if len(x) != len(y) or x == y:
        return False
    for i in range(len(x)):
        rest = x[:i] + x[i + 1:]
        if any(rest[:j] + x[i] + rest[j:] == y for j in range(max(0, i - 2), min(len(x), i + 3))):
            return True
    return False


def _one_edit(x: str, y: str) -> bool:
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 \
            and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]
