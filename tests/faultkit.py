"""Helpers for the fault tests: run the import or a build as a separate process, kill it, and
fingerprint folders to compare them byte for byte."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "PYTHONUNBUFFERED": "1"}


def digest(folder: Path, skip: tuple[str, ...] = (".import.lock",)) -> dict[str, str]:
    """Relative path -> sha256 of every file under ``folder``."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file() and path.name not in skip
    }


def import_command(seeds: Path, posts: Path, report: Path, settings: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "kiosque_import", "--seeds", str(seeds), "--posts", str(posts),
               "--report", str(report), "--no-plugins"]
    return command + (["--settings", str(settings)] if settings else [])


def build_command(root: Path, *settings: str) -> list[str]:
    """``make site`` for a site under ``root`` (content/, output/, cache/), with extra -e settings."""
    extra = [f'CACHE_PATH="{root / "cache"}"', f'KIOSQUE_REPORT="{root / ".kiosque" / "report.json"}"',
             *settings]
    return [sys.executable, "-m", "pelican", str(root / "content"), "-s", str(ROOT / "pelicanconf.py"),
            "-o", str(root / "output"), "-e", *extra]


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, env=kwargs.pop("env", ENV), capture_output=True, text=True,
                          timeout=600, **kwargs)


def start(command: list[str], env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=env or ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
