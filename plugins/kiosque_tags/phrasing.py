"""Names the words around them announce, where neither runs of capitalised words nor the model
find them whole: a newspaper after « le quotidien italien » (« Il Corriere della Serra », « De
Telegraaf »), a quoted name after « l'ONG », « le comité », « le groupe » (« Désir d'avenir pour la
planète »), a publisher in a book's reference (« (Stock, 2003) »), an arrondissement (« le 20e
arrondissement »), a work after « l'émission », an institution named by a capitalised noun and
lowercase words (« l'Institut norvégien de santé publique »); and the shows and works an article
is about, quoted (``quoted_subjects``).

Each is found as a whole, with the type its words announce; institutions, streets and sites with
a lowercase noun (« la mairie de Paris », « la place Saint-Marc ») are institutions.py's."""

from __future__ import annotations

import re

from . import lexicon
from .kinds import person_shaped
from .names import country
from .screens import scan

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
# A capitalised word, and the lowercase words a foreign or French title keeps inside it.
_CAP = rf"[{_UPPER}][\w’'&-]*(?:\.[a-z]+\b)*"  # « Vente.fr »; not « News.Dans » (a full stop, a space lost)
_JOINS = r"(?:de|du|des|la|le|les|della|del|di|da|dei|of|the|and|&|für|van|von)"
_TITLE = rf"{_CAP}(?:\s(?:{_JOINS}\s)?{_CAP})*(?:\s\d{{1,2}}\b)?"  # « France 2 »
_MEDIA = ("quotidien", "journal", "hebdomadaire", "mensuel", "magazine", "site", "chaîne", "radio", "tabloïd",
          "agence")
# « le quotidien néerlandais De Telegraaf », « la chaîne américaine CNN »: a medium, maybe
# qualified by adjectives (checked against the lexicon: not « le journal où Macron »).
_MEDIUM = re.compile(
    r"(?<![\w-])(?:" + "|".join(_MEDIA) + ")"
    rf"(?P<adjectives>(?:\s[a-zàâçéèêëîïôûùüÿœ-]+){{0,2}})\s(?P<name>{_TITLE})"
)
# « son ONG "Désir d'avenir pour la planète" », « le comité "Aznavour pour l'Arménie" »: an
# organisation's noun before a quoted name (a quoted name alone is a show or a work).
_QUOTED_ORG = re.compile(
    r"(?<![\w-])(?:ONG|association|comité|collectif|fondation|groupe|mouvement|parti|syndicat|société"
    r"|entreprise|start-up|club|label|cabinet|institut)\s[«\"“]\s?(?P<name>[^«»\"“”]{2,60}?)\s?[»\"”]"
)
# « (Stock, 2003) », « "Naissance" (Grasset) »: a book's publisher.
_PUBLISHER = re.compile(
    rf"\((?P<name>{_CAP}(?:\s{_CAP}){{0,2}}),\s(?:1[5-9]|20)\d\d\)"
    rf"|(?<=[»\"”])\s\((?P<quoted>{_CAP}(?:\s{_CAP}){{0,2}})\)"
)
# « l'émission "Touche pas à mon poste" », « son roman "Naissance" »: a show's or a work's noun
# before a quoted name.
_QUOTED_WORK = re.compile(
    r"(?<![\w-])(?:émission|série|film|feuilleton|jeu|spectacle|album|chanson|livre|roman|documentaire"
    r"|téléfilm|magazine|pièce|saga|programme|show)\s[«\"“]\s?(?P<name>[^«»\"“”]{2,60}?)\s?[»\"”]"
)
# A quoted name: capitalised, a few words, no sentence inside (« "Merci à vous Laurent" » is said).
_QUOTE = re.compile(rf"[«\"“]\s?(?P<name>[{_UPPER}][^«»\"“”.!?,;:]{{1,60}}?)\s?[»\"”]")
_SAID = {"je", "tu", "nous", "me", "moi", "te", "toi", "merci"}
_SAID_ELIDED = ("j'", "m'", "t'")
_INTRODUCED = {"à", "de", "du", "dans", "sur", "pour", "avec"}
# « l'Institut norvégien de santé publique », « le Comité d'enquête russe », « l'Union des
# démocrates et indépendants », « la Chambre d'agriculture de l'Ariège »: a capitalised
# institution's noun mid-sentence, its lowercase words, maybe a place.
_BODY_NOUNS = ("Institut", "Agence", "Office", "Observatoire", "Comité", "Conseil", "Haut Conseil", "Haute Autorité",
               "Autorité", "Centre", "Fédération", "Confédération", "Union", "Syndicat", "Association", "Fondation",
               "Société", "Chambre", "Commission", "Organisation", "Collectif", "Académie", "Cour", "Caisse",
               "Compagnie", "Direction", "Inspection")
_BODY = re.compile(
    r"(?<=[\w,;»\"”)] )(?:l['’])?(?P<name>(?:" + "|".join(_BODY_NOUNS) + ")"
    rf"(?:\s(?:(?:de\sla|de\sl['’]|du|des|de|d['’])\s?{_CAP}(?:[\s-]{_CAP})*"
    r"|(?:d['’]|l['’])?[a-zàâçéèêëîïôûùüÿœ-]+(?![’'\w]))){1,8})"
)
# Lowercase words that end an institution's name: what follows is the sentence going on.
_ENDS = {"a", "ont", "est", "sont", "était", "avait", "va", "qui", "que", "dont", "où", "se", "ne", "n", "s",
         "dans", "sur", "à", "au", "aux", "avec", "par", "pour", "en", "le", "la", "les", "un", "une", "ce", "cette",
         "il", "elle", "y", "lui", "leur", "selon", "après", "avant", "depuis", "lors", "mais", "ou", "car",
         "face", "avaient", "aurait", "auraient", "sera", "serait", "seront", "doit", "devrait", "doivent", "peut",
         "pourrait", "peuvent", "veut", "voulait", "vient", "fait", "faisait", "étaient"}
