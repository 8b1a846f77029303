"""Entities a reader can trust, measured against hand labels (tests/fixtures/entity_labels/: every
person, place and organisation each article names, its key tags, its authors, written by reading
the text). The labelled articles are imported with tags on beside the other raw files of their
folders, as ``make demo`` does; ``bench/entity_quality.py`` prints the same figures as a table."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import entity_quality  # noqa: E402

# Issue #15's targets, for every labelled article (dev and heldout splits together).
PRECISION, RECALL, KEY_TAG_RECALL = 0.95, 0.85, 0.85
# Not met yet (a strict xfail turns into a failure the day it is met, so the mark goes then).
# PER precision fell under its target when the second heldout sample (50 articles) arrived, and
# key-tag recall when 60 random dev articles did (orange4/): on text unlike the demo's, the rules
# do worse than on the text they were written from. ORG recall met its target with the fifth pass on
# organisations (85.2 % over the 258 articles: a thin margin).
NOT_MET = {("PER", "precision"), ("LOC", "precision"), ("ORG", "precision"), ("key tags", "recall")}


@pytest.fixture(scope="module")
def score(tmp_path_factory):
    labels = entity_quality.load_labels()
    posts = entity_quality.import_archive(entity_quality.raw_files(labels), tmp_path_factory.mktemp("labelled"))
    scores = entity_quality.evaluate(labels, entity_quality.shown(posts))
    print(entity_quality.table(scores))
    return scores["all"]


def _target(kind: str, measure: str):
    missed = (kind, measure) in NOT_MET
    marks = [pytest.mark.xfail(strict=True, reason="issue #15 target not met yet")] if missed else []
    return pytest.param(kind, measure, marks=marks, id=f"{kind}-{measure}")


def test_the_labels_cover_enough_articles():
    labels = entity_quality.load_labels()
    assert len(labels) >= 80
    for source, label in labels.items():
        assert label["entities"], source
        for entity in label["entities"]:
            assert entity["type"] in ("PER", "LOC", "ORG") and entity["names"], source


@pytest.mark.parametrize(("kind", "measure"), [_target(t, m) for t in entity_quality.TYPES
                                                for m in ("precision", "recall")])
def test_entities_per_type(score, kind, measure):
    value = score.precision(kind) if measure == "precision" else score.recall(kind)
    assert value >= (PRECISION if measure == "precision" else RECALL), f"{kind} {measure} {value:.1%}"


@pytest.mark.parametrize(("kind", "measure"), [_target("key tags", "recall")])
def test_key_tags(score, kind, measure):
    assert score.key_tags_found / score.key_tags >= KEY_TAG_RECALL


def test_no_date_line_is_an_author(score):
    assert score.date_authors == 0


def test_authors_as_labelled(score):
    # Every byline's authors as the labellers read them (folded): date lines and credits aside.
    assert score.authors_right == score.articles
