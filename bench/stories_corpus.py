"""Stories: what a rule change does over the whole corpus's candidate pairs, and what the measures cost.

    .venv/bin/python bench/stories_corpus.py [--before KEPT_SHARED=9] [--after NAME=VALUE ...] [--read 15]
        [--pairs /tmp/pairs.pickle]

Every corpus record, each exact text once (``draw_pairs.distinct``), is indexed as a build indexes
its posts (``kiosque_stories.index``: the whole text, and the openings of short texts), and every
candidate pair the index gives is measured (``shingles.measures``), as a build does (no date
limit: the rule decides). Prints how many candidate pairs there are, the time the measures take on
them (and the sentences' share of it), how many pairs the rule accepts with
the ``--before`` thresholds (``NAME=VALUE`` of ``rules.py``; by default the branch of sentences
kept off) and with the ``--after`` ones (by default as built), and the pairs one adds or drops.
Added pairs of the dev sets (``labelled.tsv``, ``labelled-2.tsv``, ``labelled-3.tsv``'s ``dev``
half) are counted by their labels; ``--read N`` prints N of the others, drawn at random (seed 5),
with both texts, to be read against the standard. ``--pairs`` keeps the measured
pairs in a pickle (made again when the file is missing).
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from datasketch import MinHashLSH  # noqa: E402
from draw_pairs import distinct  # noqa: E402
from kiosque_stories import index, rules, sentences, shingles  # noqa: E402
from make_corpus import records  # noqa: E402
from stories_grid import SETS  # noqa: E402
from test_stories_labelled import labelled  # noqa: E402

SEED = 5


def post(record: dict) -> SimpleNamespace:
    """A corpus record as the index reads a post: summary, body, headline."""
    return SimpleNamespace(metadata={"summary": record["lede"]}, _content=record["body"], title=record["title"])


def candidates(kept: list[dict]) -> set[tuple[int, int]]:
    """The pairs the build's index gives (whole texts, and openings of short texts)."""
    lsh = MinHashLSH(num_perm=shingles.PERMUTATIONS, params=index.LSH_BANDS)
    entries = {record["id"]: index._signatures(post(record)) for record in kept}
    for key, found in entries.items():
        for kind, signature in found:
            lsh.insert(f"{key}{kind}", signature)
    pairs = set()
    for key, found in entries.items():
        for other in index._candidates(lsh, found):
            if int(other) != key:
                pairs.add(tuple(sorted((key, int(other)))))
    return pairs


def measured(by_id: dict, pairs: set) -> tuple[dict, float, float]:
    """Each pair's measures and days apart; the seconds the measures took (each text cut once, then
    each pair measured), and the sentences' part of them, timed apart."""
    keys = sorted(texts_of(pairs))
    started = time.perf_counter()
    texts = {key: shingles.Text(by_id[key]["lede"], by_id[key]["body"], by_id[key]["title"]) for key in keys}
    found = {(a, b): (shingles.measures(texts[a], texts[b]),
                      (date.fromisoformat(by_id[b]["date"]) - date.fromisoformat(by_id[a]["date"])).days)
             for a, b in sorted(pairs)}
    whole = time.perf_counter() - started
    started = time.perf_counter()
    for key in keys:
        sentences.every_run(sentences.sentences(f"{by_id[key]['lede']}\n{by_id[key]['body']}", shingles.words))
    for a, b in pairs:
        sentences.reappear(texts[a].sentences, texts[b].runs)
        sentences.reappear(texts[b].sentences, texts[a].runs)
    return found, whole, time.perf_counter() - started


def texts_of(pairs: set) -> set:
    return {key for pair in pairs for key in pair}


def accepted(found: dict, settings: dict) -> set:
    saved = {name: getattr(rules, name) for name in settings}
    try:
        for name, value in settings.items():
            setattr(rules, name, value)
        return {pair for pair, (measures, days) in found.items() if rules.accepts(measures, days)}
    finally:
        for name, value in saved.items():
            setattr(rules, name, value)


def known_labels() -> dict:
    return {frozenset((a["id"], b["id"])): (name, version)
            for name, half in SETS for a, b, version, _ in labelled(name, half)}


def show(pair, found, by_id, labels) -> None:
    measures, days = found[pair]
    kept, drawn = rules.kept_and_drawn(measures, days)
    mark = labels.get(frozenset(pair))
    print(f"\n=== {pair[0]} / {pair[1]}  {abs(days)} day(s) apart  Jaccard {measures.jaccard}  kept {kept:.2f} "
          f"drawn {drawn:.2f}" + (f"  [{mark[0]}: {int(mark[1])}]" if mark else ""))
    for key in sorted(pair, key=lambda key: by_id[key]["date"]):
        record = by_id[key]
        print(f"--- {key} {record['date']} {record['title']}\n{record['lede']}\n{record['body']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", nargs="*", default=["KEPT_SHARED=9"], help="NAME=VALUE of rules.py")
    parser.add_argument("--after", nargs="*", default=[], help="NAME=VALUE of rules.py (default: as built)")
    parser.add_argument("--read", type=int, default=0)
    parser.add_argument("--pairs", type=Path)
    args = parser.parse_args()
    before, after = ({name: float(value) for name, value in (item.split("=") for item in given)}
                     for given in (args.before, args.after))
    by_id = {record["id"]: record for record in distinct(records())}
    if args.pairs and args.pairs.exists():
        found = pickle.loads(args.pairs.read_bytes())
    else:
        started = time.perf_counter()
        pairs = candidates(list(by_id.values()))
        print(f"{len(by_id):,} distinct texts indexed, {len(pairs):,} candidate pairs in "
              f"{time.perf_counter() - started:.1f} s")
        found, whole, cut = measured(by_id, pairs)
        print(f"measures: {whole:.1f} s ({1000 * whole / len(pairs):.2f} ms a pair, {len(texts_of(pairs)):,} "
              f"texts cut), of which the sentences {cut:.1f} s ({1000 * cut / len(pairs):.2f} ms a pair)")
        if args.pairs:
            args.pairs.write_bytes(pickle.dumps(found))
    old, new = accepted(found, before), accepted(found, after)
    labels = known_labels()
    added, dropped = sorted(new - old), sorted(old - new)
    print(f"{len(found):,} candidate pairs: accepted {len(old)} with {before}, "
          f"{len(new)} with {after or 'the rule as built'}; {len(added)} added, {len(dropped)} dropped")
    marks = [labels[frozenset(pair)] for pair in added if frozenset(pair) in labels]
    for name, _ in SETS:
        versions = [version for set_name, version in marks if set_name == name]
        print(f"added pairs labelled in {name}: {sum(versions)} versions, {len(versions) - sum(versions)} not")
    unread = [pair for pair in added if frozenset(pair) not in labels]
    for pair in random.Random(SEED).sample(unread, min(args.read, len(unread))):
        show(pair, found, by_id, labels)


if __name__ == "__main__":
    main()
