"""Is this word a first name? From gender-guesser's dictionary of 40,000 given names of many
countries (Recep, Mevlüt, Judd, …), shipped inside its PyPI package.

Parsing and folding the dictionary takes about 1.7 s, paid by every import that meets a name:
most of adding one article. The folded table is kept on disk beside the compiled patterns
(``compiled.folder()``), keyed by the dictionary's bytes and the code that folds it."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from kiosque_core.folding import fold

from . import compiled, diskcache, names

log = logging.getLogger(__name__)

# gender-guesser's columns 0–14: Britain, Ireland, USA, … France, Belgium, … Switzerland.
_WESTERN = slice(0, 15)


@lru_cache(maxsize=1)
def _names() -> dict[str, bool]:
    """Folded first name → whether it is given in western Europe or America."""
    return table(compiled.folder().parent / "firstnames")


def table(where: Path) -> dict[str, bool]:
    """The folded table, from the disk cache in ``where`` when it is there and sound."""
    return diskcache.table(where / f"{_key()}.json", _fold_dictionary,
                           lambda t: isinstance(t, dict) and all(isinstance(v, bool) for v in t.values()))


def _fold_dictionary() -> dict[str, bool]:
    from gender_guesser.detector import Detector

    table: dict[str, bool] = {}
    for name, by_gender in Detector(case_sensitive=False).names.items():
        western = any(values[_WESTERN].strip() for values in by_gender.values())
        key = fold(name)
        table[key] = table.get(key, False) or western
    return table


def _key() -> str:
    import gender_guesser

    return diskcache.key(Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt", Path(__file__),
                         Path(names.__file__))


def is_first_name(word: str) -> bool:
    """A given name somewhere (Recep, Mevlüt, Erdoğan too: Turkish names are often both)."""
    return len(word) > 1 and word[:1].isupper() and fold(word) in _names()


def is_common_first_name(word: str) -> bool:
    """A given name a French reader takes for one (Johnny, Laeticia), not a surname (Erdoğan)."""
    return len(word) > 1 and word[:1].isupper() and _names().get(fold(word), False)


def load() -> None:
    """Read the dictionary now (before forking workers, which then share it)."""
    _names()
