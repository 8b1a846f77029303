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

from . import cues, lexicon, places, spellings, things, variants
from .cues import (
    ANNOUNCED,
    AT,
    CUES,
    HEADED,
    IN_TITLE,
    MISC,
    PORTFOLIO,
    QUOTED,
    SOURCE,
    THE,
    TYPES,
    cue,
    quoted,
    title_cue,
)
from .firstnames import is_first_name
from .lists import a_model, a_person_after, after_listed, bare_listed, is_organisation, is_party, listed
from .names import country, tokens
from .spans import person_shaped, split_span, without_title

# Callers read the cues and the spans through this module too (kinds.cue, kinds.split_span).
__all__ = ["AT", "HEADED", "IN_TITLE", "MISC", "QUOTED", "SOURCE", "THE", "TYPES", "cue", "decide", "listed",
           "person_shaped", "quoted", "split_span", "title_cue", "without_title"]

# Two capitals, then lowercase letters: a word typed or styled with a stray capital (« MArche »).
_STUTTER = re.compile(r"^[A-Z]{2}[a-zà-ÿ]{2,}$")
_ROLE_WORDS = {word for word, kind in CUES.items() if kind == "PER"}
# A name closing on one of these is a place's: « Clarence House », « Downing Street ».
_PLACE_TAILS = set("""house street palace park square hall castle tower bridge garden gardens road avenue lane
    abbey cathedral airport station stadium arena center centre beach island islands bay""".split())
# … or closing on one of these, an organisation of a town: « Vannes Habitat », « Toulouse Métropole ».
_ORG_TAILS = set("""habitat metropole agglo agglomeration football basket handball rugby volley hockey""".split())
# … or on one of these, a company's or a medium's whatever its first word (« Marvel Studios »,
# « Warner Music Group », « Rimac Automobili », « France Libre Actualités », « Williams Advanced
# Engineering », « Hennessey Performance », « Gordon Murray Design »): no first name and surname,
# however the model read it.
_COMPANY_TAILS = set("""studios pictures records entertainment productions automobili automobiles automotive motors
    airlines airways group holding holdings industries technologies laboratories pharmaceuticals biosciences
    therapeutics inc corp corporation company ltd limited gmbh llc plc actualites infos hebdo magazine
    engineering performance vehicles pharma motorsport motorsports racing design cycles partners media aerospace
    automobile autoroutes foods airline cars systems labs energy capital""".split())
# People: a town so big that its name is the town's even where it is also a word (« Rome »).
_CITY = 100_000
# Common nouns that open places' names (« Océan indien », « Golfe persique »).
_GEOGRAPHY = set("""ocean mer golfe mont monts lac ile iles cote massif vallee baie detroit canal cap plaine plateau
    desert foret fleuve riviere archipel peninsule""".split())


def decide(name: str, labels: Counter, cues: Counter, archive: Counter, proper: bool) -> str:
    """PER, LOC, ORG, MISC (named, but no person, place or organisation) or '' (no name at all).
    ``labels``: the model's in this article; ``cues``: the words before its uses; ``archive``: the
    registry's votes (one per article); ``proper``: capitalised somewhere no sentence starts."""
    # The answer depends on these alone (the lists are fixed): each name is decided twice (before
    # and after an article's merges, which leave most names as they were) and the same evidence
    # comes back in other articles.
    key = (name, tuple(labels.items()), tuple(cues.items()), tuple(archive.items()), proper)
    found = _decided.get(key)
    if found is None:
        if len(_decided) >= _DECIDED_KEPT:
            _decided.clear()
        found = _decided[key] = _decide(name, labels, cues, archive, proper)
    return found


_decided: dict[tuple, str] = {}
_DECIDED_KEPT = 65536


def _decide(name: str, labels: Counter, cues: Counter, archive: Counter, proper: bool) -> str:
    for rule in (_by_shape, _by_lists, _by_words):
        found = rule(name, labels, cues, archive, proper)
        if found is not None:
            break
    else:
        found = _by_votes(name, labels, cues, archive)
    if found == "LOC" and fold(name) in _kind_nouns() and not listed(name):
        return ""  # « l'Hôpital européen Georges-Pompidou », « le Palais » (de l'Élysée): a kind, no place's name
    return found


