"""An acronym in parentheses right after a long name is that name's spelling in the article:
« l'Observatoire syrien des droits de l'homme (SOHR) a déclaré » names one organisation. The
letters need not match (SOHR is the English acronym), which is why the text, not the initials
(variants.stands_for), says so."""

from __future__ import annotations

import re

from kiosque_core.folding import fold

from . import kinds, variants
from .names import tokens

_GLOSS = re.compile(rf"\(\s*({variants.ACRONYM_SHAPE})\s*\)")  # alone in the parentheses


def glosses(texts: list[str]) -> list[tuple[str, str]]:
    """(the text before the parenthesis, the acronym) for every acronym glossing what precedes it."""
    return [(text[: m.start()].rstrip(), m.group(1)) for text in texts for m in _GLOSS.finditer(text)]


def merge_glossed(clusters: dict, texts: list[str]) -> None:
    """The acronym's cluster joins the cluster of the long name written just before it."""
    for before, acronym in glosses(texts):
        short = [k for k, c in clusters.items() if any(fold(s) == fold(acronym) for s in c.surfaces)]
        long_ = _named_before(clusters, before)
        if len(short) == 1 and long_ is not None and clusters[short[0]] is not clusters[long_]:
            full, glossed = clusters[long_], clusters.pop(short[0])
            full.absorb(glossed)
            full.kind = full.kind if full.kind != kinds.MISC else glossed.kind


def _named_before(clusters: dict, before: str) -> str | None:
    """The key of the cluster whose longest spelling of two words or more ends the text."""
    ends = [(len(s), k) for k, c in clusters.items() for s in c.surfaces
            if len(tokens(s)) >= 2 and _ends_with(before, s)]
    return max(ends)[1] if ends else None


def _ends_with(text: str, name: str) -> bool:
    text, name = fold(text), fold(name)
    start = len(text) - len(name)
    return start >= 0 and text[start:] == name and (start == 0 or not text[start - 1].isalnum())
