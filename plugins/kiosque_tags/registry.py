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

from .names import country, given_names, surname_key, tokens

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

    @property
    def full(self) -> bool:
        return self.type != "PER" or len(tokens(self.name)) >= 2

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type, "first_seen": self.first_seen,
                "variants": dict(sorted(self.variants.items())), "former": self.former}


class Registry:
    def __init__(self, entities: list[Entity] | None = None):
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}
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
                           list(e.get("former", []))) for e in data.get("entities", [])])

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
            return self.person_by_surname(name)
        return None

    def person_by_surname(self, name: str, given: list[str] | None = None) -> Entity | None:
        """The full-named person a bare surname means: the only one, or one used far more."""
        people = [e for e in self._by_surname.get(surname_key(name), []) if e.full]
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
            entity = Entity(name, type_, first_seen=source)
            self._add(entity)
        entity.variants.update(surfaces)
        if type_ == "PER" and len(tokens(name)) >= 2:
            self._absorb_bare_surname(entity)
        self._rename(entity)
        self._index(entity)
        return entity

    def _absorb_bare_surname(self, person: Entity) -> None:
        """``Erdogan`` (known alone so far) is ``Recep Tayyip Erdoğan`` once he is the only one."""
        people = self._by_surname.get(surname_key(person.name), [])
        for bare in [e for e in people if not e.full and e is not person]:
            if self.person_by_surname(bare.name) is not person:
                continue
            person.variants.update(bare.variants)
            person.former.extend(n for n in [bare.name, *bare.former] if n not in person.former)
            # By identity, and only through bare's own spellings (every key it was ever indexed
            # under: a renamed entity keeps its old name in ``former``): scanning every entity and
            # every key of the archive for each absorbed surname grew with the archive.
            del self.entities[list(map(operator.is_, self.entities, repeat(bare))).index(True)]
            people.remove(bare)
            for key in {fold(name) for name in (bare.name, *bare.variants, *bare.former)}:
                if self._by_key.get(key) is bare:
                    self._by_key[key] = person

    def _rename(self, entity: Entity) -> None:
        if country(entity.name):
            best = country(entity.name)
        else:
            best = best_name(entity)
            current = sum(n for v, n in entity.variants.items() if fold(v) == fold(entity.name))
            challenger = sum(n for v, n in entity.variants.items() if fold(v) == fold(best))
            keeps = entity.full and len(tokens(best)) <= len(tokens(entity.name)) + 0 \
                and fold(best) != fold(entity.name) and challenger < HYSTERESIS * current
            if keeps:
                best = entity.name
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
            self._by_key.setdefault(fold(name), entity)
        if entity.type == "PER":
            people = self._by_surname.setdefault(surname_key(entity.name), [])
            if entity not in people:
                people.append(entity)


def dumps(entities: list[Entity]) -> str:
    """The registry file's text: ``json.dumps({"version": 1, "entities": [e.to_json() ...]},
    ensure_ascii=False, indent=1)``, byte for byte. Written by hand because the import saves the
    whole registry after every chunk, and json's pure-Python indenting encoder took most of
    each save (0.22 s for the 10,400 entities of 5,000 articles, 0.07 s here); an entity whose
    fields are not plain strings and counts (a hand edit) sends the whole file back to
    ``json.dumps``."""
    blocks = [_entity_text(entity) for entity in entities]
    if None in blocks:
        return json.dumps({"version": 1, "entities": [e.to_json() for e in entities]},
                          ensure_ascii=False, indent=1) + "\n"
    if not blocks:
        return '{\n "version": 1,\n "entities": []\n}\n'
    return '{\n "version": 1,\n "entities": [\n' + ",\n".join(blocks) + "\n ]\n}\n"


def _entity_text(entity: Entity) -> str | None:
    """One entity as ``json.dumps`` indents it at the depth of the file's list; None when a field
    holds what only ``json.dumps`` knows how to write (a count that is not an int, a name that is
    not a string: the string escaping refuses it)."""
    if not _INT.issuperset(map(type, entity.variants.values())):
        return None
    text = _json_string
    try:
        variants = ",\n    ".join([f"{text(k)}: {n}" for k, n in sorted(entity.variants.items())])
        former = ",\n    ".join([text(name) for name in entity.former])
        return (f'  {{\n   "name": {text(entity.name)},\n   "type": {text(entity.type)},\n'
                f'   "first_seen": {text(entity.first_seen)},\n'
                f'   "variants": {f"{{{_NL4}{variants}{_NL3}}}" if variants else "{}"},\n'
                f'   "former": {f"[{_NL4}{former}{_NL3}]" if former else "[]"}\n  }}')
    except TypeError:
        return None


# ``json.dumps(text, ensure_ascii=False)`` without the call's overhead (the same C function), and
# the indents of the entities' inner lines.
_json_string = json.encoder.encode_basestring
_NL3, _NL4 = "\n   ", "\n    "
_INT = frozenset({int})  # bool is an int json writes as true


def _file_order(entity: Entity) -> tuple:
    return fold(entity.name), entity.type


def best_name(entity: Entity) -> str:
    """The best-attested full form; among its spellings, the one with its diacritics.

    Spellings that fold alike (Erdogan, Erdoğan, ERDOGAN) are one form: accents and case are
    lost by careless writing, never added, so the accented, mixed-case spelling is the right one.
    """
    forms: dict[str, Counter] = {}
    for variant, count in entity.variants.items():
        forms.setdefault(fold(variant), Counter())[variant] += count
    if not forms:
        return entity.name
    longest = max(len(key.split()) for key in forms)
    full = [k for k in forms if entity.type != "PER" or len(k.split()) >= min(2, longest)]

    def attested(key: str) -> tuple:
        return (sum(forms[key].values()), len(key.split()), key)

    form = max(full, key=attested)
    return max(forms[form], key=lambda v: (_marks(v), not v.isupper(), forms[form][v], v))


def _marks(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 127 and ch.isalpha())
