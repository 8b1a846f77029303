"""Holes in one article: marked where the grammar says words fell out (holes.py), and repaired
only when the article or the archive leaves no doubt about the missing surname."""

from __future__ import annotations

from kiosque_core.folding import fold
from kiosque_import.article import GAP, Article

from . import holes, lists
from .firstnames import is_common_first_name, is_first_name
from .names import bare_surname, given_names, surname_key, tokens
from .registry import Registry


def mark_holes(article: Article, clusters: dict, registry: Registry) -> tuple[int, list[str]]:
    bare = _bare_people(clusters, registry)
    # Words the article uses as surnames are never taken for lone first names (« le président
    # Assad »); a person named by a single first name only (« Mevlüt ») may be one.
    surnames = {fold(w) for c in clusters.values() if c.label == "PER" and (not _first_names_only(c) or _known(c))
                for s in c.surfaces for w in [tokens(s)[-1]]}
    count, repairs = 0, []
    texts = [article.lede] + [block.text for block in article.blocks]
    found_in = [[h for h in holes.find(text, surnames) if not _ends_a_listed_name(h, text)] for text in texts]
    # A first name left alone is no surname for another one (« le général Qassem , … le président
    # Emmanuel et … »).
    dangling = {fold(" ".join(h.first_names)) for found in found_in for h in found if h.first_names}
    bare = [c for c in bare if not {fold(s) for s in c.surfaces} <= dangling]
    for index, (text, found) in enumerate(zip(texts, found_in, strict=True)):
        index = None if index == 0 else index - 1
        fills, kept = {}, []
        for hole in found:
            fill = _repair(hole, bare, clusters, registry, text) if hole.first_names else None
            if fill:
                fills[hole.at] = fill
                repairs.append(f"{' '.join(hole.first_names)} […] → {' '.join(hole.first_names)} {fill}")
            elif hole.only_if_repaired:
                continue
            else:
                count += 1
            _forget(clusters, hole.first_names)
            kept.append(hole)
        if kept:
            marked = holes.mark(text, kept, fills, GAP)
            if index is None:
                article.lede = marked
            else:
                article.blocks[index].text = marked
    return count, repairs


def _ends_a_listed_name(hole, text: str) -> bool:
    """« l'ancien directeur de Santé publique France, François Bourdillon »: the first name
    « France » ends an organisation's name, nothing fell out after it."""
    return bool(hole.first_names) and any(start < hole.at and hole.at - 2 <= end <= hole.at
                                          for start, end, _name, _kind in lists.listed_phrases(text))


def _known(cluster) -> bool:
    """« Boris Johnson »: a full name the archive knows or the model read whole, whatever first
    names its words also are (not « Boris Johnson […] », to be completed by the title's « le
    prince Harry »); its last word a first name a reader takes for one (not « Recep Tayyip »)."""
    entity = cluster.entity
    if entity is not None and entity.type == "PER" and len(tokens(entity.name)) >= 2 \
            and fold(entity.name) in {fold(s) for s in cluster.surfaces}:
        return True
    return cluster.labels["PER"] > 0 and any(len(tokens(s)) >= 2 and is_common_first_name(tokens(s)[-1])
                                             for s in cluster.surfaces)


def _first_names_only(cluster) -> bool:
    """« Mevlüt », « Recep Tayyip »: first names the article may have left without a surname."""
    return all(is_first_name(w) for s in cluster.surfaces for w in tokens(s))


def _forget(clusters: dict, first_names: list[str]) -> None:
    """First names a hole left behind are no person of their own (« Mevlüt » of « Mevlüt […] »)."""
    key = fold(" ".join(first_names))
    for ident, cluster in list(clusters.items()):
        if cluster.label == "PER" and {fold(s) for s in cluster.surfaces} == {key}:
            del clusters[ident]


def _bare_people(clusters: dict, registry: Registry) -> list:
    """People the article names by surname only (candidates for a dangling first name)."""
    out = []
    for cluster in clusters.values():
        if cluster.label != "PER" or not all(bare_surname(s) for s in cluster.surfaces):
            continue
        if cluster.entity is not None and cluster.entity.full:
            continue  # the archive knows this person's first names
        if all(is_common_first_name(s) and not cluster.entity for s in cluster.surfaces):
            continue
        out.append(cluster)
    return out


def _repair(hole, bare: list, clusters: dict, registry: Registry, text: str) -> str | None:
    """The surname that fell out, when the article or the archive leaves no doubt; else None."""
    given = [fold(n) for n in hole.first_names]
    # The archive knows exactly one person with these first names, and the article names them.
    named = {fold(s) for c in clusters.values() for s in c.surfaces}
    known = [e for e in registry.with_given_names(given) if any(surname_key(e.name) == surname_key(n) for n in named)]
    if len(known) == 1:
        return tokens(known[0].name)[-1]
    # The article names exactly one person in full with these first names, in another sentence.
    full = {surname_key(s): s for c in clusters.values() if c.label == "PER" for s in c.surfaces
            if len(tokens(s)) >= 2 and given_names(s) == given}
    if len(full) == 1:
        return tokens(next(iter(full.values())))[-1]
    # Otherwise: the only person named by surname alone in the title, or else in the title and
    # lede, or else in the whole article.
    for place in ({"title"}, {"title", "lede"}, {"title", "lede", "body"}):
        named = [c for c in bare if c.zones & place]
        if "body" in place:  # a surname from any sentence: not a first name left alone itself
            named = [c for c in named if not all(is_first_name(s) for s in c.surfaces)]
        if named:
            break
    if len(named) != 1:
        return None
    cluster = named[0]
    surname = max(cluster.surfaces, key=lambda s: (_marks(s), cluster.surfaces[s]))
    bare.remove(cluster)  # one person per dangling first name
    cluster.surfaces[" ".join(hole.first_names + [surname])] += 1
    return surname


def _marks(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 127)
