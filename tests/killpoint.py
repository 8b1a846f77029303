"""Run a module (the import, a build) stopped at a chosen point, for a fault test to kill it there.

    python tests/killpoint.py WHEN:TEXT:N MARKER -m MODULE ARGS...

The process freezes itself (SIGSTOP, every thread) at the N-th write of a path that contains
TEXT, before it or after it (WHEN), once it has created the file MARKER. The test waits for
MARKER to appear, an observable state, and kills the process group: no sleep, no guess of how
long a run takes. A write is a rename onto the path (``os.replace``, ``os.rename``: every atomic
write of Kiosque, ``storage.write_atomic``, and a search bundle put in place by ``shutil.move``),
``before`` it the temp file is whole and not yet in place; or an ``open`` for writing (a page
written in place), ``after`` which the file is there and still empty. Nothing else is changed:
the process runs the real code up to the point, then stops. Forked children count on their own.
"""

from __future__ import annotations

import builtins
import io
import os
import runpy
import signal
import sys


def install(when: str, text: str, nth: int, marker: str) -> None:
    seen = 0
    real_open, real_rename = builtins.open, os.rename

    def freeze() -> None:
        # Written whole under a temp name, then renamed: the test reads the pid of a process
        # that is stopped, or about to be.
        temp = f"{marker}.{os.getpid()}"
        with real_open(temp, "w", encoding="utf-8") as handle:
            handle.write(str(os.getpid()))
        real_rename(temp, marker)
        os.kill(os.getpid(), signal.SIGSTOP)

    def counted(real, target, writes):
        def call(*args, **kwargs):
            nonlocal seen
            path = args[target] if len(args) > target else kwargs.get(("file", "dst")[target])
            mode = args[1] if len(args) > 1 else kwargs.get("mode", "r")
            if not isinstance(path, (str, bytes, os.PathLike)) or text not in os.fsdecode(path) or not writes(mode):
                return real(*args, **kwargs)
            seen += 1
            if seen == nth and when == "before":
                freeze()
            result = real(*args, **kwargs)
            if seen == nth and when == "after":
                freeze()
            return result
        return call

    def renames(_):
        return True

    def writes(mode):
        return isinstance(mode, str) and any(letter in mode for letter in "wxa+")

    os.replace, os.rename = counted(os.replace, 1, renames), counted(os.rename, 1, renames)
    builtins.open = io.open = counted(real_open, 0, writes)


def main(argv: list[str]) -> None:
    point, marker, flag, module, *args = argv
    assert flag == "-m", "usage: killpoint.py WHEN:TEXT:N MARKER -m MODULE ARGS..."
    when, text, nth = point.split(":")
    assert when in ("before", "after"), when
    install(when, text, int(nth), marker)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
