"""Splitting an article's lines into its parts: kicker, title, byline, sections and lede, body.

Each part but the title and one body paragraph is optional; each is found by its own small
function that looks at the next line(s) and says how many it took.
"""

from __future__ import annotations

import re

from . import byline, chrome
from .article import Article, Block, Refused
from .sections import section_names

_SECTION_LEDE = re.compile(
    r"^(?P<sections>[A-ZÀ-ÖØ-ÞŒ0-9][A-ZÀ-ÖØ-ÞŒ0-9 '’/,&.\-]{1,80}?)\s+[-–—](?:\s+(?P<lede>\S.*))?$"
)
_BULLET = re.compile(r"^[•·▪◦‣-]\s+")
_QUOTED = re.compile(r"^(«.*»|\".*\"|“.*”)$")
MAX_BYLINE_LINES = 4
_LETTER = re.compile(r"[^\W\d_]")


class Splitter:
    def __init__(self, markers: re.Pattern, breadcrumbs: re.Pattern, section_overrides: dict[str, str]):
        self.markers = markers
        self.breadcrumbs = breadcrumbs
        self.section_overrides = section_overrides

    def split(self, article: Article) -> Article:
        lines = article.lines
        pos = 0
        breadcrumb, taken = self.take_breadcrumb(lines, pos)
        pos += taken
        above, taken = self.take_byline(lines, pos)  # a date line some sites print above the title
        pos += taken
        article.kicker, taken = self.take_kicker(lines, pos)
        pos += taken
        article.title, taken = self.take_title(lines, pos)
        pos += taken
        below, taken = self.take_byline(lines, pos)
        pos += taken
        found = below.merge(above)
        article.authors, article.credit = found.authors, found.credit
        article.date, article.modified = found.date, found.modified
        (raw_sections, article.lede), taken = self.take_sections_lede(lines, pos)
        pos += taken
        article.sections = section_names(raw_sections, breadcrumb, self.section_overrides)
        end = chrome.tail_start(lines, pos, self.markers)
        article.blocks = self.body_blocks(lines[pos:end])
        article.chrome = lines[end:]
        if not any(block.kind == "p" for block in article.blocks):
            raise Refused("no body paragraph (page chrome only?)")
        return article

    def take_breadcrumb(self, lines: list[str], pos: int) -> tuple[str, int]:
        match = self.breadcrumbs.match(lines[pos]) if pos < len(lines) else None
        return (match.group("section").strip(), 1) if match else ("", 0)

    def take_kicker(self, lines: list[str], pos: int) -> tuple[str, int]:
        if pos + 1 >= len(lines) or self._opens_article(lines[pos + 1]) is False:
            return "", 0
        line = lines[pos]
        if self._is_header_line(lines, pos + 1):
            return "", 0
        words = line.split()
        looks_like_kicker = len(words) <= 6 and (
            line.endswith(":") or not any(ch.islower() for ch in line)
        )
        if looks_like_kicker and not chrome.is_marker(line, self.markers):
            return line.rstrip(" :").strip(), 1
        return "", 0

    def take_title(self, lines: list[str], pos: int) -> tuple[str, int]:
        if pos >= len(lines):
            raise Refused("no title")
        line = lines[pos]
        # « YouTube supprime des chaînes » looks like a social link and « ONPC - Johnny
        # Hallyday : … » like a section line, but a byline or section line right after says
        # each is the headline.
        headline = pos + 1 < len(lines) and self._is_header_line(lines, pos + 1)
        if chrome.is_marker(line, self.markers) and not headline:
            raise Refused("no title (page chrome only?)")
        looks_like_lede = _SECTION_LEDE.match(line) and not headline
        if looks_like_lede or not _LETTER.search(line):
            raise Refused("no title: the first line is not a headline")
        return line, 1

    def take_byline(self, lines: list[str], pos: int) -> tuple[byline.Byline, int]:
        """The byline's lines from ``pos`` (author and date may be on lines of their own)."""
        found, taken = byline.Byline(), 0
        while taken < MAX_BYLINE_LINES and pos + taken < len(lines):
            line = byline.read(lines[pos + taken]) or self._author_above_date(lines, pos + taken)
            if line is None:
                break
            found, taken = found.merge(line), taken + 1
        return found, taken

    def _author_above_date(self, lines: list[str], pos: int) -> byline.Byline | None:
        """« Jean Dupont » alone is a byline only when the date line follows it."""
        after = byline.read(lines[pos + 1]) if pos + 1 < len(lines) else None
        line = lines[pos]
        if after is None or not after.dated or len(line.split()) > 4 or not byline.names_like(line):
            return None
        return byline.Byline(authors=byline.split_authors(line))

    def take_sections_lede(self, lines: list[str], pos: int):
        match = _SECTION_LEDE.match(lines[pos]) if pos < len(lines) else None
        if not match or any(ch.islower() for ch in match.group("sections")):
            return ([], ""), 0
        # A part with no letter or digit (``A/..``) would get an empty URL slug: tag pages collide.
        raw = [part.strip() for part in re.split(r"\s*[/,]\s*", match.group("sections"))
               if re.search(r"[^\W_]", part)]
        return (raw, (match.group("lede") or "").strip()), 1

    def body_blocks(self, lines: list[str]) -> list[Block]:
        blocks = []
        for i, line in enumerate(lines):
            if chrome.is_marker(line, self.markers):
                continue
            if _BULLET.match(line) and len(line.split()) < chrome.LONG_LINE:
                blocks.append(Block("li", _BULLET.sub("", line)))
            elif self._is_subheading(line, lines[i + 1] if i + 1 < len(lines) else None):
                blocks.append(Block("h", line))
            else:
                blocks.append(Block("p", line))
        return blocks

    def _is_subheading(self, line: str, following: str | None) -> bool:
        if following is None or not chrome.is_paragraph(following, self.markers):
            return False
        if len(line.split()) > 14:
            return False
        return bool(_QUOTED.match(line)) or not re.search(r"[.!?…:;,]$", line)

    def _is_header_line(self, lines: list[str], pos: int) -> bool:
        """Whether ``lines[pos]`` is a byline or section line, i.e. ``lines[pos-1]`` is a title."""
        return byline.read(lines[pos]) is not None or bool(_SECTION_LEDE.match(lines[pos]))

    def _opens_article(self, line: str) -> bool:
        return not chrome.is_marker(line, self.markers)
