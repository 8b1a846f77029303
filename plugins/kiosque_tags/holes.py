"""Holes: words the scraper dropped (hyperlinked names, mostly), found from the grammar around them.

A hole is marked where French cannot be right as written:
- an article or preposition directly before punctuation (``sur la ,``, ``violences à »``);
- an article before a conjugated verb (``La doit mettre fin``);
- an article before another function word (``de la pour``, ``entre et Moscou``, ``l’ et``);
- first names left without their surname after a title (``son homologue turc Recep Tayyip ,``).
Clean text must stay unmarked, so each rule lists only what is never grammatical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kiosque_core.folding import fold

from .firstnames import is_first_name

_TOKEN = re.compile(
    r"(?P<elision>\b(?:[lLdDjJnNmMsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’])"
    r"|(?P<word>[^\W\d_]\w*(?:[-'’]\w+)*)"
    r"|(?P<number>\d[\d.,]*)"
    r"|(?P<punct>[^\w\s])"
)
ARTICLES = {"le", "la", "les", "l'", "du", "des", "au", "aux"}
# Prepositions that never end a clause before punctuation (unlike « pour », « contre », « avec »).
PREPOSITIONS = {"de", "d'", "à", "entre", "dans", "chez", "vers", "parmi", "sur", "par"}
CLOSING = set(",.;:!?»)") | {"”"}
FUNCTION_AFTER = {"et", "ou", "mais", "pour", "par", "avec", "dans", "sur", "à", "de", "du", "des", "en",
                  "chez", "contre", "vers", "sans", "le", "la", "les", "au", "aux", "que", "qui", "d'", "l'"}
CONJUNCTIONS = {"et", "ou"}
# Conjugated auxiliaries and modals: never nouns, so never right after « la », « les », « du ».
VERBS = set("""
a ont est sont était étaient avait avaient sera seront serait seraient aura auront aurait auraient
doit doivent devait devaient devra devrait devraient peut peuvent pouvait pouvaient pourra pourrait
pourraient veut veulent voulait voudrait va vont allait iront fut furent
""".split())
# Words before an article that make it an object pronoun (« il la doit », « qui les a »).
PRONOUN_SUBJECTS = {"il", "elle", "on", "ils", "elles", "je", "j'", "tu", "nous", "vous", "qui", "ne", "n'",
                    "ce", "cela", "ça", "que", "qu'", "y"}
# Titles after which a name is expected in full (« le ministre … Mevlüt », « son homologue Recep … »).
ROLES = set("""
président présidente ministre ministres homologue premier secrétaire chef cheffe dirigeant dirigeante
porte-parole chancelier chancelière député députée sénateur sénatrice maire
candidat candidate leader patron patronne directeur directrice juge procureur procureure avocat avocate
ambassadeur ambassadrice émir général opposant opposante cardinal imam rabbin entraîneur sélectionneur
commissaire gouverneur vice-président vice-présidente étrangères intérieur défense m. mme
""".split())
_OPENS_HOLE = ARTICLES | PREPOSITIONS
KIN = {"fils", "fille", "femme", "mari", "époux", "épouse", "compagne", "compagnon", "frère", "sœur", "soeur",
       "mère", "père", "enfant", "bébé", "petit-fils", "petite-fille", "chien", "chat", "cousin", "cousine"}


def _alternation(words, letter=lambda ch: "['’]" if ch == "'" else re.escape(ch)) -> str:
    """A pattern for exactly ``words``, grouped by their first letters: a flat alternation of
    dozens of words was tried word by word at every word of every paragraph."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[:1], []).append(word[1:])
    ends = "" in by_first
    branches = [letter(first) + _group(_alternation(rests, letter), rests)
                for first, rests in sorted(by_first.items()) if first]
    return "|".join(branches + [""] * ends)


def _group(pattern: str, rests: list[str]) -> str:
    return "" if rests == [""] else f"(?:{pattern})"


# Cheap screens: most paragraphs have no suspect pair and no title word, and are skipped whole.
_SUSPECT = re.compile(
    r"(?<![\w'’])(?:"
    r"(?:" + _alternation(ARTICLES | PREPOSITIONS) + r")\s*(?:[,.;:!?»)”\"]|$|(?:et|ou)(?![\w'’\-]))"
    r"|(?:" + _alternation(ARTICLES) + r")\s*(?:"
    + _alternation(VERBS | FUNCTION_AFTER - {"en", "que", "qui", "le", "la", "les", "l'"}) + r")(?![\w'’\-]))",
    re.IGNORECASE,
)
_TITLED = re.compile(r"(?<![\w-])(?:" + _alternation(ROLES, re.escape) + r")(?![\w-])", re.IGNORECASE)


