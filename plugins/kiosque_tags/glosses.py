"""An acronym in parentheses right after an organisation's name is that organisation's spelling
in the article: « l'Observatoire syrien des droits de l'homme (SOHR) a déclaré » names one
organisation. The letters need not match (SOHR is the English acronym), which is why the text,
not the initials (variants.stands_for), says so.

Only after an organisation's name: after a person the parentheses give her party (« Éric Ciotti
(LR) », « Richard Ferrand (LREM) »), after a car its code (« Corvette (C8) »); an acronym the
lists give another long form (« la mairie de Paris (PS) ») is that one's."""

from __future__ import annotations

import re

from kiosque_core.folding import fold

from . import variants
from .lists import long_form
from .names import tokens

_GLOSS = re.compile(r"\(\s*([A-ZÀ-ÖØ-Þ]{2,6})\s*\)")  # letters alone in the parentheses
_GLOSSED = ("ORG",)  # what the long name is
_GLOSSING = ("ORG", "MISC", "")  # what the acronym may have been read as alone


def glosses(texts: list[str]) -> list[tuple[str, str]]:
    """(the text before the parenthesis, the acronym) for every acronym glossing what precedes it."""
    return [(text[: m.start()].rstrip(), m.group(1)) for text in texts for m in _GLOSS.finditer(text)]


def merge_glossed(clusters: dict, texts: list[str]) -> None:
    """The acronym's cluster joins the organisation's written just before it."""
    for before, acronym in glosses(texts):
        short = [k for k, c in clusters.items() if any(fold(s) == fold(acronym) for s in c.surfaces)]
        long_ = _named_before(clusters, before, acronym)
        if len(short) != 1 or long_ is None or clusters[short[0]] is clusters[long_]:
            continue
        full, glossed = clusters[long_], clusters[short[0]]
        name = full.best
        listed = long_form(acronym)
        if glossed.label in _GLOSSING and variants.yields(acronym, name) \
                and (not listed or listed == variants.droppable(fold(name)) or listed == fold(name)):
            full.absorb(clusters.pop(short[0]))


def _named_before(clusters: dict, before: str, acronym: str) -> str | None:
    """The key of the organisation whose spelling of two words or more ends the text: the one
    the acronym's letters stand for (« Conseil de l'Union européenne (UE) » glosses « Union
    européenne »), else the longest."""
    ends = [(fold(acronym) in variants.initials(s), len(s), k) for k, c in clusters.items() if c.label in _GLOSSED
            for s in c.surfaces if len(tokens(s)) >= 2 and _ends_with(before, s)]
    return max(ends)[2] if ends else None


def _ends_with(text: str, name: str) -> bool:
    text, name = fold(text), fold(name)
    start = len(text) - len(name)
    return start >= 0 and text[start:] == name and (start == 0 or not text[start - 1].isalnum())
