"""Pelican's generator-level content cache (`CONTENT_CACHING_LAYER = "generator"`, on in
pelicanconf.py) as kiosque_incremental/articles_cache.py makes it safe: unchanged posts come back
as whole Article objects, yet the site is the one a clean build makes, after a change of the tag
registry, after a change of settings, and with this build's context."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ORANGE, Site, build, make_site_dirs
from kiosque_incremental import articles_cache
from pelican import signals
from test_tags_canonical import ARTICLE_A, ARTICLE_B, rename_person


def files(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def clean_build_of(site: Site, root: Path, **settings) -> dict[str, bytes]:
    """The same posts built from nothing: no cache, no output."""
    content = root / "content"
    shutil.copytree(site.content, content)
    clean = Site(root, content, content / "seeds", content / "posts", root / "output", root / "cache")
    build(clean, **settings)
    return files(clean.output)


def without_search(output: dict[str, bytes]) -> dict[str, bytes]:
    # Pagefind's file names and filter order vary between runs (see test_search.py).
    return {name: data for name, data in output.items() if not name.startswith("pagefind/")}


class Reads:
    """Posts Pelican read from disk (not from its cache) during a build."""

    def __init__(self):
        self.count = 0

    def __call__(self, sender, **kwargs):
        self.count += 1


@pytest.fixture
def reads():
    counter = Reads()
    signals.article_generator_preread.connect(counter)
    yield counter
    signals.article_generator_preread.disconnect(counter)


def test_unchanged_posts_are_not_read_again(tmp_path, reads):
    site = make_site_dirs(tmp_path / "site", sorted(ORANGE.glob("*.txt"))[:6])
    build(site, KIOSQUE_SEARCH=False)
    assert reads.count == 6
    build(site, KIOSQUE_SEARCH=False)
    assert reads.count == 6  # all six came back from the cache
    shutil.copy(sorted(ORANGE.glob("*.txt"))[6], site.seeds)
    build(site, KIOSQUE_SEARCH=False)
    assert reads.count == 7  # only the new post was read


def test_a_settings_change_drops_the_cache(tmp_path, reads):
    site = make_site_dirs(tmp_path / "site", sorted(ORANGE.glob("*.txt"))[:6])
    build(site, KIOSQUE_SEARCH=False)
    moved = {"ARTICLE_URL": "a/{slug}/", "ARTICLE_SAVE_AS": "a/{slug}/index.html", "KIOSQUE_SEARCH": False}
    build(site, **moved)
    assert reads.count == 12  # read again: slugs and URLs were made with the old settings
    assert files(site.output) == clean_build_of(site, tmp_path / "clean", **moved)


def test_cached_articles_follow_a_registry_change(tmp_path):
    """Article A is cached with the tag « Erdogan »; article B then teaches the registry that
    Erdogan is Recep Tayyip Erdoğan: the cached A must be renamed as a fresh A would be."""
    site = make_site_dirs(tmp_path / "site", [])
    (site.seeds / "001_aaaaaaaaaaaaaaaa.txt").write_text(ARTICLE_A, encoding="utf-8")
    build(site)
    (site.seeds / "002_bbbbbbbbbbbbbbbb.txt").write_text(ARTICLE_B, encoding="utf-8")
    build(site)
    rebuilt = files(site.output)
    assert without_search(rebuilt) == without_search(clean_build_of(site, tmp_path / "clean"))
    page = rebuilt["tags/recep-tayyip-erdogan/index.html"].decode()
    assert page.count("articles/") >= 2
    assert b'http-equiv="refresh"' in rebuilt["tags/erdogan/index.html"]

    # A hand edit of the registry: the person is renamed « Tayyip Erdoğan » and the spelling
    # « Recep Tayyip Erdoğan » is dropped. A is cached already renamed to that spelling, which
    # the registry no longer knows: only the name A's post writes (« Erdogan », a surname)
    # leads to the new name.
    rename_person(site, "Recep Tayyip Erdoğan", "Tayyip Erdoğan")
    build(site)
    rebuilt = files(site.output)
    assert without_search(rebuilt) == without_search(clean_build_of(site, tmp_path / "clean-2"))
    assert "tags/tayyip-erdogan/" in rebuilt["articles/erdogan-menace-damas/index.html"].decode()


def test_cached_articles_read_this_builds_context(tmp_path):
    site = make_site_dirs(tmp_path / "site", sorted(ORANGE.glob("*.txt"))[:4])
    build(site, KIOSQUE_SEARCH=False)
    seen = []

    def check(generator):
        seen.extend(article._context is generator.context for article in generator.articles)

    signals.article_generator_finalized.connect(check)
    try:
        build(site, KIOSQUE_SEARCH=False)
    finally:
        signals.article_generator_finalized.disconnect(check)
    assert seen == [True] * 4


def test_the_cache_file_holds_its_digest_and_no_context(tmp_path):
    import pickle

    site = make_site_dirs(tmp_path / "site", sorted(ORANGE.glob("*.txt"))[:3])
    build(site, KIOSQUE_SEARCH=False)
    cache = pickle.loads((site.cache / "ArticlesGenerator").read_bytes())
    _, digest = cache.pop(articles_cache.DIGEST_KEY)
    assert isinstance(digest, str) and len(digest) == 32
    assert len(cache) == 3 and all(article._context is None for _, article in cache.values())
    assert not list(site.cache.glob("*-Readers"))


def test_the_reader_layer_still_works(tmp_path, reads):
    """A site that keeps Pelican's default layer gets what it had before."""
    site = make_site_dirs(tmp_path / "site", sorted(ORANGE.glob("*.txt"))[:5])
    build(site, KIOSQUE_SEARCH=False, CONTENT_CACHING_LAYER="reader")
    build(site, KIOSQUE_SEARCH=False, CONTENT_CACHING_LAYER="reader")
    assert reads.count == 10  # the reader layer builds every Article again
    assert (site.cache / "ArticlesGenerator-Readers").is_file()
    assert files(site.output) == clean_build_of(site, tmp_path / "clean", KIOSQUE_SEARCH=False)

