"""Where the article starts in a page printed with its site's head: cookie banner, site name,
menu, breadcrumb and rubric come before the title on most sites.

The byline says where the title is: the title is right above it (or above the lede some sites
print first), or, when the site prints the date first, right below that date line.
"""

from __future__ import annotations

import re

from . import byline, chrome

HEAD_LINES = 20  # a title further down than this is not found this way
TITLE_WORDS = 4  # a rubric (« POLITIQUE », « Jeux TV ») is shorter than a title
PROSE_WORDS = 20  # a title this long is rare; a lede often is
_OPENING = re.compile(r"^[\w«\"“'‘]")
_MENU = re.compile(r"\s(?:\||›|»|>|·)\s")  # « Accueil › Ariège », « Société | Politique »


def title_start(lines: list[str], markers: re.Pattern) -> tuple[int, bool]:
    """Index of the title, or of the date line right above it (then True); (0, False) when no
    byline shows where the title is."""
    found = _first_byline(lines)
    if found is None:
        return 0, False
    start, end, read = found
    if not read.authors and not read.credit and end < len(lines) and _headline(lines[end], markers) \
            and (start == 0 or not _headline(lines[start - 1], markers)):
        return start, True  # « Vendredi 25 octobre 2019 - 08:12 » above the title
    if start > 0 and byline.author_above(lines[start - 1], read):
        start -= 1  # « Manon Lefèvre » alone above the date line
    before = start - 1
    if before >= 1 and _prose(lines[before], markers):
        before -= 1  # the lede some sites print between the title and the byline
    return max(before, 0), False


def _first_byline(lines: list[str]) -> tuple[int, int, byline.Byline] | None:
    """The first run of byline lines near the top: (first, after last, what they say)."""
    for i, line in enumerate(lines[:HEAD_LINES]):
        read = byline.read(line)
        if read is None:
            continue
        end = i + 1
        while end < len(lines) and (more := byline.read(lines[end])) is not None:
            read, end = read.merge(more), end + 1
        return i, end, read
    return None


def _headline(line: str, markers: re.Pattern) -> bool:
    """A title: words that open with a letter, a digit or a quote, no menu or breadcrumb."""
    return (len(line.split()) >= TITLE_WORDS and _OPENING.match(line) is not None
            and _MENU.search(line) is None and not chrome.is_marker(line, markers)
            and not _prose(line, markers) and byline.read(line) is None)


def _prose(line: str, markers: re.Pattern) -> bool:
    """A lede rather than a title: titles end on a quote or a question, not on a full stop."""
    return chrome.is_paragraph(line, markers) and (line.endswith((".", "…")) or len(line.split()) >= PROSE_WORDS)
