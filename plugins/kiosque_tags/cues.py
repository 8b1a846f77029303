"""What the words around each use of a name say it is: « le président X » a person, « à X » a
place, « selon X » a person or an organisation, « l'émission X » or a name between quotes a show
or a work, « la X » no person. Each use gives one cue; kinds.py weighs them with the rest."""

from __future__ import annotations

import re

from . import lexicon, places
from .firstnames import is_common_first_name
from .names import country

TYPES = ("PER", "LOC", "ORG")
MISC = "MISC"
SOURCE = "SRC"  # « selon X »: a person or an organisation, never a place
AT = "AT"  # « à X »: a place, mostly (« à l'ONU », « à Emmanuel Macron » too)
QUOTED = "QUOTED"  # inside a few quoted words: « "La valise RTL" »
THE = "THE"  # « la Ndrangheta », « le Bigdil »: a definite article, which no person's name takes
HEADED = "HEADED"  # « Tours : deux personnes… »: a title opening on the name, a name of its own
IN_TITLE = "IN_TITLE"  # inside a work's quoted title: « "Les Chinois à Paris" de Jean Yanne »
ANNOUNCED = "ANNOUNCED"  # a use whose words announce its type (phrasing.py): « l'hebdomadaire Marianne »
PORTFOLIO = "PORTFOLIO"  # « le ministre de la Cohésion des territoires »: a minister's portfolio, no name

_CUES = {
    "PER": """président présidente ministre homologue secrétaire chef cheffe dirigeant dirigeante porte-parole
        chancelier chancelière député députée sénateur sénatrice maire candidat candidate leader patron patronne
        directeur directrice juge procureur procureure avocat avocate ambassadeur ambassadrice émir général
        opposant opposante cardinal imam rabbin pape roi reine prince princesse duc duchesse entraîneur
        sélectionneur commissaire gouverneur m. mme mlle monsieur madame docteur professeur maître acteur actrice
        chanteur chanteuse animateur animatrice journaliste comédien comédienne humoriste réalisateur
        réalisatrice écrivain écrivaine auteur autrice romancier romancière footballeur joueur joueuse
        champion championne star rappeur rappeuse musicien musicienne cinéaste producteur productrice
        présentateur présentatrice chroniqueur chroniqueuse victime suspect accusé meurtrier époux épouse mari
        femme fils fille frère sœur soeur père mère veuve veuf compagne compagnon petit-fils petite-fille
        chroniqueur ex-mari ex-femme ex-compagne ex-ministre ex-président maréchal colonel lieutenant
        capitaine commandant amiral abbé""",
    "LOC": """à ville commune village localité quartier région département capitale banlieue préfecture
        habitants maire préfet île côte vallée massif rue avenue boulevard comté province canton district
        archipel""",
    "ORG": """chaîne journal quotidien hebdomadaire mensuel magazine radio site société groupe entreprise club
        parti syndicat association ong fondation compagnie constructeur opérateur enseigne banque institut
        sondage cabinet studio label mouvement organisation agence collectif hôpital clinique lycée collège
        école université fédération ministère conseil tribunal équipe sélection maison marque firme géant
        plateforme magasin supermarché hypermarché restaurant éditeur éditions mafia cartel gang milice
        guérilla secte presse""",
    MISC: """émission série film feuilleton jeu spectacle album chanson titre tube livre roman festival prix
        affaire opération saison concours tournoi programme pièce saga documentaire téléfilm show sketch
        exposition salon fête cérémonie trophée rallye marathon dessin""",
    SOURCE: "selon d'après",
}
CUES = {word: kind for kind, words in _CUES.items() for word in words.split()}
_ROLES = frozenset(_CUES["PER"].split())
# A name opening on one of these is an institution's, a company's or a movement's.
ORG_HEADS = set("""association fédération chambre institut syndicat compagnie banque comité office agence collectif
    union ligue parti mouvement groupe société fondation observatoire caisse commission académie ordre conseil cour
    tribunal ministère confédération conservatoire direction service brigade secours autorité assemblée parlement
    gouvernement université école lycée collège hôpital clinique ville gendarmerie police préfecture mairie
    commissariat""".split())  # « la Ville de Paris », « la Gendarmerie du Rhin »
