"""Fingerprints of what a page is made from, cheap enough to compute for every page of a build.

A page is the template rendered with a context. Its fingerprint covers the build-wide inputs
(settings, templates, theme plugin code: see ``build_digest``) and, for the page itself, the
value of every name its template (with the templates it extends, includes and imports) reads
from the context. A content object counts as its own state (source path, metadata, text, the
attributes plugins set) plus, when the page is *about* that object, the state of the articles it
links to (previous/next, related). Two builds giving a page the same fingerprint render it to
the same bytes, so the second one can skip it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import types

from jinja2 import meta
from kiosque_core import parallel
from kiosque_core.digests import text_digest as _hash
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

# Attributes of a content object that are not part of what it shows.
SKIPPED_ATTRIBUTES = frozenset({"_context", "settings", "_kiosque_urls"})
MAX_DEPTH = 6
_MISSING = object()


def stable(value, depth: int = 0) -> str:
    """A text for ``value`` that is the same from one process to the next (no memory addresses)."""
    kind = type(value)
    text = _HANDLERS.get(kind)
    if text is None:
        text = _HANDLERS[kind] = _handler(kind)
    return text(value, depth)


# How each type reads is decided once per type, not by a chain of isinstance() per value:
# half the time of a no-change build's fingerprints went to that chain.
def _handler(kind: type):
    if kind is type(None) or issubclass(kind, bool | int | float | str | bytes):
        return _plain
    if issubclass(kind, dt.datetime | dt.date | dt.time):
        return _moment
    if issubclass(kind, URLWrapper):
        return _term
    if issubclass(kind, Content):
        return _content
    if issubclass(kind, types.FunctionType | types.BuiltinFunctionType | type | types.MethodType):
        return _code
    if issubclass(kind, types.ModuleType):
        return _module
    if issubclass(kind, dict):
        return _shallow(_mapping)
    if issubclass(kind, list | tuple):
        return _shallow(_sequence)
    if issubclass(kind, set | frozenset):
        return _shallow(_collection)
    return _shallow(_instance)


def _plain(value, depth):
    return repr(value)


def _moment(value, depth):
    return f"{type(value).__name__}({value.isoformat()}|{getattr(value, 'tzinfo', None)})"


def _term(value, depth):
    return f"{type(value).__name__}({value.name!r})"


def _content(value, depth):
    return f"{type(value).__name__}({value.source_path!r})"


def _code(value, depth):
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}"


def _module(value, depth):
    return f"module({value.__name__})"


def _shallow(text):
    def within_depth(value, depth):
        return type(value).__name__ if depth >= MAX_DEPTH else text(value, depth)
    return within_depth


def _mapping(value, depth):
    items = sorted((stable(k, depth + 1), stable(v, depth + 1)) for k, v in value.items())
    return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"


def _sequence(value, depth):
    return "[" + ",".join(stable(v, depth + 1) for v in value) + "]"


def _collection(value, depth):
    return "{" + ",".join(sorted(stable(v, depth + 1) for v in value)) + "}"


def _instance(value, depth):
    if hasattr(value, "__dict__"):
        return type(value).__name__ + stable(vars(value), depth + 1)
    return type(value).__name__


_HANDLERS: dict[type, object] = {}


# Settings that say how a build runs, not what it shows: changing them renders nothing again.
RUN_SETTINGS = frozenset({"KIOSQUE_WRITE_PROCESSES", "KIOSQUE_SEARCH_PROCESSES", "KIOSQUE_TAGS_PROCESSES"})


def settings_digest(settings: dict) -> str:
    return _hash(stable({name: value for name, value in settings.items() if _is_input(name)}))


def _is_input(name: str) -> bool:
    """A setting the user gave. Not one saying how the build runs, nor what a plugin hands on to
    a later stage through the settings (a leading underscore: kiosque_tags' table of renamed
    tags, which changes with the registry): in the build digest, that would render every page
    again for one rename. A template that reads such a value has it in its page's digest."""
    return name not in RUN_SETTINGS and not name.startswith("_")


def _parse(env, name: str, parsed: dict):
    if name not in parsed:
        parsed[name] = env.parse(env.loader.get_source(env, name)[0])
    return parsed[name]


def template_names(env, name: str, parsed: dict, seen: set | None = None) -> set[str]:
    """The template and every template it extends, includes or imports, by name."""
    seen = set() if seen is None else seen
    if name in seen:
        return seen
    seen.add(name)
    for other in meta.find_referenced_templates(_parse(env, name, parsed)):
        if other is None:
            raise DynamicTemplate(name)
        template_names(env, other, parsed, seen)
    return seen


class DynamicTemplate(Exception):
    """A template includes a template chosen at render time: its inputs cannot be known."""


def context_names(env, name: str, parsed: dict | None = None) -> frozenset[str] | None:
    """Every context name the template tree reads, or None when it cannot be worked out."""
    parsed = {} if parsed is None else parsed
    try:
        names: set[str] = set()
        for template in template_names(env, name, parsed):
            names |= meta.find_undeclared_variables(_parse(env, template, parsed))
    except DynamicTemplate:
        return None
    return frozenset(names)


def _is_link(value) -> bool:
    if isinstance(value, Content):
        return True
    return isinstance(value, list | tuple) and any(isinstance(v, Content) for v in value)


