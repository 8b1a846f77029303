"""Processes that take a batch's per-article work (the model, then the analysis) so that both
cores are busy; the main process only learns (registry) and writes, which must stay in order."""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from kiosque_core import collector

from . import firstnames, lexicon, ner

# What the processes forked for one ``spread`` call work on: they find it in the memory they
# share with this process, so neither the batch nor the registry is pickled to them.
_job: tuple = ()


_kept: dict[tuple[int, str], ProcessPoolExecutor] = {}


def spread(func, items: list, args: tuple, processes: int, model: str, kept: bool = False) -> list:
    """``func(part, *args)`` over ``processes`` contiguous parts of ``items``, results in order;
    processes started here have ``model`` loaded (none when ``model`` is empty). ``kept``: see
    ``start``."""
    if processes <= 1 or len(items) < 2:
        return func(items, *args)
    return start(func, items, args, processes, model, kept).result()


class Running:
    """Processes at work on the parts of one call; ``result()`` waits for them."""

    def __init__(self, pool: ProcessPoolExecutor, futures: list, kept: bool):
        self._pool, self._futures, self._kept = pool, futures, kept

    def result(self) -> list:
        try:
            parts = [future.result() for future in self._futures]
        finally:
            if not self._kept:
                self._pool.shutdown(wait=True, cancel_futures=True)
        return [item for part in parts for item in part]


def start(func, items: list, args: tuple, processes: int, model: str, kept: bool = False) -> Running:
    """``spread`` without waiting: the caller goes on with its own work meanwhile.

    ``kept``: by processes kept until the import ends, ``items`` and ``args`` pickled to them (for
    the model, whose inputs are short texts): its tokenizer cache and vocabulary keep the words
    they met, which processes forked for one call throw away (a cold model read a head ~5 % slower
    in a test on this machine). Otherwise processes are forked for this call and find its items
    and args in the memory they share with this one (the analysis: the batch and the registry)."""
    if model:
        ner.load(model)  # once, here: every process forked after shares it
    firstnames.load()
    lexicon.load()
    size = -(-max(len(items), 1) // processes)
    bounds = [(begin, begin + size) for begin in range(0, len(items), size)] or [(0, 0)]
    if kept:
        if (processes, model) not in _kept:
            _kept[processes, model] = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))
        pool = _kept[processes, model]
        return Running(pool, [pool.submit(func, items[a:b], *args) for a, b in bounds], kept=True)
    global _job
    _job = (func, items, args)
    # Forked for this call, with what it works on (the registry is read-only until the call
    # returns): pickling the registry to long-lived processes cost more, and grew with it. The
    # objects of this process are frozen meanwhile, so that a collection in a child does not
    # write to (hence copy) every page it shares with this one; they stay frozen if the import
    # froze them.
    try:
        with collector.frozen():
            pool = ProcessPoolExecutor(len(bounds), mp_context=multiprocessing.get_context("fork"))
            # With "fork", the executor forks all its processes at the first submit, so they see _job.
            futures = [pool.submit(_part, part) for part in bounds]
    finally:
        _job = ()
    return Running(pool, futures, kept=False)


_warm: dict[str, ProcessPoolExecutor] = {}


def warm(model: str) -> None:
    """One process starts loading the model now, for a batch too small to spread over processes
    (adding an article or two): loading it takes 1.7 s, and what the import does before the model
    is needed goes on meanwhile on another core. Unless the model is loaded here already."""
    if model and model not in _warm and not ner.load.cache_info().currsize:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        pool.submit(ner.load_only, model)  # forks now, while this process is small
        _warm[model] = pool


def recognise_warm(texts: list[str], model: str) -> list | None:
    """``ner.recognise`` by the process ``warm`` started, or None when none was."""
    pool = _warm.get(model)
    return None if pool is None else pool.submit(ner.recognise, texts, model).result()


def _part(bounds: tuple[int, int]) -> list:
    func, items, args = _job
    return func(items[bounds[0]:bounds[1]], *args)


def close() -> None:
    """Stop the kept processes: the build that follows the import needs their memory. A warm
    process the import did not need ends once its model is loaded, without being waited for."""
    while _kept:
        _kept.popitem()[1].shutdown(wait=True, cancel_futures=True)
    while _warm:
        _warm.popitem()[1].shutdown(wait=False, cancel_futures=True)


atexit.register(close)
