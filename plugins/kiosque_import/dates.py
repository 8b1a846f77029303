"""Dates written the French way in bylines: « 12 mars 2023 à 18h05 », « 03/01/2020 09:14 »,
« 2020-03-12T18:05:00+01:00 », and a bare time (« mis à jour à 19h10 ») the byline dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11,
    "déc": 12, "dec": 12,
}
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?\s+"
_CLOCK = r"(?P<h>\d{1,2})\s*(?:h|:|H)\s*(?P<m>\d{2})?(?::\d{2})?"
_TIME = rf"(?:\s*(?:à|a|,|-|–|—|\|)?\s*{_CLOCK})?"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDY = re.compile(
    rf"(?:{_WEEKDAY})?(?P<d>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH_NAMES})\.?(?:\s+(?P<y>\d{{4}}))?(?!\w){_TIME}",
    re.IGNORECASE,
)
_NUMERIC = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})[/.](?P<mo>\d{{1,2}})[/.](?P<y>\d{{4}})(?!\d){_TIME}")
_ISO = re.compile(
    r"(?<!\d)(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<m>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
_BARE_TIME = re.compile(rf"(?:à|a)\s+{_CLOCK}(?!\w)", re.IGNORECASE)
# Words that introduce a publication or update date in a byline.
_PUBLISHED = re.compile(r"\b(publi[ée]e?|mis en ligne)\s+le\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(mis à jour|mise à jour|modifi[ée]e?|actualis[ée]e?)\s+le\b", re.IGNORECASE)


@dataclass
class Found:
    """A date written in a line: where it is and what it says (``day`` False: a time alone,
    whose day is another date's)."""

    start: int
    end: int
    when: datetime | None
    day: bool = True
    clock: tuple[int, int] | None = None  # a time alone: (hour, minute)


def is_dateline(line: str) -> bool:
    """A line that says when the article was published or updated, in so many words."""
    return bool(_PUBLISHED.search(line) or _UPDATED.search(line)) and find_date(line) is not None


def find_date(text: str) -> datetime | None:
    for found in find_dates(text):
        if found.when is not None and found.day:
            return found.when
    return None


def find_dates(text: str, year: int | None = None) -> list[Found]:
    """Every date and bare time in ``text``, in order; a day without a year takes ``year`` (or
    the year of a full date in the same text), else its ``when`` is None."""
    found: list[Found] = []
    for pattern in (_ISO, _NUMERIC, _WORDY, _BARE_TIME):
        for match in pattern.finditer(text):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            if pattern is _BARE_TIME:
                clock = (int(match["h"]), int(match["m"] or 0))
                found.append(Found(match.start(), match.end(), None, False, clock))
            else:
                found.append(Found(match.start(), match.end(), _build(match.groupdict())))
    found.sort(key=lambda f: f.start)
    known_year = year or next((f.when.year for f in found if f.when is not None), None)
    for f in found:
        if f.when is None and f.day and known_year:
            f.when = _build({**_groups(text, f), "y": str(known_year)})
    return found


def byline_date(line: str) -> datetime | None:
    """The publication date of a byline, preferring it to a later update date."""
    published = _PUBLISHED.search(line)
    if published:
        found = find_date(line[published.end():])
        if found:
            return found
    return find_date(line)


def _groups(text: str, found: Found) -> dict:
    match = _WORDY.match(text, found.start)
    return match.groupdict() if match else {}


def _build(parts: dict) -> datetime | None:
    if not parts.get("y") or not (parts.get("month") or parts.get("mo")):
        return None
    month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mo"])
    try:
        return datetime(
            int(parts["y"]), month, int(parts["d"]), int(parts.get("h") or 0), int(parts.get("m") or 0)
        )
    except ValueError:
        return None
