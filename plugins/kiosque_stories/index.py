"""The archive's MinHash/LSH index, kept in the build cache: only new and changed articles are
shingled and queried, so a rebuild that adds a version never reads the archive again.

The cache (``<CACHE_PATH>/kiosque-stories.pickle``) holds, per article (by its path under the
content folder), a digest of its text and its MinHash signature; the LSH index; and every
candidate pair the index gave with what the two bodies share (``shingles.measures``).
Which candidates are versions is decided at each build (``rules.py``) from those pairs.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import pickle
import re
from pathlib import Path

from datasketch import LeanMinHash, MinHashLSH
from kiosque_import import parallel
from kiosque_import.storage import write_atomic

from . import shingles

log = logging.getLogger(__name__)
NAME = "kiosque-stories.pickle"
# The LSH bands: 28 bands of 2 rows of the 64 permutations, what datasketch chooses for a Jaccard
# threshold of 0.2 (a pair at 0.2 is a candidate 69 % of the time, at 0.4 99 %, at 0.1 25 %),
# given here so that its numerical search (scipy, 0.2 s) is not run again at every build.
LSH_BANDS = (28, 2)
# What the cache was made with: another value, and it is started again.
VERSION = (4, shingles.MIN_WORDS, shingles.SIZE, shingles.LEAD, shingles.PERMUTATIONS, shingles.SEED, LSH_BANDS)
_TAG = re.compile(r"<[^>]+>")


def body_text(article) -> str:
    """The text a reader sees: the lede (summary) and the body, without markup."""
    return html.unescape(_TAG.sub(" ", f"{article.metadata.get('summary', '')}\n{article._content or ''}"))


def digest(article) -> str:
    raw = f"{article.metadata.get('summary', '')}\0{article._content or ''}"
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _signature(article) -> LeanMinHash | None:
    """None for a text too short to tell a version from a look-alike: never grouped."""
    found = shingles.words(body_text(article))
    if len(found) < shingles.MIN_WORDS:
        return None
    return LeanMinHash(shingles.signature(shingles.shingles_of(found)))


class Index:
    def __init__(self, path: Path | None):
        self.path = path
        self.signatures: dict[str, tuple[str, LeanMinHash]] = {}
        self.lsh = MinHashLSH(num_perm=shingles.PERMUTATIONS, params=LSH_BANDS)
        self.pairs: dict[tuple[str, str], tuple] = {}  # (key, key), sorted -> shingles.measures
        self.changed = False
        self.queried = 0  # articles shingled and queried in this build
        if path is not None:
            self._load()

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                data = pickle.load(handle)
        except FileNotFoundError:
            return
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as error:
            log.warning("%s: unreadable story index (%s), made again", self.path, error)
            return
        if isinstance(data, dict) and data.get("version") == VERSION:
            self.signatures, self.lsh, self.pairs = data["signatures"], data["lsh"], data["pairs"]

    def update(self, articles: dict, processes: int) -> None:
        """Bring the index to ``articles`` (key -> article): drop what is gone or changed, add
        and query what is new or changed."""
        digests = {key: digest(article) for key, article in articles.items()}
        self._drop({k for k, (d, _) in self.signatures.items() if digests.get(k) != d})
        todo = sorted(key for key in articles if key not in self.signatures)
        if not todo:
            return
        self.changed, self.queried = True, len(todo)
        signatures = parallel.run([articles[key] for key in todo], _signature, processes)
        for key, signature in zip(todo, signatures, strict=True):
            self.signatures[key] = (digests[key], signature)
            if signature is not None:
                self.lsh.insert(key, signature)
        texts: dict[str, shingles.Text] = {}

        def text(key):
            if key not in texts:
                texts[key] = shingles.Text(body_text(articles[key]))
            return texts[key]
        for key, signature in zip(todo, signatures, strict=True):
            for other in self.lsh.query(signature) if signature is not None else ():
                pair = tuple(sorted((key, other)))
                if other != key and pair not in self.pairs:
                    self.pairs[pair] = shingles.measures(text(pair[0]), text(pair[1]))

    def _drop(self, keys: set[str]) -> None:
        if not keys:
            return
        for key in keys:
            if self.signatures.pop(key)[1] is not None:
                self.lsh.remove(key)
        self.pairs = {pair: j for pair, j in self.pairs.items() if pair[0] not in keys and pair[1] not in keys}
        self.changed = True

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": VERSION, "signatures": self.signatures, "lsh": self.lsh, "pairs": self.pairs}
        write_atomic(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        self.changed = False


def cache_path(settings: dict) -> Path | None:
    if not settings.get("CACHE_CONTENT"):
        return None
    return Path(settings.get("CACHE_PATH") or "cache") / NAME


def key_of(article, content_path: str) -> str:
    """An article's name in the index: its path under the content folder (the same in every
    copy of the site)."""
    return os.path.relpath(article.source_path, content_path)
