"""Nothing lost under faults: kill -9 at each step of writing, a full disk, a read-only posts folder, two
runs at once. Afterwards there is never half a post or a corrupt manifest, raw files are
untouched, and the next run gives exactly what an uninterrupted run gives."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ORANGE, ROOT
from faultkit import ENV, build_command, digest, import_command, kill_at, run, start
from filelock import FileLock
from kiosque_core import buildlock

RAW = sorted(ORANGE.glob("*.txt"))[:60]


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for raw in RAW:
        shutil.copy(raw, folder / raw.name)
    before = digest(folder)
    yield folder
    assert digest(folder) == before, "raw files must never be modified"


@pytest.fixture
def reference(seeds, tmp_path) -> Path:
    """The posts folder of one uninterrupted import."""
    posts = tmp_path / "reference"
    done = run(import_command(seeds, posts, tmp_path / "reference.json"))
    assert done.returncode == 0, done.stderr
    return posts


def assert_no_partial_post(posts: Path, reference: Path) -> None:
    """Every post on disk is a whole post: the very bytes the uninterrupted run wrote."""
    for path in posts.glob("*.md"):
        assert path.read_bytes() == (reference / path.name).read_bytes(), path.name
    manifest = posts / "manifest.json"
    if manifest.exists():
        json.loads(manifest.read_text(encoding="utf-8"))


def _posts_written(posts: Path) -> int:
    return len(list(posts.glob("*.md"))) if posts.exists() else 0


# Chains of killed imports, each run resuming what the killed ones left: where each run is killed
# (killpoint.py: the N-th rename into a path containing TEXT, before or after it), then the posts
# and the temp files in the posts folder at that moment. Until the manifest is saved, every run
# writes the 60 posts again in the same order (a post a killed run wrote is adopted), so the
# counts are exact. Each chain ends with a run to the end.
IMPORT_CHAINS = [
    [("before:.md:1", 0, 1), ("after:.md:1", 1, 0), ("before:.md:30", 29, 1), ("after:.md:59", 59, 0),
     ("before:manifest.json:1", 60, 1)],
    [("after:.md:20", 20, 0), ("before:.md:10", 20, 1), ("after:.md:45", 45, 0), ("before:.md:60", 59, 1)],
    [("after:.md:60", 60, 0), ("after:manifest.json:1", 60, 0), ("before:import-stamps.json:1", 60, 0),
     ("before:report.json:1", 60, 0)],
]


def test_import_killed_at_each_step_of_writing(seeds, reference, tmp_path):
    """A kill -9 before a post is in place (its temp file whole), right after, before and after
    the manifest, before the stamps and the report: no half post, nothing lost, and the next run
    gives exactly what an uninterrupted run gives."""
    for chain, kills in enumerate(IMPORT_CHAINS):
        posts = tmp_path / f"posts-{chain}"
        command = import_command(seeds, posts, tmp_path / f"run-{chain}" / "report.json")
        seen = []
        for point, _, _ in kills:
            assert kill_at(point, command, tmp_path / "stopped"), f"the import ended before {point}"
            seen.append((point, _posts_written(posts), len(list(posts.glob(".*.tmp")))))
            assert_no_partial_post(posts, reference)
        assert seen == kills
        done = run(command)
        assert done.returncode == 0, done.stderr
        assert not list(posts.glob(".*.tmp"))
        assert digest(posts) == digest(reference)


# Where each build of one site is killed in turn (killpoint.py), each resuming what the killed
# ones left: the import writing posts, the first page just opened (empty), the fifth page (article
# pages come first, so the search has not started), a search shard about to be put in place, the
# search catalogue about to be written.
BUILD_KILL_POINTS = ["before:.md:3", "after:.html:1", "after:.html:5", "before:pagefind/:1", "before:shards.json:1"]


def _killed_and_clean(tmp_path: Path, points: list[str]) -> dict[str, Path]:
    """Two sites of the same 12 raw articles: one built once, one killed at each of ``points`` in
    turn, then built to the end."""
    sites = {}
    for name in ("clean", "killed"):
        root = tmp_path / name
        (root / "content" / "seeds").mkdir(parents=True)
        for raw in RAW[:12]:
            shutil.copy(raw, root / "content" / "seeds" / raw.name)
        sites[name] = root
    before = digest(sites["killed"] / "content" / "seeds")
    done = run(build_command(sites["clean"]))
    assert done.returncode == 0, done.stderr
    for point in points:
        assert kill_at(point, build_command(sites["killed"]), tmp_path / "stopped"), f"the build ended before {point}"
    done = run(build_command(sites["killed"]))
    assert done.returncode == 0, done.stderr
    assert digest(sites["killed"] / "content" / "seeds") == before
    return sites


def test_build_killed_at_each_stage_then_rerun_equals_a_clean_build(tmp_path):
    sites = _killed_and_clean(tmp_path, BUILD_KILL_POINTS)
    assert digest(sites["killed"] / "content") == digest(sites["clean"] / "content")
    # Pagefind names its files by content hashes that differ from one clean build to the next,
    # so its folder is compared by shape (files per folder and kind), the rest byte for byte.
    pages = {name: digest(sites[name] / "output", skip=()) for name in sites}
    assert _without_search(pages["killed"]) == _without_search(pages["clean"])
    assert _search_shape(pages["killed"]) == _search_shape(pages["clean"])


def test_build_killed_between_the_manifest_and_the_tags_registry_keeps_the_registry(tmp_path):
    """The chunk's registry is staged before the manifest records the chunk: killed right after the
    manifest, the next build (which imports nothing) puts it in place; killed right before, the
    next build drops it and imports the chunk again. Either way the content is a clean build's."""
    sites = _killed_and_clean(tmp_path, ["after:manifest.json:1"])
    assert (sites["killed"] / "content" / "posts" / "entities.json").is_file()
    assert digest(sites["killed"] / "content") == digest(sites["clean"] / "content")
    again = _killed_and_clean(tmp_path / "before", ["before:manifest.json:1"])
    assert digest(again["killed"] / "content") == digest(again["clean"] / "content")


