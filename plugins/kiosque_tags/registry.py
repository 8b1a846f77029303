"""The archive's entity registry: one record per entity, its canonical name and every spelling met.

It lives beside the posts (``content/posts/entities.json``, committed). Posts keep the names they
were written with; the build maps each through the registry, so merging ``Erdogan`` into
``Recep Tayyip Erdoğan`` rewrites no post, and the old tag URL becomes a redirect (``former``).
"""

from __future__ import annotations

import json
import operator
from collections import Counter
from itertools import repeat
from pathlib import Path

from kiosque_core.folding import fold
from kiosque_core.storage import write_atomic

from . import registrykeys, spellings, variants
from .entity import Entity, entity_from_file, file_order
from .families import rather_a_first_name, same_family
from .names import country, given_names, surname_key, tokens
from .naming import attestations, best_name, without_article
from .registryfile import dumps

# A bare surname goes to the full name that has at least this share of the surname's uses.
DOMINANT = 0.75
# A first name alone (« Johnny ») is the person the archive's articles called so this many times
# at least (and with DOMINANT of those uses): a few uses say nothing of who else bears it.
FIRST_NAME_USES = 5
# A full name in place yields to another full spelling only when that one is this much better
# attested: canonical names, hence tag URLs, do not flip back and forth as articles arrive.
HYSTERESIS = 1.5
# A bare name joins a full-named person unless more articles than this use it alone (BARE_ALONE),
# and BARE_RATIO times more than name the person in full.
BARE_ALONE, BARE_RATIO = 5, 3


