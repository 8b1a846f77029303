"""The search index: what Pagefind indexes on a real Pelican build, and which shards a rebuild
re-indexes. The browser side is in test_search_browser.py."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ORANGE, build, make_site_dirs
from kiosque_search import shards
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


def article_urls(output: Path) -> set[str]:
    return {"/" + str(path.parent.relative_to(output)) + "/" for path in output.glob("articles/*/index.html")}


# --- the shared corpus site (seed + 200 articles, default settings: one index) -----------------

def test_catalog_lists_one_french_index(corpus_site):
    catalog = json.loads((corpus_site.output / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert catalog["language"] == "fr"
    assert [shard["name"] for shard in catalog["shards"]] == ["all"]
    assert catalog["shards"][0]["pages"] == len(article_urls(corpus_site.output)) == 201
    bundle = corpus_site.output / "pagefind" / "all"
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.fr.pagefind").is_file()
    assert len(list(bundle.glob("pagefind.fr_*.pf_meta"))) == 1  # French stemming, one language


def test_only_article_pages_are_indexed(corpus_site):
    records = fragments(corpus_site.output / "pagefind" / "all")
    assert {record["url"] for record in records} == article_urls(corpus_site.output)


def test_unused_bundle_files_are_not_published(corpus_site):
    bundle = corpus_site.output / "pagefind" / "all"
    assert [name for name in UNUSED_FILES if (bundle / name).exists()] == []


def test_seed_record_has_meta_filters_and_body_only(corpus_site):
    records = fragments(corpus_site.output / "pagefind" / "all")
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
    records = fragments(corpus_site.output / "pagefind" / "all")
    tours = next(r for r in records if r["url"].startswith("/articles/tours-deux-personnes-agees"))
    assert (tours["meta"]["date"], tours["meta"]["datefr"]) == ("2018-05-18", "18 mai 2018")
    assert tours["filters"]["year"] == ["2018"] and tours["filters"]["section"] == ["France"]


def test_search_page_and_script_are_written(corpus_site):
    html = (corpus_site.output / "recherche" / "index.html").read_text(encoding="utf-8")
    assert 'data-site-root="../"' in html and 'id="search-status"' in html and "<noscript>" in html
    assert (corpus_site.output / "theme" / "js" / "search.js").is_file()
    assert "data-pagefind-body" not in html


# --- shards: small sites of their own ---------------------------------------------------------

def _entry_stamp(bundle: Path, name: str) -> int:
    return (bundle / name / "pagefind-entry.json").stat().st_mtime_ns


@pytest.fixture
def sharded_site(tmp_path):
    site = make_site_dirs(tmp_path, [ORANGE / name for name in Y2016 + Y2017])
    build(site, KIOSQUE_SEARCH_SHARD_BY="year")
    return site


def test_year_shards_newest_first(sharded_site):
    bundle = sharded_site.output / "pagefind"
    catalog = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    assert [(s["name"], s["pages"]) for s in catalog["shards"]] == [("2017", 2), ("2016", 2)]
    assert sorted(p.name for p in bundle.iterdir()) == ["2016", "2017", "shards.json"]
    for year in ("2016", "2017"):
        assert sorted(r["meta"]["date"][:4] for r in fragments(bundle / year)) == [year, year]


def test_rebuild_reindexes_only_the_changed_shard(sharded_site):
    bundle = sharded_site.output / "pagefind"
    before = {name: _entry_stamp(bundle, name) for name in ("2016", "2017")}
    build(sharded_site, KIOSQUE_SEARCH_SHARD_BY="year")
    assert {name: _entry_stamp(bundle, name) for name in before} == before  # nothing changed

    shutil.copy(ORANGE / Y2017_MORE, sharded_site.seeds / Y2017_MORE)
    build(sharded_site, KIOSQUE_SEARCH_SHARD_BY="year")
    assert _entry_stamp(bundle, "2016") == before["2016"]
    assert _entry_stamp(bundle, "2017") != before["2017"]
    assert len(fragments(bundle / "2017")) == 3 and len(fragments(bundle / "2016")) == 2


def test_shard_without_articles_is_removed(sharded_site):
    for name in Y2016:
        (sharded_site.seeds / name).unlink()
    shutil.rmtree(sharded_site.posts)
    build(sharded_site, KIOSQUE_SEARCH_SHARD_BY="year")
    bundle = sharded_site.output / "pagefind"
    catalog = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in catalog["shards"]] == ["2017"]
    assert not (bundle / "2016").exists()


def test_switching_to_one_index_replaces_the_shards(sharded_site):
    build(sharded_site)
    bundle = sharded_site.output / "pagefind"
    assert sorted(p.name for p in bundle.iterdir()) == ["all", "shards.json"]
    assert len(fragments(bundle / "all")) == 4


def test_search_can_be_turned_off(tmp_path):
    site = make_site_dirs(tmp_path, [ORANGE / Y2016[0]])
    build(site, KIOSQUE_SEARCH=False)
    assert (site.output / "articles").is_dir()
    assert not (site.output / "pagefind").exists()


# --- shard keys and fingerprints --------------------------------------------------------------

def _article(save_as="a/index.html", year=2019, content="<p>texte</p>", **metadata):
    from datetime import datetime

    date = datetime(year, 3, 4, 13, 0)
    return SimpleNamespace(save_as=save_as, date=date, content=content,
                           metadata={"title": "Titre", "date": date, **metadata})


def test_shard_keys():
    assert shards.shard_of(_article(year=2019), "year") == "2019"
    assert shards.shard_of(_article(year=2019), None) == shards.SINGLE
    with pytest.raises(ValueError, match="KIOSQUE_SEARCH_SHARD_BY"):
        shards.shard_of(_article(), "month")
    assert shards.order(["2016", "2020", "2018"]) == ["2020", "2018", "2016"]


def test_fingerprint_follows_what_is_indexed():
    base = [shards.page_of(_article(), "year")]
    same = [shards.page_of(_article(), "year")]
    edited = [shards.page_of(_article(content="<p>texte modifié</p>"), "year")]
    retagged = [shards.page_of(_article(tags=["Monde"]), "year")]
    moved = [shards.page_of(_article(save_as="b/index.html"), "year")]
    fingerprints = [shards.fingerprint(pages, "theme") for pages in (base, same, edited, retagged, moved)]
    assert fingerprints[0] == fingerprints[1]
    assert len(set(fingerprints)) == 4
    assert shards.fingerprint(base, "theme") != shards.fingerprint(base, "other theme")
