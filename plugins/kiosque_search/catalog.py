"""``<bundle>/shards.json``: the index shards the search page searches, newest first.

Each entry gives the shard's dates (the search page says which period it searched, and picks
the shards of a chosen year) and its fingerprint, so the next build knows which shards are
current. The file is written last, atomically: a reader never sees a shard listed before it
exists.
"""

from __future__ import annotations

import json
from pathlib import Path

from kiosque_core.storage import write_if_changed

NAME = "shards.json"


def load(bundle: Path) -> dict[str, dict]:
    """Shard name -> its entry, from the previous build; empty when there is none or it is unreadable."""
    try:
        data = json.loads((bundle / NAME).read_text(encoding="utf-8"))
        return {entry["name"]: entry for entry in data["shards"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def save(bundle: Path, entries: list[dict], language: str, shard_size: int) -> None:
    data = {"language": language, "shard_size": shard_size, "shards": entries}
    write_if_changed(bundle / NAME, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
