"""Build time: what the editors' corrections change in each article's names, and the table of
the archive's entities the templates get (``generator.context["kiosque_entities"]``)."""

from __future__ import annotations

from .corrections import Corrections
from .registry import Registry

# Each facet attribute and the type of entity it lists (build.FACETS, the other way round).
FACET_OF = {"PER": "people", "LOC": "places", "ORG": "organizations"}


def retype(facets: dict[str, list[str]], fixes: Corrections) -> dict[str, list[str]]:
    """Each name in the facet its corrected type says; a name typed OTHER leaves the facets
    (it stays a tag). Every facet attribute is returned, empty ones too, so that a name moved
    out of a facet leaves no stale list behind."""
    types = {"people": "PER", "places": "LOC", "organizations": "ORG"}
    moved: dict[str, list[str]] = {key: [] for key in types}
    for key, names in facets.items():
        for name in names:
            target = FACET_OF.get(fixes.type_of(name, types[key]))
            if target and name not in moved[target]:
                moved[target].append(name)
    return moved


def entities_context(registry: Registry, fixes: Corrections) -> dict[str, dict]:
    """Canonical name → {"type", "spellings"}: every registry entity under its corrected name,
    with every spelling merged into it (variants, former names, the names corrections rename),
    sorted; entities an editor said are never entities are left out."""
    table: dict[str, dict] = {}
    own_type: dict[str, str] = {}
    for entity in registry.entities:
        name = fixes.renamed(entity.name) or entity.name
        if fixes.is_never(name) or fixes.is_never(entity.name):
            continue
        entry = table.setdefault(name, {"type": entity.type, "spellings": set()})
        if entity.name == name:
            own_type[name] = entity.type  # the entity that already bore the name decides
        entry["spellings"].update(entity.variants, entity.former, {entity.name})
    for name, entry in table.items():
        entry["type"] = fixes.type_of(name, own_type.get(name, entry["type"]))
        # Spellings that differ only in case (« en Marche », « en marche ») in one order in every
        # process: a set's order changes with the hash seed.
        entry["spellings"] = sorted(entry["spellings"] - {name}, key=lambda s: (s.casefold(), s))
    return table
