"""axe-core finds no violation on each page type, in Debian's Chromium, in light and dark
schemes; the skip link works from the keyboard; nothing overflows a 360 px screen."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

SEED_URL = "articles/trump-remercie-erdogan-pour-les-efforts-de-la-turquie-afin-d-empecher-une/"
PAGES = {
    "home": "",
    "article": SEED_URL,
    "earlier version": "articles/cannes-la-ceremonie-de-cloture-en-direct/",  # « Autres versions »
    "archives": "archives/",
    "year": "archives/2018/",
    "month": "archives/2018/05/",
    "ce jour-là": "ce-jour-la/",
    "ce jour-là day": "ce-jour-la/05-18/",
    "tag index": "tags/",
    "tag": "tags/france/",
    "section": "sections/france/",
    "dossier": "tags/emmanuel-macron/",
    "404": "404.html",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violation(served_site, page, axe, name):
    page.goto(f"{served_site}/{PAGES[name]}")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", ["home", "article", "dossier", "archives", "year", "ce jour-là"])
def test_no_axe_violation_in_dark_mode(served_site, page, axe, name):
    page.emulate_media(color_scheme="dark")
    page.goto(f"{served_site}/{PAGES[name]}")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_skip_link_is_first_and_moves_focus_to_main(served_site, page):
    page.goto(f"{served_site}/{SEED_URL}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#contenu"
    page.keyboard.press("Tab")
    # The next stop is inside the main content, past the header.
    assert page.evaluate("document.getElementById('contenu').contains(document.activeElement)")


@pytest.mark.parametrize("name", ["home", "article", "tag index", "dossier", "archives", "year", "ce jour-là"])
def test_fits_a_360px_screen(served_site, page, name):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{served_site}/{PAGES[name]}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_axe_sees_a_violation(page, axe):
    page.set_content('<html lang="fr"><body><main><img src="x.png"><a href="/"></a></main></body></html>')
    ids = {v["id"] for v in axe.run(page).response["violations"]}
    assert {"image-alt", "link-name"} <= ids


def test_no_axe_violation_on_search_results(served_site, page, axe):
    """The search page once Pagefind has answered: filters, results with marks, the live region."""
    page.goto(f"{served_site}/recherche/?q=Idlib")
    page.wait_for_selector("#recherche[data-state=done]", timeout=20_000)
    assert page.locator(".search-result").count() >= 1
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_on_the_time_charts_drawn_in_the_browser(served_site, page, axe, scheme):
    """The search chart (results per year) and « Ce jour-là » filled in on the home page."""
    from datetime import datetime

    page.emulate_media(color_scheme=scheme)
    page.goto(f"{served_site}/recherche/?q=France")
    page.wait_for_selector("#recherche[data-state=done]", timeout=20_000)
    assert page.locator("#search-years a").count() >= 2
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.clock.set_fixed_time(datetime(2019, 5, 18, 9, 0))
    page.goto(f"{served_site}/")
    page.wait_for_selector("#ce-jour-la[data-state=done]", timeout=20_000)
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
