"""Processes that take a batch's per-article work (the model, then the analysis) so that both
cores are busy; the main process only learns (registry) and writes, which must stay in order."""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from . import firstnames, ner

_pools: dict[int, ProcessPoolExecutor] = {}


def spread(func, items: list, args: tuple, processes: int, model: str) -> list:
    """``func(part, *args)`` over ``processes`` contiguous parts of ``items``, results in order;
    processes started here have ``model`` loaded (none when ``model`` is empty)."""
    if processes <= 1 or len(items) < 2:
        return func(items, *args)
    size = -(-len(items) // processes)
    parts = [items[i:i + size] for i in range(0, len(items), size)]
    results = _pool(processes, model).map(func, parts, *[[arg] * len(parts) for arg in args])
    return [item for part in results for item in part]


def _pool(processes: int, model: str) -> ProcessPoolExecutor:
    """Processes kept until the import ends: loading the model costs seconds, so a pool per batch
    (what ``nlp.pipe(n_process=…)`` does) would pay it again for every 500 articles. Forked, so
    they start with the model and the first names loaded here once, in memory they share."""
    if processes not in _pools:
        if model:
            ner.load(model)
        firstnames.load()
        _pools[processes] = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))
    return _pools[processes]


def close() -> None:
    """Stop the processes: the build that follows the import needs their memory."""
    while _pools:
        _pools.popitem()[1].shutdown(wait=True, cancel_futures=True)


atexit.register(close)
