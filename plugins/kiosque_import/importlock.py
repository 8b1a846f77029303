"""The import lock: two imports never interleave their writes to the posts folder."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".import.lock"


class ImportLocked(RuntimeError):
    pass


def import_lock(posts: Path, timeout: float) -> FileLock:
    """A lock on the posts folder, so two imports never interleave their writes."""
    lock = FileLock(str(posts / LOCK_NAME), timeout=timeout)
    try:
        lock.acquire()
    except Timeout as exc:
        raise ImportLocked(
            f"another import is writing to {posts} (lock {posts / LOCK_NAME}); try again when it ends"
        ) from exc
    return lock
