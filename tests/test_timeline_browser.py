"""The archive in time in Debian's Chromium, on the seed + 200 corpus articles served over HTTP:
« Ce jour-là » on the home page at a fixed date, a cell of the year grid, a day of a year's
calendar, and the search chart's bars filtering the search by year."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from kiosque_theme.dates import articles_fr
from kiosque_theme.timeline import day_label
from test_search_browser import TIMEOUT, open_search, result_count, wait_done
from test_timeline import dated, posts_of


@pytest.fixture(scope="module")
def busiest_day(corpus_site):
    """The day of the year with articles in the most years, and its posts (newest first)."""
    days = defaultdict(list)
    for meta in dated(posts_of(corpus_site.posts)):
        days[(meta["when"].month, meta["when"].day)].append(meta)
    key, metas = max(days.items(), key=lambda item: (len({m["when"].year for m in item[1]}), item[0]))
    return key, sorted(metas, key=lambda m: m["when"], reverse=True)


def test_this_day_on_the_home_page_at_a_fixed_date(browser, served_site, busiest_day):
    (month, day), metas = busiest_day
    newest_year = metas[0]["when"].year
    earlier = [m for m in metas if m["when"].year < newest_year]
    assert earlier  # the day has articles in an earlier year than the newest
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    # « Today » is that day in the newest year that has one of its articles: only earlier years show.
    page.clock.set_fixed_time(datetime(newest_year, month, day, 9, 30))
    page.goto(f"{served_site}/")
    page.wait_for_selector("#ce-jour-la[data-state=done]", timeout=TIMEOUT)
    section = page.locator("#ce-jour-la")
    assert section.locator("h2").inner_text() == f"Ce jour-là, un {day_label(day, month)}"
    items = section.locator(".this-day__list li").all_inner_texts()
    assert items == [f"{m['when'].year} — {m['Title']}" for m in earlier][:6]
    section.locator(".this-day__more a").click()
    assert urlsplit(page.url).path == f"/ce-jour-la/{month:02d}-{day:02d}/"
    assert page.locator("h1").inner_text() == f"Ce jour-là : {day_label(day, month)} ({articles_fr(len(metas))})"
    context.close()


def test_without_javascript_the_home_page_links_to_the_calendar(browser, served_site):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{served_site}/")
    link = page.locator("#ce-jour-la a")
    assert link.inner_text() == "le calendrier « Ce jour-là »"
    link.click()
    assert urlsplit(page.url).path == "/ce-jour-la/"
    assert page.locator("svg.heat--month").count() == 12
    context.close()


def test_a_year_grid_cell_opens_its_month(page, served_site):
    page.goto(f"{served_site}/archives/")
    cell = page.locator('svg.heat--grid a[aria-label^="mai 2018 :"]')
    count = int(cell.get_attribute("data-count"))
    cell.click()
    assert urlsplit(page.url).path == "/archives/2018/05/"
    assert page.locator("h1").inner_text() == f"Archives : mai 2018 ({articles_fr(count)})"
    assert page.locator(".compact-list li").count() == count


def test_a_calendar_day_opens_its_heading_in_the_month(page, served_site):
    page.goto(f"{served_site}/archives/2018/")
    day = page.locator('svg.heat--month a[aria-label^="18 mai 2018 :"]')
    count = int(day.get_attribute("data-count"))
    day.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/archives/2018/05/#jour-18$"))
    heading = page.locator("#jour-18")
    assert heading.inner_text() == f"18 mai 2018 ({articles_fr(count)})"
    assert heading.evaluate("h => h.matches(':target')")
    assert heading.locator("xpath=following-sibling::ul[1]/li").count() == count


def bars(page) -> dict[str, int]:
    return {a.get_attribute("data-year"): int(a.get_attribute("data-count"))
            for a in page.locator("#search-years a[data-count]").all()}


def test_a_bar_of_the_search_chart_filters_by_its_year(page, served_site):
    open_search(page, served_site, "France")
    counts = bars(page)
    assert sum(counts.values()) == result_count(page)  # every result counted once, in its year
    caption = page.locator("#search-years figcaption").inner_text()
    assert caption.startswith("Articles trouvés par année, parmi les articles du 22 janvier 2018 au ")
    table = page.locator("#search-years table tbody tr").all_inner_texts()
    assert {row.split("\t")[0]: int(row.split("\t")[1]) for row in table if not row.endswith("\t0")} == counts
    year = min(counts, key=lambda y: (counts[y] == max(counts.values()), y))  # not the biggest: a real filter
    page.locator(f'#search-years a[data-year="{year}"]').click()
    wait_done(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["France"], "annee": [year]}
    assert page.input_value("#search-year") == year
    assert result_count(page) == counts[year]
    assert bars(page) == {year: counts[year]}
    dates = page.locator(".search-result time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates and all(d.startswith(f"{year}-") for d in dates)
    # « Toutes les années » (from the keyboard) takes the filter off again.
    page.focus("#search-years .search-years__all")
    page.keyboard.press("Enter")
    wait_done(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["France"]}
    assert bars(page) == counts


def test_the_search_chart_grows_with_older_shards(page, served_site):
    open_search(page, served_site, "herault")
    assert page.locator("#search-years").is_hidden()  # nothing found in the newest shards
    page.click("#search-older")
    wait_done(page)
    assert bars(page) == {"2016": 3}
    assert page.locator("#search-years figcaption").inner_text().startswith(
        "Articles trouvés par année, dans toute l’archive")
