"""What one added article costs with issue 16's pages (dossiers, the archive in time) and without.

    .venv/bin/python bench/bench_time.py [--size 10000] [--raw /work/data/raw-10000] [--fresh] [--prepare]

One site of N raw articles is built with the default settings (import with tags, Pelican, search)
and kept as a base (bench/data/time-N/base; ``--fresh`` builds it again, ``--prepare`` only
builds it, so that the measured steps can run later). Two copies of it are
then rebuilt side by side, on the same posts:

  before  ``BEFORE``: no dossier on term pages, no heat map on /archives/ and the year pages, no
          « Ce jour-là » pages (the theme as it was before issue 16, month and day headings aside)
  after   the default settings

Each copy is rebuilt with its settings (the « before » copy renders every page again), then with
nothing changed, then gets

  +1 newest       one raw article dated the day after the newest one (today's news)
  +1 mid-archive  the corpus's next article after the archive (its date falls inside it)

the same raw files for both. The copies take turns at each step (before, then after), under the
same path (a build's caches name it), so that both meet the machine's load of the moment. Printed
for each step and copy: pages written (the incremental writer's count), wall and CPU seconds
(the build and its children: steadier than wall time on a shared machine), the load; then the
output's files (search bundle and static files included), HTML pages and MB. Results go to
bench/results/<stamp>-time-<N>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402
from run_all import DATA, RESULTS, Measure, newest_raw, pelican_command, run, with_output  # noqa: E402

BEFORE = ["KIOSQUE_DOSSIERS=false", "KIOSQUE_TIME_CHARTS=false",
          'KIOSQUE_THIS_DAY_SAVE_AS=""', 'KIOSQUE_THIS_DAYS_SAVE_AS=""']
VARIANTS = {"before": BEFORE, "after": []}
STEPS = ("settings", "no change", "+1 newest", "+1 mid-archive")


def build_base(size: int, raw: Path | None, folder: Path, logs: Path) -> Path:
    """The imported and built site both copies start from (made once, unless it is missing)."""
    base, site = folder / "base", folder / "site"
    if base.is_dir():
        return base
    seeds = site / "content" / "seeds"
    if seeds.is_dir():  # a base build that failed or was stopped: its import is kept, the build goes on
        print(f"base: continuing the build in {site}", flush=True)
    else:
        seeds.mkdir(parents=True)
        if raw is None:
            make_corpus.write_corpus(size, seeds)
        else:  # copied, not linked: the bench's inputs are never the shared folder's files
            for path in sorted(raw.glob("*.txt")):
                shutil.copy2(path, seeds / path.name)
    print(f"base: {len(list(seeds.glob('*.txt')))} raw articles", flush=True)
    log = logs / "base-full.log"
    if not run("base full", pelican_command(site, "pelicanconf.py"), log).ok:
        raise SystemExit(f"the base build failed (see {log}); run again to continue it")
    os.rename(site, base)
    return base


def added_articles(size: int, folder: Path, posts: Path) -> dict[str, Path]:
    """The raw file each +1 step adds: the same for both copies."""
    mid = folder / "mid-archive"
    shutil.rmtree(mid, ignore_errors=True)
    [middle] = make_corpus.write_corpus(1, mid, start=size)
    return {"+1 newest": newest_raw(size, posts), "+1 mid-archive": middle}


def stamps(output: Path) -> dict[str, int]:
    """Every HTML page of the output (search bundle aside) and its modification time."""
    found = {}
    for base, dirs, files in os.walk(output):
        dirs[:] = [d for d in dirs if not (Path(base) == output and d == "pagefind")]
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(base, name)
                found[os.path.relpath(path, output)] = os.stat(path).st_mtime_ns
    return found


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """The pages a build wrote or made."""
    return sorted(path for path, stamp in after.items() if before.get(path) != stamp)


def by_folder(pages: list[str]) -> dict[str, int]:
    """How many pages in each first folder (« articles », « tags », …; « / » for the root)."""
    return dict(Counter(path.split(os.sep)[0] if os.sep in path else "/" for path in pages).most_common())


def step(name: str, variant: str, folder: Path, logs: Path, add: Path | None) -> tuple[Measure, list[str]]:
    """One build of one copy, moved to the site's path for it and back; with the pages it wrote."""
    site, kept = folder / "site", folder / variant
    os.rename(kept, site)
    try:
        if add is not None:
            shutil.copy2(add, site / "content" / "seeds" / add.name)
        earlier = stamps(site / "output")
        command = pelican_command(site, "pelicanconf.py", *VARIANTS[variant])
        measure = run(f"{variant} {name}", command, logs / f"{variant}-{name.replace(' ', '-')}.log")
        return with_output(measure, site / "output"), changed(earlier, stamps(site / "output"))
    finally:
        os.rename(site, kept)