# « le maire de X », « la ville de X »: these nouns say what the name after « de » is.
_THROUGH_DE = {"de", "d'", "du"}
# … and these make one name with « France »: « le stade de France », « la coupe de France ».
_NAMING = {"stade", "coupe", "tour", "championnat", "20h", "jt", "rallye", "open"}
# … and these with any name: « le syndrome de Little », « la maladie de Parkinson ».
_NAMED_AFTER = {"syndrome", "maladie"}
# … and these, a show's: « l'animateur du Bigdil », « la candidate de Pékin Express ».
_SHOW_ROLES = set("""animateur animatrice présentateur présentatrice candidat candidate candidats candidates chroniqueur
    chroniqueuse juré jurée jury gagnant gagnante vainqueur vainqueure participant participante""".split())
# … and these say nothing: « le site de Deodoro » is a place, « le site de Libération » a website.
_EITHER = {"site"}
# … and these, that an institution of a place is named after it: « l'hôpital de Nelkan ».
_PLACED = {"hôpital", "clinique", "lycée", "collège", "école", "université", "tribunal", "préfecture", "club",
           "usine", "constructeur"}  # « le constructeur de Gaydon »: where the carmaker is
# … and these, a portfolio: « le ministre de la Cohésion des territoires », « la secrétaire d'État
# chargée de la Formation professionnelle », « ministre délégué aux Transports ».
_PORTFOLIO_HOLDERS = {"ministre", "ministres", "chargé", "chargée", "délégué", "déléguée", "d'état"}
# Elected people, whose label an acronym after them is (« le député LREM », « la sénatrice PS »).
_ELECTED = {"député", "députée", "sénateur", "sénatrice", "maire", "candidat", "candidate"}
_LETTERS = re.compile(r"^[A-Z]{2,6}\b")
# A model's number or code right before a name (« 488 », « A110 », « DB11 »; not a year, nor « 2 »).
_MODEL = re.compile(r"^(?:\d{3}|(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z][\w-]*)$")
# Words that make the next name a thing one has or buys: « sa Lamborghini », « une Lamborghini ».
_PRODUCT = {"un", "une", "sa", "son", "ses"}
_WORDS = re.compile(r"[\w’'.-]+|[^\w\s]")
_ELIDED = re.compile(r"^(?:l|d|qu|j|n|s)['’]", re.IGNORECASE)
def cue(text: str, start: int) -> str:
    """What the words right before ``text[start:]`` say the name there is ('' when nothing)."""
    if _after_a_title(text, start):
        return "PER"  # « "Compartiment tueurs" de Costa-Gavras »: a work, then its author
    before = text[max(0, start - 160):start]
    if any(word in before for word in _HOLDERS) and _PORTFOLIOS.search(before):
        return PORTFOLIO  # « ministre du Travail, de l'Emploi et de la Formation professionnelle »
    said, article = _cue(text, start)
    return said or (THE if article else "")


# « Tedros Adhanom Ghebreyesus, directeur général de l'OMS », « Ryanair, la compagnie irlandaise »:
# an apposition's noun says what the name before it is; « son petit frère, Philonise Floyd »: a
# relative's or a role's noun before a comma, a person.
_LOWER = "a-zàâçéèêëîïôûùüÿœ"
_APPOSED = re.compile(rf"\s?,\s(?:(?:le|la|l['’]|un|une|son|sa|leur|notre)\s?)?(?:ancien\s|ancienne\s|ex-)?"
                      rf"(?:(?P<adjective>[{_LOWER}-]+)\s)?(?P<noun>[{_LOWER}'’-]+)(?:\s[{_LOWER}-]+)?"
                      r"(?=\s(?:de|du|des|d['’]|qui|chargée?)\b|\s?[,.;)])")
