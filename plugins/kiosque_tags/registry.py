"""The archive's entity registry: one record per entity, its canonical name and every spelling met.

It lives beside the posts (``content/posts/entities.json``, committed). Posts keep the names they
were written with; the build maps each through the registry, so merging ``Erdogan`` into
``Recep Tayyip Erdoğan`` rewrites no post, and the old tag URL becomes a redirect (``former``).
"""

from __future__ import annotations

import json
import operator
from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from kiosque_core.folding import fold
from kiosque_core.storage import write_atomic

from . import variants
from .names import country, given_names, surname_key, tokens
from .naming import best_name, without_article
from .registryfile import dumps

# A bare surname goes to the full name that has at least this share of the surname's uses.
DOMINANT = 0.75
# A full name in place yields to another full spelling only when that one is this much better
# attested: canonical names, hence tag URLs, do not flip back and forth as articles arrive.
HYSTERESIS = 1.5


@dataclass
class Entity:
    name: str
    type: str
    first_seen: str = ""
    variants: Counter = field(default_factory=Counter)
    former: list[str] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)  # type → articles that named it so

    @property
    def full(self) -> bool:
        return self.type != "PER" or len(tokens(self.name)) >= 2

    def to_json(self) -> dict:
        data = {"name": self.name, "type": self.type, "first_seen": self.first_seen,
                "variants": dict(sorted(self.variants.items())), "former": self.former}
        if self.votes != {self.type: 1}:  # what a file without votes means: older files stay as they are
            data["votes"] = dict(sorted(self.votes.items()))
        return data


