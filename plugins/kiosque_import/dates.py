"""Publication dates written the French way in bylines."""

from __future__ import annotations

import re
from datetime import datetime

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+"
_TIME = r"(?:\s*(?:à|a|,|-)?\s*(?P<h>\d{1,2})\s*(?:h|:|H)\s*(?P<m>\d{2})?)?"
_WORDY = re.compile(
    rf"(?:{_WEEKDAY})?(?P<d>\d{{1,2}})(?:er)?\s+(?P<month>{'|'.join(MONTHS)})\s+(?P<y>\d{{4}}){_TIME}",
    re.IGNORECASE,
)
_NUMERIC = re.compile(rf"(?P<d>\d{{1,2}})[/.](?P<mo>\d{{1,2}})[/.](?P<y>\d{{4}}){_TIME}")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<m>\d{2}))?")
# Words that introduce a publication or update date in a byline.
_PUBLISHED = re.compile(r"\b(publi[ée]e?|mis en ligne)\s+le\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(mis à jour|mise à jour|modifi[ée]e?|actualis[ée]e?)\s+le\b", re.IGNORECASE)


def is_dateline(line: str) -> bool:
    """A byline or date line: it says when the article was published or updated."""
    return bool(_PUBLISHED.search(line) or _UPDATED.search(line)) and find_date(line) is not None


def find_date(text: str) -> datetime | None:
    for pattern in (_WORDY, _NUMERIC, _ISO):
        match = pattern.search(text)
        if match:
            parsed = _build(match)
            if parsed:
                return parsed
    return None


def byline_date(line: str) -> datetime | None:
    """The publication date of a byline, preferring it to a later update date."""
    published = _PUBLISHED.search(line)
    if published:
        found = find_date(line[published.end():])
        if found:
            return found
    return find_date(line)


def _build(match: re.Match) -> datetime | None:
    parts = match.groupdict()
    month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mo"])
    try:
        return datetime(
            int(parts["y"]), month, int(parts["d"]), int(parts.get("h") or 0), int(parts.get("m") or 0)
        )
    except ValueError:
        return None
