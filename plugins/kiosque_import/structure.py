"""Splitting an article's lines into its parts: kicker, title, byline, sections and lede, body.

Each part but the title and one body paragraph is optional; each is found by its own small
function that looks at the next line(s) and says how many it took.
"""

from __future__ import annotations

import re

from . import byline, chrome, head
from .article import Article, Block, Refused
from .sections import section_names

_SECTION_LEDE = re.compile(
    r"^(?P<sections>[A-ZÀ-ÖØ-ÞŒ0-9][A-ZÀ-ÖØ-ÞŒ0-9 '’/,&.\-]{1,80}?)\s+[-–—](?:\s+(?P<lede>\S.*))?$"
)
_BULLET = re.compile(r"^[•·▪◦‣-]\s+")
_QUOTED = re.compile(r"^(«.*»|\".*\"|“.*”)$")
MAX_BYLINE_LINES = 4
WIDGET_WORDS = 8
_LETTER = re.compile(r"[^\W\d_]")


class Splitter:
    def __init__(self, markers: re.Pattern, breadcrumbs: re.Pattern, section_overrides: dict[str, str]):
        self.markers = markers
        self.breadcrumbs = breadcrumbs
        self.section_overrides = section_overrides

    def split(self, article: Article) -> Article:
        lines = article.lines
        pos = self.page_head(lines)
        article.chrome = lines[:pos]
        breadcrumb, taken = self.take_breadcrumb(lines, pos)
        pos += taken
        above, taken = self.take_byline(lines, pos, names_alone=False)  # a date line above the title
        pos += taken
        article.kicker, taken = self.take_kicker(lines, pos)
        pos += taken
        article.title, taken = self.take_title(lines, pos)
        pos += taken
        early_lede, taken = self.take_early_lede(lines, pos)
        pos += taken
        below, taken = self.take_byline(lines, pos)
        pos += taken
        found = below.merge(above)
        article.authors, article.credit = found.authors, found.credit
        article.date, article.modified = found.date, found.modified
        (raw_sections, article.lede), taken = self.take_sections_lede(lines, pos)
        pos += taken
        article.sections = section_names(raw_sections, breadcrumb, self.section_overrides)
        article.lede = article.lede or early_lede
        if not article.lede and not raw_sections and (found.authors or found.dated or found.credit):
            # A byline says this is a page of a news site: its chapô comes next, after any
            # reading time, share buttons or photo credit, and so does the first paragraph.
            dropped, pos = self.skip_to_paragraph(lines, pos)
            if pos < len(lines):
                article.lede, pos = lines[pos], pos + 1
                more, pos = self.skip_to_paragraph(lines, pos, _widget)
                dropped += more
            article.chrome += dropped
        end = chrome.tail_start(lines, pos, self.markers)
        article.blocks = self.body_blocks(lines[pos:end])
        article.chrome += lines[end:]
        self.take_credit_line(article)
        if not any(block.kind == "p" for block in article.blocks):
            raise Refused("no body paragraph (page chrome only?)")
        return article

    def page_head(self, lines: list[str]) -> int:
        """Where the article's head starts: past the site's banner and menus, with the rubric or
        breadcrumb line right above the title (the kicker, the section)."""
        pos, date_above = head.title_start(lines, self.markers)
        if date_above or pos == 0:
            return pos
        if _kicker_like(lines[pos - 1]) and not chrome.is_marker(lines[pos - 1], self.markers):
            pos -= 1
        if pos > 0 and self.breadcrumbs.match(lines[pos - 1]):
            pos -= 1
        return pos

    def take_early_lede(self, lines: list[str], pos: int) -> tuple[str, int]:
        """The chapô some sites print between the title and the byline."""
        if pos + 1 < len(lines) and chrome.is_paragraph(lines[pos], self.markers) \
                and byline.read(lines[pos + 1]) is not None:
            return lines[pos], 1
        return "", 0

    def skip_to_paragraph(self, lines: list[str], pos: int, droppable=None) -> tuple[list[str], int]:
        """The lines before the next paragraph of prose (page chrome), and where it is; with
        ``droppable``, only such lines are skipped."""
        start = pos
        while pos < len(lines) and not chrome.is_paragraph(lines[pos], self.markers):
            if droppable is not None and not (chrome.is_marker(lines[pos], self.markers) or droppable(lines[pos])):
                return [], start
            pos += 1
        return (lines[start:pos], pos) if pos < len(lines) else ([], start)

    def take_credit_line(self, article: Article) -> None:
        """« Source : AFP » on a line of its own, under the chapô or at the article's end."""
        for i, block in enumerate(article.blocks):
            if _credit(block.text):
                article.credit = article.credit or _credit(block.text)
                del article.blocks[i]
                return
        article.credit = article.credit or next(filter(None, map(_credit, article.chrome)), "")

    def take_breadcrumb(self, lines: list[str], pos: int) -> tuple[str, int]:
        match = self.breadcrumbs.match(lines[pos]) if pos < len(lines) else None
        return (match.group("section").strip(), 1) if match else ("", 0)

    def take_kicker(self, lines: list[str], pos: int) -> tuple[str, int]:
        if pos + 1 >= len(lines) or self._opens_article(lines[pos + 1]) is False:
            return "", 0
        line = lines[pos]
        if self._is_header_line(lines, pos + 1):
            return "", 0
        if _kicker_like(line) and not chrome.is_marker(line, self.markers):
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

    def take_byline(self, lines: list[str], pos: int, names_alone: bool = True) -> tuple[byline.Byline, int]:
        """The byline's lines from ``pos`` (author and date may be on lines of their own; a name
        alone above a date line is an author only ``names_alone``: above the title, it is the title)."""
        found, taken = byline.Byline(), 0
        while taken < MAX_BYLINE_LINES and pos + taken < len(lines):
            here = pos + taken
            below = byline.read(lines[here + 1]) if names_alone and here + 1 < len(lines) else None
            line = byline.read(lines[here]) or byline.author_above(lines[here], below)
            if line is None:
                break
            found, taken = found.merge(line), taken + 1
        return found, taken

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
        related = False  # after « À lire aussi » alone on its line: the related headlines it links
        for i, line in enumerate(lines):
            if chrome.is_marker(line, self.markers):
                related = chrome.reads_also(line)
                continue
            if related and not chrome.is_paragraph(line, self.markers):
                continue
            related = False
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


def _credit(line: str) -> str:
    read = byline.read(line) if len(line.split()) <= 6 else None
    return read.credit if read is not None and not read.authors and not read.dated else ""


def _widget(line: str) -> bool:
    """A share button, player or counter between the chapô and the text: a few words that are
    no sentence (« E-mail », « ▶ Voir l'émission », « 😮 152 ❤️ 88 »)."""
    return len(line.split()) <= WIDGET_WORDS and not re.search(r"[.!?…:;»\"”]$", line)


def _kicker_like(line: str) -> bool:
    return len(line.split()) <= 6 and (line.endswith(":") or not any(ch.islower() for ch in line))