def table(measures: dict[str, dict[str, Measure]], where: dict[str, dict[str, list[str]]]) -> str:
    lines = [f"{'step':16} {'copy':7} {'written':>8} {'wall s':>7} {'cpu s':>7} {'load':>5} "
             f"{'files':>7} {'pages':>7} {'MB':>7}"]
    for name in STEPS:
        for variant in VARIANTS:
            m = measures[name][variant]
            flag = "" if m.ok else "  FAILED"
            lines.append(f"{name:16} {variant:7} {m.written:8d} {m.seconds:7.1f} {m.cpu_seconds:7.1f} {m.load:5.1f} "
                         f"{m.files:7d} {m.pages:7d} {m.output_mb:7.1f}{flag}")
    for name in ("+1 newest", "+1 mid-archive"):
        for variant in VARIANTS:
            lines.append(f"{name} {variant}, pages by folder: {by_folder(where[name][variant])}")
        extra = sorted(set(where[name]["after"]) - set(where[name]["before"]))
        lines.append(f"{name}, written after only: {' '.join(extra)}")
        before, after = measures[name]["before"], measures[name]["after"]
        lines.append(f"{name}: after / before = {after.written - before.written:+d} pages, "
                     f"CPU {after.cpu_seconds / before.cpu_seconds:.2f}x, wall {after.seconds / before.seconds:.2f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000, help="raw articles in the archive (default 10,000)")
    parser.add_argument("--raw", type=Path, help="a folder of that many raw articles (else made from the corpus)")
    parser.add_argument("--fresh", action="store_true", help="import and build the base again")
    parser.add_argument("--prepare", action="store_true", help="only build the base (the long import)")
    args = parser.parse_args(argv)
    folder = DATA / f"time-{args.size}"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    logs = RESULTS / "logs" / f"{stamp}-time-{args.size}"
    if args.fresh:
        for kept in ("base", "site"):
            shutil.rmtree(folder / kept, ignore_errors=True)
    base = build_base(args.size, args.raw, folder, logs)
    if args.prepare:
        return 0
    added = added_articles(args.size, folder, base / "content" / "posts")
    for variant in VARIANTS:
        shutil.rmtree(folder / variant, ignore_errors=True)
        shutil.copytree(base, folder / variant, symlinks=True)
    measures: dict[str, dict[str, Measure]] = {}
    where: dict[str, dict[str, list[str]]] = {}
    for name in STEPS:
        measures[name], where[name] = {}, {}
        for variant in VARIANTS:
            measures[name][variant], where[name][variant] = step(name, variant, folder, logs, added.get(name))
    print(table(measures, where), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {"date": stamp, "size": args.size, "before": BEFORE, "cpus": os.cpu_count(), "steps": {
        name: {variant: asdict(m) | {"pages_by_folder": by_folder(where[name][variant]),
                                     "pages": where[name][variant] if name.startswith("+1") else []}
               for variant, m in by.items()}
        for name, by in measures.items()}}
    (RESULTS / f"{stamp}-time-{args.size}.json").write_text(json.dumps(report, indent=1))
    return 0 if all(m.ok for by in measures.values() for m in by.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
