"""Names of things that are no person, place or organisation, whatever a model says: events,
feasts, awards, contests, shows named by their kind (« Légion d'honneur », « Miss France »,
« Grammy Awards », « Salon de Genève », « JT de France 2 »), the words of ``data/things.txt``
(feasts, taxes and norms, elections, units: « Thanksgiving », « Smic », « WLTP »), model codes
(« L-410 », « A320 »), ordinals (« XXIe ») and role phrases (« Porte-parole du gouvernement », « Ancienne ministre
du Travail »). Such a name may still be a tag when it is the article's subject (MISC)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kiosque_core.folding import fold

from . import lexicon
from .names import country

# A train line or service: « RER B », « TER Grand Est », « TGV Nord » (its operator is the organisation).
LINES = {"rer", "ter", "tgv", "transilien", "intercites", "ouigo", "thalys", "eurostar"}
# A name opening on one of these words is an event or an affair named after its subject
# (« Mort de Keith Flint », « Affaire Benalla »), an award, a contest, a fair or a news show.
HEADS = {"affaire", "mort", "deces", "obseques", "proces", "repas", "greve", "mariage", "divorce", "attentat",
         "meurtre", "assassinat", "naissance", "disparition", "enlevement", "scandale", "crise", "guerre",
         "bataille", "hommage", "jo", "jeux", "prix", "trophee", "trophees", "festival", "salon", "fete",
         "miss", "mister", "legion", "medaille", "coupe", "championnat", "tournoi", "jt", "20h", "13h",
         "ceremonie", "victoires", "nuit", "concours",
         *LINES}
# … or closing on one of these (« Grammy Awards », « Teddy Award », « Sundance Festival »).
# « Fashion Week », « Essen Motor Show », « Motorsports Gathering »: a fair, a show, a week of them.
TAILS = {"award", "awards", "festival", "trophy", "cup", "prize", "games", "expo", "show", "week", "gathering",
         # … « Heritage Design Package », « Active Noise Control », « Compact Modular Architecture »,
         # « Levante Trofeo Launch Edition », « Kia Motors Futuron Concept »: an option, a part, a car
         "package", "control", "architecture", "edition", "concept", "kit", "display", "remote"}
_ARTICLE = re.compile(r"^(?:(?:les|le|la) |l')")
# A name opening on a colour is a paint's (« livrées Gris Graphene (optionnelle) ou Gris Rodium »,
# « Noir Minuit »), not « Michel Blanc », « Mont Blanc » or « Blanc-Mesnil » (one word).
COLOURS = {"gris", "bleu", "rouge", "noir", "blanc", "vert", "jaune", "argent", "beige", "marron", "brun", "ivoire",
           "anthracite"}
# « le marché de Noël de Strasbourg », « Noël d'Alsace »: a festive market or feast, named after its town.
_FEAST_OF = re.compile(r"^(?:marche de )?noel (?:de|du|des|d')\b")
# A model's code: letters and digits in one word (« L-410 », « A320 », « 737-Max »).
_CODE = re.compile(r"^(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[\w]+(?:-[\w]+)*$")


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "things.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    names = {fold(line.strip()) for line in lines if line.strip() and not line.startswith("#")}
    # « le Grand Journal », « du Grand Journal »: a listed show's article is the sentence's too
    return frozenset(names | {_ARTICLE.sub("", name) for name in names})


def is_listed(word: str) -> bool:
    """One of the words of ``data/things.txt`` (« République », « Internet »)."""
    return fold(word) in _words()


def is_line(name: str) -> bool:
    """« TGV Nord », « RER B »: a train line, whose words are no place of their own."""
    words = name.split()  # (not « TER des Hauts-de-France »: the region is named)
    return len(words) > 1 and fold(words[0]) in LINES and not {"de", "des", "du", "d'"} & set(words)


def is_thing(name: str) -> bool:
    """An event, award, contest, show kind or listed word: named, but no entity."""
    words = [fold(w) for w in name.replace("’", "'").split()]  # « Salon-de-Provence » is one word
    if not words:
        return False
    bare = _ARTICLE.sub("", fold(name))  # « La République », « le Brexit »
    return (bare in _words() or words[0] in HEADS or len(words) > 1 and words[-1] in TAILS
            or bool(_FEAST_OF.match(" ".join(words))) or _fixture(name) or _sited(name)
            or len(words) > 1 and words[0] in COLOURS or a_colour(name))


# « Azores Orange », « Onyx Black », « Arctic White »: a maker's colour (not « Barry White », a person).
TAIL_COLOURS = {"black", "white", "blue", "grey", "gray", "green", "yellow", "silver", "purple", "red", "orange"}


def a_colour(name: str) -> bool:
    if name[name.rfind(" ") + 1:].lower() not in TAIL_COLOURS:
        return False
    words = name.split()
    if len(words) != 2:
        return False
    from .firstnames import is_first_name  # (the first names load lazily)

    return not is_first_name(words[0])


def _sited(name: str) -> bool:
    """« l'EPR de Flamanville »: a listed thing in capitals and where it is, still the thing."""
    words = name.split()
    return len(words) > 2 and words[0].isupper() and words[1] in ("de", "du") and is_listed(words[0])


