"""The data shape the plugins share (docs/architecture.md, « Entity and story data shape »), for a
plugin that reads what another one wrote without importing it."""

from __future__ import annotations

# An entity facet's metadata field (kiosque_tags writes it) -> the article attribute holding its
# terms (kiosque_theme sets it at ``article_generator_finalized``).
FACET_TERMS = {"people": "people_terms", "places": "place_terms", "organizations": "organization_terms"}


def split(value) -> list[str]:
    """A metadata list (« A, B » as the posts write it, or a list) as names."""
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(",") if part.strip()]
