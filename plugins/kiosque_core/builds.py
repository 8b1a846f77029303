"""Build state: one object per build, not module globals.

Pelican builds one site per ``Pelican.run()``, and a process may build several (the tests do).
What a plugin must carry from one hook of a build to the next (posts read ahead, caches being
saved, the search pages noted, URL memos) lives in that build's ``Build``, under the plugin's
name, so that nothing of one build leaks into the next and nothing grows from build to build.

``begin`` (at Pelican's ``initialized``) starts a new build and closes the one before it: a
build that failed before its end may have left work running (a cache being saved, an index
being built) that must end before the next build touches the same files.
"""

from __future__ import annotations

import atexit
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


@dataclass
class Build:
    settings: dict = field(default_factory=dict)
    parts: dict[str, object] = field(default_factory=dict)  # plugin name -> its state
    # The plugin whose writer this build uses, when one said so at ``initialized`` (before
    # Pelican's ``get_writer``): other plugins then return no writer of their own.
    writer: str | None = None

    def part(self, name: str, kind: type[T]) -> T:
        """The state ``name`` keeps for this build, made by ``kind()`` on first use."""
        state = self.parts.get(name)
        if state is None:
            state = self.parts[name] = kind()
        return state

    def close(self) -> None:
        """Let every part finish what it left running (``close()``, when it has one)."""
        parts, self.parts = self.parts, {}
        for state in parts.values():
            close = getattr(state, "close", None)
            if close is not None:
                close()


_current = Build()  # the build in progress (or the last one); the only module-level state


def begin(pelican) -> Build:
    """``initialized``: a new build for these settings; the previous one is closed first.
    Every plugin connects this same function (blinker connects it once)."""
    global _current
    _current.close()
    _current = Build(pelican.settings)
    return _current


def current() -> Build:
    return _current


def close_current(*_args) -> None:
    """At exit (and when a build wants its work done): finish what the current build started."""
    _current.close()


atexit.register(close_current)  # what the last build left running ends before the process does
