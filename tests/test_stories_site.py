"""Stories at build time (plugins/kiosque_stories): the versions of one article are grouped,
the lists show the latest once with « 2 versions », each version keeps its page and links the
others; editors' corrections split and join; adding a version rebuilds only what it changes.
Real articles from the corpus: tests/fixtures/stories/ (bench/story_fixtures.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ORANGE, build, make_site_dirs
from pelican import signals
from test_incremental import check_against_clean_build, rebuild

STORIES = FIXTURES / "stories"
SETTINGS = {"KIOSQUE_SEARCH": False}
OLD = "deux-agents-de-la-dgse-mis-en-examen-pour-tentative-de-meurtre"  # 3 August
NEW = "deux-militaires-rattaches-a-la-dgse-ecroues-pour-tentative-de-meurtre"  # 4 August
RIXE = ("paris-un-adolescent-decede-apres-une-rixe", "adolescent-poignarde-a-paris-un-jeune-de-14-ans-ecroue")
COLUMN = ("coronavirus-le-point-sur-la-pandemie-dans-le-monde", "coronavirus-le-point-sur-la-pandemie-dans-le-monde-2")


def raw_files(*, without=()):
    story_files = [p for p in sorted(STORIES.glob("*.txt")) if p.name not in without]
    return story_files + sorted(ORANGE.glob("*.txt"))[:12]


def page(site, slug: str) -> str:
    return (site.output / "articles" / slug / "index.html").read_text(encoding="utf-8")


def linked_slugs(html: str) -> list[str]:
    return re.findall(r'href="[^"]*articles/([^/"]+)/"', html)


def lists_linking(site, slug: str) -> list[str]:
    """Output pages other than article pages that link to an article."""
    found = []
    for path in sorted(site.output.rglob("*.html")):
        relative = path.relative_to(site.output).as_posix()
        if not relative.startswith("articles/") and slug in linked_slugs(path.read_text(encoding="utf-8")):
            found.append(relative)
    return found


class Stats:
    """What the story index did in a build (the context kiosque_stories leaves)."""

    def __init__(self):
        self.seen = None

    def __call__(self, generator):
        if "kiosque_stories" in generator.context:
            seen = generator.context["kiosque_stories"]
            self.seen = {"versions_hidden": seen["versions_hidden"], "queried": seen["queried"]}


def built(site) -> dict:
    stats = Stats()
    signals.article_generator_finalized.connect(stats)
    try:
        build(site, **SETTINGS)
    finally:
        signals.article_generator_finalized.disconnect(stats)
    return stats.seen


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = make_site_dirs(tmp_path_factory.mktemp("stories"), raw_files())
    site.stats = built(site)
    return site


def test_an_edited_version_is_listed_once_with_its_count(site):
    home = (site.output / "index.html").read_text(encoding="utf-8")
    assert NEW in linked_slugs(home) and OLD not in linked_slugs(home)
    assert re.search(rf'href="[^"]*articles/{NEW}/#versions">2 versions</a>', home)
    assert home.count("versions</a>") == 1
    assert site.stats == {"versions_hidden": 1, "queried": 19}  # 20 raw files, 19 posts
    # Nowhere but on the article pages of its story: no list, tag, section, archive, entity page.
    assert lists_linking(site, OLD) == []
    assert len(lists_linking(site, NEW)) >= 4


def test_each_version_keeps_its_page_and_links_the_other(site):
    old, new = page(site, OLD), page(site, NEW)
    for html in (old, new):
        assert "Autres versions de cet article" in html
    assert "Une version plus récente de cet article existe." in old
    assert f"articles/{NEW}/" in old and OLD not in linked_slugs(old)
    assert "Vous lisez la dernière version (2 versions)." in new
    assert f"articles/{OLD}/" in new
    assert re.search(r"3 août 2020</time> à \d\dh\d\d — <span class=\"versions__this\">Deux agents de la DGSE", old)
    # The hidden version links only to pages that exist.
    for target in re.findall(r'href="\.\./\.\./([^"#]+)"', old):
        assert (site.output / target / "index.html").exists() or (site.output / target).is_file(), target


def test_a_follow_up_and_a_daily_column_are_not_grouped(site):
    home = (site.output / "index.html").read_text(encoding="utf-8")
    for slug in (*RIXE, *COLUMN):
        assert slug in linked_slugs(home), slug
        assert "Autres versions" not in page(site, slug)


def test_the_republication_is_one_article(site):
    posts = sorted(p.name for p in site.posts.glob("affaire-traore*.md"))
    assert posts == ["affaire-traore-les-avocats-livrent-deux-versions-contradictoires-d-une-audition.md"]


def test_editors_split_and_join_stories(tmp_path):
    site = make_site_dirs(tmp_path / "site", raw_files())
    built(site)
    (site.content / "stories-corrections.toml").write_text(
        f'[[split]]\narticles = ["{OLD}", "{NEW}"]\n\n'
        f'[[join]]\narticles = ["{RIXE[0]}", "{RIXE[1]}", "no-such-slug"]\n',
        encoding="utf-8")
    stats = built(site)
    home = (site.output / "index.html").read_text(encoding="utf-8")
    assert OLD in linked_slugs(home) and NEW in linked_slugs(home)
    assert RIXE[1] in linked_slugs(home) and RIXE[0] not in linked_slugs(home)
    assert "Autres versions" in page(site, RIXE[0]) and "Autres versions" not in page(site, OLD)
    assert stats == {"versions_hidden": 1, "queried": 0}  # the index was not read again
    (site.content / "stories-corrections.toml").write_text("[[split]\n", encoding="utf-8")  # broken
    built(site)  # reported, and the build goes on without the corrections
    assert OLD not in linked_slugs((site.output / "index.html").read_text(encoding="utf-8"))


def test_adding_a_version_queries_only_it_and_rewrites_only_what_it_changes(tmp_path):
    site = make_site_dirs(tmp_path / "site", raw_files(without={"dgse_1.txt"}))
    built(site)
    shutil.copy(STORIES / "dgse_1.txt", site.seeds / "dgse_1.txt")
    stats = Stats()
    signals.article_generator_finalized.connect(stats)
    try:
        before, after, rendered = rebuild(site)
    finally:
        signals.article_generator_finalized.disconnect(stats)
    assert stats.seen == {"versions_hidden": 1, "queried": 1}
    changed = check_against_clean_build(site, tmp_path, before, after, rendered)
    assert f"articles/{OLD}/index.html" in changed and f"articles/{NEW}/index.html" in changed
    assert "index.html" in changed
    # The other article pages are left alone unless they link to one of the two versions.
    for name in changed:
        if name.startswith("articles/") and OLD not in name and NEW not in name:
            slugs = linked_slugs(Path(site.output / name).read_text(encoding="utf-8"))
            assert OLD in slugs or NEW in slugs, name


def test_a_lost_lsh_file_only_costs_making_the_index_again(tmp_path):
    site = make_site_dirs(tmp_path / "site", raw_files(without={"dgse_1.txt"}))
    built(site)
    (site.cache / "kiosque-stories-lsh.pickle").write_bytes(b"\x80\x05cut")  # a damaged file
    shutil.copy(STORIES / "dgse_1.txt", site.seeds / "dgse_1.txt")
    assert built(site) == {"versions_hidden": 1, "queried": 19}
    assert OLD not in linked_slugs((site.output / "index.html").read_text(encoding="utf-8"))


def test_with_the_plugin_off_every_post_is_listed_and_nothing_is_grouped(tmp_path):
    site = make_site_dirs(tmp_path / "site", raw_files())
    listed = Listed()
    signals.article_generator_finalized.connect(listed)
    try:
        build(site, **SETTINGS, KIOSQUE_STORIES=False)
    finally:
        signals.article_generator_finalized.disconnect(listed)
    posts = sorted(p.stem for p in site.posts.glob("*.md"))
    assert len(posts) == 19  # 20 raw files, the re-publication is still one post: the importer's work
    assert listed.slugs == posts and listed.hidden == [] and listed.stats is None
    assert all(count == 1 for count in listed.counts)
    home = (site.output / "index.html").read_text(encoding="utf-8")
    assert OLD in linked_slugs(home) and NEW in linked_slugs(home)
    pages = {path: path.read_text(encoding="utf-8") for path in site.output.rglob("*.html")}
    assert [path for path, html in pages.items() if "Autres versions" in html or "versions</a>" in html] == []
    assert "Une version plus récente" not in page(site, OLD)
    assert not (site.cache / "kiosque-stories.pickle").exists()


class Listed:
    """The articles a build lists and hides, and what the story step left in the context."""

    def __call__(self, generator):
        self.slugs = sorted(article.slug for article in generator.articles)
        self.hidden = [article.slug for article in generator.hidden_articles]
        self.counts = [article.version_count for article in generator.articles]
        self.stats = generator.context.get("kiosque_stories")
