"""The version rule (plugins/kiosque_stories/rules.py) against 118 candidate pairs of the
OrangeSum corpus labelled by reading both texts (tests/fixtures/stories/labelled.tsv: ids, 1 for
"another version of the same article", a one-line reason). Most are hard candidates, near the
thresholds: same-day write-ups of one event, follow-ups a day or two later, the daily pandemic
round-up."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from conftest import FIXTURES
from kiosque_stories import rules, shingles

STORIES = FIXTURES / "stories"


def labelled():
    with gzip.open(STORIES / "labelled-records.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = {record["id"]: record for record in map(json.loads, lines)}
    rows = (STORIES / "labelled.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        a, b, version, reason = row.split("\t")
        yield records[int(a)], records[int(b)], version == "1", reason


def decided(a: dict, b: dict) -> bool:
    """The rule on two corpus records, as the build applies it to two posts."""
    texts = [shingles.Text(f"{r['lede']}\n{r['body']}") for r in (a, b)]
    days = abs((date.fromisoformat(a["date"]) - date.fromisoformat(b["date"])).days)
    return rules.accepts(shingles.measures(*texts), days)


def test_the_labelled_set_is_large_and_explained():
    pairs = list(labelled())
    assert len(pairs) == 118
    assert sum(version for *_, version, _ in pairs) == 74
    assert all(len(reason) > 20 for *_, reason in pairs)


def test_precision_and_recall_on_the_labelled_pairs():
    outcomes = [(decided(a, b), version) for a, b, version, _ in labelled()]
    true_pos = sum(1 for said, truth in outcomes if said and truth)
    false_pos = sum(1 for said, truth in outcomes if said and not truth)
    false_neg = sum(1 for said, truth in outcomes if truth and not said)
    print(f"precision {true_pos / (true_pos + false_pos):.3f} recall {true_pos / (true_pos + false_neg):.3f}")
    # Precision first (docs/stories.md): 54 / 55 = 98.2 %; recall 54 / 74 = 73.0 %. Of the 20 misses,
    # 15 are rewrites a day later whose lead was written anew, 3 re-publications 3 or 4 days later with a
    # new lead, 2 same-day rewrites sharing under 20 % of their shingles (docs/stories.md).
    assert (true_pos, false_pos, false_neg) == (54, 1, 20)
    assert true_pos / (true_pos + false_pos) >= 0.98


@pytest.mark.xfail(strict=True, reason="issue #18's recall target (90 %) not met: 73.0 % at 98.2 % precision")
def test_recall_meets_the_issue_target():
    outcomes = [(decided(a, b), version) for a, b, version, _ in labelled()]
    found = sum(1 for said, truth in outcomes if said and truth)
    assert found / sum(1 for _, truth in outcomes if truth) >= 0.90
