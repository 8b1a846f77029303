"""The import's first step: which raw files to convert, and why the others are not.

Each raw file is checked against the manifest and its post (new, changed, restored, edited by
hand, a duplicate, refused), reading a file only when its stamp does not vouch for its hash.
Apart from ``pipeline`` because it decides and converts nothing: it only reads the seeds and the
posts and returns the work to do, with the refusals and skips recorded in the report.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from tqdm import tqdm

from . import manifest, stamps
from .article import Refused
from .read import confined, read_raw

if TYPE_CHECKING:
    from pathlib import Path

    from .pipeline import Options
    from .report import Report
    from .stamps import Stamps

log = logging.getLogger(__name__)


def raw_names(seeds: Path) -> list[str]:
    """The raw files' names (what ``seeds.glob("*.txt")`` finds), sorted. Plain strings: a Path
    object per file cost a third of an import where nothing changed."""
    return sorted(name for name in os.listdir(seeds) if name.endswith(".txt"))


def plan(seeds: Path, posts: Path, names: list[str], entries: dict, report: Report, options: Options,
         known: Stamps, converter: int):
    """Decide for each raw file: convert it, or say why not. Returns [(name, bytes, hash, reason)].

    A raw file or post whose stamp did not change since it was hashed is not read (``stamps``).
    Paths are strings joined once per file, as ``str(folder / name)`` would spell them.
    ``converter``: the import's CONVERTER; a post an older one made is converted again."""
    by_hash = {entry.raw_hash: source for source, entry in entries.items()}
    todo = []
    raw_dir, raw_key = _folder(seeds)
    real_seeds = os.path.realpath(seeds)
    post_dir, post_key = _folder(posts)
    for name in tqdm(names, desc="reading", unit="file", disable=no_bar(options), leave=False):
        path, key = raw_dir + name, raw_key + name
        entry = entries.get(name)
        try:
            # A file never converted is read whatever its stamp: it may be a duplicate to report.
            data, raw_hash = _raw(path, key, real_seeds, options, known, need_bytes=entry is None)
        except Refused as exc:
            refuse(report, path, str(exc))
            continue
        except OSError as exc:
            refuse(report, path, f"unreadable ({exc.strerror or exc})")
            continue
        if entry is None:
            if raw_hash in by_hash:
                report.duplicates.append({"file": name, "same_as": by_hash[raw_hash]})
                continue
            by_hash[raw_hash] = name
            todo.append((name, data, raw_hash, "new"))
            continue
        post_path = post_dir + entry.post
        post_hash = post_hash_on_disk(post_path, post_key + entry.post, known)
        hand_edited = post_hash is not None and post_hash != entry.post_hash
        raw_changed = entry.raw_hash != raw_hash
        if post_hash is None:
            reason = "restored"
        elif hand_edited and raw_changed:
            report.conflicts.append(name)
            log.warning("%s: raw file changed after %s was edited by hand; post kept", path, post_path)
            continue
        elif hand_edited:
            report.hand_edits_kept.append(name)
            continue
        elif raw_changed or entry.converter != converter:
            reason = "changed"
        else:
            report.unchanged += 1
            continue
        try:
            if data is None:
                data, raw_hash = _raw(path, key, real_seeds, options, known, need_bytes=True)
        except (Refused, OSError) as exc:
            refuse(report, path, str(exc))
            continue
        todo.append((name, data, raw_hash, reason))
    known.keep_only([raw_key + name for name in names] + [post_key + e.post for e in entries.values()])
    return todo


def _folder(folder: Path) -> tuple[str, str]:
    """The prefixes that make a file name of ``folder`` its path and its stamps key."""
    return f"{folder}{os.sep}", f"{folder.absolute()}{os.sep}"


def stamps_key(path: Path) -> str:
    return str(path.absolute())


def _raw(path: str, key: str, real_seeds: str, options: Options, known: Stamps,
         need_bytes: bool) -> tuple[bytes | None, str]:
    """The raw file's bytes (None when not needed and its stamp vouches for its hash) and hash.
    Refused, unread, when it leads outside the seeds folder (``real_seeds``, its real path)."""
    path = confined(path, real_seeds)
    current = stamps.stamp(path)
    if not need_bytes:
        raw_hash = known.known_hash(key, current)
        if raw_hash is not None:
            return None, raw_hash
    data = read_raw(path, options.max_bytes)
    raw_hash = manifest.text_hash(data)
    known.record(key, current, raw_hash)
    return data, raw_hash


def post_hash_on_disk(post_path: str | Path, key: str, known: Stamps) -> str | None:
    """The post's hash as it is on disk, None when it is missing."""
    try:
        current = stamps.stamp(post_path)
    except FileNotFoundError:
        return None
    post_hash = known.known_hash(key, current)
    if post_hash is None:
        try:
            with open(post_path, "rb") as handle:
                post_hash = manifest.text_hash(handle.read())
        except FileNotFoundError:
            return None
        known.record(key, current, post_hash)
    return post_hash


def refuse(report: Report, path: str, reason: str) -> None:
    report.refuse(os.path.basename(path), reason)
    log.warning("%s: refused: %s", path, reason)


def no_bar(options: Options) -> bool | None:
    return None if options.progress is None else not options.progress
