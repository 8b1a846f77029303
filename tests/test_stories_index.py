"""The candidate pairs of the story index (plugins/kiosque_stories/index.py) on real texts of the
OrangeSum corpus: a story first written in a few paragraphs, then extended into a long one, shares
little of the long text (Jaccard 0.15 to 0.30), which the LSH bands of whole texts find only now
and then; the openings of short texts are matched with the others' openings too."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from conftest import FIXTURES
from kiosque_core import background
from kiosque_stories import index

# Labelled versions (tests/fixtures/stories/labelled.tsv): the Notre-Dame forecourt reopening (329 and
# 200 words), Juliette Gréco's death (the flash, 193 words, then the long obituary, 671), Lelandais
# sent to the assizes (202 and 738 words).
EXTENDED = [(4753, 4754), (31754, 32091), (684, 3405)]


@pytest.fixture(scope="module")
def articles() -> dict:
    with gzip.open(FIXTURES / "stories" / "labelled-records.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = {record["id"]: record for record in map(json.loads, lines)}
    return {f"{number}.md": article(records[number]["body"], records[number]["lede"], records[number]["title"],
                                    datetime.fromisoformat(records[number]["date"]))
            for pair in EXTENDED for number in pair}


def article(body: str, lede: str = "", title: str = "", date: datetime = datetime(2020, 6, 1)) -> SimpleNamespace:
    return SimpleNamespace(title=title, _content=body, metadata={"summary": lede}, date=date)


def test_a_short_story_extended_is_a_candidate_through_the_openings(articles):
    built = index.Index(None)
    built.update(articles, 1)
    assert sorted(built.pairs) == [("31754.md", "32091.md"), ("3405.md", "684.md"), ("4753.md", "4754.md")]
    assert built.pairs[("31754.md", "32091.md")][:2] == (0.1477, 0.582)  # Jaccard, containment
    # The whole texts' signatures alone meet in no band.
    lsh = built.lsh()
    for a, b in EXTENDED:
        signature = dict(index._signatures(articles[f"{a}.md"]))[""]
        assert f"{b}.md" not in lsh.query(signature)


def test_the_entries_of_a_text_by_its_length():
    # A brief of 30 to 99 words: its whole text only; 100 to 150: also its opening (the whole) as a short
    # text; 151 to 300: its opening, also as a short text; over 300: its opening.
    def kinds(count: int) -> list[str]:
        return [kind for kind, _ in index._signatures(article(" ".join(f"mot{n}" for n in range(count))))]
    assert [kinds(n) for n in (29, 30, 99, 100, 150, 151, 300, 301)] == [
        [], [""], [""], ["", "\0short"], ["", "\0short"], ["", "\0opening", "\0short"],
        ["", "\0opening", "\0short"], ["", "\0opening"]]


def test_dropping_an_article_removes_all_its_entries(articles):
    built = index.Index(None)
    built.update(articles, 1)
    built.update({key: value for key, value in articles.items() if key != "4754.md"}, 1)
    assert not [key for key in built.lsh().keys if key.startswith("4754.md")]
    assert ("4753.md", "4754.md") not in built.pairs and len(built.pairs) == 2


def moved(article: SimpleNamespace, date: datetime) -> SimpleNamespace:
    return SimpleNamespace(**{**vars(article), "date": date})


def test_a_candidate_published_too_far_apart_for_any_rule_is_not_measured(articles):
    # Gréco's obituary moved 6 days after the flash (rules.LATER is 5): still a candidate in the LSH
    # index, never measured; moved back to 5 days, its new date re-queries it and the pair is measured.
    flash = articles["31754.md"].date
    built = index.Index(None)
    later = {**articles, "32091.md": moved(articles["32091.md"], flash + timedelta(days=6))}
    built.update(later, 1)
    assert sorted(built.pairs) == [("3405.md", "684.md"), ("4753.md", "4754.md")]
    short = dict(index._signatures(later["31754.md"]))["\0short"]
    assert "32091.md\0opening" in built.lsh().query(short)
    later["32091.md"] = moved(articles["32091.md"], flash + timedelta(days=5))
    built.update(later, 1)
    assert built.queried == 1
    assert sorted(built.pairs) == [("31754.md", "32091.md"), ("3405.md", "684.md"), ("4753.md", "4754.md")]
    assert built.pairs[("31754.md", "32091.md")][:2] == (0.1477, 0.582)


def test_a_cache_made_before_the_days_were_stored_is_made_again(articles, tmp_path, monkeypatch):
    # A cache of VERSION 8 holds digests without the day and the pairs of every date: not read.
    old = index.Index(tmp_path)
    with monkeypatch.context() as patched:
        patched.setattr(index, "VERSION", (8, *index.VERSION[2:]))
        old.update(articles, 1)
        old.save()
        background.wait_for_saves()
        assert len(index.Index(tmp_path).digests) == 6
    built = index.Index(tmp_path)
    assert (built.digests, built.pairs) == ({}, {})
    built.update(articles, 1)
    assert built.queried == 6 and sorted(built.pairs) == sorted(old.pairs)
