"""Stories: the versions of one article grouped, so that lists show a story once (issue #18)."""

import sys
from pathlib import Path

# Pelican does not make the plugins beside this one importable: kiosque_core is, whatever PLUGINS holds.
sys.path.extend({str(Path(__file__).resolve().parent.parent)} - set(sys.path))

from .plugin import register  # noqa: E402

__all__ = ["register"]
