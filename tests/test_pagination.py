"""Stable pagination (plugins/kiosque_pagination/chunks.py): list pages are chunks cut where
the articles say (content-defined), named by the day they start; the list's own URL holds the
newest ones, so that adding an article, of any date, re-renders as few list pages as possible,
and a rebuild still equals a clean build."""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime, timedelta
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, Site, build
from kiosque_pagination import chunks as pagination
from pelican import signals
from pelican.settings import read_settings
from test_incremental import Rendered, snapshot
from theme_fixtures import post, read, urls

PER_PAGE = 20  # DEFAULT_PAGINATION in pelicanconf.py
SIZES = pagination.Sizes.for_page(PER_PAGE)
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


def item(number: int, when: datetime | None = None) -> SimpleNamespace:
    """What pagination reads of the article write_post writes."""
    return SimpleNamespace(number=number, save_as=f"articles/a-{number:03d}/index.html",
                           date=when or START + timedelta(days=number))


def chunked(items: list) -> tuple[dict[str, list[int]], list[int]]:
    """The sealed chunks of articles given oldest first, by name, and the open chunk, as numbers."""
    sealed, open_chunk = pagination.chunks(items, SIZES)
    names = pagination.chunk_names(sealed)
    return ({name: [i.number for i in chunk] for name, chunk in zip(names, sealed, strict=True)},
            [i.number for i in open_chunk])


def titles(output: Path, url: str) -> list[int]:
    """The article numbers a list page shows, in order."""
    return [int(n) for n in re.findall(r'class="card__title"><a href="[^"]*">Article (\d+)</a>', read(output, url))]


def chunk_pages(output: Path, front: str) -> set[str]:
    return {p.parent.name for p in (output / front).glob("page/*/index.html")}


def list_pages(output: Path) -> set[str]:
    """Every page of the test lists, as output paths."""
    return {f"{front}index.html" for front in LISTS} | {
        p.relative_to(output).as_posix() for front in LISTS for p in (output / front).glob("page/*/index.html")}


def pages_of(names, fronts=True) -> set[str]:
    """The output paths of these chunks (and of the front pages) in every test list."""
    return {f"{front}page/{name}/index.html" for front in LISTS for name in names} | (
        {f"{front}index.html" for front in LISTS} if fronts else set())


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


def paginate(settings, newest_first) -> dict:
    return dict(pagination.stable_pages("index.html", "", {"articles": newest_first}, settings, PER_PAGE))


def test_chunk_sizes_give_pages_of_per_page_articles_on_average():
    assert (SIZES.least, SIZES.odds, SIZES.most) == (10, 11, 40)
    sealed, _ = pagination.chunks([item(n) for n in range(10_000)], SIZES)
    assert 18 <= 10_000 / len(sealed) <= 22


@pytest.mark.parametrize("count", [*range(0, 3 * PER_PAGE), 97, 150, 333])
def test_every_article_is_on_one_chunk_and_the_front_shows_the_newest(settings, count):
    newest_first = [item(n) for n in range(count - 1, -1, -1)]
    pages = paginate(settings, newest_first)
    front, chunks = pages.pop("index.html"), list(pages.values())
    # Every article once: on the front page or on the page of a chunk it does not show.
    on_pages = [i.number for names in [front, *chunks] for i in names["articles_page"].object_list]
    assert sorted(on_pages) == list(range(count))
    for names in chunks:
        page = names["articles_page"]
        assert SIZES.least <= len(page.object_list) <= SIZES.most
        assert page.save_as == f"page/{page.label}/index.html"
        assert page.label.startswith(page.object_list[-1].date.date().isoformat())
        assert names["articles"] == page.object_list and page.has_previous()
    # The front page: the newest articles, at least PER_PAGE of them, then a link to the newest
    # chunk it does not show.
    shown = front["articles_page"].object_list
    assert shown == newest_first[:len(shown)] and len(shown) >= min(count, PER_PAGE)
    older = front["articles_next_page"]
    assert (older is None) == (len(shown) == count)
    if older:
        assert pages[older.save_as]["articles_page"].object_list[0] is newest_first[len(shown)]


@pytest.mark.parametrize("count", range(0, 3 * PER_PAGE))
def test_chunks_keep_when_a_newer_article_is_added(settings, count):
    newest_first = [item(n) for n in range(count - 1, -1, -1)]
    pages = paginate(settings, newest_first)
    grown = paginate(settings, [item(count), *newest_first])
    for save_as, names in pages.items():
        if save_as != "index.html":
            assert grown[save_as]["articles"] == names["articles"]
            assert grown[save_as]["articles_next_page"] == names["articles_next_page"]
    assert len(set(grown) - set(pages)) <= 1


