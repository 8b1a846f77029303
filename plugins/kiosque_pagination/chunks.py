"""Stable pagination: list pages cut where the articles say, not every ``per_page`` articles.

Pelican numbers a list's pages from the newest article, so one added article moves every page
after it, and each page says how many pages there are. Here a list is cut into chunks by its
content, as content-defined chunking cuts a file: walking from the oldest article to the newest,
a chunk ends after an article when it holds at least ``MIN`` articles and a hash of that article
(of its ``save_as``, the same in every build) hits 1 in ``D``, or when it reaches ``MAX``
articles. Where a chunk ends depends only on the articles up to that point, and an inserted
article moves only the end of its own chunk (boundaries fall back on the same articles right
after it): an article dated in the past re-renders its chunk and at most a neighbour or two, not
every newer page. With a page size ``n``: ``MIN = n // 2``, ``D = n - MIN + 1`` (a mean chunk of
``MIN - 1 + D = n`` articles), ``MAX = 2n``; only a run of articles with no hit is cut at ``MAX``.

A sealed chunk is named by the day of its oldest article, ``2018-07-16``, then ``2018-07-16-2``,
``2018-07-16-3`` for the next chunks starting that day (an ordinal would renumber every newer
page on a split); objects without a date are named by the hash of their oldest object. The
articles after the last boundary form the open chunk, on the list's own URL (the front page),
with the newest sealed chunks until it shows at least ``n`` articles, so nothing moves when the
open chunk seals. A chunk the front page shows has no page of its own (it would repeat the front
page, linked from nowhere); it gets one, under its name, when newer articles push it off the
front page, and the page that was the newest gets a link to it. Nothing on a chunk's page
depends on the length of the list.

URLs come from ``PAGINATION_PATTERNS``: the front page takes the rule Pelican uses for page 1, a
chunk the rule Pelican uses for page 2, formatted with ``number =`` the chunk's name (with
Kiosque's patterns: ``{url}``, then ``{base_name}/page/2018-07-16/``). Rules for the last page
(``min_page = -1``) are not used: which page is last changes with every article.

Pelican passes the lists newest first (``ARTICLE_ORDER_BY = "reversed-date"`` and
``NEWEST_FIRST_ARCHIVES = True``, its defaults); chunks are cut from the end of each list.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Sizes:
    """A chunk holds ``least`` to ``most`` articles; past ``least``, 1 article in ``odds`` ends it."""

    least: int
    odds: int
    most: int

    @classmethod
    def for_page(cls, per_page: int) -> Sizes:
        least = max(per_page // 2, 1)
        return cls(least, per_page - least + 1, 2 * per_page)


def identity(item) -> str:
    """What names an item in every build: an article's output path (its source path would
    differ between two copies of a site), its slug if it is not written, else its text."""
    return str(getattr(item, "save_as", None) or getattr(item, "slug", None) or item)


def digest(item) -> int:
    return _digest(identity(item))


@lru_cache(maxsize=1 << 17)
def _digest(text: str) -> int:
    # sha1, not hash(): Python salts str hashes per process, and boundaries must not move.
    # Cached: an article is in a dozen lists (home, sections, tags, facets, archives).
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big")


def ends_chunk(item, size: int, sizes: Sizes) -> bool:
    return size >= sizes.most or (size >= sizes.least and digest(item) % sizes.odds == 0)


def chunks(oldest_first, sizes: Sizes) -> tuple[list[list], list]:
    """The sealed chunks, oldest first, and the open one (the articles after the last end)."""
    sealed, current = [], []
    for item in oldest_first:
        current.append(item)
        if ends_chunk(item, len(current), sizes):
            sealed.append(current)
            current = []
    return sealed, current


def day(item) -> str:
    """The day a chunk starting with ``item`` is named by; an undated item's hash instead."""
    date = getattr(item, "date", None)
    if date is None:
        return f"{digest(item):016x}"[:10]
    return (date.date() if hasattr(date, "date") else date).isoformat()


def chunk_names(sealed) -> list[str]:
    """Each chunk's name: the day it starts, ``-2``, ``-3`` for later chunks starting that day."""
    seen = Counter()
    names = []
    for chunk in sealed:
        start = day(chunk[0])
        seen[start] += 1
        names.append(start if seen[start] == 1 else f"{start}-{seen[start]}")
    return names


def shown_on_front(sealed, open_size: int, per_page: int) -> int:
    """How many of the newest sealed chunks the front page shows after the open chunk, so that
    it never shows fewer than ``per_page`` articles (unless the list is shorter)."""
    shown, count = 0, open_size
    while count < per_page and shown < len(sealed):
        shown += 1
        count += len(sealed[-shown])
    return shown


@dataclass(frozen=True)
class Link:
    """A neighbour as a page shows it: its address, not its articles (which would make the page
    depend on them)."""

    label: str | None
    url: str
    save_as: str


