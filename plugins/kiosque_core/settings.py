"""One way to read Kiosque's settings: each plugin has one ``DEFAULTS`` table, merged into
Pelican's settings at ``initialized`` (names the user set win), and reads ``settings["KIOSQUE_…"]``.

Pelican keeps every receiver connected for the life of the process, so a process that builds
several sites (the tests) still has the receivers of a plugin left out of this build's
``PLUGINS``. Defaults are merged only for the plugins of this build, and a plugin's receivers
ask ``loaded`` before acting: a plugin left out does nothing, whatever ran before.
"""

from __future__ import annotations

# The core's own settings, merged when any Kiosque plugin is in the build.
CORE_DEFAULTS = {
    # processes sharing a build's work (reading, related articles, rendering); default: one per core
    "KIOSQUE_WRITE_PROCESSES": None,
    "KIOSQUE_BUILD_LOCK": True,  # one build of an output folder at a time (buildlock.py)
    "KIOSQUE_BUILD_LOCK_TIMEOUT": 600.0,  # seconds a second build waits for the first one
}


def loaded(settings: dict, plugin: str) -> bool:
    """True when ``plugin`` is one of this build's plugins (Pelican lists their names in
    ``PLUGINS`` once they are registered)."""
    return plugin in (settings.get("PLUGINS") or ())


def merge(settings: dict, plugin: str, defaults: dict) -> None:
    """At ``initialized`` (``registration.merge_defaults``), for a plugin of this build."""
    if loaded(settings, plugin):
        for name, value in defaults.items():
            settings.setdefault(name, value)


def merge_core(settings: dict) -> None:
    for name, value in CORE_DEFAULTS.items():
        settings.setdefault(name, value)


def with_defaults(settings: dict, *tables: dict) -> dict:
    """The settings with these tables' defaults and the core's, for a tool that reads them
    without a Pelican build (the import command line with ``--no-plugins``)."""
    for table in (CORE_DEFAULTS, *tables):
        for name, value in table.items():
            settings.setdefault(name, value)
    return settings


def on(settings: dict, plugin: str, name: str) -> bool:
    """True when ``plugin`` is in this build and its switch ``name`` is on."""
    return loaded(settings, plugin) and bool(settings.get(name))
