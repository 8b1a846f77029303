"""The story index on disk, in the build cache: two pickles, written by a forked process.

``kiosque-stories.pickle`` is small (each article's text digest, the candidate pairs: 4 MB at
34,000 articles) and read by every build; ``kiosque-stories-lsh.pickle`` holds datasketch's LSH
index (57 MB at 34,000 articles, whole texts and openings, the bulk of the time) and is read only
by a build that has articles to add or drop.
Both carry the same generation number: an LSH file of another generation is not used, and the
index is made again. Writing them is left to a forked child while the build goes on
(``kiosque_core.background``, as for Pelican's cache); the build waits for it at its end.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

from kiosque_core import background
from kiosque_core.storage import write_atomic

log = logging.getLogger(__name__)
NAME = "kiosque-stories.pickle"
LSH_NAME = "kiosque-stories-lsh.pickle"
_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError)


def load(path: Path, version) -> dict | None:
    """The pickled dict at ``path`` if it was made with ``version``, else None."""
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
    except FileNotFoundError:
        return None
    except _UNREADABLE as error:
        log.warning("%s: unreadable story index (%s), made again", path, error)
        return None
    return data if isinstance(data, dict) and data.get("version") == version else None


def save(files: list[tuple[Path, dict]]) -> None:
    """Pickle and write each (path, data) atomically, in a forked child when the system can."""
    background.save("the story index", _write, files)


def _write(files: list[tuple[Path, dict]]) -> None:
    for path, data in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), durable=False)



