"""All 200 real corpus articles of a second site: title, section, date and author equal the truth
taken from the pages (manifest.jsonl), and none of the page's tail survives in a post."""

import json
import re

import pytest
from conftest import ORANGE
from import_helpers import import_all, read_meta

MANIFEST = [json.loads(line) for line in (ORANGE / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def tail_lines(raw_text: str) -> list[str]:
    """The raw page's tail from `Réagir` on: calls to action and related headlines."""
    lines = [line.strip() for line in raw_text.splitlines() if line.strip()]
    return lines[lines.index("Réagir"):]


@pytest.fixture(scope="module")
def posts(tmp_path_factory):
    return import_all(ORANGE, tmp_path_factory.mktemp("orange"), 200)


def byline_truth(author: str) -> tuple[str | None, str | None]:
    """The page's byline author as (Authors, Credit): « Source : franceinfo » credits franceinfo,
    « Orange avec AFP » is two authors, Orange and AFP."""
    source = re.match(r"^Source\s*:?\s*(.+)$", author)
    return (None, source.group(1)) if source else (", ".join(author.split(" avec ")), None)


def test_all_200_match_the_manifest(posts):
    mismatches = []
    for truth in MANIFEST:
        meta = read_meta(posts[truth["file"]])
        got = (meta["Title"], meta["Category"], meta["Date"][:10], meta.get("Authors"), meta.get("Credit"))
        want = (truth["title"], truth["section"], truth["date"], *byline_truth(truth["author"]))
        if got != want:
            mismatches.append((truth["file"], got, want))
    assert mismatches == []


def test_no_tail_survives(posts):
    leaks = []
    for truth in MANIFEST:
        text = posts[truth["file"]].read_text(encoding="utf-8")
        body = text.split("\n\n", 1)[1]
        tail = tail_lines((ORANGE / truth["file"]).read_text(encoding="utf-8"))
        assert tail[:2] == ["Réagir", "A lire aussi"]
        leaks += [(truth["file"], line) for line in tail if line in body.splitlines()]
        leaks += [(truth["file"], marker) for marker in ("Réagir", "A lire aussi") if marker in body]
    assert leaks == []


def test_no_breadcrumb_or_byline_in_body(posts):
    for truth in MANIFEST:
        body = posts[truth["file"]].read_text(encoding="utf-8").split("\n\n", 1)[1]
        assert truth["breadcrumb"] not in body
        assert truth["byline"] not in body


def test_slugs_are_unique_ascii_and_name_the_file(posts):
    slugs = [read_meta(path)["Slug"] for path in posts.values()]
    assert len(set(slugs)) == 200
    for path in posts.values():
        slug = read_meta(path)["Slug"]
        assert path.name == f"{slug}.md"
        assert slug.isascii() and slug == slug.lower() and " " not in slug
