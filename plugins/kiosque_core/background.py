"""Saving in the background: a cache is pickled and written by a forked process, from its copy
of the objects as they were at that moment, while the build goes on on its one core. The build
waits for its savers at its end (``wait_for_saves`` at ``finalized``) or, if it failed before,
when the next build begins (the savers are part of the build's state)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from . import builds

log = logging.getLogger(__name__)


@dataclass
class Savers:
    running: list[tuple[int, str]] = field(default_factory=list)  # (pid, what it saves)

    def wait(self) -> None:
        while self.running:
            pid, what = self.running.pop()
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:  # not this process's child (a forked copy of the state)
                continue
            if os.waitstatus_to_exitcode(status) != 0:
                log.warning("Could not save %s: the process saving it failed", what)

    close = wait


def savers() -> Savers:
    return builds.current().part("kiosque_core.background", Savers)


def save(what: str, work, *args) -> None:
    """``work(*args)`` in a forked process (here, where the system cannot fork); a ``work`` that
    returns False has failed (it says why itself)."""
    if not hasattr(os, "fork"):
        work(*args)
        return
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = 1 if work(*args) is False else 0
        finally:
            # Never return into Pelican's run in the child, nor run its exit handlers.
            os._exit(code)
    savers().running.append((pid, what))


def wait_for_saves(*_args) -> None:
    """``finalized``: what this build saves in the background is on disk before it ends."""
    savers().wait()
