"""The search index: what Pagefind indexes on a real Pelican build, how articles are cut into
shards, and which shards a rebuild re-indexes. The browser side is in test_search_browser.py."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CORPUS_EARLIER_VERSIONS, CORPUS_SHARD_SIZE, ORANGE, Site, build, make_site_dirs
from kiosque_core.signals import pages_written
from kiosque_search import indexer, shards
from kiosque_search.indexer import UNUSED_FILES

# Raw corpus files by publication year (from tests/fixtures/orange/manifest.jsonl).
Y2016 = ["004_4c7b4ea365ca7bf7.txt", "006_95d09a3bb3c37102.txt"]
Y2017 = ["002_29345b8d9c841f33.txt", "024_b0f4d2a6bdea8682.txt"]
Y2017_MORE = "026_60a6a66da37144de.txt"


def fragments(bundle: Path) -> list[dict]:
    """Pagefind's per-page records: gzip, a ``pagefind_dcd`` signature, then JSON."""
    records = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        records.append(json.loads(data[len(b"pagefind_dcd"):]))
    return records


EARLIER_VERSION = "/articles/" + next(iter(CORPUS_EARLIER_VERSIONS)) + "/"


def article_urls(output: Path) -> set[str]:
    return {"/" + str(path.parent.relative_to(output)) + "/" for path in output.glob("articles/*/index.html")}


def catalog_of(output: Path) -> dict:
    return json.loads((output / "pagefind" / "shards.json").read_text(encoding="utf-8"))


def all_fragments(output: Path) -> list[dict]:
    return [record for shard in catalog_of(output)["shards"]
            for record in fragments(output / "pagefind" / shard["name"])]


# --- the shared corpus site (seed + 200 articles, shards of CORPUS_SHARD_SIZE) ------------------

def test_catalog_lists_date_ordered_french_shards(corpus_site):
    catalog = catalog_of(corpus_site.output)
    assert catalog["language"] == "fr" and catalog["shard_size"] == CORPUS_SHARD_SIZE
    layout = [(s["name"], s["pages"], s["first"], s["last"]) for s in catalog["shards"]]
    # Newest first; years never mixed; whole days packed up to the shard size; the seed, whose
    # date is unknown, is dated from its import (the day the test runs) and stands alone.
    assert layout[1:] == [
        ("2020-02-13", 2, "2020-02-13", "2020-04-13"), ("2019-01-02", 20, "2019-01-02", "2019-11-28"),
        ("2018-12-27", 5, "2018-12-27", "2018-12-30"), ("2018-01-22", 100, "2018-01-22", "2018-12-26"),
        ("2017-01-15", 29, "2017-01-15", "2017-12-03"), ("2016-03-24", 43, "2016-03-24", "2016-12-12")]
    assert layout[0][1] == 1 and layout[0][0] > "2020"
    # 201 article pages, 200 stories: the live page of Cannes 2016's closing ceremony is an earlier
    # version of « Cannes 2016 : le palmarès dévoilé », searched through its latest version only.
    assert len(article_urls(corpus_site.output)) == 201
    assert sum(s["pages"] for s in catalog["shards"]) == 200
    for shard in catalog["shards"]:
        bundle = corpus_site.output / "pagefind" / shard["name"]
        assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.fr.pagefind").is_file()
        assert len(list(bundle.glob("pagefind.fr_*.pf_meta"))) == 1  # French stemming, one language
        dates = sorted(r["meta"]["date"] for r in fragments(bundle))
        assert shard["first"] <= dates[0] and dates[-1] <= shard["last"]


def test_only_article_pages_are_indexed(corpus_site):
    records = all_fragments(corpus_site.output)
    assert len(records) == 200
    assert {record["url"] for record in records} == article_urls(corpus_site.output) - {EARLIER_VERSION}


def test_unused_bundle_files_are_not_published(corpus_site):
    for shard in catalog_of(corpus_site.output)["shards"]:
        bundle = corpus_site.output / "pagefind" / shard["name"]
        assert [name for name in UNUSED_FILES if (bundle / name).exists()] == []


