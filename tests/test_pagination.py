"""Stable pagination (plugins/kiosque_incremental/pagination.py): numbered list pages are fixed
slices counted from the oldest article, the list's own URL holds the newest ones, so that adding
an article re-renders as few list pages as possible, and a rebuild still equals a clean build."""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime, timedelta
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT, Site, build
from kiosque_incremental import pagination
from pelican import signals
from pelican.settings import read_settings
from test_incremental import Rendered, snapshot
from theme_fixtures import post, read, urls

PER_PAGE = 20  # DEFAULT_PAGINATION in pelicanconf.py
SETTINGS = {"KIOSQUE_IMPORT": False, "KIOSQUE_SEARCH": False}
START = datetime(2018, 1, 1, 9, 0)
# The lists every test article belongs to, by their front page's URL.
LISTS = ("", "sections/monde/", "tags/fil/")


def write_post(posts: Path, number: int, when: datetime | None = None) -> None:
    """« Article <number> », on day <number> from START unless dated otherwise."""
    when = when or START + timedelta(days=number)
    (posts / f"a-{number:03d}.md").write_text(post(f"a-{number:03d}", f"Article {number}", when, ["fil"]))


def make_site(root: Path, count: int) -> Site:
    site = Site(root, root / "content", root / "content" / "seeds", root / "content" / "posts",
                root / "output", root / "cache")
    site.posts.mkdir(parents=True)
    for number in range(count):
        write_post(site.posts, number)
    return site


def titles(output: Path, url: str) -> list[int]:
    """The article numbers a list page shows, in order."""
    return [int(n) for n in re.findall(r'class="card__title"><a href="[^"]*">Article (\d+)</a>', read(output, url))]


def numbered_pages(output: Path, front: str) -> list[int]:
    return sorted(int(p.parent.name) for p in (output / front).glob("page/*/index.html"))


def list_pages(output: Path) -> set[str]:
    """Every page of the test lists, as output paths."""
    return {f"{front}index.html" for front in LISTS} | {
        p.relative_to(output).as_posix() for front in LISTS for p in (output / front).glob("page/*/index.html")}


def rebuild(site: Site, **overrides) -> tuple[dict, dict, set[str]]:
    before = snapshot(site.output)
    rendered = Rendered(site.output)
    signals.content_written.connect(rendered)
    try:
        build(site, **SETTINGS, **overrides)
    finally:
        signals.content_written.disconnect(rendered)
    return before, snapshot(site.output), rendered.paths


def assert_equals_clean_build(site: Site, root: Path, after: dict) -> None:
    """The incremental output is byte for byte a build of the same posts by Pelican's writer."""
    reference = Site(root, root / "content", root / "seeds", root / "content" / "posts", root / "output",
                     root / "cache")
    shutil.copytree(site.content, reference.content)
    build(reference, KIOSQUE_INCREMENTAL=False, **SETTINGS)
    expected = snapshot(reference.output)
    assert sorted(after) == sorted(expected)
    assert [name for name in after if after[name][0] != expected[name][0]] == []


def untouched(before: dict, after: dict, names) -> bool:
    """The files kept their bytes, mtime and inode: neither rendered nor rewritten."""
    return all(before[name] == after[name] for name in names)


@pytest.fixture(scope="module")
def settings() -> dict:
    return read_settings(str(ROOT / "pelicanconf.py"))


@pytest.mark.parametrize("count", range(0, 4 * PER_PAGE + 3))
def test_slices_hold_every_article_once_and_keep_when_one_is_added(settings, count):
    newest_first = list(range(count - 1, -1, -1))
    pages = dict(pagination.stable_pages("index.html", "", {"articles": newest_first}, settings, PER_PAGE))
    front, numbered = pages.pop("index.html"), pages
    assert sorted(n for names in [front, *numbered.values()] for n in names["articles_page"].object_list) == \
        list(range(count))
    assert len(front["articles_page"].object_list) == (count if count < 2 * PER_PAGE else
                                                        PER_PAGE + count % PER_PAGE)
    for save_as, names in numbered.items():
        number = names["articles_page"].number
        assert save_as == f"page/{number}/index.html"
        assert names["articles"] == list(range(number * PER_PAGE - 1, (number - 1) * PER_PAGE - 1, -1))
    # One newer article: every numbered page keeps its slice; at most one new one splits off.
    grown = dict(pagination.stable_pages("index.html", "", {"articles": [count, *newest_first]}, settings,
                                         PER_PAGE))
    kept = {save_as: names["articles"] for save_as, names in numbered.items()}
    assert {save_as: grown[save_as]["articles"] for save_as in kept} == kept
    assert len(set(grown) - set(pages) - {"index.html"}) <= 1