def _fixture(name: str) -> bool:
    """« France-Allemagne Séville »: two countries' match and where it was played, no one."""
    first, _, rest = name.partition(" ")
    sides = first.split("-")
    return bool(rest) and len(sides) == 2 and not country(first) and all(map(country, sides))


@lru_cache(maxsize=1)
def _titles() -> re.Pattern | None:
    """The listed things written with lowercase words (« Danse avec les stars », « Les 12 coups
    de midi »): runs of capitalised words would cut them up (and « le parquet de Danse » read a
    court), so they are looked for as they are written (any case but the first letter's)."""
    path = Path(__file__).with_name("data") / "things.txt"
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    names = [n for n in names if any(w.islower() for w in n.split()[1:])]
    if not names:
        return None
    alternation = "|".join(re.escape(n[0]) + "(?i:" + re.escape(n[1:]).replace("'", "['’]") + ")"
                           for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")


@lru_cache(maxsize=1)
def _title_words() -> tuple[str, ...]:
    """Each listed title's longest word, lowercase: a text with none of them names none (a quick
    test before the slower pattern)."""
    path = Path(__file__).with_name("data") / "things.txt"
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return tuple(sorted({max(n.lower().replace("’", "'").split(), key=len) for n in names
                         if any(w.islower() for w in n.split()[1:])}))


def titles(text: str) -> list[tuple[int, int, str, str]]:
    """The listed things with lowercase words that ``text`` names: (start, end, as written, MISC)."""
    pattern = _titles()
    lowered = text.lower().replace("’", "'")
    if pattern is None or not any(word in lowered for word in _title_words()):
        return []
    return [(m.start(), m.end(), m.group(), "MISC") for m in pattern.finditer(text)]


# A verb or a negation inside a name makes it a title: « Touche pas à mon poste », « On n'est
# pas couché », « L'amour est dans le pré ».
_SENTENCE_WORDS = {"pas", "est", "sont", "suis", "sommes", "etes", "n'est", "c'est", "ne", "n'"}


def is_title(name: str) -> bool:
    words = [fold(w) for w in name.replace("’", "'").split()]
    return len(words) > 2 and any(w in _SENTENCE_WORDS for w in words[1:])


def is_code(name: str) -> bool:
    """« L-410 », « A320 », « Islero S », « P Zero Trofeo R »: a model's code or name, never a
    place or a person (a person's initial follows a first name: « Christian B », kinds.py)."""
    words = name.split()
    return len(words) == 1 and bool(_CODE.match(name)) or len(words) > 1 and len(words[-1]) == 1 \
        and words[-1].isupper()


def is_role(name: str, role_words: set[str]) -> bool:
    """« Porte-parole du gouvernement », « Ancienne ministre du Travail »: a title written
    capitalised (a line's or sentence's first word), no one's name. ``role_words``: the nouns
    that say a person (kinds.CUES); the rest must be lowercase words or portfolios."""
    words = name.replace("’", "'").split()
    if len(words) < 2:
        return False
    first = words[0].lower()
    if first not in role_words and not (lexicon.is_adjective(first) and words[1].lower() in role_words):
        return False
    return all(w.islower() or lexicon.is_common(w) for w in words[1:])


# « XXIe », « IIe République », « 6e circonscription du Rhône »: an ordinal opens no name but
# a district's (« le 20e arrondissement »).
_ORDINAL = re.compile(r"^(?:\d+|[IVXLC]+)(?:e|er|ère|ème)$")


def is_ordinal(name: str) -> bool:
    words = name.split()
    return bool(words) and bool(_ORDINAL.match(words[0])) and not (len(words) > 1 and words[1] == "arrondissement")
