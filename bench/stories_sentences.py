"""Stories: do sentence-level measures tell a same-day rewrite from an independent write-up?

    .venv/bin/python bench/stories_sentences.py

Issue #18's random sample (labelled-3.tsv, its ``dev`` half only: the ``apart`` half is never read
here) has versions the rule misses: same-day rewrites of one AFP dispatch sharing 8 to 28 % of
their shingles, as independent write-ups of one event do. For every pair of the labelled sets the
rule refuses (0 or 1 day apart, Jaccard at least 0.1), three measures of what is copied, in order:

- ``aligned``: the larger share of one text's sentences (6 words or more) that have a near-copy in
  the other: at least 60 % of its words found, in order, in one sentence of the other (difflib);
- ``names``: the longest common subsequence of the names and numbers (capitalised words not
  opening a sentence, figures), over the shorter sequence: the same facts told in the same order;
- ``quotes``: the share of the quotations (15 characters or more) of the text with fewer found
  word for word in the other.

It prints each measure's spread for the versions and the non-versions of each set, for each
measure the branch ``same day, Jaccard >= J and measure >= T`` added to the rule that gains the
most dev versions without a wrong grouping on the dev half (and the wrong groupings it adds to
the other sets), and the time the measures take per pair, scaled to the 5,148
candidate pairs of the 35,987-article build (docs/stories.md).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from kiosque_stories import rules, shingles  # noqa: E402
from test_stories_labelled import labelled  # noqa: E402

SETS = (("labelled.tsv", None), ("labelled-2.tsv", None), ("labelled-3.tsv", "dev"))
CANDIDATES = 5148  # candidate pairs of the 35,987-article build
MEASURES = ("aligned", "names", "quotes")
NEAR = 0.6  # share of a sentence's words found in order in one sentence of the other
_SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«\"])")
_NAME = re.compile(r"\b(?:[A-ZÀ-Ý][\w-]{2,}|\d[\d,.]*)")
_QUOTE = re.compile(r"«([^»]{15,})»|\"([^\"]{15,})\"|“([^”]{15,})”")


def sentences(text: str) -> list[list[str]]:
    found = (shingles.words(part) for line in text.split("\n") for part in _SENTENCE.split(line))
    return [words for words in found if len(words) >= 6]


def kept_in_order(sentence: list[str], others: list[list[str]]) -> float:
    best = 0.0
    for other in others:
        matcher = SequenceMatcher(None, sentence, other, autojunk=False)
        if matcher.real_quick_ratio() > best:
            best = max(best, sum(block.size for block in matcher.get_matching_blocks()) / len(sentence))
    return best


def aligned(a: list[list[str]], b: list[list[str]]) -> float:
    shares = [sum(kept_in_order(s, other) >= NEAR for s in one) / len(one) for one, other in ((a, b), (b, a)) if one]
    return max(shares, default=0.0)


def names(text: str) -> list[str]:
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        tokens = _NAME.findall(sentence)
        if tokens and not tokens[0][0].isdigit() and sentence.lstrip().startswith(tokens[0]):
            tokens = tokens[1:]  # a sentence's first word is capitalised whatever it is
        found += tokens
    return found


def common_order(a: list[str], b: list[str]) -> float:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1] / max(1, min(len(a), len(b)))


def quotes(text: str) -> set[str]:
    return {" ".join(shingles.words("".join(parts))) for parts in _QUOTE.findall(text)}


def sentence_measures(a: dict, b: dict) -> dict[str, float]:
    texts = [record["lede"] + "\n" + record["body"] for record in (a, b)]
    qa, qb = quotes(texts[0]), quotes(texts[1])
    return {"aligned": aligned(sentences(texts[0]), sentences(texts[1])),
            "names": common_order(names(texts[0]), names(texts[1])),
            "quotes": len(qa & qb) / min(len(qa), len(qb)) if qa and qb else 0.0}


def refused_pairs():
    """(set, version, days, Jaccard, sentence measures) of each pair the rule refuses near the thresholds,
    and the seconds the sentence measures took."""
    pairs, seconds = [], 0.0
    for name, half in SETS:
        for a, b, version, _ in labelled(name, half):
            days = (date.fromisoformat(b["date"]) - date.fromisoformat(a["date"])).days
            measures = shingles.measures(*(shingles.Text(r["lede"], r["body"], r["title"]) for r in (a, b)))
            if rules.accepts(measures, days) or abs(days) > 1 or measures.jaccard < rules.SHARED:
                continue
            start = time.perf_counter()
            extra = sentence_measures(a, b)
            seconds += time.perf_counter() - start
            pairs.append((name, version, abs(days), measures.jaccard, extra))
    return pairs, seconds


def spread(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f} (n={len(values)})"


def best_branches(pairs) -> None:
    """For each measure, the same-day branch (Jaccard >= J, measure >= T) gaining the most dev versions
    without a wrong grouping on the dev half, the wrong groupings it adds to the other sets, and the
    one gaining the most without any."""
    print("\n| branch added (same day) | dev versions gained | wrong groupings added: labelled / -2 / dev |"
          "\n|---|---|---|")
    for measure in MEASURES:
        results = []
        for jaccard in (0.1, 0.15, 0.2, 0.25):
            for threshold in (0.4, 0.5, 0.6, 0.7, 0.8):
                taken = [(name, version) for name, version, days, shared, extra in pairs
                         if days == 0 and shared >= jaccard and extra[measure] >= threshold]
                wrong = [sum(name == n and not version for name, version in taken) for n, _ in SETS]
                gained = sum(name == "labelled-3.tsv" and version for name, version in taken)
                if not wrong[2]:
                    results.append((gained, -sum(wrong), f"{measure} >= {threshold}, Jaccard >= {jaccard}", wrong))
        clean = [result for result in results if not sum(result[3])] or [(0, 0, "none", [0, 0, 0])]
        for gained, _, label, wrong in (max(results), max(clean)):
            print(f"| {label} | {gained} | {' / '.join(map(str, wrong))} |")


def main() -> None:
    pairs, seconds = refused_pairs()
    print("| set | label | days | aligned min / median / max | names | quotes |\n|---|---|---|---|---|---|")
    for name, _ in SETS:
        for version in (True, False):
            for days in (0, 1):
                chosen = [extra for n, v, d, _, extra in pairs if (n, v, d) == (name, version, days)]
                if chosen:
                    cells = " | ".join(spread([extra[key] for extra in chosen]) for key in MEASURES)
                    print(f"| {name} | {'version' if version else 'not'} | {days} | {cells} |")
    best_branches(pairs)
    per_pair = seconds / max(1, len(pairs))
    print(f"Sentence measures: {1000 * per_pair:.1f} ms a pair ({len(pairs)} pairs), "
          f"{per_pair * CANDIDATES:.0f} s for the build's {CANDIDATES:,} candidate pairs")


if __name__ == "__main__":
    main()
