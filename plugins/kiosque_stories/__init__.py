"""Stories: the versions of one article grouped, so that lists show a story once (issue #18)."""

from .plugin import register

__all__ = ["register"]
