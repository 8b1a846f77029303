"""Readable, ASCII, unique and stable slugs (they become file names and URLs)."""

from __future__ import annotations

from slugify import slugify

MAX_LENGTH = 80
# Names some file systems or hosts refuse or treat specially.
_RESERVED = {
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3",
    "index", "feeds", "tags", "tag", "categories", "category", "archives", "auteurs",
    "author", "authors", "pagefind", "theme", "recherche", "page", "drafts", "static",
}


def base_slug(title: str, raw_hash: str) -> str:
    slug = slugify(
        title, max_length=MAX_LENGTH, word_boundary=True, save_order=True, replacements=[["’", "-"]]
    )
    if not slug:
        return f"article-{raw_hash[:10]}"
    if slug in _RESERVED:
        return f"{slug}-{raw_hash[:6]}"
    return slug


def unique_slug(base: str, taken: set[str]) -> str:
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug
