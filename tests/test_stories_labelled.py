"""The version rule (plugins/kiosque_stories/rules.py) against candidate pairs of the OrangeSum
corpus labelled by reading both texts (tests/fixtures/stories/README.md): ``labelled.tsv``, 118
hard candidates near the thresholds (same-day write-ups of one event, follow-ups a day or two
later, the daily pandemic round-up), on which the thresholds were chosen; ``labelled-2.tsv``, 58
pairs labelled later and kept apart, drawn from where the rules disagree, from the pairs both
accept, from near misses, and every pair two of the new branches add (the README says how)."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from conftest import FIXTURES
from kiosque_stories import rules, shingles

STORIES = FIXTURES / "stories"


def labelled(name: str = "labelled.tsv"):
    """(record, record, is a version, reason) for each labelled pair of ``name``."""
    with gzip.open(STORIES / "labelled-records.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = {record["id"]: record for record in map(json.loads, lines)}
    rows = (STORIES / name).read_text(encoding="utf-8").splitlines()
    columns = rows[0].split("\t")
    for row in rows[1:]:
        fields = dict(zip(columns, row.split("\t"), strict=True))
        yield records[int(fields["id_a"])], records[int(fields["id_b"])], fields["version"] == "1", fields["reason"]


def decided(a: dict, b: dict) -> bool:
    """The rule on two corpus records, as the build applies it to two posts."""
    texts = [shingles.Text(r["lede"], r["body"]) for r in (a, b)]
    days = abs((date.fromisoformat(a["date"]) - date.fromisoformat(b["date"])).days)
    return rules.accepts(shingles.measures(*texts), days)


def test_the_labelled_set_is_large_and_explained():
    pairs = list(labelled())
    assert len(pairs) == 118
    assert sum(version for *_, version, _ in pairs) == 74
    assert all(len(reason) > 20 for *_, reason in pairs)


def counts(name: str) -> tuple[int, int, int]:
    """(versions found, pairs wrongly grouped, versions missed) on a labelled set."""
    outcomes = [(decided(a, b), version) for a, b, version, _ in labelled(name)]
    true_pos = sum(1 for said, truth in outcomes if said and truth)
    false_pos = sum(1 for said, truth in outcomes if said and not truth)
    false_neg = sum(1 for said, truth in outcomes if truth and not said)
    print(f"{name}: precision {true_pos / (true_pos + false_pos):.3f} recall {true_pos / (true_pos + false_neg):.3f}")
    return true_pos, false_pos, false_neg


def test_precision_and_recall_on_the_labelled_pairs():
    # Precision first (docs/stories.md): 62 / 63 = 98.4 %; recall 62 / 74 = 83.8 %. Of the 12 misses,
    # 9 are rewrites a day later whose lede and body's lead were both written anew, 1 a re-publication 4
    # days later with a new lead, 2 same-day rewrites sharing under 20 % of their shingles.
    assert counts("labelled.tsv") == (62, 1, 12)


def test_precision_and_recall_on_the_pairs_labelled_apart():
    # 52 versions, 6 not; not a sample of the archive (half of it is drawn near the thresholds). Wrongly
    # grouped: two days' strike-traffic bulletins on one template. Missed: 12 same-day rewrites sharing
    # 30 to 49 % of their shingles (2 of the 17 same-day pairs at 40 to 50 % are not versions), 6 rewrites
    # a day later, an explainer rewritten 4 days later.
    assert counts("labelled-2.tsv") == (33, 1, 19)


@pytest.mark.xfail(strict=True, reason="issue #18's recall target (90 %) not met: 83.8 % at 98.4 % precision")
def test_recall_meets_the_issue_target():
    outcomes = [(decided(a, b), version) for a, b, version, _ in labelled()]
    found = sum(1 for said, truth in outcomes if said and truth)
    assert found / sum(1 for _, truth in outcomes if truth) >= 0.90
