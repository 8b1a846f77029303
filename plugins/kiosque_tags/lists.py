"""The known lists a name's type is read from: countries (pycountry, names.py), French
départements and régions (pycountry), planets and moons (``data/places.txt``), the institutions
of institutions.py, and the media, pollsters, parties and institutions of
``data/organisations.txt`` (a name that opens a longer one types it too: « France Bleu Touraine »)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kiosque_core.folding import fold

from . import institutions, lexicon
from .firstnames import is_common_first_name, is_first_name
from .names import country, initials_and_surname, tokens


@lru_cache(maxsize=1)
def _listed_names() -> tuple[str, ...]:
    path = Path(__file__).with_name("data") / "organisations.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(name.strip() for line in lines if line.strip() and not line.startswith("#")
                 for name in line.split(" = "))


@lru_cache(maxsize=4)
def _sections(*headings: str) -> frozenset[str]:
    """The folded names listed under the « # -- » headings that open with one of ``headings``."""
    path = Path(__file__).with_name("data") / "organisations.txt"
    out, inside = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# --"):
            inside = line[len("# -- "):].startswith(headings)
        elif inside and line.strip() and not line.startswith("#"):
            out.update(fold(name.strip()) for name in line.split(" = "))
    return frozenset(out)


def _media() -> frozenset[str]:
    """The sections whose names have stations and editions (« France Bleu Touraine », « Le Parisien
    Week-End »): elsewhere an organisation named after another is mostly a club or a museum of it."""
    return _sections("television and radio", "press and websites", "agencies")


def is_medium(name: str) -> bool:
    """A listed medium or agency (not a carmaker: « Lamborghini Club de France » is a club)."""
    return fold(name) in _media()


@lru_cache(maxsize=1)
def _long_forms() -> dict[str, str]:
    path = Path(__file__).with_name("data") / "organisations.txt"
    pairs = [line.split(" = ") for line in path.read_text(encoding="utf-8").splitlines() if " = " in line]
    return {fold(short.strip()): fold(long.strip()) for short, long in pairs}


def long_form(acronym: str) -> str:
    """The folded long form the list says an acronym stands for (« PS » → « parti socialiste »)."""
    return _long_forms().get(fold(acronym), "")


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    return frozenset(fold(name) for name in _listed_names())


@lru_cache(maxsize=1)
def _glued() -> frozenset[str]:
    """Listed names opening on a number, without their spaces (« 20minutes »)."""
    return frozenset(key.replace(" ", "") for key in _organisations() if key[:1].isdigit())


@lru_cache(maxsize=1)
def _lowercase_names() -> re.Pattern | None:
    """Listed names with lowercase words (« La République en marche »): runs of capitalised
    words would cut them up, so they are looked for as they are written (any case)."""
    names = [n for n in _listed_names() if any(w.islower() and len(w) > 2 for w in tokens(n)[1:])
             or not n.replace(" ", "").replace("-", "").replace("'", "").isalpha()]  # « Canal+ », « 20 Minutes »
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(_as_written(n) for n in sorted(names, key=len, reverse=True))
                      + r")(?![\w+-])", re.IGNORECASE)


def _styled_lowercase(name: str) -> bool:
    """A medium whose name is no word and that the press often writes in lowercase, as its logo
    does (« sur franceinfo »: 110 of the 10,000 articles, none found by its capital)."""
    return len(tokens(name)) == 1 and len(name) >= 6 and name.isalpha() and not name.isupper() \
        and fold(name) in _media() and not lexicon.is_common(name) and not is_first_name(name)


@lru_cache(maxsize=1)
def _lowercase_media() -> tuple[tuple[str, ...], re.Pattern]:
    """Those media's names in lowercase, and a pattern of them as whole words (case-sensitive: the
    capitalised names are found as runs of capitals; a quick test of the lowercase ones first)."""
    names = tuple(sorted({n.lower() for n in _listed_names() if _styled_lowercase(n)}, key=len, reverse=True))
    return names, re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w+-])")


def _as_written(name: str) -> str:
    """A listed name as a pattern, any case (« La République en Marche », « 20 minutes », the
    newspaper as the corpus often writes it, or « 20minutes »); « Comédie + » as often as « Comédie+ »."""
    pattern = re.escape(name).replace("'", "['’]").replace(r"\+", r"\s?\+")
    return re.sub(r"(?<=\d)\\ (?=[^\W\d])", r"\\s?", pattern)  # « 20minutes », « 20Minutes »


# « d'un peu moins de 20 minutes », « elle roule 20 minutes »: a listed name opening on a number,
# written in lowercase, is that number of something, but after a source's words (« selon 20 minutes »).
_CITING = {"selon", "d'après", "d’après", "rappelle", "rapporte", "rapportent", "indique", "explique", "précise",
           "révèle", "raconte", "affirme", "souligne", "relate", "dévoile", "note", "assure", "confie", "publié",
           "interrogé", "interrogée", "contacté", "contactée", "joint", "jointe", "par", "dans"}


