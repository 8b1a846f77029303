"""How accepted pairs make stories (plugins/kiosque_stories/rules.py): a story spans no more days
than the widest window of the pairs that joined it, so a daily column does not chain into one
story while a re-published article keeps its same-day update."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from kiosque_stories import rules

KEPT = (0.45, 0.7, 0.6, 0.7, 0.6)  # leads kept, under half shared: a version within 2 days only
REPUBLISHED = (0.9, 0.95, 0.9, 0.9, 0.9)  # leads kept and nearly all shared: up to 5 days
FOLLOW_UP = (0.45, 0.7, 0.1, 0.2, 0.1)  # a day later, new lede and new first paragraph


def articles(**days: int) -> dict:
    return {key: SimpleNamespace(date=datetime(2020, 6, 1 + day, 9)) for key, day in days.items()}


def grouped(found: dict, pairs: dict, together=(), apart=frozenset()) -> list[list[str]]:
    return sorted(sorted(group) for group in rules.stories(found, pairs, list(together), set(apart)))


def test_a_daily_column_does_not_chain_beyond_two_days():
    found = articles(mon=0, tue=1, wed=2, thu=3, fri=4)
    pairs = {("mon", "tue"): KEPT, ("tue", "wed"): KEPT, ("thu", "wed"): KEPT, ("fri", "thu"): KEPT}
    # Equal strengths: joined in key order, thu-fri then wed; tue-wed would make a story of 4 days.
    assert grouped(found, pairs) == [["fri", "thu", "wed"], ["mon", "tue"]]


def test_a_same_day_update_joins_a_story_re_published_five_days_later():
    found = articles(first=0, again=5, update=5)
    pairs = {("again", "first"): REPUBLISHED, ("again", "update"): KEPT}
    assert rules.window(REPUBLISHED, 5) == rules.LATER and rules.window(KEPT, 5) is None
    assert grouped(found, pairs) == [["again", "first", "update"]]


def test_a_follow_up_is_not_a_version_and_an_editor_decides():
    found = articles(story=0, follow=1, other=1)
    pairs = {("follow", "story"): FOLLOW_UP, ("other", "story"): KEPT}
    assert rules.window(FOLLOW_UP, 1) is None
    assert grouped(found, pairs) == [["other", "story"]]
    assert grouped(found, pairs, together=[("story", "follow")], apart={frozenset(("story", "other"))}) == \
        [["follow", "story"]]