def test_a_staged_registry_is_kept_only_when_the_manifest_recorded_its_chunk(tmp_path):
    """store.recover, the next run's step: a registry staged before the manifest was saved again is
    the registry; one staged while the manifest is still as it saw it is dropped."""
    from kiosque_core.storage import write_atomic
    from kiosque_tags import store
    from kiosque_tags.registry import Registry

    posts, path = tmp_path / "posts", tmp_path / "posts" / "entities.json"
    posts.mkdir()
    registry = Registry()
    registry.observe("Emmanuel Macron", "PER", {"Emmanuel Macron": 1}, "a.txt")
    store.stage(path, registry, posts)
    write_atomic(posts / "manifest.json", '{"version": 1, "articles": {}}\n')  # the chunk recorded
    store.state().pending.pop(path), store.state().staged.pop(path)
    store.recover(path, posts)
    assert [e.name for e in Registry.load(path).entities] == ["Emmanuel Macron"]
    assert sorted(p.name for p in posts.iterdir()) == ["entities.json", "manifest.json"]
    registry.observe("Lyon", "LOC", {"Lyon": 1}, "b.txt")
    store.stage(path, registry, posts)
    store.state().pending.pop(path), store.state().staged.pop(path)  # this build forgets it: as killed
    store.recover(path, posts)  # killed before the manifest recorded the chunk
    assert [e.name for e in Registry.load(path).entities] == ["Emmanuel Macron"]
    assert sorted(p.name for p in posts.iterdir()) == ["entities.json", "manifest.json"]


def _without_search(files: dict[str, str]) -> dict[str, str]:
    return {path: sha for path, sha in files.items() if not path.startswith("pagefind/")}


