"""Remember URLs while pages are written (installed by ``pelican_compat``).

Pelican recomputes ``Content.url`` (a ``str.format`` over a copy of the metadata) every time a
template asks for it: 141,000 times at 5,000 articles, 15% of a build. Once the generators have
run, slugs, dates and categories no longer change, so each URL can be computed once.

Every URL expansion (three per article while Pelican reads, even from its cache) also works out
the post's path relative to the content folder with ``os.path.relpath``: 1 to 3 CPU s per build
at 10,000 articles. For absolute paths that is a pure function of the two paths: remembered for
the build.

Each first expansion copies the whole metadata to format a pattern that mostly reads the slug
(30 µs; 30,000 of them in a build where one article was added to 10,000). A pattern that reads
only the fields Pelican sets itself (slug, lang, date, author, category) is formatted from
those alone, as Pelican computes them: the same text, without the copy.

Terms (tags, categories, authors) are not remembered: Pelican binds ``URLWrapper.url`` to
``partial(_from_settings, …)`` when the class is made, so a patched ``_from_settings`` would
never be called.
"""

from __future__ import annotations

import datetime
import functools
import os
from string import Formatter

from kiosque_core.pelican_compat import ORIGINAL

from .build_state import state

MEMO = "_kiosque_urls"
_pelican_url_setting = ORIGINAL["Content.get_url_setting"]
_pelican_relative_source_path = ORIGINAL["Content.get_relative_source_path"]
_pelican_expand_settings = ORIGINAL["Content._expand_settings"]


def get_url_setting(self, key):
    if not state().urls_frozen:
        return _pelican_url_setting(self, key)
    memo = self.__dict__.get(MEMO)
    if memo is None:
        memo = self.__dict__[MEMO] = {}
    if key not in memo:
        memo[key] = _pelican_url_setting(self, key)
    return memo[key]


def get_relative_source_path(self, source_path=None):
    root, path = self.settings["PATH"], source_path or self.source_path
    if not (isinstance(root, str) and isinstance(path, str) and os.path.isabs(root) and os.path.isabs(path)):
        return _pelican_relative_source_path(self, source_path)  # depends on the working folder
    known = state().relative_paths
    key = (root, path)
    if key not in known:
        known[key] = _pelican_relative_source_path(self, source_path)
    return known[key]


# The fields of Pelican's `url_format` that do not need the metadata copy, as it computes them.
_OWN_FIELDS = {
    "slug": lambda content: getattr(content, "slug", ""),
    "lang": lambda content: getattr(content, "lang", "en"),
    "date": lambda content: getattr(content, "date", datetime.datetime.now()),
    "author": lambda content: content.author.slug if hasattr(content, "author") else "",
    "category": lambda content: content.category.slug if hasattr(content, "category") else "",
}


@functools.lru_cache(maxsize=256)
def fields_read(pattern: str) -> frozenset[str] | None:
    """The fields a URL pattern reads, or None when one of them is not in `_OWN_FIELDS`."""
    roots = set()
    for _text, field, _spec, _conversion in Formatter().parse(pattern):
        if field is not None:
            roots.add(field.split(".", 1)[0].split("[", 1)[0])
    return frozenset(roots) if roots <= _OWN_FIELDS.keys() else None


def expand_settings(self, key, klass=None):
    pattern = str(self.settings[f"{klass or self.__class__.__name__}_{key}".upper()])
    fields = fields_read(pattern)
    if fields is None:
        return _pelican_expand_settings(self, key, klass)
    return pattern.format(**{name: _OWN_FIELDS[name](self) for name in fields})


def freeze(frozen: bool) -> None:
    """While frozen (the writing phase), URLs are computed once per object."""
    state().urls_frozen = frozen