class Token:
    """One word, elision, number or punctuation mark; ``low``: lowercase, ’ as '."""

    __slots__ = ("text", "kind", "start", "end", "low")

    def __init__(self, text: str, kind: str, start: int, end: int):
        self.text, self.kind, self.start, self.end = text, kind, start, end
        self.low = text.lower().replace("’", "'")


@dataclass
class Hole:
    at: int  # character offset where the missing words belong
    rule: str
    first_names: list[str] = field(default_factory=list)  # for a person's missing surname
    space_after: bool = True
    # A first name before a comma may be a whole name (« Tony Blair, ») in a list we do not know:
    # such a hole is kept only if the article tells which surname fell out.
    only_if_repaired: bool = False


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.lastgroup, *m.span()) for m in _TOKEN.finditer(text)]


def find(text: str, surnames: set[str] | None = None) -> list[Hole]:
    """Holes in one paragraph. ``surnames``: folded words the article uses as surnames, never
    taken for lone first names (« le président Assad »)."""
    surnames = surnames or set()
    suspect, titled = _SUSPECT.search(text), _TITLED.search(text)
    if not suspect and not titled:
        return []
    toks = tokenize(text)
    holes: list[Hole] = []
    if suspect:
        # Only an article or a preposition can open a hole: the other tokens are not asked.
        for i, tok in enumerate(toks):
            if tok.kind == "punct" or tok.low not in _OPENS_HOLE:
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            prev = toks[i - 1] if i else None
            rule = _function_word_rule(tok, nxt, prev, toks[i + 2] if i + 2 < len(toks) else None, text)
            if rule:
                holes.append(_hole_before(nxt, tok, len(text), rule))
    if titled:
        holes.extend(_lone_first_names(toks, surnames))
    holes.sort(key=lambda hole: hole.at)
    return _unique(holes)


def _closes(tok: Token, text: str) -> bool:
    """Punctuation that ends a phrase; not an ellipsis (« de... »), not an opening straight quote."""
    if tok.kind != "punct":
        return False
    if tok.text == "\"":
        return tok.end >= len(text) or not text[tok.end].isalnum()
    if tok.text == "." and text[tok.end:tok.end + 1] == ".":
        return False
    return tok.text in CLOSING


def _function_word_rule(tok: Token, nxt: Token | None, prev: Token | None, after: Token | None,
                        text: str) -> str:
    low = tok.low
    if low not in ARTICLES and low not in PREPOSITIONS:
        return ""
    if nxt is None or _closes(nxt, text):
        # « les . » at the end of a quoted title may be a pronoun: « … comme il les »
        if prev is not None and prev.low in PRONOUN_SUBJECTS:
            return ""
        return "function word before punctuation"
    if nxt.kind not in ("word", "elision") or not nxt.text[:1].islower():
        return ""
    following = nxt.low
    if low in ARTICLES and following in VERBS:
        # Only an article opening a sentence: elsewhere « la », « les », « l’ » before a verb are
        # object pronouns (« il la doit », « comme le veut », « l’a »).
        if low != "l'" and tok.text[:1].isupper() and (prev is None or prev.text in ".!?:;«\"—–-"):
            return "article before a verb"
        return ""
    if low in ARTICLES and following in FUNCTION_AFTER:
        if after is not None and (following, after.low) in {("pour", "et"), ("au", "revoir")}:
            return ""  # « le pour et le contre », « des au revoir »
        if low in {"du", "des", "au", "aux"} and following in {"en", "que", "qui"}:
            return ""
        if low in {"le", "la", "les", "l'"} and following in {"en", "que", "qui", "le", "la", "les", "l'"}:
            return ""  # « il le leur », « la plus … que » and pronoun chains stay
        return "article before a function word"
    if low in PREPOSITIONS and following in CONJUNCTIONS and low != "par":
        return "preposition before a conjunction"
    return ""


