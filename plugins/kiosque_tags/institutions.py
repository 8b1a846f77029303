"""Institutions and streets named by a common noun and a place, lowercase as French writes them: « la mairie
de Paris », « le tribunal correctionnel de Draguignan », « le ministère de l'Intérieur »,
« l'hôpital Georges-Pompidou ». The whole phrase is the organisation; the place inside it is not
named for itself there. Streets, stations and airports are places the same way."""

from __future__ import annotations

import re

from .screens import scan

_HEADS = (
    r"mairie|préfecture(?: de police| maritime)?|sous-préfecture|ministère|gendarmerie|parquet(?: national financier)?"
    r"|tribunal(?: correctionnel| administratif| judiciaire| de grande instance| de commerce| de police| pour enfants)?"
    r"|cour d['’]appel|cour d['’]assises|conseil (?:départemental|régional|municipal|général)"
    r"|hôpital|centre hospitalier(?: universitaire| régional)?|CHU|clinique|université|lycée|collège"
    r"|brigade de recherches|commissariat|équipe de France"
    r"|aéroport|gare|square|rue|avenue|boulevard|quai|porte|pointe|baie"
)
# (« la porte de Clignancourt »: a gate of Paris and its district, not the town it leads to; « la
# pointe de Beg ar Scaf », « la baie de Brignogan »: a cape, a bay)
PLACES = {"aéroport", "gare", "square", "rue", "avenue", "boulevard", "quai", "porte", "pointe", "baie"}
# … two of which are verbs too: a speaker after a quotation (« ", pointe M. Levy »), a door's owner.
_VERBS = {"porte", "pointe"}
_SPEAKING = re.compile(r"[,\"»”?!]\s*$")
_OWNERS = {"M", "Mme", "Mmes", "Me", "Dr", "Pr", "Mgr"}
_NAME = r"[A-ZÀ-ÖØ-ÞŒ][\w’'-]*(?:[ -](?:(?:de|du|des|la|le|l['’]|d['’]|ar |an )\s?)?[A-ZÀ-ÖØ-ÞŒ][\w’'-]*)*"
# « le ministère des Affaires étrangères »: the portfolio's lowercase adjective is part of its name.
_PORTFOLIO_ADJECTIVE = r"(?:(?<=Affaires)\s+[a-zà-ÿ]{4,}es)?"
_INSTITUTION = re.compile(
    r"(?<![\w-])(?P<head>" + _HEADS + r")(?:(?<=France)"
    r"|\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|à\s+)?(?P<name>" + _NAME + _PORTFOLIO_ADJECTIVE + r"))"
    r"(?![\w’'-]|\.\w)"  # not « la mairie Paris.fr », a website
)
# Places named by a common noun and a name right after it: « la ferme Saint-Siméon », « le
# marché Forville », « la place Saint-Marc » (with « de », the name is mostly a town's own).
SITES = ("place", "marché", "ferme", "château", "domaine", "parc", "pont", "jardin", "cimetière")
_SITE = re.compile(r"(?<![\w-])(?:" + "|".join(SITES) + r")\s+(?P<name>" + _NAME + r")")
# … and organisations: « le centre Simon-Wiesenthal », « l'institut Paoli-Calmettes ».
ORG_SITES = ("centre", "fondation", "institut")
_ORG_SITE = re.compile(r"(?<![\w-])(?:" + "|".join(ORG_SITES) + r")\s+(?P<name>" + _NAME + r")")
# A place and its part: « Afrique de l'Est », « Amérique du Nord », « Corée du Sud ».
_POINTS = ("Nord", "Sud", "Est", "Ouest")
_COMPASS = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-ÞŒ][\w’'-]*\s+(?:du|de\s+l['’])\s*(?:" + "|".join(_POINTS)
                      + r")(?![\w-])")
# … and a continent's part named by an adjective: « Amérique latine » (not « Amérique », a place
# of its own the run of capitalised words alone would find), « Afrique subsaharienne ».
_CONTINENTS = ("Amérique", "Afrique", "Asie", "Europe")
_CONTINENT_PART = re.compile(r"(?<![\w-])(?:" + "|".join(_CONTINENTS) + r")\s+(?i:latine|centrale|orientale"
                             r"|occidentale|australe|subsaharienne|sub-saharienne|septentrionale|méridionale)(?![\w-])")
_INDEFINITE = re.compile(r"(?:^|\s)(?:un|une|des|chaque)\s+$", re.IGNORECASE)
# « le ministère de la Transition écologique et solidaire », « de l'Éducation nationale »: a
# portfolio's lowercase adjectives are part of the ministry's name (not « de la Santé communique »).
_MINISTRY_WORDS = re.compile(r"\s(?:et\s)?([a-zà-ÿ]{3,})(?![\w’'-])")


# (an adjective's ending too: not « le ministère de la Santé précise », « … fait savoir »)
_ADJECTIVE_ENDINGS = ("ique", "iques", "aire", "aires", "ale", "ales", "aux", "ieur", "ieure", "elle", "elles", "ive",
                      "ives", "ien", "ienne", "el")


def _adjectives_end(text: str, end: int) -> int:
    """Where the lowercase adjectives right after ``end`` end."""
    from . import lexicon  # (lexicon's tables load lazily; institutions is imported by the lists)

    while (word := _MINISTRY_WORDS.match(text, end)) and word.group(1).endswith(_ADJECTIVE_ENDINGS) \
            and lexicon.is_adjective(word.group(1)):
        end = word.end()
    return end


def _a_verb(text: str, match: re.Match) -> bool:
    """« porte », « pointe » as a verb after a quotation, or before a person's title: no gate, no cape."""
    owner = (match.group("name") or "").split()[:1]
    return bool(_SPEAKING.search(text, max(0, match.start() - 4), match.start())) \
        or bool(owner) and owner[0].rstrip(".") in _OWNERS


def find(text: str) -> list[tuple[int, int, str, str]]:
    """Each institution's (start, end, phrase as written, type): an organisation, or a place for
    streets, stations and airports (« la rue Montholon »)."""
    out = []
    for match in _INSTITUTION.finditer(text):
        if match.group("name") is None and match.group("head") != "équipe de France":
            continue
        if _INDEFINITE.search(text[max(0, match.start() - 8):match.start()]):
            continue  # « un hôpital de Nelkan »: some hospital there, not one named; the place is
        if match.group("head") in _VERBS and _a_verb(text, match):
            continue  # « ", pointe Jenny Tam, étudiante » says who speaks; « la porte de Mme Dicic »
        kind = "LOC" if match.group("head") in PLACES else "ORG"
        end = match.end()
        if match.group("head") == "ministère" and match.group("name") and "Affaires" not in match.group("name"):
            end = _adjectives_end(text, end)
        out.append((match.start(), end, text[match.start():end], kind))
    out += [(m.start(), m.end(), m.group(), "LOC")
            for pattern, needles in ((_COMPASS, _POINTS), (_CONTINENT_PART, _CONTINENTS))
            for m in scan(pattern, text, needles)]
    for pattern, kind, needles in ((_SITE, "LOC", SITES), (_ORG_SITE, "ORG", ORG_SITES)):
        for match in scan(pattern, text, needles):
            if not _INDEFINITE.search(text[max(0, match.start() - 8):match.start()]):
                out.append((match.start(), match.end(), match.group(), kind))
    return out
