"""Kiosque search: a Pagefind index of the article pages, written on every Pelican build."""

from .plugin import register

__all__ = ["register"]
