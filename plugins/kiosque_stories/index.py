"""The archive's MinHash/LSH index, kept in the build cache: only new and changed articles are
shingled and queried, so a rebuild that adds a version never reads the archive again.

The cache (``store.py``) holds, per article (by its path under the content folder), a digest of
its text; the LSH index of their MinHash signatures (the whole text's, and the opening's,
matched with short texts'); and every candidate pair the index gave with what the two texts
share (``shingles.measures``: bodies and headlines).
Which candidates are versions is decided at each build (``rules.py``) from those pairs.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from pathlib import Path

from datasketch import LeanMinHash, MinHashLSH
from kiosque_core import parallel

from . import rules, sentences, shingles, store

# The LSH bands: 28 bands of 2 rows of the 64 permutations, what datasketch chooses for a Jaccard
# threshold of 0.2 (a pair at 0.2 is a candidate 69 % of the time, at 0.4 99 %, at 0.1 25 %),
# given here so that its numerical search (scipy, 0.2 s) is not run again at every build.
LSH_BANDS = (28, 2)
# Words of a short text, matched by its opening with the others' openings too: a brief under 100
# words shares a paragraph with many articles; over 300, a text is seldom extended into another.
SHORT = (100, 300)
# What the cache was made with: another value, and it is started again.
VERSION = (9, rules.LATER, shingles.MIN_WORDS, shingles.SIZE, shingles.LEAD, shingles.OPENING, shingles.NEW_WORD,
           SHORT, shingles.PERMUTATIONS, shingles.SEED, LSH_BANDS, sentences.GRAM, sentences.NEAR, sentences.MIN_WORDS)
_TAG = re.compile(r"<[^>]+>")
# The kinds of LSH entries (after the article's key), and the kind each one is matched with.
_WHOLE, _OPENING, _SHORT = "", "\0opening", "\0short"
_MATCHES = {_WHOLE: _WHOLE, _OPENING: _SHORT, _SHORT: _OPENING}


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", markup or ""))


def lede_and_body(article) -> tuple[str, str]:
    """The text a reader sees, without markup: the lede (summary) and the body."""
    return _plain(article.metadata.get("summary", "")), _plain(article._content)


def text_of(article) -> shingles.Text:
    """What the pairs are measured on: lede, body and headline (``shingles.Text``)."""
    return shingles.Text(*lede_and_body(article), _plain(getattr(article, "title", "")))


def body_text(article) -> str:
    return "\n".join(lede_and_body(article))


def digest(article) -> str:
    """What an article was indexed with: its text, and its day, since a pair is measured only when
    its days are close enough (``near``): an article whose date changes is queried again."""
    raw = (f"{article.metadata.get('summary', '')}\0{article._content or ''}\0{getattr(article, 'title', '')}"
           f"\0{article.date.date().isoformat()}")
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _signatures(article) -> list[tuple[str, LeanMinHash]]:
    """The (kind, signature) entries an article is indexed and queried by: its whole text's; its
    opening's (first ``shingles.OPENING`` words) when longer; and, for a text of ``SHORT``
    words, its opening's again, matched with the openings of the others (a story written first
    in a few paragraphs, then extended into a long one, shares little of the long text but
    most of its opening). None for a text too short to tell a version from a look-alike: it is
    never grouped."""
    found = shingles.words(body_text(article))
    if len(found) < shingles.MIN_WORDS:
        return []
    run = shingles.shingle_run(found)
    entries = [(_WHOLE, LeanMinHash(shingles.signature(set(run.tolist()))))]
    opening = entries[0][1]
    if len(found) > shingles.OPENING:
        opening = LeanMinHash(shingles.signature(shingles.first(run, shingles.OPENING)))
        entries.append((_OPENING, opening))
    if SHORT[0] <= len(found) <= SHORT[1]:
        entries.append((_SHORT, opening))
    return entries


def near(a, b) -> bool:
    """Whether two articles are published close enough for a rule to accept them: no branch takes a
    pair more than ``rules.LATER`` days apart, so the others (69 % of a full build's candidates:
    recurring columns, repeated chronologies) are never measured."""
    return abs(rules.days_between(a, b)) <= rules.LATER


def _article(entry: str) -> tuple[str, str]:
    """An LSH entry's article key and kind."""
    key, mark, kind = entry.partition("\0")
    return key, mark + kind