class Registry:
    def __init__(self, entities: list[Entity] | None = None):
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_edge: dict[str, list[Entity]] = {}  # by first and last word: spelling variants
        self._by_given: dict[tuple, list[Entity]] | None = None  # built on first use, reset by changes
        for entity in entities or []:
            self._add(entity)

    # -- loading and saving -------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> Registry:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        return cls([Entity(e["name"], e["type"], e.get("first_seen", ""), Counter(e.get("variants", {})),
                           list(e.get("former", [])), Counter(e.get("votes") or {e["type"]: 1}))
                    for e in data.get("entities", [])])

    def save(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, dumps(sorted(self.entities, key=_file_order)))

    def reloaded(self) -> Registry:
        """What ``load`` would make of the file ``save`` writes, without reading it: the same
        entities, indexed in the file's order (which one owns a shared spelling depends on it)."""
        return Registry(sorted(self.entities, key=_file_order))

    # -- lookups -----------------------------------------------------------------------
    def resolve(self, name: str, type_hint: str = "") -> Entity | None:
        """The entity a name stands for, if the archive knows it without doubt."""
        french = country(name)
        if french:
            return self._by_key.get(fold(french))
        entity = self._by_key.get(fold(name))
        if entity is not None:
            return entity
        if type_hint in ("", "PER") and len(tokens(name)) <= 2:
            # « Malia Obama » is not Barack: a first name given must be the person's.
            return self.person_by_surname(name, given_names(name) or None)
        return None

    def person_by_surname(self, name: str, given: list[str] | None = None) -> Entity | None:
        """The full-named person a bare surname means: the only one, or one used far more."""
        people = [e for e in self._by_surname.get(surname_key(name), []) if e.full and e.type == "PER"]
        if given:
            people = [e for e in people if given_names(e.name)[: len(given)] == given]
        if not people:
            return None
        uses = [(sum(e.variants.values()), e) for e in people]
        uses.sort(key=lambda pair: -pair[0])
        total = sum(count for count, _ in uses)
        return uses[0][1] if uses[0][0] >= DOMINANT * total else None

    def with_given_names(self, given: list[str]) -> list[Entity]:
        """Full-named people whose first names are exactly ``given`` (folded). Indexed once: the
        analysis of every dangling first name asks, and the archive has thousands of people."""
        if self._by_given is None:
            index: dict[tuple, list[Entity]] = {}
            for people in self._by_surname.values():
                for e in people:
                    if e.full:
                        index.setdefault(tuple(given_names(e.name)), []).append(e)
            self._by_given = index
        return list(self._by_given.get(tuple(given), ()))

    def known(self, key: str) -> Entity | None:
        return self._by_key.get(key)

    def keys(self):
        return self._by_key.keys()

    # -- learning ----------------------------------------------------------------------
    def observe(self, name: str, type_: str, surfaces: Counter, source: str) -> Entity:
        """Record one article's uses of an entity (best name first, every spelling counted)."""
        self._by_given = None
        french = country(name)
        if french:
            name, type_ = french, "LOC"
        entity = self._by_key.get(fold(name))
        if entity is None and type_ == "PER" and len(tokens(name)) == 1:
            entity = self.person_by_surname(name)
        if entity is None:
            entity = self._misspelt(name, type_)
        if entity is None:
            entity = Entity(name, type_, first_seen=source)
            self._add(entity)
        entity.variants.update(surfaces)
        entity.votes[type_] += 1
        entity.type = _elected(entity, type_)
        # The article's analysis found these spellings one entity (« FN » and « Front national »,
        # « Le Monde » and « Monde »): an entity the archive had for one of them joins it.
        written = {fold(s) for s in surfaces}
        for other in {id(e): e for s in surfaces for e in [self._by_key.get(fold(s))] if e is not None}.values():
            if other is not entity and other.type == entity.type and (other.type != "PER" or other.full) \
                    and _same_family(entity, other, written):
                self._merge(entity, other)  # a bare surname joins by its own rule (_absorb_bare_surname)
        if type_ == "PER" and len(tokens(name)) >= 2:
            self._absorb_bare_surname(entity)
        self._rename(entity)
        self._index(entity)
        return entity

    def _absorb_bare_surname(self, person: Entity) -> None:
        """``Erdogan`` (known alone so far) is ``Recep Tayyip Erdoğan`` once he is the only one."""
        people = self._by_surname.get(surname_key(person.name), [])
        for bare in [e for e in people if not e.full and e is not person]:
            if self.person_by_surname(bare.name) is person:
                self._merge(person, bare)

    def _merge(self, into: Entity, other: Entity) -> None:
        """``other`` is ``into`` from now on; its names become ``into``'s former names (redirects)."""
        into.variants.update(other.variants)
        into.votes.update(other.votes)
        into.former.extend(n for n in [other.name, *other.former] if n not in into.former and n != into.name)
        # By identity, and only through other's own spellings (every key it was ever indexed
        # under: a renamed entity keeps its old name in ``former``): scanning every entity and
        # every key of the archive for each merge grew with the archive.
        del self.entities[list(map(operator.is_, self.entities, repeat(other))).index(True)]
        names = [other.name, *other.former]  # a renamed entity is still filed under its old names
        for index, keys in ((self._by_surname, {surname_key(n) for n in names}),
                            (self._by_edge, {k for n in names for k in _edges(n)})):
            for key in keys:
                kept = [e for e in index.get(key, ()) if e is not other]
                if key in index:
                    index[key] = kept
        for key in {k for name in (other.name, *other.variants, *other.former) for k in _keys(name)}:
            if self._by_key.get(key) is other:
                self._by_key[key] = into

    def _misspelt(self, name: str, type_: str) -> Entity | None:
        """The one entity of this type that ``name`` misspells (« Laeticia » for « Laetitia
        Hallyday », « Lagaf » for « Lagaffe »): a misspelling never makes an entity of its own."""
        found = {id(e): e for key in _edges(name) for e in self._by_edge.get(key, ())
                 if e.type == type_ and variants.misspelt(name, e.name)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _rename(self, entity: Entity) -> None:
        if country(entity.name):
            best = country(entity.name)
        else:
            best = best_name(entity)
            current = sum(n for v, n in entity.variants.items() if fold(v) == fold(entity.name))
            challenger = sum(n for v, n in entity.variants.items() if fold(v) == fold(best))
            keeps = entity.full and len(tokens(best)) <= len(tokens(entity.name)) + 0 \
                and fold(best) != fold(entity.name) and challenger < HYSTERESIS * current
            # « Lelandais » never replaces « Nordahl Lelandais »: a name's last words are it, shortened.
            shortened = len(tokens(best)) < len(tokens(entity.name)) \
                and fold(entity.name).endswith(" " + fold(best))
            if keeps or shortened:
                best = entity.name
        best = without_article(best) if entity.type == "LOC" else best
        if best != entity.name:
            if entity.name not in entity.former:
                entity.former.append(entity.name)
            entity.name = best

    def _add(self, entity: Entity) -> None:
        self._by_given = None
        self.entities.append(entity)
        self._index(entity)

    def _index(self, entity: Entity) -> None:
        # A full-named person's bare surname is looked up by surname (it may be shared).
        by_surname_only = entity.type == "PER" and entity.full
        for name in {entity.name, *entity.variants, *entity.former}:
            if by_surname_only and len(tokens(name)) == 1:
                continue
            for key in _keys(name) if entity.type != "PER" else [fold(name)]:
                self._by_key.setdefault(key, entity)
        for key in _edges(entity.name):
            edge = self._by_edge.setdefault(key, [])
            if entity not in edge:
                edge.append(entity)
        if entity.type == "PER":
            people = self._by_surname.setdefault(surname_key(entity.name), [])
            if entity not in people:
                people.append(entity)


def _same_family(entity: Entity, other: Entity, written: set[str]) -> bool:
    """Whether the article's spellings join ``other`` to ``entity``: the article wrote other's
    own name, or the two names are variants of each other. A spelling shared by two families
    (« PS » of « Public Sénat » and of « Parti socialiste », « Johnson » of Woody's and Boris's)
    does not join them."""
    a, b = entity.name, other.name
    return fold(b) in written or variants.without_article(fold(a)) == variants.without_article(fold(b)) \
        or variants.stands_for(a, b) or variants.stands_for(b, a) or variants.misspelt(a, b)


def _keys(name: str) -> list[str]:
    """A name's lookup keys: folded, and without its article (« Le Monde » is « Monde »)."""
    key = fold(name)
    return list(dict.fromkeys([key, variants.without_article(key)] if " " in key else [key]))


def _edges(name: str) -> set[str]:
    words = fold(name).split()
    return {f"<{words[0]}", f"{words[-1]}>"} if words else set()


def _elected(entity: Entity, latest: str) -> str:
    """The type most of the archive's articles gave the entity (a tie keeps the current one):
    one article's mistake does not retype a name the archive knows."""
    best = max(entity.votes.values())
    leaders = [t for t, n in entity.votes.items() if n == best]
    return entity.type if entity.type in leaders else latest if latest in leaders else sorted(leaders)[0]


def _file_order(entity: Entity) -> tuple:
    return fold(entity.name), entity.type
