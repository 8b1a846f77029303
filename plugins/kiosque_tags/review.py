"""The entity review: the archive's people, places and organisations by number of articles, each
with its type, the spellings merged into it and one sentence that names it, so that an editor
reads the top 300 in minutes and writes ``content/entities-corrections.toml``.

Reads only the posts' metadata lines (People, Places, Organizations), the registry and the
corrections, as the build sees them; a post's text is opened only for the sample sentences of the
entities shown.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kiosque_core.folding import fold
from kiosque_import.post import GAP_HTML

from . import corrections
from .registry import Registry

FIELDS = {"People": "PER", "Places": "LOC", "Organizations": "ORG"}
SAMPLE_CHARS = 160
SAMPLE_POSTS = 8  # posts searched for a sentence naming the entity
_SENTENCE = re.compile(r"(?<=[.!?…»])\s+(?=[A-ZÀ-ÖØ-Þ«\"“])")
_ESCAPE = re.compile(r"\\(.)")


@dataclass
class Row:
    name: str
    type: str
    articles: int = 0
    spellings: Counter = field(default_factory=Counter)
    posts: list[str] = field(default_factory=list)
    sample: str = ""
    sample_post: str = ""


def review(posts: Path, registry: Registry, fixes: corrections.Corrections, top: int = 300,
           type_: str | None = None) -> tuple[int, list[Row]]:
    """(number of posts, the ``top`` entities by articles naming them, of ``type_`` if given)."""
    rows: dict[str, Row] = {}
    resolved: dict[tuple[str, str], tuple[str, str] | None] = {}
    names = sorted(name for name in os.listdir(posts) if name.endswith(".md"))
    for post in names:
        for written, facet_type in _facets(posts / post):
            key = (written, facet_type)
            if key not in resolved:
                resolved[key] = _canonical(written, facet_type, registry, fixes)
            if resolved[key] is None:
                continue
            name, entity_type = resolved[key]
            row = rows.setdefault(name, Row(name, entity_type))
            row.spellings[written] += 1
            if not row.posts or row.posts[-1] != post:
                row.articles += 1
                row.posts.append(post)
    chosen = [row for row in rows.values() if type_ is None or row.type == type_]
    chosen.sort(key=lambda row: (-row.articles, fold(row.name), row.name))
    chosen = chosen[:top]
    for row in chosen:
        _spellings_from_registry(row, registry)
        row.sample, row.sample_post = _sample(posts, row)
    return len(names), chosen


def _facets(path: Path):
    """(name, type) of every facet name the post's metadata writes."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                return
            key, _, value = line.partition(": ")
            if key in FIELDS:
                for name in value.split(","):
                    if name.strip():
                        yield name.strip(), FIELDS[key]


def _canonical(written: str, facet_type: str, registry: Registry, fixes) -> tuple[str, str] | None:
    """As the build shows it (``build.canonical_tags``): registry, then the editors' word."""
    entity = registry.resolve(written, facet_type)
    found = written if entity is None else entity.name
    final = fixes.renamed(written) or fixes.renamed(found) or found
    if fixes.is_never(written) or fixes.is_never(final):
        return None
    type_ = fixes.type_of(final, facet_type)
    return (final, type_) if type_ in FIELDS.values() else None


def _spellings_from_registry(row: Row, registry: Registry) -> None:
    entity = registry.known(fold(row.name))
    if entity is not None:
        for spelling, count in entity.variants.items():
            row.spellings[spelling] += 0 if spelling in row.spellings else count
        for former in entity.former:
            row.spellings.setdefault(former, 0)


def _sample(posts: Path, row: Row) -> tuple[str, str]:
    """The first sentence naming the entity in its first posts: by its own name if one does,
    else by any of its spellings (longest first)."""
    texts = {}
    for spellings in ([row.name], sorted({row.name, *row.spellings}, key=len, reverse=True)):
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, spellings)) + r")(?!\w)", re.IGNORECASE)
        for post in row.posts[:SAMPLE_POSTS]:
            if post not in texts:
                texts[post] = _sentences((posts / post).read_text(encoding="utf-8", errors="replace"))
            for sentence in texts[post]:
                found = pattern.search(sentence)
                if found:
                    return _around(sentence, found.start(), found.end()), post
    return "", ""


def _sentences(post: str) -> list[str]:
    """The body's sentences as a reader sees them (no Markdown escapes, holes as […])."""
    sentences = []
    for paragraph in post.split("\n\n")[1:]:
        plain = " ".join(html.unescape(_ESCAPE.sub(r"\1", paragraph.replace(GAP_HTML, "[…]"))).split())
        sentences += _SENTENCE.split(plain.lstrip("#- "))
    return sentences


def _around(sentence: str, start: int, end: int) -> str:
    """The sentence, cut to SAMPLE_CHARS around the name."""
    if len(sentence) <= SAMPLE_CHARS:
        return sentence
    left = max(0, min(start - SAMPLE_CHARS // 3, len(sentence) - SAMPLE_CHARS))
    if left:
        left = sentence.find(" ", left) + 1 or left  # from a word's start
    right = left + SAMPLE_CHARS
    if right < len(sentence):
        right = max(sentence.rfind(" ", left, right), end)
    return ("…" if left else "") + sentence[left:right] + ("…" if right < len(sentence) else "")


def render(posts_count: int, rows: list[Row], folder: Path) -> str:
    """The review as text: one entity per line, its sentence under it."""
    width = max([len(row.name) for row in rows] + [6])
    lines = [f"Entities of {folder} ({posts_count:,} posts), by articles naming them:", "",
             f"{'#':>4}  {'articles':>8}  type  {'entity':<{width}}  other spellings"]
    for rank, row in enumerate(rows, 1):
        others = [s for s, _ in sorted(row.spellings.items(), key=lambda p: (-p[1], p[0])) if s != row.name]
        line = f"{rank:>4}  {row.articles:>8}  {row.type:<4}  {row.name:<{width}}  {', '.join(others[:6])}"
        lines.append(line.rstrip())
        if row.sample:
            lines.append(f"{'':>20}« {row.sample} » ({row.sample_post.removesuffix('.md')})")
    return "\n".join(lines) + "\n"
