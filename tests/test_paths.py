"""Path safety: whatever the title or raw file name (``../``, slashes, NUL, reserved names, 300
characters, punctuation only, newlines), slugs are safe and unique, and every file written lands
inside ``content/posts/`` or ``output/``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import build, make_site_dirs
from faultkit import digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kiosque_import import slugs

SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED = {"con", "prn", "aux", "nul", "com1", "lpt1", "index", "feeds", "tags", "pagefind", "theme", "page"}
NASTY_TITLES = ["../../etc/passwd", "..", ".", "/", "a/b\\c", "CON", "nul", "Index", "index.html", "COM1",
                "x" * 300, "Été " * 100, "?!…«»—", "   ", "\u200b", "../", "%2e%2e%2f", "tags", "feeds", "page",
                "日本語のタイトル", "🙂🙂", "-", "--a--", "a\x00b", "théâtre/../../../x", ".hidden"]
PATH_SETTINGS = settings(max_examples=500, deadline=None, derandomize=True, database=None,
                         suppress_health_check=[HealthCheck.too_slow])


def _slug(title: str, raw_hash: str = "0123456789abcdef" * 4) -> str:
    return slugs.base_slug(title, raw_hash)


@PATH_SETTINGS
@given(title=st.one_of(st.sampled_from(NASTY_TITLES), st.text(max_size=400),
                       st.text(alphabet="./\\-_ :*?\"<>|\x00CONnulIDEXidex", max_size=40)))
def test_slugs_are_safe_file_and_url_names(title):
    slug = _slug(title)
    assert SAFE_SLUG.match(slug), slug
    assert len(slug) <= slugs.MAX_LENGTH + 11
    assert slug not in RESERVED


@PATH_SETTINGS
@given(titles=st.lists(st.sampled_from(NASTY_TITLES) | st.text(max_size=30), min_size=2, max_size=30))
def test_slugs_are_unique(titles):
    taken: set[str] = set()
    for i, title in enumerate(titles):
        slug = slugs.unique_slug(_slug(title, f"{i:064x}"), taken)
        assert slug not in taken and SAFE_SLUG.match(slug)
        taken.add(slug)


# Raw files whose names and titles try to escape, collide or inject metadata lines.
RAW_FILES = {
    "001.txt": "../../../../tmp/evil",
    "002.txt": "..",
    "003.txt": "CON",
    "004.txt": "Index",
    "005.txt": "x" * 300,
    "006.txt": "?!… — « » !!",  # no letter: not a headline, refused with that reason
    "011.txt": "« ?! » — é",
    "007.txt": "Même titre",
    "008.txt": "Même titre",
    "009.txt": "MÊME TITRE",
    "010.txt": "tags/../../feeds",
    "a b ; rm -rf.txt": "Un nom de fichier avec espaces",
    "..txt": "Un nom de fichier en points",
    "-n.txt": "Un nom de fichier qui commence par un tiret",
    "nl\nTitle: injected.txt": "Un nom de fichier avec un saut de ligne",
    "tab\tStatus: draft.txt": "Un nom de fichier avec une tabulation",
}
NOT_HEADLINES = {"002.txt", "006.txt"}
BODY = ("\nPublié le 12 mars 2019 à 10h00\nA/.. - Le chapeau dit ce qui s’est passé hier soir.\n"
        "Le corps de l’article est une phrase complète qui se termine bien.\n")


@pytest.fixture(scope="module")
def path_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("paths")
    site = make_site_dirs(root, [])
    for name, title in RAW_FILES.items():
        (site.seeds / name).write_text(f"{title}{BODY}{name}\n", encoding="utf-8")
    outside = tmp_path_factory.mktemp("outside")
    before = (digest(outside), digest(site.seeds))
    build(site)
    return site, outside, before


def test_every_raw_file_has_a_post(path_site):
    site, _, _ = path_site
    entries = json.loads((site.posts / "manifest.json").read_text(encoding="utf-8"))["articles"]
    assert sorted(entries) == sorted(set(RAW_FILES) - NOT_HEADLINES)
    report = json.loads((site.root / ".kiosque" / "import-report.json").read_text(encoding="utf-8"))
    assert {item["file"]: item["reason"] for item in report["refused"]} == dict.fromkeys(
        NOT_HEADLINES, "no title: the first line is not a headline")
    # « Même titre » twice over the same body (the file name below it is page chrome) is one
    # article published twice: one post, both raw files (docs/stories.md).
    assert entries["008.txt"]["same_as"] == "007.txt" and entries["008.txt"]["post"] == entries["007.txt"]["post"]
    slug_list = [entry["slug"] for entry in entries.values() if "same_as" not in entry]
    assert len(set(slug_list)) == len(slug_list)
    assert all(SAFE_SLUG.match(slug) for slug in slug_list), slug_list
    assert sorted(p.name for p in site.posts.glob("*.md")) == sorted(f"{s}.md" for s in slug_list)
    for slug in slug_list:
        assert (site.output / "articles" / slug / "index.html").is_file()


def test_everything_written_stays_inside_its_folder(path_site):
    site, outside, before = path_site
    root = site.root.resolve()
    allowed = [site.posts.resolve(), site.output.resolve(), site.cache.resolve(), (root / ".kiosque")]
    for path in root.rglob("*"):
        resolved = path.resolve()
        assert resolved.is_relative_to(root), path
        if path.is_file() and not resolved.is_relative_to(site.seeds.resolve()):
            assert any(resolved.is_relative_to(folder) for folder in allowed), path
    assert (digest(outside), digest(site.seeds)) == before
    assert not list(Path("/tmp").glob("evil*"))


def test_file_names_do_not_inject_metadata(path_site):
    site, _, _ = path_site
    for post in site.posts.glob("*.md"):
        head = post.read_text(encoding="utf-8").split("\n\n", 1)[0].split("\n")
        keys = [line.split(":", 1)[0] for line in head]
        assert len(keys) == len(set(keys)), (post.name, keys)
        assert "Status" not in keys
    titles = {json.dumps(p.read_text(encoding="utf-8").split("\n", 1)[0]) for p in site.posts.glob("*.md")}
    assert '"Title: injected.txt"' not in titles


def test_taxonomy_pages_do_not_collide(path_site):
    """A section that slugifies to nothing (``..``) must not overwrite the sections index."""
    site, _, _ = path_site
    for post in site.posts.glob("*.md"):
        for line in post.read_text(encoding="utf-8").split("\n\n", 1)[0].split("\n"):
            key, _, value = line.partition(": ")
            if key in ("Category", "Tags", "Sections"):
                assert all(re.search(r"[^\W_]", term) for term in value.split(", ")), line
    for folder in ("sections", "tags"):
        index = (site.output / folder / "index.html").read_text(encoding="utf-8")
        assert "<h1" in index
        for sub in (site.output / folder).iterdir():
            if sub.is_dir():
                assert SAFE_SLUG.match(sub.name) or sub.name == "page", sub.name
