"""Which candidate pairs are versions of one story, and the stories they make.

Two articles are versions of one story when their texts share shingles (Jaccard, ``SHARED``)
and one of these holds (``window``):

- within ``WINDOW`` days, each keeps the other's lead: at least ``LEAD`` of the shingles of each
  one's first words are found in the other. A follow-up a day later often repeats the
  background paragraphs but writes a new lead; an update keeps most of it;
- within ``WINDOW`` days, an update that rewrote its lede but kept its body: they share at least
  ``REWRITTEN`` and each body's first words are ``BODY_LEAD`` found in the other;
- within ``WINDOW`` days, a rewrite that tells nothing new: they share at least ``REWORDED`` and
  at most ``NEW_WORDS`` of the later text's vocabulary is missing from the earlier (a follow-up
  tells its new facts in new words);
- a day or two later, the same news retold: they share at least ``RETOLD`` and at most
  ``HEADLINE_NEW`` of the later headline's words are missing from the earlier article's headline
  and opening (a follow-up puts its new development in its headline);
- the same day, they share at least ``SAME_DAY`` (a story rewritten under a new lede), or the
  shorter is mostly found in the longer (``CONTAINED``) with some of a lead (``SAME_DAY_LEAD``);
- the same day or the next, a developing story updated over the earlier text: they share at
  least ``KEPT_SHARED`` and most of the earlier's sentences reappear in the later, edited or not
  (``KEPT``, the next day ``KEPT_NEXT``), whatever its new top: the reading standard's version
  that carries the day's news (tests/fixtures/stories/README.md);
- up to ``LATER`` days apart, a text re-published with edits (an explainer, a portrait, a
  study's write-up) shares at least ``LATER_SHARED`` and keeps both leads, or both body leads
  under a new lede, or tells at most ``LATER_NEW`` new words: the recurring bulletins that keep
  their lead from one day to the next share less.

The thresholds were chosen by measurement on pairs of the OrangeSum corpus labelled by reading
them (tests/fixtures/stories/, docs/stories.md; the grid: bench/stories_grid.py), precision
first: a wrong grouping hides an article from the lists, a missed one shows a story twice.
Pairs are joined strongest first, and a join that would make a story span more days than the
widest window of the pairs that join it is refused, so that a daily column whose editions
resemble each other does not chain into one story.
"""

from __future__ import annotations

WINDOW = 2  # days apart, and the days a story joined by such pairs may span
SHARED = 0.1  # Jaccard of the texts' shingles
LEAD = 0.4  # share of each lead found in the other text
REWRITTEN = 0.4  # a new lede over the same body: Jaccard…
BODY_LEAD = 0.5  # … and share of each body's lead found in the other text
SAME_DAY = 0.5  # the same day: Jaccard of a story rewritten under a new lede, or…
SAME_DAY_LEAD = 0.2  # … share of one lead found in the other…
CONTAINED = 0.5  # … and share of the shorter text found in the longer
LATER = 5  # days (and span): a re-publication with edits, a few days later…
LATER_SHARED = 0.5  # … shares at least this Jaccard and keeps both leads or both body leads
LATER_NEW = 0.06  # … or tells at most this share of new words (NEW_WORDS, stricter)
REWORDED = 0.4  # within WINDOW days, a rewrite in other sentences: Jaccard…
NEW_WORDS = 0.08  # … and share of the later text's vocabulary the earlier never uses
RETOLD = 0.3  # a day or two later, the same news retold under its headline: Jaccard…
HEADLINE_NEW = 0.0  # … and share of the later headline's words not in the earlier's headline and opening
KEPT_SHARED = 0.25  # the same day or the next, a story updated over the earlier text: Jaccard…
KEPT = 0.6  # … and share of the earlier's sentences that reappear in the later, the same day…
KEPT_NEXT = 0.7  # … or the next day…
DRAWN = 0.0  # … and share of the later's sentences drawn from the earlier (swept to 0.5: no gain, off)
LEAD_SHARED = 0.16  # the leads kept: Jaccard at least (a bulletin's template lead, a caption's shared intro)
CONTAINED_SHARED = 0.14  # the same day, the shorter text half contained: Jaccard at least


def days_between(a, b) -> int:
    """Days from ``a``'s publication to ``b``'s: negative when ``b`` is the earlier."""
    return (b.date.date() - a.date.date()).days


def new_words(measures, days: int) -> float:
    """What the later of the two texts tells that the earlier does not (share of its vocabulary);
    the same day, the smaller of the two (which came first within a day matters less than what
    each adds)."""
    if days == 0:
        return min(measures.new_a, measures.new_b)
    return measures.new_b if days > 0 else measures.new_a


