"""French date labels that do not depend on the system locale."""

from __future__ import annotations

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
UNKNOWN = "date inconnue"


def month_fr(number: int) -> str:
    return MONTHS[int(number) - 1]


def day_fr(value) -> str:
    """French writes the first of the month ``1er``."""
    return "1er" if value.day == 1 else str(value.day)


def date_fr(value) -> str:
    """``18 mai 2018``."""
    return f"{day_fr(value)} {MONTHS[value.month - 1]} {value.year}"


def day_iso(value) -> str:
    """``2018-05-18``, for ``<time datetime>``. Pelican's dates format through its locale-safe
    ``strftime`` (0.1 ms a call, 2 s per build at 10,000 articles); ISO needs no locale."""
    return value.date().isoformat() if hasattr(value, "date") else value.isoformat()


def span_fr(articles) -> str:
    """The days a list of articles covers, as a list page names them: « du 3 au 18 juillet
    2018 », « du 28 juin au 3 juillet 2018 », « du 18 juillet 2018 » (for one day)."""
    days = sorted({article.date.date() for article in articles})
    if not days:
        return ""
    first, last = days[0], days[-1]
    if first == last:
        return f"du {date_fr(first)}"
    if (first.year, first.month) == (last.year, last.month):
        start = day_fr(first)
    elif first.year == last.year:
        start = f"{day_fr(first)} {MONTHS[first.month - 1]}"
    else:
        start = date_fr(first)
    return f"du {start} au {date_fr(last)}"


def is_estimated(article) -> bool:
    # Pelican keeps unknown metadata as strings: ``DateEstimated: true``.
    return str(getattr(article, "dateestimated", "")).strip().lower() in ("true", "yes", "1")


def estimated(articles) -> int:
    """How many of the articles have an estimated date."""
    return sum(1 for article in articles if is_estimated(article))


def article_date_fr(article) -> str:
    """The label shown for an article's date: « date inconnue » when the date was estimated."""
    return UNKNOWN if is_estimated(article) else date_fr(article.date)


def articles_fr(count: int) -> str:
    """« 1 article », « 2 articles », with a narrow no-break space as thousands separator."""
    return f"{count:,}".replace(",", "\u202f") + (" article" if count == 1 else " articles")


def months(articles) -> list[tuple[int, list]]:
    """The articles of a year page as (month number, its articles), in the order given.

    A year page lists its months from its own articles, not from Pelican's ``period_archives``
    (every period of the site): a page that read those would change, hence be rendered again,
    whenever an article is added to any month."""
    return runs(articles, lambda article: article.date.month)


def runs(articles, key) -> list[tuple[object, list]]:
    """The articles as (key, the consecutive articles sharing it), in the order given."""
    groups: list[tuple[object, list]] = []
    for article in articles:
        value = key(article)
        if not groups or groups[-1][0] != value:
            groups.append((value, []))
        groups[-1][1].append(article)
    return groups


def by_month(articles) -> list[tuple[object, list]]:
    """A list page's articles as (date of the first one, the articles of its month), in the
    order given: the month headings of a term's list, which its timeline's bars link to."""
    groups: list[tuple[object, list]] = []
    for article in articles:
        date = article.date
        if not groups or (groups[-1][0].year, groups[-1][0].month) != (date.year, date.month):
            groups.append((date, []))
        groups[-1][1].append(article)
    return groups


def days(articles) -> list[tuple[int | None, list]]:
    """The articles of a month page as (day of the month, its articles), in the order given;
    the articles whose date was estimated last, under None (their day is the day of import)."""
    groups: list[tuple[int | None, list]] = []
    unknown = []
    for article in articles:
        if is_estimated(article):
            unknown.append(article)
        elif not groups or groups[-1][0] != article.date.day:
            groups.append((article.date.day, [article]))
        else:
            groups[-1][1].append(article)
    return groups + ([(None, unknown)] if unknown else [])