def _a_quantity(text: str, match: re.Match) -> bool:
    found = match.group()
    if not found[:1].isdigit() or found != found.lower() or not re.match(r"\d+\s", found):
        return False  # « 20minutes » glued is the newspaper
    before = text[max(0, match.start() - 20):match.start()].split()
    return not before or before[-1].lower() not in _CITING or text.startswith((" de ", " d'", " d’"), match.end())


_CONTRACTED = {"au": "le", "du": "le", "le": "le", "la": "la", "l'": "l'", "aux": "les", "des": "les", "les": "les"}


@lru_cache(maxsize=1)
def _by_folded() -> dict[str, str]:
    return {fold(name): name for name in _listed_names()}


def spelled_as_listed(key: str) -> str:
    """The listed spelling of a folded name ('' when no list has it)."""
    return _by_folded().get(key, "")


@lru_cache(maxsize=1)
def bare_listed() -> frozenset[str]:
    """Listed names that open on an article, without it (« parisien » of « Le Parisien »)."""
    return frozenset(re.sub(r"^(?:le|la|les|l') ?", "", key) for key in _organisations()
                     if re.match(r"^(?:le|la|les|l') ?", key))


def with_article(text: str, start: int, name: str) -> str:
    """The listed name the text means when it writes one without its article: « au Parisien »,
    « selon le Parisien » → « Le Parisien »; '' otherwise."""
    before = text[max(0, start - 5):start].lower().replace("’", "'")
    word = before.split()[-1] if before.split() else ""
    if before.endswith("l'"):
        word = "l'"
    article = _CONTRACTED.get(word)
    if article is None or listed(name):
        return ""
    joined = f"{article}{name}" if article == "l'" else f"{article} {name}"
    return _by_folded().get(fold(joined), "")


def listed_phrases(text: str) -> list[tuple[int, int, str, str]]:
    """Listed organisations with lowercase words named in ``text``: (start, end, as written, ORG)."""
    names, styled = _lowercase_media()
    found = [(m.start(), m.end(), m.group(), "ORG") for m in styled.finditer(text)] \
        if any(name in text for name in names) else []  # « sur franceinfo »
    pattern = _lowercase_names()
    lowered = text.lower().replace("’", "'")
    if pattern is None or not any(head in lowered for head in _phrase_heads()):
        return found  # (a quick test before the slower pattern)
    return sorted(found + [(m.start(), m.end(), m.group(), "ORG") for m in pattern.finditer(text)
                           if not _a_quantity(text, m)])


@lru_cache(maxsize=1)
def _phrase_heads() -> tuple[str, ...]:
    """Each name ``_lowercase_names`` looks for, lowercase, without its « + » (« canal » of « Canal+ ») and
    spaces (« 20minutes »)."""
    names = [n for n in _listed_names() if any(w.islower() and len(w) > 2 for w in tokens(n)[1:])
             or not n.replace(" ", "").replace("-", "").replace("'", "").isalpha()]
    heads = {n.lower().replace("’", "'").replace("+", "").strip() for n in names}
    return tuple(sorted(heads | {h.replace(" ", "") for h in heads if h[:1].isdigit()}))


