"""The registry between the chunks of an import and the build that follows: the one each chunk
leaves (saved only once the chunk's posts are written), and the one last saved, so that neither
the next chunk nor the build reads back the file this process just wrote.

A chunk's registry is written (« staged ») before the import's manifest records the chunk, and
takes the registry's place once it has: a run killed between the two finds it on its next start
and keeps it if the manifest was saved since (the chunk is recorded, it will not be imported
again), drops it otherwise (the chunk will be, against the registry it first saw)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from kiosque_core import builds
from kiosque_import import manifest

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
    # The file each pending registry is staged in, until ``save_registry`` puts it in place.
    staged: dict[Path, Path] = field(default_factory=dict)


def state() -> TagsBuild:
    return builds.current().part("kiosque_tags", TagsBuild)


def current(path: Path, posts: Path | None = None) -> Registry:
    """The registry a chunk starts from: the previous chunk's, the one saved, or the file's (once
    what a killed run staged there is settled)."""
    found = state().pending.get(path) or _saved(path)
    if found is None:
        if posts is not None:
            recover(path, posts)
        found = Registry.load(path)
    return found


def stage(path: Path, registry: Registry, posts: Path | None) -> None:
    """The registry a chunk left, to be saved once its posts are recorded; on disk already when
    the chunk has a manifest to be recorded in (an import), under a name that says which manifest
    it saw."""
    state().pending[path] = registry
    if posts is not None:
        staged = _staged_path(path, Path(posts))
        registry.save(staged)
        state().staged[path] = staged


def save_registry(settings: dict, posts: Path | None = None) -> None:
    """``articles_written``: the chunk's posts and the manifest are on disk, its registry is saved."""
    path = registry_path(settings or {}, posts)
    registry = state().pending.pop(path, None)
    if registry is not None:
        staged = state().staged.pop(path, None)
        if staged is not None:
            os.replace(staged, path)
        else:
            registry.save(path)
        state().saved[path] = (_stamp(path), registry)


def recover(path: Path, posts: Path) -> None:
    """What a run killed between staging a registry and saving it left: the registry, when the
    manifest changed since it was staged (it recorded the chunk); nothing otherwise."""
    prefix = f".{path.name}."
    try:
        names = [name for name in os.listdir(path.parent) if name.startswith(prefix) and name.endswith(".staged")]
    except FileNotFoundError:
        return
    unchanged = _staged_path(path, Path(posts)).name
    for name in names:
        staged = path.parent / name
        if name == unchanged:
            staged.unlink(missing_ok=True)
        else:
            os.replace(staged, path)


def _staged_path(path: Path, posts: Path) -> Path:
    """Where a registry is staged while the manifest is as it is now: a saved manifest is a new
    file (written aside, then renamed), so its stamp changes."""
    seen = hashlib.sha256(repr(_stamp(posts / manifest.NAME)).encode()).hexdigest()[:16]
    return path.with_name(f".{path.name}.{seen}.staged")


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
