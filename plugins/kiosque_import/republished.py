"""Re-publications: raw files whose title and body are another's (``sametext``) are one post.

A site re-posts an article later in the day: a new byline time, maybe another file name, the
same text. The post stays the one written from the raw file imported first; each later raw
file gets a manifest entry pointing to that post (``same_as``), and the post's header says it
all: ``Date`` the first publication, ``Modified`` the latest, ``Sources`` every raw file (by
date). Removing a raw file keeps the post; a post edited by hand is not touched (the manifest
still records the re-publication).
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosque_core.storage import write_atomic

from . import manifest
from .article import Article, Refused
from .sametext import text_key

log = logging.getLogger(__name__)
STAMP = "%Y-%m-%d %H:%M"


def key_of(article: Article) -> str:
    return text_key(article.title, [article.lede, *(block.text for block in article.blocks)])


def published(article: Article) -> str:
    return "" if article.date is None or article.date_estimated else article.date.strftime(STAMP)


class Republications:
    """The archive's texts (key -> raw file of the post) and each post's re-publications."""

    def __init__(self, entries: dict[str, manifest.Entry]):
        self.entries = entries
        self.primary: dict[str, str] = {}  # text key -> raw file whose post has that text
        self.members: dict[str, list[str]] = {}  # raw file of a post -> its re-publications
        self.stale: list[str] = []  # posts a re-publication left: their header to rewrite
        for source, entry in sorted(entries.items()):
            if entry.same_as:
                self.members.setdefault(entry.same_as, []).append(source)
            elif entry.text_key:
                self.primary.setdefault(entry.text_key, source)

    def split(self, parsed: list) -> tuple[list, list]:
        """Parsed ``(article, reason)`` pairs as (posts to write, re-publications to join).
        Within a batch, the earliest publication (then the file name) writes the post."""
        writes, joins = [], []
        for article, reason in sorted(parsed, key=_first_published):
            article.text_key = key_of(article)
            entry = self.entries.get(article.source)
            owner = self.primary.get(article.text_key)
            if entry is not None and entry.same_as and owner != entry.same_as:
                self._leave(article.source)  # its text changed: a post of its own from now on
            if owner is None or owner == article.source:
                self.primary[article.text_key] = article.source
                writes.append((article, reason))
            else:
                joins.append((article, owner))
        return writes, joins

    def _leave(self, source: str) -> None:
        owner = self.entries.pop(source).same_as
        if source in self.members.get(owner, ()):
            self.members[owner].remove(source)
        self.stale.append(owner)

    def record(self, article: Article, entry: manifest.Entry) -> None:
        entry.text_key, entry.published = article.text_key, published(article)

    def with_group(self, source: str, text: str, own: str | None = None) -> str:
        """A post's text with the header its re-publications call for (none: unchanged);
        ``own``: the publication date of ``source`` when it is being written."""
        others = self.members.get(source)
        if not others:
            return _alone(text)
        mine = self.entries[source].published if own is None else own
        group = [(mine or "~", source), *((self.entries[name].published or "~", name) for name in others)]
        return header_with(text, sorted(group))

    def join_all(self, joins: list, posts: Path, converter: int, today: str) -> list[dict]:
        """Record a chunk's re-publications ((article, raw file of its post) pairs) and rewrite
        the headers of the posts they joined or left; returns them for the import report."""
        joined = []
        for article, owner in joins:
            entry = self.entries.get(article.source)
            post = self.join(article, owner, posts, converter, entry.first_seen if entry else today)
            joined.append({"file": article.source, "same_as": owner, "post": post})
        for owner in self.stale:
            self.refresh(owner, posts)
        self.stale.clear()
        return joined

    def join(self, article: Article, owner: str, posts: Path, converter: int, first_seen: str) -> str:
        """Record ``article`` as a re-publication of ``owner``'s post and update that post's header.
        Returns the post's file name."""
        head = self.entries[owner]
        self.entries[article.source] = manifest.Entry(
            raw_hash=article.raw_hash, post=head.post, post_hash=head.post_hash, slug=head.slug,
            first_seen=first_seen, converter=converter, text_key=article.text_key,
            published=published(article), same_as=owner)
        if article.source not in self.members.setdefault(owner, []):
            self.members[owner].append(article.source)
            self.members[owner].sort()
        self.refresh(owner, posts)
        return head.post

    def refresh(self, owner: str, posts: Path) -> None:
        """Rewrite the header of ``owner``'s post for its group, unless it was edited by hand."""
        head = self.entries.get(owner)
        if head is None:
            return
        path = posts / head.post
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        if manifest.text_hash(text) != head.post_hash:
            log.warning("%s: edited by hand, its re-publications are recorded in the manifest only", path)
            return
        new = self.with_group(owner, text)
        if new != text:
            write_atomic(path, new)
        digest = manifest.text_hash(new)
        for name in [owner, *self.members.get(owner, ())]:
            self.entries[name].post_hash = digest


def _first_published(pair) -> tuple:
    article = pair[0]
    return (published(article) or "~", article.source)


def header_with(text: str, group: list[tuple[str, str]]) -> str:
    """``text``'s metadata with ``Date`` the first publication of ``group`` ((date, raw file)
    pairs, oldest first; "~" for no date), ``Modified`` the latest and ``Sources`` every file."""
    head, sep, body = text.partition("\n\n")
    lines = head.split("\n")
    dates = [day for day, _ in group if day != "~"]
    fields = {"Sources": ", ".join(name.replace(",", " ") for _, name in group)}
    if dates:
        fields["Date"] = dates[0]
        current = next((line[len("Modified: "):] for line in lines if line.startswith("Modified: ")), "")
        if max(dates[-1], current) > dates[0]:
            fields["Modified"] = max(dates[-1], current)
    had_modified = any(line.startswith("Modified: ") for line in lines)
    out = []
    for line in lines:
        name = line.split(": ", 1)[0]
        if name == "Sources" or (name == "Modified" and "Modified" not in fields):
            continue
        if name in ("Date", "Modified") and name in fields:
            line = f"{name}: {fields[name]}"  # the Modified the byline gave keeps its place
        out.append(line)
        if name == "Date" and "Modified" in fields and not had_modified:
            out.append(f"Modified: {fields['Modified']}")
        if name == "Source":
            out.append(f"Sources: {fields['Sources']}")
    return "\n".join(out) + sep + body


def _alone(text: str) -> str:
    """A post left by its re-publications: without the ``Sources`` line. Its ``Date`` and
    ``Modified`` stay (the byline may have given the latter; they were published)."""
    head, sep, body = text.partition("\n\n")
    if not any(line.startswith("Sources: ") for line in head.split("\n")):
        return text
    kept = [line for line in head.split("\n") if not line.startswith("Sources: ")]
    return "\n".join(kept) + sep + body


def backfill(entries: dict[str, manifest.Entry], seeds: Path, parse_one) -> int:
    """Keys of the entries a manifest written before re-publications were known lacks: their
    raw files are parsed once (``parse_one(name, bytes)``), nothing is rewritten. Returns how many."""
    done = 0
    for source, entry in entries.items():
        if entry.text_key or entry.same_as:
            continue
        try:
            article = parse_one(source, (seeds / source).read_bytes())
        except (OSError, Refused):
            continue  # a raw file gone or refused: its post has no key, and will not be joined
        entry.text_key, entry.published = key_of(article), published(article)
        done += 1
    return done
