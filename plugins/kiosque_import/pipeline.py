"""The import: raw files in ``seeds`` become Markdown posts in ``posts``.

read → decode → split → (enrich, by signal) → slug and date → write. Only new and changed raw
files are converted; the manifest tells what was generated from what, so hand edits are kept.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from kiosque_core import collector
from kiosque_core.signals import articles_ahead, articles_parsed, articles_written, import_finished, import_started
from kiosque_core.storage import remove_stale_temp_files, write_atomic
from tqdm import tqdm

from . import chrome, manifest, post, republished, slugs, stamps
from .article import Article, Refused
from .decode import decode
from .importlock import import_lock
from .planning import no_bar, plan, post_hash_on_disk, raw_names, refuse, stamps_key
from .read import MAX_BYTES
from .report import Report
from .republished import Republications
from .stamps import Stamps
from .structure import Splitter
from .text import clean_lines

# Bump when a change to the conversion should regenerate posts that were not edited by hand.
CONVERTER = 7
CHUNK = 500  # articles parsed, enriched and written between two manifest saves
# Up to this many posts in a chunk, each is fsynced (and the folder once) before the manifest
# records them; past it, one os.sync(). os.sync() flushes every file system of the machine: on a
# busy one it took 1.5 s for the single post of an everyday import.
FSYNC_EACH = 32
DEFAULT_BREADCRUMBS = (r"toutes les news\s+(?P<section>.+)",)


@dataclass
class Options:
    seeds: Path
    posts: Path
    report: Path | None = None
    markers: tuple[str, ...] = ()
    breadcrumbs: tuple[str, ...] = DEFAULT_BREADCRUMBS
    section_names: dict[str, str] = field(default_factory=dict)
    max_bytes: int = MAX_BYTES
    lock_timeout: float = 60.0
    today: date | None = None
    progress: bool | None = None  # None: a bar only on a terminal
    settings: dict = field(default_factory=dict)  # passed to enrichers

    def splitter(self) -> Splitter:
        breadcrumbs = re.compile("^(?:" + "|".join(self.breadcrumbs) + ")$", re.IGNORECASE)
        return Splitter(chrome.marker_pattern(self.markers), breadcrumbs, self.section_names)


def parse(source: str, data: bytes, splitter: Splitter, raw_hash: str = "") -> Article:
    """One raw article's bytes to a structured record (no disk access)."""
    article = Article(source=source, raw_hash=raw_hash or manifest.text_hash(data))
    article.text = decode(data)
    article.lines = clean_lines(article.text)
    if not article.lines:
        raise Refused("no text after cleaning")
    splitter.split(article)
    article.tags = list(dict.fromkeys(article.sections))
    return article


def run_import(options: Options) -> Report:
    seeds, posts = Path(options.seeds), Path(options.posts)
    if not seeds.is_dir():
        raise FileNotFoundError(f"{seeds}: no such folder of raw articles")
    posts.mkdir(parents=True, exist_ok=True)
    report = Report(seeds=str(seeds), posts=str(posts))
    lock = import_lock(posts, options.lock_timeout)
    try:
        remove_stale_temp_files(posts)
        # Loading the manifest and the stamps and planning make tens of thousands of objects and
        # no reference cycles: the collector's passes over them were a sixth of an import where
        # nothing changed (10,000 articles), and they grow with the process around it.
        with collector.paused():
            entries = manifest.load(posts)
            known = Stamps(options.report.parent / stamps.NAME if options.report else None)
            names = raw_names(seeds)
            todo = plan(seeds, posts, names, entries, report, options, known, CONVERTER)
        try:
            # What outlives the chunks (the loaded code and model, the manifest, the tags registry)
            # is frozen out of the collector's full passes, which walked it again and again: 2.4
            # of ~20 CPU s of this process at 5,000 articles with tags, growing with the archive.
            # The import's records make no reference cycles: frozen garbage waits for the end.
            with collector.frozen():
                _convert(todo, posts, entries, report, options, known)
        finally:
            known.save()  # a cache: saved once, as losing it only costs reading files again
        report.missing_raw = sorted(set(entries).difference(names))
    finally:
        lock.release()
        import_finished.send(report, settings=options.settings, posts=posts)
    if options.report:
        report.write_json(Path(options.report))
    return report


