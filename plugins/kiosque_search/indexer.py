"""Run Pagefind on one shard: the shard's article pages only, into its own bundle folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

# The bundle's ready-made UIs: the search page uses its own script, so they are not published.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


class IndexingFailed(RuntimeError):
    pass


@dataclass
class Indexed:
    pages: int
    files: int
    bytes: int


def executable() -> str:
    """The Pagefind binary shipped by the ``pagefind[bin]`` wheel, else one on PATH."""
    try:
        from pagefind_bin import get_executable

        return str(get_executable())
    except (ImportError, FileNotFoundError):
        found = shutil.which("pagefind")
        if not found:
            raise IndexingFailed("Pagefind is not installed: pip install 'pagefind[bin]'") from None
        return found


def stage(output: Path, save_as: list[str], stage_dir: Path) -> None:
    """A copy of the shard's pages at their output paths (hard links when possible), because
    Pagefind indexes a folder: this way it reads nothing but these articles."""
    shutil.rmtree(stage_dir, ignore_errors=True)
    for relative in save_as:
        source, target = output / relative, stage_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


def run_pagefind(site: Path, bundle: Path, language: str) -> None:
    command = [executable(), "--site", str(site), "--output-path", str(bundle),
               "--force-language", language, "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise IndexingFailed(f"Pagefind failed ({done.returncode}): {done.stdout}{done.stderr}".strip())


def bundle_size(bundle: Path) -> tuple[int, int]:
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def index_shard(output: Path, save_as: list[str], bundle: Path, work: Path, language: str) -> Indexed:
    """Index the pages ``save_as`` (paths under ``output``) into ``bundle``, replaced at the end
    so a failure leaves the previous bundle in place."""
    site, fresh = work / "site", work / "bundle"
    stage(output, save_as, site)
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        run_pagefind(site, fresh, language)
    finally:
        shutil.rmtree(site, ignore_errors=True)
    for name in UNUSED_FILES:
        (fresh / name).unlink(missing_ok=True)
    shutil.rmtree(bundle, ignore_errors=True)
    bundle.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(fresh), str(bundle))
    files, size = bundle_size(bundle)
    return Indexed(len(save_as), files, size)
