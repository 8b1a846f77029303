"""The real seed article, imported end to end, against what a careful reader found in it."""

import json
import re

import pytest
from conftest import FIXTURES, SEED
from import_helpers import body, read_meta, run
from kiosque_import.pipeline import Options, parse

EXPECTED = json.loads((FIXTURES / "000_9e9c1d13546101e7.expected.json").read_text(encoding="utf-8"))
CHROME_LINES = ["Que pensez-vous de cet article ?", "NEWSLETTER", "Inscrivez-vous", "RÉAGISSEZ",
                "Poster un Commentaire", "Soyez le premier", "Me notifier", "avatar", "wpDiscuz",
                "RÉSEAUX SOCIAUX", "Red'Action"]


def plain(text: str) -> str:
    """The reader's notes write French no-break spaces (kept in posts) as plain spaces."""
    return re.sub("[\u00a0\u202f\u2009]", " ", text)


@pytest.fixture(scope="module")
def article():
    return parse(SEED.name, SEED.read_bytes(), Options(seeds=SEED.parent, posts=SEED.parent).splitter())


@pytest.fixture(scope="module")
def seed_post(tmp_path_factory):
    root = tmp_path_factory.mktemp("seed")
    (root / "seeds").mkdir()
    (root / "seeds" / SEED.name).write_bytes(SEED.read_bytes())
    report = run(root / "seeds", root / "posts")
    assert report.new == [SEED.name]
    return root / "posts" / f"{read_slug(root / 'posts')}.md"


def read_slug(posts):
    return json.loads((posts / "manifest.json").read_text())["articles"][SEED.name]["slug"]


def test_parts_match_the_reader(article):
    assert article.kicker == EXPECTED["kicker"]
    assert article.title == EXPECTED["title"]
    assert article.sections == EXPECTED["sections"]
    assert plain(article.lede) == EXPECTED["summary"]
    assert article.date is None  # "date_in_text": null


def test_body_bounds_and_subheading(article):
    paragraphs = article.paragraphs
    assert plain(paragraphs[0]).startswith(EXPECTED["first_paragraph_starts"])
    assert plain(paragraphs[-1]).endswith(EXPECTED["last_paragraph_ends"])
    assert [plain(b.text) for b in article.blocks if b.kind == "h"] == EXPECTED["subheadings"]
    assert len(paragraphs) == 11


def test_page_chrome_is_gone(article, seed_post):
    assert article.chrome[0] == EXPECTED["boilerplate_starts_at"]
    text = seed_post.read_text(encoding="utf-8")
    for line in CHROME_LINES:
        assert line not in text


def test_post_metadata(seed_post):
    meta = read_meta(seed_post)
    assert meta["Title"] == EXPECTED["title"]
    assert meta["Kicker"] == "FLASH INFO"
    assert meta["Category"] == "Turquie"
    assert meta["Sections"] == "Turquie, États-Unis"
    assert meta["Tags"].split(", ")[:2] == ["Turquie", "États-Unis"]
    assert plain(meta["Summary"]) == EXPECTED["summary"]
    assert meta["Lang"] == "fr"
    assert meta["Source"] == SEED.name
    # No date in the text: the day of first import, marked as estimated.
    assert meta["Date"] == "2026-01-15 00:00"
    assert meta["DateEstimated"] == "true"
    assert meta["Slug"] == "trump-remercie-erdogan-pour-les-efforts-de-la-turquie-afin-d-empecher-une"
    assert seed_post.name == meta["Slug"] + ".md"


def test_post_body_is_markdown_of_the_article(seed_post):
    text = plain(body(seed_post))
    assert "\n\n## « Les attaques doivent prendre fin »\n\n" in text
    assert text.rstrip().endswith(EXPECTED["last_paragraph_ends"])
    # The brackets of the quoted "[hier]" are text, not a Markdown link.
    assert "préoccupation \\[hier\\] concernant" in text
