"""Name folding shared by the plugins (tags: entity keys; theme: matching facets to tags): the
same name written with other case, accents, apostrophes or dashes folds alike."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Case- and accent-blind form; ’ and ' alike, dashes as spaces, spaces collapsed (cached:
    the same names come back in every article)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'").replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("æ", "ae") \
        .replace("œ", "oe")
    plain = re.sub(r"[-‐‑–—_.]+", " ", plain)
    return " ".join(plain.split())
