"""Sections and entity facets (People / Places / Organizations) as linked terms.

The posts carry them as comma-separated metadata strings. Sections become Pelican categories
listing every article filed under the section (not only under its first section, which is all
Pelican's ``Category`` gives); entities become URLWrappers with their own ``*_URL`` settings.

``kiosque_tags`` also makes almost every entity a tag of its article, so a term's own page
would list the very articles of the tag's page. A term whose every article carries the same
tag lives on that tag's page instead (``FacetTerm.tag``): it links there and has no page of
its own. The tag's page may list more articles (tagged with the name but not typed as this
facet); it never lists fewer, so no article of the term is lost."""

from __future__ import annotations

from collections import defaultdict

from kiosque_core.folding import fold
from kiosque_core.shape import FACET_TERMS, split
from pelican.urlwrappers import Category, Tag, URLWrapper


class FacetTerm(URLWrapper):
    # The tag whose page lists every article of this term (set by `link_facets`), or None.
    tag: Tag | None = None

    @property
    def url(self):
        return self.tag.url if self.tag is not None else URLWrapper.url.fget(self)

    @property
    def save_as(self):
        return self.tag.save_as if self.tag is not None else URLWrapper.save_as.fget(self)

    @property
    def page_name(self):
        return self.tag.page_name if self.tag is not None else URLWrapper.page_name.fget(self)


class Person(FacetTerm):
    pass


class Place(FacetTerm):
    pass


class Organization(FacetTerm):
    pass


# metadata key -> (term class, article attribute, French title, URL prefix)
FACETS = {
    "people": (Person, FACET_TERMS["people"], "Personnes", "personnes"),
    "places": (Place, FACET_TERMS["places"], "Lieux", "lieux"),
    "organizations": (Organization, FACET_TERMS["organizations"], "Organisations", "organisations"),
}


def default_settings(settings: dict) -> None:
    for cls, _attr, _title, prefix in FACETS.values():
        name = cls.__name__.upper()
        settings.setdefault(f"{name}_URL", prefix + "/{slug}/")
        settings.setdefault(f"{name}_SAVE_AS", prefix + "/{slug}/index.html")
        settings.setdefault(f"{name}S_URL", prefix + "/")
        settings.setdefault(f"{name}S_SAVE_AS", prefix + "/index.html")


def _terms(names: list[str], cls, settings: dict, known: dict) -> list:
    terms = []
    for name in names:
        term = known.get(name)
        if term is None:
            term = known[name] = cls(name, settings)
        if term not in terms:
            terms.append(term)
    return terms


def link_sections(generator) -> None:
    """Give each article ``section_terms`` and rebuild ``categories`` from all its sections."""
    known = {cat.name: cat for cat, _ in generator.categories}
    by_section: dict = defaultdict(list)
    for article in generator.articles:  # newest first, as Pelican orders them
        names = split(getattr(article, "sections", "")) or [article.category.name]
        article.section_terms = _terms(names, Category, generator.settings, known)
        for section in article.section_terms:
            by_section[section].append(article)
    generator.categories = sorted(by_section.items())
    generator.context["categories"] = generator.categories


def link_facets(generator) -> dict:
    """Give each article its entity terms and each term its home tag (or None); return
    kind -> sorted [(term, articles)]."""
    articles, settings = generator.articles, generator.settings
    tags_of = {id(article): tag_keys(article) for article in articles} if tag_pages(settings) else None
    facets, urls = {}, {}
    for key, (cls, attr, _title, _prefix) in FACETS.items():
        known: dict = {}
        by_term: dict = defaultdict(list)
        for article in articles:
            terms = _terms(split(getattr(article, key, "")), cls, settings, known)
            setattr(article, attr, terms)
            for term in terms:
                by_term[term].append(article)
        _settle_homes(known.values(), by_term, tags_of)
        urls.update((id(term), term.url) for term in known.values())
        facets[key] = sorted(by_term.items())
    _record_facet_urls(articles, urls)
    return facets


def _settle_homes(terms, by_term: dict, tags_of: dict | None) -> None:
    homes = {term: home_tag(term, posts, tags_of) for term, posts in by_term.items()} if tags_of is not None else {}
    # Spellings that share a slug (« Syrie », « syrie ») are one term, grouped by `by_term`:
    # each spelling's object gets the group's home.
    for term in terms:
        term.tag = homes.get(term)


def _record_facet_urls(articles, urls: dict) -> None:
    # The incremental writer tells terms apart by name only, and where a term lives depends on
    # other articles: recorded in each article's state, a move re-renders its articles' pages.
    # (`urls`: each term's URL by id, worked out once per term rather than once per article.)
    for article in articles:
        article.facet_urls = tuple(urls[id(term)] for _cls, attr, _title, _prefix in FACETS.values()
                                   for term in getattr(article, attr))


def tag_pages(settings: dict) -> bool:
    """Pelican writes a page per tag (a site may turn tag pages off)."""
    return bool(settings.get("TAG_SAVE_AS") and settings.get("TAG_URL"))


def tag_keys(article) -> dict[tuple[str, str], dict[str, Tag]]:
    """The article's tags by slug and by folded name, as ``(kind, key) -> {slug: tag}``.

    A tag's page lists every article with a tag of that slug. Folded names are compared too
    because that is how ``kiosque_tags`` decides that a facet name is already a tag: with
    slugs that keep case or accents (``SLUGIFY_PRESERVE_CASE``, ``SLUGIFY_USE_UNICODE``),
    the section « Syrie » and the place « syrie » are one name but two slugs."""
    keys: dict = {}
    for tag in getattr(article, "tags", None) or ():
        for key in (("slug", tag.slug), ("fold", fold(tag.name))):
            keys.setdefault(key, {})[tag.slug] = tag
    return keys


def home_tag(term, articles, tags_of: dict) -> Tag | None:
    """The tag carried by every one of the term's articles, the term's own slug first; None
    when some article lacks it (the term then keeps its own page, the only one listing all)."""
    own = tag_slug(term)
    wanted = (("slug", own), ("fold", fold(term.name)))
    common: dict | None = None
    for article in articles:
        keys = tags_of.get(id(article)) or {}
        here = {slug: tag for key in wanted for slug, tag in keys.get(key, {}).items()}
        common = here if common is None else {slug: tag for slug, tag in common.items() if slug in here}
        if not common:
            return None
    return common.get(own) or common[min(common)]


def tag_slug(term) -> str:
    """The slug a tag of the term's name gets: the term's own, unless the site slugifies tags
    and this facet differently (``TAG_REGEX_SUBSTITUTIONS``, ``PERSON_REGEX_SUBSTITUTIONS``, …).
    Reusing it spares a slugify per term (about 30 ms of `link_facets` at 1,000 articles)."""
    settings, default = term.settings, term.settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    own_key = f"{type(term).__name__.upper()}_REGEX_SUBSTITUTIONS"
    if settings.get("TAG_REGEX_SUBSTITUTIONS", default) == settings.get(own_key, default):
        return term.slug
    return Tag(term.name, settings).slug
