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
from pathlib import Path

from kiosque_core.folding import fold

from . import institutions, lexicon, variants
from .firstnames import is_common_first_name, is_first_name
from .names import MONTHS, WEEKDAYS, country, tokens

TYPES = ("PER", "LOC", "ORG")
# Words the first-name dictionary lists that open titles far more often than names.
NOT_FIRST_NAMES = set("the a an of and le la les un une des mon ma ton ta son sa".split())
MISC = "MISC"
SOURCE = "SRC"  # « selon X »: a person or an organisation, never a place
AT = "AT"  # « à X »: a place, mostly (« à l'ONU », « à Emmanuel Macron » too)
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
        habitants maire préfet île côte vallée massif rue avenue boulevard comté province canton district
        archipel""",
    "ORG": """chaîne journal quotidien hebdomadaire mensuel magazine radio site société groupe entreprise club
        parti syndicat association ong fondation compagnie constructeur opérateur enseigne banque institut
        sondage cabinet studio label mouvement organisation agence collectif hôpital clinique lycée collège
        école université fédération ministère conseil tribunal équipe sélection magasin supermarché
        hypermarché restaurant marque éditeur éditions""",
    MISC: """émission série film feuilleton jeu spectacle album chanson titre tube livre roman festival prix
        affaire opération saison concours tournoi programme pièce saga documentaire téléfilm show sketch
        exposition salon fête cérémonie trophée rallye marathon dessin""",
    SOURCE: "selon d'après",
}
CUES = {word: kind for kind, words in _CUES.items() for word in words.split()}
# « le maire de X », « la ville de X »: these nouns say what the name after « de » is.
_THROUGH_DE = {"de", "d'", "du"}
# Words that make the next name a thing one has or buys: « sa Lamborghini », « une Lamborghini ».
_PRODUCT = {"un", "une", "sa", "son", "ses"}
_WORDS = re.compile(r"[\w’'.-]+|[^\w\s]")
_ELIDED = re.compile(r"^(?:l|d|qu|j|n|s)['’]", re.IGNORECASE)
# An event or affair named after its subject: « Mort de Keith Flint », « Affaire Benalla ».
EVENT_WORDS = {"affaire", "mort", "décès", "deces", "obsèques", "obseques", "procès", "proces", "repas",
               "grève", "greve", "mariage", "divorce", "attentat", "meurtre", "assassinat", "naissance",
               "disparition", "enlèvement", "scandale", "crise", "guerre", "bataille", "hommage", "jo", "jeux"}


def cue(text: str, start: int) -> str:
    """What the words right before ``text[start:]`` say the name there is ('' when nothing)."""
    before = _WORDS.findall(text[max(0, start - 60):start])
    words: list[str] = []
    for token in reversed(before):
        if not token[0].isalnum() and token not in ("'", "’"):
            break  # punctuation: the words before it say nothing of this name
        words.append(token.lower().replace("’", "'"))
        if len(words) == 3:
            break
    if not words:
        return ""
    if words[0] in ("le", "la", "les", "l'") and len(words) > 1:
        words = words[1:]  # « selon le Parisien », « sur la chaîne »
    last = _ELIDED.sub("", words[0]) if words[0] not in ("d'", "l'") else words[0]
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
        return "LOC" if kind == "LOC" else kind if kind == "ORG" else ""
    if len(words) > 1 and last.islower() and lexicon.is_adjective(last):
        # « le président américain Donald Trump », « le président turc X », « l'ancien ministre X »
        kind = CUES.get(_ELIDED.sub("", words[1]))
        return kind if kind in ("PER", "ORG", MISC) else ""
    return ""


_OPENING, _CLOSING = "«\"“'‘", "»\"”'’"


def quoted(text: str, start: int, end: int) -> bool:
    """A name between quotes is the title of a show or a work: « "Pékin Express" », « L'École
    des fans »."""
    before, after = text[:start].rstrip(" \u00a0\u202f"), text[end:].lstrip(" \u00a0\u202f")
    if before[-2:-1].islower() and before[-1:] in ("'", "’"):
        return False  # « la gloire d'Anne Hidalgo" »: an elision, not an opening quote
    return bool(before) and before[-1] in _OPENING and bool(after) and after[0] in _CLOSING


@lru_cache(maxsize=1)
def _listed_names() -> tuple[str, ...]:
    path = Path(__file__).with_name("data") / "organisations.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    return frozenset(fold(name) for name in _listed_names())


@lru_cache(maxsize=1)
def _lowercase_names() -> re.Pattern | None:
    """Listed names with lowercase words (« La République en marche »): runs of capitalised
    words would cut them up, so they are looked for as they are written (any case)."""
    names = [n for n in _listed_names() if any(w.islower() and len(w) > 2 for w in tokens(n)[1:])
             or not n.replace(" ", "").replace("-", "").replace("'", "").isalpha()]  # « Canal+ », « 20 Minutes »
    if not names:
        return None
    alternation = "|".join(re.escape(n).replace("'", "['’]") for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w+-])", re.IGNORECASE)


_CONTRACTED = {"au": "le", "du": "le", "le": "le", "la": "la", "l'": "l'", "aux": "les", "des": "les", "les": "les"}


@lru_cache(maxsize=1)
def _by_folded() -> dict[str, str]:
    return {fold(name): name for name in _listed_names()}


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
    pattern = _lowercase_names()
    return [] if pattern is None else [(m.start(), m.end(), m.group(), "ORG") for m in pattern.finditer(text)]


@lru_cache(maxsize=1)
def _french_divisions() -> frozenset[str]:
    import pycountry

    return frozenset(fold(re.sub(r"\s*\(.*\)$", "", s.name)) for s in pycountry.subdivisions.get(country_code="FR"))


@lru_cache(maxsize=65536)
def listed(name: str) -> str:
    """The type a known list gives a name: LOC for countries and French divisions, ORG for listed
    organisations and names they open (« France Bleu Touraine »); '' otherwise."""
    if country(name) or fold(name) in _french_divisions():
        return "LOC"
    phrase = institutions.find(name)
    if phrase and phrase[0][0] == 0 and phrase[0][1] == len(name):
        return phrase[0][3]
    words = fold(name).split()
    orgs = _organisations()
    if " ".join(words) in orgs:
        return "ORG"
    rest = [w for w in re.split(r"[\s\-‐‑–—_.]+", name.casefold().replace("’", "'")) if w]
    rest = [w for w in re.split(r"[\s\-‐‑–—_.]+", name) if w] if len(rest) == len(words) else words
    for end in range(len(words) - 1, 0, -1):
        if " ".join(words[:end]) in orgs:
            # « France Bleu Touraine », not « TF1 Christophe Beaugrand » (two names run together)
            after = rest[end:]
            return "" if is_common_first_name(after[0]) or after[0].lower() in ("de", "du", "d'") \
                or all(lexicon.is_verb(w) for w in after) else "ORG"  # not « Facebook Partager »
    return ""


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
    name = " ".join(words)
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), words[cut:]
        rest = " ".join(tail[1:] if tail[0] in ("de", "du", "d'") else tail)
        if not rest:
            continue
        if listed(head) == "ORG" and person_shaped(rest):
            return [(head, "ORG"), (rest, "PER")]
        if listed(head) == "ORG" and all(lexicon.is_verb(w) for w in tokens(rest)):
            return [(head, "ORG")]  # « Facebook Partager »: a share button's label
        if tail[0] in ("de", "du", "d'") and cut >= 2 and is_common_first_name(words[0]) and listed(rest) == "ORG":
            return [(head, "PER"), (rest, "ORG")]
    if len(words) >= 3 and person_shaped(" ".join(words[1:])) and not is_common_first_name(words[0]):
        return [(" ".join(words[1:]), "PER")]
    return [(name, label)]


def person_shaped(name: str) -> bool:
    """A common first name, then a capitalised surname that is no first name."""
    words = tokens(name)
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
    known = listed(name)
    if known == "LOC" and cues["ORG"] + cues[MISC] > cues["LOC"] + cues[AT] + cues[SOURCE] + cues["PER"]:
        return ""  # « la fédération France nature environnement », « l'équipe de France »
    if known:
        return known
    if len(words) == 1 and (lexicon.is_demonym(name) or fold(name) in _demonym_words()):
        return ""
    if fold(words[0]) in EVENT_WORDS:
        return MISC
    single_word = len(words) == 1 and lexicon.is_common(name)
    if single_word and not proper:
        return ""
    misc = cues[MISC]
    typed = sum(cues[t] for t in TYPES) + cues[AT] + cues[HEADED]
    if misc and misc >= typed:
        return MISC
    if labels[MISC] > sum(labels[t] for t in TYPES) and not typed and not person_shaped(name) \
            and archive[MISC] >= sum(archive[t] for t in TYPES):
        return MISC  # what the model calls a show, a work or an event, unless more says otherwise
    votes = Counter({t: labels[t] + archive[t] + 2 * cues[t] for t in TYPES})
    votes["LOC"] += cues[AT]
    if person_shaped(name):
        votes["PER"] += 3
    if cues[SOURCE]:
        votes["LOC"] = 0
    if words[0].lower() in ("the", "les", "le", "la", "l'", "un", "une", "des") and not person_shaped(name) \
            or len(words) > 1 and (variants.is_acronym(words[0]) or lexicon.is_common(words[0])
                                   and not is_first_name(words[0])):
        votes["PER"] = 0  # « The Walking Dead », « CHRU Trousseau », « Proverbes chinois »: no one's name
    if single_word and not (cues[MISC] or typed or sum(archive.values()) >= 2):
        return ""  # a common word capitalised: « Café », « Plan », without more to go on
    best = max(TYPES, key=lambda t: (votes[t], labels[t], -TYPES.index(t)))
    return best if votes[best] > 0 else ""


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    from .names import DEMONYMS

    return frozenset(DEMONYMS)