def test_an_inserted_article_changes_its_chunk_and_at_most_two_neighbours():
    items = [item(n) for n in range(1000)]
    before = chunks_and_front(items)
    spread = []
    for position in range(1000):
        inserted = item(5000 + position, items[position].date - timedelta(hours=1))
        after = chunks_and_front([*items[:position], inserted, *items[position:]])
        changed = [name for name in after if after[name] != before.get(name)]
        spread.append(len(changed))
        assert len(set(before) - set(after)) <= 3, position
        # The changed chunks are next to each other, and one holds the inserted article.
        spots = [list(after).index(name) for name in changed]
        assert spots == list(range(spots[0], spots[0] + len(spots))), position
        assert any(inserted.number in after[name] for name in changed), position
    assert spread[500] == 1
    # A third neighbour only past a chunk cut at MAX (a run with no hit): the next starts shift.
    assert min(spread) >= 1 and max(spread) <= 4 and spread.count(4) <= 5


def chunks_and_front(items: list) -> dict[str, list[int]]:
    """The chunks, oldest first, then the open one (as « front »)."""
    sealed, open_chunk = chunked(items)
    return {**sealed, "front": open_chunk}


def test_chunks_starting_on_the_same_day_are_numbered_oldest_first():
    same_day = [item(n, START + timedelta(minutes=n)) for n in range(200)]
    names = list(chunked(same_day)[0])
    assert names[:3] == ["2018-01-01", "2018-01-01-2", "2018-01-01-3"]
    assert len(set(names)) == len(names)


def test_undated_objects_are_named_by_their_hash(settings):
    pages = paginate(settings, list(range(99, -1, -1)))
    labels = [names["articles_page"].label for save_as, names in pages.items() if save_as != "index.html"]
    assert labels and all(re.fullmatch(r"[0-9a-f]{10}", label) for label in labels)


def test_front_page_holds_the_newest_and_chunks_are_named_by_their_first_day(tmp_path):
    site = make_site(tmp_path / "site", 65)
    build(site, **SETTINGS)
    out = site.output
    sealed, open_chunk = chunked([item(n) for n in range(65)])
    assert list(sealed) == ["2018-01-01", "2018-01-13", "2018-01-29", "2018-02-18"]
    assert open_chunk == [62, 63, 64]
    for front in LISTS:
        # Three open, then the two newest chunks (14 and 20 articles) to show at least 20: those
        # two have no page of their own.
        assert titles(out, front) == list(range(64, 27, -1))
        assert chunk_pages(out, front) == {"2018-01-01", "2018-01-13"}
        for name in ("2018-01-01", "2018-01-13"):
            assert titles(out, f"{front}page/{name}/") == sealed[name][::-1]
    home, newest, oldest = read(out, ""), read(out, "page/2018-01-13/"), read(out, "page/2018-01-01/")
    assert "<title>Kiosque</title>" in home and "Plus récents" not in home
    assert re.search(r'rel="next" href="\./page/2018-01-13/">Plus anciens →', home)
    assert "<title>Kiosque — articles du 13 au 28 janvier 2018</title>" in newest
    assert re.search(r'rel="prev" href="\.\./\.\./index.html">← Plus récents', newest)  # INDEX_URL
    assert re.search(r'rel="next" href="\.\./\.\./page/2018-01-01/">Plus anciens →', newest)
    assert "Articles du 1er au 12 janvier 2018" in oldest and "Plus anciens" not in oldest
    assert re.search(r'rel="prev" href="\.\./\.\./page/2018-01-13/">← Plus récents', oldest)
    assert "(65 articles)" in read(out, "tags/fil/")
    assert "articles)" not in read(out, "tags/fil/page/2018-01-01/")  # no count: it would change every day


def test_a_list_without_a_boundary_is_a_single_page(tmp_path):
    site = make_site(tmp_path / "site", SIZES.least - 1)
    build(site, **SETTINGS)
    assert titles(site.output, "tags/fil/") == list(range(SIZES.least - 2, -1, -1))
    assert chunk_pages(site.output, "tags/fil/") == set()
    assert 'class="pagination"' not in read(site.output, "tags/fil/")


def test_a_new_newest_article_renders_only_the_front_pages(tmp_path):
    site = make_site(tmp_path / "site", 65)
    build(site, **SETTINGS)
    assert chunked([item(n) for n in range(66)])[1] == [62, 63, 64, 65]  # 65 seals nothing
    write_post(site.posts, 65)
    before, after, rendered = rebuild(site)
    assert rendered & list_pages(site.output) == pages_of([])
    assert untouched(before, after, list_pages(site.output) - rendered)
    assert_equals_clean_build(site, tmp_path / "clean", after)


