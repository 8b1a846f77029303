"""Processes that take a batch's per-article work (the model, then the analysis) so that both
cores are busy; the main process only learns (registry) and writes, which must stay in order."""

from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from . import firstnames, ner

# What the processes forked for one ``spread`` call work on: they find it in the memory they
# share with this process, so neither the batch nor the registry is pickled to them.
_job: tuple = ()


def spread(func, items: list, args: tuple, processes: int, model: str) -> list:
    """``func(part, *args)`` over ``processes`` contiguous parts of ``items``, results in order;
    processes started here have ``model`` loaded (none when ``model`` is empty)."""
    if processes <= 1 or len(items) < 2:
        return func(items, *args)
    if model:
        ner.load(model)  # once, here: every process forked after shares it
    firstnames.load()
    size = -(-len(items) // processes)
    bounds = [(start, start + size) for start in range(0, len(items), size)]
    global _job
    _job = (func, items, args)
    # Forked for this call, with what it works on (the registry is read-only until the call
    # returns): pickling the registry to long-lived processes cost more, and grew with it. The
    # objects of this process are frozen meanwhile, so that a collection in a child does not
    # write to (hence copy) every page it shares with this one.
    gc.freeze()
    try:
        with ProcessPoolExecutor(len(bounds), mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_part, bounds))
    finally:
        gc.unfreeze()
        _job = ()
    return [item for part in results for item in part]


def _part(bounds: tuple[int, int]) -> list:
    func, items, args = _job
    return func(items[bounds[0]:bounds[1]], *args)


def close() -> None:
    """Nothing outlives a ``spread`` call any more; kept for the import's end signal."""
