"""« Ce jour-là »: a page per day of the year (``/ce-jour-la/12-07/``) listing the articles of that
day and month in every year, newest year first, and a calendar of those pages (``/ce-jour-la/``).

The home page shows today's from its page with a few lines of JavaScript (static/js/ce-jour-la.js),
so the home page itself never changes with the date. A day's page is given only its own articles:
adding an article re-renders its day's page and the calendar, no other day."""

from __future__ import annotations

import calendar
from collections import defaultdict
from functools import partial

from .dates import is_estimated, runs
from .timeline import LEAP_YEAR, day_label, days_of_year_calendar, this_day_url

DEFAULTS = {
    "KIOSQUE_THIS_DAY_URL": "ce-jour-la/{month}-{day}/",
    "KIOSQUE_THIS_DAY_SAVE_AS": "ce-jour-la/{month}-{day}/index.html",
    "KIOSQUE_THIS_DAYS_URL": "ce-jour-la/",
    "KIOSQUE_THIS_DAYS_SAVE_AS": "ce-jour-la/index.html",
}


def days_of_year() -> list[tuple[int, int]]:
    """(month, day) of every day a year can have, 29 February included."""
    return [(month, day) for month in range(1, 13)
            for day in range(1, calendar.monthrange(LEAP_YEAR, month)[1] + 1)]


def by_day(articles) -> dict[tuple[int, int], list]:
    """(month, day) -> its articles, newest first. An article whose date was estimated (the day
    it was imported) is left out: its day is not the day it appeared."""
    days: dict = defaultdict(list)
    for article in articles:
        if not is_estimated(article):
            days[(article.date.month, article.date.day)].append(article)
    for group in days.values():
        group.sort(key=lambda a: (a.date, a.source_path), reverse=True)
    return days


def by_year(articles) -> list[tuple[int, list]]:
    """A day's articles (newest first) as (year, its articles), newest year first."""
    return runs(articles, lambda article: article.date.year)


def write_pages(generator, writer) -> None:
    settings = generator.settings
    page_url, page_save_as = settings["KIOSQUE_THIS_DAY_URL"], settings["KIOSQUE_THIS_DAY_SAVE_AS"]
    if not page_save_as:
        return
    write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])
    days = by_day(generator.context.get("articles", ()))
    order = days_of_year()
    template = generator.get_template("this_day")
    for index, (month, day) in enumerate(order):
        before, after = order[index - 1], order[(index + 1) % len(order)]
        articles = days.get((month, day), [])
        write(this_day_url(page_save_as, month, day), template, generator.context,
              url=this_day_url(page_url, month, day), this_day=_day(page_url, month, day),
              this_day_years=by_year(articles), this_day_count=len(articles),
              this_day_before=_day(page_url, *before), this_day_after=_day(page_url, *after))
    index_save_as = settings["KIOSQUE_THIS_DAYS_SAVE_AS"]
    if index_save_as:
        counts = {key: len(group) for key, group in days.items()}
        write(index_save_as, generator.get_template("this_days"), generator.context,
              url=settings["KIOSQUE_THIS_DAYS_URL"], this_days=days_of_year_calendar(counts, page_url))


def _day(pattern: str, month: int, day: int) -> dict:
    return {"month": month, "day": day, "label": day_label(day, month), "url": this_day_url(pattern, month, day)}
