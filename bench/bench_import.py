"""Import benchmark: raw articles per second and peak memory of `python -m kiosque_import`.

    .venv/bin/python bench/bench_import.py [--sizes 1000] [--plugins]

Makes raw-article folders from the OrangeSum corpus (bench/make_corpus.py), imports each into an
empty posts folder in a child process (a first import), then imports again (nothing to do), and
prints seconds, articles per second and the child's peak resident memory. ``--plugins`` loads
pelicanconf.py's plugins (kiosque_tags enrichment included); without it, the bare conversion.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"


def raw_folder(size: int) -> Path:
    folder = DATA / f"raw-{size}"
    if not folder.exists() or len(list(folder.glob("*.txt"))) != size:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(size), str(folder)], check=True)
    return folder


def timed_import(seeds: Path, posts: Path, plugins: bool) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one import run in a child process."""
    command = [sys.executable, "-m", "kiosque_import", "--seeds", str(seeds), "--posts", str(posts),
               "--report", str(posts.parent / "report.json"), "--settings", str(ROOT / "pelicanconf.py")]
    if not plugins:
        command.append("--no-plugins")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "KIOSQUE_PROGRESS": "0"}
    start = time.perf_counter()
    # A fresh interpreter per run, so ru_maxrss of the children is this run's peak.
    wrapper = [sys.executable, "-c",
               "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)", *command]
    out = subprocess.run(wrapper, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, int(out.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--plugins", action="store_true")
    args = parser.parse_args()
    print(f"{'articles':>9} {'first import s':>15} {'art/s':>8} {'peak MiB':>9} {'re-import s':>12} {'ratio':>6}")
    for size in [int(s) for s in args.sizes.split(",")]:
        seeds = raw_folder(size)
        with tempfile.TemporaryDirectory() as tmp:
            posts = Path(tmp) / "posts"
            first, peak = timed_import(seeds, posts, args.plugins)
            again, _ = timed_import(seeds, posts, args.plugins)
        print(f"{size:>9} {first:>15.2f} {size / first:>8.0f} {peak:>9.0f} {again:>12.2f} {again / first:>6.2f}")
    resource.getrusage(resource.RUSAGE_SELF)


if __name__ == "__main__":
    main()
