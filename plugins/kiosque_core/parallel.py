"""Share a list of jobs between the cores: forked children take every other run of jobs.

A forked child gets the whole site model for free (copy-on-write); it does its side effects
itself (writing pages) and only sends back small results. The build's per-article work is pure
Python, so threads would not help. Used by the writer (reading posts, fingerprinting and
rendering pages) and by the theme and search plugins (related articles, search digests).
"""

from __future__ import annotations

import os
import pickle

MIN_JOBS = 64  # below this, forking costs more than it saves
# Jobs are dealt in runs of consecutive jobs, not one by one: an article page's fingerprint reads
# its neighbours and related articles, mostly close in date, hence in the same run, and each
# process digests an article once. Runs are short enough to share a cluster of costly pages.
RUN = 128


def processes(settings: dict) -> int:
    """How many processes share a build's work: ``KIOSQUE_WRITE_PROCESSES``, else one per core."""
    return int(settings["KIOSQUE_WRITE_PROCESSES"] or os.cpu_count() or 1)


def _share(count: int, processes: int, index: int) -> list[int]:
    return [i for i in range(count) if (i // RUN) % processes == index]


def run(jobs: list, work, processes: int) -> list:
    """``[work(job) for job in jobs]``, split between this process and ``processes - 1`` children.

    ``work`` must return something picklable and do its side effects (writing files) itself.
    """
    if processes < 2 or len(jobs) < MIN_JOBS or not hasattr(os, "fork"):
        return [work(job) for job in jobs]
    shares = [_share(len(jobs), processes, index) for index in range(processes)]
    shares = [share for share in shares if share]
    children = []
    for share in shares[1:]:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_end)
            _child([jobs[i] for i in share], work, write_end)
        os.close(write_end)
        children.append((share, pid, read_end))
    results: list = [None] * len(jobs)
    for i in shares[0]:
        results[i] = work(jobs[i])
    failures = []
    for share, pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not payload:
            failures.append(pid)
            continue
        outcome = pickle.loads(payload)
        if isinstance(outcome, BaseException):
            raise outcome
        for i, result in zip(share, outcome, strict=True):
            results[i] = result
    if failures:
        raise RuntimeError(f"forked process(es) {failures} died before sending their results")
    return results


def _child(jobs: list, work, write_end: int) -> None:
    code = 0
    try:
        try:
            outcome = [work(job) for job in jobs]
        except Exception as error:  # sent to the parent, which raises it
            outcome = error
            code = 0
        payload = pickle.dumps(outcome)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        code = 1
    finally:
        # Never return into Pelican's run in the child, nor run its exit handlers.
        os._exit(code)
