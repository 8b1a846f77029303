"""Reading raw files: the only step besides ``write`` that touches the disk."""

from __future__ import annotations

import os
from pathlib import Path

from .article import Refused

MAX_BYTES = 5 * 1024 * 1024


def read_raw(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """Return the bytes of a raw article, refusing what cannot be an article."""
    size = os.stat(path).st_size
    if size > max_bytes:
        raise Refused(f"too large ({size:,} bytes, limit {max_bytes:,})")
    with open(path, "rb") as handle:
        data = handle.read()
    if not data.strip():
        raise Refused("empty" if not data else "whitespace only")
    if _looks_binary(data):
        raise Refused("binary content, not text")
    return data


def _looks_binary(data: bytes) -> bool:
    # Text in any of the encodings we accept (UTF-8, UTF-16 aside, cp1252) never holds NUL
    # bytes, and control characters other than tab/newline/formfeed are rare in prose.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with its byte-order mark: NUL bytes are normal there
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05
