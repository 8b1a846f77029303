"""Reading raw files: the only step besides ``write`` that touches the disk."""

from __future__ import annotations

import os
from pathlib import Path

from .article import Refused

MAX_BYTES = 5 * 1024 * 1024


def confined(path: str, folder: str) -> str:
    """The path to read for the raw file ``path`` of the seeds folder whose real path is ``folder``:
    ``path`` itself, or, for a symlink, the file it leads to when that file is inside the folder
    too (the same raw text under another name, reported as a duplicate). A symlink that leads
    outside the folder is refused before anything is read: a raw file is never read from outside
    the seeds folder, whatever its shape."""
    if not os.path.islink(path):
        return path
    target = os.path.realpath(path)
    if os.path.commonpath([target, folder]) != folder:
        raise Refused(f"symlink to {target}, outside the seeds folder: not read")
    return target


def read_raw(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """Return the bytes of a raw article, refusing what cannot be an article.

    ``path`` is a real file (see ``confined``): opened without following a symlink, so that a file
    swapped for one after it was checked is refused too, not read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        if os.path.islink(path):
            raise Refused("became a symlink while it was read: not read") from exc
        raise
    with open(fd, "rb") as handle:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise Refused(f"too large ({size:,} bytes, limit {max_bytes:,})")
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
