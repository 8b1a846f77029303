"""The registry between the chunks of an import and the build that follows: the one each chunk
leaves (saved only once the chunk's posts are written), and the one last saved, so that neither
the next chunk nor the build reads back the file this process just wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosque_core import builds

from .registry import Registry
from .settings import registry_path


@dataclass
class TagsBuild:
    """What kiosque_tags carries through a build (its import, then its pages), in the build's
    ``kiosque_core.builds.Build``, by registry path."""

    # The registry each chunk left, to be saved once its posts are on disk (``save_registry``).
    pending: dict[Path, Registry] = field(default_factory=dict)
    # The registry as last saved, with the file's stamp: the next chunk of the import goes on
    # with it rather than reading back what it just wrote (seconds per chunk once the archive is big).
    saved: dict[Path, tuple[tuple, Registry]] = field(default_factory=dict)
    # The model started on the next chunk while the current one is written (ahead.py).
    ahead: dict[Path, object] = field(default_factory=dict)


def state() -> TagsBuild:
    return builds.current().part("kiosque_tags", TagsBuild)


def current(path: Path) -> Registry:
    """The registry a chunk starts from: the previous chunk's, the one saved, or the file's."""
    return state().pending.get(path) or _saved(path) or Registry.load(path)


def save_registry(settings: dict, posts: Path | None = None) -> None:
    path = registry_path(settings or {}, posts)
    registry = state().pending.pop(path, None)
    if registry is not None:
        registry.save(path)
        state().saved[path] = (_stamp(path), registry)


def registry_for_build(path: Path) -> Registry:
    """The registry the file holds: the one this process saved last when the file is still the
    one it wrote (same inode, size and time, whatever the path's spelling), else read. The build
    right after an import would otherwise parse and index it again (0.8 s at 10,000 articles)."""
    stamp = _stamp(path)
    for saved_stamp, registry in state().saved.values():
        if stamp is not None and saved_stamp == stamp:
            return registry
    return Registry.load(path)


def _saved(path: Path) -> Registry | None:
    """The registry this process saved last, unless the file changed since."""
    stamp, registry = state().saved.pop(path, (None, None))
    return registry if stamp is not None and stamp == _stamp(path) else None


def _stamp(path: Path) -> tuple | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns
