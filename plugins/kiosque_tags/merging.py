"""One article's clusters joined when they name one entity: an acronym and its long form, a
name with and without its article, a misspelling, two spellings the aliases list gives or apart
only by spaces and hyphens (« BFM TV », « BFMTV »), a bare surname or first name and the one full
name it fits.

Apart from ``analysis`` because it is one step of it with its own rules: it runs on the clusters
the analysis has found, reads nothing else (neither the article nor the registry), and only
merges or drops them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosque_core.folding import fold

from . import kinds, spellings, variants
from .firstnames import is_common_first_name
from .lists import a_department, is_maker, is_medium
from .names import bare_surname, country, given_names, surname_key, tokens

if TYPE_CHECKING:
    from .analysis import Cluster


def merge_variants(clusters: dict) -> None:
    """Spellings of one entity in the article: an acronym and its long form, a name with and
    without its article, a misspelling; each joins the best attested one (the long form)."""
    names = {key: c.best for key, c in clusters.items() if c.label}
    shapes: dict[str, _Shape] = {}  # each name is compared with every other: worked out once

    def shape(name: str) -> _Shape:
        if name not in shapes:
            shapes[name] = _Shape(name)
        return shapes[name]

    for key in sorted(names, key=lambda k: clusters[k].uses):
        cluster, name = clusters[key], names[key]
        mine = shape(name)
        for other_key, other_name in names.items():
            other = clusters.get(other_key)
            if other is None or other is cluster:
                continue
            theirs = shape(other_name)
            # Each test of the names is asked only when what it cannot do without holds (most
            # pairs of an article's names fail all of them).
            acronym = mine.acronym and variants.stands_for(name, other_name)
            longer = theirs.bare == mine.bare and theirs.length > mine.length
            spelt = mine.first == theirs.first and variants.misspelt(name, other_name) \
                or mine.alias and spellings.listed_together(name, other_name) \
                or mine.compact == theirs.compact and spellings.spaced_apart(name, other_name)
            if not (acronym or longer or spelt):
                continue
            more = (other.uses, len(other_name)) >= (cluster.uses, len(name))
            if acronym or _same_kind(cluster, other) and (longer or spelt and more):
                other.absorb(cluster)
                other.kind = other.kind if other.kind != kinds.MISC else cluster.kind
                names[other_key] = other.best
                del clusters[key]
                break


class _Shape:
    """What ``merge_variants`` compares of a name: without its article and its number of words;
    what each test of two names needs to be asked (an acronym; as many folded words, the first
    letter alike; a spelling the aliases list; the same letters without spaces and hyphens)."""

    __slots__ = ("bare", "length", "acronym", "first", "alias", "compact")

    def __init__(self, name: str):
        # (an elided article is a word too: « L'Eclair de Génie » is « Éclair de génie » with its article)
        self.bare = variants.droppable(fold(name))
        self.length = len(tokens(name)) + (name[:2].lower() in ("l'", "l’"))
        self.acronym = variants.is_acronym(name)
        words = variants.folded_words(name)
        self.first = (len(words), words[0][:1] if words else "")
        self.alias = bool(spellings.alias_of(name))
        self.compact = spellings.compact(name)


def _same_kind(a: Cluster, b: Cluster) -> bool:
    return a.label == b.label or kinds.MISC in (a.label, b.label)


def _first_names(name: str) -> bool:
    """« Laeticia », « Jean-Baptiste »: every part a common first name."""
    return all(is_common_first_name(part) for part in name.split("-"))


def merge_people(clusters: dict) -> None:
    """``Trump`` and ``Donald Trump``, ``al-Assad`` and ``Bachar al-Assad``: one person when only
    one full name in the article fits the bare surname (or the bare first name: a common one, or
    any the article reads as a person, « Jonathann » beside « Jonathann Daval »)."""
    full = [(k, c) for k, c in clusters.items() if c.label == "PER" and len(tokens(c.best)) >= 2]
    for key, cluster in list(clusters.items()):
        if key not in clusters or len(tokens(cluster.best)) >= 2 and not bare_surname(cluster.best):
            continue
        # « à X » is a person's too when X reads as one (« la défunte épouse reproche à Jonathann »)
        placed = cluster.cues["LOC"] + (cluster.cues[kinds.AT] if cluster.label != "PER" else 0)
        if kinds.listed(cluster.best) or placed:
            continue  # a place the lists or the words around it vouch for
        if _a_company(cluster):
            continue  # « Ferrari » beside « Paola Ferrari »: the brand, not the granddaughter
        fits = [(k, c) for k, c in full if c is not cluster and k in clusters
                and (surname_key(c.best) == surname_key(cluster.best)
                     or [fold(cluster.best)] == given_names(c.best)[:1]
                     and (_first_names(cluster.best) or cluster.label == "PER"))]
        if _archives_place(cluster) and not any(_outnumbers(c, cluster) for _k, c in fits):
            continue  # a place the archive vouches for
        targets = sorted({id(c): c for _k, c in fits}.values(), key=lambda c: -c.uses)
        if len(targets) == 1 or len(targets) > 1 and targets[0].uses > targets[1].uses:
            targets[0].absorb(cluster)  # « Macron » beside « Emmanuel Macron », named more than « Brigitte Macron »
            del clusters[key]
        elif targets:
            del clusters[key]  # one of the people the article names in full, no telling which


def _archives_place(cluster: Cluster) -> bool:
    return cluster.label == "LOC" and cluster.entity is not None and cluster.entity.type == "LOC"


def _outnumbers(person: Cluster, place: Cluster) -> bool:
    """The archive names the person three times as often as the place: the place's votes are
    earlier mistakes (« Macron pas si "sympathique" que Chirac ? » beside « Emmanuel Macron »),
    not « Washington » beside « George Washington »."""
    if person.entity is None or person.entity.type != "PER":
        return False
    return sum(person.entity.votes.values()) > 3 * sum(place.entity.votes.values())


def _a_company(cluster: Cluster) -> bool:
    """A name the archive or the words before it call an organisation (the model's label alone
    is not enough: it calls many a bare surname an organisation)."""
    return cluster.entity is not None and cluster.entity.type == "ORG" or cluster.cues["ORG"] > 0


def merge_stations(clusters: dict) -> None:
    """« France Bleu Pays de Savoie », then « France Bleu »: a listed medium or carmaker the article
    also gives in full is that one (« Bentley », then « Bentley Motors »; not « Orange » beside
    « Orange France », a country's branch; nor a carmaker beside its fans' club or one of its
    departments: « Lamborghini Club de France », « Aston Martin Design »). Its uses
    count there, but its spelling is not taught to the registry as the full name's (every other
    « France Bleu » of the archive is not Pays de Savoie's)."""
    named = [(k, c) for k, c in clusters.items() if c.label == "ORG"]
    for key, cluster in named:
        if not (is_medium(cluster.best) or is_maker(cluster.best)):
            continue
        longer = [c for k, c in named if k != key and k in clusters and _opens(cluster.best, c.best)
                  and not (is_maker(cluster.best) and a_department(cluster.best, c.best))]
        if len(longer) == 1 and key in clusters:
            full = longer[0]
            full.zones |= cluster.zones
            full.first = min(full.first, cluster.first)
            del clusters[key]


def _opens(short: str, name: str) -> bool:
    rest = fold(name)[len(fold(short)) + 1:]
    return fold(name).startswith(fold(short) + " ") and not country(rest)
