"""The registry file's text, written by hand: ``entities.json`` byte for byte as ``json.dumps``
would indent it, at a fraction of the cost.

Apart from ``registry`` because it is only about the file's bytes, not about what the registry
knows: the import saves the whole registry after every chunk, so this is a speed-up with its own
fallback (``json.dumps``) and nothing to do with resolving or learning names.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .entity import Entity


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
    apart = entity.articles_apart()
    if not _INT.issuperset(map(type, [*entity.variants.values(), *entity.votes.values(), *apart.values()])):
        return None
    text = _json_string
    try:
        variants = ",\n    ".join([f"{text(k)}: {n}" for k, n in sorted(entity.variants.items())])
        former = ",\n    ".join([text(name) for name in entity.former])
        votes = ",\n    ".join([f"{text(k)}: {n}" for k, n in sorted(entity.votes.items())]) \
            if entity.votes != {entity.type: 1} else None
        articles = ",\n    ".join([f"{text(k)}: {n}" for k, n in apart.items()])
        return (f'  {{\n   "name": {text(entity.name)},\n   "type": {text(entity.type)},\n'
                f'   "first_seen": {text(entity.first_seen)},\n'
                f'   "variants": {f"{{{_NL4}{variants}{_NL3}}}" if variants else "{}"},\n'
                f'   "former": {f"[{_NL4}{former}{_NL3}]" if former else "[]"}'
                + ("" if votes is None else f',\n   "votes": {f"{{{_NL4}{votes}{_NL3}}}" if votes else "{}"}')
                + (f',\n   "articles": {{{_NL4}{articles}{_NL3}}}' if articles else "")
                + "\n  }")
    except TypeError:
        return None


# ``json.dumps(text, ensure_ascii=False)`` without the call's overhead (the same C function), and
# the indents of the entities' inner lines.
_json_string = json.encoder.encode_basestring
_NL3, _NL4 = "\n   ", "\n    "
_INT = frozenset({int})  # bool is an int json writes as true
