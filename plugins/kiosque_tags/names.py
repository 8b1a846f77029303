"""Entity names as written: cleaning a surface form, comparison keys, and what is never a name."""

from __future__ import annotations

import re
from functools import lru_cache

from kiosque_core.folding import fold
from kiosque_import.sections import fold as section_fold
from kiosque_import.sections import french_country_names

WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
MONTHS = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
          "octobre", "novembre", "decembre"}
# Capitalised only because they open a sentence or a quote; folded (no accents).
FUNCTION_WORDS = set("""
a au aux avec ce ces cet cette chez dans de des du elle elles en entre et il ils je la le les leur
leurs lui mais me mes mon ma ne ni nous on ou par parmi pas pendant pour puis quand que quel quelle
qui sa sans se selon ses si son sous sur ta tes ton tous tout toute toutes tu un une vers vous
voici voila apres avant depuis comme car donc or alors ainsi aussi encore deja desormais
ca cela ceci celui celle ceux celles hier aujourd'hui demain cependant pourtant certes enfin bref oui non merci bonjour
un deux trois quatre cinq six sept huit neuf dix onze douze vingt trente cent mille
premier premiere second seconde dernier derniere
monsieur madame mademoiselle m mme mlle dr pr me
""".split())
# Possessives open a sentence or a quote (« "Notre communauté souffre" »), never a name alone;
# kept apart from FUNCTION_WORDS because a name may open on one (« Notre Dame de Paris »).
POSSESSIVES = {"notre", "votre", "nos", "vos"}
# Ministers' portfolios (« ministre de la Culture »): no entity alone, but a name may open on one
# (« Santé publique France », « Travail Emploi Services »; not « État du Rajasthan », « État français »).
PORTFOLIOS = set("""
culture travail etat interieur sante justice defense education economie agriculture environnement
finances armees sports solidarites logement transports
""".split())
FUNCTION_WORDS |= PORTFOLIOS
# Titles written before a name: inside a run of capitals they open the person's name (« le
# bâtonnier de Paris Me Olivier Cousi »).
TITLES = {"Me", "Mes", "Mgr", "Dr", "Pr", "Mme"}
# Elided articles and prepositions glued to a name: l’Élysée, d’Alep, qu’Idlib.
_ELISION = re.compile(r"^(?:[lLdDjJnNsStT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]\s*")
# Lowercase articles only: a capitalised one inside a name is part of it (Le Monde, Le Pen).
_LEADING = re.compile(r"^(?:(?:le|la|les|du|des|de|au|aux|un|une|M\.|Mme|Mlle|Me|Dr|Pr|Mgr)\s+)+")
_TRAILING = re.compile(r"\s+(?:de|du|des|d['’]|la|le|les|l['’]|et)$")
_OPENING_ARTICLE = re.compile(r"^(?:Le|La|Les|L['’]|Un|Une|Des|Du)\s*(?=\w)")
# Inhabitants, not entities (« les Français »); countries and cities are matched before this.
DEMONYMS = set("""
francais francaise francaises anglais irlandais ecossais japonais chinois quebecois marseillais lyonnais
parisien parisiens parisienne parisiennes neerlandais portugais senegalais libanais danois suedois
finlandais polonais hongrois congolais taiwanais americain americains americaine americaines
britannique britanniques allemand allemands allemande allemandes europeen europeens europeenne
europeennes italien italiens italienne italiennes espagnol espagnols espagnole espagnoles russe russes
belge belges bretons breton bretonne bretonnes corses corse syriens syrien turcs turc turque
israeliens palestiniens iraniens irakiens africains asiatiques occidentaux
""".split())
_EDGE_PUNCT = " \t\"'’«»“”()[]{},;:.!?…-–—/\\*"
# Lowercase words inside a person's name (« Charles de Gaulle », « Bachar al-Assad »).
PARTICLES = {"de", "du", "des", "la", "le", "les", "d", "l", "van", "von", "der", "den", "da", "di",
              "dos", "del", "al", "el", "ben", "bin", "ibn", "abou", "abu", "y", "et"}
_SURNAME_PREFIX = re.compile(r"^(?:al|el|ad|as|an|ar|at|az|ben|bin|ibn|abou|abu)[-\s]+")



def tokens(name: str) -> list[str]:
    return name.replace("’", "'").split()


@lru_cache(maxsize=262144)
def surname_key(name: str) -> str:
    """The part a person is called by alone: ``Bachar al-Assad``, ``al-Assad``, ``Assad`` → ``assad``
    (cached: the registry indexes every person by it after every chunk of an import)."""
    words = tokens(name)
    last = words[-1] if words else ""
    # A compound surname ("Le Pen", "de Gaulle", "Dupont-Aignan") keeps its particle.
    if len(words) >= 2 and words[-2].lower() in {"le", "la", "de", "du", "van", "von", "di", "da", "del"}:
        last = words[-2] + " " + last
    return _SURNAME_PREFIX.sub("", fold(last))


