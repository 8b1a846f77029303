"""Fuzzing the import and the build: whatever the raw bytes, an article becomes a post whose page
shows exactly its text, or it is refused with a reason. Nothing crashes, nothing is lost.

Volume goes through ``parse`` plus Pelican's reader (hundreds of examples), batches through
``run_import`` (the report must account for every file), and a few batches through a real build
with the project's settings and theme. Inputs hypothesis found failing live in fixtures/fuzz/.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path

import fuzzgen
import htmlscan
import pytest
from conftest import FIXTURES, ROOT, build, make_site_dirs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from kiosque_import import post, slugs
from kiosque_import.article import Refused
from kiosque_import.pipeline import Options, parse, run_import

REGRESSIONS = FIXTURES / "fuzz"
# KIOSQUE_FUZZ_SCALE=10 runs ten times as many examples (a deeper, slower hunt).
SCALE = float(os.environ.get("KIOSQUE_FUZZ_SCALE", "1"))
_BASE = settings(deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.large_base_example, HealthCheck.filter_too_much])
PARSE_EXAMPLES = settings(_BASE, max_examples=int(500 * SCALE))
IMPORT_EXAMPLES = settings(_BASE, max_examples=int(40 * SCALE))
# No shrinking for whole builds: each try costs seconds; the failing batch is printed as found.
BUILD_EXAMPLES = settings(_BASE, max_examples=max(1, int(3 * SCALE)), phases=[Phase.explicit, Phase.generate])
SPLITTER = Options(seeds=Path("."), posts=Path(".")).splitter()
ALLOWED_BODY_TAGS = {"p", "h2", "ul", "li", "br"}


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    """Pelican's own reader, with the project's settings and plugins loaded, as a build reads posts."""
    from pelican import Pelican
    from pelican.contents import Article
    from pelican.readers import Readers
    from pelican.settings import read_settings

    folder = tmp_path_factory.mktemp("fuzz-reader")
    overrides = {"PATH": str(folder), "OUTPUT_PATH": str(folder / "output"), "CACHE_PATH": str(folder / "c"),
                 "KIOSQUE_IMPORT": False, "KIOSQUE_BUILD_LOCK": False, "CACHE_CONTENT": False,
                 "LOAD_CONTENT_CACHE": False}
    pelican = Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=overrides))
    readers = Readers(pelican.settings)

    def read(text: str):
        (folder / "post.md").write_text(text, encoding="utf-8")
        return readers.read_file(str(folder), "post.md", content_class=Article, context={})

    return read


def prepare(article) -> str:
    """What ``_write`` adds before rendering: a date when the raw file had none, and a slug."""
    if article.date is None:
        article.date, article.date_estimated = datetime(2020, 1, 2), True
    article.slug = slugs.base_slug(article.title, article.raw_hash)
    return post.render(article)


def body_blocks(html: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The blocks a post's HTML shows, as (kind, text), and any element that is not a block."""
    kinds = {"p": "p", "h2": "h", "li": "li"}
    page = htmlscan.parse(html)
    blocks = [(kinds[e.tag], " ".join(e.text.split())) for e in page.elements if e.tag in kinds]
    stray = [e.tag for e in page.elements
             if e.tag not in ALLOWED_BODY_TAGS and not (e.tag == "span" and e.attrs.get("class") == "gap")]
    return blocks, stray


def check_one(data: bytes, read) -> str:
    """Parse, render and read back one raw article; returns "post" or "refused"."""
    try:
        article = parse("fuzz.txt", data, SPLITTER)
    except Refused as exc:
        assert str(exc).strip(), "a refusal must say why"
        return "refused"
    assert article.title.strip() and article.paragraphs
    content = read(prepare(article))
    assert content.title == article.title
    assert content.slug == article.slug
    blocks, stray = body_blocks(content.content)
    assert not stray, f"markup from article text: {stray}"
    assert [(kind, htmlscan.squash(text)) for kind, text in blocks] == \
        [(b.kind, htmlscan.squash(b.text)) for b in article.blocks]
    if article.lede:
        summary = htmlscan.parse(content.summary)
        assert {e.tag for e in summary.elements} <= {"p"}
        assert htmlscan.squash(summary.text) == htmlscan.squash(article.lede)
    return "post"


@PARSE_EXAMPLES
@given(data=fuzzgen.raw_articles)
def test_any_raw_article_becomes_a_faithful_post_or_is_refused(reader, data):
    check_one(data, reader)


def test_the_fuzzer_makes_posts_too(reader):
    """The property above is only worth something if many examples get past the refusals."""
    outcomes = []

    @settings(_BASE, max_examples=60)
    @given(data=fuzzgen.encoded(fuzzgen.mangled_lines()))
    def collect(data):
        outcomes.append(check_one(data, reader))

    collect()
    assert outcomes.count("post") > len(outcomes) // 2


