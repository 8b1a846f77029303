"""Editors' corrections to the archive's entities: ``content/entities-corrections.toml``.

A committed TOML file that every build honours (at ``article_generator_pretaxonomy``, through
``build.canonical_tags``): posts keep the names they were written with, and the build shows the
corrected ones. Four kinds of correction, each a table::

    [rename]            # the name as the archive has it = the name it should have
    "Vincent Lagaf" = "Vincent Lagaffe"

    [merge]             # the name to keep = the other names of the same entity
    "Front national" = ["FN", "Front National"]

    [type]              # PER, LOC, ORG, or OTHER (a tag, never a person, place or organisation)
    "Kilauea" = "LOC"

    [never]             # never an entity nor a tag
    names = ["The Voice", "Complément"]

Names are compared case- and accent-blind. An absent file corrects nothing; a malformed one is
reported (file, line, reason) and the build goes on without it.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kiosque_core.folding import fold

log = logging.getLogger(__name__)

FILE_NAME = "entities-corrections.toml"
TYPES = ("PER", "LOC", "ORG", "OTHER")
TABLES = ("rename", "merge", "type", "never")
MAX_CHAIN = 20  # rename chains (A → B, B → C) are followed this far; a loop is an error


class CorrectionsError(ValueError):
    """A malformed corrections file; the message names the file, the line and the reason."""


@dataclass
class Corrections:
    renames: dict[str, str] = field(default_factory=dict)  # folded name → corrected name
    types: dict[str, str] = field(default_factory=dict)  # folded name → type
    never: frozenset[str] = frozenset()  # folded names

    def __bool__(self) -> bool:
        return bool(self.renames or self.types or self.never)

    def renamed(self, name: str) -> str | None:
        """The corrected name of ``name``, None when no correction renames it."""
        return self.renames.get(fold(name))

    def is_never(self, name: str) -> bool:
        return fold(name) in self.never

    def type_of(self, name: str, default: str) -> str:
        return self.types.get(fold(name), default)


def path_for(settings: dict) -> Path:
    """``KIOSQUE_CORRECTIONS``, by default ``entities-corrections.toml`` in the content folder."""
    explicit = settings.get("KIOSQUE_CORRECTIONS")
    return Path(explicit) if explicit else Path(settings.get("PATH") or "content") / FILE_NAME


def load(path: Path) -> Corrections:
    """The file's corrections; none when it is absent or malformed (then logged as an error)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Corrections()
    except (OSError, UnicodeDecodeError) as exc:
        log.error("%s: unreadable (%s); entity corrections not applied", path, exc)
        return Corrections()
    try:
        return parse(text, path)
    except CorrectionsError as exc:
        log.error("%s; entity corrections not applied", exc)
        return Corrections()


def parse(text: str, path: Path | str = FILE_NAME) -> Corrections:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise CorrectionsError(f"{path}:{where.group(1) if where else '?'}: {reason}") from None
    problem = _Problem(text, path)
    for table in data:
        if table not in TABLES:
            raise problem(f"[{table}]", f"unknown table [{table}] (expected one of {', '.join(TABLES)})")
        if not isinstance(data[table], dict):
            raise problem(table, f"{table} must be a table: [{table}]")
    pairs = []  # (source, target) of every rename and merge
    for source, target in data.get("rename", {}).items():
        if not isinstance(target, str) or not target.strip():
            raise problem(source, f"rename « {source} »: the new name must be a text")
        pairs.append((source, target.strip()))
    for target, sources in data.get("merge", {}).items():
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise problem(target, f"merge « {target} »: the names to merge must be a list of texts")
        pairs += [(source, target) for source in sources]
    types = {}
    for name, type_ in data.get("type", {}).items():
        if type_ not in TYPES:
            raise problem(name, f"type « {name} »: {type_!r} is not one of {', '.join(TYPES)}")
        types[fold(name)] = type_
    never = data.get("never", {}).get("names", [])
    if not isinstance(never, list) or not all(isinstance(n, str) for n in never):
        raise problem("names", "never: names must be a list of texts")
    extra = set(data.get("never", {})) - {"names"}
    if extra:
        raise problem(sorted(extra)[0], f"never: unknown key « {sorted(extra)[0]} » (expected names)")
    return Corrections(_follow(pairs, problem), types, frozenset(fold(n) for n in never))


def _follow(pairs: list[tuple[str, str]], problem) -> dict[str, str]:
    """Renames with their chains followed (A → B and B → C: A → C); a name given two different
    new names, or a loop, is an error."""
    direct: dict[str, str] = {}
    written: dict[str, str] = {}  # folded → as the file writes it, for messages
    for source, target in pairs:
        key = fold(source)
        written.setdefault(key, source)
        if key in direct and fold(direct[key]) != fold(target):
            raise problem(source, f"« {source} » is renamed twice ({direct[key]}, {target})")
        if key != fold(target) or source != target:
            direct[key] = target
    resolved = {}
    for key, target in direct.items():
        for _ in range(MAX_CHAIN):
            following = direct.get(fold(target))
            if following is None or fold(following) == fold(target):
                break
            target = following
        else:
            raise problem(written[key], f"the renames of « {written[key]} » loop")
        resolved[key] = target
    return resolved


class _Problem:
    """Builds the error for a key: the file and the first line that writes it."""

    def __init__(self, text: str, path):
        self.lines, self.path = text.splitlines(), path

    def __call__(self, key: str, reason: str) -> CorrectionsError:
        quoted = (f'"{key}"', f"'{key}'", f"{key} ", f"{key}=", key) if not key.startswith("[") else (key,)
        line = next((i for i, text in enumerate(self.lines, 1) if text.strip().startswith(quoted)), None)
        line = line or next((i for i, text in enumerate(self.lines, 1) if f'"{key}"' in text), "?")
        return CorrectionsError(f"{self.path}:{line}: {reason}")
