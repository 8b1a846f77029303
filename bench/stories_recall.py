"""Stories: what limits recall, the candidates or the rule (issue #18).

    .venv/bin/python bench/stories_recall.py [--corpus] [--days 5]

1. Every labelled pair of the dev material (``labelled.tsv``, ``labelled-2.tsv``, the ``dev`` half
   of ``labelled-3.tsv``; its ``apart`` half is never read here): is it a candidate of the build's
   index (its two texts meet in one of the LSH bands, whole text with whole text or an opening
   with a short text's, as ``kiosque_stories.index`` matches them) above the shingle floor
   (``rules.SHARED``), and what the rule reads of it. Each missed version is (a) never a candidate
   or under the floor, or (b) a candidate no branch accepts; the labelled non-versions are printed
   with the same measures.
2. ``--corpus``: over the whole corpus (each exact text once, ``draw_pairs.distinct``), every pair
   published at most ``--days`` apart whose shingles' Jaccard is at least 0.05 (worked out
   exactly, all pairs), by Jaccard and days apart: how many the index proposes, and how many the
   rule accepts among those it proposes and among those it does not (the versions the candidates
   lose, as the rule would judge them).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from draw_pairs import distinct  # noqa: E402
from kiosque_stories import index, rules, shingles  # noqa: E402
from make_corpus import records  # noqa: E402
from stories_corpus import candidates, post  # noqa: E402
from stories_grid import SETS  # noqa: E402
from test_stories_labelled import labelled  # noqa: E402

BINS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 1.01)


def meet(x, y) -> bool:
    """Whether two signatures fall in one LSH band (the index's bands)."""
    bands, rows = index.LSH_BANDS
    return any(np.array_equal(x.hashvalues[i * rows:(i + 1) * rows], y.hashvalues[i * rows:(i + 1) * rows])
               for i in range(bands))


def proposed(a: dict, b: dict) -> str:
    """How the index proposes two records: « whole », « opening », both, or « never »."""
    mine, theirs = index._signatures(post(a)), dict(index._signatures(post(b)))
    ways = {"whole" if kind == "" else "opening" for kind, signature in mine
            if index._MATCHES[kind] in theirs and meet(signature, theirs[index._MATCHES[kind]])}
    return "+".join(sorted(ways)) or "never"


def measured(a: dict, b: dict) -> tuple:
    days = (date.fromisoformat(b["date"]) - date.fromisoformat(a["date"])).days
    return shingles.measures(*(shingles.Text(r["lede"], r["body"], r["title"]) for r in (a, b))), days


def line(name: str, a: dict, b: dict, version: bool) -> tuple[str, str]:
    """The pair's kind ((a), (b), found, wrong, right) and its row of the table."""
    measures, days = measured(a, b)
    said, way = rules.accepts(measures, days), proposed(a, b)
    kept, drawn = rules.kept_and_drawn(measures, days)
    headline = rules.new_headline(measures, days)
    if version:
        kind = "found" if said else "(a)" if way == "never" or measures.jaccard < rules.SHARED else "(b)"
    else:
        kind = "wrong" if said else "right"
    row = (f"| {name} | {a['id']}/{b['id']} | {int(version)} | {kind} | {abs(days)} | {way} | "
           f"{measures.jaccard:.2f} | {measures.contained:.2f} | {measures.lead_min:.2f} | {measures.body_lead:.2f} | "
           f"{rules.new_words(measures, days):.2f} | {'-' if headline is None else f'{headline:.2f}'} | "
           f"{kept:.2f} | {drawn:.2f} |")
    return kind, row


def diagnosis() -> None:
    rows = {"(a)": [], "(b)": [], "wrong": [], "right": [], "found": []}
    for name, half in SETS:
        for a, b, version, _ in labelled(name, half):
            kind, row = line(name.removesuffix(".tsv") + (f" {half}" if half else ""), a, b, version)
            rows[kind].append(row)
    print("| set | pair | label | kind | days | proposed | Jaccard | contained | leads kept | body leads | "
          "new words | headline new | sentences kept | drawn |\n" + "|---" * 14 + "|")
    for kind in ("(a)", "(b)", "wrong", "right"):
        print("\n".join(rows[kind]))
    print(f"\nversions found {len(rows['found'])}; missed (a) never a candidate or under the floor "
          f"{len(rows['(a)'])}, (b) a candidate no branch accepts {len(rows['(b)'])}; "
          f"non-versions grouped {len(rows['wrong'])}, kept apart {len(rows['right'])}")


def corpus(days: int) -> None:
    started = time.perf_counter()
    kept = [r for r in distinct(records()) if len(shingles.words(f"{r['lede']}\n{r['body']}")) >= shingles.MIN_WORDS]
    by_id = {r["id"]: r for r in kept}
    sets = {key: frozenset(shingles.shingles(f"{r['lede']}\n{r['body']}")) for key, r in by_id.items()}
    proposed_pairs = candidates(kept)
    by_day = collections.defaultdict(list)
    for key, record in by_id.items():
        by_day[date.fromisoformat(record["date"]).toordinal()].append(key)
    near = {}
    for day, keys in by_day.items():
        others = [(gap, other) for gap in range(days + 1) for other in by_day.get(day + gap, [])]
        for key in keys:
            mine = sets[key]
            for gap, other in others:
                if gap or other > key:
                    shared = len(mine & sets[other])
                    if shared and shared / (len(mine) + len(sets[other]) - shared) >= BINS[0]:
                        near[tuple(sorted((key, other)))] = (shared / (len(mine) + len(sets[other]) - shared), gap)
    print(f"{len(kept):,} texts; {len(proposed_pairs):,} candidate pairs from the index; {len(near):,} pairs at most "
          f"{days} days apart sharing >= {BINS[0]:.0%} of their shingles ({time.perf_counter() - started:.0f} s)\n")
    table = collections.Counter()
    for pair, (jaccard, gap) in near.items():
        band = next(i for i, top in enumerate(BINS[1:]) if jaccard < top)
        span = "0" if gap == 0 else "1" if gap == 1 else "2" if gap == 2 else f"3-{days}"
        way = pair in proposed_pairs
        said = rules.accepts(*measured(*sorted((by_id[k] for k in pair), key=lambda r: (r["date"], r["id"]))))
        table[band, span, way, said] += 1
    spans = ["0", "1", "2", f"3-{days}"]
    print("| Jaccard | " + " | ".join(f"{s} days: pairs, proposed, accepted of proposed / of the others"
                                      for s in spans) + " |\n" + "|---" * (len(spans) + 1) + "|")
    for band in range(len(BINS) - 1):
        cells = []
        for span in spans:
            count = {(way, said): table[band, span, way, said] for way in (True, False) for said in (True, False)}
            pairs, found = sum(count.values()), count[True, True] + count[True, False]
            cells.append(f"{pairs}, {found}, {count[True, True]} / {count[False, True]}")
        print(f"| {BINS[band]:.2f}-{min(BINS[band + 1], 1):.2f} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="store_true")
    parser.add_argument("--days", type=int, default=5)
    args = parser.parse_args()
    diagnosis()
    if args.corpus:
        print()
        corpus(args.days)


if __name__ == "__main__":
    main()