def test_filter_values_file(corpus_site):
    filters = json.loads((corpus_site.output / "pagefind" / "filters.json").read_text(encoding="utf-8"))
    assert sorted(filters) == ["kicker", "section", "tag", "year"]
    assert filters["year"]["2016"] == 43 and filters["year"]["2018"] == 105  # Cannes 2016: one story, two versions
    assert filters["kicker"] == {"FLASH INFO": 1}
    assert filters["section"]["Turquie"] == 1 and filters["section"]["Politique"] == 27
    # The same values as the pages' data-pagefind-filter markup, which Pagefind indexed.
    indexed: dict[str, set] = {}
    for record in all_fragments(corpus_site.output):
        for name, values in record["filters"].items():
            indexed.setdefault(name, set()).update(values)
    for name in ("section", "year", "kicker"):
        assert set(filters[name]) == indexed[name], name
    assert set(filters["tag"]) <= indexed["tag"]


def test_seed_record_has_meta_filters_and_body_only(corpus_site):
    records = all_fragments(corpus_site.output)
    seed = next(r for r in records if r["url"].startswith("/articles/trump-remercie-erdogan"))
    assert seed["meta"]["title"].startswith("Trump remercie Erdoğan pour les efforts de la Turquie")
    assert seed["meta"]["kicker"] == "FLASH INFO"
    assert seed["meta"]["datefr"] == "date inconnue"  # the seed has no date line
    assert sorted(seed["filters"]["section"]) == ["Turquie", "États-Unis"]
    assert seed["filters"]["kicker"] == ["FLASH INFO"]
    assert "Idlib" in seed["content"]
    # Only the article body is indexed: no header, navigation or footer text.
    assert "Aller au contenu" not in seed["content"] and "Navigation" not in seed["content"]
    assert "Fichier source" not in seed["content"]


def test_corpus_records_carry_french_dates_and_years(corpus_site):
    records = all_fragments(corpus_site.output)
    tours = next(r for r in records if r["url"].startswith("/articles/tours-deux-personnes-agees"))
    assert (tours["meta"]["date"], tours["meta"]["datefr"]) == ("2018-05-18", "18 mai 2018")
    assert tours["filters"]["year"] == ["2018"] and tours["filters"]["section"] == ["France"]


def test_search_page_and_script_are_written(corpus_site):
    html = (corpus_site.output / "recherche" / "index.html").read_text(encoding="utf-8")
    assert 'data-site-root="../"' in html and 'id="search-status"' in html and "<noscript>" in html
    assert 'id="search-older"' in html
    assert (corpus_site.output / "theme" / "js" / "search.js").is_file()
    assert "data-pagefind-body" not in html


# --- rebuilds: small sites of their own -------------------------------------------------------

SMALL_SHARDS = 3  # 2016 and 2017 make one shard each


