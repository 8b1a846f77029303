"""Write the corpus records the stories tests use as raw files into tests/fixtures/stories/.

    python bench/story_fixtures.py

Each case names corpus records by their ``id`` in orangesum.jsonl.gz; the raw files have the
layout of bench/make_corpus.py (byline time from a hash of the id).
"""

from __future__ import annotations

from pathlib import Path

from make_corpus import raw_article, records

DEST = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "stories"
CASES = {
    "republished": (5, 86),  # the same title and body, published twice
    # The same title and body a week apart, the corpus's only such pair: in a folder of its own,
    # out of the site the stories tests build.
    "later/republished": (23486, 23683),
    "dgse": (32930, 32978),  # an edited version a day later: « Deux agents… » / « Deux militaires… »
    "rixe": (2601, 18343),  # a stabbing, then the arrest the next day: a follow-up, not a version
    "column": (483, 429),  # « Coronavirus : le point sur la pandémie », Friday and Saturday editions
}


def main() -> None:
    wanted = {record_id: name for name, ids in CASES.items() for record_id in ids}
    found = {record["id"]: record for record in records() if record["id"] in wanted}
    for name, ids in CASES.items():
        for number, record_id in enumerate(ids, 1):
            text = raw_article(found[record_id], [])
            path = DEST / f"{name}_{number}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    print(f"{len(wanted)} raw files in {DEST}")


if __name__ == "__main__":
    main()
