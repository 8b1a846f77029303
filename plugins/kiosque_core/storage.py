"""Atomic writes: an interrupted run never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a mix.

    ``durable=False`` skips the fsync (the rename alone is atomic against a killed process);
    a batch then calls ``os.sync()`` once before recording what it wrote.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would hide posts from a web server's group
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` atomically unless the file already holds it: a build that changed nothing
    leaves its files (and their mtimes) alone, so a sync to the host uploads nothing. Returns
    whether it wrote."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text, durable=False)
    return True


def remove_empty_parents(folder: Path, root: Path) -> None:
    """Remove ``folder`` and its parents up to ``root`` (excluded) while they are empty: a page
    removed from the output takes its folder with it, as a clean build would not have it."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temp_files(folder: Path) -> None:
    """Temp files a killed run left behind (``write_atomic`` names them ``.<name>.*.tmp``): what
    ``folder.glob(".*.tmp")`` finds, without matching a pattern against every post's name."""
    for name in os.listdir(folder):
        if name.startswith(".") and name.endswith(".tmp") and len(name) > len(".tmp"):
            (folder / name).unlink(missing_ok=True)
