"""Section names with their proper French spelling (``ÉTATS-UNIS`` → ``États-Unis``)."""

from __future__ import annotations

import gettext
import unicodedata
from functools import lru_cache

import pycountry

_PARTICLES = {"de", "du", "des", "la", "le", "les", "et", "sur", "en", "d'", "l'", "aux", "au"}


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``ÉTATS-UNIS`` and ``Etats-Unis`` fold alike."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


@lru_cache(maxsize=1)
def french_country_names() -> dict[str, str]:
    """Folded key → French country name, from the ISO 3166 translations pycountry ships."""
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names = {}
    for country in pycountry.countries:
        for english in (country.name, getattr(country, "common_name", None)):
            if english:
                french = translation.gettext(english)
                # "Russie, Fédération de" is filed under its first part.
                short = french.split(",")[0].split(" (")[0].strip()
                names.setdefault(fold(short), short)
    return names


def section_names(raw: list[str], breadcrumb: str = "", overrides: dict[str, str] | None = None) -> list[str]:
    overrides = {fold(key): value for key, value in (overrides or {}).items()}
    return [section_name(part, breadcrumb, overrides) for part in raw]


def section_name(raw: str, breadcrumb: str = "", overrides: dict[str, str] | None = None) -> str:
    key = fold(raw)
    if overrides and key in overrides:
        return overrides[key]
    if breadcrumb and fold(breadcrumb) == key:
        return breadcrumb
    if key in french_country_names():
        return french_country_names()[key]
    if any(ch.islower() for ch in raw):
        return raw
    return _french_case(raw)


def _french_case(raw: str) -> str:
    """Sentence case, except that hyphenated names get each part capitalised (Royaume-Uni)."""
    words = raw.lower().split()
    out = []
    for index, word in enumerate(words):
        if "-" in word:
            word = "-".join(p if p in _PARTICLES else p[:1].upper() + p[1:] for p in word.split("-"))
        elif index == 0:
            word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)
