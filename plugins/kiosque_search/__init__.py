"""Kiosque search: a Pagefind index of the article pages, written on every Pelican build."""

import sys
from pathlib import Path

# Pelican does not make the plugins beside this one importable: kiosque_core is, whatever PLUGINS holds.
sys.path.extend({str(Path(__file__).resolve().parent.parent)} - set(sys.path))

from .plugin import register  # noqa: E402

__all__ = ["register"]
