"""The manifest: for each raw file, its content hash and the post written from it.

It lives beside the posts (``manifest.json``) and is committed with them, so a fresh clone
knows which posts were generated, from what, and which were edited by hand since.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from kiosque_core.storage import write_atomic

NAME = "manifest.json"
# ``json.dumps(text, ensure_ascii=False)`` without the call's overhead (the same C function).
_json_string = json.encoder.encode_basestring


@dataclass
class Entry:
    raw_hash: str
    post: str  # file name inside the posts folder
    post_hash: str
    slug: str
    first_seen: str  # ISO date of the first import; the fallback publication date
    converter: int
    text_key: str = ""  # sametext.text_key of its title and body: the same key, the same article
    published: str = ""  # its byline's date, "YYYY-MM-DD HH:MM" ("" when it had none)
    same_as: str = ""  # a re-publication: the raw file whose post it shares (republished.py)


def text_hash(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def load(posts: Path) -> dict[str, Entry]:
    path = posts / NAME
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"{path}: unreadable manifest ({exc}); restore it from git") from exc
    return {source: Entry(**fields) for source, fields in raw.get("articles", {}).items()}


def save(posts: Path, entries: dict[str, Entry]) -> None:
    write_atomic(posts / NAME, dumps(entries))


def dumps(entries: dict[str, Entry]) -> str:
    """The manifest's text: JSON, one article a line in file-name order, so that ``git diff``
    shows which articles an import added or changed.

    Lines are formatted here rather than by ``json.dumps(..., indent=1)``, whose pure-Python
    encoder took 0.4 s at 10,000 articles on every import that wrote a post; ``json``'s own
    string escaping keeps them valid JSON (``tests/test_import_shortcuts_agree.py`` reads them back).
    """
    if not entries:
        return '{"version": 1, "articles": {}}\n'
    lines = ",\n".join([_line(source, entries[source]) for source in sorted(entries)])
    return f'{{"version": 1, "articles": {{\n{lines}\n}}}}\n'


def _line(source: str, entry: Entry) -> str:
    text = _json_string
    return (f'{text(source)}: {{"raw_hash": {text(entry.raw_hash)}, "post": {text(entry.post)}, '
            f'"post_hash": {text(entry.post_hash)}, "slug": {text(entry.slug)}, '
            f'"first_seen": {text(entry.first_seen)}, "converter": {int(entry.converter)}{_optional(entry)}}}')


# Fields written only when set: most entries have no `same_as`, older manifests none of them.
OPTIONAL = ("text_key", "published", "same_as")


def _optional(entry: Entry) -> str:
    text = _json_string
    return "".join(f', "{name}": {text(getattr(entry, name))}' for name in OPTIONAL if getattr(entry, name))


def fields(entry: Entry) -> dict:
    """The entry as its manifest line holds it."""
    return {name: value for name, value in vars(entry).items() if value or name not in OPTIONAL}