_ROLE_BEFORE = re.compile(r"\b(?:son|sa|ses|leur|leurs|notre|mon|ma)\s(?:[a-zàâçéèêëîïôûùüÿœ-]+\s)?"
                          r"(?P<noun>[a-zàâçéèêëîïôûùüÿœ-]+),\s$")


def cue_after(text: str, start: int, end: int) -> str:
    """What an apposition right after the name, or a role's noun and a comma right before it,
    says the name is (PER, LOC, ORG or '')."""
    found = _APPOSED.match(text, end, end + 60) if text[end:end + 2].lstrip()[:1] == "," else None
    if found:
        noun, adjective = found.group("noun"), found.group("adjective")
        if adjective and not lexicon.is_adjective(adjective):
            noun = adjective  # « , directeur général de »: the noun came first
        noun = noun.replace("’", "'")
        kind = "PER" if noun in _ROLES else CUES.get(noun, "")  # « maire » is a person's, here
        if kind in TYPES and noun != "à":
            return kind
    if text[max(0, start - 2):start] != ", ":
        return ""
    before = _ROLE_BEFORE.search(text, max(0, start - 40), start)
    return "PER" if before and CUES.get(before.group("noun")) == "PER" else ""


_AFTER_A_TITLE = re.compile(r"[»\"”]\s*(?:de|d['’])\s*$")


def _after_a_title(text: str, start: int) -> bool:
    """Right after « "A Title" de »: a few quoted words opening on a capital (not « le "pacte" de
    Marrakech »)."""
    if not any(quote in text[max(0, start - 12):start] for quote in "»\"”"):
        return False
    found = _AFTER_A_TITLE.search(text, max(0, start - 12), start)
    if found is None:
        return False
    closing = found.start()
    opening = text.rfind('"', 0, closing) if text[closing] == '"' else max(text.rfind("«", 0, closing),
                                                                          text.rfind("“", 0, closing))
    quoted = text[opening + 1:closing].strip()
    return opening >= 0 and quoted[:1].isupper() and len(quoted.split()) <= 6