def _by_shape(name: str, labels: Counter, cues: Counter, archive: Counter, proper: bool) -> str | None:
    """A thing (things.py) or no name at all, whatever else is said of it."""
    if things.is_thing(name) and not country(name) and not _designated(name, cues, archive) or things.is_title(name):
        return MISC
    if _alliance(name):
        return ""  # « les alliances LREM-LR », « une liste EELV-PS »: allies, no party of their own
    if _STUTTER.match(name) and lexicon.is_common(name):
        return ""  # « En MArche ! »: a word of the language with a stray capital, no name
    if len(tokens(name)) == 1 and name.lower() in _ROLE_WORDS and not listed(name):
        return ""  # « le Président de Bugatti Automobiles »: a title written capitalised
    coded = things.is_code(name) and not is_first_name(tokens(name)[0])
    if not listed(name) and (coded or things.is_ordinal(name) or things.is_role(name, _ROLE_WORDS)
                             or len(tokens(name)) == 1 and lexicon.is_verb(name)):
        return ""  # … or « Rappelons », « Partager »: a verb opening a sentence or a button
    return None


def _by_lists(name: str, labels: Counter, cues: Counter, archive: Counter, proper: bool) -> str | None:
    """The known lists' type, unless the words around say a title or another type."""
    known = listed(name)
    if not known and _a_model_named_like_someone(name):
        return MISC  # « la Renault Clio », « la Ferrari Roma », « l'Alfa Romeo Giulia GTA »
    longer = known == "ORG" and not is_organisation(name) and fold(name) not in bare_listed()
    if longer and (cues[MISC] or any(ch.isdigit() for ch in after_listed(name)) or a_model(name)):
        return MISC  # « "RFM Party 80" », « "RTL Soir" », « Porsche 911 Turbo »: a show or a model of it
    titled = cues[QUOTED] + cues[IN_TITLE]
    if known == "ORG" and titled and not _typed(cues) and sum(labels[t] for t in TYPES) <= titled:
        return MISC  # « ses sketchs "La valise RTL", … »: named only inside a title
    against = cues["ORG"] + cues[MISC] + cues[IN_TITLE]
    if known == "LOC" and against > cues["LOC"] + cues[AT] + cues[SOURCE] + cues["PER"]:
        return ""  # « la fédération France nature environnement », « l'équipe de France »
    return known or None


def _by_words(name: str, labels: Counter, cues: Counter, archive: Counter, proper: bool) -> str | None:
    """Demonyms, common words, and what the words around, the model or the archive call a work."""
    words = tokens(name)
    if len(words) == 1 and (lexicon.is_demonym(name) or fold(name) in _demonym_words()):
        return ""
    common = len(words) == 1 and "-" not in name and lexicon.is_common(name)  # not « Maison-Blanche »
    typed = _typed(cues)
    if common and not proper:
        return ""  # « Café », « Plan »: a common word, capitalised as a sentence's first
    titled = cues[MISC] + cues[IN_TITLE]
    a_person = _seen_as_person(labels) and person_shaped(name) and labels["PER"] > titled
    if titled and titled >= typed and not a_person:
        return MISC  # not « David Hallyday » for one « le clan "Hallyday" »
    if labels[MISC] > sum(labels[t] for t in TYPES) and not typed and not person_shaped(name) \
            and archive[MISC] >= sum(archive[t] for t in TYPES):
        return MISC  # what the model calls a show, a work or an event, unless more says otherwise
    if archive[MISC] > sum(archive[t] for t in TYPES) and not typed and not person_shaped(name):
        return MISC  # what most of the archive's articles found a show, a work or an event
    if _two_places(name):
        return MISC  # « Rome-Nantes », « France-Allemagne »: a route, a match
    town = places.population(name) >= (_CITY if common and not cues[AT] + cues["LOC"] else 1)
    if town and not person_shaped(name) and not cues["ORG"] + cues["PER"] + cues[SOURCE]:
        return "LOC"  # « Stuttgart », « Maranello »: a town, whatever maker it houses (« Palais »: a word)
    if common and not typed:
        return ""  # … or without more to go on in this article
    if cues[PORTFOLIO] and not typed and not person_shaped(name) and not _seen_as_person(labels):
        return ""  # « le ministre de la Cohésion des territoires » (not « un ministre de Trump »)
    return _by_head(name, words)


