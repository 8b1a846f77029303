"""One way to read Kiosque's settings: each plugin has one ``DEFAULTS`` table, merged into
Pelican's settings at ``initialized`` (names the user set win), and reads ``settings["KIOSQUE_…"]``.

Pelican keeps every receiver connected for the life of the process, so a process that builds
several sites (the tests) still has the receivers of a plugin left out of this build's
``PLUGINS``. Defaults are merged only for the plugins of this build, and a plugin's receivers
ask ``loaded`` before acting: a plugin left out does nothing, whatever ran before.
"""

from __future__ import annotations


def loaded(settings: dict, plugin: str) -> bool:
    """True when ``plugin`` is one of this build's plugins (Pelican lists their names in
    ``PLUGINS`` once they are registered)."""
    return plugin in (settings.get("PLUGINS") or ())


def merge(settings: dict, plugin: str, defaults: dict) -> None:
    """At ``initialized`` (each plugin connects a module-level function calling this: blinker
    holds receivers weakly)."""
    if loaded(settings, plugin):
        for name, value in defaults.items():
            settings.setdefault(name, value)


def on(settings: dict, plugin: str, name: str) -> bool:
    """True when ``plugin`` is in this build and its switch ``name`` is on."""
    return loaded(settings, plugin) and bool(settings.get(name))
