"""Remember URLs while pages are written.

Pelican recomputes ``Content.url`` (a ``str.format`` over a copy of the metadata) every time a
template asks for it: 141,000 times at 5,000 articles, 15% of a build. Once the generators have
run, slugs, dates and categories no longer change, so each URL can be computed once.

Every URL expansion (three per article while Pelican reads, even from its cache) also works out
the post's path relative to the content folder with ``os.path.relpath``: 1 to 3 CPU s per build
at 10,000 articles. For absolute paths that is a pure function of the two paths: remembered.

Each first expansion copies the whole metadata to format a pattern that mostly reads the slug
(30 µs; 30,000 of them in a build where one article was added to 10,000). A pattern that reads
only the fields Pelican sets itself (slug, lang, date, author, category) is formatted from
those alone, as Pelican computes them: the same text, without the copy.
"""

from __future__ import annotations

import datetime
import os
from string import Formatter

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

MEMO = "_kiosque_urls"
_original_content = Content.get_url_setting
_original_wrapper = URLWrapper._from_settings
_original_relative_source_path = Content.get_relative_source_path
_original_expand_settings = Content._expand_settings
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


# The fields of Pelican's `url_format` that do not need the metadata copy, as it computes them.
_OWN_FIELDS = {
    "slug": lambda content: getattr(content, "slug", ""),
    "lang": lambda content: getattr(content, "lang", "en"),
    "date": lambda content: getattr(content, "date", datetime.datetime.now()),
    "author": lambda content: content.author.slug if hasattr(content, "author") else "",
    "category": lambda content: content.category.slug if hasattr(content, "category") else "",
}
_pattern_fields: dict[str, frozenset[str] | None] = {}


def _fields_read(pattern: str) -> frozenset[str] | None:
    """The fields a URL pattern reads, or None when one of them is not in `_OWN_FIELDS`."""
    if pattern not in _pattern_fields:
        roots = set()
        for _text, field, _spec, _conversion in Formatter().parse(pattern):
            if field is not None:
                roots.add(field.split(".", 1)[0].split("[", 1)[0])
        _pattern_fields[pattern] = frozenset(roots) if roots <= _OWN_FIELDS.keys() else None
    return _pattern_fields[pattern]


def _expand_settings(self, key, klass=None):
    pattern = str(self.settings[f"{klass or self.__class__.__name__}_{key}".upper()])
    fields = _fields_read(pattern)
    if fields is None:
        return _original_expand_settings(self, key, klass)
    return pattern.format(**{name: _OWN_FIELDS[name](self) for name in fields})


def install() -> None:
    Content.get_relative_source_path = _relative_source_path
    Content._expand_settings = _expand_settings
    Content.get_url_setting = _content_url_setting
    URLWrapper._from_settings = _wrapper_from_settings


def freeze(frozen: bool) -> None:
    """While frozen (the writing phase), URLs are computed once per object."""
    global _frozen
    _frozen = frozen
