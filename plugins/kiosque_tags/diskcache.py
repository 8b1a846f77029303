"""Tables worked out once from an installed package's data and kept on disk (in
``~/.cache/kiosque/``, beside the compiled patterns): keyed by a hash of the data and of the code
that makes them, so a new package or new code makes them again."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)


def key(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:32]


def table(path: Path, make: Callable[[], object], sound: Callable[[object], bool]):
    """The table stored at ``path`` when it is there and ``sound``, else ``make()`` (then stored)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if sound(stored):
            return stored
    except (OSError, ValueError):
        pass
    made = make()
    try:
        from kiosque_core.storage import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(made, ensure_ascii=False), durable=False)
    except OSError as exc:  # a cache: the table is right either way
        log.debug("%s not written: %s", path, exc)
    return made
