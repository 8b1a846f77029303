"""A name's type (PER, LOC, ORG, or MISC: shows, works, events, products) from evidence, never
from one mention alone: known lists (countries and French départements and régions from
pycountry; French media, pollsters and parties in ``data/organisations.txt``), the words right
before each use (« le président X », « à X », « selon X », « l'émission X », « la ville de X »),
the name's shape (a first name and a surname), the model's labels in the article, and the
archive's votes (every article that named it, registry.py)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kiosque_core.folding import fold

from . import lexicon, places, things, variants
from .firstnames import is_common_first_name, is_first_name
from .lists import bare_listed, is_organisation, listed
from .names import MONTHS, WEEKDAYS, country, initials_and_surname, tokens

TYPES = ("PER", "LOC", "ORG")
# Words the first-name dictionary lists that open titles far more often than names.
NOT_FIRST_NAMES = set("the a an of and le la les un une des mon ma ton ta son sa".split())
MISC = "MISC"
SOURCE = "SRC"  # « selon X »: a person or an organisation, never a place
AT = "AT"  # « à X »: a place, mostly (« à l'ONU », « à Emmanuel Macron » too)
QUOTED = "QUOTED"  # inside a few quoted words: « "La valise RTL" »
THE = "THE"  # « la Ndrangheta », « le Bigdil »: a definite article, which no person's name takes
HEADED = "HEADED"  # « Tours : deux personnes… »: a title opening on the name, a name of its own

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
        habitants maire préfet île côte vallée massif rue avenue boulevard""",
    "ORG": """chaîne journal quotidien hebdomadaire mensuel magazine radio site société groupe entreprise club
        parti syndicat association ong fondation compagnie constructeur opérateur enseigne banque institut
        sondage cabinet studio label mouvement organisation agence collectif hôpital clinique lycée collège
        école université fédération ministère conseil tribunal équipe sélection""",
    MISC: """émission série film feuilleton jeu spectacle album chanson titre tube livre roman festival prix
        affaire opération saison concours tournoi programme pièce saga documentaire téléfilm show sketch
        exposition salon fête cérémonie trophée rallye marathon dessin""",
    SOURCE: "selon d'après",
}
CUES = {word: kind for kind, words in _CUES.items() for word in words.split()}
_ROLE_WORDS = {word for word, kind in CUES.items() if kind == "PER"}
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
_PLACED = {"hôpital", "clinique", "lycée", "collège", "école", "université", "tribunal", "préfecture", "club"}
# A name opening on one of these is an institution's, a company's or a movement's.
_ORG_HEADS = set("""association fédération chambre institut syndicat compagnie banque comité office agence collectif
    union ligue parti mouvement groupe société fondation observatoire caisse commission académie ordre conseil cour
    tribunal ministère confédération conservatoire direction service brigade secours autorité assemblée parlement
    gouvernement université école lycée collège hôpital clinique""".split())
# A name closing on one of these is a place's: « Clarence House », « Downing Street ».
_PLACE_TAILS = set("""house street palace park square hall castle tower bridge garden gardens road avenue lane
    abbey cathedral airport station stadium arena center centre beach island islands bay""".split())
# Common nouns that open places' names (« Océan indien », « Golfe persique »).
_GEOGRAPHY = set("""ocean mer golfe mont monts lac ile iles cote massif vallee baie detroit canal cap plaine plateau
    desert foret fleuve riviere archipel peninsule""".split())
# Words that open a sentence, never a name: « À en croire le Americain Journal… ».
_OPENERS = {"a", "selon", "pour", "en", "dans", "avec", "sur", "par", "chez", "apres", "avant", "depuis", "d'apres"}
# Words that make the next name a thing one has or buys: « sa Lamborghini », « une Lamborghini ».
_PRODUCT = {"un", "une", "sa", "son", "ses"}
_WORDS = re.compile(r"[\w’'.-]+|[^\w\s]")
_ELIDED = re.compile(r"^(?:l|d|qu|j|n|s)['’]", re.IGNORECASE)
def cue(text: str, start: int) -> str:
    """What the words right before ``text[start:]`` say the name there is ('' when nothing)."""
    said, article = _cue(text, start)
    return said or (THE if article else "")


