"""``bench/label_agreement.py``: two readers' labels compared with the bench's matching, and the
second reading kept out of what the bench scores."""

from __future__ import annotations

import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import entity_quality  # noqa: E402
import label_agreement  # noqa: E402

FIRST = {
    "split": "dev",
    "entities": [
        {"type": "PER", "names": ["Laurent Wauquiez", "Wauquiez"]},
        {"type": "LOC", "names": ["Stade de France"], "also": "ORG"},
        {"type": "ORG", "names": ["Rassemblement national", "FN", "RN"]},
        {"type": "ORG", "names": ["la force nationale"]},
    ],
    "key_tags": ["Laurent Wauquiez", "Rassemblement national", "Le Parisien"],
    "not_entities": ["britannique"],
    "authors": ["Orange", "AFP"],
}
SECOND = {
    "split": "dev",
    "entities": [
        {"type": "PER", "names": ["Wauquiez"]},
        {"type": "ORG", "names": ["stade de France"]},
        {"type": "ORG", "names": ["Front national", "FN"]},
        {"type": "LOC", "names": ["Groland"]},
    ],
    "key_tags": ["Laurent Wauquiez", "FN"],
    "not_entities": [],
    "authors": ["Orange", "AFP"],
}


def test_entities_pair_by_any_name_and_agree_by_type_or_also():
    assert label_agreement.pair(FIRST["entities"], SECOND["entities"]) == {0: (0, True), 1: (1, True), 2: (2, True)}


def test_scores_and_disagreements_of_one_article():
    score = label_agreement.Agreement()
    label_agreement.compare("a.txt", FIRST, SECOND, score)
    assert (score.found, score.wrong) == ({"PER": 1, "ORG": 2}, {"LOC": 1})
    assert (score.named, score.recalled) == ({"PER": 1, "LOC": 1, "ORG": 2}, {"PER": 1, "LOC": 1, "ORG": 1})
    assert (score.precision("LOC"), score.recall("ORG"), round(score.f1("ORG"), 4)) == (0.0, 0.5, 0.6667)
    # « FN » names the party both ways: the key tag agrees though written otherwise.
    assert (score.key_tags, score.key_tags_found, score.key_second, score.key_second_in_first) == (3, 2, 2, 2)
    assert score.authors_right == 1
    assert score.errors == [
        "a.txt: only second LOC ['Groland']",
        "a.txt: only first ORG ['la force nationale']",
        "a.txt: full name: first « Laurent Wauquiez » / second « Wauquiez »",
        "a.txt: spelling only first: ['Laurent Wauquiez'] of « Laurent Wauquiez »",
        "a.txt: also: first LOC+ORG / second ORG+None « Stade de France »",
        "a.txt: full name: first « Rassemblement national » / second « Front national »",
        "a.txt: spelling only first: ['Rassemblement national', 'RN'] of « Rassemblement national »",
        "a.txt: spelling only second: ['Front national'] of « Front national »",
        "a.txt: not-entity only first: « britannique »",
        "a.txt: key tag only first: « Le Parisien »",
    ]


def test_a_typed_apart_entity_counts_against_both_readers():
    first = {**FIRST, "entities": [{"type": "ORG", "names": ["Vatican"]}], "key_tags": [], "not_entities": []}
    second = {**FIRST, "entities": [{"type": "LOC", "names": ["Vatican"]}], "key_tags": [], "not_entities": []}
    score = label_agreement.Agreement()
    label_agreement.compare("b.txt", first, second, score)
    assert (score.precision("LOC"), score.recall("ORG")) == (0.0, 0.0)
    assert score.errors == ["b.txt: typed apart: first ORG ['Vatican'] / second LOC ['Vatican']"]


def test_the_bench_does_not_read_the_second_reading():
    second = json.loads(label_agreement.SECOND.read_text(encoding="utf-8"))
    only_second = "orange/185_2e98e0b9c84fcddf.txt"
    assert only_second in second
    assert only_second not in entity_quality.load_labels()
