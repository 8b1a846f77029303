"""French date labels that do not depend on the system locale."""

from __future__ import annotations

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
UNKNOWN = "date inconnue"


def month_fr(number: int) -> str:
    return MONTHS[int(number) - 1]


def date_fr(value) -> str:
    """``18 mai 2018``; French writes the first of the month ``1er``."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def is_estimated(article) -> bool:
    # Pelican keeps unknown metadata as strings: ``DateEstimated: true``.
    return str(getattr(article, "dateestimated", "")).strip().lower() in ("true", "yes", "1")


def article_date_fr(article) -> str:
    """The label shown for an article's date: « date inconnue » when the date was estimated."""
    return UNKNOWN if is_estimated(article) else date_fr(article.date)


def articles_fr(count: int) -> str:
    """« 1 article », « 2 articles », with a narrow no-break space as thousands separator."""
    return f"{count:,}".replace(",", "\u202f") + (" article" if count == 1 else " articles")
