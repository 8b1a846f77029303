"""When two written names are one entity by their spelling alone, and when one that folds like
another is not it:

- the newsroom's list of aliases (``data/aliases.txt``: « Canal Plus » is « Canal+ », « USA »
  is « États-Unis »);
- spellings apart only by spaces or hyphens (« BFM TV » / « BFMTV », « France Info » /
  « Franceinfo »), when their types agree (the caller checks);
- a person's name hyphenated throughout (« Charles-de-Gaulle », « Jean-Jaurès ») is what is
  named after her (an airport, a street, a school), not her: French hyphenates those names, so
  its registry key keeps the hyphens (``key``).

Used inside an article (merging.py) and across the archive (registry.py)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kiosque_core.folding import fold

from .firstnames import is_common_first_name


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Folded spelling → folded name of its line."""
    path = Path(__file__).with_name("data") / "aliases.txt"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        names = [fold(n) for n in line.split("|") if n.strip()] if not line.startswith("#") else []
        for name in names:
            table[name] = names[0]
    return table


def alias_of(name: str) -> str:
    """The folded name the aliases list gives this spelling ('' when it lists none)."""
    return _aliases().get(fold(name), "")


def compact(name: str) -> str:
    """The spelling without case, accents, spaces or hyphens: « BFM TV » and « BFMTV » alike."""
    return fold(name).replace(" ", "")


def listed_together(a: str, b: str) -> bool:
    found = alias_of(a)
    return bool(found) and found == alias_of(b)


def spaced_apart(a: str, b: str) -> bool:
    """Spellings apart only by spaces or hyphens (not those that fold alike: one spelling)."""
    return fold(a) != fold(b) and compact(a) == compact(b) and len(compact(a)) >= 4


def named_after(name: str) -> bool:
    """« Charles-de-Gaulle », « Jean-Jaurès », « Pierre-Mauroy »: a first name and a surname
    joined by hyphens, no space: a place named after a person. Not « Jean-Luc » (first names
    only) nor « Saint-Denis » (no first name)."""
    parts = name.replace("’", "'").split("-")
    if " " in name or len(parts) < 2 or not is_common_first_name(parts[0]):
        return False
    return not all(is_common_first_name(p) for p in parts[1:])


def key(name: str) -> str:
    """A name's registry key: folded, hyphens kept in a name given after a person."""
    folded = fold(name)
    return "-".join(folded.split()) if named_after(name) else folded
