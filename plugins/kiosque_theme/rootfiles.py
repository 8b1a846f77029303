"""Files the theme puts at the root of the site as they are (``<THEME>/root/``): browsers ask
for ``/favicon.ico`` whatever a page links, and a missing one is a console error on every page.
Copied only when the bytes differ, so a rebuild leaves them (and their mtimes) alone."""

from __future__ import annotations

import os
from pathlib import Path

from kiosque_core.storage import write_atomic

FOLDER = "root"


def copy_root_files(theme: str | Path, output: str | Path) -> list[str]:
    """Copy the files of ``<theme>/root/`` to the output root; returns the names written."""
    source = Path(theme) / FOLDER
    if not source.is_dir():
        return []
    written = []
    for name in sorted(os.listdir(source)):
        data = (source / name).read_bytes() if (source / name).is_file() else None
        target = Path(output) / name
        if data is None or (target.is_file() and target.read_bytes() == data):
            continue
        write_atomic(target, data, durable=False)
        written.append(name)
    return written
