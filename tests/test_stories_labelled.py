"""The version rule (plugins/kiosque_stories/rules.py) against candidate pairs of the OrangeSum
corpus labelled by reading both texts (tests/fixtures/stories/README.md), all re-read blind against
one written standard (« The reading standard »): ``labelled.tsv``, 118 hard candidates near the
thresholds (same-day write-ups of one event, updates a day or two later, the daily pandemic
round-up), on which the thresholds were chosen; ``labelled-2.tsv``, 58 pairs labelled later, drawn
from where the rules disagree, from the pairs both accept, from near misses, and every pair two of
the new branches add (the README says how); ``labelled-3.tsv``, 100 of the archive's candidates
drawn at random, cut in a ``dev`` half and a half kept ``apart``."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from conftest import FIXTURES
from kiosque_stories import rules, shingles

STORIES = FIXTURES / "stories"


def labelled(name: str = "labelled.tsv", half: str | None = None):
    """(record, record, is a version, reason) for each labelled pair of ``name`` (of its ``half``
    only, when given: labelled-3.tsv is cut in a ``dev`` half and a half kept ``apart``)."""
    with gzip.open(STORIES / "labelled-records.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = {record["id"]: record for record in map(json.loads, lines)}
    rows = (STORIES / name).read_text(encoding="utf-8").splitlines()
    columns = rows[0].split("\t")
    for row in rows[1:]:
        fields = dict(zip(columns, row.split("\t"), strict=True))
        if half is not None and fields["half"] != half:
            continue
        yield records[int(fields["id_a"])], records[int(fields["id_b"])], fields["version"] == "1", fields["reason"]


def decided(a: dict, b: dict) -> bool:
    """The rule on two corpus records, as the build applies it to two posts."""
    texts = [shingles.Text(r["lede"], r["body"], r["title"]) for r in (a, b)]
    days = (date.fromisoformat(b["date"]) - date.fromisoformat(a["date"])).days
    return rules.accepts(shingles.measures(*texts), days)


def test_the_labelled_sets_are_large_apart_and_explained():
    pairs, apart = list(labelled()), list(labelled("labelled-2.tsv"))
    assert (len(pairs), sum(version for *_, version, _ in pairs)) == (118, 100)
    assert (len(apart), sum(version for *_, version, _ in apart)) == (58, 55)
    assert all(len(reason) > 20 for *_, reason in pairs + apart)
    ids = [frozenset((a["id"], b["id"])) for a, b, *_ in pairs + apart]
    assert len(set(ids)) == len(ids)  # no pair in both sets, none twice


def counts(name: str, half: str | None = None) -> tuple[int, int, int]:
    """(versions found, pairs wrongly grouped, versions missed) on a labelled set."""
    outcomes = [(decided(a, b), version) for a, b, version, _ in labelled(name, half)]
    true_pos = sum(1 for said, truth in outcomes if said and truth)
    false_pos = sum(1 for said, truth in outcomes if said and not truth)
    false_neg = sum(1 for said, truth in outcomes if truth and not said)
    print(f"{name}: precision {true_pos / (true_pos + false_pos):.3f} recall {true_pos / (true_pos + false_neg):.3f}")
    return true_pos, false_pos, false_neg


def test_precision_and_recall_on_the_labelled_pairs():
    # Precision first (docs/stories.md): 81 / 81 = 100 %; recall 81 / 100 = 81.0 % (68 before the sentences
    # kept: read against the standard, 26 pairs labelled 0 are versions, a same-day or next-day update over the
    # earlier's text, most of its sentences kept under a new top). Missed: 9 the same day (sharing under 25 %
    # of their shingles, or under 60 % of the earlier's sentences), 6 the next day (under 70 %: the Toulon
    # policeman's explanations, the bac leaks, the Essex lorry charges, Mouzin, Obono, a pandemic round-up),
    # 4 two to five days apart.
    assert counts("labelled.tsv") == (81, 0, 19)


@pytest.mark.xfail(strict=True, reason="issue #18: re-read against the standard, recall 81 / 100 (target 90 %)")
def test_the_recall_meets_the_issue_target():
    found, wrong, missed = counts("labelled.tsv")
    assert found / (found + missed) >= 0.90 and found / (found + wrong) >= 0.98


def test_precision_and_recall_on_the_pairs_labelled_apart():
    # 55 versions, 3 not; not a sample of the archive (half of it is drawn near the thresholds): 52 / 53 =
    # 98.1 %, recall 94.5 % (39 found before the sentences kept: the 11 same-day rewrites and updates sharing 30
    # to 49 % of their shingles are all found now). Wrongly grouped: two days' strike-traffic bulletins on one
    # template. Missed: 2 updates a day later (police and masks, Venus's phosphine), an explainer rewritten 4
    # days later.
    assert counts("labelled-2.tsv") == (52, 1, 3)


def test_the_random_sample_of_candidates_is_labelled_and_cut_in_two():
    pairs = list(labelled("labelled-3.tsv"))
    assert (len(pairs), sum(version for *_, version, _ in pairs)) == (100, 57)
    halves = [list(labelled("labelled-3.tsv", half)) for half in ("dev", "apart")]
    assert [(len(h), sum(version for *_, version, _ in h)) for h in halves] == [(50, 34), (50, 23)]
    older = {frozenset((a["id"], b["id"]))
             for name in ("labelled.tsv", "labelled-2.tsv") for a, b, *_ in labelled(name)}
    assert not older & {frozenset((a["id"], b["id"])) for a, b, *_ in pairs}


def test_precision_and_recall_on_a_random_sample_of_candidates():
    # The archive's candidates as they are (1,367 pairs, 100 drawn uniformly), not the hard cases near the
    # thresholds: most versions missed are same-day rewrites and extensions of one AFP dispatch whose
    # sentences were edited enough to share 8 to 28 % of their shingles, which same-day write-ups of one
    # event also share. Wrongly grouped (apart half): one. The apart half, scored once after the sentences
    # kept were chosen on the dev material: 16/1/7 before, 19/1/4 after.
    assert counts("labelled-3.tsv", "dev") == (22, 0, 12)
    assert counts("labelled-3.tsv", "apart") == (19, 1, 4)


@pytest.mark.xfail(strict=True, reason="issue #18: random sample of candidates, recall 41 / 57 = 71.9 % (target 90 %)")
def test_the_recall_meets_the_issue_target_on_the_random_sample():
    found, wrong, missed = counts("labelled-3.tsv")
    assert found / (found + missed) >= 0.90 and found / (found + wrong) >= 0.98
