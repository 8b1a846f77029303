"""A term's dossier: what its page shows above its articles (first and last mention, articles
per month or per year, the entities most often named with it).

Worked out while the term's front page is rendered, from that page's own ``articles`` (and its
paginator, for where each month's articles are): the incremental writer's fingerprint of the
page already covers them, so a dossier is recomputed exactly when its page is rendered again,
and a rebuild that renders no dossier counts nothing. The lists come from
``generator.articles`` (a story's older versions are hidden articles: counted once).

The spellings merged into an entity come from ``generator.context["kiosque_entities"]`` and
are set on the term itself (``attach``), which the fingerprint of its page reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kiosque_core.folding import fold

from . import charts
from .dates import is_estimated
from .terms import name_key

ENTITIES = ("people_terms", "place_terms", "organization_terms")  # article attributes (facets.py)
CITED_WITH = 12  # entities shown under « Souvent cités avec »
SHORT = 3  # a co-mention shared by at most this many articles lists them
YEARLY_AFTER = 120  # months: a longer span is drawn per year


@dataclass
class CitedWith:
    term: object
    count: int
    shared: list = field(default_factory=list)  # the shared articles, when there are few


@dataclass
class Dossier:
    count: int
    first: object  # the oldest article with a known date (None: none has one)
    last: object  # the newest one
    undated: int  # articles whose date is that of their import: out of the timeline
    yearly: bool
    bars: list  # charts.Bar per month (or year) of the span, empty ones included
    cited_with: list  # CitedWith, most shared first


def month_anchor(date) -> str:
    """The id of a month's heading in a term's list (``mois-2018-05``)."""
    return f"mois-{date.year:04d}-{date.month:02d}"


def build(term, articles, paginator=None) -> Dossier | None:
    """The dossier of ``term`` from its articles, newest first."""
    if not articles:
        return None
    dated = [article for article in articles if not is_estimated(article)]
    if not dated:
        return Dossier(len(articles), None, None, len(articles), False, [], cited_with(term, articles))
    pages = page_urls(paginator, term.url)
    yearly = months_between(dated[-1].date, dated[0].date) > YEARLY_AFTER
    return Dossier(len(articles), dated[-1], dated[0], len(articles) - len(dated), yearly,
                   periods(dated, pages, term.url, yearly), cited_with(term, articles))


def months_between(first, last) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def page_urls(paginator, front_url: str) -> dict[int, str]:
    """id(article) -> the URL of the list page that shows it."""
    if paginator is None:
        return {}
    if hasattr(paginator, "pages"):  # kiosque_incremental's stable pagination
        pages = paginator.pages()
    else:  # Pelican's numbered pages
        pages = [paginator.page(number) for number in paginator.page_range]
    return {id(article): page.url or front_url for page in pages for article in page.object_list}


def periods(articles, pages: dict, front_url: str, yearly: bool) -> list:
    """Every month (or year) from the first article's to the last one's, with its count and
    a link to the list page holding its newest article, at that month's heading."""
    counts: Counter = Counter()
    newest: dict = {}
    for article in articles:  # newest first: the first one met in a period is its newest
        key = (article.date.year,) if yearly else (article.date.year, article.date.month)
        counts[key] += 1
        newest.setdefault(key, article)
    first, last = articles[-1].date, articles[0].date
    keys = ([(year,) for year in range(first.year, last.year + 1)] if yearly else
            [((first.month - 1 + n) // 12 + first.year, (first.month - 1 + n) % 12 + 1)
             for n in range(months_between(first, last))])
    bars = []
    for key in keys:
        article = newest.get(key)
        url = article and f"{pages.get(id(article), front_url)}#{month_anchor(article.date)}"
        bars.append(charts.Bar(charts.period_label(key), counts[key], url))
    return bars


def cited_with(term, articles, limit: int = CITED_WITH) -> list:
    """The entities named most often in the term's articles (itself left out), with the
    articles they share when there are few (and not all of the term's)."""
    own = fold(term.name)
    counts: Counter = Counter()
    terms: dict = {}
    shared: dict = {}
    for article in articles:
        seen = set()
        for attr in ENTITIES:
            for other in getattr(article, attr, None) or ():
                key = other.url  # spellings sharing a slug are one entity, one page
                if key in seen or key == term.url or fold(other.name) == own:
                    continue
                seen.add(key)
                counts[key] += 1
                terms.setdefault(key, other)
                found = shared.setdefault(key, [])
                if len(found) <= SHORT:
                    found.append(article)
    best = sorted(counts, key=lambda key: (-counts[key], name_key(terms[key].name), key))[:limit]
    # Shared by every article of the term: the list below shows them already.
    listed = {key for key in best if counts[key] <= SHORT and counts[key] < len(articles)}
    return [CitedWith(terms[key], counts[key], shared[key] if key in listed else []) for key in best]


KINDS = {"people": "Personne", "places": "Lieu", "organizations": "Organisation"}


def attach(facets: dict, tags, entities: dict) -> None:
    """Give every facet term its ``entity_kind`` and ``spellings`` (the names merged into it,
    itself left out). A tag of the same slug gets them too when the entity lives on its page
    (the tag's page is then the dossier), else ``entity_url`` and the term ``tag_url``: the two
    pages link to each other."""
    by_slug = {}
    for tag in tags:  # the objects Pelican gives the tag pages; cached articles keep old ones
        tag.entity_kind, tag.spellings, tag.entity_url = None, (), None
        by_slug[tag.slug] = tag
    for key, pairs in facets.items():
        for term, _articles in pairs:
            entry = entities.get(term.name) or {}
            term.entity_kind, term.tag_url = KINDS[key], None
            term.spellings = tuple(s for s in entry.get("spellings", ()) if s != term.name)
            tag = by_slug.get(term.tag.slug if term.tag is not None else term.slug)
            if tag is None or tag.entity_kind is not None or tag.entity_url is not None:
                continue  # a name that is two kinds of entity: the first one
            if term.tag is not None:
                tag.entity_kind, tag.spellings = term.entity_kind, term.spellings
            else:  # two pages: each links to the other
                tag.entity_url, term.tag_url = term.url, tag.url
