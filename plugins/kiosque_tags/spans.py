"""A model's span made a name: the words it runs over (a title, the sentence's first words, a
common noun before a place, an adjective of origin, a department's name before its maker) are
cut, and two names run together are split (« TF1 Christophe Beaugrand »)."""

from __future__ import annotations

import re

from kiosque_core.folding import fold

from . import lexicon, places, things
from .cues import CUES, ORG_HEADS
from .firstnames import is_common_first_name, is_first_name
from .lists import a_person_after, is_organisation, listed, words_after
from .names import MONTHS, PORTFOLIOS, TITLES, WEEKDAYS, country, initials_and_surname, tokens

# Words the first-name dictionary lists that open titles far more often than names.
NOT_FIRST_NAMES = set("the a an of and le la les un une des mon ma ton ta son sa".split())
# Words that open a sentence, never a name: « À en croire le Americain Journal… ».
_OPENERS = {"a", "selon", "pour", "en", "dans", "avec", "sur", "par", "chez", "apres", "avant", "depuis", "d'apres"}
# A scraper glued the next sentence to a name (« Carole BouquetProducteur de cinéma »): a plain
# capitalised word, then a capitalised word of the language. McCann, DiCaprio, PewDiePie never match.
_GLUED = re.compile(r"^([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)$")
# An editor's note closes the words before it (« l'ancien manager de Johnny NDLR) »).
_NOTES = {"ndlr", "ndr"}
# Titles whose « de » names a land, not the family: « le prince de Galles » is no « de Galles ».
_NOBLE = {"prince", "princesse", "duc", "duchesse", "roi", "reine"}

def without_title(name: str) -> str:
    """« général de Gaulle », « maréchal Pétain », « prince Charles »: the name without the title
    a model's span often carries (a particle that opens a surname stays: « de Gaulle »)."""
    words = tokens(name)
    while len(words) > 1 and words[0].islower() and CUES.get(words[0]) == "PER":
        if words[0] in _NOBLE and words[1] in ("de", "d'", "du"):
            break  # « le prince de Galles », « la duchesse de Cambridge »: a title and its land, no surname
        words = words[1:]
    return " ".join(words)


def _run_over(words: list[str], label: str) -> list[str]:
    """The span's words that belong to the name: not past an editor's note or a sentence glued to
    the name, not before a title inside a person's span."""
    for i, word in enumerate(words):
        if fold(word) in _NOTES or i and word.startswith("-"):
            return words[:i]  # … nor past an intertitle's dash (« - Val Demings -Elue de la Chambre »)
        glued = _GLUED.match(word) if label == "PER" else None
        if glued and lexicon.is_common(glued[2]) and not is_first_name(glued[2]):
            return [*words[:i], glued[1]]
    titles = [i for i, word in enumerate(words[:-1]) if word in TITLES] if label == "PER" else []
    return words[titles[-1] + 1:] if titles and titles[-1] > 0 else words


# A demonstrative then one of these opens the sentence's « when », never part of a name: « ces
# derniers mois », « cette semaine », « ce matin » (not « de ces écoutes »: a span cut there may be a name).
_DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
_TIMES = set("""dernier derniers dernière dernières jour jours semaine semaines mois année années an ans matin soir
    week-end été hiver automne printemps""".split()) | WEEKDAYS


def _when(words: list[str]) -> int:
    """Where a time the sentence gives starts in a span (its length when none): a weekday in
    lowercase (not a name's own: « Le Journal du dimanche »), or a demonstrative before a time."""
    for i, word in enumerate(words[1:], 1):
        if word in WEEKDAYS and words[i - 1] not in ("du", "de") \
                or word in _DEMONSTRATIVES and words[i + 1:i + 2] and words[i + 1] in _TIMES:
            return i
    return len(words)


