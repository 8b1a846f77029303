"""Stories in Debian's Chromium: an article with two versions (the DGSE story of the corpus) shows
once in the latest articles and in search, and its article page links both versions."""

from __future__ import annotations

import functools
import threading

import pytest
from conftest import _QuietHandler, _QuietServer, build, make_site_dirs
from test_search_browser import open_search, result_count
from test_stories_site import NEW, OLD, raw_files

TIMEOUT = 30_000
LATEST = "Deux militaires rattachés à la DGSE écroués pour tentative de meurtre"
FIRST = "Deux agents de la DGSE mis en examen pour tentative de meurtre"


@pytest.fixture(scope="module")
def stories_site(tmp_path_factory):
    """The story fixtures and a few corpus articles, search index included, over HTTP."""
    site = make_site_dirs(tmp_path_factory.mktemp("stories-browser"), raw_files())
    build(site)
    handler = functools.partial(_QuietHandler, directory=str(site.output))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_story_is_listed_once_with_two_versions(page, stories_site):
    page.goto(f"{stories_site}/")
    cards = page.locator(".card", has_text="DGSE")
    assert cards.count() == 1
    assert cards.locator(".card__title").inner_text() == LATEST
    assert cards.locator(".versions-badge").inner_text() == "2 versions"
    assert page.get_by_text(FIRST).count() == 0


def test_search_returns_one_result_for_the_story(page, stories_site):
    open_search(page, stories_site, "DGSE")
    assert result_count(page) == 1
    link = page.locator(".search-result a").first.get_attribute("href")
    assert f"/articles/{NEW}/" in link


def test_the_article_page_links_both_versions(page, stories_site):
    page.goto(f"{stories_site}/articles/{NEW}/")
    versions = page.get_by_role("region", name="Autres versions de cet article")
    assert versions.locator("li").count() == 2
    assert "Vous lisez la dernière version" in versions.inner_text()
    assert versions.locator("[aria-current=page]").inner_text().startswith("4 août 2020")
    versions.get_by_role("link", name=FIRST).click()
    page.wait_for_url(f"**/articles/{OLD}/", timeout=TIMEOUT)
    older = page.get_by_role("region", name="Autres versions de cet article")
    assert "Une version plus récente de cet article existe." in older.inner_text()
    older.get_by_role("link", name=LATEST).click()
    page.wait_for_url(f"**/articles/{NEW}/", timeout=TIMEOUT)
