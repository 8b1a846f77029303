"""Named subjects that are no entity but what a story is about (« l'affaire Benalla », « le
coronavirus », « la loi Travail », « les attentats du 13-Novembre »): found in the text for the
ranking (ranking.py) alone, never people, places nor organisations. The analysis finds such names
only when capitalised or quoted; a lowercase head (« affaire », « loi ») or an epidemic written in
lowercase escapes it, and those are the tags a reader looks for."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from kiosque_core.folding import fold

from .analysis import Cluster

# A capitalised name after its head: words with a capital (or a date such as « 13-Novembre »),
# joined by spaces or a particle (« affaire Dupont de Ligonnès »).
_WORD = r"(?:[A-ZÀ-ÖØ-Þ]|\d{1,2}-[A-ZÀ-ÖØ-Þ])[\w’'-]*"
_NAME = rf"{_WORD}(?:\s+(?:(?:de|du|des)\s+|d[’']){_WORD}|\s+{_WORD})*"
# An affair, a law or an attack named after what it is about; the head is kept lowercase, as
# French writes it in a sentence (« l'affaire Fillon », « la loi Avia »).
_HEADS = r"[Aa]ffaire|[Ll]oi|[Aa]ttentats?\s+(?:de\s+|du\s+|d[’'])"
_HEADED = re.compile(rf"(?<![\w-])(?P<head>{_HEADS})\s*(?P<name>{_NAME})")
# A sentence's first word after the head is no name of it (« l'affaire. Le … » never matches: the
# period stops it); words that only open the sentence that follows are cut (« affaire Benalla Le »).
_FUNCTION = {"le", "la", "les", "l", "un", "une", "des", "il", "elle", "ils", "elles", "ce", "cette", "mais", "et"}
_ELIDED = ("’", "'")
LATER = 10**8  # between a subject and a name scored alike, the name first


@lru_cache(maxsize=1)
def _listed() -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    """Per listed subject: a pattern finding any of its spellings, and the spellings."""
    path = Path(__file__).with_name("data") / "subjects.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        spellings = tuple(s.strip() for s in line.split("|"))
        # longest first, so that « Covid-19 » is not read as « Covid »
        alternatives = "|".join(f"[{s[0].upper()}{s[0].lower()}]{re.escape(s[1:])}"
                                for s in sorted(spellings, key=len, reverse=True))
        out.append((re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), spellings))
    return tuple(out)


def subjects(title: str, lede: str, bodies: list[str]) -> list[Cluster]:
    """The article's named subjects, as clusters the ranking scores like names (title, lede,
    uses), each under one name: the spelling the article uses most."""
    found: dict[str, tuple[Counter, set]] = {}
    for zone, text in [("title", title), ("lede", lede)] + [("body", b) for b in bodies]:
        for key, name in _in(text):
            spellings, zones = found.setdefault(key, (Counter(), set()))
            spellings[name] += 1
            zones.add(zone)
    return [Cluster(surfaces=Counter({spellings.most_common(1)[0][0]: sum(spellings.values())}),
                    zones=zones, first=LATER, kind="MISC")
            for spellings, zones in found.values()]


def _in(text: str) -> list[tuple[str, str]]:
    """(key, name as shown) of each subject named in the text."""
    out = []
    for pattern, spellings in _listed():
        for match in pattern.finditer(text):
            written = fold(match.group())
            out.append((fold(spellings[0]), next(s for s in spellings if fold(s) == written)))
    for match in _HEADED.finditer(text):
        words = match.group("name").split()
        while words and fold(words[-1]) in _FUNCTION:
            words.pop()
        if words:
            head = " ".join(match.group("head").split())
            joint = "" if head.endswith(_ELIDED) else " "
            name = head[0].lower() + head[1:] + joint + " ".join(words)
            out.append((fold(name), name))
    return out


def subject_key(name: str) -> str | None:
    """The key of the subject a whole name is (« Covid », « Affaire Matzneff »), else None: the
    analysis's cluster for it gives way to the subject's, which counts every spelling."""
    found = _in(name)
    return found[0][0] if len(found) == 1 and fold(found[0][1]) == fold(name) else None
