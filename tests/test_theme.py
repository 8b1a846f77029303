"""The archive theme on real builds: the seed and the 200 corpus articles (``corpus_site``), and
a tiny hand-written site with what the corpus lacks (holes, facets, a hostile title)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ORANGE
from kiosque_core.shape import is_redirect
from kiosque_theme.dates import date_fr, span_fr
from theme_fixtures import GAP, HOSTILE_TITLE, SUJET6_POSTS, attributes, build_tiny_site, chunk_pages, read, urls

SEED_TITLE = ("Trump remercie Erdoğan pour les efforts de la Turquie afin d’empêcher une catastrophe "
              "humanitaire à Idlib")
SEED_URL = "articles/trump-remercie-erdogan-pour-les-efforts-de-la-turquie-afin-d-empecher-une/"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return build_tiny_site(tmp_path_factory.mktemp("tiny-site")).output


def text_of(html: str, css_class: str) -> str:
    """Text of the first element whose class list starts with ``css_class``."""
    match = re.search(rf'class="{css_class}[^"]*"[^>]*>(.*?)</', html, re.S)
    assert match, css_class
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


def hrefs_with(html: str, fragment: str) -> list[str]:
    return [u for u in urls(html) if fragment in u]


def resolve(page_url: str, href: str) -> str:
    """A relative href of the page at ``page_url`` as a site-relative URL."""
    parts = page_url.rstrip("/").split("/") if page_url else []
    for piece in href.split("/")[:-1]:
        if piece == "..":
            parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts) + "/"


# --- the seed and the corpus -------------------------------------------------------------------

def test_seed_article_shows_title_unknown_date_and_kicker(corpus_site):
    html = read(corpus_site.output, SEED_URL)
    assert text_of(html, "article__title") == SEED_TITLE
    assert text_of(html, "date date--unknown") == "date inconnue"
    assert text_of(html, "badge") == "FLASH INFO"
    assert "000_9e9c1d13546101e7.txt" in html
    assert '<html lang="fr">' in html


def test_seed_tags_link_to_tag_pages_that_list_it(corpus_site):
    html = read(corpus_site.output, SEED_URL)
    tag_links = re.findall(r'<a href="([^"]+)" data-pagefind-filter="tag">([^<]+)</a>', html)
    assert [unescape(name) for _, name in tag_links][:2] == ["Turquie", "États-Unis"]
    for href, _name in tag_links:
        tag_page = read(corpus_site.output, resolve(SEED_URL, href))
        assert SEED_URL in " ".join(urls(tag_page)).replace("../", "")


def test_orange_article_shows_its_french_date(corpus_site):
    manifest = [json.loads(line) for line in (ORANGE / "manifest.jsonl").read_text().splitlines()]
    truth = next(entry for entry in manifest if entry["date"] == "2018-05-18")
    page = next(p for p in corpus_site.output.glob("articles/*/index.html")
                if f"<code>{truth['file']}</code>" in p.read_text("utf-8"))
    html = page.read_text("utf-8")
    assert '<time class="date" datetime="2018-05-18">18 mai 2018</time>' in html
    assert unescape(text_of(html, "article__title")) == truth["title"]


def test_article_carries_pagefind_fields(corpus_site):
    html = read(corpus_site.output, SEED_URL)
    assert html.count("data-pagefind-body") == 1
    assert 'data-pagefind-meta="title"' in html
    assert 'data-pagefind-meta="datefr:date inconnue"' in html
    assert 'data-pagefind-meta="kicker:FLASH INFO"' in html
    assert re.search(r'data-pagefind-sort="date:\d{4}-\d\d-\d\d"', html)
    assert re.search(r'data-pagefind-filter="year:\d{4}"', html)
    assert html.count('data-pagefind-filter="section"') == 2
    # The body holds only the article: navigation and footer come after its closing tag.
    body = html.split("data-pagefind-body", 1)[1]
    assert body.index("article__footer") > body.index("article__body")


def test_listing_pages_are_not_indexed(corpus_site):
    for url in ("", chunk_pages(corpus_site.output, "")[0], "tags/", "archives/", "sections/france/"):
        assert "data-pagefind-body" not in read(corpus_site.output, url), url


def test_home_is_paginated_with_cards(corpus_site):
    # 200 stories in chunks of 10 to 40 (20 on average), named by their first day; the home
    # page shows the newest, at least 20, and links to the newest chunk it does not show.
    out = corpus_site.output
    home, chunks = read(out, ""), chunk_pages(out, "")
    assert 20 <= home.count('class="card"') <= 20 + 40
    assert 5 <= len(chunks) <= 20 and all(re.fullmatch(r"page/\d{4}-\d\d-\d\d(-\d+)?/", c) for c in chunks)
    older = re.search(r'rel="next" href="\./(page/[^"]+/)"', home).group(1)
    assert older in chunks
    cards = [read(out, chunk).count('class="card"') for chunk in chunks]
    assert all(10 <= count <= 40 for count in cards) and sum(cards) <= 200
    # Each story once: 201 articles, one an earlier version of another (Cannes 2016's palmarès).
    assert sum(cards[:chunks.index(older) + 1]) + home.count('class="card"') == 200


def test_archives_count_by_year_and_month(corpus_site):
    archives = read(corpus_site.output, "archives/")
    month = read(corpus_site.output, "archives/2018/05/")
    listed = month.count("<li><time")
    assert listed > 0
    assert f'<a href="../../archives/2018/05/">mai 2018</a> <span class="count">({listed})</span>' in \
        read(corpus_site.output, "archives/2018/")
    assert '<a href="../archives/2018/05/">mai</a>' in archives
    assert "<title>Archives : mai 2018 — Kiosque</title>" in month


def test_site_files(corpus_site):
    out = corpus_site.output
    assert "Page introuvable" in (out / "404.html").read_text("utf-8")
    assert (out / "robots.txt").read_text().startswith("User-agent: *")
    sitemap = (out / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    # Every page but the redirects of renamed tags (no page of their own: kept out of sitemaps).
    pages = [p for p in out.rglob("index.html") if "pagefind" not in p.parts and not is_redirect(p)]
    assert len(locs) == len(pages) and any(is_redirect(p) for p in out.rglob("index.html"))
    assert "/" + SEED_URL in locs


def test_no_request_to_other_hosts(corpus_site):
    for path in [corpus_site.output / SEED_URL / "index.html", corpus_site.output / "index.html"]:
        assert not [u for u in urls(path.read_text("utf-8")) if re.match(r"(https?:)?//", u)]
    css = (corpus_site.output / "theme" / "css" / "kiosque.css").read_text()
    assert "url(" not in css and "@import" not in css


# --- the tiny site -----------------------------------------------------------------------------

def test_hostile_title_is_text(tiny):
    html = read(tiny, "articles/article-a-trous/")
    assert text_of(html, "article__title") == HOSTILE_TITLE
    assert "<script" not in html
    assert [t for t, *_ in attributes(html)].count("script") == 0


def test_hole_is_marked_and_styled(tiny, page):
    html = read(tiny, "articles/article-a-trous/")
    assert GAP in html
    page.goto((tiny / "articles" / "article-a-trous" / "index.html").as_uri())
    gap = page.locator(".article__body span.gap")
    assert gap.get_attribute("title") == "Mot manquant dans la source"
    assert gap.evaluate("e => getComputedStyle(e).textDecorationStyle") == "dotted"
    assert gap.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"


def test_french_dates(tiny):
    assert date_fr(date(2018, 5, 18)) == "18 mai 2018"
    assert '<time class="date" datetime="2018-06-01">1er juin 2018</time>' in read(tiny, "articles/article-a-trous/")
    assert "date inconnue" in read(tiny, "articles/sans-date/")


def test_french_date_spans():
    def on(*days):
        return [SimpleNamespace(date=datetime(*day, 10, 0)) for day in days]

    assert span_fr(on((2018, 7, 18), (2018, 7, 3), (2018, 7, 9))) == "du 3 au 18 juillet 2018"
    assert span_fr(on((2018, 7, 1), (2018, 7, 18))) == "du 1er au 18 juillet 2018"
    assert span_fr(on((2018, 6, 28), (2018, 7, 3))) == "du 28 juin au 3 juillet 2018"
    assert span_fr(on((2017, 12, 28), (2018, 1, 1))) == "du 28 décembre 2017 au 1er janvier 2018"
    assert span_fr(on((2018, 7, 18), (2018, 7, 18))) == "du 18 juillet 2018"
    assert span_fr([]) == ""


def test_tag_pagination_does_not_collide(tiny):
    first, chunks = read(tiny, "tags/sujet-6/"), chunk_pages(tiny, "tags/sujet-6/")
    # No article of the 40 oldest ends a chunk: the 40th ends it (the most a chunk holds).
    assert chunks == ["tags/sujet-6/page/2018-04-01/"]
    oldest = read(tiny, chunks[0])
    # The front page: the open chunk (10) and the chunk 40–50 (11), which has no page of its own.
    assert first.count('class="card"') == SUJET6_POSTS - 40 and oldest.count('class="card"') == 40
    assert "Articles du 1er avril au 10 mai 2018" in oldest and "sujet-six-00" in oldest
    assert "Sujet soixante-deux" in read(tiny, "tags/sujet-62/")


def test_sections_list_every_article_of_the_section(tiny):
    # Category is « Monde »; « Turquie » is its second section.
    assert "article-a-trous" in read(tiny, "sections/turquie/")
    by_count = read(tiny, "sections/par-nombre/")
    assert by_count.index("Monde") < by_count.index("Turquie")


def test_entity_facets(tiny):
    # Donald Trump is no tag of his articles: his own page lists both.
    trump = read(tiny, "personnes/donald-trump/")
    assert "article-a-trous" in trump and "voisin-0" in trump and "(2 articles)" in trump
    by_name, by_count = read(tiny, "personnes/"), read(tiny, "personnes/par-nombre/")
    assert by_name.index("Donald Trump") < by_name.index("Recep Tayyip Erdoğan")
    assert by_count.index("Donald Trump") < by_count.index("Recep Tayyip Erdoğan")
    assert "maison-blanche" in read(tiny, "organisations/")
    # Idlib is also the tag of its only article: it lives on the tag's page, which lists that
    # article and the two others tagged Idlib; the index keeps the place's own count.
    assert not (tiny / "lieux" / "idlib").exists()
    assert '<a href="../tags/idlib/">Idlib</a> <span class="count">(1)</span>' in read(tiny, "lieux/")
    assert '<a href="../../tags/idlib/">Idlib</a> <span class="count">(1)</span>' in read(tiny, "lieux/par-nombre/")
    assert "(3 articles)" in read(tiny, "tags/idlib/")
    footer = read(tiny, "articles/article-a-trous/").split('class="article__footer"', 1)[1]
    assert re.findall(r'aria-label="Lieux">\s*<li><a href="([^"]+)"', footer) == ["../../tags/idlib/"]
    assert '<a href="../../personnes/donald-trump/">Donald Trump</a>' in footer


def test_neighbours_and_related(tiny):
    html = read(tiny, "articles/article-a-trous/")
    assert re.search(rf'rel="prev" href="[./]*articles/sujet-six-{SUJET6_POSTS - 1}/"', html)
    assert re.search(r'rel="next" href="[./]*articles/voisin-0/"', html)
    related = html.split('id="related-title"', 1)[1]
    # Two shared tags first, then one shared tag nearest in time; « Syrie » only shares nothing.
    assert re.findall(r"articles/(voisin-\d)/", related) == ["voisin-0", "voisin-1", "voisin-2"]


def test_subpath_publish(tmp_path):
    site = build_tiny_site(tmp_path, "publishconf.py", SITEURL="https://example.org/archive")
    out = site.output
    for path in out.rglob("*.html"):
        for url in urls(path.read_text("utf-8")):
            if not url.startswith("#"):
                assert url.startswith("https://example.org/archive/"), (path, url)
    feed = (out / "feeds" / "all.atom.xml").read_text()
    assert "https://example.org/archive/articles/article-a-trous/" in feed
    assert "<content" not in feed and "<summary" in feed  # summaries only
    assert (out / "feeds" / "turquie.atom.xml").exists() and (out / "feeds" / "tag-idlib.atom.xml").exists()
    assert "Sitemap: https://example.org/archive/sitemap.xml" in (out / "robots.txt").read_text()
    assert "<loc>https://example.org/archive/tags/sujet-6/page/2018-04-01/</loc>" in (out / "sitemap.xml").read_text()


def test_related_choice_equals_a_full_sort():
    """Candidates sharing fewer tags than the limit-th best are dropped before sorting: the
    choice must be the one a sort of every candidate gives, ties (same day, same title) included."""
    import random
    from collections import Counter

    from kiosque_theme.related import _best

    class Post:  # hashed by identity, as Pelican's articles are
        def __init__(self, title, slug):
            self.title, self.slug = title, slug

    rng = random.Random(3)
    for _ in range(300):
        posts = [Post(rng.choice("ABC"), f"s{i}") for i in range(rng.randint(0, 40))]
        when = {post: float(rng.choice((0, 86400, 172800))) for post in posts}
        shared = Counter({post: rng.choice((1, 1, 1, 2, 3)) for post in posts})
        limit = rng.randint(1, 6)
        everything = sorted(shared.items(), key=lambda item: (-item[1], abs(when[item[0]] - 86400),
                                                              item[0].title, item[0].slug))
        assert _best(shared, 86400.0, when, limit) == [post for post, _ in everything[:limit]]


def test_related_chosen_on_two_processes_equal_one(monkeypatch):
    """link_related forks a process for half the articles (as at archive scale): same choice."""
    import datetime as dt
    import os
    import random
    from types import SimpleNamespace

    from kiosque_core import parallel
    from kiosque_theme.related import link_related

    class Post:  # hashed by identity, as Pelican's articles are
        def __init__(self, number, tags, day):
            self.title, self.slug = f"Titre {number % 7}", f"s{number}"
            self.tags = [SimpleNamespace(slug=tag) for tag in tags]
            self.date = dt.datetime(2020, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=day)

    rng = random.Random(5)
    posts = [Post(n, rng.sample("abcdefgh", rng.randint(1, 4)), rng.randint(0, 60)) for n in range(300)]
    link_related(posts, 5, processes=1)
    alone = [[other.slug for other in post.related] for post in posts]
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    monkeypatch.setattr(parallel, "RUN", 16)
    link_related(posts, 5, processes=2)
    assert forks and [[other.slug for other in post.related] for post in posts] == alone
    assert all(other in posts for post in posts for other in post.related)  # this process's objects
