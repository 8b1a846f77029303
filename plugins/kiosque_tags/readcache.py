"""What the model found in each text it read, kept on disk by the text's hash
(``~/.cache/kiosque/ner/``): the same text is never read twice. The model's answer depends only
on the text and the model, so the key is the text's hash, in a file per model version (and spaCy
version). What the model reads of an article depends on what the archive knew then
(reading.py), so an article imported again into an archive in the same state (a site built
again from its raw files, a killed run's chunk run again, the tests' and the demo's imports of
the same corpus) costs no model time. A cache: unreadable or unwritable, the model reads;
``KIOSQUE_NO_MODEL_CACHE=1`` in the environment (the tests) or ``KIOSQUE_TAGS_CACHE = False``
turns it off.

Only the main process reads and writes it (``lookup`` before the model's processes start,
``keep`` once they answered); SQLite keeps it whole if a run is killed while it writes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import compiled
from .settings import Config

log = logging.getLogger(__name__)


def lookup(inputs: list[str], config: Config) -> tuple[list[list], list[int]]:
    """Per input, what the model found in it when the cache knows ([] for an empty input or one
    still to read), and the indices of the inputs still to read."""
    out: list[list] = [[] for _ in inputs]
    todo = [i for i, text in enumerate(inputs) if text]
    table = _table(config.model) if config.cache and todo else None
    if table is None:
        return out, todo
    keys = [_key(inputs[i]) for i in todo]  # two articles may give the model the same text
    try:
        found = {}
        for chunk in _chunks(sorted(set(keys))):
            marks = ",".join("?" * len(chunk))
            found.update(table.execute(f"SELECT key, ents FROM found WHERE key IN ({marks})", chunk))
    except sqlite3.Error as exc:
        log.debug("model cache unread: %s", exc)
        return out, todo
    for i, key in zip(todo, keys, strict=True):
        if key in found:
            out[i] = [tuple(ent) for ent in json.loads(found[key])]
    return out, [i for i, key in zip(todo, keys, strict=True) if key not in found]


def keep(texts: list[str], found: list, config: Config) -> None:
    """Record what the model found in each of ``texts``."""
    table = _table(config.model) if config.cache and texts else None
    if table is None:
        return
    rows = [(_key(text), json.dumps(ents, ensure_ascii=False)) for text, ents in zip(texts, found, strict=True)]
    try:
        with table:
            table.executemany("INSERT OR REPLACE INTO found (key, ents) VALUES (?, ?)", rows)
    except sqlite3.Error as exc:
        log.debug("model cache not written: %s", exc)


def folder() -> Path:
    return compiled.folder().parent / "ner"


@lru_cache(maxsize=4)
def _table(model: str) -> sqlite3.Connection | None:
    if os.environ.get("KIOSQUE_NO_MODEL_CACHE"):
        return None
    try:
        import spacy

        version = f"{model}-{metadata.version(model.replace('_', '-'))}-spacy-{spacy.__version__}"
        folder().mkdir(parents=True, exist_ok=True)
        table = sqlite3.connect(folder() / f"{version}.sqlite", timeout=30, check_same_thread=False)
        table.execute("CREATE TABLE IF NOT EXISTS found (key BLOB PRIMARY KEY, ents TEXT NOT NULL)")
        return table
    except (OSError, sqlite3.Error, metadata.PackageNotFoundError) as exc:
        log.debug("model cache unused: %s", exc)
        return None


def _key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]


def _chunks(keys: list, size: int = 500) -> list[list]:
    """SQLite allows that many parameters to a query, and more in newer versions only."""
    return [keys[i:i + size] for i in range(0, len(keys), size)]
