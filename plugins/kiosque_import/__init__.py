"""Kiosque import: raw scraped news articles become clean Markdown posts for Pelican."""

from .plugin import register

__all__ = ["register"]
