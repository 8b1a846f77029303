"""Is this word a first name? From gender-guesser's dictionary of 40,000 given names of many
countries (Recep, Mevlüt, Judd, …), shipped inside its PyPI package."""

from __future__ import annotations

from functools import lru_cache

from .names import fold

# gender-guesser's columns 0–14: Britain, Ireland, USA, … France, Belgium, … Switzerland.
_WESTERN = slice(0, 15)


@lru_cache(maxsize=1)
def _names() -> dict[str, bool]:
    """Folded first name → whether it is given in western Europe or America."""
    from gender_guesser.detector import Detector

    names: dict[str, bool] = {}
    for name, by_gender in Detector(case_sensitive=False).names.items():
        western = any(values[_WESTERN].strip() for values in by_gender.values())
        key = fold(name)
        names[key] = names.get(key, False) or western
    return names


def is_first_name(word: str) -> bool:
    """A given name somewhere (Recep, Mevlüt, Erdoğan too: Turkish names are often both)."""
    return len(word) > 1 and word[:1].isupper() and fold(word) in _names()


def is_common_first_name(word: str) -> bool:
    """A given name a French reader takes for one (Johnny, Laeticia), not a surname (Erdoğan)."""
    return len(word) > 1 and word[:1].isupper() and _names().get(fold(word), False)


def load() -> None:
    """Read the dictionary now (before forking workers, which then share it)."""
    _names()
