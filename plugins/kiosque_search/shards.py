"""Which articles go into which index shard, and a fingerprint of what each shard indexes.

Shards are runs of consecutive publication days, cut in date order within each year, of at most
``size`` articles. The layout is a pure function of the articles (a clean build and an
incremental one agree), and it is stable where it matters: a new article of the newest day only
changes the newest shard, and an article inserted in an old year moves boundaries inside that
year only. Pagefind's memory and time are bounded by the shard size, and the search page can
search the newest shards first.

The newest shard is the one every everyday build re-indexes, and Pagefind takes about 4 ms per
page: filling up to ``size`` articles, it would cost up to 4 s for one new article. So while it
fills it is cut in pieces of at most ``TAIL`` articles (whole days), and only the newest piece
is re-indexed; once full, its pieces become one shard (one re-index per ``size`` articles).
This is done for the last shard of the two newest years: around New Year both receive news, and
an article without a date is dated the day of its import, so a single undated article can make
the current year the newest one while the news still fills the year before.

A shard is re-indexed when its fingerprint changes: the fingerprint covers what Pagefind reads
from an article page (its text and metadata, as Pelican rendered them) plus the theme's
templates, so a change anywhere else in the site leaves shards alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import groupby

# Bump when the way shards are indexed changes, so every shard is rebuilt once.
FORMAT = 2
SINGLE = "all"  # the shard name when sharding is off (size 0)
TAIL = 100  # pages of the pieces of a shard still filling (at most about 0.4 s of Pagefind)


@dataclass(frozen=True)
class Page:
    """One article page as the index sees it."""

    save_as: str  # path under output/, e.g. "articles/slug/index.html"
    day: str  # publication date, "YYYY-MM-DD": shards are cut in this order
    digest: str


@dataclass(frozen=True)
class Shard:
    name: str
    pages: tuple[Page, ...]

    @property
    def first(self) -> str:
        return self.pages[0].day

    @property
    def last(self) -> str:
        return self.pages[-1].day


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return "\x1f".join(_text(item) for item in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def article_digest(article, save_as: str) -> str:
    """Everything of one article that can reach its page's indexed part."""
    digest = hashlib.sha256()
    for name, value in sorted(article.metadata.items()):
        digest.update(f"{name}\x1e{_text(value)}\x1d".encode())
    digest.update(save_as.encode() + b"\x1d")
    digest.update(article.content.encode())
    return digest.hexdigest()


def page_of(article) -> Page:
    # Pelican formats `save_as` anew at each access (40 µs); dates through a slow locale-safe
    # strftime, hence date().isoformat().
    save_as = article.save_as
    return Page(save_as, article.date.date().isoformat(), article_digest(article, save_as))


def _days(pages) -> list[list[Page]]:
    return [list(day) for _day, day in groupby(pages, key=lambda p: p.day)]


def _runs(days: list[list[Page]], size: int) -> list[list[Page]]:
    """Whole days packed greedily, in date order, into runs of at most ``size`` pages; a day
    larger than that (never seen in practice) is cut by path."""
    runs: list[list[Page]] = []
    current: list[Page] = []
    for day in days:
        if len(day) > size:
            runs += [current] if current else []
            runs += [day[start:start + size] for start in range(0, len(day), size)]
            current = []
            continue
        if current and len(current) + len(day) > size:
            runs.append(current)
            current = []
        current += day
    return runs + ([current] if current else [])


def layout(pages: list[Page], size: int) -> list[Shard]:
    """The shards of these pages, newest first; one shard named ``all`` when ``size`` is 0.

    Years are never mixed, so that inserting an old article re-cuts its year only; within a
    year, whole days are packed in date order, so appending to the newest day only ever changes
    the newest shard. A shard is named after its first day."""
    ordered = sorted(pages, key=lambda p: (p.day, p.save_as))
    if not ordered:
        return []
    if not size:
        return [Shard(SINGLE, tuple(ordered))]
    shards: list[Shard] = []
    taken: set[str] = set()
    filling = sorted({page.day[:4] for page in ordered})[-2:]
    for year, in_year in groupby(ordered, key=lambda p: p.day[:4]):
        runs = _runs(_days(in_year), size)
        if year in filling and size > TAIL:
            runs[-1:] = _runs(_days(runs[-1]), TAIL)  # the shard still filling, in pieces
        for run in runs:
            name, number = run[0].day, 1
            while name in taken:  # the later parts of a day cut by path
                number += 1
                name = f"{run[0].day}-{number}"
            taken.add(name)
            shards.append(Shard(name, tuple(run)))
    return shards[::-1]


def fingerprint(pages, common: str) -> str:
    """One shard's fingerprint: its pages and digests, plus what all shards share."""
    digest = hashlib.sha256(f"{FORMAT}\0{common}\0".encode())
    for page in pages:
        digest.update(f"{page.save_as}\0{page.digest}\n".encode())
    return digest.hexdigest()