# A minister's portfolios one after the other: the words before the second and the next.
_OF = r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|aux\s+|à\s+la\s+|à\s+l['’]|au\s+)"
_HOLDERS = ("ministre", "chargé", "délégué", "État")
_PORTFOLIOS = re.compile(r"\b(?:ministres?|chargée?|déléguée?|d['’]État)\s+" + _OF
                         + r"(?:[A-ZÀ-ÖØ-ÞŒ][\w'’-]*(?:\s+[a-zà-ÿ][\w'’-]*){0,3}(?:\s*,\s*|\s+et\s+)" + _OF + r")+$")


def _cue(text: str, start: int) -> tuple[str, bool]:
    """The cue, and whether a definite article stands right before the name."""
    said = _words_before(text, start)
    article = bool(said) and said[0] in ("le", "la", "les", "l'", "du", "au", "aux")
    kind = _cue_of(said)
    following = text[start:].split(" ")[0]
    if said and said[0] in _SPEAKING and not _a_place_speaking(text, start):
        return SOURCE, article  # « ", a expliqué Sailsquare. »: who speaks, no place
    if said[1:2] and said[0] in ("par", "avec") and _MAKING.match(said[1]) and not is_common_first_name(following):
        return "ORG", article  # « carrossée par Vanden Plas », « développée avec Bosch »: its maker
    if said and _MODEL.match(said[0]) and following[:1].isupper() and not is_common_first_name(following):
        return MISC, False  # « les Ferrari 488 Pista », « une 300 SL »: a model's name after its number
    if kind == "PER" and said[0] in _ELECTED and _LETTERS.match(following):
        return "ORG", article  # « député REM », « le maire LR »: the elected's party, no one's name
    if kind == MISC and said[1:2] and said[1] in _SHOW_ROLES and is_common_first_name(following):
        return "", False  # « l'ancien chroniqueur de Cyril Hanouna »: his show's host
    if kind == MISC and said[1:2] and said[1] in _NAMING and not following.startswith("France"):
        return "LOC" if said[1] == "stade" else "", article  # « le stade de Juillan »: Juillan's
    return kind, article


# Verbs of speech a subject follows (« ", a expliqué Sailsquare », « explique Vipin Narang »): the
# name after them speaks, a person or an organisation; a town or a country only as its
# government (« a réagi Moscou »), which stays a place.
_SPEAKING = set("""expliqué explique indiqué indique précisé précise déclaré déclare affirmé affirme assuré assure
    ajouté ajoute souligné souligne estimé estime réagi réagit confié confie raconté raconte commenté commente
    résumé résume rapporté rapporte insisté insiste poursuivi poursuit conclu conclut tweeté twitté dénoncé dénonce
    regretté regrette martelé martèle""".split())
# Participles of making (« carrossée par Vanden Plas », « une injection développée avec Bosch »,
# « équipée par Brembo »): the name after « par » or « avec » made it, a company (a person has a
# first name: « dessinée par Marcello Gandini »).
_MAKING = re.compile(r"^(?:carross|développ|conç|fabriqu|produit|équip|motoris|prépar|construit|assembl)"
                     r"(?:é|ée|és|ées|u|ue|us|ues|e|es|s)?$")
_CAPITALISED_RUN = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][\w’'-]*(?:\s[A-ZÀ-ÖØ-ÞŒ][\w’'-]*)*")


def _a_place_speaking(text: str, start: int) -> bool:
    run = _CAPITALISED_RUN.match(text, start)
    words = run.group().split() if run else []
    return any(places.is_town(" ".join(words[:n])) or country(" ".join(words[:n])) for n in range(1, len(words) + 1))


def _words_before(text: str, start: int) -> list[str]:
    before = _WORDS.findall(text[max(0, start - 60):start])
    words: list[str] = []
    for token in reversed(before):
        if not token[0].isalnum() and token not in ("'", "’"):
            break  # punctuation: the words before it say nothing of this name
        words.append(token.lower().replace("’", "'"))
        if len(words) == 3:
            break
    return words


def _cue_of(words: list[str]) -> str:
    if not words:
        return ""
    if words[0] in ("le", "la", "les", "l'") and len(words) > 1:
        words = words[1:]  # « selon le Parisien », « sur la chaîne »
    last = _ELIDED.sub("", words[0]) if words[0] not in ("d'", "l'") else words[0]
    if last in _THROUGH_DE | {"des", "aux", "à"} and words[1:2] and words[1] in _PORTFOLIO_HOLDERS:
        return PORTFOLIO
    if words[0] in ("d'après",) or last == "après" and words[1:2] == ["d'"]:
        return SOURCE
    if last in _PRODUCT:
        return MISC
    if last == "à" and len(words[0]) == 1 or words[0] == "en":  # « en Grande-Bretagne »
        return AT
    if last in CUES and last != "à":
        return CUES[last]
    if last in _THROUGH_DE and len(words) > 1:
        noun = _ELIDED.sub("", words[1])
        kind = CUES.get(noun)
        # « le président de la République » says nothing of « République » (a title names what
        # the person heads), nor « la chanson de Johnny Hallyday » (a work names its author).
        if noun in _NAMING or noun in _SHOW_ROLES or noun in _NAMED_AFTER:
            return MISC  # « le stade de France », « l'animateur du Bigdil »
        if noun in _EITHER:
            return ""
        # « le constructeur de Stuttgart », « le club de Lyon »: an organisation's noun then
        # « de » names where it is as often as whose it is.
        return "LOC" if kind == "LOC" or noun in _PLACED else ""
    if len(words) > 1 and last.islower() and lexicon.is_adjective(last):
        # « le président américain Donald Trump », « le président turc X », « l'ancien ministre X »
        kind = CUES.get(_ELIDED.sub("", words[1]))
        return kind if kind in ("PER", "ORG", MISC) else ""
    return ""