def _by_head(name: str, words: list[str]) -> str | None:
    """Names whose first or last word says an organisation or a place, whatever the votes: « Agence
    régionale de santé », « Ville de Paris » (the archive's early votes are this same decision's),
    « Quick France » (a company's French branch), « Marvel Studios », « Saint Barth »."""
    if len(words) >= 2 and fold(words[-1]) in _COMPANY_TAILS and words[-2][:1].isupper():
        return "ORG"
    if len(words) < 2 or person_shaped(name):
        return None
    if words[0].lower() in cues.ORG_HEADS:
        return "ORG"
    if all(w[:1].isupper() for w in words) and (words[-1] == "France" or fold(words[-1]) in _ORG_TAILS) \
            and not is_first_name(words[0]):
        return "ORG"  # « Vannes Habitat »; not « Tour de France », « Île-de-France », « Anatole France »
    if words[0] in ("Saint", "Sainte", "St", "Ste"):
        return "LOC"
    return None


def _by_votes(name: str, labels: Counter, cues: Counter, archive: Counter) -> str:
    """The type with most votes: the model's and the archive's (each capped), the cues, the shape."""
    words = tokens(name)
    votes = Counter({t: _share(labels, t) + _share(archive, t, 6) + 2 * cues[t] for t in TYPES})
    votes["LOC"] += cues[AT]
    votes["PER"] -= 2 * cues[THE]  # « la Ndrangheta »
    if len(words) > 1 and variants.is_acronym(words[0]):
        votes["ORG"] += 3  # « ESJ Paris », « SAMU de Strasbourg »
    if len(words) > 1 and fold(words[-1]) in _PLACE_TAILS:
        return "LOC" if votes["LOC"] + 3 >= votes["ORG"] else "ORG"  # « Clarence House », « Downing Street »
    if len(words) == 2 and words[1].islower() and lexicon.is_common(words[1]) and lexicon.is_common(words[0]) \
            and fold(words[0]) not in _GEOGRAPHY:
        votes["LOC"] = 0  # « Occupation nazie », « Dalle sacrée »: a common noun and its adjective
    if person_shaped(name) or cues["PER"] and _titled_person(words):
        votes["PER"] += 3  # … or « la sénatrice Kamala Harris »: a role, a first name of any country
        if labels["PER"] and not cues["LOC"] + cues[AT] + cues["ORG"]:
            return "PER"  # « Flavie Flament », « Babette de Rozières »: a name, and the model saw a person
    if cues[SOURCE] or len(words) == 1 and variants.is_acronym(name) and not cues["LOC"] and not _a_places_alias(name):
        votes["LOC"] = 0  # « selon X »; « la MEL », « une 300 SL », « QG »: letters, no place's name
    if words[0].lower() in ("the", "les", "le", "la", "l'", "un", "une", "des") and not person_shaped(name) \
            or len(words) > 1 and (variants.is_acronym(words[0]) or lexicon.is_common(words[0])
                                   and not is_first_name(words[0]) and not _seen_as_person(labels)):
        votes["PER"] = 0  # « The Walking Dead », « CHRU Trousseau », « Proverbes chinois »: no one's name
    if cues[SOURCE] and labels["LOC"] and all(votes[t] <= 0 for t in TYPES):
        # « ", a expliqué Sailsquare », « selon Laura »: what the model took for a place speaks
        return "PER" if is_first_name(words[0]) else "ORG"
    best = max(TYPES, key=lambda t: (votes[t], labels[t], -TYPES.index(t)))
    return best if votes[best] > 0 else ""


