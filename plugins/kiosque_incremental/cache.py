"""Save Pelican's content cache only when something was added to it.

Pelican pickles and gzips its whole reader cache at the end of every build, even when every
post came from the cache: about a second per thousand articles spent writing the same bytes.
"""

from __future__ import annotations

import os

from pelican.cache import FileDataCacher

_original_cache_data = FileDataCacher.cache_data
_original_save_cache = FileDataCacher.save_cache


def _cache_data(self, filename, data):
    if self._cache_data_policy:
        self._kiosque_dirty = True
    _original_cache_data(self, filename, data)


def _save_cache(self):
    if not getattr(self, "_kiosque_dirty", False) and os.path.exists(self._cache_path):
        return
    _original_save_cache(self)
    self._kiosque_dirty = False


def install() -> None:
    FileDataCacher.cache_data = _cache_data
    FileDataCacher.save_cache = _save_cache
