"""Pelican's content cache: saved only when something was added to it, and saved atomically.

Pelican pickles its whole reader cache at the end of every build, even when every post came from
the cache: about a second per thousand articles spent writing the same bytes (gzip at level 9 is
most of it: `pelicanconf.py` turns `GZIP_CACHE` off). It also writes the file in place, so a
build killed while saving leaves a truncated pickle that the next build cannot load (Pelican
catches unpickling errors, not the `EOFError` of a cut file).

Pickling the whole-article cache (``articles_cache``) takes a third of a second at 10,000
articles, half of it in a build that added one post; it happens while the build runs on one
core. So a forked process saves it, from its copy of the objects as they were at that moment,
while the build goes on; ``wait_for_saves`` waits for it before the build ends.
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
from pathlib import Path

from kiosque_core import background
from kiosque_core.pelican_compat import ORIGINAL
from kiosque_core.storage import write_atomic

from . import articles_cache

log = logging.getLogger(__name__)

_pelican_cache_data = ORIGINAL["FileDataCacher.cache_data"]


def cache_data(self, filename, data):
    if self._cache_data_policy:
        self._kiosque_dirty = True
    _pelican_cache_data(self, filename, data)


def save_cache(self):
    if not self._cache_data_policy:
        return
    # An empty cache may be one Pelican could not load (another format): rewriting it is cheap.
    if not getattr(self, "_kiosque_dirty", False) and self._cache and os.path.exists(self._cache_path):
        return
    self._kiosque_dirty = False
    if articles_cache.enabled(self.settings):
        background.save(f"cache {self._cache_path}", _write, self)
        return
    _write(self)


def _write(self) -> bool:
    """Pickle the cache and write it atomically; False (with a warning) when that failed."""
    detached = articles_cache.before_saving(self)
    try:
        data = pickle.dumps(self._cache, protocol=pickle.HIGHEST_PROTOCOL)
        if self.settings["GZIP_CACHE"]:
            data = gzip.compress(data)
        path = Path(self._cache_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, durable=False)  # a cache: atomic against a kill is enough
        return True
    except (OSError, pickle.PicklingError, TypeError) as error:
        log.warning("Could not save cache %s\n ... %s", self._cache_path, error)
        self._kiosque_dirty = True
        return False
    finally:
        articles_cache.after_saving(detached)

