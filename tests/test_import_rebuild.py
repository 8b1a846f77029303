"""Everyday use: importing again, hand edits, duplicates, vanished raw files, interruptions."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ORANGE, ROOT, SEED
from import_helpers import read_meta, run, snapshot
from kiosque_core import storage
from kiosque_import import pipeline, stamps
from kiosque_import.importlock import ImportLocked, import_lock
from kiosque_import.pipeline import Options

FILES = [SEED, *sorted(ORANGE.glob("*.txt"))[:12]]


@pytest.fixture
def archive(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for raw in FILES:
        shutil.copy(raw, seeds / raw.name)
    run(seeds, tmp_path / "posts")
    return seeds, tmp_path / "posts"


def post_of(posts, source):
    entry = json.loads((posts / "manifest.json").read_text())["articles"][source]
    return posts / entry["post"]


def test_second_import_changes_no_byte(archive):
    seeds, posts = archive
    before, raw_before = snapshot(posts), snapshot(seeds)
    report = run(seeds, posts)
    assert report.unchanged == len(FILES) and not report.new and not report.changed
    assert snapshot(posts) == before
    assert snapshot(seeds) == raw_before  # raw files never modified


def test_import_is_deterministic(archive, tmp_path):
    seeds, posts = archive
    run(seeds, tmp_path / "again")
    assert {k: v[0] for k, v in snapshot(posts).items()} == {k: v[0] for k, v in snapshot(tmp_path / "again").items()}


def test_chunks_parsed_ahead_give_the_same_posts_and_refusals(archive, tmp_path, monkeypatch):
    """A big import parses its next chunk in a child process: the posts, the manifest and the
    refusals must be those of a one-chunk import."""
    seeds, posts = archive
    (seeds / "zz_title_only.txt").write_text("Un titre sans article\n", encoding="utf-8")  # refused by parse
    one = run(seeds, tmp_path / "one")
    monkeypatch.setattr(pipeline, "CHUNK", 3)
    several = run(seeds, tmp_path / "several")
    assert sorted(several.new) == sorted(one.new) and len(one.new) == len(FILES)
    assert several.refused == one.refused and [r["file"] for r in one.refused] == ["zz_title_only.txt"]
    assert {k: v[0] for k, v in snapshot(tmp_path / "several").items()} == \
        {k: v[0] for k, v in snapshot(tmp_path / "one").items()}


def test_hand_edit_survives_a_rebuild(archive):
    seeds, posts = archive
    post = post_of(posts, SEED.name)
    edited = post.read_text(encoding="utf-8").replace("La doit mettre fin", "La Russie doit mettre fin")
    post.write_text(edited, encoding="utf-8")
    report = run(seeds, posts)
    assert report.hand_edits_kept == [SEED.name]
    assert post.read_text(encoding="utf-8") == edited


def test_raw_change_after_hand_edit_is_reported_not_merged(archive):
    seeds, posts = archive
    post = post_of(posts, SEED.name)
    post.write_text(post.read_text(encoding="utf-8") + "\nNote de la rédaction.\n", encoding="utf-8")
    edited = post.read_bytes()
    raw = seeds / SEED.name
    raw.write_text(raw.read_text(encoding="utf-8").replace("Quatre des postes", "Cinq des postes"), encoding="utf-8")
    report = run(seeds, posts)
    assert report.conflicts == [SEED.name]
    assert post.read_bytes() == edited
    assert run(seeds, posts).conflicts == [SEED.name]  # reported again until resolved


def test_changed_raw_rewrites_its_post_only_keeping_slug(archive):
    seeds, posts = archive
    before = snapshot(posts)
    raw = seeds / FILES[1].name
    old_post = post_of(posts, FILES[1].name)
    text = raw.read_text(encoding="utf-8")
    title = text.split("\n\n")[1]
    raw.write_text(text.replace(title, title + " (mis à jour)"), encoding="utf-8")
    report = run(seeds, posts)
    assert report.changed == [FILES[1].name]
    assert post_of(posts, FILES[1].name) == old_post  # same slug, same URL
    assert read_meta(old_post)["Title"] == title + " (mis à jour)"
    after = snapshot(posts)
    assert {k for k in after if after[k] != before.get(k)} == {old_post.name, "manifest.json"}


def test_duplicate_under_another_name_is_skipped(archive):
    seeds, posts = archive
    shutil.copy(SEED, seeds / "999_copy.txt")
    report = run(seeds, posts)
    assert report.duplicates == [{"file": "999_copy.txt", "same_as": SEED.name}]
    assert len(list(posts.glob("*.md"))) == len(FILES)


def test_vanished_raw_keeps_its_post(archive):
    seeds, posts = archive
    post = post_of(posts, FILES[2].name)
    (seeds / FILES[2].name).unlink()
    report = run(seeds, posts)
    assert report.missing_raw == [FILES[2].name]
    assert post.exists()


def test_deleted_post_is_restored_identically(archive):
    seeds, posts = archive
    post = post_of(posts, FILES[3].name)
    content = post.read_bytes()
    post.unlink()
    assert run(seeds, posts).restored == [FILES[3].name]
    assert post.read_bytes() == content


def test_same_title_gets_a_distinct_slug(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = (ORANGE / FILES[1].name).read_text(encoding="utf-8")
    (seeds / "a.txt").write_text(text, encoding="utf-8")
    (seeds / "b.txt").write_text(text.replace("Deux femmes", "Deux dames"), encoding="utf-8")
    run(seeds, tmp_path / "posts")
    slugs = sorted(read_meta(p)["Slug"] for p in (tmp_path / "posts").glob("*.md"))
    assert slugs[1] == slugs[0] + "-2"


def test_interrupted_import_leaves_no_partial_file_and_rerun_completes(archive, tmp_path, monkeypatch):
    seeds, reference = archive
    posts = tmp_path / "interrupted"
    real_write = storage.write_atomic
    calls = {"n": 0}

    def failing_write(path, data, **options):
        calls["n"] += 1
        if calls["n"] == 6:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-batch
        real_write(path, data, **options)

    monkeypatch.setattr("kiosque_import.pipeline.write_atomic", failing_write)
    with pytest.raises(KeyboardInterrupt):
        run(seeds, posts)
    monkeypatch.undo()
    assert not list(posts.glob(".*.tmp"))
    run(seeds, posts)
    assert {k: v[0] for k, v in snapshot(posts).items()} == {k: v[0] for k, v in snapshot(reference).items()}


def test_two_imports_cannot_interleave(archive):
    seeds, posts = archive
    held = import_lock(posts, timeout=1)
    try:
        with pytest.raises(ImportLocked, match="another import"):
            run(seeds, posts, lock_timeout=0.2)
    finally:
        held.release()


def test_cli_batch_import(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds)
    (seeds / "empty.txt").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "kiosque_import", "--seeds", str(seeds), "--posts", str(tmp_path / "posts"),
         "--report", str(tmp_path / "r.json"), "--no-plugins"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "new" in result.stdout and "empty.txt: refused: empty" in result.stdout
    assert json.loads((tmp_path / "r.json").read_text())["new"] == [SEED.name]


def test_options_default_to_content_folders():
    from kiosque_import.settings import options_from

    options = options_from({"PATH": "/site/content"})
    assert isinstance(options, Options)
    assert (str(options.seeds), str(options.posts)) == ("/site/content/seeds", "/site/content/posts")


def test_unrecorded_post_of_the_same_raw_file_is_taken_over_not_duplicated(archive):
    """A run killed after writing a post but before recording it: the rerun may render it
    differently (another day, a registry that learned more); it still owns that file."""
    seeds, posts = archive
    post = post_of(posts, SEED.name)
    (posts / "manifest.json").unlink()
    post.write_text(post.read_text(encoding="utf-8").replace("Date: 2026-01-15", "Date: 2026-01-14"),
                    encoding="utf-8")
    names_before = sorted(p.name for p in posts.glob("*.md"))
    report = run(seeds, posts)
    assert sorted(report.new) == sorted(raw.name for raw in FILES)
    assert sorted(p.name for p in posts.glob("*.md")) == names_before
    assert read_meta(post)["Date"] == "2026-01-15 00:00"


def test_unchanged_files_are_not_read_again(archive, monkeypatch):
    """Raw files and posts whose size, times and inode did not change are trusted, not read."""
    from kiosque_import import planning

    seeds, posts = archive
    reads = []
    real_read = planning.read_raw
    monkeypatch.setattr(planning, "read_raw", lambda path, *a: reads.append(path) or real_read(path, *a))
    monkeypatch.setattr(pipeline.manifest, "text_hash", lambda data: reads.append(data) or "x")
    report = run(seeds, posts)
    assert report.unchanged == len(FILES)
    assert reads == []


def test_same_size_same_mtime_changes_are_still_seen(archive):
    """Changes that keep a file's size and mtime (an editor, `touch -r`) still change its ctime."""
    seeds, posts = archive
    raw = seeds / FILES[1].name
    info = raw.stat()
    data = raw.read_bytes()
    raw.write_bytes(data.replace(b"a", b"e", 1))
    os.utime(raw, ns=(info.st_atime_ns, info.st_mtime_ns))
    post = post_of(posts, FILES[2].name)
    post_info = post.stat()
    text = post.read_bytes()
    post.write_bytes(text.replace(b"e", b"a", 1))
    os.utime(post, ns=(post_info.st_atime_ns, post_info.st_mtime_ns))
    report = run(seeds, posts)
    assert report.changed == [FILES[1].name]
    assert report.hand_edits_kept == [FILES[2].name]


def test_damaged_stamps_only_cost_a_read(archive):
    seeds, posts = archive
    (posts.parent / stamps.NAME).write_text("{not json", encoding="utf-8")
    before = snapshot(posts)
    report = run(seeds, posts)
    assert report.unchanged == len(FILES) and snapshot(posts) == before
