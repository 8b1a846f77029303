"""Organisations an unseen archive gets, drawn at random to be judged by reading: an estimate of
the Organizations facets' precision on articles nobody labelled.

    .venv/bin/python bench/org_sample.py POSTS [--seed 1] [-n 100] [--type ORG]

Draws ``n`` (article, organisation) pairs uniformly from the posts' ``Organizations:`` lines (one
pair per organisation an article lists, so an organisation weighs as many articles as list it,
the share of what a reader meets), seeded, and prints each with the article's title and the
sentences of its text that name it, for a person to judge: right, wrong type (which), junk.
The counts go to bench/results/.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

FACETS = {"PER": "People", "LOC": "Places", "ORG": "Organizations"}
_SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý\"])")


def post_parts(post: Path) -> tuple[dict[str, str], str]:
    """A post's metadata lines and its body."""
    head, _, body = post.read_text(encoding="utf-8").partition("\n\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta, body


def pairs(posts: Path, facet: str) -> list[tuple[Path, str]]:
    """Every (post, name) of the facet, in a stable order."""
    out = []
    for post in sorted(posts.glob("*.md")):
        meta, _ = post_parts(post)
        out += [(post, name.strip()) for name in meta.get(facet, "").split(",") if name.strip()]
    return out


def naming(body: str, name: str, most: int = 2, width: int = 300) -> list[str]:
    """Up to ``most`` sentences of the body naming ``name`` (case-blind), cut to ``width``."""
    found = [s for s in _SENTENCE.split(body.replace("\n", " ")) if name.lower() in s.lower()]
    return [s if len(s) <= width else s[:width] + "…" for s in found[:most]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("posts", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--type", choices=sorted(FACETS), default="ORG")
    args = parser.parse_args(argv)
    every = pairs(args.posts, FACETS[args.type])
    drawn = random.Random(args.seed).sample(every, min(args.n, len(every)))
    print(f"{len(every)} ({args.type}) pairs in {args.posts}; {len(drawn)} drawn, seed {args.seed}")
    for i, (post, name) in enumerate(drawn, 1):
        meta, body = post_parts(post)
        print(f"\n{i}. « {name} »  [{post.name}]\n   title: {meta.get('Title', '')}")
        for sentence in naming(body, name) or ["(not in the text as written)"]:
            print(f"   > {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
