"""Finding names in running text without the model: runs of capitalised words, matched against
the names the model found in the article's head, the countries, and the archive registry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosque_core.folding import fold

from . import lexicon
from .names import FUNCTION_WORDS, PORTFOLIOS, TITLES, country

# Words, and short numbers standing alone (« Europe 1 », « France 2 », not « 3,5 » or « 1.000 »).
_WORD = re.compile(r"[^\W\d_][\w'’\-]*[\w]|[^\W\d_]|(?<!\w)(?<!\d[,.])\d{1,2}(?!\w|[,.]\d)")
# Only a capitalised word (maybe elided: l’Élysée) can start a name.
_CAPITAL = re.compile(r"(?<![\w'’\-])(?:(?:[lLdD]|[qQ]u|[jJ]usqu|[lL]orsqu)['’])?[A-ZÀ-ÖØ-ÞŒ]")
# A letter that may be a capital (any but the lowercase of Latin-1 and « œ »): where a run may start.
_MAYBE_CAPITAL = re.compile(r"[^\W\d_a-zß-öø-ÿœ]")
_IN_WORD = re.compile(r"[\w'’\-]")
_ELIDED = re.compile(r"^(?:[lLdD]|[qQ]u|[jJ]usqu|[lL]orsqu)['’](?=[^\W\d_])")
_PARTICLES = {"de", "du", "des", "la", "le", "von", "van", "der", "di", "da", "del", "al", "el", "ben", "bin",
              "ibn", "d'", "l'", "d’", "l’",
              "ar", "an"}  # Breton articles: « la pointe de Beg ar Scaf » is one place
_OPENERS = set(".!?«\"“:…—–-•(")
_OF = {"de", "du", "des", "d'", "d’"}


@dataclass
class Word:
    text: str
    start: int
    end: int


@dataclass
class Mention:
    text: str  # as written
    key: str  # folded
    start: int
    initial: bool  # opens a sentence, so its capital says nothing


def runs(text: str) -> list[tuple[list[Word], bool]]:
    """Runs of capitalised words (with particles between them), and whether each opens a sentence."""
    if not _CAPITAL.search(text):
        return []
    out = _runs(text)
    found = []
    for run in out:
        while run and run[-1][0].lower() in _PARTICLES:
            run = run[:-1]
        if run:
            found.append(([Word(*word) for word in run], opens_sentence(text, run[0][1])))
    return found


def _shouted(word: str, run: list[tuple[str, int, int]]) -> bool:
    """« L'IGPN SAISIE »: a heading in capitals glues a word of the language to an acronym; the
    word is no part of its name (not a country: « AIR FRANCE »; not after a word: « FAITS DIVERS »;
    not inside a heading's run: « EN DESACCORD MAIS APPARENTES LREM- Aina Kuric »)."""
    return (len(word) >= 5 and word.isupper() and len(run) == 1 and run[0][0].isupper()
            and lexicon.is_word(word) and not country(word) and not lexicon.is_common(run[0][0]))


def _runs(text: str) -> list[list[tuple[str, int, int]]]:
    """The runs as plain tuples. Most words are lowercase and far from any run: the words are read
    only from the word holding the next letter that may be a capital to the end of its run, not
    all of them (reading every word was most of the analysis's own time)."""
    out, pos = [], 0
    while (maybe := _MAYBE_CAPITAL.search(text, pos)) is not None:
        # Words never hold a character outside _IN_WORD: after one, the words read from there
        # are the words read from the start of the text.
        begin = maybe.start()
        while begin > pos and _IN_WORD.match(text, begin - 1):
            begin -= 1
        words = _words(text, begin)
        current, word = [], next(words, None)
        while word is not None:
            following = next(words, None)
            current = _step(text, out, current, word, following)
            if not current and (following is None or not following[0][:1].isupper()):
                break  # the run is over and the next word opens none: skip to the next capital
            word = following
        if current:
            out.append(current)
        if word is None or following is None:
            break
        pos = following[2]
    return out


def _words(text: str, begin: int):
    for match in _WORD.finditer(text, begin):
        word = match.group()
        start, end = match.span()
        if "'" in word or "’" in word:
            elided = _ELIDED.match(word)
            if elided:
                word, start = word[elided.end():], start + elided.end()
        yield word, start, end


def _step(text: str, out: list, current: list, word: tuple, following: tuple | None) -> list:
    """One word read: the run it continues, opens or ends (ended runs go to ``out``)."""
    if word[0].isdigit():
        if current and text[current[-1][2]:word[1]] == " ":
            current.append(word)  # a number right after a name ends it: « Ligue 1 »
        if current:
            out.append(current)
        return []
    capital = word[0][:1].isupper()
    if not current:
        return [word] if capital else []
    joined = text[current[-1][2]:word[1]].strip() in ("", "-")
    if capital and joined and (_shouted(word[0], current)
                               or word[0] in TITLES and current[-1][0].lower() not in _OF):
        out.append(current)  # (a title ends the run before it, and the name after it opens one;
        return []  # not after « de »: « le Pré de Mme Carle » is a place; « l'AFP le Dr X » is X)
    if capital and joined:
        current.append(word)
    elif joined and word[0].lower() in _PARTICLES and following is not None and following[0][:1].isupper():
        current.append(word)
    else:
        out.append(current)
        return [word] if capital else []
    return current


def opens_sentence(text: str, start: int) -> bool:
    """Nothing but spaces before ``start``, or punctuation that opens a sentence or a quote."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _OPENERS


def find(text: str, lookup, inside=None) -> list[tuple[Mention, object]]:
    """Longest known names in each run: ``lookup(key, words, initial)`` says what a name is.
    ``inside(hit)``: whether that name may be read inside a longer one whose other words are
    capitalised too (« Paris » in « Paris Match », « France » in « France Bleu Provence »)."""
    found = []
    for run, initial in runs(text):
        i = 0
        while i < len(run):
            for j in range(len(run), i, -1):
                words = [w.text for w in run[i:j]]
                if j - i == 1 and fold(words[0]) in FUNCTION_WORDS:
                    continue
                key = fold(" ".join(words))
                hit = lookup(key, words, initial and i == 0)
                if hit is not None and inside is not None and not inside(hit) and _within(run, i, j, initial):
                    continue
                if hit is not None:
                    surface = text[run[i].start:run[j - 1].end]
                    found.append((Mention(surface, key, run[i].start, initial and i == 0), hit))
                    i = j
                    break
            else:
                i += 1
    return found


def _within(run: list[Word], i: int, j: int, initial: bool) -> bool:
    """Whether words ``i:j`` of the run are part of a longer name: another word of the run is
    capitalised for itself (not a function word, not a sentence's first word)."""
    for k, word in enumerate(run):
        if i <= k < j or k == 0 and initial or word.text.isdigit() or not word.text[:1].isupper():
            continue
        if fold(word.text) not in FUNCTION_WORDS:
            return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«\"“(]?\s?[A-ZÀ-ÖØ-ÞŒ0-9])")


def unexplained(text: str, known) -> str:
    """The sentences of ``text`` that name something ``known(key)`` cannot: what the model must
    still read once the archive has learned the rest; with them the first line (the title sets
    the model's bearings). Lines are kept as lines; "" when the archive knows every name."""
    title, _, rest = text.partition("\n")
    kept_lines = []
    for line in rest.split("\n") if rest else []:
        kept = [s for s in _sentences(line) if not _explained(s, known)]
        if kept:
            kept_lines.append(" ".join(kept))
    if kept_lines or not _explained(title, known):
        kept_lines.insert(0, title)
    return "\n".join(kept_lines)


def _sentences(line: str) -> list[str]:
    out, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        out.append(line[start:match.start()].rstrip() + line[match.start():match.end()].rstrip())
        start = match.end()
    out.append(line[start:])
    return [s for s in out if s.strip()]


# « ministre de la Santé »: a portfolio; « l'organisme Santé publique France » may name something.
_PORTFOLIO = re.compile(r"(?:\b(?:de|à) la|\bde l['’]|\b(?:du|des|aux))\s*$", re.IGNORECASE)


def _explained(sentence: str, known) -> bool:
    """Every capitalised word is part of a known name or a function word (« Le », « Selon »)."""
    for run, initial in runs(sentence):
        words = [w.text for w in run]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                if known(fold(" ".join(words[i:j]))):
                    i = j
                    break
            else:
                if fold(words[i]) not in FUNCTION_WORDS and not words[i].islower() and not words[i].isdigit() \
                        and not (initial and i == 0 and len(words) == 1 and lexicon.is_common(words[i])) \
                        or fold(words[i]) in PORTFOLIOS and not _PORTFOLIO.search(sentence[:run[i].start]):
                    return False  # « Interrogé », « Face » opening a sentence name nothing
                i += 1
    return True
