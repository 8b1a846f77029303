"""Stories: what a rule change does over the whole corpus's candidate pairs, and what the measures cost.

    .venv/bin/python bench/stories_corpus.py [--before KEPT_SHARED=9] [--after NAME=VALUE ...] [--read 15]
        [--pairs /tmp/pairs.pickle] [--index-before 64:28x2] [--index-after 128:64x2]

Every corpus record, each exact text once (``draw_pairs.distinct``), is indexed as a build indexes
its posts (``kiosque_stories.index``: the whole text, and the openings of short texts), and every
candidate pair the index gives published at most ``rules.LATER`` days apart is measured
(``shingles.measures``). The rule accepts no pair farther apart; a build measures them all the
same (about three times as many pairs: the time printed is the part the rule can use).
``--index-before`` and ``--index-after PERMUTATIONS:BANDSxROWS`` take the candidates of the rule
before or after from an index with those parameters (by default the build's), to measure a change
of the index.
Prints how many candidate pairs there are, the time the measures take on them (and the
sentences' share of it), how many pairs the rule accepts with
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
    """The pairs the build's index gives (whole texts, and openings of short texts), whatever
    their dates."""
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


def near(by_id: dict, pairs: set) -> set:
    """The pairs a build measures: published at most ``rules.LATER`` days apart."""
    day = {key: date.fromisoformat(by_id[key]["date"]) for key in texts_of(pairs)}
    return {(a, b) for a, b in pairs if abs((day[b] - day[a]).days) <= rules.LATER}


def with_index(parameters: str, kept: list[dict]) -> set[tuple[int, int]]:
    """The candidates of an index of ``PERMUTATIONS:BANDSxROWS`` (the build's are restored)."""
    permutations, bands = parameters.split(":")
    saved = shingles.PERMUTATIONS, index.LSH_BANDS
    shingles.PERMUTATIONS, index.LSH_BANDS = int(permutations), tuple(map(int, bands.split("x")))
    shingles._template.cache_clear()
    try:
        return candidates(kept)
    finally:
        shingles.PERMUTATIONS, index.LSH_BANDS = saved
        shingles._template.cache_clear()


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
    parser.add_argument("--index-before", help="PERMUTATIONS:BANDSxROWS of the index before")
    parser.add_argument("--index-after", help="PERMUTATIONS:BANDSxROWS of the index after")
    args = parser.parse_args()
    before, after = ({name: float(value) for name, value in (item.split("=") for item in given)}
                     for given in (args.before, args.after))
    by_id = {record["id"]: record for record in distinct(records())}
    if args.pairs and args.pairs.exists():
        found, latest, earlier = pickle.loads(args.pairs.read_bytes())
    else:
        started = time.perf_counter()
        every = with_index(args.index_after, list(by_id.values())) if args.index_after else candidates(
            list(by_id.values()))
        latest = earlier = near(by_id, every)
        print(f"{len(by_id):,} distinct texts indexed{' (' + args.index_after + ')' if args.index_after else ''}, "
              f"{len(every):,} candidate pairs in {time.perf_counter() - started:.1f} s, {len(latest):,} of them at "
              f"most {rules.LATER} days apart")
        if args.index_before:
            started = time.perf_counter()
            earlier = near(by_id, with_index(args.index_before, list(by_id.values())))
            print(f"index {args.index_before}: {len(earlier):,} candidate pairs at most {rules.LATER} days apart, "
                  f"{len(earlier - latest)} of them not the other index's, in {time.perf_counter() - started:.1f} s")
        found, whole, cut = measured(by_id, latest)
        print(f"measures: {whole:.1f} s ({1000 * whole / len(found):.2f} ms a pair, {len(texts_of(found)):,} "
              f"texts cut), of which the sentences {cut:.1f} s ({1000 * cut / len(found):.2f} ms a pair)")
        found |= measured(by_id, earlier - latest)[0]
        if args.pairs:
            args.pairs.write_bytes(pickle.dumps((found, latest, earlier)))
    old = accepted({pair: found[pair] for pair in earlier}, before)
    new = accepted({pair: found[pair] for pair in latest}, after)
    labels = known_labels()
    added, dropped = sorted(new - old), sorted(old - new)
    print(f"{len(found):,} candidate pairs measured: accepted {len(old)} with {before}, "
          f"{len(new)} with {after or 'the rule as built'}; {len(added)} added, {len(dropped)} dropped")
    print(f"dropped: {[(pair, labels.get(frozenset(pair))) for pair in dropped]}")
    marks = [labels[frozenset(pair)] for pair in added if frozenset(pair) in labels]
    for name, _ in SETS:
        versions = [version for set_name, version in marks if set_name == name]
        print(f"added pairs labelled in {name}: {sum(versions)} versions, {len(versions) - sum(versions)} not")
    unread = [pair for pair in added if frozenset(pair) not in labels]
    for pair in random.Random(SEED).sample(unread, min(args.read, len(unread))):
        show(pair, found, by_id, labels)


if __name__ == "__main__":
    main()
