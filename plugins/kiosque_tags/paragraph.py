"""The names of one paragraph, in order, and what the paragraph says of them: institutions and
the model's names with lowercase words read whole, names their words announce (phrasing.py),
the other names wherever none of those holds them; which names are items of a list."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kiosque_core.folding import fold

from . import institutions, lists, mentions, phrasing, things
from .screens import holds


def names(text: str, lookup, local: dict[str, Counter], written: dict[str, tuple[str, str]]) -> list:
    """The names of one paragraph in order: institutions (« la mairie de Paris ») and the model's
    names with lowercase words as a whole, the other names wherever none of those holds them."""
    titled = things.titles(text)  # « le parquet de Danse avec les stars »: a show, no court
    found = [f for f in _institutions(text) + lists.listed_phrases(text)
             if not any(s < f[1] and f[0] < e for s, e, _p, _k in titled)] + titled
    for phrase, (key, label) in written.items():
        if not all(part in text for part in phrase.split("'")):
            continue  # not written here (the pattern needs each of these pieces)
        for match in _written(phrase).finditer(text):
            local.setdefault(key, Counter({label: 1}))
            if not any(s <= match.start() < e for s, e, _p, _k in found):
                found.append((match.start(), match.end(), match.group(), ""))
    found, announced = _with_announced(found, phrasing.find(text))
    uses = []
    for start, end, phrase, kind in found:
        key = fold(phrase)
        if kind:
            local.setdefault(key, Counter())[kind] += 1
        said = kind if (start, end) in announced else ""
        # The model's names with lowercase words may open a sentence (« Promotions exclusives, prix… »).
        initial = not kind and mentions.opens_sentence(text, start)
        uses.append((mentions.Mention(phrase, key, start, initial), ("local", key), said))
    # (a listed name without its article may open a run: « du Parisien Adrien Brunetti », its source)
    for mention, hit in mentions.find(text, lookup, inside=lambda hit: hit[0] in ("local", "bare")):
        if not any(start <= mention.start < end for start, end, _phrase, _kind in found):
            listed = lists.with_article(text, mention.start, mention.text)
            if listed:  # « au Parisien »: the newspaper, not an inhabitant
                mention, hit = mentions.Mention(listed, fold(listed), mention.start, False), ("listed", fold(listed))
            if hit[0] != "bare" or listed:
                uses.append((mention, hit, ""))
    return sorted(uses, key=lambda use: use[0].start)


@lru_cache(maxsize=4096)
def _written(phrase: str) -> re.Pattern:
    """``phrase`` as a whole word or words, ' or ’ alike (kept: the article asks it of each paragraph)."""
    return re.compile(r"(?<![\w-])" + re.escape(phrase).replace("'", "['’]") + r"(?![\w-])")


# « au Tribunal de Nanterre », « le Tribunal de Grande Instance de Toulouse »: an institution's
# noun capitalised mid-sentence is still its noun.
_CAPITAL_HEADS = ("Tribunal", "Mairie", "Préfecture", "Ministère", "Gendarmerie", "Parquet", "Hôpital", "Clinique",
                  "Université", "Lycée", "Collège", "Commissariat")
_CAPITAL_HEAD = re.compile(r"(?<=[\w,;] )(?:" + "|".join(_CAPITAL_HEADS) + r")(?=\s)")


def _institutions(text: str) -> list[tuple[int, int, str, str]]:
    """institutions.find, whatever the case of the institution's noun (same offsets); not a place
    named after an organisation (« claquer la porte de TF1 »: TF1 is named)."""
    lowered = _CAPITAL_HEAD.sub(lambda noun: noun.group().lower(), text) if holds(text, _CAPITAL_HEADS) else text
    return [(start, end, text[start:end], kind) for start, end, _phrase, kind in institutions.find(lowered)
            if kind != "LOC" or lists.listed(_AFTER_HEAD.sub("", text[start:end])) != "ORG"
            and fold(text[start:end]) not in lists.bare_listed()]  # « selon la Voix du Nord »


