"""Digests the plugins key their caches with (page fingerprints, build digests, search shards):
the same text or files give the same digest in every process and every build."""

from __future__ import annotations

import hashlib
from pathlib import Path


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def files_digest(folders) -> str:
    """Names and bytes of every file under the given folders (templates, plugin code); a folder
    that does not exist counts as empty."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
