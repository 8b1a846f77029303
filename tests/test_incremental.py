"""Incremental rebuilds (plugins/kiosque_incremental): after adding, changing, hand-editing or
removing articles, the rebuilt output is byte for byte the output of a clean build of the same
posts, and pages whose bytes did not change were neither rendered nor rewritten."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from conftest import ORANGE, Site, build, make_site_dirs
from pelican import signals

BASE = 18  # articles in the first build
SETTINGS = {"KIOSQUE_SEARCH": False}  # Pagefind has its own tests; here it would only cost time
# Files no build may rewrite with the same bytes: none (sitemap.xml included).
REWRITTEN_ANYWAY: set[str] = set()
REDIRECT = b'http-equiv="refresh"'  # a renamed tag's redirect page


def raw_files() -> list[Path]:
    return sorted(ORANGE.glob("*.txt"))


def snapshot(output: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every output file: its bytes, mtime in ns and inode."""
    files = {}
    for path in sorted(output.rglob("*")):
        if path.is_file():
            info = path.stat()
            files[path.relative_to(output).as_posix()] = (path.read_bytes(), info.st_mtime_ns, info.st_ino)
    return files


def clean_build_of(site, root: Path, **settings) -> dict[str, bytes]:
    """A full build, without the incremental writer, of the very same raw files and posts."""
    content = root / "content"
    shutil.copytree(site.content, content)
    reference = Site(root, content, content / "seeds", content / "posts", root / "output", root / "cache")
    build(reference, KIOSQUE_INCREMENTAL=False, **{**SETTINGS, **settings})
    return {name: data for name, (data, _, _) in snapshot(reference.output).items()}


class Rendered:
    """Output paths that Pelican rendered during a build (``content_written``, less the pages
    the incremental writer skipped: it sends them too, marked)."""

    def __init__(self, output: Path):
        self.output = output
        self.paths: set[str] = set()

    def __call__(self, path, context=None):
        if not (context or {}).get("kiosque_skipped"):
            self.paths.add(Path(path).relative_to(self.output).as_posix())


@pytest.fixture
def site(tmp_path):
    site = make_site_dirs(tmp_path / "site", raw_files()[:BASE])
    build(site, **SETTINGS)
    return site


def rebuild(site) -> tuple[dict, dict, set[str]]:
    """Rebuild incrementally; returns the output before and after, and the pages rendered."""
    before = snapshot(site.output)
    rendered = Rendered(site.output)
    signals.content_written.connect(rendered)
    try:
        build(site, **SETTINGS)
    finally:
        signals.content_written.disconnect(rendered)
    return before, snapshot(site.output), rendered.paths


def check_against_clean_build(site, tmp_path, before, after, rendered) -> set[str]:
    """The rebuild equals a clean build; unchanged files were left alone; returns changed files."""
    expected = clean_build_of(site, tmp_path / "clean")
    assert sorted(after) == sorted(expected)
    assert [name for name in after if after[name][0] != expected[name]] == []
    changed = {name for name in after if name not in before or before[name][0] != after[name][0]}
    for name in set(after) - changed - REWRITTEN_ANYWAY:
        assert after[name][1:] == before[name][1:], f"{name} was rewritten with the same bytes"
    # Every changed page was rendered; an article page only when it changed. (A listing page may
    # be rendered for nothing when something it reads changed elsewhere; it is then not
    # rewritten, as checked above.) The redirects of renamed tags are not Pelican's pages: a
    # rename in the registry makes one at ``finalized`` (kiosque_tags/build.py) in place of a
    # tag page, the clean build's very bytes, as checked above.
    pages = {name for name in changed if name.endswith(".html") and REDIRECT not in after[name][0]}
    assert pages <= rendered
    assert len(rendered) < len(after) / 2
    # An article page rendered for nothing links to an article that changed (it shows a changed
    # neighbour or related article, of which the page shows only part).
    changed_slugs = {name.split("/")[1] for name in changed | (set(before) - set(after))
                     if name.startswith("articles/")}
    for name in rendered - pages:
        if name.startswith("articles/"):
            assert any(f"/{slug}/" in after[name][0].decode() for slug in changed_slugs), (name, changed_slugs)
    return changed