@lru_cache(maxsize=1)
def _french_divisions() -> frozenset[str]:
    import pycountry

    return frozenset(fold(re.sub(r"\s*\(.*\)$", "", s.name)) for s in pycountry.subdivisions.get(country_code="FR"))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """``data/places.txt``: planets, moons and stars, places no other list gives."""
    lines = (Path(__file__).with_name("data") / "places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def words_after(after: list[str]) -> bool:
    """« groupe Facebook Gilets Jaunes »: words of the language after a listed name are no part of
    it (but a place's: « France 3 Grand Est »)."""
    return len(after) > 1 and all(lexicon.is_common(w) for w in after) and not listed(" ".join(after))


# « l'AFP Me Romain Dieudonné », « LR Dr … »: a title, then a person's name.
_TITLES = {"me", "mes", "maître", "maîtres", "dr", "pr", "mgr", "m", "mme", "mlle"}


@lru_cache(maxsize=65536)
def listed(name: str) -> str:
    """The type a known list gives a name: LOC for countries and French divisions, ORG for listed
    organisations and names they open (« France Bleu Touraine »); '' otherwise."""
    if country(name) or fold(name) in _french_divisions() or fold(name) in _places():
        return "LOC"
    if fold(name) in bare_listed():
        return ""  # « selon la Voix du Nord »: a listed name without its article, no « Afrique du Nord »
    phrase = institutions.find(name)
    if phrase and phrase[0][0] == 0 and phrase[0][1] == len(name):
        return phrase[0][3]
    words = fold(name.replace(" +", "+")).split()  # « Comédie + » is « Comédie+ »
    orgs = _organisations()
    if " ".join(words) in orgs or "".join(words) in _glued():
        return "ORG"  # (« 20minutes »: a listed name glued)
    rest = [w for w in re.split(r"[\s\-‐‑–—_.]+", name.casefold().replace("’", "'")) if w]
    rest = [w for w in re.split(r"[\s\-‐‑–—_.]+", name) if w] if len(rest) == len(words) else words
    for end in range(len(words) - 1, 0, -1):
        if " ".join(words[:end]) in orgs:
            # « France Bleu Touraine », not « TF1 Christophe Beaugrand » (two names run together)
            after = rest[end:]
            # … nor « à France Bleu Normandie Thomas, l'un des étudiants »: a station, then a person
            return "" if is_common_first_name(after[0]) or after[0].lower() in ("de", "du", "des", "d'") \
                or after[0].lower().rstrip(".") in _TITLES \
                or len(after) > 1 and is_common_first_name(after[-1]) \
                or initials_and_surname(" ".join(after)) \
                or all(lexicon.is_verb(w) for w in after) \
                or rest[0].isupper() and a_person_after(after) \
                or words_after(after) else "ORG"  # « Facebook Partager », « AFP Jo Smith »
    return ""


def a_person_after(tail: list[str]) -> bool:
    """Two to four capitalised words, a first name among the first ones and a surname that is no
    common word (« Marine Martin »: a common first name may take a word's surname), none an acronym:
    « Rajon Kumar Saha », « Rachida Dati »."""
    if not 2 <= len(tail) <= 4 or not all(w[:1].isupper() and not w.isupper() for w in tail):
        return False
    if not any(is_first_name(w) for w in tail[:-1]) or fold(" ".join(tail)) in _organisations():
        return False
    return not lexicon.is_common(tail[-1]) or is_common_first_name(tail[0])


def _makers() -> frozenset[str]:
    """The names listed under « # -- carmakers »: what follows one is a model (« Bugatti Chiron »)."""
    return _sections("carmakers")


def is_party(name: str) -> bool:
    """A name listed under « # -- parties » (« LR », « Parti socialiste »)."""
    return fold(name) in _sections("parties")


def is_maker(name: str) -> bool:
    """A listed carmaker's name (« Peugeot », « Aston Martin »)."""
    return fold(name) in _makers()


# The words after a maker's name that make it one of its departments, an organisation of its own
# (« Aston Martin Design », « Porsche Classic »), not the company's full name (« Bentley Motors »).
_DEPARTMENTS = {"design", "classic", "motorsport", "sport", "sports", "racing", "club", "team"}


def a_department(maker: str, name: str) -> bool:
    rest = fold(name)[len(fold(maker)):].split()
    return bool(rest) and rest[0] in _DEPARTMENTS


@lru_cache(maxsize=1)
def _maker_then_word() -> re.Pattern:
    # Makers as listed (« Aston Martin »), then one capitalised word or a code: « Bugatti Chiron », « Audi S5 ».
    path = Path(__file__).with_name("data") / "organisations.txt"
    makers, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# --"):
            inside = line.startswith("# -- carmakers")
        elif inside and line.strip() and not line.startswith("#"):
            makers.append(re.escape(line.strip()))
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(makers, key=len, reverse=True))
                      + r")\s+([A-ZÀ-ÖØ-ÞŒ][\w-]*[^\W\d_]|[A-Z]{1,3}\d{1,3})(?![\w'’-])")  # « Audi S5 »


def models_in(text: str) -> set[str]:
    """The folded words a listed carmaker's name is followed by in ``text`` (« Chiron » of
    « la Bugatti Chiron »): its models, mostly."""
    if not text or not any(maker in text for maker in _maker_names()):
        return set()
    return {fold(m.group(1)) for m in _maker_then_word().finditer(text)} - _CORPORATE


@lru_cache(maxsize=1)
def _maker_names() -> tuple[str, ...]:
    return tuple(spelled_as_listed(key) for key in sorted(_makers()))


def a_model(name: str) -> bool:
    """A maker's name then more words: one of its models (« Porsche Taycan », « Bugatti Chiron »)."""
    rest = after_listed(name)
    return bool(rest) and fold(name[: len(name) - len(rest)].strip()) in _makers() \
        and fold(rest).split()[0] not in _CORPORATE and not country(rest) \
        and fold(rest) not in _makers()  # « Chiron Pur Sport » is one; « Jaguar Land Rover », two makers, a company


# Words that make a maker's name a company's (« McLaren Automotive », « Renault Group »).
_CORPORATE = {"automotive", "automobiles", "group", "groupe", "motors", "motor", "cars", "company", "holding",
              "international", "racing", "team", "sport", "sports", "motorsport", "club", "classic", "design",
              "museum", "museo", "foundation"}


def after_listed(name: str) -> str:
    """What follows the longest listed organisation a name opens on: « 911 Turbo » of « Porsche
    911 Turbo », « Paris » of « France 3 Paris » ('' when it opens on none)."""
    words = name.split()
    for end in range(len(words) - 1, 0, -1):
        if fold(" ".join(words[:end])) in _organisations():
            return " ".join(words[end:])
    return ""


def is_organisation(name: str) -> bool:
    """Exactly one of the listed organisations (not a longer name it opens)."""
    return fold(name) in _organisations()

