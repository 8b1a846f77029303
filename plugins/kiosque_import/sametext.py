"""When two articles are the same text: equal after cleaning whitespace and typography.

A site re-posting an article later in the day changes its byline time, and often its typography
(straight or curly quotes and apostrophes, guillemets with or without no-break spaces, dashes):
neither makes it another article. ``text_key`` is what must be equal for two raw files to be one
article (title, lede and body); the byline, sections and file name are left out on purpose.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = {
    "’": "'", "‘": "'", "‚": "'", "‛": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"', "‹": '"', "›": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "…": "...",
}
_SPACES = re.compile(r"\s+")  # \s covers the no-break spaces (U+00A0, U+202F, U+2007, …)
# Spaces around a quote or a dash vary with the site's typography (« x » / "x"; a–b / a – b).
_AROUND = re.compile(r' ?([\'"-]) ?')


def normalize(text: str) -> str:
    """``text`` with typography and spacing made uniform; letters, digits and words kept."""
    text = unicodedata.normalize("NFKC", text)
    # What str.translate would give (no replacement holds a character replaced), asked only of the
    # characters present: translate's per-character dictionary look-ups were half this function's time.
    for mark, plain in _QUOTES.items():
        if mark in text:
            text = text.replace(mark, plain)
    text = _SPACES.sub(" ", text)
    return _AROUND.sub(r"\1", text).strip()


def text_key(title: str, paragraphs: list[str]) -> str:
    """The identity of an article's text: equal keys, the same article."""
    parts = [normalize(title), *(normalize(p) for p in paragraphs if p.strip())]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]
