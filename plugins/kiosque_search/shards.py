"""Which articles go into which index shard, and a fingerprint of what each shard indexes.

Articles are split into stable shards (by publication year by default) so that adding one
article re-indexes only its shard; the search page merges the shards in the browser
(Pagefind's ``mergeIndex``). A shard is re-indexed when its fingerprint changes: the fingerprint
covers what Pagefind reads from an article page (its text and metadata, as Pelican rendered
them) plus the theme's templates, so a change anywhere else in the site leaves shards alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

# Bump when the way shards are indexed changes, so every shard is rebuilt once.
FORMAT = 1
SINGLE = "all"  # the shard name when sharding is off


@dataclass(frozen=True)
class Page:
    """One article page as the index sees it."""

    save_as: str  # path under output/, e.g. "slug.html"
    shard: str
    digest: str


def shard_of(article, shard_by: str | None) -> str:
    if shard_by == "year":
        return f"{article.date:%Y}"
    if shard_by in (None, "", "none"):
        return SINGLE
    raise ValueError(f"KIOSQUE_SEARCH_SHARD_BY: unknown value {shard_by!r} (use 'year' or None)")


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return "\x1f".join(_text(item) for item in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def article_digest(article) -> str:
    """Everything of one article that can reach its page's indexed part."""
    digest = hashlib.sha256()
    for name, value in sorted(article.metadata.items()):
        digest.update(f"{name}\x1e{_text(value)}\x1d".encode())
    digest.update(article.save_as.encode() + b"\x1d")
    digest.update(article.content.encode())
    return digest.hexdigest()


def page_of(article, shard_by: str | None) -> Page:
    return Page(article.save_as, shard_of(article, shard_by), article_digest(article))


def templates_digest(theme: str | Path) -> str:
    digest = hashlib.sha256()
    templates = Path(theme) / "templates"
    for path in sorted(templates.rglob("*")) if templates.is_dir() else ():
        if path.is_file():
            digest.update(str(path.relative_to(templates)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def group(pages: list[Page]) -> dict[str, list[Page]]:
    shards: dict[str, list[Page]] = {}
    for page in sorted(pages, key=lambda p: p.save_as):
        shards.setdefault(page.shard, []).append(page)
    return shards


def fingerprint(pages: list[Page], common: str) -> str:
    """One shard's fingerprint: its pages and digests, plus what all shards share."""
    digest = hashlib.sha256(f"{FORMAT}\0{common}\0".encode())
    for page in pages:
        digest.update(f"{page.save_as}\0{page.digest}\n".encode())
    return digest.hexdigest()


def order(keys) -> list[str]:
    """Newest shard first: it is the primary index the search page loads before merging the rest."""
    return sorted(keys, reverse=True)
