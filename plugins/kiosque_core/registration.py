"""What every Kiosque plugin does first in its ``register()``: ``kiosque_core.registration.
register(NAME, DEFAULTS)``. Connected once however many Kiosque plugins call it (blinker connects
a function once), and before the plugin's own receivers, so that whichever plugins are loaded,
in whatever order, each build:

1. starts its build state (``builds.begin``),
2. takes the build lock (``buildlock``: held from ``initialized``, before the import, to the end
   of ``finalized``, after the search index),
3. merges the defaults of the Kiosque plugins it loads, and the core's, into its settings
   (``settings.merge``), so that every plugin reads ``settings["KIOSQUE_…"]``.
"""

from __future__ import annotations

from pelican import signals

from . import buildlock, builds
from . import settings as kiosque_settings

# Each Kiosque plugin's defaults, by plugin name, as its register() gave them.
_DEFAULTS: dict[str, dict] = {}


def merge_defaults(pelican) -> None:
    """``initialized``: the defaults of this build's Kiosque plugins, and the core's when one is."""
    settings = pelican.settings
    loaded = [name for name in _DEFAULTS if kiosque_settings.loaded(settings, name)]
    for name in loaded:
        kiosque_settings.merge(settings, name, _DEFAULTS[name])
    if loaded:
        kiosque_settings.merge_core(settings)


def register(plugin: str, defaults: dict) -> None:
    _DEFAULTS[plugin] = defaults
    signals.initialized.connect(builds.begin)
    signals.initialized.connect(merge_defaults)
    buildlock.register()
