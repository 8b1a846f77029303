"""kiosque_incremental.grouping: Pelican's groupings in linear time give Pelican's results."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

from kiosque_incremental import grouping

SETTINGS = {"YEAR_ARCHIVE_SAVE_AS": "archives/{date:%Y}/index.html", "YEAR_ARCHIVE_URL": "archives/{date:%Y}/",
            "MONTH_ARCHIVE_SAVE_AS": "archives/{date:%Y}/{date:%m}/index.html",
            "MONTH_ARCHIVE_URL": "archives/{date:%Y}/{date:%m}/", "DAY_ARCHIVE_SAVE_AS": "", "DAY_ARCHIVE_URL": ""}


def articles(count: int, seed: int = 1) -> list:
    rng = random.Random(seed)
    start = dt.datetime(2018, 1, 1)
    return [SimpleNamespace(date=start + dt.timedelta(days=rng.randrange(800)), slug=f"a{i}", lang="fr",
                            metadata={}, in_default_lang=True) for i in range(count)]


def test_period_archives_equal_pelicans():
    items = articles(400)
    rng = random.Random(2)
    rng.shuffle(items)  # `articles` in another order than `dates`, as Pelican's are
    dates = sorted(items, key=lambda a: a.date)
    expected = grouping._pelican_periods(None, dates, items, SETTINGS)
    assert grouping.build_period_archives(None, dates, items, SETTINGS) == expected


def test_listing_dates_equal_pelicans():
    items = articles(300)
    dates = sorted(items, key=lambda a: a.date)
    groups = {"a": items[::3], "b": items[5:50], "c": []}

    def generate(self, write):  # Pelican's generate_tags, reduced to what matters here
        for name, group in self.groups.items():
            write(name, articles=group, dates=[a for a in self.dates if a in group])

    written = {}
    generator = SimpleNamespace(dates=dates, groups=groups)
    grouping.with_linear_dates(generate)(generator, lambda name, **kw: written.setdefault(name, kw["dates"]))
    assert generator.dates is dates
    assert written == {name: [a for a in dates if a in group] for name, group in groups.items()}


def test_translations_equal_pelicans():
    items = articles(50)
    fast, slow = items[:], items[:]
    assert grouping.process_translations(fast, "slug") == grouping._pelican_translations(slow, "slug")
    assert fast == slow and all(a.translations == [] for a in items)


def test_shared_translation_ids_go_to_pelican(monkeypatch):
    items = articles(4)
    items[1].slug = items[0].slug
    calls = []
    monkeypatch.setattr(grouping, "_pelican_translations", lambda c, t: calls.append(t) or (c, []))
    grouping.process_translations(items, "slug")
    assert calls == ["slug"]