def test_a_sealed_chunk_stays_on_the_front_page_and_renders_no_other_page(tmp_path):
    site = make_site(tmp_path / "site", 71)
    build(site, **SETTINGS)
    sealed, open_chunk = chunked([item(n) for n in range(72)])
    assert list(sealed)[-2:] == ["2018-02-18", "2018-03-04"] and open_chunk == []  # 71 seals 62–71
    write_post(site.posts, 71)
    before, after, rendered = rebuild(site)
    # The front page shows the new chunk (10 articles) and the one before (14), as before.
    assert chunk_pages(site.output, "") == {"2018-01-01", "2018-01-13", "2018-01-29"}
    assert titles(site.output, "") == list(range(71, 47, -1))
    assert rendered & list_pages(site.output) == pages_of([])
    assert_equals_clean_build(site, tmp_path / "clean", after)


def test_a_chunk_leaving_the_front_page_renders_its_page_and_its_older_neighbour(tmp_path):
    site = make_site(tmp_path / "site", 67)
    build(site, **SETTINGS)
    assert chunk_pages(site.output, "") == {"2018-01-01", "2018-01-13"}  # 5 open + 14 + 20 on the front
    write_post(site.posts, 67)  # 6 open + 14: 2018-01-29 leaves the front page
    before, after, rendered = rebuild(site)
    assert chunk_pages(site.output, "") == {"2018-01-01", "2018-01-13", "2018-01-29"}
    assert titles(site.output, "page/2018-01-29/") == list(range(47, 27, -1))
    # 2018-01-13 is rendered for its new « Plus récents » link; its articles did not move.
    assert rendered & list_pages(site.output) == pages_of(["2018-01-29", "2018-01-13"])
    assert titles(site.output, "page/2018-01-13/") == list(range(27, 11, -1))
    assert_equals_clean_build(site, tmp_path / "clean", after)


def test_an_old_article_renders_its_chunk_and_the_front_pages_not_the_newer_chunks(tmp_path):
    site = make_site(tmp_path / "site", 120)
    build(site, **SETTINGS)
    old, _ = chunked([item(n) for n in range(120)])
    when = START + timedelta(days=25, hours=1)  # between articles 25 and 26
    write_post(site.posts, 900, when)
    before, after, rendered = rebuild(site)
    new, _ = chunked([*(item(n) for n in range(26)), item(900, when), *(item(n) for n in range(26, 120))])
    changed = {name for name in new if new[name] != old.get(name)}
    assert changed == {"2018-01-13"}  # 12–27, with 900
    assert titles(site.output, "page/2018-01-13/") == [*range(27, 25, -1), 900, *range(25, 11, -1)]
    # The terms' front pages count their articles; the home page shows only its newest ones.
    assert rendered & list_pages(site.output) == pages_of(changed, fronts=False) | {
        "sections/monde/index.html", "tags/fil/index.html"}
    assert untouched(before, after, list_pages(site.output) - rendered)
    assert_equals_clean_build(site, tmp_path / "clean", after)


@pytest.mark.parametrize("incremental", [True, False])
def test_the_setting_off_gives_pelicans_pagination(tmp_path, incremental):
    site = make_site(tmp_path / "site", 3 * PER_PAGE + 5)
    build(site, KIOSQUE_STABLE_PAGINATION=False, KIOSQUE_INCREMENTAL=incremental, **SETTINGS)
    out = site.output
    assert titles(out, "tags/fil/") == list(range(64, 44, -1))
    assert titles(out, "tags/fil/page/2/") == list(range(44, 24, -1))
    assert titles(out, "tags/fil/page/4/") == list(range(4, -1, -1))
    assert chunk_pages(out, "tags/fil/") == {"2", "3", "4"}
    assert "../../tags/fil/page/2/" in urls(read(out, "tags/fil/"))
    assert "Articles du 1er au 5 janvier 2018" in unescape(read(out, "tags/fil/page/4/"))


def test_a_pattern_that_gives_chunks_the_front_path_is_refused(settings):
    from pelican.paginator import PaginationRule

    only_front = {**settings, "PAGINATION_PATTERNS": [PaginationRule(1, "{url}", "{save_as}")]}
    with pytest.raises(ValueError, match="front page's path"):
        list(pagination.stable_pages("index.html", "", {"articles": list(range(200))}, only_front, PER_PAGE))


def test_no_stale_numbered_page_when_switching_schemes(tmp_path):
    site = make_site(tmp_path / "site", 3 * PER_PAGE + 5)
    build(site, KIOSQUE_STABLE_PAGINATION=False, **SETTINGS)
    assert chunk_pages(site.output, "") == {"2", "3", "4"}
    build(site, **SETTINGS)
    assert chunk_pages(site.output, "") == {"2018-01-01", "2018-01-13"}
    assert not os.path.exists(site.output / "page" / "2")
