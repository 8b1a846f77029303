"""The data shape the plugins share (docs/architecture.md, « Entity and story data shape »), for a
plugin that reads what another one wrote without importing it."""

from __future__ import annotations

from pathlib import Path

# An entity facet's metadata field (kiosque_tags writes it) -> the article attribute holding its
# terms (kiosque_theme sets it at ``article_generator_finalized``).
FACET_TERMS = {"people": "people_terms", "places": "place_terms", "organizations": "organization_terms"}


def split(value) -> list[str]:
    """A metadata list (« A, B » as the posts write it, or a list) as names."""
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(",") if part.strip()]


def is_redirect(path: Path | str) -> bool:
    """A redirect page of a renamed tag (kiosque_tags writes them): no page of its own, kept out
    of sitemaps (kiosque_theme)."""
    with open(path, "rb") as page:  # its head only: the sitemap asks this of every page
        return b'http-equiv="refresh"' in page.read(600)
