"""Remember URLs while pages are written.

Pelican recomputes ``Content.url`` (a ``str.format`` over a copy of the metadata) every time a
template asks for it: 141,000 times at 5,000 articles, 15% of a build. Once the generators have
run, slugs, dates and categories no longer change, so each URL can be computed once.

Every URL expansion (three per article while Pelican reads, even from its cache) also works out
the post's path relative to the content folder with ``os.path.relpath``: 1 to 3 CPU s per build
at 10,000 articles. For absolute paths that is a pure function of the two paths: remembered.
"""

from __future__ import annotations

import os

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

MEMO = "_kiosque_urls"
_original_content = Content.get_url_setting
_original_wrapper = URLWrapper._from_settings
_original_relative_source_path = Content.get_relative_source_path
_relative_paths: dict[tuple[str, str], str | None] = {}
_frozen = False


def _memoized(obj, key, compute):
    if not _frozen:
        return compute()
    memo = obj.__dict__.get(MEMO)
    if memo is None:
        memo = obj.__dict__[MEMO] = {}
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _content_url_setting(self, key):
    return _memoized(self, key, lambda: _original_content(self, key))


def _wrapper_from_settings(self, key, get_page_name=False):
    return _memoized(self, (key, get_page_name), lambda: _original_wrapper(self, key, get_page_name))


def _relative_source_path(self, source_path=None):
    root, path = self.settings["PATH"], source_path or self.source_path
    if not (isinstance(root, str) and isinstance(path, str) and os.path.isabs(root) and os.path.isabs(path)):
        return _original_relative_source_path(self, source_path)  # depends on the working folder
    key = (root, path)
    if key not in _relative_paths:
        _relative_paths[key] = _original_relative_source_path(self, source_path)
    return _relative_paths[key]


def install() -> None:
    Content.get_relative_source_path = _relative_source_path
    Content.get_url_setting = _content_url_setting
    URLWrapper._from_settings = _wrapper_from_settings


def freeze(frozen: bool) -> None:
    """While frozen (the writing phase), URLs are computed once per object."""
    global _frozen
    _frozen = frozen