def _candidates(lsh: MinHashLSH, entries: list[tuple[str, LeanMinHash]]) -> set[str]:
    """The articles whose entries meet one of ``entries`` in a band, each entry matched with its
    own kind (``_MATCHES``): whole texts with whole texts, openings with short texts'."""
    return {key for kind, signature in entries for key, other in map(_article, lsh.query(signature))
            if other == _MATCHES[kind]}


class Index:
    def __init__(self, folder: Path | None):
        self.folder = folder
        self.digests: dict[str, str] = {}  # key -> digest of the text it was indexed with
        # (key, key), sorted -> shingles.measures, for the candidates published close enough (``near``)
        self.pairs: dict[tuple[str, str], tuple] = {}
        self.generation = 0
        self._lsh: MinHashLSH | None = None
        self.changed = False
        self.queried = 0  # articles shingled and queried in this build
        data = store.load(folder / store.NAME, VERSION) if folder is not None else None
        if data is not None:
            self.digests, self.pairs, self.generation = data["digests"], data["pairs"], data["generation"]

    def lsh(self) -> MinHashLSH:
        """The LSH index, read from disk the first time it is needed; when it cannot be, the
        whole index is made again."""
        if self._lsh is None:
            data = store.load(self.folder / store.LSH_NAME, VERSION) if self.folder is not None else None
            if data is not None and data["generation"] == self.generation:
                self._lsh = data["lsh"]
            else:
                self.digests, self.pairs = {}, {}
                self._lsh = MinHashLSH(num_perm=shingles.PERMUTATIONS, params=LSH_BANDS)
        return self._lsh

    def update(self, articles: dict, processes: int) -> None:
        """Bring the index to ``articles`` (key -> article): drop what is gone or changed, add
        and query what is new or changed."""
        digests = {key: digest(article) for key, article in articles.items()}
        if self.digests == digests:
            return  # nothing to add nor drop: the LSH file is not even read
        lsh = self.lsh()
        self._drop(lsh, {key for key, known in self.digests.items() if digests.get(key) != known})
        todo = sorted(key for key in articles if key not in self.digests)
        self.changed, self.queried = True, len(todo)
        signatures = parallel.run([articles[key] for key in todo], _signatures, processes)
        for key, entries in zip(todo, signatures, strict=True):
            self.digests[key] = digests[key]
            for kind, signature in entries:
                lsh.insert(key + kind, signature)
        texts: dict[str, shingles.Text] = {}

        def text(key):
            if key not in texts:
                texts[key] = text_of(articles[key])
            return texts[key]
        for key, entries in zip(todo, signatures, strict=True):
            for other in sorted(_candidates(lsh, entries)):
                pair = tuple(sorted((key, other)))
                if other != key and pair not in self.pairs and near(articles[key], articles[other]):
                    self.pairs[pair] = shingles.measures(text(pair[0]), text(pair[1]))

    def _drop(self, lsh: MinHashLSH, keys: set[str]) -> None:
        if not keys:
            return
        for key in keys:
            del self.digests[key]
            for entry in (key + kind for kind in _MATCHES):
                if entry in lsh:
                    lsh.remove(entry)
        self.pairs = {pair: j for pair, j in self.pairs.items() if pair[0] not in keys and pair[1] not in keys}

    def save(self) -> None:
        if self.folder is None or not self.changed:
            return
        self.generation += 1
        head = {"version": VERSION, "generation": self.generation, "digests": self.digests, "pairs": self.pairs}
        lsh = {"version": VERSION, "generation": self.generation, "lsh": self._lsh}
        store.save([(self.folder / store.LSH_NAME, lsh), (self.folder / store.NAME, head)])
        self.changed = False


def cache_folder(settings: dict) -> Path | None:
    if not settings.get("CACHE_CONTENT"):
        return None
    return Path(settings.get("CACHE_PATH") or "cache")


def key_of(article, content_path: str) -> str:
    """An article's name in the index: its path under the content folder (the same in every
    copy of the site)."""
    return os.path.relpath(article.source_path, content_path)
