"""Sections and entity facets (People / Places / Organizations) as linked terms.

The posts carry them as comma-separated metadata strings. Sections become Pelican categories
listing every article filed under the section (not only under its first section, which is all
Pelican's ``Category`` gives); entities become URLWrappers with their own ``*_URL`` settings."""

from __future__ import annotations

from collections import defaultdict

from pelican.urlwrappers import Category, URLWrapper


class Person(URLWrapper):
    pass


class Place(URLWrapper):
    pass


class Organization(URLWrapper):
    pass


# metadata key -> (term class, article attribute, French title, URL prefix)
FACETS = {
    "people": (Person, "people_terms", "Personnes", "personnes"),
    "places": (Place, "place_terms", "Lieux", "lieux"),
    "organizations": (Organization, "organization_terms", "Organisations", "organisations"),
}


def default_settings(settings: dict) -> None:
    for cls, _attr, _title, prefix in FACETS.values():
        name = cls.__name__.upper()
        settings.setdefault(f"{name}_URL", prefix + "/{slug}/")
        settings.setdefault(f"{name}_SAVE_AS", prefix + "/{slug}/index.html")
        settings.setdefault(f"{name}S_URL", prefix + "/")
        settings.setdefault(f"{name}S_SAVE_AS", prefix + "/index.html")


def split(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(",") if part.strip()]


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
    """Give each article its entity terms; return kind -> sorted [(term, articles)]."""
    facets = {}
    for key, (cls, attr, _title, _prefix) in FACETS.items():
        known: dict = {}
        by_term: dict = defaultdict(list)
        for article in generator.articles:
            terms = _terms(split(getattr(article, key, "")), cls, generator.settings, known)
            setattr(article, attr, terms)
            for term in terms:
                by_term[term].append(article)
        facets[key] = sorted(by_term.items())
    return facets