def _cue(text: str, start: int) -> tuple[str, bool]:
    """The cue, and whether a definite article stands right before the name."""
    said = _words_before(text, start)
    article = bool(said) and said[0] in ("le", "la", "les", "l'", "du", "au", "aux")
    kind = _cue_of(said)
    following = text[start:].split(" ")[0]
    if kind == MISC and said[1:2] and said[1] in _SHOW_ROLES and is_common_first_name(following):
        return "", False  # « l'ancien chroniqueur de Cyril Hanouna »: his show's host
    if kind == MISC and said[1:2] and said[1] in _NAMING and not following.startswith("France"):
        return "LOC" if said[1] == "stade" else "", article  # « le stade de Juillan »: Juillan's
    return kind, article


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
    if words[0] in ("d'après",) or last == "après" and words[1:2] == ["d'"]:
        return SOURCE
    if last in _PRODUCT:
        return MISC
    if last == "à" and len(words[0]) == 1:
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


def title_cue(text: str, start: int, end: int) -> str:
    """MISC for a name that is a whole quoted title, QUOTED for one inside a few quoted words
    (« "La valise RTL" »: a title that names it, or a short quotation), '' otherwise."""
    return MISC if quoted(text, start, end) else QUOTED if _in_short_quote(text, start, end) else ""


def quoted(text: str, start: int, end: int) -> bool:
    """A name between quotes is the title of a show or a work: « "Pékin Express" », « L'École
    des fans »."""
    before, after = text[:start].rstrip(" \u00a0\u202f"), text[end:].lstrip(" \u00a0\u202f")
    before = _TITLE_ARTICLE.sub("", before)  # « "La Bohème" »: a title opening on its article
    return bool(before) and before[-1] in _OPENING and bool(after) and after[0] in _CLOSING


def without_title(name: str) -> str:
    """« général de Gaulle », « maréchal Pétain », « prince Charles »: the name without the title
    a model's span often carries (a particle that opens a surname stays: « de Gaulle »)."""
    words = tokens(name)
    while len(words) > 1 and words[0].islower() and CUES.get(words[0]) == "PER":
        words = words[1:]
    return " ".join(words)


def split_span(name: str, label: str) -> list[tuple[str, str]]:
    """A model's span that runs two names together: « TF1 Christophe Beaugrand », « RTL de
    Marc-Olivier Fogiel », « Jérôme Anthony de M6 », « Télématin Laura Tenoudji »."""
    words = tokens(name)
    while len(words) > 1 and fold(words[-1]) in WEEKDAYS | MONTHS:
        words = words[:-1]  # « Le Parisien mercredi »
    opener = label != "PER" and len(words) > 1 and fold(words[0]) in _OPENERS
    if opener:
        words = words[1:]  # « À en croire le Americain Journal… »: the sentence's words before the name
    while (opener or label == "LOC") and len(words) > 1 and words[0].islower():
        words = words[1:]  # « archipel du Svalbard », « mémorial du Mont-Valérien »: the place is the name
    name = " ".join(words)
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), words[cut:]
        rest = " ".join(tail[1:] if tail[0] in ("de", "du", "d'") else tail)
        if not rest:
            continue
        if listed(head) == "ORG" and person_shaped(rest):
            return [(head, "ORG"), (rest, "PER")]  # « TF1 Christophe Beaugrand », « l'AFP K L Gurjar »
        if listed(head) == "ORG" and tail[0] == "pour" and len(tail) > 1:
            return [(head, "ORG"), (clean_article(" ".join(tail[1:])), "ORG")]  # « Ifop pour le JDD »
        if listed(head) == "ORG" and all(lexicon.is_verb(w) for w in tokens(rest)):
            return [(head, "ORG")]  # « Facebook Partager »: a share button's label
        if tail[0] in ("de", "du", "d'") and cut >= 2 and is_common_first_name(words[0]) and listed(rest) == "ORG":
            return [(head, "PER"), (rest, "ORG")]
        if is_organisation(rest) and tail[0] not in ("de", "du", "d'") and all(w[:1].isupper() for w in words[:cut]) \
                and not listed(name) and not person_shaped(name):
            return [(rest, "ORG")]  # « Vice Président Style Porsche », « Fascino Ferrari »: the maker
    if len(words) >= 3 and person_shaped(" ".join(words[1:])) and not is_common_first_name(words[0]):
        return [(" ".join(words[1:]), "PER")]
    if len(words) >= 3 and is_common_first_name(words[0]) and words[1][:1].isupper() and all(
            lexicon.is_common(w) and not is_first_name(w) for w in words[2:]):
        return [(" ".join(words[:2]), "PER")]  # « Boris Johnson Harry », « Edouard Philippe Déconfinement »
    if len(words) >= 3 and words[1] in ("de", "du", "d'") and words[0][-1:] in "sx" and words[0][:1].isupper() \
            and lexicon.is_common(words[0]) and words[2][:1].isupper():
        return [(" ".join(words[2:]), label)]  # « États du Maharashtra »: the places are the states
    if label == "ORG" and len(words) == 2 and words[1].islower() and lexicon.DEMONYM.search(words[1]) \
            and not lexicon.is_common(words[0]) and not listed(name):
        return [(words[0], label)]  # « Camorra napolitaine »: the adjective says where it is from
    return [(name, label)]


