"""What the model reads of each article: its head, and of the head only the sentences naming
something the archive does not know yet, and of those only the words around the unknown names."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from kiosque_import.article import Article

from . import mentions, ner
from .names import country
from .registry import Registry
from .settings import Config

_WORD = re.compile(r"\S+")
# Between two stretches of a sentence kept for the model: a mark it reads as a pause, as in a cut quote.
JOIN = " … "


def heads_and_inputs(articles: list[Article], registry: Registry, config: Config) -> tuple[list, list]:
    """Each article's head, and what the model is to read of it: only the head's sentences naming
    something the archive does not know yet; names it learned are found by matching. The more the
    archive knows, the less the model reads."""
    heads = [ner.head_text([a.title, a.lede, *a.paragraphs], config.head_words) for a in articles]
    if config.sentences == "all":
        return heads, list(heads)

    # The registry does not change meanwhile: a name, or a run asked alone (« AFP », « Covid-19 »
    # in hundreds of articles), gets the same answer each time it comes back in the batch.
    @cache
    def is_known(key: str) -> bool:
        return known(registry, key)

    @cache
    def explained(run: str) -> bool:
        return mentions._explained(run, is_known)

    inputs = [mentions.unexplained(head, is_known) for head in heads]
    if config.window:
        inputs = [around_unknown(text, is_known, config.window, explained) for text in inputs]
    return heads, inputs


def known(registry: Registry, key: str) -> bool:
    return registry.known(key) is not None or country(key) is not None


def around_unknown(text: str, is_known, margin: int, explained=None) -> str:
    """``text`` (what ``mentions.unexplained`` kept) with, after its first line (the title, kept
    whole), only ``margin`` words either side of each name the archive does not know. The model
    labels a word from its neighbours a few words away (its window of convolutions spans four
    words either side), so what lies further off does not change what it finds there; a sentence
    is ~30 words, its unknown name one or two. ``explained``: ``mentions._explained`` of a run
    with ``is_known`` (kept by the caller)."""
    explained = explained or (lambda run: mentions._explained(run, is_known))
    title, newline, rest = text.partition("\n")
    lines = [_around(line, explained, margin) for line in rest.split("\n")] if newline else []
    return "\n".join([title, *filter(None, lines)])


def _around(line: str, explained, margin: int) -> str:
    words = [match.span() for match in _WORD.finditer(line)]
    starts, ends = [a for a, _b in words], [b for _a, b in words]  # both increasing
    keep = [False] * len(words)
    for start, end in _unknown_names(line, explained):
        inside = range(bisect_right(ends, start), bisect_left(starts, end))  # the words it overlaps
        for i in range(max(0, inside[0] - margin), min(len(words), inside[-1] + margin + 1)):
            keep[i] = True
    # Each cut is marked, at the line's ends too: a sentence cut short and the next line read
    # as one (« … années malgré / Dimanche, l’Observatoire syrien … » became one name).
    stretches, begin = [], None
    for i, kept in enumerate([*keep, False]):
        if kept and begin is None:
            begin = i
        elif not kept and begin is not None:
            stretches.append(line[words[begin][0]:words[i - 1][1]])
            begin = None
    if not stretches:
        return ""
    return (JOIN.lstrip() if not keep[0] else "") + JOIN.join(stretches) + (JOIN.rstrip() if not keep[-1] else "")


def _unknown_names(line: str, explained) -> list[tuple[int, int]]:
    """Where the runs of capitalised words that name something unknown are (``mentions``' test,
    asked of each run alone, with its place at a sentence's opening kept)."""
    found = []
    for run, initial in mentions.runs(line):
        start, end = run[0].start, run[-1].end
        # A lowercase word before a run that does not open a sentence keeps it from opening one.
        alone = line[start:end] if initial else "a " + line[start:end]
        if not explained(alone):
            found.append((start, end))
    return found