@pytest.mark.parametrize("fixture", sorted(REGRESSIONS.glob("*.txt")), ids=lambda p: p.name)
def test_regressions_found_by_fuzzing(reader, fixture):
    check_one(fixture.read_bytes(), reader)


def _account(report, names: list[str]) -> None:
    """Every raw file is in exactly one place of the report."""
    places = {"new": report.new, "refused": [r["file"] for r in report.refused],
              "duplicate": [d["file"] for d in report.duplicates],
              "republished": [r["file"] for r in report.republished]}
    seen = [name for listed in places.values() for name in listed]
    assert sorted(seen) == sorted(names)
    assert all(r["reason"].strip() for r in report.refused)


@IMPORT_EXAMPLES
@given(batch=st.lists(fuzzgen.raw_articles, min_size=1, max_size=6))
def test_run_import_accounts_for_every_file(reader, batch):
    with tempfile.TemporaryDirectory() as tmp:
        seeds, posts = Path(tmp, "seeds"), Path(tmp, "posts")
        seeds.mkdir()
        names = [f"{i:03d}_fuzz.txt" for i in range(len(batch))]
        for name, data in zip(names, batch, strict=True):
            (seeds / name).write_bytes(data)
        # The import's own contract, without the (slow, separately tested) entity enrichment.
        report = run_import(Options(seeds, posts, report=Path(tmp, "report.json"), progress=False,
                                    today=date(2020, 1, 2), settings={"KIOSQUE_TAGS": False}))
        _account(report, names)
        manifest = posts / "manifest.json"
        # No manifest when nothing was written: an import that converts nothing writes nothing.
        entries = json.loads(manifest.read_text(encoding="utf-8"))["articles"] if manifest.exists() else {}
        # A re-publication (the same text again) shares the post of the file it repeats.
        assert sorted(entries) == sorted(report.new + [r["file"] for r in report.republished])
        written = sorted(p.name for p in posts.glob("*.md"))
        assert written == sorted({entry["post"] for entry in entries.values()})
        for source, entry in entries.items():
            if entry.get("same_as"):
                assert entries[entry["same_as"]]["post"] == entry["post"]
                continue
            article = parse(source, (seeds / source).read_bytes(), SPLITTER)
            assert reader((posts / entry["post"]).read_text(encoding="utf-8")).title == article.title
        assert json.loads(Path(tmp, "report.json").read_text(encoding="utf-8"))["new"] == report.new
        assert not list(posts.glob(".*.tmp"))


def page_body(html: str) -> str:
    """The article's body in its page: the theme's ``article__body`` block (no divs inside)."""
    opening = '<div class="article__body">'
    start = html.index(opening) + len(opening)
    return html[start:html.index("</div>", start)]


def words_kept(original: str, shown: str) -> bool:
    """Every word of the original appears, in order, in what is shown: enrichers may only add
    (a repaired word, a gap mark), never drop or change text."""
    remaining = iter(shown.replace("[…]", " ").split())
    return all(word in remaining for word in original.split())


@BUILD_EXAMPLES
@given(batch=st.lists(fuzzgen.raw_articles, min_size=8, max_size=12, unique=True))
def test_fuzzed_articles_through_a_real_build(reader, batch):
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site_dirs(Path(tmp), [])
        names = [f"{i:03d}_fuzz.txt" for i in range(len(batch))]
        for name, data in zip(names, batch, strict=True):
            (site.seeds / name).write_bytes(data)
        build(site)
        report = json.loads((site.root / ".kiosque" / "import-report.json").read_text(encoding="utf-8"))
        entries = json.loads((site.posts / "manifest.json").read_text(encoding="utf-8"))["articles"]
        assert sorted(report["new"]) == sorted(entries)
        assert len(entries) + len(report["refused"]) + len(report["duplicates"]) == len(names)
        for source, entry in entries.items():
            article = parse(source, (site.seeds / source).read_bytes(), SPLITTER)
            html = (site.output / "articles" / entry["slug"] / "index.html").read_text("utf-8")
            page = htmlscan.parse(html)
            assert [e.text for e in page.elements if e.tag == "h1"] == [article.title]
            shown, stray = body_blocks(page_body(html))
            assert not stray
            written, _ = body_blocks(reader((site.posts / entry["post"]).read_text("utf-8")).content)
            assert shown == written
            assert [kind for kind, _ in shown] == [block.kind for block in article.blocks]
            for block, (_, text) in zip(article.blocks, shown, strict=True):
                assert words_kept(block.text, text)
