"""Write raw articles in the orange scraper format from the OrangeSum dataset, for benchmarks.

    python bench/make_corpus.py N DEST [--start K]

writes N files ``NNNNN_<16 hex of sha1(id)>.txt`` into DEST, taken from
../shared/corpus/orangesum.jsonl.gz (or $KIOSQUE_CORPUS) after skipping the first K records (``--start`` makes
the "+1" / "+100" articles added to an archive). Deterministic: the same arguments give the
same bytes. The layout copies tests/fixtures/orange/*.txt: breadcrumb (when the record has a
section), title, byline, ``SECTION - lede``, body paragraphs, then the page tail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

# The workplace's shared folder sits beside the repository; KIOSQUE_CORPUS points elsewhere.
CORPUS = Path(os.environ.get("KIOSQUE_CORPUS")
              or Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum.jsonl.gz")
SENTENCES_PER_PARAGRAPH = 3

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")

# The dataset glued sentences together ("jeudi.Le gouvernement"): a sentence ends where end
# punctuation, maybe followed by a straight quote, directly touches a capital or an opening quote.
_GLUED = re.compile(r"[.!?…»]\"?(?=[A-ZÀ-Ý«\"])")


def records(path: Path = CORPUS) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def id_hash(record_id) -> str:
    return hashlib.sha1(str(record_id).encode()).hexdigest()


def file_name(number: int, record: dict) -> str:
    return f"{number:05d}_{id_hash(record['id'])[:16]}.txt"


def byline(record: dict) -> str:
    """The date comes from the record; the time of day, which it lacks, from a hash of its id."""
    day = dt.date.fromisoformat(record["date"])
    minutes = int(id_hash(record["id"])[16:24], 16) % (16 * 60)  # between 06h00 and 21h59
    hour, minute = 6 + minutes // 60, minutes % 60
    return (f"Orange avec AFP, publié le {WEEKDAYS[day.weekday()]} {day.day:02d} "
            f"{MONTHS[day.month - 1]} {day.year} à {hour:02d}h{minute:02d}")


def sentences(body: str) -> list[str]:
    """Split glued sentences. A straight quote after the full stop closes the sentence when an
    odd number of quotes come before it, and otherwise opens the next one."""
    out: list[str] = []
    last = 0
    for match in _GLUED.finditer(body):
        end = match.end()
        if body[end - 1] == '"' and body.count('"', 0, end - 1) % 2 == 0:
            end -= 1
        elif body[end:end + 1] == '"' and body.count('"', 0, end) % 2 == 1:
            continue  # `fin."` followed by a lowercase word: the quote closes, no new sentence
        out.append(body[last:end].strip())
        last = end
    out.append(body[last:].strip())
    return [s for s in out if s]


def paragraphs(body: str) -> list[str]:
    parts = sentences(body)
    return [" ".join(parts[i:i + SENTENCES_PER_PARAGRAPH])
            for i in range(0, len(parts), SENTENCES_PER_PARAGRAPH)]


def raw_article(record: dict, related: list[dict]) -> str:
    section = (record.get("section") or "").strip()
    lines = []
    if section:
        lines.append(f"Toutes les news {section}")
    lines += [record["title"].strip(), byline(record),
              f"{(section or 'France').upper()} - {record['lede'].strip()}"]
    lines += paragraphs(record["body"])
    text = "\n\n".join(lines) + "\n\n\nRéagir\n\nA lire aussi\n"
    for other in related:
        text += f"\n{(other.get('section') or 'France').strip()}\n{other['title'].strip()}\n"
    return text


def write_corpus(count: int, dest: Path, start: int = 0, source: Path = CORPUS) -> list[Path]:
    """Write records start..start+count-1; the related headlines are the next two records'."""
    dest.mkdir(parents=True, exist_ok=True)
    window: list[dict] = []
    written: list[Path] = []
    for index, record in enumerate(records(source)):
        if index < start:
            continue
        window.append(record)
        if len(window) == 3:
            written.append(_write(dest, start + len(written), window[0], window[1:]))
            window.pop(0)
        if len(written) + len(window) >= count + 2:
            break
    # At the end of the dataset the last articles take their headlines from the first records.
    while window and len(written) < count:
        related = (window[1:] + list(_head(source, 2)))[:2]
        written.append(_write(dest, start + len(written), window.pop(0), related))
    return written


def _head(source: Path, n: int) -> Iterator[dict]:
    for i, record in enumerate(records(source)):
        if i >= n:
            return
        yield record


def _write(dest: Path, number: int, record: dict, related: list[dict]) -> Path:
    path = dest / file_name(number, record)
    text = raw_article(record, related)
    # Rewriting identical bytes would change the mtime and defeat incremental rebuilds.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--start", type=int, default=0, help="skip the first K records")
    parser.add_argument("--source", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    written = write_corpus(args.count, args.dest, args.start, args.source)
    print(f"{len(written)} articles in {args.dest}")


if __name__ == "__main__":
    main()