def test_unchanged_rebuild_writes_nothing_and_a_settings_change_rewrites_all(site):
    before, after, rendered = rebuild(site)
    assert rendered == set()
    rewritten = [name for name in after if after[name][1:] != before[name][1:]]
    assert set(rewritten) <= REWRITTEN_ANYWAY
    # How many processes build it is not what the pages show: nothing is rendered again.
    rendered = Rendered(site.output)
    signals.content_written.connect(rendered)
    try:
        build(site, KIOSQUE_WRITE_PROCESSES=1, KIOSQUE_SEARCH_PROCESSES=1, **SETTINGS)
    finally:
        signals.content_written.disconnect(rendered)
    assert rendered.paths == set()
    build(site, SITENAME="Kiosque bis", **SETTINGS)
    changed = snapshot(site.output)
    # Every page but the redirects of renamed tags (plain pages of their own, no site chrome).
    pages = [name for name in changed if name.endswith(".html") and REDIRECT not in changed[name][0]]
    assert all(b"Kiosque bis" in changed[name][0] for name in pages)
    assert all(changed[name][0] != after[name][0] for name in pages)


def test_adding_one_article_rewrites_only_the_pages_it_changes(site, tmp_path):
    added = raw_files()[BASE]
    shutil.copy(added, site.seeds / added.name)
    before, after, rendered = rebuild(site)
    changed = check_against_clean_build(site, tmp_path, before, after, rendered)
    new_pages = sorted(set(after) - set(before))
    assert len([name for name in new_pages if name.startswith("articles/")]) == 1
    articles_before = [name for name in before if name.startswith("articles/")]
    touched = [name for name in articles_before if name in changed]
    # Its neighbours in time and the articles that now list it as related, not the archive.
    assert 1 <= len(touched) <= BASE // 3
    assert "index.html" in changed
    # The archive pages of other periods are not even rendered (they read their own articles).
    archives = {name for name in rendered if name.startswith("archives/")}
    assert archives and archives <= changed
    # Of the time pages, exactly those showing its date are rewritten: the year grid, its year's
    # calendar, its month (the day's heading), its day of the year and that calendar. Another
    # day's page is rendered only when one of its articles changed (its page was rewritten), and
    # then to the same bytes.
    when = added_date(site, added.name)
    expected = {"archives/index.html", f"archives/{when:%Y}/index.html", f"archives/{when:%Y/%m}/index.html",
                f"ce-jour-la/{when:%m-%d}/index.html", "ce-jour-la/index.html"}
    assert {name for name in changed if name.startswith(("archives/", "ce-jour-la/"))} == expected
    touched_days = {f"ce-jour-la/{posted:%m-%d}/index.html" for posted in dates_of(site, touched)}
    assert {name for name in rendered if name.startswith(("archives/", "ce-jour-la/"))} <= expected | touched_days


def post_date(path) -> datetime:
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    date_line = next(line for line in head.splitlines() if line.startswith("Date: "))
    return datetime.strptime(date_line[6:], "%Y-%m-%d %H:%M")


def dates_of(site, pages: list[str]) -> list:
    """The dates of the posts of these article pages (``articles/<slug>/index.html``)."""
    return [post_date(site.posts / f"{page.split('/')[1]}.md") for page in pages]


def added_date(site, raw_name: str):
    """The date the import gave the post of a raw file."""
    import json

    manifest = json.loads((site.posts / "manifest.json").read_text(encoding="utf-8"))
    return post_date(site.posts / manifest["articles"][raw_name]["post"])


def test_changed_raw_article_and_hand_edited_post(site, tmp_path):
    raw = site.seeds / raw_files()[3].name
    text = raw.read_text(encoding="utf-8")
    lines = text.splitlines()
    title_line = next(i for i, line in enumerate(lines)
                      if line.strip() and not line.startswith("Toutes les news"))
    lines[title_line] = lines[title_line] + " (mis à jour)"
    raw.write_text("\n".join(lines) + "\n", encoding="utf-8")
    post = sorted(p for p in site.posts.glob("*.md") if "mis-a-jour" not in p.name)[7]
    post.write_text(post.read_text(encoding="utf-8") + "\nParagraphe ajouté à la main.\n", encoding="utf-8")
    os.utime(post, ns=(post.stat().st_atime_ns, post.stat().st_mtime_ns + 10**9))
    before, after, rendered = rebuild(site)
    changed = check_against_clean_build(site, tmp_path, before, after, rendered)
    slug = post.stem
    assert f"articles/{slug}/index.html" in changed
    assert "Paragraphe ajouté à la main." in after[f"articles/{slug}/index.html"][0].decode()
    assert any("(mis à jour)" in after[name][0].decode() for name in changed if name.startswith("articles/"))


def test_removed_article_leaves_no_stale_page(site, tmp_path):
    post = sorted(site.posts.glob("*.md"))[5]
    page = f"articles/{post.stem}/index.html"
    assert (site.output / page).is_file()
    source = next(line.split(": ", 1)[1] for line in post.read_text(encoding="utf-8").splitlines()
                  if line.startswith("Source: "))
    (site.seeds / source).unlink()
    post.unlink()
    before, after, rendered = rebuild(site)
    check_against_clean_build(site, tmp_path, before, after, rendered)
    assert page not in after
    assert not (site.output / page).parent.exists()


