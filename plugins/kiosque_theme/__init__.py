"""Kiosque's theme support: French dates, sections and entity facets as pages, neighbours and
related articles, and the site files (404, robots.txt, sitemap.xml, term indexes by count)."""

from .plugin import register

__all__ = ["register"]
