"""Turn Kiosque posts (Markdown with Pelican metadata) into a Hugo site using bench/hugo/.

    python bench/to_hugo.py POSTS_DIR SITE_DIR

Each post becomes ``SITE_DIR/content/posts/<slug>.md`` with JSON front matter (title, date,
slug, summary, tags, categories, months); the Markdown body is kept as it is. Only changed files
are rewritten, so Hugo sees the same mtimes as Pelican does.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

THEME = Path(__file__).resolve().parent / "hugo"


def read_post(path: Path) -> tuple[dict[str, str], str]:
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip().lower()] = value.strip()
    return meta, body


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def front_matter(meta: dict[str, str]) -> dict:
    date = meta["date"].replace(" ", "T")
    matter = {"title": meta.get("title", ""), "date": date + (":00" if len(date) == 16 else ""),
              "slug": meta["slug"], "tags": split(meta.get("tags", "")),
              "categories": [meta["category"]] if meta.get("category") else [], "months": [date[:7]]}
    if meta.get("summary"):
        matter["summary"] = meta["summary"]
    return matter


def convert(posts: Path, site: Path) -> int:
    (site / "content" / "posts").mkdir(parents=True, exist_ok=True)
    shutil.copy(THEME / "hugo.toml", site / "hugo.toml")
    shutil.copytree(THEME / "content", site / "content", dirs_exist_ok=True)
    layouts = site / "layouts"
    if not layouts.exists():
        layouts.symlink_to(THEME / "layouts")
    wanted = set()
    for path in sorted(posts.glob("*.md")):
        meta, body = read_post(path)
        target = site / "content" / "posts" / path.name
        wanted.add(target.name)
        text = json.dumps(front_matter(meta), ensure_ascii=False, indent=1) + "\n\n" + body
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    for stale in (site / "content" / "posts").glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    return len(wanted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", type=Path)
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    print(f"{convert(args.posts, args.site)} posts in {args.site}")


if __name__ == "__main__":
    main()
