"""Compiled regular expressions kept on disk, for the one that makes loading the model slow.

Importing spaCy's French language data compiles one regular expression of some 100 kB (the
tokenizer's exceptions, ``spacy.lang.fr.tokenizer_exceptions.TOKEN_MATCH``), which takes Python's
``re`` compiler, itself written in Python, about 3.5 s of CPU: most of the time the model takes to
load, paid by every import. The compiled program is a list of integers that ``_sre.compile`` turns
back into the same pattern in milliseconds; it is kept per pattern and Python version.

``re`` internals are used, so only on the Python versions whose compiler this mirrors (tested:
the pattern rebuilt from the cache equals the one ``re.compile`` makes); anything unexpected falls
back to compiling.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import sys
from array import array
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

LONG = 20_000  # characters: shorter patterns compile fast enough
SUPPORTED = {(3, 11), (3, 12), (3, 13)}  # re._compiler.compile as mirrored in ``_compile``


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kiosque" / "regex"


@contextmanager
def cached_long_patterns(where: Path | None = None):
    """Within the block, long patterns compile from (and into) the disk cache."""
    internals = getattr(re, "_compiler", None)
    original = getattr(internals, "compile", None)
    if sys.version_info[:2] not in SUPPORTED or original is None or os.environ.get("KIOSQUE_NO_REGEX_CACHE"):
        yield
        return
    where = where or folder()

    def compile_(p, flags=0):
        if not isinstance(p, str) or len(p) < LONG:
            return original(p, flags)
        try:
            return _compile(p, flags, where)
        except Exception as exc:  # noqa: BLE001 - a cache: compiling is always right
            log.debug("regex cache unused: %s", exc)
            return original(p, flags)

    internals.compile = compile_
    try:
        yield
    finally:
        internals.compile = original


def _compile(pattern: str, flags: int, where: Path):
    import _sre

    key = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{flags}\0{pattern}".encode()).hexdigest()
    # JSON, not pickle: a cache file is data, never code to run. _sre checks the program it is
    # given and raises on an invalid one, which falls back to compiling.
    path = where / f"{key}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        code = array("I", base64.b64decode(stored["code"])).tolist()
        program = (stored["flags"], code, stored["groups"], stored["groupindex"], tuple(stored["indexgroup"]))
    except (OSError, ValueError, TypeError, KeyError):
        program = _program(pattern, flags)
        final_flags, code, groups, groupindex, indexgroup = program
        try:
            from kiosque_core.storage import write_atomic

            stored = {"flags": final_flags, "code": base64.b64encode(array("I", code).tobytes()).decode(),
                      "groups": groups, "groupindex": groupindex, "indexgroup": list(indexgroup)}
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps(stored), durable=False)
        except (OSError, OverflowError) as exc:
            log.debug("regex cache not written: %s", exc)
    return _sre.compile(pattern, *program)


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` besides the pattern."""
    parsed = re._parser.parse(pattern, flags)
    code = re._compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)
