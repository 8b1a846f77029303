"""Pelican's article groupings (periods, tags, categories, authors, translations) in linear time.

Pelican 4.12 builds each group's second ordering with ``[a for a in everything if a in group]``:
a list membership test per article per group. At 10,000 articles that is about 8 CPU seconds of
every build (month archives alone 3 to 7 s), and it grows with the square of the archive, which
is why a 36,000-article rebuild cost 10x a 10,000-article one. Content objects have no ``__eq__``,
so membership is identity, and each filter is the group sorted by position in the whole list.
Pelican's own code still makes the groups; only the filters are replaced (installed by
``kiosque_core.pelican_compat``, where the upstream fix is proposed).
"""

from __future__ import annotations

import functools
from operator import attrgetter

from kiosque_core.pelican_compat import ORIGINAL

_pelican_periods = ORIGINAL["ArticlesGenerator._build_period_archives"]
_pelican_translations = ORIGINAL["generators.process_translations"]
# Methods whose only use of `self.dates` is ``dates = [a for a in self.dates if a in articles]``.
LISTING_METHODS = ("generate_tags", "generate_categories", "generate_authors")


def positions(items) -> dict[int, int]:
    return {id(item): index for index, item in enumerate(items)}


def in_order(group, order: dict[int, int]) -> list:
    """``[a for a in whole if a in group]``, where ``order`` holds the positions in ``whole``."""
    return sorted((item for item in group if id(item) in order), key=lambda item: order[id(item)])


def build_period_archives(self, sorted_articles, articles, settings):
    # Pelican's grouping with nothing to filter, then each period's articles in `articles` order.
    archives = _pelican_periods(self, sorted_articles, [], settings)
    order = positions(articles)
    for periods in archives.values():
        for archive in periods:
            archive["articles"] = in_order(archive["dates"], order)
    return archives


def with_linear_dates(method):
    """Run a listing method on an empty ``self.dates`` (its filter then costs nothing) and give
    each page it writes the ``dates`` Pelican would have computed."""

    @functools.wraps(method)
    def wrapper(self, write):
        dates = self.dates
        order = positions(dates)

        def write_with_dates(*args, **kwargs):
            if kwargs.get("dates") == [] and "articles" in kwargs:
                kwargs["dates"] = in_order(kwargs["articles"], order)
            return write(*args, **kwargs)

        self.dates = []
        try:
            return method(self, write_with_dates)
        finally:
            self.dates = dates

    return wrapper


def process_translations(content_list, translation_id=None):
    """Pelican's, without its quadratic final filter when no two items share a translation id
    (every Kiosque article has its own slug): each item is then its own original."""
    if not translation_id:
        return _pelican_translations(content_list, translation_id)
    ids = {translation_id} if isinstance(translation_id, str) else translation_id
    try:
        key = attrgetter(*ids)
        keys = [key(item) for item in content_list]
        unique = len(set(keys)) == len(keys)
    except (AttributeError, TypeError):
        unique = False  # Pelican's own errors and warnings
    if not unique:
        return _pelican_translations(content_list, translation_id)
    content_list.sort(key=key)
    for item in content_list:
        item.translations = []
    return list(content_list), []



def replacements() -> dict:
    """The patches of ``pelican_compat.PATCHES`` this module gives."""
    listing = {f"ArticlesGenerator.{name}": with_linear_dates(ORIGINAL[f"ArticlesGenerator.{name}"])
               for name in LISTING_METHODS}
    return {"ArticlesGenerator._build_period_archives": build_period_archives,
            "generators.process_translations": process_translations, **listing}
