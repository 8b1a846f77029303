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
_HEADS = r"[AaLl](?:ffaire|oi|ttentats?\s+(?:de\s+|du\s+|d[’']))"  # a set of letters first: fast (_listed)
_HEAD_WORDS = {"affaire", "loi", "attentat", "attentats"}
_HEADED = re.compile(rf"(?P<head>{_HEADS})\s*(?P<name>{_NAME})")
# A sentence's first word after the head is no name of it (« l'affaire. Le … » never matches: the
# period stops it); words that only open the sentence that follows are cut (« affaire Benalla Le »).
_FUNCTION = {"le", "la", "les", "l", "un", "une", "des", "il", "elle", "ils", "elles", "ce", "cette", "mais", "et"}
_ELIDED = ("’", "'")
LATER = 10**8  # between a subject and a name scored alike, the name first


@lru_cache(maxsize=1)
def _listed() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One pattern finding every listed spelling (one pass over a text), and per folded spelling
    its subject's key and the spelling as the list writes it."""
    path = Path(__file__).with_name("data") / "subjects.txt"
    spellings: dict[str, tuple[str, str]] = {}
    written: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names = [name.strip() for name in line.split("|")]
            written.update(names)
            for name in names:  # one subject, one tag page: the first spelling is shown
                spellings.setdefault(fold(name), (fold(names[0]), names[0]))
    # a first letter, then any spelling's rest (the longest first, so that « Covid-19 » is not read
    # as « Covid »): a pattern opening on a set of letters is scanned for in C, far faster than
    # spellings tried one by one at each character; a letter and a rest that do not belong
    # together are no spelling (_in)
    letters = "".join(sorted({c for name in written for c in (name[0].lower(), name[0].upper())}))
    rests = "|".join(re.escape(name[1:]) for name in sorted(written, key=len, reverse=True))
    return re.compile(rf"[{letters}](?:{rests})(?![\w-])"), spellings


def subjects(title: str, lede: str, bodies: list[str]) -> list[Cluster]:
    """The article's named subjects, as clusters the ranking scores like names (title, lede,
    uses), each under one name: a listed subject's first spelling, an affair's as the article
    writes it most."""
    found: dict[str, tuple[Counter, set]] = {}
    # the body in one pass; « ¶ » opens no name, so none runs from one paragraph into the next
    for zone, text in (("title", title), ("lede", lede), ("body", " ¶ ".join(bodies))):
        for key, name in _in(text):
            spellings, zones = found.setdefault(key, (Counter(), set()))
            spellings[name] += 1
            zones.add(zone)
    return [Cluster(surfaces=Counter({spellings.most_common(1)[0][0]: sum(spellings.values())}),
                    zones=zones, first=LATER, kind="MISC")
            for spellings, zones in found.values()]


def _in(text: str) -> list[tuple[str, str]]:
    """(key, name as shown) of each subject named in the text."""
    pattern, spellings = _listed()
    out = [spellings[fold(match.group())] for match in pattern.finditer(text)
           if fold(match.group()) in spellings and not _inside_word(text, match.start())]
    for match in _HEADED.finditer(text):
        if _inside_word(text, match.start()) or fold(match.group("head")).split()[0] not in _HEAD_WORDS:
            continue  # « Lffaire », « Aoi »: a letter and a rest that do not belong together
        words = match.group("name").split()
        while words and fold(words[-1]) in _FUNCTION:
            words.pop()
        if words:
            head = " ".join(match.group("head").split())
            joint = "" if head.endswith(_ELIDED) else " "
            name = head[0].lower() + head[1:] + joint + " ".join(words)
            out.append((fold(name), name))
    return out


def _inside_word(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_")


def subject_key(name: str) -> str | None:
    """The key of the subject a whole name is (« Covid », « Affaire Matzneff »), else None: the
    analysis's cluster for it gives way to the subject's, which counts every spelling."""
    key = fold(name)
    if key in _listed()[1]:
        return _listed()[1][key][0]
    if key.split(" ", 1)[0] not in _HEAD_WORDS:  # most names: no pattern to run
        return None
    found = _in(name)
    return found[0][0] if len(found) == 1 and fold(found[0][1]) == key else None