def _fields(content: Content):
    """The attributes that make a content object's state, in a stable order."""
    metadata = getattr(content, "metadata", {})
    for key, value in sorted(vars(content).items()):
        # Pelican copies each metadata field to an attribute: digest it once, in `metadata`.
        if key not in SKIPPED_ATTRIBUTES and metadata.get(key, _MISSING) is not value:
            yield key, value


def _links(content: Content) -> tuple:
    """Links to other articles (previous/next, related): not the object's own state, a page
    shows them only when it is about this object (see `Digester.subject`)."""
    # Only the few links are sorted, not every attribute as `_fields` does: this runs for every
    # article page of every build.
    metadata = getattr(content, "metadata", {})
    return tuple(sorted((key, value) for key, value in vars(content).items()
                        if _is_link(value) and key not in SKIPPED_ATTRIBUTES
                        and metadata.get(key, _MISSING) is not value))


class Digester:
    """Digests of context values for one build; content objects are digested once each."""

    def __init__(self):
        self._own: dict[int, tuple[object, str]] = {}  # id -> (object, its own digest)
        self._lists: dict[int, tuple[object, str]] = {}

    def prime(self, contents: list, processes: int) -> None:
        """Digest these content objects on every core, once, before pages are settled there:
        processes forked later start with every digest, instead of each computing most of them
        again for the neighbours and lists their pages show."""
        todo = [content for content in contents if self._own.get(id(content), (None,))[0] is not content]
        for content, digest in zip(todo, parallel.run(todo, self._own_digest, processes), strict=True):
            self._own[id(content)] = (content, digest)

    @staticmethod
    def _own_digest(content: Content) -> str:
        digest = hashlib.blake2b(repr(content.source_path).encode("utf-8", "surrogatepass"), digest_size=16)
        digest.update(type(content).__name__.encode())
        for key, value in _fields(content):
            if type(value) is str:  # the text, the summary: most of the bytes, no repr() copy
                text = f"{key}:str:{len(value)}:{value}"
            elif _is_link(value):
                continue
            else:
                text = f"{key}={stable(value)}"
            digest.update(text.encode("utf-8", "surrogatepass"))
            digest.update(b"\n")
        return digest.hexdigest()

    def own(self, content: Content) -> str:
        """A content object's own state, without the state of the objects it links to."""
        cached = self._own.get(id(content))
        if cached is None or cached[0] is not content:
            cached = self._own[id(content)] = (content, self._own_digest(content))
        return cached[1]

    def subject(self, content: Content) -> str:
        """The page's main object: its state and the state of every article it links to (looked
        up here, by the process settling the page, not for every object while priming)."""
        links = (f"{key}>{self.value(value)}" for key, value in _links(content))
        return _hash("\n".join([self.own(content), *links]))

    @staticmethod
    def term(term: URLWrapper) -> str:
        """The page's term: its name and the attributes plugins set on it (elsewhere a term
        counts as its name only, so that an article's state does not hold its terms' pages)."""
        return stable(term) + stable({key: value for key, value in vars(term).items()
                                      if key not in SKIPPED_ATTRIBUTES})

    def value(self, value, depth: int = 0) -> str:
        if isinstance(value, Content):
            return self.own(value)
        if isinstance(value, Page):
            return "Page(" + ",".join([
                repr(value.full_name), repr(value.base_url), str(value.number),
                str(value.paginator.num_pages), str(value.paginator.count),
                self.value(value.object_list, depth + 1)]) + ")"
        if isinstance(value, Paginator):
            return f"Paginator({value.name!r},{value.url!r},{value.count},{value.num_pages})"
        if isinstance(value, list | tuple | dict) and depth < MAX_DEPTH:
            # The same lists (all articles, a tag's articles, the periods) are read by many
            # pages, and are not changed while pages are written: digest each one once.
            cached = self._lists.get(id(value))
            if cached is not None and cached[0] is value:
                return cached[1]
            if isinstance(value, dict):
                items = sorted((stable(k), self.value(v, depth + 1)) for k, v in value.items())
                digest = _hash("{" + ",".join(f"{k}:{v}" for k, v in items) + "}")
            else:
                digest = _hash("[" + ",".join(self.value(v, depth + 1) for v in value) + "]")
            self._lists[id(value)] = (value, digest)
            return digest
        own_text = getattr(type(value), "kiosque_fingerprint", None)
        if own_text is not None:
            # An object that says what a page shows of it (kiosque_pagination's pages).
            return own_text(value, lambda part: self.value(part, depth + 1))
        return stable(value, depth)

    def page(self, build: str, template: str, names: frozenset[str] | None, localcontext: dict,
             subjects: frozenset[str], settings: dict) -> str | None:
        """The page's fingerprint, or None when the page must always be rendered."""
        if names is None:
            return None
        parts = [build, template]
        for name in sorted(names):
            if name not in localcontext:
                parts.append(f"{name}!")
                continue
            value = localcontext[name]
            if value is settings.get(name, parts) and _is_input(name):
                continue  # a setting, already in the build digest
            if name in subjects and isinstance(value, Content):
                parts.append(f"{name}={self.subject(value)}")
            elif name in subjects and isinstance(value, URLWrapper):
                parts.append(f"{name}={self.term(value)}")
            else:
                parts.append(f"{name}={self.value(value)}")
        return _hash("\n".join(parts))
