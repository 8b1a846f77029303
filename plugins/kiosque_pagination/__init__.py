"""Kiosque stable pagination: list pages cut where their articles say (content-defined chunks,
named by the day they start), so that a page keeps its articles and its URL as the archive grows.
A theme and URL decision: active whether incremental builds are on or not."""

import sys
from pathlib import Path

# Pelican does not make the plugins beside this one importable: kiosque_core is, whatever PLUGINS holds.
sys.path.extend({str(Path(__file__).resolve().parent.parent)} - set(sys.path))

from .plugin import register  # noqa: E402

__all__ = ["register"]
