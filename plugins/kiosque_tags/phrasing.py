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

from kiosque_core.folding import fold

from . import designations, lexicon, things
from .firstnames import is_common_first_name, is_first_name
from .kinds import person_shaped, split_span
from .lists import a_person_after, listed
from .names import country
from .screens import scan

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
# A capitalised word, and the lowercase words a foreign or French title keeps inside it.
_CAP = rf"[{_UPPER}][\w’'&-]*(?:\.[a-z]+\b)*"  # « Vente.fr »; not « News.Dans » (a full stop, a space lost)
_JOINS = r"(?:de|du|des|la|le|les|della|del|di|da|dei|of|the|and|&|für|van|von)"
_TITLE = rf"{_CAP}(?:\s(?:{_JOINS}\s)?{_CAP})*(?:\s\d{{1,2}}\b)?"  # « France 2 »
_MEDIA = ("quotidien", "journal", "hebdomadaire", "mensuel", "magazine", "site", "chaîne", "radio", "tabloïd",
          "agence de presse", "agence")
_ORG_NOUNS = ("association", "société", "groupe", "syndicat", "club", "entreprise", "start-up", "ONG", "fédération",
              "parti", "mouvement", "collectif", "fondation", "constructeur", "enseigne", "banque", "laboratoire",
              "opérateur", "compagnie", "cabinet", "institut", "usine", "éditions", "carrossier",
              "équipementier")
