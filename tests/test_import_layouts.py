"""24 real articles wrapped in other French news sites' page leftovers (tests/fixtures/layouts/):
each gets the title, date, update date, authors, credit, chapô and first paragraph its manifest
gives, with the site's head and chrome left out; and no date line is ever an author, in these,
the 200 corpus articles and the seed."""

from __future__ import annotations

import json
import re

import pytest
from conftest import FIXTURES, ORANGE, SEED
from import_helpers import body, import_all, read_meta
from kiosque_import import chrome
from kiosque_import.pipeline import Options, parse

LAYOUTS = FIXTURES / "layouts"
MANIFEST = [json.loads(line) for line in (LAYOUTS / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
SPLITTER = Options(seeds=".", posts=".").splitter()
# What a date line left in Authors would look like (bench/entity_quality.py counts the same).
DATE_LINE = re.compile(r"\b(publi[ée]|mis à jour|mise? en ligne|modifi[ée]|actualis[ée])\b|\d{1,4}[/.:-]\d{1,2}",
                       re.IGNORECASE)


def spaced(text: str | None) -> str | None:
    """Text with runs of spaces as one: the import collapses them (one raw title has two)."""
    return " ".join(text.split()) if text else text


def stamp(when) -> str | None:
    return when.strftime("%Y-%m-%d %H:%M") if when else None


@pytest.fixture(scope="module")
def posts(tmp_path_factory):
    return import_all(LAYOUTS, tmp_path_factory.mktemp("layouts"), 24)


def test_there_are_24():
    assert len(MANIFEST) == 24


@pytest.mark.parametrize("truth", MANIFEST, ids=[t["file"] for t in MANIFEST])
def test_every_field_of_the_manifest(truth):
    article = parse(truth["file"], (LAYOUTS / truth["file"]).read_bytes(), SPLITTER)
    got = {"title": spaced(article.title), "date": stamp(article.date), "modified": stamp(article.modified),
           "authors": article.authors, "credit": article.credit or None, "lede": spaced(article.lede),
           "first_paragraph": spaced(article.paragraphs[0])}
    want = {key: spaced(truth[key]) if key in ("title", "lede", "first_paragraph") else truth[key] for key in got}
    assert got == want


def test_the_posts_say_it(posts):
    for truth in MANIFEST:
        meta = read_meta(posts[truth["file"]])
        got = (meta["Date"], meta.get("Modified"), meta.get("Authors"), meta.get("Credit"))
        assert got == (truth["date"], truth["modified"], ", ".join(truth["authors"]) or None, truth["credit"])


def test_no_page_chrome_in_the_body(posts):
    """Nothing of the site's head (banner, menu, breadcrumb), no call to action, share button,
    newsletter, consent, paywall or counter line is left in a post's body."""
    markers = chrome.marker_pattern()
    leaks = []
    for truth in MANIFEST:
        raw = [" ".join(line.split()) for line in (LAYOUTS / truth["file"]).read_text(encoding="utf-8").splitlines()]
        head = raw[:raw.index(next(line for line in raw if line == spaced(truth["title"])))]
        for line in body(posts[truth["file"]]).splitlines():
            plain = line.replace("\\", "").removeprefix("## ").removeprefix("- ")
            if plain and (plain in head or chrome.is_marker(plain, markers)):
                leaks.append((truth["file"], plain))
    assert leaks == []


# Chrome these pages print, worded independently of kiosque_import.chrome.
CHROME_LINE = re.compile(r"^(?:Partager|Lire aussi|À lire aussi|Newsletter|Suivez-nous|Accepter|Je m'abonne|"
                         r"S'inscrire|Se connecter|Mots-clés|Tags :|Sujets associés|Commentaires|Réagir)"
                         r"|cookies|^\W*\d+ commentaires|réservé aux abonnés|min de lecture", re.IGNORECASE)


def test_no_chrome_wording_in_the_body(posts):
    leaks = [(truth["file"], line) for truth in MANIFEST for line in body(posts[truth["file"]]).splitlines()
             if CHROME_LINE.search(line)]
    assert leaks == []


def test_credit_lines_are_not_in_the_body(posts):
    for truth in MANIFEST:
        if truth["credit"]:
            assert not re.search(r"^Source\b", body(posts[truth["file"]]), re.MULTILINE), truth["file"]


def test_no_date_line_is_an_author(posts):
    files = [SEED, *sorted(ORANGE.glob("*.txt")), *sorted(LAYOUTS.glob("*.txt"))]
    authors = {}
    for path in files:
        authors[path.name] = parse(path.name, path.read_bytes(), SPLITTER).authors
    assert len(authors) == 1 + 200 + 24
    assert [(name, a) for name, found in authors.items() for a in found if DATE_LINE.search(a)] == []
    # The seed has no byline; six corpus articles and three layouts only credit a source.
    assert sum(1 for found in authors.values() if found) == 194 + 21
