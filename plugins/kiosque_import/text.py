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
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")


def clean_line(line: str) -> str:
    line = html.unescape(_STRAY_TAG.sub("", line))
    line = _ZERO_WIDTH.sub("", line)
    # One plain space everywhere: French spacing (before « : ; ! ? » and inside guillemets)
    # is restored at render time by the typography extension, the same way for every source.
    return _SPACES.sub(" ", line).strip()


def clean_lines(text: str) -> list[str]:
    """Non-empty cleaned lines of a decoded article."""
    return [cleaned for cleaned in (clean_line(raw) for raw in text.split("\n")) if cleaned]