def clean_article(name: str) -> str:
    return re.sub(r"^(?:le|la|les|l['’])\s*", "", name)


def person_shaped(name: str) -> bool:
    """A common first name (or initials: « K L Gurjar »), then a capitalised surname that is no
    first name."""
    words = tokens(name)
    if len(words) <= 4 and initials_and_surname(name):
        return True
    if len(words) < 2 or len(words) > 4 or not is_common_first_name(words[0].split("-")[0]) \
            or fold(words[0]) in NOT_FIRST_NAMES:
        return False
    last = words[-1]
    return last[:1].isupper() and not last.isupper() and not is_common_first_name(last)


def decide(name: str, labels: Counter, cues: Counter, archive: Counter, proper: bool) -> str:
    """PER, LOC, ORG, MISC (named, but no person, place or organisation) or '' (no name at all).
    ``labels``: the model's in this article; ``cues``: the words before its uses; ``archive``: the
    registry's votes (one per article); ``proper``: capitalised somewhere no sentence starts."""
    words = tokens(name)
    if things.is_thing(name) and not country(name) or things.is_title(name):
        return MISC
    known = listed(name)
    if not known and (things.is_code(name) or things.is_ordinal(name) or things.is_role(name, _ROLE_WORDS)
                      or len(words) == 1 and lexicon.is_verb(name)):
        return ""  # … or « Rappelons », « Partager »: a verb opening a sentence or a button
    if known == "ORG" and cues[MISC] and not is_organisation(name) and fold(name) not in bare_listed():
        return MISC  # « "RFM Party 80" », « "RTL Soir" »: a show that bears its channel's name
    if known == "ORG" and cues[QUOTED] and not _typed(cues) and sum(labels[t] for t in TYPES) <= cues[QUOTED]:
        return MISC  # « ses sketchs "La valise RTL", … »: named only inside a title
    if known == "LOC" and cues["ORG"] + cues[MISC] > cues["LOC"] + cues[AT] + cues[SOURCE] + cues["PER"]:
        return ""  # « la fédération France nature environnement », « l'équipe de France »
    if known:
        return known
    if len(words) == 1 and (lexicon.is_demonym(name) or fold(name) in _demonym_words()):
        return ""
    single_word = len(words) == 1 and lexicon.is_common(name)
    if single_word and not proper:
        return ""
    misc = cues[MISC]
    typed = _typed(cues)
    seen_as_person = 2 * labels["PER"] > sum(labels[t] for t in TYPES)  # « Fauve Hautot »: a common first word
    if misc and misc >= typed and not (seen_as_person and person_shaped(name) and labels["PER"] > misc):
        return MISC  # not « David Hallyday » for one « le clan "Hallyday" »
    if labels[MISC] > sum(labels[t] for t in TYPES) and not typed and not person_shaped(name) \
            and archive[MISC] >= sum(archive[t] for t in TYPES):
        return MISC  # what the model calls a show, a work or an event, unless more says otherwise
    if archive[MISC] > sum(archive[t] for t in TYPES) and not typed and not person_shaped(name):
        return MISC  # what most of the archive's articles found a show, a work or an event
    votes = Counter({t: _share(labels, t) + _share(archive, t, 6) + 2 * cues[t] for t in TYPES})
    if places.is_town(name) and not person_shaped(name) and not cues["ORG"] + cues["PER"] + cues[SOURCE]:
        return "LOC"  # « Stuttgart », « Maranello »: a town, whatever maker it houses
    votes["PER"] -= 2 * cues[THE]  # « la Ndrangheta »
    if len(words) > 1 and words[0].lower() in _ORG_HEADS:
        votes["ORG"] += 3  # « Chambre d'agriculture de l'Ariège », « Cour suprême »: an institution's name
    votes["LOC"] += cues[AT]
    if len(words) > 1 and variants.is_acronym(words[0]):
        votes["ORG"] += 3  # « ESJ Paris », « SAMU de Strasbourg », « EM Lyon »: a school, a service
    if len(words) > 1 and fold(words[-1]) in _PLACE_TAILS:
        votes["LOC"] += 3  # « Clarence House », « Downing Street »
        return "LOC" if votes["LOC"] >= votes["ORG"] else "ORG"
    if len(words) == 2 and words[1].islower() and lexicon.is_adjective(words[1]) and lexicon.is_common(words[0]) \
            and fold(words[0]) not in _GEOGRAPHY:
        votes["LOC"] = 0  # « Occupation nazie », « Dalle sacrée »: a common noun and its adjective
    if person_shaped(name):
        votes["PER"] += 3
        if labels["PER"] and not cues["LOC"] + cues[AT] + cues["ORG"]:
            return "PER"  # « Flavie Flament », « Babette de Rozières »: a name, and the model saw a person
    if cues[SOURCE]:
        votes["LOC"] = 0
    if words[0].lower() in ("the", "les", "le", "la", "l'", "un", "une", "des") and not person_shaped(name) \
            or len(words) > 1 and (variants.is_acronym(words[0]) or lexicon.is_common(words[0])
                                   and not is_first_name(words[0]) and not seen_as_person):
        votes["PER"] = 0  # « The Walking Dead », « CHRU Trousseau », « Proverbes chinois »: no one's name
    if single_word and not (cues[MISC] or typed):
        return ""  # a common word capitalised: « Café », « Plan », without more to go on
    best = max(TYPES, key=lambda t: (votes[t], labels[t], -TYPES.index(t)))
    return best if votes[best] > 0 else ""


