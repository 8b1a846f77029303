"""Every page type passes the Nu HTML Checker (vnu-jar from npm, run once with java -jar)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from theme_fixtures import build_tiny_site, chunk_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

CORPUS_PAGES = [
    "index.html", "404.html",
    "articles/trump-remercie-erdogan-pour-les-efforts-de-la-turquie-afin-d-empecher-une/index.html",
    "articles/11-novembre-merkel-et-macron-a-rethondes-pour-commemorer-l-armistice/index.html",
    # Two versions of one story (kiosque_stories): the earlier one is hidden from the lists.
    "articles/cannes-la-ceremonie-de-cloture-en-direct/index.html",
    "articles/cannes-2016-le-palmares-devoile/index.html",
    "archives/index.html", "archives/2018/index.html", "archives/2018/05/index.html",
    "tags/index.html", "tags/par-nombre/index.html", "tags/france/index.html",
    "tags/emmanuel-macron/index.html", "tags/monde/index.html",
    "sections/index.html", "sections/par-nombre/index.html", "sections/france/index.html",
    "personnes/index.html", "ce-jour-la/index.html", "ce-jour-la/05-18/index.html",
]
TINY_PAGES = [
    "articles/article-a-trous/index.html", "articles/sans-date/index.html",
    "personnes/donald-trump/index.html", "tags/sujet-6/index.html",
    "personnes/par-nombre/index.html", "lieux/index.html", "organisations/maison-blanche/index.html",
    # The year of its article without a known date: a line, no calendar.
    "archives/index.html", "archives/2026/index.html",
]
# Lists whose oldest chunk page (stable pagination, named by its first day) is checked too.
CORPUS_LISTS = ["", "tags/france/"]
TINY_LISTS = ["tags/sujet-6/", "sections/monde/"]


def oldest_chunks(output: Path, fronts: list[str]) -> list[Path]:
    return [output / chunk_pages(output, front)[0] / "index.html" for front in fronts]


def drawn_in_the_browser(served_site, browser, folder: Path) -> list[Path]:
    """The pages whose charts a script draws, as the browser has them once drawn: the search
    page's results per year, and the home page's « Ce jour-là » (at a fixed date)."""
    from datetime import datetime

    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{served_site}/recherche/?q=France")
    page.wait_for_selector("#search-years a", timeout=20_000)
    search = folder / "search-drawn.html"
    search.write_text(page.content(), encoding="utf-8")
    page.clock.set_fixed_time(datetime(2019, 5, 18, 9, 0))
    page.goto(f"{served_site}/")
    page.wait_for_selector("#ce-jour-la[data-state=done]", timeout=20_000)
    home = folder / "home-drawn.html"
    home.write_text(page.content(), encoding="utf-8")
    context.close()
    return [search, home]


@pytest.fixture(scope="module")
def pages(corpus_site, served_site, browser, tmp_path_factory) -> list[Path]:
    tiny = build_tiny_site(tmp_path_factory.mktemp("tiny-vnu")).output
    files = [corpus_site.output / p for p in CORPUS_PAGES] + [tiny / p for p in TINY_PAGES] + \
        oldest_chunks(corpus_site.output, CORPUS_LISTS) + oldest_chunks(tiny, TINY_LISTS) + \
        drawn_in_the_browser(served_site, browser, tmp_path_factory.mktemp("drawn"))
    missing = [str(f) for f in files if not f.exists()]
    assert not missing, missing
    return files


def test_every_page_type_is_valid_html(pages):
    if not VNU.exists():
        pytest.fail("vnu.jar missing: run `npm ci --no-audit --no-fund` (make test does)")
    java = shutil.which("java")
    assert java, "Java is needed to run the Nu HTML Checker"
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert errors == []
    assert run.returncode == 0
