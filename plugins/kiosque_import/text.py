"""Cleaning one line of text: stray tags, spaces, invisible characters."""

from __future__ import annotations

import html
import re

# Formatting tags scrapers leave behind. Anything else that looks like a tag (``<script>``)
# is the article's own text and stays, to be shown literally.
_STRAY_TAG = re.compile(
    r"</?(?:a|b|i|u|em|strong|span|font|p|div|br|small|sup|sub|mark|abbr|cite|q|s|strike)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000]+")
_NO_BREAK = re.compile(r"[\u00a0\u202f\u2007\u2009]")
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")


def clean_line(line: str) -> str:
    line = html.unescape(_STRAY_TAG.sub("", line))
    line = _ZERO_WIDTH.sub("", line)
    return _SPACES.sub(_one_space, line).strip(" \t\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000")


def _one_space(run: re.Match) -> str:
    # French typography puts (narrow) no-break spaces before « : ; ! ? » and inside guillemets;
    # a run of spaces keeps its no-break space so that line breaks still fall where they should.
    found = _NO_BREAK.search(run.group())
    return found.group() if found else " "


def clean_lines(text: str) -> list[str]:
    """Non-empty cleaned lines of a decoded article."""
    return [cleaned for cleaned in (clean_line(raw) for raw in text.split("\n")) if cleaned]
