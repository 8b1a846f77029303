"""Tag ranking: which of an article's entities become its tags (the sections first, then the
names in the title and lede, then the most used)."""

from __future__ import annotations

from kiosque_core.folding import fold
from kiosque_import.article import Article

from .firstnames import is_common_first_name
from .subjects import subject_key, subjects

TITLE, LEDE = 6, 3  # a title mention outweighs a few body mentions
BODY_CAP = 5  # past five uses, more says little more
FILL = 7  # names a reader expects among the tags: who and where the story is about, and its subject
# (7, not 8: an eighth name gains a few key names on the random dev articles, but most eighth names
# are people and places named once in passing, tags a reader would drop:
# bench/results/keytags5-2026-12-08.md)
# Between names used as often, a person named in full comes first: whom a story quotes is
# more its subject than the places it passes through.
PERSON = 0.5
# A name used only as an item of a list (« des villes comme Lisbonne ou Londres ») comes after.
LISTED = 0.5


def score(cluster, within: int = 0) -> float:
    """``within``: its uses inside other names of the article (« Besançon » in « le parquet de
    Besançon »): the story is there too."""
    body = min(cluster.uses + within, BODY_CAP)
    # Named in full by the article itself (not « les "bus Macron" », a surname the archive completes).
    person = PERSON * (kind(cluster) == "PER" and len(cluster.best.split()) >= 2)
    listed = LISTED * (cluster.enumerated >= cluster.uses)
    return TITLE * ("title" in cluster.zones) + LEDE * ("lede" in cluster.zones) + body + person - listed


def salient(cluster) -> bool:
    """Named in the title or lede, or used at least twice."""
    return bool(cluster.zones & {"title", "lede"}) or cluster.uses >= 2


def choose(article: Article, clusters: list, config) -> list:
    """Ranked entity clusters to tag, leaving room for the sections (always tags): the salient
    ones, and never fewer than ``config.min_tags`` names when the article names that many."""
    sections = {fold(s) for s in article.sections}
    byline = frozenset(fold(a) for a in article.authors)  # the byline is no tag
    found = [c for c in subjects(article.title, article.lede, [b.text for b in article.blocks]) if salient(c)]
    clusters = _giving_way(clusters, found)
    within = _within_longer(clusters)
    ranked = sorted([c for c in clusters if taggable(c, config.stop, byline)],
                    key=lambda c: (-score(c, within.get(id(c), 0)), c.first))
    room = max(0, config.max_tags - len(sections))
    chosen = [c for c in ranked if salient(c)]
    # A section the text names is one of the names, once however many clusters spell it (two
    # « France » counted twice left a seventh name out).
    named = {fold(canonical(c)) for c in clusters} & sections
    # Filled up to FILL names with the next ranked, then, if still fewer than the minimum, with
    # people named in passing too. A subject comes on top: it takes no name's place.
    extra = {id(c) for c in found}
    for wanted, candidates in ((FILL, [c for c in ranked if not _in_passing(c)]), (config.min_tags, ranked)):
        for cluster in candidates:
            names = [c for c in _distinct(chosen, sections) if id(c) not in extra]
            if len(names) + len(named) >= max(config.min_tags, wanted):
                break
            if cluster not in chosen:
                chosen.append(cluster)
    return _distinct(chosen, sections)[:room]


def _giving_way(clusters: list, found: list) -> list:
    """The article's clusters and its salient named subjects (subjects.py; a subject the body
    names once is no tag): a cluster that is a subject's spelling (« Covid ») gives way to it."""
    keys = {subject_key(c.best) for c in found}
    return [c for c in clusters if subject_key(canonical(c)) not in keys] + found


def _in_passing(cluster) -> bool:
    """A person the body names once, by surname alone (« les "bus Macron" »): no name to fill
    the tags with."""
    return kind(cluster) == "PER" and cluster.uses == 1 and len(cluster.best.split()) == 1


def _within_longer(clusters: list) -> dict[int, int]:
    """Per cluster (by id), the uses of the article's longer names that contain its name."""
    names = [(c, f" {fold(c.best)} ") for c in clusters]
    out: dict[int, int] = {}
    for cluster, name in names:
        for other, longer in names:
            if other is not cluster and len(longer) > len(name) and name in longer:
                out[id(cluster)] = out.get(id(cluster), 0) + other.uses
    return out


def taggable(cluster, stop: frozenset, byline: frozenset = frozenset()) -> bool:
    """Agencies and platforms (``KIOSQUE_STOP_TAGS``) are named in the facets, not tags, unless
    the title names them (« Le patron de Facebook joue l'apaisement »: the story is theirs); the
    byline never is. A person known by a first name alone is a tag only when the title or lede
    names her (the story is hers: « la petite Maëlys »)."""
    name = fold(canonical(cluster))
    if name in byline or name in stop and "title" not in cluster.zones:
        return False
    entity = cluster.entity
    lone = kind(cluster) == "PER" and len(canonical(cluster).split()) == 1 \
        and is_common_first_name(canonical(cluster)) and (entity is None or not entity.full)
    return not lone or bool(cluster.zones & {"title", "lede"})


def _distinct(chosen: list, sections: set) -> list:
    out, seen = [], set(sections)
    for cluster in chosen:
        if fold(canonical(cluster)) not in seen:
            seen.add(fold(canonical(cluster)))
            out.append(cluster)
    return out


def fill(article: Article, chosen: list, named: list) -> None:
    """The article's tags (sections, then ``chosen``) and its facets: every person, place and
    organisation it names (``named``), in order of first mention. A section is a place of the
    article only when the text names it (it is then one of ``named``)."""
    tags = list(dict.fromkeys(article.sections))
    seen = {fold(t) for t in tags}
    for cluster in chosen:
        name = canonical(cluster)
        if fold(name) not in seen:
            seen.add(fold(name))
            tags.append(name)
    facets = {"PER": [], "LOC": [], "ORG": []}
    for cluster in sorted(named, key=lambda c: c.first):
        target = facets.get(kind(cluster))
        if target is not None and canonical(cluster) not in target:
            target.append(canonical(cluster))
    article.tags = tags
    article.people, article.places, article.organizations = facets["PER"], facets["LOC"], facets["ORG"]


def canonical(cluster) -> str:
    return cluster.entity.name if cluster.entity is not None else cluster.best


def kind(cluster) -> str:
    return cluster.entity.type if cluster.entity is not None else cluster.label
