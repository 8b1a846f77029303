"""What kiosque_incremental carries from one hook of a build to the next, in the build's
``kiosque_core.builds.Build`` (one object per build, nothing left for the next build)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosque_core import builds

NAME = "kiosque_incremental"


@dataclass
class IncrementalBuild:
    on: bool = False  # KIOSQUE_INCREMENTAL on and Pelican's patches installed for this build
    urls_frozen: bool = False  # the generators are done: URLs are computed once per object
    relative_paths: dict[tuple[str, str], str | None] = field(default_factory=dict)
    # Posts read ahead by every core, by absolute path, until Pelican's reader asks for them.
    ahead: dict[str, tuple] = field(default_factory=dict)


def state() -> IncrementalBuild:
    return builds.current().part(NAME, IncrementalBuild)