_PARTICLE_END = re.compile(r"(?:\s(?:de|du|des|d['’]|l['’]|et|la|le|les))+$")
_ARRONDISSEMENT = re.compile(r"(?<![\w-])\d{1,2}(?:e|er|ème)\sarrondissement\b")

# (what the quoted names' patterns cannot match without: screens.py)
_OPENING_QUOTES = ("«", "\"", "“")


def find(text: str) -> list[tuple[int, int, str, str]]:
    """Each announced name's (start, end, as written, type), in the text's order."""
    out = []
    for match in scan(_MEDIUM, text, _MEDIA):
        adjectives, name = match.group("adjectives").split(), match.group("name")
        if " " not in name and lexicon.is_common(name) or not _an_organisation(name):
            continue  # « le site Internet », « la chaîne Jérémy Frérot » (his YouTube channel)
        if all(lexicon.is_adjective(word) for word in adjectives):
            out.append(_span(match, "name", "ORG"))
    for match in scan(_QUOTED_ORG, text, _OPENING_QUOTES):
        name = match.group("name").strip()
        if name[:1].isupper() and not re.search(r"[.!?,;:]", name):
            out.append(_span(match, "name", "ORG"))
    for match in scan(_QUOTED_WORK, text, _OPENING_QUOTES):
        name = match.group("name").strip()
        if name[:1].isupper() and not re.search(r"[.!?,;:]", name):
            out.append(_span(match, "name", "MISC"))
    for match in scan(_PUBLISHER, text, ("(",)):
        group = "name" if match.group("name") else "quoted"
        if _an_organisation(match.group(group)) and not match.group(group).isupper():
            out.append(_span(match, group, "ORG"))  # not « (Paul Verhoeven, 1990) », « "Frexit" (FRX) »
    for match in scan(_BODY, text, _BODY_NOUNS):
        name = _institution_name(match.group("name"))
        if name:
            start = match.start("name")
            out.append((start, start + len(name), name, "ORG"))
    for match in scan(_ARRONDISSEMENT, text, ("arrondissement",)):
        out.append((match.start(), match.end(), match.group(), "LOC"))
    return sorted(out)


def _an_organisation(name: str) -> bool:
    """Neither a country nor a person's shape (a director's film, a YouTuber's channel)."""
    return not country(name) and not person_shaped(name)


def _span(match: re.Match, group: str, kind: str) -> tuple[int, int, str, str]:
    name = match.group(group).strip()
    start = match.start(group) + match.group(group).index(name)
    return start, start + len(name), name, kind


def quoted_subjects(title: str, texts: list[str]) -> list[str]:
    """Shows, works and events the article is about, between quotes: quoted twice or more
    (« "On n'est pas couché" »), or quoted in the title after a preposition (« Le retour de
    "L'École des fans" »). Named, never a person, place or organisation (kinds.MISC)."""
    seen: dict[str, int] = {}
    for text in [title, *texts]:
        for match in _QUOTE.finditer(text):
            name = match.group("name").strip()
            if _title_like(name):
                seen[name] = seen.get(name, 0) + 1
    found = {name for name, count in seen.items() if count >= 2}
    for match in _QUOTE.finditer(title):
        before = title[:match.start()].split()
        if before and before[-1].lower() in _INTRODUCED and _title_like(match.group("name").strip()):
            found.add(match.group("name").strip())
    return sorted(found)


def _title_like(name: str) -> bool:
    words = name.replace("’", "'").split()
    return 1 <= len(words) <= 7 and not any(w.lower() in _SAID or w.lower().startswith(_SAID_ELIDED) for w in words)


def _institution_name(phrase: str) -> str:
    """The institution's name in ``phrase``: its noun, adjectives (« norvégien »), and after « de »
    the words it governs (« de santé publique »), cut where the sentence goes on (« l'Agence
    régionale de santé a annoncé », « le Conseil constitutionnel mardi »); '' when nothing but
    the noun is left."""
    words = phrase.split(" ")
    kept = 2 if words[0] in ("Haut", "Haute") else 1
    governed = False  # after « de »: a noun may come, not only adjectives
    placed = False  # a place's name ends it (« Conseil de Paris », not « … Paris déplorent »)
    after_de = False  # « de prononcer »: an infinitive after « de » is the sentence's
    for word in words[kept:]:
        bare = re.sub(r"^[dl]['’]", "", word)
        if bare.lower() in _ENDS or bare[:1].islower() and (placed and not lexicon.is_adjective(bare)
                                                             or after_de and bare.endswith(("er", "ir"))):
            break
        placed = placed or bare[:1].isupper()
        after_de = word in ("de", "d'", "d’")
        if word in ("de", "du", "des", "et") or bare != word:
            governed = True
        elif bare[:1].islower() and not governed and not lexicon.is_adjective(bare):
            break
        kept += 1
    name = _PARTICLE_END.sub("", " ".join(words[:kept]))
    return name if len(name.split()) > (2 if words[0] in ("Haut", "Haute") else 1) else ""
