"""One entity of the archive's registry (registry.py) as it lives in memory and in
``entities.json``: its canonical name, type, spellings with their uses and articles, former
names and type votes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kiosque_core.folding import fold

from .names import tokens


@dataclass
class Entity:
    name: str
    type: str
    first_seen: str = ""
    variants: Counter = field(default_factory=Counter)
    former: list[str] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)  # type → articles that named it so
    # spelling → articles that wrote it (the name shown is the spelling most articles use: one
    # article repeating its own spelling does not rename a name eight articles know)
    articles: Counter = field(default_factory=Counter)

    @property
    def full(self) -> bool:
        return self.type != "PER" or len(tokens(self.name)) >= 2

    def to_json(self) -> dict:
        data = {"name": self.name, "type": self.type, "first_seen": self.first_seen,
                "variants": dict(sorted(self.variants.items())), "former": self.former}
        if self.votes != {self.type: 1}:  # what a file without votes means: older files stay as they are
            data["votes"] = dict(sorted(self.votes.items()))
        if self.articles_apart():
            data["articles"] = self.articles_apart()
        return data

    def articles_apart(self) -> dict:
        """The spellings' article counts where they differ from their uses (a file without them
        means as many articles as uses, as for votes: older files stay as they are)."""
        return {v: n for v, n in sorted(self.articles.items()) if n != self.variants.get(v)}


def entity_from_file(data: dict) -> Entity:
    """An entity of the file. A spelling without its article count was written by as many
    articles as it has uses (a file written before they were counted reads and writes back as
    it is)."""
    votes = Counter(data.get("votes") or {data["type"]: 1})
    variants = Counter(data.get("variants", {}))
    articles = Counter({**variants, **data.get("articles", {})})
    return Entity(data["name"], data["type"], data.get("first_seen", ""), variants,
                  list(data.get("former", [])), votes, articles)


def file_order(entity: Entity) -> tuple:
    return fold(entity.name), entity.type
