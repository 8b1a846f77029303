"""``<bundle>/shards.json``: the list of index shards the search page merges, newest first.

It also keeps each shard's fingerprint, so the next build knows which shards are current. The
file is written last, atomically: a reader never sees a shard listed before it exists.
"""

from __future__ import annotations

import json
from pathlib import Path

from kiosque_import.storage import write_atomic

NAME = "shards.json"


def load(bundle: Path) -> dict[str, dict]:
    """Shard name -> its entry, from the previous build; empty when there is none or it is unreadable."""
    try:
        data = json.loads((bundle / NAME).read_text(encoding="utf-8"))
        return {entry["name"]: entry for entry in data["shards"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def save(bundle: Path, entries: list[dict], language: str) -> None:
    bundle.mkdir(parents=True, exist_ok=True)
    data = {"language": language, "shards": entries}
    write_atomic(bundle / NAME, json.dumps(data, ensure_ascii=False, indent=1) + "\n", durable=False)