def split_span(name: str, label: str) -> list[tuple[str, str]]:
    """A model's span that runs two names together: « TF1 Christophe Beaugrand », « RTL de
    Marc-Olivier Fogiel », « Jérôme Anthony de M6 », « Télématin Laura Tenoudji »."""
    words = _run_over(tokens(name), label) or tokens(name)[:1]
    words = words[:_when(words)]  # « le Parlement national mardi matin », « l'Etat islamique ces derniers mois »
    while len(words) > 1 and fold(words[-1]) in WEEKDAYS | MONTHS:
        words = words[:-1]  # « Le Parisien mercredi »
    opener = label != "PER" and len(words) > 1 and fold(words[0]) in _OPENERS
    if opener:
        words = words[1:]  # « À en croire le Americain Journal… »: the sentence's words before the name
    while (opener or label == "LOC") and len(words) > 1 and words[0].islower():
        words = words[1:]  # « archipel du Svalbard », « mémorial du Mont-Valérien »: the place is the name
    name = " ".join(words)
    if _portfolio_then_person(words):
        return [(" ".join(words[1:]), "PER")]  # « le ministre congolais de la Santé Eteni Longondo »
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), words[cut:]
        rest = " ".join(tail[1:] if tail[0] in ("de", "du", "d'") else tail)
        if not rest:
            continue
        if listed(head) == "ORG" and person_shaped(rest) \
                or 2 <= len(tail) <= 4 and tail[0][:1].isupper() and _an_organisation(head) and a_person_after(tail):
            return [(head, "ORG"), (rest, "PER")]  # « TF1 Christophe Beaugrand », « l'AFP K L Gurjar »
        if label == "PER" and len(tail) >= 2 and person_shaped(rest) \
                and (listed(head) == "LOC" or places.is_town(head)):
            return [(head, "LOC"), (rest, "PER")]  # « le procureur de Paris Rémy Heitz »
        if listed(head) == "ORG" and tail[0] == "pour" and len(tail) > 1:
            return [(head, "ORG"), (clean_article(" ".join(tail[1:])), "ORG")]  # « Ifop pour le JDD »
        if listed(head) == "ORG" and (all(lexicon.is_verb(w) for w in tokens(rest)) or words_after(tail)):
            return [(head, "ORG")]  # « Facebook Partager »: a share button's label; « Facebook Gilets Jaunes »
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
    rest = " ".join(words[2:])
    if len(words) >= 3 and words[1] in ("de", "du", "d'") and things.is_listed(words[0]) \
            and (listed(rest) == "LOC" and not country(rest) or places.is_town(rest)):
        return [(rest, "LOC")]  # « le procureur de la République de Grenoble »: the town is named
    if len(words) >= 3 and words[1] in ("de", "du", "d'") and words[0][-1:] in "sx" and words[0][:1].isupper() \
            and lexicon.is_common(words[0]) and words[2][:1].isupper():
        return [(" ".join(words[2:]), label)]  # « États du Maharashtra »: the places are the states
    if label == "ORG" and len(words) == 2 and words[1].islower() and lexicon.DEMONYM.search(words[1]) \
            and not lexicon.is_common(words[0]) and not listed(name):
        return [(words[0], label)]  # « Camorra napolitaine »: the adjective says where it is from
    return [(name, label)]


def _portfolio_then_person(words: list[str]) -> bool:
    """A minister's portfolio, then two to four capitalised words that are no words of the
    language: the minister's name (« Santé Eteni Longondo », « Santé Iraj Harirchi »; not « Santé
    Publique France »)."""
    rest = words[1:]
    # (not « Sports Activity Vehicle », BMW's English name for its SUVs)
    return 2 <= len(rest) <= 4 and fold(words[0]) in PORTFOLIOS - {"sports", "etat"} \
        and not any(w.isupper() or any(ch.isdigit() for ch in w) for w in rest) and all(w[:1].isupper() for w in rest) \
        and not (lexicon.is_common(rest[0]) and not is_first_name(rest[0])) and not listed(" ".join(rest)) \
        and not country(rest[-1])  # « Santé Publique France », the agency


def _an_organisation(head: str) -> bool:
    """An acronym (« l'AFP Marine Martin », « LR Rachida Dati ») or an institution's name (« l'Association
    des maires de France André Laignel »): what a person's name run after it is not part of."""
    if " " not in head:
        return head.isupper() and listed(head) == "ORG"
    words = head.split()
    return words[0].lower() in ORG_HEADS and words[-1][:1].isupper() and not person_shaped(head)


def clean_article(name: str) -> str:
    return re.sub(r"^(?:le|la|les|l['’])\s*", "", name)


def person_shaped(name: str) -> bool:
    """A common first name (or initials: « K L Gurjar »), then a capitalised surname that is no
    first name."""
    words = tokens(name)
    if len(words) <= 4 and initials_and_surname(name):
        return True
    if len(words) < 2 or len(words) > 4 or not is_common_first_name(words[0].split("-")[0]) \
            or fold(words[0]) in NOT_FIRST_NAMES | PORTFOLIOS or words[-1] in TITLES \
            or _run_over(words, "PER") != words:  # (« Santé », « Justice »: a minister's portfolio first)
        return False
    last = words[-1]
    return last[:1].isupper() and not last.isupper() and not is_common_first_name(last)
