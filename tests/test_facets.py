"""Entity facets that live on their tag's page (plugins/kiosque_theme/facets.py): a person, place
or organisation whose every article carries the tag of the same name links to that tag's page
and gets no page of its own; the others keep theirs. Unit tests on the rule, then real builds:
which pages exist, where each link goes, the indexes' counts, and incremental rebuilds."""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, Site, build
from kiosque_theme import facets
from pelican.settings import read_settings
from pelican.urlwrappers import Tag
from test_links import broken_links
from theme_fixtures import post, read

SETTINGS = {"KIOSQUE_IMPORT": False, "KIOSQUE_SEARCH": False}


# -- the rule -------------------------------------------------------------------------------
def site_settings(**overrides) -> dict:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override=overrides)
    facets.default_settings(settings)
    return settings


def article(settings: dict, tags=(), **meta) -> SimpleNamespace:
    return SimpleNamespace(tags=[Tag(name, settings) for name in tags], **meta)


def linked(settings: dict, *articles) -> dict:
    """kind -> {term name: its url} after `link_facets`."""
    found = facets.link_facets(SimpleNamespace(articles=list(articles), settings=settings))
    return {kind: {term.name: term.url for term, _ in pairs} for kind, pairs in found.items()}


def test_a_term_every_article_tags_lives_on_the_tag_page():
    settings = site_settings()
    urls = linked(settings, article(settings, ["Monde", "Idlib"], places="Idlib"),
                  article(settings, ["Idlib"], places="Idlib"),
                  article(settings, ["Idlib"]))  # tagged, not a place: the tag's page lists more
    assert urls["places"] == {"Idlib": "tags/idlib/"}


def test_a_term_one_article_does_not_tag_keeps_its_page():
    settings = site_settings()
    with_tag = article(settings, ["Donald Trump"], people="Donald Trump")
    without = article(settings, ["Monde"], people="Donald Trump")
    assert linked(settings, with_tag, without)["people"] == {"Donald Trump": "personnes/donald-trump/"}
    assert without.people_terms[0].save_as == "personnes/donald-trump/index.html"
    assert with_tag.people_terms[0].tag is None


def test_case_and_accent_variants_are_the_same_tag():
    settings = site_settings()
    first = article(settings, ["Syrie", "Recep Tayyip Erdogan"], places="syrie", people="Recep Tayyip Erdoğan")
    second = article(settings, ["syrie"], places="Syrie")
    urls = linked(settings, first, second)
    assert urls["places"] == {"syrie": "tags/syrie/"}
    assert urls["people"] == {"Recep Tayyip Erdoğan": "tags/recep-tayyip-erdogan/"}
    # Both spellings of the place, one slug, one home.
    assert first.place_terms[0].url == second.place_terms[0].url == "tags/syrie/"
    assert second.place_terms[0].save_as == "tags/syrie/index.html"


def test_folded_names_match_when_slugs_keep_case():
    # The section « Syrie » and the place « syrie » are one name to kiosque_tags (`fold`),
    # two slugs here: the place goes to the page of the tag its articles carry.
    settings = site_settings(SLUGIFY_PRESERVE_CASE=True)
    urls = linked(settings, article(settings, ["Syrie"], places="syrie"), article(settings, ["Syrie"], places="syrie"))
    assert urls["places"] == {"syrie": "tags/Syrie/"}


def test_places_slugified_apart_from_tags():
    # The place's own slug is « idleb », the tag « Idlib! » is slugified the default way
    # (« idlib »): the place finds the tag by the slug a tag of its name would get.
    defaults = read_settings()["SLUG_REGEX_SUBSTITUTIONS"]
    settings = site_settings(PLACE_REGEX_SUBSTITUTIONS=[("Idlib", "Idleb"), *defaults])
    urls = linked(settings, article(settings, ["Idlib!"], places="Idlib"))
    assert urls["places"] == {"Idlib": "tags/idlib/"}


def test_no_tag_pages_no_move():
    settings = site_settings(TAG_SAVE_AS="")
    assert linked(settings, article(settings, ["Idlib"], places="Idlib"))["places"] == {"Idlib": "lieux/idlib/"}


