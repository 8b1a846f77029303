"""Unseen precision without labels: draw (article, name) pairs at random from the posts' facet
lines, each with the sentences of its article that name it, to be judged by reading.

    .venv/bin/python bench/entity_sample.py POSTS [--facet People] [--count 100] [--seed 1]

Pairs are drawn uniformly among every (article, name) pair of the facet, so an entity counts as
often as the archive's articles name it: the tail of less-cited names weighs what it weighs in
the archive (and in unseen articles). Each pair prints the article's title and up to two
sentences where a spelling of the name (or its last word) appears.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from kiosque_core.folding import fold  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?»])\s+|\n+")


def facet_pairs(posts: Path, facet: str) -> list[tuple[Path, str]]:
    """Every (post, name) pair of one facet line, in a stable order."""
    pairs = []
    for post in sorted(posts.glob("*.md")):
        for line in post.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            if key.strip() == facet:
                pairs += [(post, name.strip()) for name in value.split(",") if name.strip()]
    return pairs


def contexts(post: Path, name: str, most: int = 2) -> tuple[str, list[str]]:
    """The post's title and the first sentences of its text naming ``name`` (whole, or its last
    word for a person named by surname)."""
    text = post.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    title = next((line.partition(":")[2].strip() for line in head.splitlines() if line.startswith("Title:")), "")
    wanted = [fold(name), fold(name.split()[-1])] if " " in name else [fold(name)]
    found = []
    for needle in wanted:
        for sentence in _SENTENCE.split(title + "\n" + body):
            if needle in fold(sentence) and sentence.strip() not in found:
                found.append(sentence.strip()[:300])
                if len(found) >= most:
                    return title, found
        if found:
            break
    return title, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("posts", type=Path)
    parser.add_argument("--facet", default="People", choices=("People", "Places", "Organizations"))
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    pairs = facet_pairs(args.posts, args.facet)
    drawn = random.Random(args.seed).sample(pairs, min(args.count, len(pairs)))
    print(f"{len(pairs)} {args.facet} pairs; {len(drawn)} drawn (seed {args.seed})")
    for number, (post, name) in enumerate(drawn, 1):
        title, found = contexts(post, name)
        print(f"\n{number}. « {name} »  [{post.stem[:50]}]  {title[:90]}")
        for sentence in found:
            print(f"     | {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