def _a_model_named_like_someone(name: str) -> bool:
    """A maker's name then its model's, which the lists do not read as a model because the model's
    name is also a first name (« Clio », « Roma », « Giulia »): not a person (« Renault Carlos
    Ghosn »), a place (« McLaren London ») or a branch (« Audi de Bruxelles »)."""
    rest = after_listed(name)
    return a_model(name) and rest[:1].isupper() and not a_person_after(rest.split()) \
        and not places.is_town(rest) and listed(rest) != "LOC" and fold(rest.split()[-1]) not in _COMPANY_TAILS


def _alliance(name: str) -> bool:
    """Listed parties joined by hyphens (« PS-EELV »; not « Renault-Nissan », « RMC-BFMTV »: groups)."""
    parts = name.split("-")
    return len(parts) > 1 and " " not in name and all(is_party(p) for p in parts) and not is_organisation(name)


def _titled_person(words: list[str]) -> bool:
    """A first name (of any country: « Kamala ») and a surname that is no word of the language."""
    last = words[-1]
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and is_first_name(words[0]) \
        and not lexicon.is_common(last) and last[1:].islower() and not listed(words[0])  # not « Mercedes GLB »


def _a_places_alias(name: str) -> bool:
    """« USA »: a spelling the newsroom's aliases give a place (« États-Unis | USA »)."""
    alias = spellings.alias_of(name)  # folded: « etats unis », its hyphens spaces
    return bool(alias) and any(country(n) or listed(n) == "LOC" for n in (alias, alias.replace(" ", "-")))


def _designated(name: str, cues: Counter, archive: Counter) -> bool:
    """Letters a designation glossed (designations.py: « la brigade anticriminalité (BAC) »), here
    or in most of the archive's articles naming them: an organisation, though the same word is a
    thing elsewhere (« le bac », the exam)."""
    return variants.is_acronym(name) and (cues[ANNOUNCED] and cues["ORG"] > 0
                                          or archive["ORG"] > archive[MISC] + archive[""])


def _two_places(name: str) -> bool:
    """Two towns or countries joined by a hyphen, the whole no place of its own."""
    parts = name.split("-")
    return len(parts) == 2 and " " not in name and not places.is_town(name) and not listed(name) \
        and all(places.is_town(p) or country(p) for p in parts)


def _seen_as_person(labels: Counter) -> bool:
    """The model's labels say a person more than anything else (« Fauve Hautot »: a common first word)."""
    return 2 * labels["PER"] > sum(labels[t] for t in TYPES)


def _typed(cues: Counter) -> int:
    """Uses whose words before say a person, a place or an organisation."""
    return sum(cues[t] for t in TYPES) + cues[AT] + cues[HEADED] + cues[SOURCE]


def _share(labels: Counter, kind: str, weight: int = 3) -> float:
    """The model's say, at most ``weight`` votes however often it saw the name: its labels are
    counted once per use of each span, so a name used five times would outvote every cue."""
    total = sum(labels[t] for t in TYPES)
    return labels[kind] * min(total, weight) / total if total else 0


@lru_cache(maxsize=1)
def _kind_nouns() -> frozenset[str]:
    """Nouns of a kind of institution or site (« Hôpital », « Brigade », « Palais », « Parc »): alone,
    capitalised, they open a longer name the run of capitals lost at its lowercase adjective (« la
    Brigade criminelle de Paris ») or stand for one named before; never a place's name of their own."""
    from . import institutions

    words = cues.ORG_HEADS | set(institutions.SITES) | set(institutions.PLACES) | set(_SITE_NOUNS)
    return frozenset(fold(w) for w in words)


_SITE_NOUNS = """palais musée théâtre manufacture galerie police gendarmerie brigade centre mairie préfecture village
    région église cathédrale stade hôtel château marché""".split()


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    from .names import DEMONYMS

    return frozenset(DEMONYMS)
