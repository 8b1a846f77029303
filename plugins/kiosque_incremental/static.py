"""Theme files (CSS, JS) are copied on every build by Pelican, which gives them a new mtime and
makes a sync upload them again. Copy a file only when its bytes differ from the copy in place."""

from __future__ import annotations

import filecmp

from kiosque_core.pelican_compat import ORIGINAL

_pelican_copy_file = ORIGINAL["utils.copy_file"]


def copy_file_if_changed(source: str, destination: str) -> None:
    try:
        if filecmp.cmp(source, destination, shallow=False):
            return
    except OSError:
        pass  # no copy yet
    _pelican_copy_file(source, destination)