def _hole_before(nxt: Token | None, tok: Token, length: int, rule: str) -> Hole:
    if nxt is None:
        return Hole(at=length, rule=rule, space_after=False)
    # Before , . ) the gap sits against the punctuation; before a word or « » it is spaced.
    return Hole(at=nxt.start, rule=rule, space_after=not (nxt.kind == "punct" and nxt.text in ",.;:!?)…"))


def _lone_first_names(toks: list[Token], surnames: set[str]) -> list[Hole]:
    """First names a title announces, left without their surname. Only a run of first names
    starting within six words after a title can be one (see ``_after_a_title``), and such a run
    starts after a lowercase word: the tokens between titles are not looked at."""
    holes = []
    starts = sorted({i for r, tok in enumerate(toks) if tok.kind == "word" and tok.low in ROLES
                     for i in range(r + 1, min(r + 7, len(toks)))})
    for i in starts:
        run = _first_name_run(toks, i, surnames)
        if not run or not _after_a_title(toks, i):
            continue
        end = i + len(run)
        nxt = toks[end] if end < len(toks) else None
        unfinished = _name_left_unfinished(nxt, toks, end)
        if unfinished:
            holes.append(Hole(at=nxt.start if nxt else toks[end - 1].end, rule="first name without surname",
                              first_names=[t.text for t in run], only_if_repaired=unfinished == "maybe",
                              space_after=not (nxt is not None and nxt.kind == "punct" and nxt.text in ",.;:!?)…")))
    return holes


def _first_name_run(toks: list[Token], i: int, surnames: set[str]) -> list[Token]:
    run = []
    while i < len(toks) and toks[i].kind == "word" and is_first_name(toks[i].text) \
            and fold(toks[i].text) not in surnames and not toks[i].text.isupper():
        run.append(toks[i])
        i += 1
    return run


def _after_a_title(toks: list[Token], i: int) -> bool:
    """A title word a few words before, with no punctuation between: « le ministre turc des
    Affaires étrangères Mevlüt »; the word just before is plain lowercase (not « d’Ashley »)."""
    if i == 0 or toks[i - 1].kind != "word" or not toks[i - 1].text.islower():
        return False
    for j in range(i - 1, max(-1, i - 7), -1):
        tok = toks[j]
        if tok.kind == "punct":
            return False
        if tok.low in KIN:
            return False
        if tok.low in ROLES:
            return True
    return False


def _name_left_unfinished(nxt: Token | None, toks: list[Token], end: int) -> str:
    """"yes", "maybe" (before punctuation or a conjunction: « le général Prénom , tué »,
    « le président Prénom et le chancelier ») or "" for the words after a run of first names."""
    if nxt is None:
        return "maybe"
    if nxt.kind == "punct":
        return "maybe" if nxt.text in ",;:)».!?" else ""
    if nxt.kind == "word" and nxt.low in CONJUNCTIONS:
        return "maybe"
    if nxt.kind == "word" and nxt.text[:1].isupper():
        return ""  # the surname is there
    if nxt.kind == "word" and nxt.low in {"de", "da", "di", "del", "van", "von", "le", "la", "al", "el", "ben",
                                           "bin", "ibn", "abou", "dos", "du", "des"}:
        return ""  # « Charles de Gaulle »: a particle leads to the surname
    # A verb right after a bare first name is how a person is named familiarly; a preposition or
    # an article (« Mevlüt aux journalistes ») means the surname fell out.
    return "yes" if nxt.low in {"aux", "au", "à", "lors", "devant", "auprès"} else ""


def _unique(holes: list[Hole]) -> list[Hole]:
    seen, out = set(), []
    for hole in holes:
        if hole.at not in seen:
            seen.add(hole.at)
            out.append(hole)
    return out


def mark(text: str, holes: list[Hole], fills: dict[int, str], gap: str) -> str:
    """``text`` with each hole marked by ``gap``, or filled with ``fills[hole.at]`` when repaired."""
    out, last = [], 0
    for hole in sorted(holes, key=lambda h: h.at):
        before = text[last:hole.at]
        fill = fills.get(hole.at, gap)
        if not hole.space_after:
            before = before.rstrip(" ")
            before += " " if before and not before.endswith(("'", "’")) else ""
            out.append(before + fill)
        else:
            if before and not before.endswith((" ", "'", "’")):
                before += " "
            out.append(before + fill + (" " if hole.at < len(text) and text[hole.at:hole.at + 1] != " " else ""))
        last = hole.at
    out.append(text[last:])
    return "".join(out)
