"""Stories: what the index costs a full build and a +1 build, in a few configurations.

    .venv/bin/python bench/stories_index_cost.py [--count 36000] [--config all:64:28x2 ...]

Every corpus record (each exact text once, ``draw_pairs.distinct``, the first ``--count``) is given
to ``kiosque_stories.index.Index.update`` as a build gives its posts (lede, body, headline, date),
one process, in a fresh cache folder: the full build. Then the last record is held back and the
index is read from the cache and given it again: a +1 build. Each ``--config`` is
``DAYS:PERMUTATIONS:BANDSxROWS``, DAYS ``all`` (every candidate pair measured, as before issue 18's
first part) or ``near`` (only the pairs at most ``rules.LATER`` days apart). Prints, for each, the
CPU seconds of the full and +1 updates (``time.process_time``: the shared machine's load moves the
wall clock far more), the candidate pairs measured and the sizes of the two cache files.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "bench")]

from draw_pairs import distinct  # noqa: E402
from kiosque_core import background  # noqa: E402
from kiosque_stories import index, shingles, store  # noqa: E402
from make_corpus import records  # noqa: E402

CONFIGS = ("all:64:28x2", "near:64:28x2", "near:128:64x2")


def post(record: dict) -> SimpleNamespace:
    return SimpleNamespace(metadata={"summary": record["lede"]}, _content=record["body"], title=record["title"],
                           date=datetime.fromisoformat(record["date"]))


def configure(config: str) -> None:
    days, permutations, bands = config.split(":")
    shingles.PERMUTATIONS, index.LSH_BANDS = int(permutations), tuple(map(int, bands.split("x")))
    shingles._template.cache_clear()
    index.near = NEAR if days == "near" else (lambda a, b: True)


NEAR = index.near


def update(folder: Path, articles: dict) -> tuple[float, index.Index]:
    started = time.process_time()
    built = index.Index(folder)
    built.update(articles, 1)
    seconds = time.process_time() - started
    built.save()
    background.wait_for_saves()
    return seconds, built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=36000)
    parser.add_argument("--config", nargs="*", default=list(CONFIGS))
    args = parser.parse_args()
    articles = {f"{record['id']}.md": post(record) for record in distinct(records())[:args.count]}
    last = list(articles)[-1]
    print(f"{len(articles):,} distinct texts")
    for config in args.config:
        configure(config)
        with tempfile.TemporaryDirectory(prefix="stories-cost-") as folder:
            held = {key: value for key, value in articles.items() if key != last}
            full, built = update(Path(folder), held)
            plus, _ = update(Path(folder), articles)
            sizes = [(Path(folder) / name).stat().st_size / 1e6 for name in (store.NAME, store.LSH_NAME)]
        print(f"{config}: full {full:.1f} s CPU, +1 {plus:.2f} s CPU, {len(built.pairs):,} pairs measured, "
              f"cache {sizes[0]:.1f} MB + LSH {sizes[1]:.1f} MB")


if __name__ == "__main__":
    main()
