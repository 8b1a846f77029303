"""Pelican's content cache: saved only when something was added to it, and saved atomically.

Pelican pickles its whole reader cache at the end of every build, even when every post came from
the cache: about a second per thousand articles spent writing the same bytes (gzip at level 9 is
most of it: `pelicanconf.py` turns `GZIP_CACHE` off). It also writes the file in place, so a
build killed while saving leaves a truncated pickle that the next build cannot load (Pelican
catches unpickling errors, not the `EOFError` of a cut file).
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
from pathlib import Path

from kiosque_import.storage import write_atomic
from pelican.cache import FileDataCacher

from . import articles_cache

log = logging.getLogger(__name__)

_original_cache_data = FileDataCacher.cache_data


def _cache_data(self, filename, data):
    if self._cache_data_policy:
        self._kiosque_dirty = True
    _original_cache_data(self, filename, data)


def _save_cache(self):
    if not self._cache_data_policy:
        return
    # An empty cache may be one Pelican could not load (another format): rewriting it is cheap.
    if not getattr(self, "_kiosque_dirty", False) and self._cache and os.path.exists(self._cache_path):
        return
    detached = articles_cache.before_saving(self)
    try:
        data = pickle.dumps(self._cache, protocol=pickle.HIGHEST_PROTOCOL)
        if self.settings["GZIP_CACHE"]:
            data = gzip.compress(data)
        path = Path(self._cache_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, durable=False)  # a cache: atomic against a kill is enough
        self._kiosque_dirty = False
    except (OSError, pickle.PicklingError, TypeError) as error:
        log.warning("Could not save cache %s\n ... %s", self._cache_path, error)
    finally:
        articles_cache.after_saving(detached)


def install() -> None:
    FileDataCacher.cache_data = _cache_data
    FileDataCacher.save_cache = _save_cache
