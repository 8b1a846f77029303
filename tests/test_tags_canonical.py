"""Canonical tag names across the archive, with real imports and real Pelican builds: a new
article merges ``Erdogan`` into ``Recep Tayyip Erdoğan`` without rewriting the older post, and
the old tag URL keeps working as a redirect."""

from __future__ import annotations

import json

from conftest import build, make_site_dirs

ARTICLE_A = """Erdogan menace Damas

Orange avec AFP, publié le lundi 03 février 2020 à 10h00

MONDE - Le chef de l'État turc a averti le régime syrien lundi.

Erdogan a déclaré que l'armée turque répondrait à toute attaque contre ses postes.

Le président turc Erdogan a réuni ses ministres à Ankara pour évoquer la situation.
"""

ARTICLE_B = """Recep Tayyip Erdoğan reçoit Vladimir Poutine à Ankara

Orange avec AFP, publié le mardi 04 février 2020 à 11h00

MONDE - Le président turc Recep Tayyip Erdoğan a reçu mardi son homologue russe.

Recep Tayyip Erdoğan et Vladimir Poutine ont parlé de la Syrie pendant trois heures.

Erdoğan a ensuite salué « un dialogue franc » avec Vladimir Poutine.
"""


def test_new_full_name_merges_old_tag_and_redirects(tmp_path):
    site = make_site_dirs(tmp_path, [])
    (site.seeds / "001_aaaaaaaaaaaaaaaa.txt").write_text(ARTICLE_A, encoding="utf-8")
    build(site)
    posts = {p.name: p.read_bytes() for p in site.posts.glob("*.md")}
    (post_a,) = posts
    assert b"Tags: Monde, Erdogan" in posts[post_a]
    assert (site.output / "tags" / "erdogan" / "index.html").exists()

    (site.seeds / "002_bbbbbbbbbbbbbbbb.txt").write_text(ARTICLE_B, encoding="utf-8")
    build(site)
    assert (site.posts / post_a).read_bytes() == posts[post_a]  # the older post is untouched
    registry = json.loads((site.posts / "entities.json").read_text(encoding="utf-8"))
    (person,) = [e for e in registry["entities"] if e["name"] == "Recep Tayyip Erdoğan"]
    assert person["type"] == "PER" and "Erdogan" in person["former"]
    assert {"Erdogan", "Erdoğan", "Recep Tayyip Erdoğan"} <= set(person["variants"])

    # One tag page lists both articles; the old URL sends readers to it, without script.
    page = (site.output / "tags" / "recep-tayyip-erdogan" / "index.html").read_text(encoding="utf-8")
    assert page.count("/articles/") >= 2 or page.count("articles/") >= 2
    old = (site.output / "tags" / "erdogan" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../recep-tayyip-erdogan/">' in old
    assert '<link rel="canonical" href="../recep-tayyip-erdogan/">' in old
    assert "<script" not in old
    # The sitemap lists the canonical page, not the redirect to it.
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>/tags/recep-tayyip-erdogan/</loc>" in sitemap
    assert "/tags/erdogan/" not in sitemap

    # A build that changes nothing leaves the redirect page alone (a sync uploads nothing).
    before = (site.output / "tags" / "erdogan" / "index.html").stat().st_mtime_ns
    build(site)
    assert (site.output / "tags" / "erdogan" / "index.html").stat().st_mtime_ns == before


def rename_person(site, name: str, new_name: str) -> None:
    """A hand edit of the registry: the person gets a new name, and the old one is no longer
    one of its spellings."""
    path = site.posts / "entities.json"
    registry = json.loads(path.read_text(encoding="utf-8"))
    (person,) = [e for e in registry["entities"] if e["name"] == name]
    person["name"] = new_name
    del person["variants"][name]
    path.write_text(json.dumps(registry, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_redirects_no_longer_needed_are_removed(tmp_path):
    """A hand edit of the registry takes back the rename « Erdogan » → « Recep Tayyip Erdoğan »
    (the person's new name no longer matches the surname): « Erdogan » is a live tag again, and
    the redirect pages of the earlier build must go, as a clean build never writes them."""
    from test_articles_cache import clean_build_of, files, without_search

    site = make_site_dirs(tmp_path / "site", [])
    (site.seeds / "001_aaaaaaaaaaaaaaaa.txt").write_text(ARTICLE_A, encoding="utf-8")
    build(site)
    (site.seeds / "002_bbbbbbbbbbbbbbbb.txt").write_text(ARTICLE_B, encoding="utf-8")
    build(site)
    assert (site.output / "personnes" / "erdogan" / "index.html").is_file()  # a redirect

    rename_person(site, "Recep Tayyip Erdoğan", "Erdoğan (président turc)")
    build(site)
    rebuilt = files(site.output)
    assert without_search(rebuilt) == without_search(clean_build_of(site, tmp_path / "clean"))
    assert not (site.output / "personnes" / "erdogan").exists()
    assert b'http-equiv="refresh"' not in rebuilt["tags/erdogan/index.html"]  # live again