def _typed(cues: Counter) -> int:
    """Uses whose words before say a person, a place or an organisation."""
    return sum(cues[t] for t in TYPES) + cues[AT] + cues[HEADED] + cues[SOURCE]


def _share(labels: Counter, kind: str, weight: int = 3) -> float:
    """The model's say, at most ``weight`` votes however often it saw the name: its labels are
    counted once per use of each span, so a name used five times would outvote every cue."""
    total = sum(labels[t] for t in TYPES)
    return labels[kind] * min(total, weight) / total if total else 0


def _in_short_quote(text: str, start: int, end: int, words: int = 6) -> bool:
    """« "La valise RTL" »: inside a few quoted words, a title (a quotation is longer)."""
    if text.count('"', 0, start) % 2:  # straight quotes pair up in order
        opening, closing = text.rfind('"', 0, start), text.find('"', end)
    else:
        opening, closing = max(text.rfind("«", 0, start), text.rfind("“", 0, start)), -1
        if opening >= 0 and not any(q in text[opening + 1:start] for q in "»”"):
            closing = min((i for i in (text.find("»", end), text.find("”", end)) if i >= 0), default=-1)
    return opening >= 0 and closing >= 0 and len(text[opening + 1:closing].split()) <= words


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    from .names import DEMONYMS

    return frozenset(DEMONYMS)