_AFTER_HEAD = re.compile(r"^\S+\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?")


_BETWEEN_LISTED = re.compile(r"\s*(?:,|,?\s(?:et|ou))\s(?:l['’]|d['’]|(?:la|le|les|de|du|des)\s)?")


def enumerated(text: str, found: list) -> dict[int, set[int]]:
    """The names that are items of a list (« Alger, Belgrade, Liège », « Strasbourg et
    Bordeaux »): index → indexes of the items next to it."""
    out: dict[int, set[int]] = {}
    for i in range(len(found) - 1):
        end = found[i].start + len(found[i].text)
        if _BETWEEN_LISTED.fullmatch(text[end:found[i + 1].start]):
            out.setdefault(i, set()).add(i + 1)
            out.setdefault(i + 1, set()).add(i)
    return out


def a_real_list(text: str, found: list, listed: dict[int, set[int]], index: int) -> bool:
    """Whether the list ``index`` is an item of is one: not a name after a comma that follows
    the list's « et » (« Paris, Essen et Monterey, RM Sotheby's va… »), nor two names and a
    comma where the second is a sentence's subject (« Dans l'Aisne, Macron honore… »)."""
    chain, todo = {index}, [index]
    while todo:
        for other in listed.get(todo.pop(), ()):
            if other not in chain:
                chain.add(other)
                todo.append(other)
    items = sorted(chain)
    links = [text[found[a].start + len(found[a].text):found[b].start] for a, b in zip(items, items[1:], strict=False)]
    at = items.index(index)
    if at and "," in links[at - 1] and any("," not in link for link in links[:at - 1]):
        return False  # after « … et Monterey »: the list was over
    if len(items) > 2 or "," not in links[0]:
        return True
    second = found[items[1]]
    after = text[second.start + len(second.text):second.start + len(second.text) + 60].split()
    after = next((w for w in after if not w[:1].isupper()), "")  # past the rest of a name (« RM Sotheby's »)
    if after.islower() and after.strip(",.;:!?)") not in _LIST_GOES_ON:
        return False  # « Essen, RM Sotheby's va… »: the second is the sentence's subject
    opening = re.split(r"[.!?]\s", text[:found[items[0]].start])[-1]
    return not _OPENING_PHRASE.match(opening)


# Words that may follow a list's item (not its sentence's verb).
_LIST_GOES_ON = {"et", "ou", "ni", "de", "du", "des", "d'", "d’", "en", "à", "au", "aux", "dans", "pour", "sur",
                 "avec", "par", "vers", "entre", "puis", "ainsi", "mais", "voire", "notamment", "également",
                 "aussi", "près", "-", "–"}
_OPENING_PHRASE = re.compile(r"^\W*(?:dans|à|en|au|aux|chez|pour|selon|depuis|sur|après|avant|outre|d['’]après)\b"
                             r"[^,;:!?]{0,40}$", re.IGNORECASE)


def a_place(hit, local: dict[str, Counter]) -> bool:
    """A country, a place the archive knows, or a name the model called a place."""
    if hit[0] == "country" or hit[0] == "entity" and hit[2].type == "LOC":
        return True
    labels = local.get(hit[1], Counter()) if hit[0] == "local" else Counter()
    return bool(labels) and labels.most_common(1)[0][0] == "LOC"


def _with_announced(found: list, announced: list) -> tuple[list, set]:
    """``found`` with the names their words announce (phrasing.py) where nothing was found, or
    in place of the names they hold (« Désir d'avenir » in « Désir d'avenir pour la planète »);
    and the spans of those announced."""
    kept = set()
    for span in announced:
        start, end = span[:2]
        overlapping = [f for f in found if f[0] < end and start < f[1]]
        if all(start <= f[0] and f[1] <= end for f in overlapping):
            found = [f for f in found if f not in overlapping] + [span]
            kept.add((start, end))
    return sorted(found), kept
