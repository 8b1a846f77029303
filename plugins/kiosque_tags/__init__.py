"""Kiosque tags: entity tags and facets with archive-wide canonical names, and holes marked."""

from .plugin import register

__all__ = ["register"]
