"""The search page in Debian's Chromium, on the seed + 200 corpus articles served over HTTP."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import _QuietHandler
from kiosque_theme.dates import date_fr

SEED_SLUG = "trump-remercie-erdogan-pour-les-efforts-de-la-turquie"
TIMEOUT = 30_000


def wait_done(page) -> None:
    page.wait_for_selector("#recherche[data-state=done]", timeout=TIMEOUT)


def open_search(page, base: str, query: str = "", **params) -> None:
    parts = {"q": query, **params}
    query_string = "&".join(f"{k}={v}" for k, v in parts.items() if v)
    page.goto(f"{base}/recherche/{'?' + query_string if query_string else ''}")
    wait_done(page)


def submit(page, query: str) -> None:
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")  # runs the search at once, without the typing delay
    wait_done(page)


def result_count(page) -> int:
    match = re.match(r"([\d\u202f\u00a0 ]+) articles? trouvés?", page.inner_text("#search-status"))
    assert match, page.inner_text("#search-status")
    return int(re.sub(r"\D", "", match.group(1)))


def marked_words(page) -> set[str]:
    return {re.sub(r"^\W+|\W+$", "", text) for text in page.locator(".search-result__excerpt mark").all_inner_texts()}


def test_idlib_finds_the_seed_first(page, served_site):
    open_search(page, served_site, "Idlib")
    first = page.locator(".search-result").first
    assert SEED_SLUG in first.locator("a").get_attribute("href")
    assert first.locator(".search-result__title").inner_text().startswith("Trump remercie Erdoğan")
    assert first.locator(".search-result__section").inner_text() == "Turquie, États-Unis"
    assert "Idlib" in marked_words(page)


def test_result_shows_french_date_and_section(page, served_site):
    open_search(page, served_site, "Tours urgences")
    first = page.locator(".search-result").first
    assert "tours-deux-personnes-agees" in first.locator("a").get_attribute("href")
    assert first.locator("time").inner_text() == "18 mai 2018"
    assert first.locator("time").get_attribute("datetime") == "2018-05-18"
    assert first.locator(".search-result__section").inner_text() == "France"


def test_query_without_accents_finds_accented_words(page, served_site):
    open_search(page, served_site, "elysee")
    assert result_count(page) > 0
    assert any(word.endswith("Élysée") for word in marked_words(page))  # « l'Élysée » too
    submit(page, "Erdogan")
    titles = page.locator(".search-result__title").all_inner_texts()
    assert any("Erdoğan" in title for title in titles)


def test_singular_finds_plural(page, served_site):
    open_search(page, served_site, "enfant")
    assert "enfants" in marked_words(page)


def test_section_filter_narrows_results(page, served_site):
    open_search(page, served_site, "président")
    everything = result_count(page)
    page.select_option("#search-section", "Politique")
    wait_done(page)
    narrowed = result_count(page)
    assert 0 < narrowed < everything
    sections = page.locator(".search-result__section").all_inner_texts()
    assert sections and all("Politique" in section.split(", ") for section in sections)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["président"], "section": ["Politique"]}


def test_sorting_by_date_puts_newest_first(page, served_site):
    open_search(page, served_site, "gouvernement")
    relevance = page.locator(".search-result time").evaluate_all("ts => ts.map(t => t.dateTime)")
    page.select_option("#search-sort", "date")
    wait_done(page)
    dates = page.locator(".search-result time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert len(dates) >= 5
    assert dates == sorted(dates, reverse=True)
    assert dates != relevance  # the order did change
    page.select_option("#search-sort", "date-asc")
    wait_done(page)
    oldest_first = page.locator(".search-result time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert oldest_first == sorted(oldest_first)


def test_nonsense_query_says_so_in_french(page, served_site):
    open_search(page, served_site, "zzqxwv")
    assert page.inner_text("#search-status").startswith("Aucun article ne correspond à votre recherche")
    assert page.locator(".search-result").count() == 0


def test_header_box_leads_to_results(page, served_site):
    page.goto(f"{served_site}/")
    page.fill("#search-box-q", "Idlib")
    page.press("#search-box-q", "Enter")
    wait_done(page)
    assert urlsplit(page.url).path == "/recherche/"
    assert page.input_value("#search-q") == "Idlib"
    assert SEED_SLUG in page.locator(".search-result a").first.get_attribute("href")


def test_typing_updates_the_url(page, served_site):
    open_search(page, served_site)
    assert page.inner_text("#search-status").startswith("Saisissez")
    page.type("#search-q", "Idlib")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'Idlib'", timeout=TIMEOUT)
    page.wait_for_selector(".search-result", timeout=TIMEOUT)


def test_more_results_button_and_keyboard(page, served_site):
    open_search(page, served_site, "France")
    total = result_count(page)
    assert total > 10 and page.locator(".search-result").count() == 10
    page.focus("#search-more")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 10", timeout=TIMEOUT)
    # Focus moves to the first new result, so a keyboard user goes on reading from there.
    assert page.evaluate("() => document.activeElement.closest('.search-result') === "
                         "document.querySelectorAll('.search-result')[10]")


def newest_day(site) -> date:
    """The newest article is the undated seed, dated the day the test site was imported."""
    catalog = json.loads((site.output / "pagefind" / "shards.json").read_text())
    return date.fromisoformat(max(shard["last"] for shard in catalog["shards"]))


def test_accessible_names_and_live_region(page, served_site, corpus_site):
    open_search(page, served_site, "Idlib")
    assert page.get_by_label("Mots recherchés").input_value() == "Idlib"
    assert page.get_by_label("Section").evaluate("e => e.tagName") == "SELECT"
    # The first round searched the newest shards, and says so (the corpus site has older ones).
    assert page.get_by_role("status").inner_text() == (
        f"1 article trouvé pour « Idlib » parmi les articles du 22 janvier 2018 au {date_fr(newest_day(corpus_site))}. "
        "Les articles plus anciens n’ont pas encore été cherchés.")
    assert page.locator("#search-status").get_attribute("aria-live") == "polite"
    assert page.get_by_role("search").count() == 2  # the header box and the page's form


# --- shards: the newest first, older ones on demand ---------------------------------------------

def search_older(page) -> None:
    page.click("#search-older")
    wait_done(page)


def test_older_shards_on_demand(page, served_site, corpus_site):
    # « Hérault » is only in 2016 articles: the first round (2018 and later) says it found
    # nothing there — not the words starting with « h » that Pagefind falls back to.
    open_search(page, served_site, "herault")
    status = page.inner_text("#search-status")
    assert status.startswith("Aucun article ne correspond à votre recherche pour « herault » "
                             f"parmi les articles du 22 janvier 2018 au {date_fr(newest_day(corpus_site))}."), status
    assert page.locator(".search-result").count() == 0
    older = page.locator("#search-older")
    assert older.is_visible() and older.inner_text() == "Chercher dans les articles plus anciens"
    search_older(page)
    assert result_count(page) == 3
    assert page.locator("#search-older").is_hidden()  # the whole archive was searched
    dates = page.locator(".search-result time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates and all(date.startswith("2016-") for date in dates)
    assert any(word.startswith("Hérault") for word in marked_words(page))
    # The keyboard goes on to the first result found in the older articles.
    assert page.evaluate("() => document.activeElement.closest('.search-result') !== null")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["herault"]}


def all_dates(page) -> list[str]:
    """The dates of every result, after asking for all of them and for every older shard."""
    while True:
        if page.locator("#search-more").is_visible():
            count = page.locator(".search-result").count()
            page.click("#search-more")
            page.wait_for_function(f"() => document.querySelectorAll('.search-result').length > {count}",
                                   timeout=TIMEOUT)
        elif page.locator("#search-older").is_visible():
            search_older(page)
        else:
            return page.locator(".search-result time").evaluate_all("ts => ts.map(t => t.dateTime)")


def test_date_order_is_exact_across_shards(page, served_site):
    open_search(page, served_site, "France", tri="date")
    newest_first = all_dates(page)
    assert len(newest_first) == result_count(page) > 40
    assert newest_first == sorted(newest_first, reverse=True)
    assert newest_first[0][:4] >= "2019" and newest_first[-1][:4] == "2016"
    # Oldest first: the search starts from the oldest shards and offers the more recent ones.
    open_search(page, served_site, "France", tri="date-asc")
    assert page.locator(".search-result time").first.get_attribute("datetime")[:4] == "2016"
    assert page.locator("#search-older").get_attribute("hidden") is not None  # « Afficher plus » first
    assert page.locator("#search-older").inner_text() == "Chercher dans les articles plus récents"
    oldest_first = all_dates(page)
    assert oldest_first == sorted(oldest_first) and sorted(oldest_first) == sorted(newest_first)


def test_word_of_one_shard_brings_no_prefix_noise(page, served_site):
    # « Idlib » is only in the seed's shard; every other shard would answer with its words
    # starting with « i » or « id » (Pagefind's prefix fallback).
    open_search(page, served_site, "Idlib", tri="date")
    while page.locator("#search-older").is_visible():
        search_older(page)
    assert result_count(page) == 1
    assert page.locator(".search-result").count() == 1
    assert SEED_SLUG in page.locator(".search-result a").first.get_attribute("href")
    assert marked_words(page) == {"Idlib"}


def test_word_being_typed_still_finds_longer_words(page, served_site):
    open_search(page, served_site, "Idli")
    assert SEED_SLUG in page.locator(".search-result a").first.get_attribute("href")
    assert result_count(page) == 1


def test_older_year_searches_its_shards(page, served_site):
    open_search(page, served_site, "herault")
    page.select_option("#search-year", "2016")
    wait_done(page)
    assert result_count(page) == 3
    assert "parmi les articles du 24 mars 2016 au 12 décembre 2016" in page.inner_text("#search-status")
    assert page.locator("#search-older").is_hidden()


def test_filter_lists_come_from_one_small_file(page, served_site, corpus_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_search(page, served_site)
    years = page.locator("#search-year option").all_inner_texts()
    assert years[:3] == ["Toutes les années", f"{newest_day(corpus_site).year} (1)", "2020 (2)"]
    assert "Politique (27)" in page.locator("#search-section option").all_inner_texts()
    assert not [url for url in requested if "/filter/" in url]  # no Pagefind filter file
    assert any(url.endswith("/pagefind/filters.json") for url in requested)


@pytest.fixture(scope="module")
def sub_path_site(corpus_site, tmp_path_factory):
    """The same output served under /archive/kiosque/, as on a host with a sub-path."""
    root = tmp_path_factory.mktemp("sub-path")
    (root / "archive").mkdir()
    (root / "archive" / "kiosque").symlink_to(corpus_site.output, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/archive/kiosque"
    server.shutdown()


def test_works_under_a_sub_path(page, sub_path_site):
    open_search(page, sub_path_site, "Idlib")
    href = page.locator(".search-result a").first.get_attribute("href")
    assert urlsplit(href).path.startswith(f"/archive/kiosque/articles/{SEED_SLUG}")
    page.goto(href)
    assert page.locator("h1").inner_text().startswith("Trump remercie Erdoğan")


def test_without_javascript_a_french_message(browser, served_site):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{served_site}/recherche/?q=Idlib")
    assert "La recherche a besoin de JavaScript" in page.inner_text("#recherche")
    assert page.locator(".search-result").count() == 0
    context.close()
