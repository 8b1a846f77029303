"""Pelican's generator-level content cache (``CONTENT_CACHING_LAYER = "generator"``), made safe.

With that layer Pelican keeps whole ``Article`` objects between builds, not only what the reader
returned, so an unchanged post is not turned into an ``Article`` again: about 2 s of a 10,000
article build where nothing, or one post, changed. Pelican leaves three things to its users,
done here:

- The cached objects were made with the settings, templates and plugins of their build (their
  slug, URL and date labels come from the settings): the cache is dropped when the build digest
  changed. The digest is saved inside the cache file, so the two cannot disagree.
- They hold their build's context (`_context`, which Pelican reads for links and the site URL):
  it is not saved, and the current one is put back before anything reads it.
- Plugins may have changed them after reading (``article_generator_pretaxonomy``): such a
  plugin must keep what it needs to do it again (kiosque_tags keeps the names as written).

Posts read ahead by both cores (``reading.py``) reach Pelican's reader through the build's
``ahead``.
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosque_core.pelican_compat import ORIGINAL

from . import urls
from .writer import build_digest

DIGEST_KEY = "\0kiosque build digest"  # never a file name
_pelican_init = ORIGINAL["CachingGenerator.__init__"]


def enabled(settings: dict) -> bool:
    return settings.get("CONTENT_CACHING_LAYER") == "generator" and bool(settings.get("CACHE_CONTENT"))


def caching_generator_init(self, *args, **kwargs):
    """Pelican's, then the cache is emptied if another build digest made it."""
    _pelican_init(self, *args, **kwargs)
    if not enabled(self.settings):
        return
    self._kiosque_digest = build_digest(self.settings)
    _stamp, digest = self._cache.get(DIGEST_KEY, (None, None))
    if digest != self._kiosque_digest:
        self._cache = {}


def before_saving(cacher) -> list | None:
    """Called by ``cache._save_cache``: what to restore once the cache is pickled."""
    digest = getattr(cacher, "_kiosque_digest", None)
    if digest is None:
        return None
    cacher._cache[DIGEST_KEY] = (None, digest)
    detached = []
    for key, (_stamp, content) in cacher._cache.items():
        if key != DIGEST_KEY and hasattr(content, "_context"):
            detached.append((content, content._context))
            content._context = None
    return detached


def after_saving(detached: list | None) -> None:
    for content, context in detached or ():
        content._context = context


def reattach(generator) -> None:
    """``article_generator_pretaxonomy``: cached articles get this build's context back, and
    forget the URLs remembered in their build (``urls.MEMO``)."""
    if not enabled(generator.settings):
        return
    for article in _everything(generator):
        if article._context is not generator.context:
            article._context = generator.context
            article.__dict__.pop(urls.MEMO, None)


def _everything(generator) -> list:
    return [*generator.articles, *generator.translations, *generator.hidden_articles,
            *generator.hidden_translations, *generator.drafts, *generator.drafts_translations]


def drop_reader_caches(pelican) -> None:
    """With this layer the readers cache nothing, yet Pelican still loads their cache file if
    an earlier build (with the reader layer) left one: 30 MB at 10,000 articles, for nothing."""
    if not enabled(pelican.settings):
        return
    folder = Path(pelican.settings.get("CACHE_PATH") or "cache")
    for path in folder.glob("*-Readers") if folder.is_dir() else ():
        os.unlink(path)