class Paginator:
    """One list's stable pages. It tells nothing of the list's length, on purpose: a chunk's
    page that showed it would change with every article."""

    def __init__(self, name: str, url: str, object_list, settings: dict, per_page: int):
        self.name = name
        self.url = url
        self.per_page = per_page
        self.settings = settings
        self._objects = object_list

    def kiosque_fingerprint(self, value) -> str:
        """What a page shows of its paginator (kiosque_incremental's fingerprints read this)."""
        return f"StablePaginator({self.name!r},{self.url!r},{self.per_page})"

    def pages(self) -> list[Page]:
        """The front page, then the chunks' pages from the newest to the oldest."""
        sealed, open_chunk = chunks(reversed(self._objects), Sizes.for_page(self.per_page))
        shown = shown_on_front(sealed, len(open_chunk), self.per_page)
        on_front = len(open_chunk) + sum(len(chunk) for chunk in sealed[len(sealed) - shown:])
        front = Page(self, None, self._objects[:on_front])
        older = self._chunk_pages(sealed, len(sealed) - shown, front)
        link(front, older)
        return [front, *older]

    def _chunk_pages(self, sealed, count: int, front: Page) -> list[Page]:
        """The pages of the oldest ``count`` sealed chunks (those the front page does not show:
        a page of its own would repeat it, linked from nowhere), newest first, each listing its
        chunk newest first. Names are given over all sealed chunks, so that a chunk keeps its
        name when it leaves the front page."""
        names = chunk_names(sealed)
        pages = [Page(self, names[i], sealed[i][::-1]) for i in range(count)]
        for page in pages:
            if page.save_as == front.save_as:
                raise ValueError(f"PAGINATION_PATTERNS give page {page.label} of {self.name!r} the "
                                 "front page's path: add a rule for numbers from 2 on")
        return pages[::-1]


def link(front: Page, newest_first: list[Page]) -> None:
    """Chain the front page and the chunks' pages, newest to oldest."""
    for newer, older in zip([front, *newest_first], newest_first, strict=False):
        older.previous, newer.next = newer.link(), older.link()


class Page:
    """A page of a stable list: what Pelican's Page offers templates, minus the counts."""

    def __init__(self, paginator: Paginator, label: str | None, object_list):
        self.paginator = paginator
        self.label = label  # the chunk's name; None on the front page
        self.object_list = object_list
        self.previous: Link | None = None  # the newer neighbour
        self.next: Link | None = None  # the older neighbour
        # Names Pelican's Page gives the patterns.
        self.full_name = paginator.name
        self.base_url = paginator.url
        self.name, self.extension = os.path.splitext(paginator.name)
        folder, file = os.path.split(paginator.name)
        self.base_name = folder if file in ("index.htm", "index.html") else self.name
        self.url = self._from_patterns("URL")
        self.save_as = self._from_patterns("SAVE_AS")

    def __repr__(self):
        return f"<stable Page {self.label or 'front'} of {self.full_name}>"

    def has_previous(self) -> bool:
        return self.previous is not None

    def has_next(self) -> bool:
        return self.next is not None

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next()

    def link(self) -> Link:
        return Link(self.label, self.url, self.save_as)

    def kiosque_fingerprint(self, value) -> str:
        """What the page shows, for kiosque_incremental's fingerprints (``value`` digests a part):
        its chunk, its address and its neighbours' addresses, not the whole list."""
        return "StablePage(" + ",".join([
            repr(self.save_as), repr(self.url), repr(self.label), value(self.previous),
            value(self.next), value(self.paginator), value(self.object_list)]) + ")"

    def _from_patterns(self, key: str) -> str:
        # The front page is Pelican's page 1; a chunk takes the rule of page 2, not page 1's ({url}).
        number = 1 if self.label is None else 2
        rules = [rule for rule in self.paginator.settings["PAGINATION_PATTERNS"] if 0 <= rule.min_page <= number]
        if not rules:
            return ""
        value = getattr(rules[-1], key).format(
            save_as=self.full_name, url=self.base_url, name=self.name, base_name=self.base_name,
            extension=self.extension, number=self.label or 1)
        # As Pelican: one leading slash is dropped (a second one keeps a root-relative path).
        return value[1:] if value.startswith("/") else value


def stable_pages(name: str, url: str, lists: dict, settings: dict, per_page: int):
    """(output path, names for the template) for each stable page of the lists.

    On a chunk's page each paginated list (``articles``, ``dates``) is the page's own chunk:
    the page shows nothing of the whole list, and its fingerprint reads only its chunk."""
    paginators = {key: Paginator(name, url, objects, settings, per_page) for key, objects in lists.items()}
    pages = {key: paginator.pages() for key, paginator in paginators.items()}
    for index in range(len(next(iter(pages.values())))):
        names = {}
        for key, paginator in paginators.items():
            page = pages[key][index]
            names.update({f"{key}_paginator": paginator, f"{key}_page": page,
                          f"{key}_previous_page": page.previous, f"{key}_next_page": page.next})
            if page.label is not None:
                names[key] = page.object_list
        yield page.save_as, names

