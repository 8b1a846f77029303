"""Stories benchmark: what version detection finds in an archive and what it costs.

    .venv/bin/python bench/bench_stories.py 35987 [--workdir DIR] [--tags] [--search]

Writes the first N OrangeSum records as raw files (bench/make_corpus.py), holds back one that is
an edited version of another (« Deux militaires rattachés à la DGSE écroués… », record 31994, when
N is large enough, else the last one), builds the archive from raw files, then adds the held-back
file and builds again (+1), then once more with nothing changed. Prints the posts,
re-publications, stories and versions found, the titles the lists show twice, and the seconds the
detection took in each build (the ``kiosque_stories`` step: text digests, shingles, MinHash, LSH,
rules) beside the whole build's. Tags and search are off unless asked for: they cost most of a
full build and nothing to the detection.
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "bench")]

from make_corpus import write_corpus  # noqa: E402

HELD_BACK = 31994  # the DGSE story's second version (its first is record 32042)


class Listed:
    """At ``article_generator_finalized``: the articles the lists show, and the step's figures."""

    def __init__(self):
        self.titles: list[str] = []
        self.texts: list[tuple[str, str]] = []
        self.stats: dict = {}

    def __call__(self, generator):
        from kiosque_import.sametext import normalize
        from kiosque_stories.index import body_text

        self.titles = [normalize(article.title) for article in generator.articles]
        self.texts = [(normalize(article.title), normalize(body_text(article))) for article in generator.articles]
        self.stats = dict(generator.context.get("kiosque_stories", {}))
        self.hidden = len(generator.hidden_articles)
        self.groups = collections.Counter(len(a.versions) for a in generator.articles if len(a.versions) > 1)
        # Every article's story, byte for byte comparable between two runs (``--stories``).
        self.stories = sorted(f"{a.slug}\t{a.story}\t{a.version_count}\t{a.latest_version}\n"
                              for a in [*generator.articles, *generator.hidden_articles])


def build(content: Path, work: Path, settings: dict) -> tuple[float, Listed]:
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    listed = Listed()
    signals.article_generator_finalized.connect(listed)
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(work / "output"), "CACHE_PATH": str(work / "cache"),
                 "KIOSQUE_REPORT": str(work / ".kiosque" / "import-report.json"), **settings}
    start = time.perf_counter()
    try:
        Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=overrides)).run()
    finally:
        signals.article_generator_finalized.disconnect(listed)
    return time.perf_counter() - start, listed


def report(label: str, seconds: float, listed: Listed) -> None:
    twice = sum(count - 1 for count in collections.Counter(listed.titles).values() if count > 1)
    same_text = sum(count - 1 for count in collections.Counter(listed.texts).values() if count > 1)
    stats = listed.stats
    print(f"{label}: build {seconds:.1f} s, detection {stats.get('seconds', 0):.2f} s "
          f"({100 * stats.get('seconds', 0) / seconds:.1f} %), articles shingled and queried {stats.get('queried')}")
    print(f"  listed articles (stories) {len(listed.titles)}, hidden versions {stats.get('versions_hidden')}, "
          f"stories of 2+ versions {sum(listed.groups.values())} {dict(sorted(listed.groups.items()))}")
    print(f"  titles shown twice in lists {twice}, of which the same title and text (re-publications) {same_text}")
    common = [(title[:60], count) for title, count in collections.Counter(listed.titles).most_common(5) if count > 1]
    print(f"  most repeated titles: {common}")


def write_stories(path: Path | None, build_number: int, listed: Listed) -> None:
    if path is not None:
        Path(f"{path}.{build_number}").write_text("".join(listed.stories), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--tags", action="store_true")
    parser.add_argument("--search", action="store_true")
    parser.add_argument("--stories", type=Path, help="write each article's story after each build to FILE.1, .2, .3")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kiosque-stories-"))
    content = work / "content"
    shutil.rmtree(work / "output", ignore_errors=True)
    shutil.rmtree(work / "cache", ignore_errors=True)
    shutil.rmtree(content / "posts", ignore_errors=True)
    files = write_corpus(args.count, content / "seeds")
    held = files[HELD_BACK if args.count > 32042 else -1]
    aside = work / held.name
    held.replace(aside)
    settings = {"KIOSQUE_TAGS": args.tags, "KIOSQUE_SEARCH": args.search}
    seconds, listed = build(content, work, settings)
    imported = json.loads((work / ".kiosque" / "import-report.json").read_text(encoding="utf-8"))
    print(f"{args.count - 1} raw files: {len(imported['new'])} posts, {len(imported['republished'])} re-publications "
          f"joined to a post, {len(imported['duplicates'])} byte-identical duplicates skipped")
    report("full build from raw files", seconds, listed)
    write_stories(args.stories, 1, listed)
    aside.replace(held)
    seconds, listed = build(content, work, settings)
    report(f"+1 ({held.name})", seconds, listed)
    write_stories(args.stories, 2, listed)
    seconds, listed = build(content, work, settings)
    report("rebuild, nothing changed", seconds, listed)
    write_stories(args.stories, 3, listed)
    print(f"work folder: {work}")


if __name__ == "__main__":
    main()