def _search_shape(files: dict[str, str]) -> dict[tuple[str, str], int]:
    shape: dict[tuple[str, str], int] = {}
    for path in files:
        if path.startswith("pagefind/"):
            key = (path.rsplit("/", 1)[0], Path(path).suffix)
            shape[key] = shape.get(key, 0) + 1
    return shape


# --- full disk and read-only folders (need root and mount; skipped otherwise) ---------------

def _can_mount(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir()
    if shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)], capture_output=True).returncode:
        return False
    subprocess.run(["umount", str(probe)], check=True)
    return True


@contextmanager
def mounted(tmp_path: Path, *mount_args: str, target: Path):
    if not _can_mount(tmp_path):
        pytest.skip("needs root and a working `mount` (tmpfs, bind) to simulate a full or read-only disk")
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", *mount_args, str(target)], check=True)
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=True)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder`` up to ``leave`` free bytes."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    os.ftruncate(fd, max(os.fstat(fd).st_size - leave, 0))
    os.close(fd)
    return filler


def test_full_disk_gives_a_clear_error_and_loses_nothing(seeds, reference, tmp_path):
    first, rest = sorted(seeds.glob("*.txt"))[:30], sorted(seeds.glob("*.txt"))[30:]
    half = tmp_path / "half"
    half.mkdir()
    for raw in first:
        shutil.copy(raw, half / raw.name)
    with mounted(tmp_path, "-t", "tmpfs", "-o", "size=2m", "tmpfs", target=tmp_path / "disk") as disk:
        posts = disk / "posts"
        assert run(import_command(half, posts, tmp_path / "r.json")).returncode == 0
        # Quite full: not one more post fits. The import fails and changes nothing at all.
        filler = _fill(disk, leave=0)
        before = digest(posts)
        for raw in rest:
            shutil.copy(raw, half / raw.name)
        failed = run(import_command(half, posts, tmp_path / "r.json"))
        assert failed.returncode == 2 and "No space left on device" in failed.stderr, failed.stderr
        assert digest(posts) == before
        # Room for a few posts: those that fit are whole, the manifest is the old one.
        filler.unlink()
        filler = _fill(disk, leave=24 * 1024)
        failed = run(import_command(half, posts, tmp_path / "r.json"))
        assert failed.returncode == 2 and "No space left on device" in failed.stderr, failed.stderr
        assert_no_partial_post(posts, reference)
        assert {k: v for k, v in digest(posts).items() if k in before} == before
        assert not list(posts.glob(".*.tmp"))
        # Space freed: the next run finishes the job exactly as an uninterrupted one.
        filler.unlink()
        done = run(import_command(half, posts, tmp_path / "r.json"))
        assert done.returncode == 0, done.stderr
        assert digest(posts) == digest(reference)


def test_read_only_posts_folder_gives_a_clear_error_and_changes_nothing(seeds, reference, tmp_path):
    posts = tmp_path / "posts"
    shutil.copytree(reference, posts)
    (seeds / "zzz_new.txt").write_bytes(RAW[0].read_bytes().replace(b"a", b"o", 3))
    before = digest(posts, skip=())
    try:
        with mounted(tmp_path, "--bind", "-o", "ro", str(posts), target=posts):
            subprocess.run(["mount", "-o", "remount,ro,bind", str(posts)], check=True)
            failed = run(import_command(seeds, posts, tmp_path / "r.json"))
            assert failed.returncode == 2, failed.stderr
            assert "Read-only file system" in failed.stderr
            assert digest(posts, skip=()) == before
    finally:
        (seeds / "zzz_new.txt").unlink()


# --- two at once ----------------------------------------------------------------------------

