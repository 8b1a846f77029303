"""How far two readers of the same articles agree: the ceiling of any precision or recall measured
against one reader's hand labels.

    .venv/bin/python bench/label_agreement.py [--second FILE] [--list]

Takes the second reader's labels (``tests/fixtures/entity_labels/agreement/second-reader.json``)
as if they were the program's output and scores them against the first labels of the same
articles (``tests/fixtures/entity_labels/*.json``), with the bench's folding (case, accents, a
leading article, spaces and hyphens aside). Two entities are the same when a name of one is among
the other's ``names``; they agree when, in addition, one's type is the other's type or ``also``.

Prints a Markdown table, for the dev and heldout articles apart and together (the articles both
readers labelled): per type, the second reader's « precision » (its entities the first reader also
has, same type) and « recall » (the first reader's entities it also has) and their F1; key-tag
agreement both ways (the first reader's key tags among the second's, and the reverse); authors
read alike. ``--list`` then prints every disagreement, article by article: an entity only one
reader has, or both have with other types, then what the scores do not count (full name,
spellings, ``also``, not-entities, key tags).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_quality import LABELS, TYPES, Score, _keys, fold, load_labels  # noqa: E402

SECOND = LABELS / "agreement" / "second-reader.json"


@dataclass
class Agreement(Score):
    """The bench's score with the second reader in the program's place: ``found`` / ``wrong`` its
    entities the first reader has (same type) or not, ``named`` / ``recalled`` the first reader's
    entities and those of them it has, ``key_tags_found`` the first's key tags among its own,
    ``authors_right`` the bylines read alike, ``errors`` every disagreement; and the reverse way
    for key tags."""

    key_second: int = 0
    key_second_in_first: int = 0

    def f1(self, type_: str) -> float:
        p, r = self.precision(type_), self.recall(type_)
        return 2 * p * r / (p + r) if p + r else 0.0


def entity_keys(entity: dict) -> set[str]:
    return {k for name in entity["names"] for k in _keys(name)}


def types_of(entity: dict) -> set[str]:
    return {entity["type"], entity.get("also")} - {None}


def pair(first: list[dict], second: list[dict]) -> dict[int, tuple[int, bool]]:
    """The second reader's entity index → (the first reader's entity it names, whether the types
    agree), one to one; an agreeing pair is preferred to a same-name pair typed otherwise."""
    pairs: dict[int, tuple[int, bool]] = {}
    taken: set[int] = set()
    for want_typed in (True, False):
        for j, theirs in enumerate(second):
            if j in pairs:
                continue
            for i, ours in enumerate(first):
                if i in taken or not entity_keys(ours) & entity_keys(theirs):
                    continue
                typed = bool(types_of(ours) & types_of(theirs))
                if typed or not want_typed:
                    pairs[j] = (i, typed)
                    taken.add(i)
                    break
    return pairs


def key_tag_in(tag: str, tags: list[str], entities: list[dict]) -> bool:
    """A key tag is among the other reader's, as written or as another spelling of the entity
    either reader says it names."""
    keys = _keys(tag)
    named = [entity_keys(e) for e in entities if keys & entity_keys(e)]
    wanted = keys.union(*named)
    return any(wanted & _keys(t) for t in tags)


def compare(source: str, first: dict, second: dict, score: Agreement) -> None:
    score.articles += 1
    ours, theirs = first["entities"], second["entities"]
    pairs = pair(ours, theirs)
    paired_first = {i: (j, typed) for j, (i, typed) in pairs.items()}
    for j, entity in enumerate(theirs):
        i, typed = pairs.get(j, (None, False))
        if typed:
            score.found[entity["type"]] += 1
            continue
        score.wrong[entity["type"]] += 1
        if i is None:
            score.errors.append(f"{source}: only second {entity['type']} {entity['names']}")
        else:
            score.errors.append(f"{source}: typed apart: first {ours[i]['type']} {ours[i]['names']}"
                                f" / second {entity['type']} {entity['names']}")
    for i, entity in enumerate(ours):
        score.named[entity["type"]] += 1
        if paired_first.get(i, (None, False))[1]:
            score.recalled[entity["type"]] += 1
        elif i not in paired_first:
            score.errors.append(f"{source}: only first {entity['type']} {entity['names']}")
    both = ours + theirs
    for tag in first.get("key_tags", []):
        score.key_tags += 1
        score.key_tags_found += key_tag_in(tag, second.get("key_tags", []), both)
    for tag in second.get("key_tags", []):
        score.key_second += 1
        score.key_second_in_first += key_tag_in(tag, first.get("key_tags", []), both)
    if [fold(a) for a in first.get("authors", [])] == [fold(a) for a in second.get("authors", [])]:
        score.authors_right += 1
    else:
        score.errors.append(f"{source}: authors {first.get('authors')} / {second.get('authors')}")
    score.errors += [f"{source}: {note}" for note in unscored(first, second, pairs)]


def unscored(first: dict, second: dict, pairs: dict[int, tuple[int, bool]]) -> list[str]:
    """What the readers wrote apart that the scores above do not count: the full name, the other
    spellings and ``also`` of an entity both name, the not-entities, the key tags."""
    ours, theirs = first["entities"], second["entities"]
    notes = []
    for j, (i, _) in sorted(pairs.items()):
        a, b = ours[i], theirs[j]
        if not _keys(a["names"][0]) & _keys(b["names"][0]):
            notes.append(f"full name: first « {a['names'][0]} » / second « {b['names'][0]} »")
        for reader, one, other in (("first", a, b), ("second", b, a)):
            extra = [n for n in one["names"] if not _keys(n) & entity_keys(other)]
            if extra:
                notes.append(f"spelling only {reader}: {extra} of « {one['names'][0]} »")
        if a.get("also") != b.get("also"):
            notes.append(f"also: first {a['type']}+{a.get('also')} / second {b['type']}+{b.get('also')}"
                         f" « {a['names'][0]} »")
    for reader, one, other in (("first", first, second), ("second", second, first)):
        named = {k for e in other["entities"] for k in entity_keys(e)}
        listed = {k for n in other.get("not_entities", []) for k in _keys(n)}
        for name in one.get("not_entities", []):
            keys = _keys(name)
            if keys & named:
                notes.append(f"not-entity only {reader}, an entity for the other: « {name} »")
            elif not keys & listed:
                notes.append(f"not-entity only {reader}: « {name} »")
        both = ours + theirs
        notes += [f"key tag only {reader}: « {tag} »" for tag in one.get("key_tags", [])
                  if not key_tag_in(tag, other.get("key_tags", []), both)]
    return notes


def agreement(first: dict[str, dict], second: dict[str, dict]) -> dict[str, Agreement]:
    """Scores per split of the articles both readers labelled, and for all of them."""
    scores = {"dev": Agreement(), "heldout": Agreement(), "all": Agreement()}
    for source, label in second.items():
        if source not in first:
            continue
        for split in (label.get("split", "dev"), "all"):
            compare(source, first[source], label, scores[split])
    return scores


def table(scores: dict[str, Agreement]) -> str:
    lines = ["| split | articles | " + " | ".join(f"{t} P / R / F1 (first, second)" for t in TYPES)
             + " | key tags first→second | key tags second→first | authors alike |",
             "|---|---|" + "---|" * len(TYPES) + "---|---|---|"]
    for split, s in scores.items():
        cells = [f"{s.precision(t):.1%} / {s.recall(t):.1%} / {s.f1(t):.1%}"
                 f" ({s.named[t]}, {s.found[t] + s.wrong[t]})" for t in TYPES]
        first_in = s.key_tags_found / s.key_tags if s.key_tags else 1.0
        second_in = s.key_second_in_first / s.key_second if s.key_second else 1.0
        lines.append(f"| {split} | {s.articles} | " + " | ".join(cells)
                     + f" | {first_in:.1%} ({s.key_tags}) | {second_in:.1%} ({s.key_second})"
                     + f" | {s.authors_right}/{s.articles} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--second", type=Path, default=SECOND, help="the second reader's labels")
    parser.add_argument("--list", action="store_true", help="print every disagreement")
    args = parser.parse_args(argv)
    second = {k: v for k, v in json.loads(args.second.read_text(encoding="utf-8")).items()
              if not k.startswith("_")}
    first = load_labels()
    scores = agreement(first, second)
    print(table(scores))
    alone = [source for source in second if source not in first]
    if alone:
        print(f"\nOnly the second reader labelled {len(alone)} articles (not compared): {', '.join(alone)}")
    if args.list:
        print()
        print("\n".join(scores["all"].errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
