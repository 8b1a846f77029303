"""The manifest: for each raw file, its content hash and the post written from it.

It lives beside the posts (``manifest.json``) and is committed with them, so a fresh clone
knows which posts were generated, from what, and which were edited by hand since.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .storage import write_atomic

NAME = "manifest.json"


@dataclass
class Entry:
    raw_hash: str
    post: str  # file name inside the posts folder
    post_hash: str
    slug: str
    first_seen: str  # ISO date of the first import; the fallback publication date
    converter: int


def text_hash(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def load(posts: Path) -> dict[str, Entry]:
    path = posts / NAME
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"{path}: unreadable manifest ({exc}); restore it from git") from exc
    return {source: Entry(**fields) for source, fields in raw.get("articles", {}).items()}


def save(posts: Path, entries: dict[str, Entry]) -> None:
    # vars(), not dataclasses.asdict: the fields are flat, and asdict deep-copies each one (0.6 s
    # of every import at 10,000 articles).
    payload = {"version": 1, "articles": {k: dict(vars(entries[k])) for k in sorted(entries)}}
    write_atomic(posts / NAME, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
