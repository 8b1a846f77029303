"""What makes the import faster must not change what it does: the manifest's layout (one article
a line, JSON all the same), the stamps' saving rule, the listings made without Path objects,
the garbage collector paused and frozen."""

import gc
import json
import shutil

import pytest
from conftest import ORANGE, SEED
from import_helpers import run
from kiosque_core import collector, storage
from kiosque_import import manifest, pipeline, planning, stamps
from kiosque_import.manifest import Entry

# File names a raw article may have: quotes, backslashes, control characters, line and paragraph
# separators, non-ASCII letters, an emoji.
AWKWARD_NAMES = ['a "quoted" name.txt', "back\\slash.txt", "tab\tand\x01ctrl.txt", "line\u2028sep\u2029.txt",
                 "Écoles à Noël.txt", "emoji 🗞.txt", "plain.txt"]


def entry(n: int) -> Entry:
    return Entry(raw_hash=f"{n:064x}", post=f"post-{n}.md", post_hash=f"{n + 1:064x}", slug=f"post-{n}",
                 first_seen="2026-01-15", converter=2)


def test_manifest_is_json_with_one_article_a_line():
    entries = {name: entry(n) for n, name in enumerate(AWKWARD_NAMES)}
    text = manifest.dumps(entries)
    assert json.loads(text) == {"version": 1, "articles": {k: manifest.fields(v) for k, v in entries.items()}}
    lines = text.split("\n")[:-1]  # lines as git sees them (str.splitlines would also cut at U+2028)
    assert lines[0] == '{"version": 1, "articles": {' and lines[-1] == "}}" and text.endswith("}}\n")
    articles = lines[1:-1]
    assert len(articles) == len(entries)  # no name or field spills over a line
    for line, name in zip(articles, sorted(entries), strict=True):
        assert json.loads("{" + line.rstrip(",") + "}") == {name: manifest.fields(entries[name])}


def test_manifest_text_depends_only_on_the_entries():
    entries = {name: entry(n) for n, name in enumerate(AWKWARD_NAMES)}
    shuffled = dict(reversed(list(entries.items())))
    assert manifest.dumps(shuffled) == manifest.dumps(entries)
    assert json.loads(manifest.dumps({})) == {"version": 1, "articles": {}}


def test_manifest_of_an_import_reads_back(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for raw in [SEED, *sorted(ORANGE.glob("*.txt"))[:3]]:
        shutil.copy(raw, seeds / raw.name)
    run(seeds, tmp_path / "posts")
    path = tmp_path / "posts" / manifest.NAME
    entries = manifest.load(tmp_path / "posts")
    assert len(entries) == 4 and path.read_text(encoding="utf-8") == manifest.dumps(entries)
    assert path.read_text(encoding="utf-8").count("\n") == 4 + 2


def test_manifest_in_the_former_indented_layout_still_loads(tmp_path):
    entries = {name: entry(n) for n, name in enumerate(AWKWARD_NAMES)}
    payload = {"version": 1, "articles": {k: vars(entries[k]) for k in sorted(entries)}}
    (tmp_path / manifest.NAME).write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert manifest.load(tmp_path) == entries


def test_raw_names_are_what_glob_finds(tmp_path):
    for name in [*AWKWARD_NAMES, ".hidden.txt", ".txt", "notes.TXT", "a.txt.bak", "readme"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    assert planning.raw_names(tmp_path) == sorted(p.name for p in tmp_path.glob("*.txt"))


def test_stale_temp_files_are_what_glob_finds(tmp_path):
    names = [".post.md.abc123.tmp", "..tmp", ".tmp", "post.tmp", ".post.md", "post.md", ".x.TMP"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    stale = {p.name for p in tmp_path.glob(".*.tmp")}
    storage.remove_stale_temp_files(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(set(names) - stale)


def test_few_new_stamps_are_not_saved_many_are(tmp_path):
    """Rewriting every stamp to record a handful costs more than reading that handful again."""
    path = tmp_path / stamps.NAME
    known = stamps.Stamps(path)
    for n in range(300):
        known.record(f"/f{n}", [n, n, n, n], f"{n:064x}")
    known.save()
    saved = path.read_bytes()
    again = stamps.Stamps(path)
    again.record("/f0", [0, 0, 0, 0], f"{0:064x}")  # the same: no change
    again.record("/new", [1, 2, 3, 4], "h" * 64)
    again.keep_only([f"/f{n}" for n in range(1, 300)] + ["/new"])  # /f0 is gone
    again.save()
    assert path.read_bytes() == saved  # 2 changes of 300: not worth a rewrite
    for n in range(5):
        again.record(f"/more{n}", [n, n, n, n], "h" * 64)
    again.save()
    files = json.loads(path.read_text(encoding="utf-8"))["files"]
    assert "/new" in files and "/more4" in files and "/f0" not in files


def test_unsaved_stamps_only_cost_a_read(tmp_path, monkeypatch):
    """An import whose new stamps were not saved reads those files again, and sees them right."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    files = [SEED, *sorted(ORANGE.glob("*.txt"))[:12]]
    for raw in files[:-1]:
        shutil.copy(raw, seeds / raw.name)
    posts = tmp_path / "posts"
    run(seeds, posts)
    monkeypatch.setattr(stamps, "UNSAVED_SHARE", 1.0)  # as if the archive were big
    shutil.copy(files[-1], seeds / files[-1].name)
    assert run(seeds, posts).new == [files[-1].name]
    reads = []
    real_read = planning.read_raw
    monkeypatch.setattr(planning, "read_raw", lambda path, *a: reads.append(path) or real_read(path, *a))
    report = run(seeds, posts)
    assert report.unchanged == len(files) and [str(r) for r in reads] == [str(seeds / files[-1].name)]


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("frozen", [True, False])
def test_import_leaves_the_garbage_collector_as_it_found_it(tmp_path, monkeypatch, enabled, frozen):
    """The import pauses the collector while it plans and freezes what outlives each chunk: it
    ends with the collector on or off, and objects frozen or not, as before."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for raw in [SEED, *sorted(ORANGE.glob("*.txt"))[:6]]:
        shutil.copy(raw, seeds / raw.name)
    monkeypatch.setattr(pipeline, "CHUNK", 3)  # several chunks, each frozen when written
    was = gc.isenabled()
    gc.unfreeze()
    try:
        gc.enable() if enabled else gc.disable()
        if frozen:
            gc.freeze()
        run(seeds, tmp_path / "posts")
        assert gc.isenabled() is enabled
        assert (gc.get_freeze_count() > 0) is frozen
    finally:
        gc.unfreeze()
        gc.enable() if was else gc.disable()


def test_nested_freezes_leave_unfreezing_to_the_outermost():
    gc.unfreeze()
    try:
        with collector.frozen():
            with collector.frozen():
                pass
            assert gc.get_freeze_count() > 0  # the inner block did not unfreeze the outer one's
        assert gc.get_freeze_count() == 0
        gc.freeze()
        with collector.frozen():
            pass
        assert gc.get_freeze_count() > 0  # frozen before: left frozen
    finally:
        gc.unfreeze()