def given_names(name: str) -> list[str]:
    """The words before the surname: ``Recep Tayyip Erdoğan`` → [recep, tayyip]."""
    words = tokens(name)
    surname_words = len(surname_key(name).split()) or 1
    head = words[:-1] if surname_words == 1 else words[:-2]
    return [fold(w) for w in head if w.lower() not in PARTICLES]


@lru_cache(maxsize=65536)
def clean(surface: str) -> str:
    """A name as a reader should see it: no elided article, no title, no edge punctuation (cached:
    the model's spans and the archive's names come back in article after article)."""
    text = " ".join(surface.split())
    for _ in range(3):
        before = text
        text = _ELISION.sub("", text)
        text = _LEADING.sub("", text)
        text = _TRAILING.sub("", text.strip(_EDGE_PUNCT))  # « Manufacture de »: cut before its name
        if text == before:
            break
    return text


def drop_opening_article(name: str) -> str:
    """« La Turquie » at a sentence's start: the capital is the sentence's, not the name's."""
    return _OPENING_ARTICLE.sub("", name)


@lru_cache(maxsize=65536)
def country(name: str) -> str | None:
    """The French name of a country written in any case or spelling pycountry knows (cached:
    every capitalised run of every article asks)."""
    return french_country_names().get(section_fold(name))


@lru_cache(maxsize=8)
def stop_keys(stop_tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(name) for name in stop_tags)


def is_plausible(name: str, label: str = "") -> bool:
    """Shape alone: capitalised, lettered, not a function word, not a date word, not shouting."""
    words = tokens(name)
    if not words or len(name) < 2 or len(words) > 8:
        return False
    if not name[0].isupper() and not name[0].isdigit():
        return False
    if not any(ch.isalpha() for ch in name) or "[" in name or "]" in name:
        return False  # … nor « Palais [de Buckingham] »: an editor's brackets inside a quotation
    folded = [fold(w).strip("'") for w in words]
    if any(a == b and a[:1].isalpha() for a, b in zip(folded, folded[1:], strict=False)):
        return False  # « le BTP Altrad Altrad »: a linked name the scraper doubled
    if all(w in FUNCTION_WORDS or w in POSSESSIVES or w in WEEKDAYS or w in MONTHS or w.isdigit() for w in folded):
        return False
    if folded[0] in WEEKDAYS or folded[0] in MONTHS or fold(name) in DEMONYMS:
        return False
    if folded[0] in FUNCTION_WORDS and folded[0] not in {"le", "la", "les"} \
            and not (len(words) > 1 and folded[0] in PORTFOLIOS and _opens_a_name(words[1])):
        return False
    # An all-caps run of several words is a kicker or chrome (FLASH INFO), not a name; one long
    # all-caps word is a shouted section (DIVERS), where acronyms (CRS, OTAN) are short.
    if name.isupper() and (len(words) > 1 and len(name) > 6 or len(words) == 1 and len(name) > 5):
        return False
    # « Les Bretons », « les Français »: a people, not an entity.
    if len(words) == 2 and folded[0] == "les" and folded[1].endswith("s"):
        return False
    if label == "PER":
        # A person's name is capitalised word by word, particles aside.
        return all(w[:1].isupper() or w.lower().strip("'") in PARTICLES for w in words)
    return True


def _opens_a_name(second: str) -> bool:
    """After a portfolio word, what makes it a name's first word (« Santé publique France »,
    « État islamique »): not « État du Rajasthan », « État français », « Justice Christiane
    Taubira » (the portfolio, then a person)."""
    from .firstnames import is_common_first_name

    return fold(second) not in PARTICLES | DEMONYMS and not is_common_first_name(second)


def bare_surname(name: str) -> bool:
    """A name a person is called by alone: ``Trump``, ``Le Pen``, ``al-Assad``."""
    words = tokens(name)
    return len(words) == 2 and words[0].lower() in {"le", "la", "de", "al", "el", "ben", "van", "von"} \
        or len(words) == 1 or (len(words) == 1 and "-" in name)


def initials_and_surname(name: str) -> bool:
    """« K L Gurjar », « J. K. Rowling »: initials, then a capitalised surname."""
    words = tokens(name)
    return len(words) >= 2 and all(len(w.rstrip(".")) == 1 and w[0].isupper() for w in words[:-1]) \
        and words[-1][:1].isupper() and len(words[-1]) > 2 and words[-1][1:].islower()
