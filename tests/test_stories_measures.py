"""What two texts share (plugins/kiosque_stories/shingles.py), on real pairs of the OrangeSum
corpus labelled by reading them (tests/fixtures/stories/labelled*.tsv), and the ways of being a
version they open (rules.py): a rewrite that tells nothing new, a story retold under a headline
its earlier version's opening already told, an update over the earlier text (its sentences kept),
and what keeps a follow-up out."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from conftest import FIXTURES
from kiosque_stories import rules, shingles
from kiosque_stories.shingles import Measures


@pytest.fixture(scope="module")
def records() -> dict:
    with gzip.open(FIXTURES / "stories" / "labelled-records.jsonl.gz", "rt", encoding="utf-8") as lines:
        return {record["id"]: record for record in map(json.loads, lines)}


def measured(records: dict, earlier: int, later: int) -> tuple[Measures, int]:
    a, b = records[earlier], records[later]
    texts = [shingles.Text(r["lede"], r["body"], r["title"]) for r in (a, b)]
    return shingles.measures(*texts), (date.fromisoformat(b["date"]) - date.fromisoformat(a["date"])).days


def test_a_rewrite_for_the_next_day_tells_nothing_new(records):
    # Bison Futé's forecast of Friday 19 July 2019, rewritten on Saturday for Saturday: a new lede and a new
    # first paragraph (the leads are not kept), but 95.6 % of Saturday's words were in Friday's text.
    measures, days = measured(records, 23344, 23332)
    assert days == 1
    assert measures == Measures(0.5352, 0.8245, 0.2143, 0.3393, 0.3393, 0.2514, 0.0438, 0.2222, 0.0, 0.6025, 0.9298)
    assert rules.new_words(measures, days) == 0.0438 and rules.window(measures, days) == rules.WINDOW
    # Read the other way round (Friday's text after Saturday's), the later one would tell a quarter new.
    assert rules.new_words(measures, -days) == 0.2514


def test_a_story_retold_under_a_headline_its_earlier_version_opened_with(records):
    # The fire near Marseille, the evening story updated overnight (« Violent incendie sur le littoral près
    # de Marseille, des campings évacués »): every word of the new headline is in the evening story's
    # headline or first 150 words, though the update tells 35 % new words.
    measures, days = measured(records, 36521, 36519)
    assert (measures.jaccard, measures.new_b, measures.headline_a, measures.headline_b) == (0.3492, 0.35, 0.4286, 0.0)
    assert rules.new_headline(measures, days) == 0.0 and rules.window(measures, days) == rules.WINDOW
    # The same day, two write-ups of one event share their headline's words anyway: not a test then.
    assert rules.new_headline(measures, 0) is None


def test_an_update_over_the_earlier_text_is_a_version_though_it_tells_new_facts(records):
    # The French woman arrested in India, then her apology the next day (« … "désolée" pour une vidéo… »):
    # 27 % of the later text's words and a quarter of its headline's are new, but every sentence of the first
    # text reappears in the second, under her statement: the reading standard's update carrying the day's
    # news, a version (re-read: was labelled a follow-up).
    measures, days = measured(records, 32294, 35354)
    assert (measures.jaccard, measures.new_b, measures.headline_b) == (0.4989, 0.271, 0.25)
    assert (days, measures.kept_a, measures.kept_b) == (1, 1.0, 0.6728)
    assert rules.kept_and_drawn(measures, days) == (1.0, 0.6728)
    assert rules.window(measures, days) == rules.WINDOW


def test_the_same_day_either_text_may_be_the_earlier(records):
    # The Islamic State's claim of the killing of French aid workers in Niger: a short text cut from the AFP
    # dispatch (77 % of its sentences in the long one). The same day the larger share is the earlier's; it
    # is missed all the same, sharing 24 % of its shingles (KEPT_SHARED: 25 %).
    measures, days = measured(records, 33284, 33286)
    assert (days, measures.jaccard, rules.kept_and_drawn(measures, days)) == (0, 0.2407, (0.772, 0.3112))
    assert rules.kept_and_drawn(measures, days) == rules.kept_and_drawn(measures._replace(
        kept_a=measures.kept_b, kept_b=measures.kept_a), days)
    assert rules.window(measures, days) is None
    # Two write-ups of Darmanin's visit to the DGSI the same day: half the sentences of one in the other.
    measures, days = measured(records, 35299, 35302)
    assert (days, measures.jaccard, rules.kept_and_drawn(measures, days)) == (0, 0.2982, (0.5117, 0.4611))
    assert rules.window(measures, days) is None


def test_an_edition_of_a_column_shares_its_headline_but_not_its_text(records):
    # « Coronavirus : le point sur la pandémie », Friday's and Saturday's editions: the same headline, 18 %
    # of the shingles shared, under the 30 % a story retold under its headline needs; 1 % of Friday's
    # sentences reappear on Saturday.
    measures, days = measured(records, 483, 429)
    assert (days, measures.jaccard, measures.headline_a, measures.headline_b) == (1, 0.178, 0.0, 0.0)
    assert rules.kept_and_drawn(measures, days) == (0.0099, 0.6887)
    assert rules.window(measures, days) is None


def test_a_re_publication_a_few_days_later_must_tell_almost_nothing_new(records):
    # The INA study of the yellow vests on TV news, re-published 4 days later under a new lede: 5.0 % new
    # words. Adama Traoré's chronology 4 days later (labelled apart) tells 7.5 %: over LATER_NEW.
    study, days = measured(records, 5419, 5418)
    assert (days, study.jaccard, study.new_b) == (4, 0.5745, 0.0503)
    assert rules.window(study, days) == rules.LATER
    chronology, days = measured(records, 1413, 6778)
    assert (days, chronology.jaccard, chronology.new_b) == (4, 0.7834, 0.0751)
    assert rules.window(chronology, days) is None


def test_a_headline_or_vocabulary_without_a_word_that_counts():
    # Words of 4 letters or more, numbers left out; an empty headline is all new (nothing to compare).
    assert shingles.vocabulary(shingles.words("Le 14 juillet, 2.000 pompiers à l'œuvre")) == \
        frozenset({"juillet", "pompiers", "œuvre"})
    text = shingles.Text("Un incendie ravage la colline.", "Les pompiers luttent contre le feu.", "")
    other = shingles.Text("Un incendie ravage la colline.", "Les pompiers luttent encore.", "Le feu")
    measures = shingles.measures(text, other)
    # « contre » and « encore »: one word of six each text tells that the other does not.
    assert (measures.headline_a, measures.new_a, measures.new_b) == (1.0, 0.1667, 0.1667)
    assert measures.headline_b == 1.0  # « feu » has 3 letters: no word that counts