def new_headline(measures, days: int) -> float | None:
    """What the later headline says that the earlier article does not (share of its words); None
    the same day, when two write-ups of one event share their headline's words anyway."""
    if days == 0:
        return None
    return measures.headline_b if days > 0 else measures.headline_a


def kept_and_drawn(measures, days: int) -> tuple[float, float]:
    """The share of the earlier text's sentences that reappear in the later, and of the later's
    drawn from the earlier; the same day, when either may be the earlier, the larger and the
    smaller (a pair passes both thresholds one way round if and only if it passes these)."""
    if days == 0:
        return max(measures.kept_a, measures.kept_b), min(measures.kept_a, measures.kept_b)
    return (measures.kept_a, measures.kept_b) if days > 0 else (measures.kept_b, measures.kept_a)


def window(measures, days: int) -> int | None:
    """The days a story joined by this pair (``shingles.Measures`` of texts a and b, published
    ``days`` apart, from a to b) may span, or None when the two are not versions."""
    jaccard, contained, lead_min, lead_max, body_lead = measures[:5]
    fresh, headline = new_words(measures, days), new_headline(measures, days)
    kept, drawn = kept_and_drawn(measures, days)
    days = abs(days)
    if jaccard < SHARED:
        return None
    if days <= WINDOW and ((lead_min >= LEAD and jaccard >= LEAD_SHARED)
                           or (jaccard >= REWRITTEN and body_lead >= BODY_LEAD)
                           or (jaccard >= REWORDED and fresh <= NEW_WORDS)
                           or (jaccard >= RETOLD and headline is not None and headline <= HEADLINE_NEW)):
        return WINDOW
    if days <= 1 and jaccard >= KEPT_SHARED and kept >= (KEPT, KEPT_NEXT)[days] and drawn >= DRAWN:
        return WINDOW
    if days == 0 and (jaccard >= SAME_DAY or (lead_max >= SAME_DAY_LEAD and contained >= CONTAINED
                                              and jaccard >= CONTAINED_SHARED)):
        return WINDOW
    if days <= LATER and jaccard >= LATER_SHARED and (lead_min >= LEAD or body_lead >= BODY_LEAD
                                                      or fresh <= LATER_NEW):
        return LATER
    return None


def accepts(measures: tuple, days: int) -> bool:
    return window(measures, days) is not None


class Stories:
    """Union-find over articles (by key) that keeps each story within the widest window of the
    pairs that joined it and never joins two articles an editor split."""

    def __init__(self, articles: dict, apart: set[frozenset]):
        self.articles = articles
        self.parent = {key: key for key in articles}
        self.members = {key: [key] for key in articles}
        self.span = {key: 0 for key in articles}  # the days each story may span
        self.apart = apart

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str, span: int | None = None) -> bool:
        """Join the stories of ``a`` and ``b`` unless an editor split them or the story would
        span more days than this pair's ``span`` and the stories' own (None: an editor's join,
        whatever the dates; the story may then span them). A same-day update of a re-published
        article thus joins its 5-day story."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if any(frozenset((x, y)) in self.apart for x in self.members[ra] for y in self.members[rb]):
            return False
        merged = self.members[ra] + self.members[rb]
        dates = [self.articles[key].date.date() for key in merged]
        days = (max(dates) - min(dates)).days
        allowed = max(days if span is None else span, self.span[ra], self.span[rb])
        if days > allowed:
            return False
        self.span[ra] = allowed
        self.parent[rb] = ra
        self.members[ra] = merged
        del self.members[rb]
        return True

    def groups(self) -> list[list[str]]:
        return [members for members in self.members.values() if len(members) > 1]


def stories(articles: dict, pairs: dict, together: list[tuple[str, str]], apart: set[frozenset]) -> list[list[str]]:
    """Groups of keys (two versions or more) from the candidate ``pairs`` ((a, b) -> measures)
    and an editor's corrections: ``together`` joined first, ``apart`` never in one story."""
    union = Stories(articles, apart)
    for a, b in together:
        if a in articles and b in articles:
            union.join(a, b)
    accepted = []
    for pair, measures in pairs.items():
        if pair[0] in articles and pair[1] in articles:
            span = window(measures, days_between(articles[pair[0]], articles[pair[1]]))
            if span is not None:
                accepted.append((measures[0], pair, span))
    for _strength, (a, b), span in sorted(accepted, key=lambda item: (-item[0], item[1])):
        union.join(a, b, span)
    return union.groups()
