"""Stable pagination: list pages numbered from the oldest article.

Pelican numbers a list's pages from the newest article, so one added article moves every page
after it, and each page says how many pages there are. Here the numbered pages are fixed slices
of ``per_page`` articles counted from the oldest: ``page/1/`` holds the oldest ``per_page``,
``page/2/`` the next ones, and the list's own URL (the front page) holds the rest, the newest
``per_page`` to ``2 × per_page − 1`` (everything when the list is shorter than two pages). A new
newest article changes the front page only, plus, when a full slice splits off, that new page and
the page linking to it; nothing on a numbered page depends on the length of the list.

URLs come from ``PAGINATION_PATTERNS``: the front page takes the rule Pelican uses for page 1;
slice ``k`` takes the rule Pelican uses for page ``max(k, 2)``, formatted with ``number = k``
(with Kiosque's patterns: ``{url}``, then ``{base_name}/page/{k}/``). Rules for the last page
(``min_page = -1``) are not used: which page is last changes with every article.

Pelican passes the lists newest first (``ARTICLE_ORDER_BY = "reversed-date"`` and
``NEWEST_FIRST_ARCHIVES = True``, its defaults); slices are counted from the end of each list.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from pelican.paginator import Paginator as PelicanPaginator

DEFAULT = True


def enabled(settings: dict) -> bool:
    return bool(settings.get("KIOSQUE_STABLE_PAGINATION", DEFAULT))


def lists_to_paginate(settings: dict, template_name, paginated, kwargs) -> dict | None:
    """The lists Pelican's Writer would paginate for this page, or None for a single page."""
    if paginated is None:
        paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
    if paginated and template_name in settings["PAGINATED_TEMPLATES"]:
        return paginated
    return None


def per_page(settings: dict, template_name) -> int:
    return settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]


@dataclass(frozen=True)
class Link:
    """A neighbour as a page shows it: its address, not its articles (which would make the page
    depend on them)."""

    number: int | None
    url: str
    save_as: str


class Paginator:
    """One list's stable pages. It tells nothing of the list's length, on purpose: a numbered
    page that showed it would change with every article."""

    def __init__(self, name: str, url: str, object_list, settings: dict, per_page: int):
        self.name = name
        self.url = url
        self.per_page = per_page
        self.settings = settings
        self._objects = object_list

    def pages(self) -> list[Page]:
        """The front page, then the numbered pages from the newest to the oldest."""
        size = len(self._objects)
        numbered = max(size // self.per_page - 1, 0)
        front = Page(self, None, self._objects[: size - numbered * self.per_page])
        pages = [front] + [Page(self, k, self._objects[size - k * self.per_page: size - (k - 1) * self.per_page])
                           for k in range(numbered, 0, -1)]
        for newer, older in zip(pages, pages[1:], strict=False):
            if older.save_as == front.save_as:
                raise ValueError(f"PAGINATION_PATTERNS give page {older.number} of {self.name!r} the "
                                 "front page's path: add a rule for numbers from 2 on")
            newer.next, older.previous = older.link(), newer.link()
        return pages


class Page:
    """A page of a stable list: what Pelican's Page offers templates, minus the counts."""

    def __init__(self, paginator: Paginator, number: int | None, object_list):
        self.paginator = paginator
        self.number = number  # None on the front page
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
        return f"<stable Page {self.number or 'front'} of {self.full_name}>"

    def has_previous(self) -> bool:
        return self.previous is not None

    def has_next(self) -> bool:
        return self.next is not None

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next()

    def link(self) -> Link:
        return Link(self.number, self.url, self.save_as)

    def _from_patterns(self, key: str) -> str:
        # The front page is Pelican's page 1; page/1/ must not take page 1's rule ({url}).
        number = 1 if self.number is None else max(self.number, 2)
        rules = [rule for rule in self.paginator.settings["PAGINATION_PATTERNS"] if 0 <= rule.min_page <= number]
        if not rules:
            return ""
        value = getattr(rules[-1], key).format(
            save_as=self.full_name, url=self.base_url, name=self.name, base_name=self.base_name,
            extension=self.extension, number=self.number or 1)
        # As Pelican: one leading slash is dropped (a second one keeps a root-relative path).
        return value[1:] if value.startswith("/") else value


def stable_pages(name: str, url: str, lists: dict, settings: dict, per_page: int):
    """(output path, names for the template) for each stable page of the lists.

    On a numbered page each paginated list (``articles``, ``dates``) is the page's own slice:
    the page shows nothing of the whole list, and its fingerprint reads only its slice."""
    paginators = {key: Paginator(name, url, objects, settings, per_page) for key, objects in lists.items()}
    pages = {key: paginator.pages() for key, paginator in paginators.items()}
    for index in range(len(next(iter(pages.values())))):
        names = {}
        for key, paginator in paginators.items():
            page = pages[key][index]
            names.update({f"{key}_paginator": paginator, f"{key}_page": page,
                          f"{key}_previous_page": page.previous, f"{key}_next_page": page.next})
            if page.number is not None:
                names[key] = page.object_list
        yield page.save_as, names


def classic_pages(name: str, url: str, lists: dict, settings: dict, per_page: int):
    """(output path, names for the template) for each page as Pelican's Writer makes them."""
    paginators = {key: PelicanPaginator(name, url, val, settings, per_page) for key, val in lists.items()}
    for page_num in range(next(iter(paginators.values())).num_pages):
        names = {}
        for key, paginator in paginators.items():
            previous_page = paginator.page(page_num) if page_num > 0 else None
            page = paginator.page(page_num + 1)
            next_page = paginator.page(page_num + 2) if page_num + 1 < paginator.num_pages else None
            names.update({f"{key}_paginator": paginator, f"{key}_page": page,
                          f"{key}_previous_page": previous_page, f"{key}_next_page": next_page})
        yield page.save_as, names


def pages(name: str, url: str, lists: dict, settings: dict, per_page: int):
    split = stable_pages if enabled(settings) else classic_pages
    return split(name, url, lists, settings, per_page)
