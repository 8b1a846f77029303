"""Reading a byline: who wrote the article, who it is credited to, when it was published and
when it was updated.

A byline is one or a few short lines around the title, in every site's own shape:
« 6Medias, publié le vendredi 18 mai 2018 à 09h50 », « Par Jean Dupont et Marie Curie | Publié le
12 mars 2023 à 18h05, mis à jour le 13 mars à 09h00 », « Source : AFP », « 2020-03-12T18:05 ».
Each step does one thing: the dates come out of the line (``date_clauses``), what is left is the
author part (``author_part``); a « Source X » part is a credit (``credit_of``), any other is split
into authors (``split_authors``). A date line is never an author, whatever the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from .dates import find_dates

_UPDATE_WORDS = r"mis à jour|mise à jour|maj|màj|modifi[ée]e?|actualis[ée]e?|updated"
_PUBLISH_WORDS = r"publi[ée]e?|mise? en ligne|published|posted"
# What introduces a date, right before it: « publié le », « Mis à jour : », « le », « à ».
_CLAUSE = re.compile(
    rf"(?:\b(?P<word>{_UPDATE_WORDS}|{_PUBLISH_WORDS}|dernière mise à jour)\s*(?:le\b|:|on\b|à\b)?\s*)?"
    r"(?:\b(?:le|du)\s*)?$",
    re.IGNORECASE,
)
_UPDATE = re.compile(rf"^(?:{_UPDATE_WORDS}|dernière)", re.IGNORECASE)
# Clause words left without their date, and what separates a byline's parts.
_LEFTOVER = re.compile(rf"\b(?:{_UPDATE_WORDS}|{_PUBLISH_WORDS})\b(?:\s+le\b)?", re.IGNORECASE)
_EDGES = " \t,;|·•–—-/:"
_INTRO = re.compile(r"^(?:par|by)\s+", re.IGNORECASE)
_SOURCE = re.compile(r"^(?:source|sources|crédit|credit)\s*:?\s+(?P<who>\S.*)$", re.IGNORECASE)
_WITH_AGENCY = re.compile(r"\s*\(\s*(?:avec\s+)?(?P<agency>[^()]+?)\s*\)\s*$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|&|\bet\b|\bavec\b)\s*")
AGENCIES = re.compile(
    r"^(?:AFP|Reuters|AP|Associated Press|Belga|ANSA|DPA|EFE|ATS|Relaxnews|ETX Studio|ETX Daily Up|"
    r"(?:\S+\s+){0,3}avec\s+(?:AFP|Reuters|AP|Belga))$",
    re.IGNORECASE,
)
# Words of a name that need no capital: particles and the links between two names.
_LOWER_OK = {"et", "avec", "de", "du", "des", "d'", "la", "le", "van", "von", "der", "y", "&", "-", "al", "el",
             "ben", "da", "di", "dos"}
MAX_NAME_WORDS = 10
_ADDRESS = re.compile(r"^[\w]+(?:[.-][\w]+)+$")


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    credit: str = ""
    date: datetime | None = None
    modified: datetime | None = None

    def merge(self, other: Byline) -> Byline:
        """This byline completed by another line of the same byline (author and date apart)."""
        return Byline(self.authors or other.authors, self.credit or other.credit,
                      self.date or other.date, self.modified or other.modified)

    @property
    def dated(self) -> bool:
        return self.date is not None or self.modified is not None


def read(line: str) -> Byline | None:
    """The byline ``line`` is, or None: prose, a title or chrome that merely holds a date."""
    published, modified, rest = date_clauses(line)
    who = author_part(rest)
    if published is None and modified is None and not introduced(who):
        return None
    credit = credit_of(who)
    if who and not (names_like(credit, outlet=True) if credit else names_like(_INTRO.sub("", who))):
        return None
    byline = Byline(date=published or modified, modified=modified)
    if credit:
        byline.credit = credit
    else:
        byline.authors = split_authors(who)
    return byline


def author_above(line: str, below: Byline | None) -> Byline | None:
    """« Jean Dupont » alone on a line is a byline only when a date line without an author
    follows it, and only a person's name: two to four capitalised words, the first one a
    given name (« CON », « Index » or « MÊME TITRE » there are titles)."""
    if below is None or not below.dated or below.authors or below.credit:
        return None
    words = line.split()
    if not 2 <= len(words) <= 4 or not _mixed(words[0]) or not words[0][0].isupper() or not names_like(line):
        return None
    return Byline(authors=split_authors(line))


def date_clauses(line: str) -> tuple[datetime | None, datetime | None, str]:
    """The publication date, the update date, and the line without them and their words."""
    published = modified = None
    kept, pos = [], 0
    for found in find_dates(line):
        before = line[pos:found.start]
        clause = _CLAUSE.search(before)
        kept.append(before[:clause.start()])
        pos = found.end
        when = found.when
        if found.clock is not None:  # « mis à jour à 19h10 »: the day is the publication's
            day = published or modified
            when = day.replace(hour=found.clock[0], minute=found.clock[1]) if day else None
        if when is None:
            continue
        if (clause.group("word") and _UPDATE.match(clause.group("word"))) or published is not None:
            modified = modified or when
        else:
            published = when
    kept.append(line[pos:])
    return published, modified, " ".join(kept)


def author_part(rest: str) -> str:
    """What a byline line says besides its dates: « Par Jean Dupont », « Source : AFP », or ''."""
    text = _LEFTOVER.sub(" ", rest)
    return " ".join(text.split()).strip(_EDGES).strip()


def introduced(who: str) -> bool:
    """A part that is a byline without any date: « Par X », « Source X », an agency."""
    return bool(_INTRO.match(who) or _SOURCE.match(who) or AGENCIES.match(who))


def names_like(text: str, outlet: bool = False) -> bool:
    """Names only (« Jean Dupont et Marie Curie », « Orange avec AFP », « 20 Minutes »), no prose.
    An ``outlet`` credited may be written in lowercase (« franceinfo »), and so may a site's
    address (« news-de-stars », « lopinion.fr »)."""
    text = _WITH_AGENCY.sub("", text)
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or re.search(r"[«»\"“”!?]|[.…]$", text):
        return False
    if outlet:
        return len(words) <= 5
    # « Par Nathalie Dubreuil, correspondante à Tokyo »: a role after a name is no name.
    first, *others = [part.split() for part in text.split(",")]
    words = first + [w for part in others if part and not _is_role(part) for w in part]
    return bool(first) and all(_name_word(word) for word in words)


def _name_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or word.lower() in _LOWER_OK or bool(_ADDRESS.match(word))


def credit_of(who: str) -> str:
    """« Source BFMTV », « Source : AFP »: the outlet credited, which is not an author."""
    match = _SOURCE.match(who)
    return match.group("who").strip(_EDGES).strip() if match else ""


def split_authors(who: str) -> list[str]:
    """« Par Jean DUPONT et Marie Curie (avec AFP) » → [Jean Dupont, Marie Curie, AFP]."""
    text = _INTRO.sub("", who)
    agency = _WITH_AGENCY.search(text)
    if agency:
        text = text[:agency.start()]
    parts = [part.strip(_EDGES).strip() for part in _SPLIT.split(text)]
    names = [person_case(part) for part in parts if part and not _is_role(part.split())]
    if agency:
        names.append(agency.group("agency"))
    return list(dict.fromkeys(names))


def person_case(name: str) -> str:
    """« Jean DUPONT » → « Jean Dupont »: a surname in capitals is a site's style, not the name.
    An acronym alone (« AFP », « BFMTV ») and a name all in capitals are left as they are."""
    words = name.split()
    if len(words) < 2 or not _mixed(words[0]) or "avec" in words or AGENCIES.match(words[-1]):
        return name
    return " ".join(_title(w) if w.isupper() and len(w) > 1 else w for w in words)


def _is_role(words: list[str]) -> bool:
    return words[0][0].islower() and words[0].lower() not in _LOWER_OK and not _ADDRESS.match(words[0])


def _mixed(word: str) -> bool:
    return any(ch.islower() for ch in word)


def _title(word: str) -> str:
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
