"""Kiosque import settings: ``KIOSQUE_*`` names in pelicanconf.py, each with a default here,
merged into Pelican's settings at ``initialized`` (``kiosque_core.registration``)."""

from __future__ import annotations

import os
from pathlib import Path

from kiosque_core.settings import with_defaults

from .pipeline import DEFAULT_BREADCRUMBS, Options
from .read import MAX_BYTES

DEFAULTS = {
    "KIOSQUE_IMPORT": True,  # import new and changed raw articles when Pelican starts
    "KIOSQUE_SEEDS": None,  # default: <PATH>/seeds
    "KIOSQUE_POSTS": None,  # default: <PATH>/posts
    "KIOSQUE_REPORT": None,  # default: .kiosque/import-report.json beside the content folder
    "KIOSQUE_CHROME_MARKERS": (),  # extra regexes for page-chrome lines of your sites
    "KIOSQUE_BREADCRUMBS": DEFAULT_BREADCRUMBS,  # regexes with a (?P<section>) group
    "KIOSQUE_SECTION_NAMES": {},  # spelling overrides, e.g. {"HIGH TECH": "High-tech"}
    "KIOSQUE_MAX_BYTES": MAX_BYTES,
    "KIOSQUE_LOCK_TIMEOUT": 60.0,  # seconds a second import waits for the first one
}


def options_from(settings: dict) -> Options:
    """The import's options; the settings of a build (defaults merged at ``initialized``) or any
    settings (the command line, the tests: the defaults are filled in here)."""
    settings = with_defaults(settings, DEFAULTS)
    content = Path(settings.get("PATH") or "content")
    return Options(
        seeds=Path(settings["KIOSQUE_SEEDS"] or content / "seeds"),
        posts=Path(settings["KIOSQUE_POSTS"] or content / "posts"),
        report=Path(settings["KIOSQUE_REPORT"] or content.parent / ".kiosque" / "import-report.json"),
        markers=tuple(settings["KIOSQUE_CHROME_MARKERS"]),
        breadcrumbs=tuple(settings["KIOSQUE_BREADCRUMBS"]),
        section_names=dict(settings["KIOSQUE_SECTION_NAMES"]),
        max_bytes=int(settings["KIOSQUE_MAX_BYTES"]),
        lock_timeout=float(settings["KIOSQUE_LOCK_TIMEOUT"]),
        progress=None if os.environ.get("KIOSQUE_PROGRESS") is None else os.environ["KIOSQUE_PROGRESS"] == "1",
        settings=settings,
    )
