"""``python -m kiosque_tags review``: the archive's entities for an editor to review (review.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import corrections, review
from .registry import Registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosque_tags", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    lister = commands.add_parser("review", help="list the archive's entities by number of articles")
    lister.add_argument("--posts", type=Path, default=Path("content/posts"), help="folder of posts")
    lister.add_argument("--top", type=int, default=300, help="how many entities (default: 300)")
    lister.add_argument("--type", choices=("PER", "LOC", "ORG"), help="only people, places or organisations")
    lister.add_argument("--entities", type=Path, help="registry (default: POSTS/entities.json)")
    lister.add_argument("--corrections", type=Path,
                        help=f"corrections file (default: the posts' parent folder/{corrections.FILE_NAME})")
    args = parser.parse_args(argv)
    if not args.posts.is_dir():
        print(f"kiosque_tags review: {args.posts}: no such folder of posts", file=sys.stderr)
        return 2
    registry = Registry.load(args.entities or args.posts / "entities.json")
    fixes = corrections.load(args.corrections or args.posts.parent / corrections.FILE_NAME)
    count, rows = review.review(args.posts, registry, fixes, args.top, args.type)
    sys.stdout.write(review.render(count, rows, args.posts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