class Registry:
    def __init__(self, entities: list[Entity] | None = None):
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_edge: dict[str, list[Entity]] = {}  # by first and last word: spelling variants
        self._by_first: dict[str, list[Entity]] = {}  # full-named people by a first name used alone
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
        return cls([entity_from_file(e) for e in data.get("entities", [])])

    def save(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, dumps(sorted(self.entities, key=file_order)))

    def reloaded(self) -> Registry:
        """What ``load`` would make of the file ``save`` writes, without reading it: the same
        entities, indexed in the file's order (which one owns a shared spelling depends on it)."""
        return Registry(sorted(self.entities, key=file_order))

    # -- lookups -----------------------------------------------------------------------
    def resolve(self, name: str, type_hint: str = "") -> Entity | None:
        """The entity a name stands for, if the archive knows it without doubt."""
        french = country(name)
        if french:
            return self._by_key.get(fold(french))
        entity = self._by_key.get(spellings.key(name)) or self._by_key.get(registrykeys.alone(name, type_hint)) \
            or self._spelled_alike(name, type_hint)  # « Le JDD » a list found, never learned
        if entity is not None:
            return entity
        if type_hint in ("", "PER") and len(tokens(name)) <= 2:
            # « Malia Obama » is not Barack: a first name given must be the person's.
            return self.person_by_surname(name, given_names(name) or None) \
                or (self.person_by_first_name(name) if len(tokens(name)) == 1 else None)
        return None

    def person_by_surname(self, name: str, given: list[str] | None = None) -> Entity | None:
        """The full-named person a bare surname means: the only one, or one used far more."""
        people = [e for e in self._by_surname.get(surname_key(name), []) if e.full and e.type == "PER"]
        if given:
            people = [e for e in people if given_names(e.name)[: len(given)] == given]
        if not people:
            return None
        found = _dominant([(sum(e.variants.values()), e) for e in people])
        if found is not None and not given \
                and rather_a_first_name(name, found, self._by_edge.get(f"<{fold(name)}", ())):
            return None  # « le prince Charles » is not Bénédicte Charles (families.py)
        return found

    def person_by_first_name(self, name: str) -> Entity | None:
        """The full-named person a first name alone means (« Johnny »): the one the archive's
        articles called so, at least FIRST_NAME_USES times and DOMINANT of all such uses."""
        key = fold(name)
        people = [e for e in self._by_first.get(key, ()) if e.type == "PER" and e.full]
        uses = [(sum(n for v, n in e.variants.items() if fold(v) == key), e) for e in people]
        found = _dominant(uses)
        return found if found is not None and max(uses, key=lambda pair: pair[0])[0] >= FIRST_NAME_USES else None

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
        entity = self._by_key.get(spellings.key(name)) or self._by_key.get(registrykeys.alone(name, type_))
        if type_ == "PER" and len(tokens(name)) == 1:
            entity = self._single_name(name, entity)
        if entity is None:
            entity = self._misspelt(name, type_) or self._spelled_alike(name, type_)
        if entity is None:
            entity = Entity(name, type_, first_seen=source)
            self._add(entity)
        entity.variants.update(surfaces)
        entity.articles.update(dict.fromkeys(surfaces, 1))
        entity.votes[type_] += 1
        entity.type = _elected(entity, type_)
        # The article's analysis found these spellings one entity (« FN » and « Front national »,
        # « Le Monde » and « Monde »): an entity the archive had for one of them joins it.
        written = {fold(s) for s in surfaces}
        found = [self._by_key.get(spellings.key(s)) for s in surfaces]
        found += [self._spelled_alike(s, entity.type) for s in [entity.name, *surfaces]]
        for other in {id(e): e for e in found if e is not None}.values():
            if other is not entity and other.type == entity.type and (other.type != "PER" or other.full) \
                    and same_family(entity, other, written, self._opens_names(other, entity)):
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
            if self.person_by_surname(bare.name) is person and not _outnumbers(bare, person):
                self._merge(person, bare)
        first = given_names(person.name)[:1]
        bare = self._by_key.get(first[0]) if first else None
        if bare is not None and bare is not person and bare.type == "PER" and not bare.full \
                and self.person_by_first_name(bare.name) is person:
            self._merge(person, bare)  # « Johnny », known alone so far, is Johnny Hallyday

    def _single_name(self, name: str, entity: Entity | None) -> Entity | None:
        """The person one word names: a bare surname's full-named person, or the person a first
        name alone means (who takes the entity the archive had for that first name alone)."""
        if entity is None:
            entity = self.person_by_surname(name)
        owner = self.person_by_first_name(name) if entity is None or not entity.full else None
        if owner is not None and entity is not None and entity is not owner and entity.type == "PER":
            self._merge(owner, entity)
        return owner or entity

    def _spelled_alike(self, name: str, type_: str) -> Entity | None:
        """The entity another spelling of ``name`` is: the aliases list's (of that type, or any
        for a tag), or one apart only by spaces and hyphens of the same type (spellings.py)."""
        alias = spellings.alias_of(name)
        listed = self._by_key.get("=" + alias) if alias else None
        if listed is not None and type_ in ("", listed.type):
            return listed
        compact = spellings.compact(name)
        spaced = self._by_key.get("~" + compact) or self._by_key.get(compact)  # « BFM TV », « BFMTV »
        return spaced if spaced is not None and spaced.type == type_ and type_ != "PER" else None

    def _merge(self, into: Entity, other: Entity) -> None:
        """``other`` is ``into`` from now on; its names become ``into``'s former names (redirects)."""
        into.variants.update(other.variants)
        into.articles.update(other.articles)
        into.votes.update(other.votes)
        into.former.extend(n for n in [other.name, *other.former] if n not in into.former and n != into.name)
        # By identity, and only through other's own spellings (every key it was ever indexed
        # under: a renamed entity keeps its old name in ``former``): scanning every entity and
        # every key of the archive for each merge grew with the archive.
        del self.entities[list(map(operator.is_, self.entities, repeat(other))).index(True)]
        names = [other.name, *other.former]  # a renamed entity is still filed under its old names
        for index, keys in ((self._by_surname, {surname_key(n) for n in names}),
                            (self._by_edge, {k for n in names for k in registrykeys.edges(n)})):
            for key in keys:
                kept = [e for e in index.get(key, ()) if e is not other]
                if key in index:
                    index[key] = kept
        for key in {fold(v) for v in other.variants if len(tokens(v)) == 1}:
            if key in self._by_first:
                self._by_first[key] = [e for e in self._by_first[key] if e is not other]
        names = (other.name, *other.variants, *other.former)
        for key in {k for name in names for t in registrykeys.TYPES for k in registrykeys.keys(name, t)}:
            if self._by_key.get(key) is other:
                self._by_key[key] = into

    def _opens_names(self, word: Entity, *besides: Entity) -> bool:
        """Whether names of other entities open or end on ``word``'s (« AMG GT », « VW Arteon »)."""
        key = fold(word.name)
        return any(len(tokens(e.name)) >= 2 and all(e is not b for b in (word, *besides))
                   for k in (f"<{key}", f"{key}>") for e in self._by_edge.get(k, ()))

    def _misspelt(self, name: str, type_: str) -> Entity | None:
        """The one entity of this type that ``name`` misspells (« Laeticia » for « Laetitia
        Hallyday », « Lagaf » for « Lagaffe »): a misspelling never makes an entity of its own."""
        found = {id(e): e for key in registrykeys.edges(name) for e in self._by_edge.get(key, ())
                 if e.type == type_ and variants.misspelt(name, e.name)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _rename(self, entity: Entity) -> None:
        if country(entity.name):
            best = country(entity.name)
        else:
            best = best_name(entity)
            articles = attestations(entity)
            current = sum(n for v, n in articles.items() if fold(v) == fold(entity.name))
            challenger = sum(n for v, n in articles.items() if fold(v) == fold(best))
            keeps = entity.full and len(tokens(best)) <= len(tokens(entity.name)) + 0 \
                and fold(best) != fold(entity.name) and challenger < HYSTERESIS * current \
                and spellings.alias_of(entity.name) != fold(best)  # « USA » yields to its list's name
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
        first = given_names(entity.name)[:1] if by_surname_only else []
        for name in {entity.name, *entity.variants, *entity.former}:
            if by_surname_only and len(tokens(name)) == 1:
                if [fold(name)] == first and not _among(entity, self._by_first.setdefault(first[0], [])):
                    self._by_first[first[0]].append(entity)  # « Johnny » written for Johnny Hallyday
                continue
            if entity.type == "PER" and spellings.named_after(name):
                continue  # « Charles-de-Gaulle » (the airport) is never the person's key
            for key in registrykeys.keys(name, entity.type) if entity.type != "PER" else [spellings.key(name)]:
                self._by_key.setdefault(key, entity)
        for key in registrykeys.edges(entity.name):
            edge = self._by_edge.setdefault(key, [])
            if not _among(entity, edge):
                edge.append(entity)
        if entity.type == "PER":
            people = self._by_surname.setdefault(surname_key(entity.name), [])
            if not _among(entity, people):
                people.append(entity)


def _among(entity: Entity, entities: list[Entity]) -> bool:
    """``entity in entities``, the names compared first: equal entities (the dataclass compares
    every field) have equal names, and building the fields of each entity of a long list (the
    people whose names open on « Jean ») for each entity indexed was the registry's reload's time."""
    name = entity.name
    return any(other is entity or other.name == name and other == entity for other in entities)


def _outnumbers(bare: Entity, person: Entity) -> bool:
    """A name many articles use alone is no surname one new full name may take: « Harry » (the
    prince, in 58 articles) is not « Vincent Harry » (one article), « Déconfinement » is no
    « Paris Déconfinement ». Early in an archive, « Macron » known alone in 3 articles still
    joins the first « Emmanuel Macron »."""
    alone, named = sum(attestations(bare).values()), sum(attestations(person).values())
    return alone > max(BARE_ALONE, BARE_RATIO * named)


def _dominant(uses: list[tuple[int, Entity]]) -> Entity | None:
    """The entity with DOMINANT of the uses, if one has."""
    if not uses:
        return None
    top = max(uses, key=lambda pair: pair[0])
    return top[1] if top[0] >= DOMINANT * sum(count for count, _ in uses) else None


def _elected(entity: Entity, latest: str) -> str:
    """The type most of the archive's articles gave the entity (a tie keeps the current one):
    one article's mistake does not retype a name the archive knows."""
    best = max(entity.votes.values())
    leaders = [t for t, n in entity.votes.items() if n == best]
    return entity.type if entity.type in leaders else latest if latest in leaders else sorted(leaders)[0]