def stamps(bundle: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the bundle: its bytes and mtime."""
    return {path.relative_to(bundle).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(bundle.rglob("*")) if path.is_file()}


@pytest.fixture
def pagefind_runs(monkeypatch):
    """The folders Pagefind was run on, in order."""
    runs = []
    real = indexer.run_pagefind
    monkeypatch.setattr(indexer, "run_pagefind", lambda site, *args: runs.append(site) or real(site, *args))
    return runs


@pytest.fixture
def sharded_site(tmp_path):
    site = make_site_dirs(tmp_path, [ORANGE / name for name in Y2016 + Y2017])
    build(site, KIOSQUE_SEARCH_SHARD_SIZE=SMALL_SHARDS)
    return site


def test_shards_newest_first(sharded_site):
    bundle = sharded_site.output / "pagefind"
    catalog = catalog_of(sharded_site.output)
    assert [(s["name"], s["pages"], s["first"], s["last"]) for s in catalog["shards"]] == [
        ("2017-02-02", 2, "2017-02-02", "2017-11-15"), ("2016-10-13", 2, "2016-10-13", "2016-12-12")]
    assert sorted(p.name for p in bundle.iterdir()) == ["2016-10-13", "2017-02-02", "filters.json", "shards.json"]
    for shard in catalog["shards"]:
        year = shard["name"][:4]
        assert sorted(r["meta"]["date"][:4] for r in fragments(bundle / shard["name"])) == [year, year]


def test_adding_one_article_reindexes_one_shard(sharded_site, pagefind_runs):
    bundle = sharded_site.output / "pagefind"
    before = stamps(bundle)
    build(sharded_site, KIOSQUE_SEARCH_SHARD_SIZE=SMALL_SHARDS)
    assert pagefind_runs == [] and stamps(bundle) == before  # nothing changed, nothing written

    shutil.copy(ORANGE / Y2017_MORE, sharded_site.seeds / Y2017_MORE)
    build(sharded_site, KIOSQUE_SEARCH_SHARD_SIZE=SMALL_SHARDS)
    assert len(pagefind_runs) == 1
    after = stamps(bundle)
    old = {name: stamp for name, stamp in before.items() if name.startswith("2016-10-13/")}
    assert old and {name: after[name] for name in old} == old  # same bytes, same mtimes
    assert len(fragments(bundle / "2017-02-02")) == 3 and len(fragments(bundle / "2016-10-13")) == 2


def test_indexing_runs_while_the_rest_of_the_site_is_written(sharded_site, monkeypatch):
    """Pagefind starts once the article pages are written, beside the list pages, the static
    files and the sitemap (written at the end), and the build waits for it."""
    import threading

    from kiosque_search import build as search_build

    seen = []
    real = search_build.update

    def update(output, *args, **kwargs):
        seen.append((threading.current_thread() is threading.main_thread(), (output / "sitemap.xml").exists()))
        return real(output, *args, **kwargs)

    monkeypatch.setattr(search_build, "update", update)
    announced = []

    def written(generator):  # what is on disk when the writer announces pages
        announced.append((type(generator).__name__, (output / "tags" / "index.html").exists(),
                          len(list((output / "articles").glob("*/index.html")))))

    output = sharded_site.output
    shutil.rmtree(output)
    shutil.rmtree(sharded_site.cache)
    with pages_written.connected_to(written):
        build(sharded_site, KIOSQUE_SEARCH_SHARD_SIZE=SMALL_SHARDS)
    # First the article pages, every one of them, before any list page of the same generator.
    assert announced[:2] == [("ArticlesGenerator", False, 4), ("ArticlesGenerator", True, 4)]
    assert seen == [(False, False)]  # in another thread, before the sitemap
    assert len(fragments(sharded_site.output / "pagefind" / "2017-02-02")) == 2
    assert (sharded_site.output / "sitemap.xml").is_file()


def test_incremental_layout_equals_a_clean_build(sharded_site, tmp_path):
    shutil.copy(ORANGE / Y2017_MORE, sharded_site.seeds / Y2017_MORE)
    build(sharded_site, KIOSQUE_SEARCH_SHARD_SIZE=SMALL_SHARDS)
    # The very same posts (as test_incremental.py does: a fresh import could tag differently).
    content = tmp_path / "clean" / "content"
    shutil.copytree(sharded_site.content, content)
    clean = Site(tmp_path / "clean", content, content / "seeds", content / "posts",
                 tmp_path / "clean" / "output", tmp_path / "clean" / "cache")
    build(clean, KIOSQUE_SEARCH_SHARD_SIZE=SMALL_SHARDS)
    # Same shards, same fingerprints, same filter lists, same records in each shard. (Not the
    # same bytes: Pagefind 1.5 writes its filter files in a different order from run to run.)
    assert catalog_of(sharded_site.output) == catalog_of(clean.output)
    for name in ("filters.json", "shards.json"):
        assert (sharded_site.output / "pagefind" / name).read_bytes() == (clean.output / "pagefind" / name).read_bytes()
    for shard in catalog_of(clean.output)["shards"]:
        records = [fragments(site.output / "pagefind" / shard["name"]) for site in (sharded_site, clean)]
        assert records[0] == records[1]


def test_shard_without_articles_is_removed(sharded_site):
    for name in Y2016:
        (sharded_site.seeds / name).unlink()
    shutil.rmtree(sharded_site.posts)
    build(sharded_site, KIOSQUE_SEARCH_SHARD_SIZE=SMALL_SHARDS)
    bundle = sharded_site.output / "pagefind"
    assert [s["name"] for s in catalog_of(sharded_site.output)["shards"]] == ["2017-02-02"]
    assert not (bundle / "2016-10-13").exists()


def test_switching_to_one_index_replaces_the_shards(sharded_site):
    build(sharded_site, KIOSQUE_SEARCH_SHARD_SIZE=0)
    bundle = sharded_site.output / "pagefind"
    assert sorted(p.name for p in bundle.iterdir()) == ["all", "filters.json", "shards.json"]
    assert len(fragments(bundle / "all")) == 4


def test_shards_are_indexed_side_by_side_with_the_same_result(tmp_path, monkeypatch):
    """Two Pagefind runs at a time (one per core): each run waits at a barrier for the other,
    so the build fails unless both really run together; the index is the one-at-a-time one."""
    import threading

    both = threading.Barrier(2, timeout=60)
    real = indexer.run_pagefind

    def together(site, *args):
        both.wait()
        return real(site, *args)

    sites = {}
    for processes in (2, 1):
        site = sites[processes] = make_site_dirs(tmp_path / str(processes), [ORANGE / n for n in Y2016 + Y2017])
        if processes == 2:
            monkeypatch.setattr(indexer, "run_pagefind", together)
        build(site, KIOSQUE_SEARCH_SHARD_SIZE=SMALL_SHARDS, KIOSQUE_SEARCH_PROCESSES=processes)
        monkeypatch.setattr(indexer, "run_pagefind", real)
    assert both.n_waiting == 0 and not both.broken
    assert catalog_of(sites[2].output) == catalog_of(sites[1].output)
    for shard in catalog_of(sites[1].output)["shards"]:
        records = [fragments(site.output / "pagefind" / shard["name"]) for site in sites.values()]
        assert len(records[0]) == 2 and records[0] == records[1]


def test_search_can_be_turned_off(tmp_path):
    site = make_site_dirs(tmp_path, [ORANGE / Y2016[0]])
    build(site, KIOSQUE_SEARCH=False)
    assert (site.output / "articles").is_dir()
    assert not (site.output / "pagefind").exists()


# --- shard layout and fingerprints ------------------------------------------------------------

def _pages(*days: str) -> list[shards.Page]:
    return [shards.Page(f"articles/{number:03}/index.html", day, f"d{number}") for number, day in enumerate(days)]


def _names(pages, size) -> list[tuple[str, int]]:
    return [(shard.name, len(shard.pages)) for shard in shards.layout(pages, size)]


def test_layout_packs_whole_days_within_a_year():
    pages = _pages("2019-01-01", "2019-01-01", "2019-01-02", "2019-03-05", "2019-03-05", "2020-01-01")
    assert _names(pages, 3) == [("2020-01-01", 1), ("2019-03-05", 2), ("2019-01-01", 3)]
    assert _names(pages, 0) == [(shards.SINGLE, 6)]
    assert _names(list(reversed(pages)), 3) == _names(pages, 3)  # the order given does not matter
    # A day larger than a shard (never seen in practice) is cut by path.
    assert _names(_pages(*["2019-05-05"] * 5), 2) == [("2019-05-05-3", 1), ("2019-05-05-2", 2), ("2019-05-05", 2)]


def test_layout_is_stable_where_it_matters():
    base = _pages(*[f"2019-{month:02}-10" for month in range(1, 13)], *[f"2020-0{m}-01" for m in (1, 2, 3, 4, 5)])
    before = {s.name: s.pages for s in shards.layout(base, 4)}
    # An article of the newest day changes the newest shard only.
    newest = {s.name: s.pages for s in shards.layout(base + [shards.Page("new", "2020-05-01", "x")], 4)}
    assert [name for name in newest if newest[name] != before.get(name)] == ["2020-05-01"]
    # An old article re-cuts its own year only.
    old = {s.name: s.pages for s in shards.layout(base + [shards.Page("old", "2019-02-11", "x")], 4)}
    changed = [name for name in old if old[name] != before.get(name)]
    assert changed and all(name.startswith("2019") for name in changed)
    assert all(len(pages) <= 4 for pages in old.values())


def test_layout_cuts_the_filling_shard_in_pieces():
    # 30 articles a day: 2019 fills whole shards, 2020 has 240 articles in a shard still filling.
    days_2019 = [f"2019-{month:02}-{day:02}" for month in range(1, 13) for day in (5, 15, 25)]
    days_2020 = [f"2020-01-{day:02}" for day in range(1, 9)]
    base = _pages(*[day for day in days_2019 + days_2020 for _ in range(30)])
    size = 400
    layout = {s.name: s.pages for s in shards.layout(base, size)}
    assert [(name, len(pages)) for name, pages in layout.items() if name.startswith("2020")] == [
        ("2020-01-07", 60), ("2020-01-04", 90), ("2020-01-01", 90)]  # newest first, whole days
    # 2019 is the other of the two newest years: its last shard is in pieces too.
    assert [len(pages) for name, pages in layout.items() if name.startswith("2019")] == [30, 90, 90, 90, 390, 390]
    # An article of the newest day re-indexes the newest piece only: at most TAIL pages.
    newest = {s.name: s.pages for s in shards.layout(base + [shards.Page("new", "2020-01-08", "x")], size)}
    assert [name for name in newest if newest[name] != layout.get(name)] == ["2020-01-07"]
    assert len(newest["2020-01-07"]) <= shards.TAIL
    # An article dated in a later year (an undated one, dated the day of its import) leaves the
    # year that the news still fills in pieces; the year before those two is in whole shards.
    undated = {s.name: len(s.pages) for s in shards.layout(base + [shards.Page("u", "2026-11-26", "x")], size)}
    assert [(name, n) for name, n in undated.items() if name[:4] in ("2020", "2026")] == [
        ("2026-11-26", 1), ("2020-01-07", 60), ("2020-01-04", 90), ("2020-01-01", 90)]
    older = {s.name: len(s.pages) for s in shards.layout(base + [shards.Page("u", "2026-11-26", "x"),
                                                                 shards.Page("v", "2025-01-01", "x")], size)}
    assert older["2020-01-01"] == 240
    assert sorted(n for name, n in older.items() if name.startswith("2019")) == [300, 390, 390]
    # A day that does not fit closes the shard: its pieces become one, the new day starts afresh.
    full = {s.name: len(s.pages) for s in shards.layout(base + _pages(*["2020-01-09"] * 200), size)}
    assert {name: n for name, n in full.items() if name.startswith("2020")} == {
        "2020-01-09-2": 100, "2020-01-09": 100, "2020-01-01": 240}


def _article(save_as="a/index.html", year=2019, content="<p>texte</p>", **metadata):
    from datetime import datetime

    date = datetime(year, 3, 4, 13, 0)
    return SimpleNamespace(save_as=save_as, date=date, content=content,
                           metadata={"title": "Titre", "date": date, **metadata})


def test_page_of_an_article():
    page = shards.page_of(_article(year=2019))
    assert (page.save_as, page.day) == ("a/index.html", "2019-03-04")


def test_fingerprint_follows_what_is_indexed():
    base = [shards.page_of(_article())]
    same = [shards.page_of(_article())]
    edited = [shards.page_of(_article(content="<p>texte modifié</p>"))]
    retagged = [shards.page_of(_article(tags=["Monde"]))]
    moved = [shards.page_of(_article(save_as="b/index.html"))]
    fingerprints = [shards.fingerprint(pages, "theme") for pages in (base, same, edited, retagged, moved)]
    assert fingerprints[0] == fingerprints[1]
    assert len(set(fingerprints)) == 4
    assert shards.fingerprint(base, "theme") != shards.fingerprint(base, "other theme")


def test_shard_size_setting(caplog):
    from kiosque_search import settings

    assert settings.shard_size(dict(settings.DEFAULTS)) == 1000
    assert settings.shard_size({"KIOSQUE_SEARCH_SHARD_SIZE": 0}) == 0
    for wrong in (-1, "2000", True):
        with pytest.raises(ValueError, match="KIOSQUE_SEARCH_SHARD_SIZE"):
            settings.shard_size({"KIOSQUE_SEARCH_SHARD_SIZE": wrong})
    settings.warn_obsolete({"KIOSQUE_SEARCH_SHARD_BY": "year"})
    assert "KIOSQUE_SEARCH_SHARD_BY is ignored" in caplog.text


def test_articles_noted_on_two_processes_equal_one(tmp_path, monkeypatch):
    """The search digests of every article are computed on every core: same pages, same facets."""
    import os

    from kiosque_core import parallel
    from kiosque_search import plugin
    from kiosque_search.settings import DEFAULTS as search_defaults

    articles = [_article(save_as=f"articles/a{n}/index.html", year=2015 + n % 5, content=f"<p>texte {n}</p>",
                         tags=[f"Tag {n % 3}"]) for n in range(200)]
    for article in articles:
        article.category, article.tags = "France", [SimpleNamespace(name=t) for t in article.metadata["tags"]]

    def noted(processes: int):
        generator = SimpleNamespace(articles=articles, output_path=str(tmp_path / f"out{processes}"),
                                    settings={**search_defaults, "PLUGINS": ["kiosque_search"],
                                              "KIOSQUE_SEARCH_PROCESSES": processes})
        plugin.note_articles(generator)
        noted, plugin.state().noted = plugin.state().noted, None
        return noted

    alone = noted(1)
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    monkeypatch.setattr(parallel, "RUN", 16)
    shared = noted(2)
    assert forks and shared == alone and len(alone.pages) == 200
    assert alone.pages[7] == shards.page_of(articles[7])
