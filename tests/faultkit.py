"""Helpers for the fault tests: run the import or a build as a separate process, kill it, and
fingerprint folders to compare them byte for byte."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import time
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


KILLPOINT = Path(__file__).with_name("killpoint.py")


def kill_at(point: str, command: list[str], marker: Path, timeout: float = 600) -> bool:
    """Run ``command`` (``python -m MODULE …``) until it stops at ``point`` (``killpoint.py``:
    ``before:.md:3`` is just before the third post is renamed into place), then kill -9 its whole
    process group there. Returns whether it got there; False when it ended first. The test waits
    for a state it can see (the marker file, then the process stopped), never a guessed delay."""
    marker.unlink(missing_ok=True)
    with open(marker.with_suffix(".log"), "wb") as log:
        process = subprocess.Popen([command[0], str(KILLPOINT), point, str(marker), *command[1:]], cwd=ROOT,
                                   env=ENV, stdout=log, stderr=log, start_new_session=True)
    deadline = time.monotonic() + timeout
    try:
        while not marker.exists():
            if process.poll() is not None:
                return False
            assert time.monotonic() < deadline, f"{point}: neither reached nor ended in {timeout} s"
            time.sleep(0.01)
        stopped = int(marker.read_text(encoding="utf-8"))
        while _state(stopped) not in ("T", None):
            assert time.monotonic() < deadline, f"{point}: process {stopped} did not stop"
            time.sleep(0.001)
        return True
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _state(pid: int) -> str | None:
    """The state letter of /proc/PID/stat (T: stopped), None once the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None
