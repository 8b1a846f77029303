"""Hypothesis strategies for raw articles: random bytes and text, and real articles mangled.

Mutations mimic what scrapers really produce (lines out of order, cut pages, repeated blocks,
control characters, huge lines, confetti paragraphs, leftover markup) plus hostile text that
would become markup or metadata if the import did not escape it.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ORANGE, SEED
from hypothesis import strategies as st

REAL_FILES = [SEED, *sorted(ORANGE.glob("*.txt"))[:60]]

# Lines that mean something to Markdown, Pelican's metadata reader, HTML or a browser.
HOSTILE_LINES = [
    "Title: evil", "Slug: ../../etc/passwd", "Date: 1999-01-01", "Status: draft", "Save_as: ../x.html",
    "# Title: injected heading", "## sous-titre", "=====", "-----", "***", "___", "> cité",
    "1986. Une année", "1) un", "+ item", "* item", "- item", "    code indenté", "```", "~~~", "| a | b |",
    "Terme", ": définition", "[^1]: note", "*[HTML]: abbr", "{: .classe #id onclick=alert(1) }",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil></iframe>",
    '"><svg onload=alert(1)>', "[clic](javascript:alert(1))", "<javascript:alert(1)>",
    "![img](x onerror=alert(1))", "<!-- commentaire -->", "&lt;script&gt;", "&#60;b&#62;", "\\", "`code`",
    "<a href=\"javascript:alert(1)\">lien</a>", "<b onmouseover=alert(1)>gras</b>", "<style>*{}</style>",
    "Publié le 12 mars 2019 à 10h00", "FRANCE / MONDE - Un chapeau", "A/.. - chapeau", "Réagir",
    "{{ 7*7 }}", "{% raw %}", "${7*7}", "%s%s%n", "\u202e gauche", "a\u2028b", "c\u2029d", "e\x85f",
]
ODD_CHARS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f\u00ad\u200b\u200d\u200e\u2028\u2029\u202e" \
            "\ufeff\ufffd\ue000\U0001f600 \t\u00a0\u202f"


def real_lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8", errors="replace").split("\n")


@st.composite
def mangled_lines(draw) -> list[str]:
    """A real article's lines, put through a few random mutations."""
    lines = real_lines(draw(st.sampled_from(REAL_FILES)))
    for _ in range(draw(st.integers(0, 4))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    return lines


def _shuffle(draw, lines):
    return draw(st.permutations(lines))


def _cut(draw, lines):
    start = draw(st.integers(0, len(lines)))
    return lines[start:draw(st.integers(start, len(lines)))]


def _duplicate(draw, lines):
    if not lines:
        return lines
    start = draw(st.integers(0, len(lines) - 1))
    end = draw(st.integers(start, len(lines)))
    where = draw(st.integers(0, len(lines)))
    return lines[:where] + lines[start:end] * draw(st.integers(1, 3)) + lines[where:]


def _control_chars(draw, lines):
    text = "\n".join(lines)
    for _ in range(draw(st.integers(1, 20))):
        where = draw(st.integers(0, len(text)))
        text = text[:where] + draw(st.sampled_from(ODD_CHARS)) + text[where:]
    return text.split("\n")


def _long_line(draw, lines):
    where = draw(st.integers(0, len(lines)))
    word = draw(st.sampled_from(["mot ", "x", "<b>", "é", "**", "a.", "\\"]))
    # Up to 20,000 characters: Markdown's time grows faster than linearly with escapes in a line.
    return lines[:where] + [word * (draw(st.integers(1000, 20000)) // len(word))] + lines[where:]


def _confetti(draw, lines):
    """Thousands of tiny paragraphs, as a page of comments or a table scraped cell by cell."""
    tiny = draw(st.sampled_from(["a.", "Oui !", "1", "- x", "»", "Lire.", "é"]))
    count = draw(st.integers(200, 3000))
    where = draw(st.integers(0, len(lines)))
    return lines[:where] + [tiny, ""] * count + lines[where:]


def _hostile(draw, lines):
    where = draw(st.integers(0, len(lines)))
    extra = draw(st.lists(st.sampled_from(HOSTILE_LINES), min_size=1, max_size=6))
    return lines[:where] + extra + lines[where:]


def _hostile_inline(draw, lines):
    """Hostile text inside a line, where it is harder to see than on a line of its own."""
    if not lines:
        return lines
    where = draw(st.integers(0, len(lines) - 1))
    line = lines[where]
    cut = draw(st.integers(0, len(line)))
    lines = list(lines)
    lines[where] = line[:cut] + draw(st.sampled_from(HOSTILE_LINES)) + line[cut:]
    return lines


def _blank_lines(draw, lines):
    return [line for line in lines for line in (line, "")] if draw(st.booleans()) else \
        [line for line in lines if line.strip()]


MUTATIONS = [_shuffle, _cut, _duplicate, _control_chars, _long_line, _confetti, _hostile,
             _hostile_inline, _blank_lines]


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="ignore" if encoding != "utf-8" else "surrogatepass")


def encoded(lines_strategy) -> st.SearchStrategy[bytes]:
    """Lines joined with a random newline style and encoded in a random charset."""
    return st.builds(
        lambda lines, newline, encoding: _encode(newline.join(lines), encoding),
        lines_strategy,
        st.sampled_from(["\n", "\r\n", "\r"]),
        st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]),
    )


@st.composite
def flipped_bytes(draw) -> bytes:
    """A real article with a few bytes overwritten: broken UTF-8 sequences, stray NULs."""
    data = bytearray(draw(st.sampled_from(REAL_FILES)).read_bytes())
    for _ in range(draw(st.integers(1, 30))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


random_text_lines = st.lists(
    st.text(st.characters(codec="utf-8"), max_size=200) | st.sampled_from(HOSTILE_LINES), max_size=40
)

# Everything the fuzz tests feed to the import.
raw_articles = st.one_of(
    encoded(mangled_lines()),
    encoded(mangled_lines()),
    encoded(random_text_lines),
    flipped_bytes(),
    st.binary(max_size=2000),
)