def _convert(todo, posts: Path, entries: dict, report: Report, options: Options, known: Stamps) -> None:
    taken = {entry.slug for entry in entries.values()}
    today = options.today or datetime.now(UTC).date()
    bar = tqdm(total=len(todo), desc="importing", unit="article", disable=no_bar(options))
    if todo and any(not entry.text_key and not entry.same_as for entry in entries.values()):
        splitter = options.splitter()
        republished.backfill(entries, Path(options.seeds), lambda name, data: parse(name, data, splitter))
    again = Republications(entries)

    def finish(chunk: list, parsed: list, joins: list) -> None:
        each = len(parsed) <= FSYNC_EACH
        for article, reason in parsed:
            _write(article, reason, posts, entries, taken, today, report, known, again, durable=each)
        report.republished += again.join_all(joins, posts, CONVERTER, today.isoformat())
        if parsed or joins:  # a chunk of refused files changes nothing on disk
            _reach_disk(posts, each)  # the chunk's posts, before the manifest records them
            manifest.save(posts, entries)
            articles_written.send([article for article, _ in parsed], settings=options.settings, posts=posts)
        bar.update(len(chunk))
        gc.freeze()  # what outlives the chunk (registry, manifest) joins what run_import froze

    # Each chunk is written once the next one is parsed and announced (articles_ahead), so that
    # enrichers can start on the next chunk while this process writes the current one.
    current = None

    def started() -> None:
        import_started.send(len(todo), settings=options.settings, posts=posts)

    for chunk, results in _parsed_chunks(todo, options.splitter(), len(entries), started):
        parsed = []
        for (name, _data, _hash, reason), result in zip(chunk, results, strict=True):
            if isinstance(result, Article):
                parsed.append((result, reason))
            else:
                refuse(report, f"{options.seeds}{os.sep}{name}", result)
        # Re-publications of a post are not enriched nor written: they join it (republished.py).
        parsed, joins = again.split(parsed)
        parsed.sort(key=lambda pair: pair[0].source)
        if current is not None:
            if parsed:
                articles_ahead.send([article for article, _ in parsed], settings=options.settings, posts=posts)
            finish(*current)
        if parsed:
            articles_parsed.send([article for article, _ in parsed], settings=options.settings, posts=posts)
        current = chunk, parsed, joins
    if current is not None:
        finish(*current)
    bar.close()


def _parsed_chunks(todo: list, splitter: Splitter, recorded: int, started=None):
    """``todo`` in chunks, each with its parse results (an Article or why it was refused).

    With several chunks the next one is parsed by a child process while the caller enriches and
    writes the current one, so parsing costs no time of its own on a machine with two cores;
    ``started()`` is called while the child parses the first one.
    """
    chunks = _chunks(todo, recorded)
    if len(chunks) < 2:
        for chunk in chunks:
            yield chunk, _parse_chunk(chunk, splitter)
        return
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as child:
        ahead = child.submit(_parse_chunk, chunks[0], splitter)
        if started is not None:
            started()
        for i, chunk in enumerate(chunks):
            results = ahead.result()
            if i + 1 < len(chunks):
                ahead = child.submit(_parse_chunk, chunks[i + 1], splitter)
            yield chunk, results


def _chunks(todo: list, recorded: int) -> list[list]:
    """CHUNK articles at a time, more once the archive is big: each chunk ends with saving the
    whole manifest (and the tags registry), whose cost grows with the archive, so chunks of a
    twentieth of it keep that cost in proportion to the work done."""
    chunks, start = [], 0
    while start < len(todo):
        size = max(CHUNK, (recorded + start) // 20)
        chunks.append(todo[start:start + size])
        start += size
    return chunks


def _parse_chunk(chunk: list, splitter: Splitter) -> list:
    results = []
    for name, data, raw_hash, _reason in chunk:
        try:
            results.append(parse(name, data, splitter, raw_hash))
        except Refused as exc:
            results.append(str(exc))
    return results


def _reach_disk(posts: Path, each_synced: bool) -> None:
    """The posts just written are on disk: their renames too (the folder), or everything."""
    if not each_synced:
        os.sync()
        return
    folder = os.open(posts, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _write(article: Article, reason: str, posts: Path, entries: dict, taken: set, today: date, report: Report,
           known: Stamps, again: Republications, durable: bool = False):
    entry = entries.get(article.source)
    first_seen = entry.first_seen if entry else today.isoformat()
    if article.date is None:
        article.date = datetime.fromisoformat(first_seen)
        article.date_estimated = True
    if entry:
        article.slug = entry.slug
        text = post.render(article)
    else:
        article.slug, text = _claim_slug(article, posts, taken)
    text = again.with_group(article.source, text, republished.published(article))
    file_name = f"{article.slug}.md"
    post_hash = manifest.text_hash(text)
    write_atomic(posts / file_name, text, durable=durable)
    # read back, so that the next run need not
    post_hash_on_disk(posts / file_name, stamps_key(posts / file_name), known)
    entries[article.source] = manifest.Entry(
        raw_hash=article.raw_hash, post=file_name, post_hash=post_hash,
        slug=article.slug, first_seen=first_seen, converter=CONVERTER,
    )
    again.record(article, entries[article.source])
    getattr(report, reason).append(article.source)


def _claim_slug(article: Article, posts: Path, taken: set) -> tuple[str, str]:
    """A slug no other post uses; a file a killed run wrote for this very article is adopted."""
    base = slugs.base_slug(article.title, article.raw_hash)
    while True:
        article.slug = slugs.unique_slug(base, taken)
        text = post.render(article)
        existing = posts / f"{article.slug}.md"
        if not existing.exists() or _written_for(existing, article):
            taken.add(article.slug)
            return article.slug, text
        taken.add(article.slug)  # a post written by hand or by another raw file: leave it be


def _written_for(existing: Path, article: Article) -> bool:
    """Whether an unrecorded post is this raw file's, written by an import killed before it
    could record it in the manifest: its Source line names the raw file."""
    head = existing.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
    return f"Source: {post.metadata_value(article.source)}" in head.splitlines()
