"""Batch import from the command line: ``python -m kiosque_import --seeds DIR --posts DIR``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from . import settings as kiosque_settings
from .importlock import ImportLocked
from .pipeline import run_import


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosque-import", description=__doc__)
    parser.add_argument("--seeds", type=Path, help="folder of raw .txt articles (default: content/seeds)")
    parser.add_argument("--posts", type=Path, help="folder of Markdown posts (default: content/posts)")
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"),
                        help="Pelican settings whose KIOSQUE_* values and plugins apply (if present)")
    parser.add_argument("--report", type=Path, help="JSON report path (default: .kiosque/import-report.json)")
    parser.add_argument("--no-plugins", action="store_true", help="skip enrichers such as kiosque_tags")
    args = parser.parse_args(argv)

    settings = _settings(args)
    options = kiosque_settings.options_from(settings)
    options.seeds = args.seeds or options.seeds
    options.posts = args.posts or options.posts
    options.report = args.report or options.report
    try:
        report = run_import(options)
    except (ImportLocked, FileNotFoundError, RuntimeError, OSError) as exc:
        print(f"kiosque-import: {exc}", file=sys.stderr)
        return 2
    print(report.summary())
    print(f"  report: {options.report}")
    return 0


def _settings(args) -> dict:
    override = {"KIOSQUE_IMPORT": False, "KIOSQUE_BUILD_LOCK": False}
    path = str(args.settings) if args.settings.exists() else None
    if args.no_plugins:
        override["PLUGINS"] = []
    settings = read_settings(path, override=override)
    if not args.no_plugins and settings.get("PLUGINS"):
        # Pelican's constructor loads and registers the plugins, as a build would.
        cwd = os.getcwd()
        Pelican(settings)
        os.chdir(cwd)
    return settings


if __name__ == "__main__":
    sys.exit(main())
