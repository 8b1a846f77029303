"""Build time: one spelling per author across the archive (« 6Medias », « 6medias » and
« 6Médias » are one author, shown « 6Médias »), then the editors' renames.

Posts keep the byline as written; the build maps every author name, so an archive imported
before this rule needs no re-import. Spellings that fold alike (case, accents) are one author,
and the accented, capitalised one wins, as for entities (``naming.best_name``): accents and
capitals get lost by careless writing, never added (« afp » is « AFP »)."""

from __future__ import annotations

from collections import Counter

from kiosque_core.folding import fold

from .corrections import Corrections


def canonical_authors(written: list[list[str]], fixes: Corrections) -> dict[str, str]:
    """Every author name written in the archive's posts → the name to show."""
    spellings: dict[str, Counter] = {}
    for names in written:
        for name in names:
            spellings.setdefault(fold(name), Counter())[name] += 1
    shown = {}
    for forms in spellings.values():
        best = max(forms, key=lambda v: (_marks(v), v != v.lower(), v != v.upper(), forms[v], v))
        best = fixes.renamed(best) or best
        for name in forms:
            shown[name] = fixes.renamed(name) or best
    return shown


def _marks(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 127 and ch.isalpha())
