"""Organisations the text names by a lowercase designation and an acronym in parentheses: « la
brigade de répression de la délinquance contre la personne (BRDP) », « le syndicat des
commissaires de police (SCPN-Unsa) », « l'agence nationale de sécurité du médicament (ANSM) ».
Neither the model (it calls such letters a thing, or nothing) nor the runs of capitalised words
(the long form is lowercase) find them; the designation says what the letters are.

The acronym opens on the designation's noun's letter (« la brigade … (BAC) »: not « une
interruption totale de travail (ITT) » after « l'association »), and the words between are a
name's, not a sentence going on (no verb, no pronoun). Kinds of places are no organisation named
(« l'établissement d'hébergement pour personnes âgées dépendantes (Ehpad) », « l'unité de soins
intensifs (USI) »): their nouns are not among these."""

from __future__ import annotations

import re

from kiosque_core.folding import fold

from .firstnames import is_first_name
from .lists import listed

_NOUNS = ("brigade", "syndicat", "direction", "office", "conseil", "agence", "institut", "service", "commission",
          "association", "fédération", "union", "groupe", "centre", "comité", "observatoire", "caisse", "autorité",
          "organisation", "société", "fonds", "parti", "mouvement", "bureau", "inspection", "section", "régie",
          "laboratoire", "école", "collectif", "confédération", "haut conseil", "haute autorité", "cour",
          "tribunal", "police")
# (the article before the noun: a definite one, the organisation named; « une association (…) » is a kind)
_DESIGNATION = re.compile(r"(?<![\w-])(?:l['’]|la\s|le\s|les\s|du\s|des\s|au\s|aux\s)(?P<noun>"
                          + "|".join(_NOUNS) + r")(?![\w-])")
# Two to eight letters, a capital first (« Giec », « Apesac » are written so too), maybe a union's
# confederation (« SCPN-Unsa ») or a département's number (« SDIS 74 »).
_GLOSS = re.compile(r"\s\((?P<name>[A-Z][A-Za-z]{1,7}(?:-[A-Z][A-Za-z]+)?(?:\s\d{2,3})?)\)")
_WORD = re.compile(r"^[a-zàâçéèêëîïôöûùüÿœ]+(?:[’'-][a-zàâçéèêëîïôöûùüÿœ]+)*$|^(?:d|l)['’][a-zàâçéèêëîïôöûùüÿœ-]+$")
# Words that say a sentence goes on between the noun and the parenthesis.
_SENTENCE = set("""a ont est sont était avait été va qui que qu dont où se ne il elle ils elles y lui leur ce cette ces
    selon après avant depuis lors mais ou car doit peut fait son sa ses un une""".split())
_LONGEST = 10  # words between the noun and the parenthesis


def find(text: str) -> list[tuple[int, int, str, str]]:
    """Each acronym a designation glosses: (start, end, as written, ORG)."""
    if " (" not in text:
        return []
    out = []
    for gloss in _GLOSS.finditer(text):
        name = gloss.group("name")
        if name[1:2].islower() and is_first_name(name) or listed(name) not in ("", "ORG"):
            continue  # « (Marina) », « (Doubs) »: a person's or a place's name (« BAC » is no first name)
        window_start = max(0, gloss.start() - 160)
        window = text[window_start:gloss.start()]
        for designation in reversed(list(_DESIGNATION.finditer(window))):
            words = window[designation.end():].split()
            if fold(designation.group("noun"))[0] != fold(name)[0]:
                continue
            if len(words) <= _LONGEST and all(_WORD.match(w) and w not in _SENTENCE for w in words):
                out.append((gloss.start("name"), gloss.end("name"), name, "ORG"))
            break  # the nearest designation with the letter is the one glossed, or none is
    return out