_OPENING, _CLOSING = "«\"“'‘", "»\"”'’"
_TITLE_ARTICLE = re.compile(r"(?<=[«\"“])\s*(?:Le|La|Les|L['’]|Un|Une)\s*$")
_TITLE_ARTICLES = ("Le", "La", "Les", "L'", "L’", "Un", "Une")  # what it ends on (but spaces)


def title_cue(text: str, start: int, end: int) -> str:
    """MISC for a name that is a whole quoted title, IN_TITLE for one inside a work's quoted title
    (« son film "I, Daniel Blake" », « "Les Chinois à Paris" de Jean Yanne »), QUOTED for one inside
    a few quoted words (« "La valise RTL" »: a title that names it, or a short quotation), ''
    otherwise."""
    if quoted(text, start, end):
        return MISC
    span = _short_quote(text, start, end)
    if span is None:
        return ""
    return IN_TITLE if _a_work(text, *span) else QUOTED


# A quotation that is a work's title: a work's noun before it (« son film "…" »), its author after
# it (« "…" de Jean Yanne »), or titles listed one after the other (« « … », « … » ou « … » »).
_WORK_BEFORE = re.compile(r"(?:^|\s)(?:" + "|".join(_CUES[MISC].split()) + r")s?\s*:?\s*$")
_AUTHOR_AFTER = re.compile(r"^\s*(?:de|d['’])\s*[A-ZÀ-ÖØ-ÞŒ]")
_NEXT_TITLE = re.compile(r"^\s*(?:,|et|ou)\s*[«\"“]")
_PREVIOUS_TITLE = re.compile(r"[»\"”]\s*(?:,|et|ou)\s*$")


def _a_work(text: str, opening: int, closing: int) -> bool:
    before, after = text[max(0, opening - 40):opening], text[closing + 1:closing + 40]
    return bool(_WORK_BEFORE.search(before.lower()) or _AUTHOR_AFTER.match(after) or _NEXT_TITLE.match(after)
                or _PREVIOUS_TITLE.search(before))


def quoted(text: str, start: int, end: int) -> bool:
    """A name between quotes is the title of a show or a work: « "Pékin Express" », « L'École
    des fans »."""
    before, after = text[:start].rstrip(" \u00a0\u202f"), text[end:].lstrip(" \u00a0\u202f")
    if before[-2:-1].islower() and before[-1:] in ("'", "’"):
        return False  # « la gloire d'Anne Hidalgo" »: an elision, not an opening quote
    if before.rstrip().endswith(_TITLE_ARTICLES):  # (else no match: not worth a scan of all before it)
        before = _TITLE_ARTICLE.sub("", before)  # « "La Bohème" »: a title opening on its article
    return bool(before) and before[-1] in _OPENING and bool(after) and after[0] in _CLOSING


def _short_quote(text: str, start: int, end: int, words: int = 6) -> tuple[int, int] | None:
    """« "La valise RTL" »: inside a few quoted words, a title (a quotation is longer); the
    offsets of its quotes."""
    if text.count('"', 0, start) % 2:  # straight quotes pair up in order
        opening, closing = text.rfind('"', 0, start), text.find('"', end)
    else:
        opening, closing = max(text.rfind("«", 0, start), text.rfind("“", 0, start)), -1
        if opening >= 0 and not any(q in text[opening + 1:start] for q in "»”"):
            closing = min((i for i in (text.find("»", end), text.find("”", end)) if i >= 0), default=-1)
    if opening >= 0 and closing >= 0 and len(text[opening + 1:closing].split()) <= words:
        return opening, closing
    return None