def test_article_state_records_where_its_terms_live():
    settings = site_settings()
    one = article(settings, ["Idlib"], places="Idlib", people="Donald Trump", organizations="ONU")
    linked(settings, one)
    assert one.facet_urls == ("personnes/donald-trump/", "tags/idlib/", "organisations/onu/")


# -- a real build ---------------------------------------------------------------------------
def write_posts(posts: Path) -> None:
    posts.mkdir(parents=True, exist_ok=True)
    day = datetime(2020, 1, 1, 9, 0)
    (posts / "un.md").write_text(post(
        "un", "Un", day, ["Syrie", "Idlib", "Donald Trump"],
        Places="syrie, Idlib", People="Donald Trump", Organizations="ONU"))
    (posts / "deux.md").write_text(post(
        "deux", "Deux", day.replace(day=5), ["Idlib", "Recep Tayyip Erdogan"],
        Places="Idlib", People="Donald Trump, Recep Tayyip Erdoğan"))
    (posts / "trois.md").write_text(post("trois", "Trois", day.replace(day=10), ["Idlib"]))


@pytest.fixture(scope="module")
def facet_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("facet-site")
    site = Site(root, root / "content", root / "content" / "seeds", root / "content" / "posts",
                root / "output", root / "cache")
    write_posts(site.posts)
    build(site, **SETTINGS)
    return site.output


def pages_under(output: Path, prefix: str) -> list[str]:
    return sorted(p.parent.relative_to(output).as_posix() for p in (output / prefix).rglob("index.html"))


def footer_links(html: str, label: str) -> list[str]:
    block = re.search(rf'aria-label="{label}">(.*?)</ul>', html, re.S)
    return re.findall(r'href="([^"]+)"', block.group(1)) if block else []


def test_only_terms_without_their_tag_get_a_page(facet_site):
    assert pages_under(facet_site, "personnes") == ["personnes", "personnes/donald-trump", "personnes/par-nombre"]
    assert pages_under(facet_site, "lieux") == ["lieux", "lieux/par-nombre"]
    assert pages_under(facet_site, "organisations") == ["organisations", "organisations/onu",
                                                       "organisations/par-nombre"]
    trump = read(facet_site, "personnes/donald-trump/")
    assert "(2 articles)" in trump and "articles/un/" in trump and "articles/deux/" in trump
    assert broken_links(facet_site) == []


def test_article_links_go_where_each_term_lives(facet_site):
    un, deux = read(facet_site, "articles/un/"), read(facet_site, "articles/deux/")
    assert footer_links(un, "Lieux") == ["../../tags/syrie/", "../../tags/idlib/"]
    assert footer_links(un, "Personnes") == ["../../personnes/donald-trump/"]
    assert footer_links(un, "Organisations") == ["../../organisations/onu/"]
    assert footer_links(deux, "Personnes") == ["../../personnes/donald-trump/", "../../tags/recep-tayyip-erdogan/"]
    assert footer_links(deux, "Lieux") == ["../../tags/idlib/"]


def test_indexes_keep_the_facet_counts_and_link_to_the_homes(facet_site):
    places = read(facet_site, "lieux/")
    assert '<a href="../tags/idlib/">Idlib</a> <span class="count">(2)</span>' in places
    assert '<a href="../tags/syrie/">syrie</a> <span class="count">(1)</span>' in places
    assert "(3 articles)" in read(facet_site, "tags/idlib/")  # the tag's page lists a superset
    by_count = read(facet_site, "personnes/par-nombre/")
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">\((\d+)\)', by_count) == [
        ("../../personnes/donald-trump/", "Donald Trump", "2"),
        ("../../tags/recep-tayyip-erdogan/", "Recep Tayyip Erdoğan", "1")]