# « le quotidien néerlandais De Telegraaf », « la chaîne américaine CNN »: a medium, maybe
# qualified by adjectives (checked against the lexicon: not « le journal où Macron »); and any
# organisation named after its noun: « la start-up Murfy », « le syndicat patronal GNI »,
# « l'opérateur mobile nippon NTT DoComo », « le groupe Hyphen Hyphen ».
_MEDIUM = re.compile(
    r"(?<![\w-])(?:" + "|".join(_MEDIA + _ORG_NOUNS) + ")"
    # « le site d'information local alsacien Heb'di », « la chaîne d'information en continu BFMTV »
    r"(?P<news>\sd['’](?:informations?(?:\sen\s(?:continu|ligne))?|actualités?|investigation))?"
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
# « une Bentley … carrossée par Vanden Plas », « carrossées chez Zagato »: a coachbuilder, a company
# whatever its shape (86 such mentions in the 10,000 articles, 5 found as organisations).
_COACHBUILT = re.compile(rf"(?<![\w-])carross(?:é|ée|és|ées)\s(?:par|chez)\s(?P<name>{_TITLE})")
# « Selon France 3 Bretagne », « France Bleu Loire Océan »: a network's regional station, whose
# number ends a run of capitalised words (« Ligue 1 ») and whose region is a place of its own.
_STATIONS = ("France 3 ", "France Bleu ")
_STATION = re.compile(rf"(?<![\w-])(?:France 3|France Bleu)\s[{_UPPER}][\w'’-]*"
                      rf"(?:[\s-](?:(?:de|du|des)\s|d['’])?[{_UPPER}][\w'’-]*){{0,3}}")
_ARRONDISSEMENT = re.compile(r"(?<![\w-])\d{1,2}(?:e|er|ème)\sarrondissement\b")

# (what the quoted names' patterns cannot match without: screens.py)
_OPENING_QUOTES = ("«", "\"", "“")


def find(text: str) -> list[tuple[int, int, str, str]]:
    """Each announced name's (start, end, as written, type), in the text's order."""
    out = []
    for match in scan(_MEDIUM, text, _MEDIA + _ORG_NOUNS):
        adjectives, name = match.group("adjectives").split(), match.group("name")
        generic = match.group().startswith("site") and not match.group("news") or things.is_listed(name)
        if _goes_on(name, text[match.end():match.end() + 30]) or things.is_code(name.split()[0]) \
                or _INDEFINITE.search(text, max(0, match.start() - 8), match.start()) \
                and not match.group().startswith("éditions"):  # (« des éditions X » is « de les »)
            continue  # « le groupe jihadiste Etat islamique »: the name goes on; « le groupe V8 », an engine;
            # « une association LGBT »: a kind of association, none named
        if match.group().startswith("usine"):
            name = re.split(r"\s(?:de|d['’]|du)\s?", name)[0]  # « l'usine Renault de Flins »: where it is
        name = next((n for n, kind in split_span(_without_person(name), "ORG") if kind == "ORG"), "")
        start = match.start("name")
        if not name or not text.startswith(name, start):
            continue
        if " " not in name and lexicon.is_common(name) and generic or not _an_organisation(name):
            continue  # « le site Internet », « la chaîne Jérémy Frérot » (his YouTube channel); not
            # « l'hebdomadaire Marianne », « le quotidien Libération »: a medium's name is often a word
        if all(lexicon.is_adjective(word) for word in adjectives):
            out.append((start, start + len(name), name, "ORG"))
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
    for match in scan(_COACHBUILT, text, ("carross",)):
        name = next((n for n, _kind in split_span(match.group("name"), "ORG")), "")
        if name and match.group("name").startswith(name):
            out.append((match.start("name"), match.start("name") + len(name), name, "ORG"))
    for match in scan(_STATION, text, _STATIONS):
        name = _without_person(match.group())
        words = name.split()
        if len(words) > 3 and is_common_first_name(words[-1]) and not listed(name):
            name = " ".join(words[:-1])  # « a expliqué à France Bleu Normandie Thomas, l'un des… »: who spoke
        region = name.split(" ", 2)[2:]  # (not « France 3 Alain Marmignon »: a reporter)
        if region and (listed(name) == "ORG" or listed(region[0]) == "LOC" or listed(region[0].split()[0]) == "LOC"):
            out.append((match.start(), match.start() + len(name), name, "ORG"))
    for match in scan(_ARRONDISSEMENT, text, ("arrondissement",)):
        out.append((match.start(), match.end(), match.group(), "LOC"))
    return sorted(out + designations.find(text))


_INDEFINITE = re.compile(r"(?:^|\s)(?:un|une|des|d['’]une?)\s$", re.IGNORECASE)


def _without_person(name: str) -> str:
    """« le président du groupe LR Damien Abad »: the group, without its president's name."""
    words = name.split()
    for cut in range(1, len(words) - 1):
        if is_first_name(words[cut]) and a_person_after(words[cut:]) and not listed(name):
            return " ".join(words[:cut])  # (not « The New York Times »)
    return name


_LINKS = {"au", "aux", "de", "du", "des", "d'", "d’", "et", "pour", "contre", "sans", "en"}


def _goes_on(name: str, after: str) -> bool:
    """The name is longer than its capitalised words: a lowercase adjective follows (« Etat
    islamique »), another name joined by « et » (« Droit et Justice », « Renault et Nissan »), or a
    common word then a link (« Droit au logement »)."""
    following = after.split()
    if not following:
        return False
    word = following[0].strip(".,;:")
    if word.islower() and lexicon.is_adjective(word) or word == "et" and following[1:2] \
            and following[1][:1].isupper():
        return True
    return " " not in name and lexicon.is_common(name) and word in _LINKS


def _an_organisation(name: str) -> bool:
    """Neither a country nor a person's shape (a director's film, a YouTuber's channel)."""
    return not country(name) and not person_shaped(name)


def _span(match: re.Match, group: str, kind: str) -> tuple[int, int, str, str]:
    name = match.group(group).strip()
    start = match.start(group) + match.group(group).index(name)
    return start, start + len(name), name, kind


_QUOTES = re.compile(r"[«\"“]")


def quoted_organisations(texts: list[str]) -> frozenset[str]:
    """Folded quoted names an organisation's noun announces somewhere in the article (« chanteur du
    groupe "The Prodigy" »): the organisation wherever else the article quotes it (« "The Prodigy" a
    perdu sa voix »), no show or work."""
    return frozenset(fold(m.group("name").strip()) for text in texts if _QUOTES.search(text)
                     for m in _QUOTED_ORG.finditer(text))


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
    if found:
        organisations = quoted_organisations([title, *texts])
        found = {name for name in found if fold(name) not in organisations}
    for match in _QUOTE.finditer(title):
        before = title[:match.start()].split()
        if before and before[-1].lower() in _INTRODUCED and _title_like(match.group("name").strip()):
            found.add(match.group("name").strip())
    return sorted(found)


def _title_like(name: str) -> bool:
    words = name.replace("’", "'").split()
    return 1 <= len(words) <= 7 and not any(w.lower() in _SAID or w.lower().startswith(_SAID_ELIDED) for w in words)


_TWO_NAMES = re.compile(r"(?:(?:de|du|des)\s|d['’]|l['’])+[A-ZÀ-ÖØ-ÞŒ]")


def _a_person_from(words: list[str], i: int) -> bool:
    """The capitalised words from ``i`` on are a person's name."""
    run = words[i:]
    for k, word in enumerate(run):
        if not word[:1].isupper():
            run = run[:k]
            break
    return a_person_after(run)


# « veulent », « devra », « pourrait »: a verb's endings, the sentence going on after a name.
_VERB_ENDINGS = ("ent", "ra", "rait", "ront", "raient")


def _adjective(word: str) -> bool:
    """An adjective, its plurals too (« nationaux », « régionaux », which the lemma tables lack)."""
    return lexicon.is_adjective(word) or word.endswith("aux") and lexicon.is_adjective(word[:-3] + "al") \
        or word.endswith(("s", "x")) and lexicon.is_adjective(word[:-1])


def _infinitive(word: str) -> bool:
    """A verb's infinitive (« conduire », « empêcher »), not a noun that ends like one (« hiver »)."""
    return word.endswith(("er", "ir", "re")) and lexicon.is_verb(word)


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
    nouns = 0  # lowercase nouns since the last « de »
    for i, word in enumerate(words[kept:], kept):
        bare = re.sub(r"^[dl]['’]", "", word)
        if not any(ch.isalnum() for ch in word):
            break  # « le Centre national d'études spatiales -- qui a porté plainte »: an aside opens
        if word == "et" and _TWO_NAMES.match(" ".join(words[i + 1:i + 3])):
            break  # « du Centre des monuments nationaux et de l'Elysée »: two names
        if (placed or word[:1].isupper() and not listed(bare)) and _a_person_from(words, i):
            break  # « l'Association des maires de France André Laignel »: its vice-president; « la
            # Chambre des représentants Val Demings »: an elected member
        if bare in ("la", "les") and words[i - 1] == "de":
            kept += 1  # « l'Office français de la biodiversité »: « la » is the governed noun's
            continue
        if bare.lower() in _ENDS or bare[:1].islower() and (placed and not lexicon.is_adjective(bare)
                                                             or after_de and bare.endswith(("er", "ir"))
                                                             or (after_de or word[:2] in ("d'", "d’"))
                                                             and _infinitive(bare)):
            break  # « l'Inspection générale de la justice de conduire », « la Cour suprême … d'empêcher »
        placed = placed or bare[:1].isupper()
        after_de = word in ("de", "d'", "d’")
        if word in ("de", "du", "des", "et") or bare != word:
            governed, nouns = True, 0
        elif bare[:1].islower() and not _adjective(bare):
            if not governed or nouns and (lexicon.is_common(bare) or bare.endswith(_VERB_ENDINGS)):
                break  # one noun after « de », then its adjectives: not « … de la santé veulent »
            nouns += 1
        kept += 1
    name = _PARTICLE_END.sub("", " ".join(words[:kept]))
    return name if len(name.split()) > (2 if words[0] in ("Haut", "Haute") else 1) else ""
