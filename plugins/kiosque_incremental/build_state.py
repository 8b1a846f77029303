"""What kiosque_incremental carries from one hook of a build to the next, in the build's
``kiosque_core.builds.Build`` (one object per build, nothing left for the next build)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from kiosque_core import builds

NAME = "kiosque_incremental"
log = logging.getLogger(__name__)


@dataclass
class IncrementalBuild:
    on: bool = False  # KIOSQUE_INCREMENTAL on and Pelican's patches installed for this build
    urls_frozen: bool = False  # the generators are done: URLs are computed once per object
    relative_paths: dict[tuple[str, str], str | None] = field(default_factory=dict)
    # Posts read ahead by every core, by absolute path, until Pelican's reader asks for them.
    ahead: dict[str, tuple] = field(default_factory=dict)
    saving: list[tuple[int, str]] = field(default_factory=list)  # caches being saved: (pid, path)

    def wait_for_saves(self) -> None:
        """Wait for the caches being saved by forked processes."""
        while self.saving:
            pid, path = self.saving.pop()
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:  # not this process's child (a forked copy of the state)
                continue
            if os.waitstatus_to_exitcode(status) != 0:
                log.warning("Could not save cache %s: the process saving it failed", path)

    close = wait_for_saves


def state() -> IncrementalBuild:
    return builds.current().part(NAME, IncrementalBuild)
