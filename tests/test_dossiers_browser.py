"""A dossier in Debian's Chromium (Playwright), on the corpus site: the timeline is drawn without
JavaScript, a bar leads to its month's articles (on an older page of the list), a co-mention to
the other entity's dossier."""

from __future__ import annotations

import re

DOSSIER = "tags/emmanuel-macron/"  # a person's dossier (he lives on his tag's page)
PERSON = "personnes/emmanuel-macron/"  # his own dossier: every article that names him
LONG_LIST = "tags/france/"  # a list with an older page: its first bars lead there


def test_the_timeline_is_drawn_without_javascript(served_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}/{DOSSIER}")
    # 19: with up to seven names in the tags, « Loire : un maire offre … » (049, « soutien d'Emmanuel
    # Macron ») carries his tag too.
    assert page.locator("h1").inner_text() == "Emmanuel Macron (19 articles)"
    bars = page.locator("svg.chart__svg .chart__bar")
    rows = page.locator("figure.chart table tbody tr")
    assert bars.count() == rows.count() > 1
    counts = [int(n) for n in page.locator("figure.chart table tbody td").all_inner_texts()]
    assert sum(counts) == 19
    tallest = max(bars.nth(i).bounding_box()["height"] for i in range(bars.count()))
    assert tallest > 100  # drawn, in a 7.5 rem plot
    context.close()


def test_a_bar_leads_to_its_month_on_an_older_page(served_site, page):
    page.goto(f"{served_site}/{LONG_LIST}")
    bar = page.locator("svg.chart__svg a.chart__link").first
    label = bar.get_attribute("aria-label")  # « août 2016 : 3 articles »
    month, count = re.fullmatch(r"(\w+ \d{4}) : (\d+) articles?", label).groups()
    bar.click()
    page.wait_for_url(re.compile(r"/tags/france/page/[\d-]+/#mois-\d{4}-\d{2}$"))
    heading = page.locator(".month-heading:target")
    assert heading.inner_text() == month.capitalize()
    # The oldest month of the list: every one of its articles is on this page, under its heading.
    anchor = page.evaluate("location.hash.slice(1)")
    dates = page.evaluate("""id => {
        const found = [];
        let node = document.getElementById(id).nextElementSibling;
        for (const time of node.querySelectorAll('.card__meta time')) found.push(time.dateTime);
        return found; }""", anchor)
    assert len(dates) == int(count)
    assert all(d.startswith(anchor[len("mois-"):]) for d in dates)


def test_a_co_mention_leads_to_the_other_dossier(served_site, page):
    # Between two entities' own dossiers the shared count is the same both ways (a tag's page may
    # list more articles than name the entity, so it is not the place to check that).
    page.goto(f"{served_site}/{PERSON}")
    first = page.locator(".cited__list > li > a").first
    name = first.inner_text()
    shared = page.locator(".cited__list > li").first.locator(".count").inner_text()  # « (5 articles en commun) »
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith(name + " (")
    assert page.locator(".dossier dt").first.inner_text().upper() == "TYPE"
    # Macron is cited there too, with the same number of shared articles.
    # (His name, not a shared article's title that holds it.)
    back = page.locator(".cited__list > li", has=page.get_by_role("link", name="Emmanuel Macron", exact=True))
    assert back.locator(".count").inner_text() == shared


def test_a_skip_link_goes_past_the_timeline_to_the_articles(served_site, page):
    page.goto(f"{served_site}/{LONG_LIST}")
    skip = page.get_by_role("link", name="Aller à la liste des articles")
    assert skip.bounding_box()["width"] <= 1  # hidden until focused
    # From the dossier's link before it (« son dossier »), the next stop is the skip link, before any bar.
    links = page.locator(".dossier a")
    texts = links.all_inner_texts()
    at = texts.index("Aller à la liste des articles")
    assert texts[at - 1] == "son dossier"
    links.nth(at - 1).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller à la liste des articles"
    box = skip.bounding_box()
    assert box["width"] > 100 and box["height"] > 10  # shown once focused
    bars = page.locator("svg.chart__svg a.chart__link").count()
    assert bars > 12 and len(texts) - at - 1 >= bars + 12  # the bars and the co-mentions it passes
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#liste-articles"
    page.keyboard.press("Tab")
    # The next stop is the first article of the list, past every bar and co-mention.
    first = page.locator("#liste-articles .cards a").first
    assert page.evaluate("document.activeElement.href") == first.evaluate("a => a.href")
    assert page.evaluate("!document.querySelector('.dossier').contains(document.activeElement)")
