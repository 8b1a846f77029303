"""What of the model's spans is a name: titles before it dropped (« général de Gaulle », « Lord
Ivar Mountbatten »), two names run together cut apart (« Médiamétrie pour la
Fevad », « Quotidien sur TMC »; spans.split_span for the others), and names with lowercase words
kept whole (« Réseau action climat », « Val d'Aran »)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kiosque_core.folding import fold

from . import kinds, mentions
from .names import PARTICLES, clean, country, drop_opening_article, is_plausible, tokens


def model_names(ents, excluded: frozenset, head: str) -> dict[str, Counter]:
    """Folded name → labels the model gave it, for plausible names only; a new dict each time
    (the analysis adds to it)."""
    found = _model_names(tuple(tuple(ent) for ent in ents), excluded, head)
    return {key: Counter(labels) for key, labels in found.items()}


@lru_cache(maxsize=2048)
def _model_names(ents: tuple, excluded: frozenset, head: str) -> dict[str, Counter]:
    """Kept: each article is asked twice (its batch's shared names, then its analysis, in a process
    forked after the first), for more than a chunk's articles."""
    local: dict[str, Counter] = {}
    for text, label, start in ents:
        if text.endswith(("'", "’")) and head[start + len(text):start + len(text) + 1] == "s":
            text += "s"  # « RM Sotheby's », « McDonald's »: the model stops before the possessive's s
        whole = clean(_HONORIFIC.sub("", kinds.without_title(text))) if label == "PER" else clean(text)
        if mentions.opens_sentence(head, start):
            whole = drop_opening_article(whole)
        for name, hint in (pair for part in _apart(whole) for pair in kinds.split_span(part, label)):
            if is_plausible(name, hint) and fold(name) not in excluded:
                local.setdefault(fold(name), Counter())[hint] += 1
    return local


def phrases(ents, excluded) -> dict[str, tuple[str, str]]:
    """Names the model found with lowercase words in them (« Life for Paris », « Réseau action
    climat », « de Gaulle »), as written → (folded, label): runs of capitalised words cut them up."""
    out = {}
    for text, label, _start in ents:
        if label == "PER":
            # « de Gaulle »: a surname that opens on its particle, which runs of capitals miss.
            name = kinds.without_title(text.strip())
            words = tokens(name)
            if len(words) == 2 and words[0] in ("de", "du") and is_plausible(words[1], "PER"):
                out[name] = (fold(name), "PER")
            continue
        first = _apart(clean(text))[0]
        name = kinds.split_span(first, label)[0][0]  # not « Le Parisien mercredi »
        if label in ("ORG", "LOC"):
            # « l'Organisation panaméricaine de la santé dans le pays », « la Ligue des droits de l'Homme ou »
            name = _DANGLING.sub("", _BEYOND.split(name)[0])
        words = tokens(name)
        if len(words) > 1 and label in ("ORG", "LOC", "MISC") and fold(name) not in excluded \
                and not re.search(r"[:«»\"“”!?;,()]", name) \
                and any(w.islower() and w not in PARTICLES or _ELIDED.match(w) for w in words[1:]) \
                and is_plausible(name, label) \
                and not (kinds.listed(words[0]) == "LOC" and all(w.islower() for w in words[1:])):
            out[name] = (fold(name), label)  # not « Allemagne nazie »: a country and an adjective
    return out


# Words no organisation's or place's name goes on past: the sentence's.
_BEYOND = re.compile(r"\s(?:dans|sur|avec|depuis|lors|selon|après|avant|qui|que|dont|où)\s")
# … nor ends on: a conjunction or a preposition is the sentence's.
_DANGLING = re.compile(r"(?:\s(?:ou|et|de|du|des|à|au|aux|en|le|la|les))+$")
# « Lord Ivar Mountbatten »: an English title written with its capital is no part of the name.
_HONORIFIC = re.compile(r"^(?:Lord|Lady|Sir|Dame)\s+(?=[A-ZÀ-ÖØ-ÞŒ])")
# « Val d'Aran », « Afrique de l'Est »: a name going on past an elided particle.
_ELIDED = re.compile(r"^[dl]['’]\w")
# « Médiamétrie pour la Fevad », « Quotidien sur TMC »: a study and its client, a show and its
# channel; not « Aznavour pour l'Arménie » (a cause), nor « Désir d'avenir pour la planète ».
_JOINED = re.compile(r"\s(?:sur|pour(?:\sla|\sle|\sl['’]|\sles)?)\s?(?=[A-ZÀ-ÖØ-ÞŒ])")


def _apart(name: str) -> list[str]:
    """The names a model's span runs together with « pour » or « sur »."""
    joined = _JOINED.search(name)
    if joined is None:
        return [name]
    head, tail = name[:joined.start()], name[joined.end():]
    if country(tail) or kinds.listed(tail) == "LOC" or not is_plausible(tail):
        return [name]
    return [head, *_apart(tail)]