def test_front_page_holds_the_newest_and_page_1_the_oldest(tmp_path):
    site = make_site(tmp_path / "site", 3 * PER_PAGE + 5)
    build(site, **SETTINGS)
    out = site.output
    for front in LISTS:
        assert titles(out, front) == list(range(64, 39, -1))  # the newest 20 + 5
        assert titles(out, f"{front}page/2/") == list(range(39, 19, -1))
        assert titles(out, f"{front}page/1/") == list(range(19, -1, -1))
        assert numbered_pages(out, front) == [1, 2]
    home, second, first = read(out, ""), read(out, "page/2/"), read(out, "page/1/")
    assert "<title>Kiosque</title>" in home and "Plus récents" not in home
    assert re.search(r'rel="next" href="\./page/2/">Plus anciens →', home)
    assert "<title>Kiosque — articles du 21 janvier au 9 février 2018</title>" in second
    assert re.search(r'rel="prev" href="\.\./\.\./index.html">← Plus récents', second)  # INDEX_URL
    assert re.search(r'rel="next" href="\.\./\.\./page/1/">Plus anciens →', second)
    assert "Articles du 1er au 20 janvier 2018" in first and "Plus anciens" not in first
    assert "(65 articles)" in read(out, "tags/fil/")
    assert "articles)" not in read(out, "tags/fil/page/1/")  # no count: it would change every day


def test_a_short_list_has_no_numbered_page(tmp_path):
    site = make_site(tmp_path / "site", 2 * PER_PAGE - 1)
    build(site, **SETTINGS)
    assert titles(site.output, "tags/fil/") == list(range(38, -1, -1))
    assert numbered_pages(site.output, "tags/fil/") == []
    assert 'class="pagination"' not in read(site.output, "tags/fil/")


def test_a_new_newest_article_renders_only_the_front_pages(tmp_path):
    site = make_site(tmp_path / "site", 3 * PER_PAGE + 5)
    build(site, **SETTINGS)
    write_post(site.posts, 65)
    before, after, rendered = rebuild(site)
    assert rendered & list_pages(site.output) == {f"{front}index.html" for front in LISTS}
    assert untouched(before, after, list_pages(site.output) - rendered)
    assert_equals_clean_build(site, tmp_path / "clean", after)


def test_a_new_slice_renders_the_front_page_the_new_page_and_its_older_neighbour(tmp_path):
    site = make_site(tmp_path / "site", 3 * PER_PAGE - 1)
    build(site, **SETTINGS)
    assert numbered_pages(site.output, "") == [1]
    write_post(site.posts, 3 * PER_PAGE - 1)
    before, after, rendered = rebuild(site)
    assert numbered_pages(site.output, "") == [1, 2]
    assert titles(site.output, "page/2/") == list(range(39, 19, -1))
    assert rendered & list_pages(site.output) == {
        f"{front}{page}index.html" for front in LISTS for page in ("", "page/2/", "page/1/")}
    # page/1/ is rendered for its new « Plus récents » link; its articles did not move.
    assert titles(site.output, "page/1/") == list(range(19, -1, -1))
    assert_equals_clean_build(site, tmp_path / "clean", after)


def test_an_old_article_moves_only_the_newer_slices(tmp_path):
    site = make_site(tmp_path / "site", 3 * PER_PAGE + 5)
    build(site, **SETTINGS)
    write_post(site.posts, 900, START + timedelta(days=25, hours=1))  # between articles 25 and 26
    before, after, rendered = rebuild(site)
    oldest = {f"{front}page/1/index.html" for front in LISTS}
    assert not rendered & oldest and untouched(before, after, oldest)
    assert rendered & list_pages(site.output) == list_pages(site.output) - oldest
    assert titles(site.output, "page/2/") == [*range(38, 25, -1), 900, *range(25, 19, -1)]
    assert_equals_clean_build(site, tmp_path / "clean", after)


@pytest.mark.parametrize("incremental", [True, False])
def test_the_setting_off_gives_pelicans_pagination(tmp_path, incremental):
    site = make_site(tmp_path / "site", 3 * PER_PAGE + 5)
    build(site, KIOSQUE_STABLE_PAGINATION=False, KIOSQUE_INCREMENTAL=incremental, **SETTINGS)
    out = site.output
    assert titles(out, "tags/fil/") == list(range(64, 44, -1))
    assert titles(out, "tags/fil/page/2/") == list(range(44, 24, -1))
    assert titles(out, "tags/fil/page/4/") == list(range(4, -1, -1))
    assert numbered_pages(out, "tags/fil/") == [2, 3, 4]
    assert "../../tags/fil/page/2/" in urls(read(out, "tags/fil/"))
    assert "Articles du 1er au 5 janvier 2018" in unescape(read(out, "tags/fil/page/4/"))


def test_a_pattern_that_gives_slices_the_front_path_is_refused(settings):
    from pelican.paginator import PaginationRule

    only_front = {**settings, "PAGINATION_PATTERNS": [PaginationRule(1, "{url}", "{save_as}")]}
    with pytest.raises(ValueError, match="front page's path"):
        list(pagination.stable_pages("index.html", "", {"articles": list(range(50))}, only_front, PER_PAGE))


def test_no_stale_numbered_page_when_switching_schemes(tmp_path):
    site = make_site(tmp_path / "site", 3 * PER_PAGE + 5)
    build(site, KIOSQUE_STABLE_PAGINATION=False, **SETTINGS)
    assert numbered_pages(site.output, "") == [2, 3, 4]
    build(site, **SETTINGS)
    assert numbered_pages(site.output, "") == [1, 2]
    assert not os.path.exists(site.output / "page" / "4")
