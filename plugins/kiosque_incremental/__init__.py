"""Kiosque incremental rebuilds: pages whose inputs did not change are neither rendered nor
rewritten, and the pages that did change are rendered on every core."""

import sys
from pathlib import Path

# Pelican does not make the plugins beside this one importable: kiosque_core is, whatever PLUGINS holds.
sys.path.extend({str(Path(__file__).resolve().parent.parent)} - set(sys.path))

from .plugin import register  # noqa: E402

__all__ = ["register"]