def test_two_process_build_equals_a_plain_build(tmp_path, monkeypatch):
    """Reading, related articles and rendering forked over two processes (as at archive scale)
    change no byte of a build done in one process."""
    from kiosque_core import parallel

    monkeypatch.setattr(parallel, "MIN_JOBS", 1)
    monkeypatch.setattr(parallel, "RUN", 1)  # a small site fits in one run: deal pages one by one
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    site = make_site_dirs(tmp_path / "site", raw_files()[:BASE])
    build(site, KIOSQUE_WRITE_PROCESSES=2, **SETTINGS)
    assert len(forks) >= 3  # one for reading, one for related articles, at least one for rendering
    expected = clean_build_of(site, tmp_path / "clean", KIOSQUE_WRITE_PROCESSES=1)
    after = {name: data for name, (data, _, _) in snapshot(site.output).items()}
    assert sorted(after) == sorted(expected)
    assert [name for name in after if after[name] != expected[name]] == []


def test_content_cache_saved_only_when_it_grew_and_never_half_written(tmp_path, monkeypatch, pelican_patched):
    from kiosque_incremental import cache
    from pelican.cache import FileDataCacher

    settings = {"CACHE_PATH": str(tmp_path), "GZIP_CACHE": False}
    first = FileDataCacher(settings, "content", True, True)
    first.cache_data("a.md", "A")
    first.save_cache()
    path = tmp_path / "content"
    stamp = path.stat().st_mtime_ns
    second = FileDataCacher(settings, "content", True, True)
    assert second.get_cached_data("a.md") == "A"
    second.save_cache()
    assert path.stat().st_mtime_ns == stamp  # nothing added: the same bytes are not written again

    def fail(*args, **kwargs):
        raise OSError("disk full")

    second.cache_data("b.md", "B")
    monkeypatch.setattr(cache.pickle, "dumps", fail)
    second.save_cache()  # a failed save warns and keeps the previous cache whole
    assert FileDataCacher(settings, "content", True, True).get_cached_data("a.md") == "A"
    assert [p.name for p in tmp_path.iterdir()] == ["content"]


def test_whole_article_cache_saved_by_a_forked_process(tmp_path, monkeypatch, caplog, pelican_patched):
    """With the generator layer the cache is pickled by a forked process while the build goes
    on; the build waits for it at its end, and a failed save leaves the previous cache whole."""
    import os

    from kiosque_core import background
    from kiosque_incremental import cache
    from pelican.cache import FileDataCacher

    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    settings = {"CACHE_PATH": str(tmp_path), "GZIP_CACHE": False, "CACHE_CONTENT": True,
                "CONTENT_CACHING_LAYER": "generator"}
    first = FileDataCacher(settings, "ArticlesGenerator", True, True)
    first.cache_data("a.md", "A")
    first.save_cache()
    assert forks == [1]
    background.wait_for_saves()
    assert FileDataCacher(settings, "ArticlesGenerator", True, True).get_cached_data("a.md") == "A"

    def fail(*args, **kwargs):
        raise OSError("disk full")

    first.cache_data("b.md", "B")
    monkeypatch.setattr(cache.pickle, "dumps", fail)  # in the forked process too
    first.save_cache()
    background.wait_for_saves()
    assert forks == [1, 1] and "Could not save cache" in caplog.text
    reloaded = FileDataCacher(settings, "ArticlesGenerator", True, True)
    assert reloaded.get_cached_data("a.md") == "A" and reloaded.get_cached_data("b.md") is None
    assert [p.name for p in tmp_path.iterdir()] == ["ArticlesGenerator"]


def test_temp_files_of_a_killed_build_are_removed_and_a_clean_end_skips_the_search(site, monkeypatch):
    from kiosque_core import buildlock

    searched = []
    real_search = buildlock._remove_stale_temp_files
    monkeypatch.setattr(buildlock, "_remove_stale_temp_files", lambda output: searched.append(output)
                        or real_search(output))
    mark = buildlock.lock_path({"OUTPUT_PATH": str(site.output)}).with_suffix(".clean")
    assert mark.is_file()  # the first build ended
    leftover = site.output / "articles" / ".index.html.x1y2.tmp"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_text("half a page")
    build(site, **SETTINGS)
    assert leftover.exists() and searched == []  # the last build ended: the output is not walked
    mark.unlink()  # as a build killed mid-way leaves it
    build(site, **SETTINGS)
    assert not leftover.exists() and searched == [site.output]
    assert mark.is_file()
