"""What the previous build wrote: output path -> fingerprint of the page's inputs.

Kept in the cache folder. It is removed when a build starts writing and saved (atomically) when
the build ends, so an interrupted build leaves no state claiming pages it may have changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kiosque_core.storage import write_atomic

NAME = "kiosque-incremental.json"
VERSION = 1


def state_path(cache_path: str | os.PathLike) -> Path:
    return Path(cache_path) / NAME


def take(cache_path, output_path) -> dict[str, str | None]:
    """The previous build's outputs, if they were written to this same output folder; the state
    file is removed so that a build that does not finish leaves none behind."""
    path = state_path(cache_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    path.unlink(missing_ok=True)
    if data.get("version") != VERSION or data.get("output") != str(Path(output_path).resolve()):
        return {}
    outputs = data.get("outputs")
    return outputs if isinstance(outputs, dict) else {}


def save(cache_path, output_path, outputs: dict[str, str | None]) -> None:
    path = state_path(cache_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": VERSION, "output": str(Path(output_path).resolve()),
            "outputs": dict(sorted(outputs.items()))}
    write_atomic(path, json.dumps(data, separators=(",", ":")), durable=False)