def test_second_import_refuses_clearly_while_one_holds_the_lock(seeds, tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    settings = tmp_path / "conf.py"
    settings.write_text("KIOSQUE_LOCK_TIMEOUT = 1\n", encoding="utf-8")
    with FileLock(str(posts / ".import.lock")):
        failed = run(import_command(seeds, posts, tmp_path / "r.json", settings))
    assert failed.returncode == 2
    assert "another import is writing" in failed.stderr
    assert digest(posts) == {}


def test_two_imports_at_once_give_the_result_of_one(seeds, reference, tmp_path):
    posts = tmp_path / "posts"
    processes = [start(import_command(seeds, posts, tmp_path / f"r{i}.json")) for i in range(2)]
    for process in processes:
        process.stderr.read()
        assert process.wait() == 0
    assert digest(posts) == digest(reference)


def _site(tmp_path: Path, count: int = 5) -> Path:
    root = tmp_path / "site"
    (root / "content" / "seeds").mkdir(parents=True)
    for raw in RAW[:count]:
        shutil.copy(raw, root / "content" / "seeds" / raw.name)
    return root


def test_second_build_refuses_clearly_while_one_holds_the_build_lock(tmp_path):
    root = _site(tmp_path)
    lock = buildlock.lock_path({"OUTPUT_PATH": str(root / "output")})
    lock.parent.mkdir(parents=True)
    with FileLock(str(lock)):
        failed = run(build_command(root, "KIOSQUE_BUILD_LOCK_TIMEOUT=1"))
    assert failed.returncode != 0
    assert "another build is writing" in failed.stdout + failed.stderr
    assert not (root / "output").exists() and not (root / "content" / "posts").exists()


def test_second_build_waits_for_the_first(tmp_path):
    root = _site(tmp_path)
    lock = FileLock(str(buildlock.lock_path({"OUTPUT_PATH": str(root / "output")})))
    lock.acquire()
    try:
        # Pelican logs to stdout; both streams are read together.
        process = subprocess.Popen(build_command(root), cwd=ROOT, env=ENV, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
        seen = b""
        while b"another build" not in seen:
            line = process.stdout.readline()
            assert line, f"the build ended without waiting: {seen.decode(errors='replace')}"
            seen += line
        # It waits: nothing imported, nothing written while the other build holds the lock.
        assert not (root / "output").exists() and not (root / "content" / "posts").exists()
    finally:
        lock.release()
    process.stdout.read()
    assert process.wait() == 0
    assert (root / "output" / "index.html").is_file()


# --- data safety ----------------------------------------------------------------------------

def test_make_clean_never_touches_content(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for path in ("content/seeds/a.txt", "content/posts/b.md", "content/posts/manifest.json", "output/index.html",
                 "cache/x", ".kiosque/import-report.json", "demo/output/x"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(path, encoding="utf-8")
    before = digest(tmp_path / "content")
    dry = subprocess.run(["make", "-n", "clean"], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "content" not in dry.stdout
    subprocess.run(["make", "clean"], cwd=tmp_path, capture_output=True, check=True)
    assert digest(tmp_path / "content") == before
    assert not any((tmp_path / name).exists() for name in ("output", "cache", ".kiosque", "demo"))


def test_hand_edit_is_kept_and_a_later_raw_change_is_reported(seeds, tmp_path):
    posts, report = tmp_path / "posts", tmp_path / "r.json"
    assert run(import_command(seeds, posts, report)).returncode == 0
    entries = json.loads((posts / "manifest.json").read_text(encoding="utf-8"))["articles"]
    source, entry = sorted(entries.items())[0]
    edited = posts / entry["post"]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nCorrection de la rédaction.\n", encoding="utf-8")
    hand = edited.read_bytes()
    raw = seeds / source
    original = raw.read_bytes()
    try:
        raw.write_bytes(original + b"\nUn paragraphe ajout\xc3\xa9 plus tard par le site, avec assez de mots.\n")
        done = run(import_command(seeds, posts, report))
        assert done.returncode == 0, done.stderr
        assert json.loads(report.read_text(encoding="utf-8"))["conflicts"] == [source]
        assert edited.read_bytes() == hand
    finally:
        raw.write_bytes(original)
