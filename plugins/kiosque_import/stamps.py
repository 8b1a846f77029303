"""File stamps: a file's content hash, trusted without reading the file again while the file's
size, mtime, ctime and inode are those it had when it was hashed.

A rebuild used to read and hash every raw file and every post (about 3 s at 10,000 articles)
to find the few that changed. Any write through the file system changes the mtime and the ctime
(which, unlike the mtime, no tool can set back), a replaced file has a new inode, so a changed
file is read again. Known limit: on a file system with coarse timestamps (1 or 2 s: ext3, FAT),
a file rewritten with the same size within the same tick as its hashing keeps its stamp; such a
change is seen only once the stamps file is deleted.

The stamps live beside the import report (``.kiosque/import-stamps.json``, not committed: stamps
mean nothing on another machine), keyed by absolute path. They are a cache: losing them, or a
stale entry, only costs a read. So an import that hashed only a few files anew (the everyday
one) leaves the file as it was, and the next import reads those few again (``UNSAVED_SHARE``).
Without a report path there are no stamps: every file is read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kiosque_core.storage import write_atomic

NAME = "import-stamps.json"
VERSION = 1


def stamp(path: str | Path) -> list[int]:
    """Raises OSError (FileNotFoundError) when the file is not there."""
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


# Saving rewrites the whole file (4 MB, ~0.1 s at 10,000 articles): an import that hashed fewer
# files anew than this share of them does not save, and the next one reads those few again.
UNSAVED_SHARE = 0.01


class Stamps:
    def __init__(self, path: Path | None):
        self.path = path
        self.files: dict[str, list] = self._load() if path else {}
        self.changes = 0  # records made or dropped since the file was read

    def _load(self) -> dict[str, list]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        files = data.get("files") if isinstance(data, dict) and data.get("version") == VERSION else None
        return files if isinstance(files, dict) else {}

    def known_hash(self, key: str, current: list[int]) -> str | None:
        """The hash recorded for ``key`` if the file still has the stamp it had then."""
        recorded = self.files.get(key)
        if isinstance(recorded, list) and len(recorded) == 5 and recorded[:4] == current:
            return recorded[4]
        return None

    def record(self, key: str, current: list[int], digest: str) -> None:
        """``current`` must be the stamp taken *before* the bytes that gave ``digest`` were read,
        so that a write during the read leaves a stamp that no longer matches."""
        value = [*current, digest]
        if self.files.get(key) != value:
            self.files[key] = value
            self.changes += 1

    def keep_only(self, keys) -> None:
        for key in self.files.keys() - set(keys):
            del self.files[key]
            self.changes += 1

    def save(self) -> None:
        if self.path is None or self.changes <= UNSAVED_SHARE * len(self.files):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"version": VERSION, "files": dict(sorted(self.files.items()))}
        write_atomic(self.path, json.dumps(payload, separators=(",", ":")), durable=False)
        self.changes = 0