# -- rebuilds -------------------------------------------------------------------------------
def snapshot(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def clean_build(site: Site, root: Path) -> dict[str, bytes]:
    """The same posts built from nothing, without the incremental writer."""
    reference = Site(root, root / "content", root / "content" / "seeds", root / "content" / "posts",
                     root / "output", root / "cache")
    shutil.copytree(site.content, reference.content)
    build(reference, KIOSQUE_INCREMENTAL=False, **SETTINGS)
    return snapshot(reference.output)


@pytest.fixture
def site(tmp_path) -> Site:
    root = tmp_path / "site"
    site = Site(root, root / "content", root / "content" / "seeds", root / "content" / "posts",
                root / "output", root / "cache")
    write_posts(site.posts)
    return site


def test_rebuild_removes_the_facet_pages_of_an_earlier_build(site, tmp_path, monkeypatch):
    with monkeypatch.context() as before:
        before.setattr(facets, "home_tag", lambda *args: None)  # every term its own page, as before
        build(site, **SETTINGS)
    assert (site.output / "lieux" / "idlib" / "index.html").is_file()
    assert footer_links(read(site.output, "articles/un/"), "Lieux") == ["../../lieux/syrie/", "../../lieux/idlib/"]
    build(site, **SETTINGS)
    assert not (site.output / "lieux" / "idlib").exists() and not (site.output / "lieux" / "syrie").exists()
    assert not (site.output / "personnes" / "recep-tayyip-erdogan").exists()
    assert footer_links(read(site.output, "articles/un/"), "Lieux") == ["../../tags/syrie/", "../../tags/idlib/"]
    assert snapshot(site.output) == clean_build(site, tmp_path / "clean")


def test_a_term_moves_when_another_article_changes(site, tmp_path):
    # « Le Caire » is the tag of `un` and a place of `loin`, which does not tag it: it has a page.
    far = datetime(2021, 6, 1, 9, 0)  # far from `un` in time, no shared tag: not its neighbour
    (site.posts / "un.md").write_text(post("un", "Un", datetime(2020, 1, 1, 9, 0), ["Le Caire"], Places="Le Caire"))
    loin = site.posts / "loin.md"
    loin.write_text(post("loin", "Loin", far, ["Bolivie"], Places="Le Caire"))
    build(site, **SETTINGS)
    assert footer_links(read(site.output, "articles/un/"), "Lieux") == ["../../lieux/le-caire/"]
    # `loin` no longer names Le Caire: every article of the place tags it, its page goes, and the
    # unchanged `un` links to the tag's page (its page is rendered again, not left with a dead link).
    loin.write_text(post("loin", "Loin", far, ["Bolivie"]))
    os.utime(loin, ns=(loin.stat().st_atime_ns, loin.stat().st_mtime_ns + 10**9))
    build(site, **SETTINGS)
    assert not (site.output / "lieux" / "le-caire").exists()
    assert footer_links(read(site.output, "articles/un/"), "Lieux") == ["../../tags/le-caire/"]
    assert broken_links(site.output) == []
    assert snapshot(site.output) == clean_build(site, tmp_path / "clean")


def test_renamed_facet_redirects_to_where_the_new_name_lives(tmp_path):
    from kiosque_tags import build as tag_build

    settings = site_settings()

    def redirect_to(live_page: str) -> str:
        """Where the old person URL sends readers once ``live_page`` exists."""
        (tmp_path / live_page).mkdir(parents=True)
        (tmp_path / live_page / "index.html").write_text("live")
        assert tag_build._redirect(tmp_path, settings, "PERSON", "Erdogan", "Recep Tayyip Erdoğan") == (
            "personnes/erdogan/index.html", True)
        old = (tmp_path / "personnes" / "erdogan" / "index.html").read_text(encoding="utf-8")
        return old.split('<meta http-equiv="refresh" content="0; url=', 1)[1].split('"', 1)[0]

    # The person has no page of its own: the old person URL sends readers to the tag's page.
    assert redirect_to("tags/recep-tayyip-erdogan") == "../../tags/recep-tayyip-erdogan/"
    # Once the person has a page again, the redirect follows it.
    assert redirect_to("personnes/recep-tayyip-erdogan") == "../recep-tayyip-erdogan/"
