"""The record that travels through the import, one per raw article."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Block:
    """One piece of body text: a paragraph, a sub-heading or a list item."""

    kind: str  # "p", "h" or "li"
    text: str


@dataclass
class Article:
    source: str  # raw file name, e.g. "000_9e9c1d13546101e7.txt"
    raw_hash: str = ""
    text: str = ""
    lines: list[str] = field(default_factory=list)
    kicker: str = ""
    title: str = ""
    authors: list[str] = field(default_factory=list)  # as the byline writes them
    credit: str = ""  # « Source BFMTV »: credited, not an author
    date: datetime | None = None
    modified: datetime | None = None  # the byline's « mis à jour »
    date_estimated: bool = False
    sections: list[str] = field(default_factory=list)
    lede: str = ""
    blocks: list[Block] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)  # lines dropped as page chrome
    slug: str = ""
    tags: list[str] = field(default_factory=list)
    # Filled by enrichers connected to the ``articles_parsed`` signal (kiosque_tags).
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    gaps: int = 0
    repairs: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # further metadata, written as is
    text_key: str = ""  # sametext.text_key, set by the import (republished.py)

    @property
    def author(self) -> str:
        """The first author (enrichers keep the byline's name out of the tags)."""
        return self.authors[0] if self.authors else ""

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "p"]


class Refused(Exception):
    """A raw file that cannot become a post; the message says why, for the user."""


# Placeholder an enricher leaves in text where the scraper dropped words; the post writer turns
# it into a styled mark. It is a private-use character, which decoding strips from input.
GAP = "\ue000"
