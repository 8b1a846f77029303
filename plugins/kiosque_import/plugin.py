"""Pelican hooks: import raw articles when Pelican starts, so `pelican` alone does it."""

from __future__ import annotations

import logging

from kiosque_core import registration
from kiosque_core import settings as kiosque_core_settings
from pelican import signals

from . import settings as kiosque_settings
from .pipeline import run_import

log = logging.getLogger(__name__)


def import_on_start(pelican) -> None:
    if not kiosque_core_settings.on(pelican.settings, "kiosque_import", "KIOSQUE_IMPORT"):
        return
    options = kiosque_settings.options_from(pelican.settings)
    if not options.seeds.is_dir():
        log.info("Kiosque: no raw-article folder at %s, nothing to import", options.seeds)
        return
    report = run_import(options)
    # The one-screen summary is the import's answer to the user, at any log level.
    print(report.summary(), flush=True)


def register() -> None:
    registration.register("kiosque_import", kiosque_settings.DEFAULTS)  # first: build lock, defaults
    signals.initialized.connect(import_on_start)
