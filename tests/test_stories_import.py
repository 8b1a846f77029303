"""Re-publications (plugins/kiosque_import/republished.py): the same title and body after
cleaning, whatever the byline time, the typography or the file name, make one post that records
every raw file it came from. Real pair from the corpus: tests/fixtures/stories/republished_*.txt
(« Affaire Traoré… », published at 15h00 and at 09h45 the same day)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import FIXTURES
from import_helpers import read_meta, run, snapshot

STORIES = FIXTURES / "stories"
POST = "affaire-traore-les-avocats-livrent-deux-versions-contradictoires-d-une-audition.md"


def retyped(text: str) -> str:
    """The same article with another site's typography: curly apostrophes, guillemets with
    no-break spaces, an em dash, doubled spaces."""
    return (text.replace("'", "’").replace('"', "«\u00a0", 1).replace('"', "\u00a0»", 1)
            .replace(" - ", " — ").replace(". ", ".  "))


def manifest(posts):
    return json.loads((posts / "manifest.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


def test_a_republication_is_one_post_with_both_raw_files(seeds, tmp_path):
    shutil.copy(STORIES / "republished_1.txt", seeds / "a_1500.txt")
    (seeds / "b_0945.txt").write_text(retyped((STORIES / "republished_2.txt").read_text(encoding="utf-8")),
                                      encoding="utf-8")
    report = run(seeds, tmp_path / "posts")
    assert report.new == ["b_0945.txt"]
    assert report.republished == [{"file": "a_1500.txt", "same_as": "b_0945.txt", "post": POST}]
    assert re.search(r"^  republished \(same text, one post\) +1$", report.summary(), re.MULTILINE)
    assert sorted(p.name for p in (tmp_path / "posts").glob("*.md")) == [POST]
    meta = read_meta(tmp_path / "posts" / POST)
    # Dated at its first publication, the later one as Pelican's Modified, both raw files listed.
    assert (meta["Date"], meta["Modified"]) == ("2020-07-02 09:45", "2020-07-02 15:00")
    assert (meta["Source"], meta["Sources"]) == ("b_0945.txt", "b_0945.txt, a_1500.txt")
    entries = manifest(tmp_path / "posts")
    assert entries["a_1500.txt"]["post"] == entries["b_0945.txt"]["post"] == POST
    assert entries["a_1500.txt"]["same_as"] == "b_0945.txt" and "same_as" not in entries["b_0945.txt"]
    assert entries["a_1500.txt"]["post_hash"] == entries["b_0945.txt"]["post_hash"]


def test_a_later_republication_updates_the_post_and_a_rebuild_changes_no_byte(seeds, tmp_path):
    posts = tmp_path / "posts"
    shutil.copy(STORIES / "republished_1.txt", seeds / "a_1500.txt")
    run(seeds, posts)
    assert "Modified" not in read_meta(posts / POST) and "Sources" not in read_meta(posts / POST)
    shutil.copy(STORIES / "republished_2.txt", seeds / "b_0945.txt")  # found later, published earlier
    report = run(seeds, posts)
    assert report.new == [] and [r["file"] for r in report.republished] == ["b_0945.txt"]
    meta = read_meta(posts / POST)
    assert (meta["Date"], meta["Modified"], meta["Source"]) == ("2020-07-02 09:45", "2020-07-02 15:00", "a_1500.txt")
    assert meta["Sources"] == "b_0945.txt, a_1500.txt"
    before = snapshot(posts)
    again = run(seeds, posts)
    assert again.unchanged == 2 and not again.republished and snapshot(posts) == before
    # The same two files imported at once give the same header.
    at_once = run(seeds, tmp_path / "at_once")
    assert at_once.republished and read_meta(tmp_path / "at_once" / POST)["Sources"] == meta["Sources"]


def test_removing_a_raw_file_keeps_the_post(seeds, tmp_path):
    posts = tmp_path / "posts"
    shutil.copy(STORIES / "republished_1.txt", seeds / "a_1500.txt")
    shutil.copy(STORIES / "republished_2.txt", seeds / "b_0945.txt")
    run(seeds, posts)
    before = snapshot(posts)
    for name in ("b_0945.txt", "a_1500.txt"):
        (seeds / name).unlink()
        report = run(seeds, posts)
        assert name in report.missing_raw
        assert snapshot(posts) == before


def test_a_hand_edited_post_survives_a_republication(seeds, tmp_path):
    posts = tmp_path / "posts"
    shutil.copy(STORIES / "republished_1.txt", seeds / "a_1500.txt")
    run(seeds, posts)
    edited = (posts / POST).read_text(encoding="utf-8").replace("Quatre ans après", "Quatre années après")
    (posts / POST).write_text(edited, encoding="utf-8")
    shutil.copy(STORIES / "republished_2.txt", seeds / "b_0945.txt")
    report = run(seeds, posts)
    assert [r["file"] for r in report.republished] == ["b_0945.txt"]
    assert (posts / POST).read_text(encoding="utf-8") == edited  # not touched
    assert manifest(posts)["b_0945.txt"]["same_as"] == "a_1500.txt"  # but recorded
    assert sorted(run(seeds, posts).hand_edits_kept) == ["a_1500.txt", "b_0945.txt"]


def test_a_republication_whose_text_changes_gets_its_own_post(seeds, tmp_path):
    posts = tmp_path / "posts"
    shutil.copy(STORIES / "republished_1.txt", seeds / "a_1500.txt")
    shutil.copy(STORIES / "republished_2.txt", seeds / "b_0945.txt")
    run(seeds, posts)
    raw = seeds / "a_1500.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("Quatre ans après", "Quatre ans et demi après"),
                   encoding="utf-8")
    report = run(seeds, posts)
    assert report.changed == ["a_1500.txt"] and not report.republished
    names = sorted(p.name for p in posts.glob("*.md"))
    assert names == sorted([POST, POST.replace(".md", "-2.md")])
    meta = read_meta(posts / POST)
    assert "Sources" not in meta and meta["Source"] == "b_0945.txt"


def test_a_republication_a_week_later_is_still_one_post(seeds, tmp_path):
    """No date window for the same text: « whatever the byline time » (issue #18). Records 23486
    and 23683 of the corpus, published on 13 and 6 July 2019, its only such pair."""
    later = STORIES / "later"
    shutil.copy(later / "republished_1.txt", seeds / "cigales_13.txt")
    run(seeds, tmp_path / "posts")
    shutil.copy(later / "republished_2.txt", seeds / "cigales_06.txt")  # found later, published a week earlier
    report = run(seeds, tmp_path / "posts")
    post = "gard-agace-par-le-chant-des-cigales-un-touriste-reclame-du-produit-pour-les-tuer.md"
    assert report.new == [] and report.republished == [{"file": "cigales_06.txt", "same_as": "cigales_13.txt",
                                                         "post": post}]
    assert sorted(p.name for p in (tmp_path / "posts").glob("*.md")) == [post]
    meta = read_meta(tmp_path / "posts" / post)
    assert (meta["Date"], meta["Modified"]) == ("2019-07-06 13:57", "2019-07-13 15:55")
    assert meta["Sources"] == "cigales_06.txt, cigales_13.txt"
