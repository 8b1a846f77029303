"""Small helpers for import tests: run an import into temp folders, read posts back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from kiosque_core.signals import articles_ahead, articles_parsed, articles_written, import_started
from kiosque_import.pipeline import Options, run_import

TODAY = date(2026, 1, 15)


def run(seeds: Path, posts: Path, **kwargs):
    """The import alone: enrichers another test connected in this process stay silent."""
    options = Options(seeds=seeds, posts=posts, report=posts.parent / "report.json", today=TODAY,
                      progress=False, **kwargs)
    with import_started.muted(), articles_parsed.muted(), articles_ahead.muted(), articles_written.muted():
        return run_import(options)


def import_all(seeds: Path, root: Path, count: int) -> dict[str, Path]:
    """Every raw file of ``seeds`` imported into ``root/posts`` (all ``count`` of them, none
    refused): raw file name → its post."""
    report = run(seeds, root / "posts")
    assert len(report.new) == count and not report.refused
    entries = json.loads((root / "posts" / "manifest.json").read_text())["articles"]
    return {source: root / "posts" / entry["post"] for source, entry in entries.items()}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and mtime, to prove a run changed nothing."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def read_meta(post: Path) -> dict[str, str]:
    head = post.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def body(post: Path) -> str:
    return post.read_text(encoding="utf-8").split("\n\n", 1)[1]
