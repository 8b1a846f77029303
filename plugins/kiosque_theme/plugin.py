"""Pelican signal wiring for the Kiosque theme."""

from __future__ import annotations

from pathlib import Path

from kiosque_core import parallel, registration
from pelican import signals

from . import cards, charts, dates, dossiers, facets, thisday, timeline
from .feeds import summaries_only
from .neighbours import link_neighbours
from .pages import KiosquePagesGenerator
from .related import link_related
from .sitemap import write_sitemap
from .terms import groupby_initial, sort_terms

DEFAULTS = {
    "KIOSQUE_RELATED": 5,  # related articles shown on an article page
    "KIOSQUE_FEED_SUMMARY_ONLY": True,  # Atom feeds carry summaries, not full text
    "KIOSQUE_DOSSIERS": True,  # a term's front page opens with its dossier (facts, timeline, co-mentions)
    "KIOSQUE_TIME_CHARTS": True,  # heat maps on /archives/ (year × month) and on each year page (days)
    **thisday.DEFAULTS,  # where the « Ce jour-là » pages go
}


def configure(pelican) -> None:
    settings = pelican.settings
    facets.default_settings(settings)
    settings["PAGINATED_TEMPLATES"] = {"facet": None, **settings.get("PAGINATED_TEMPLATES", {})}
    settings["JINJA_FILTERS"] = {
        "date_fr": dates.date_fr,
        "day_iso": dates.day_iso,
        "month_fr": dates.month_fr,
        "months": dates.months,
        "by_month": dates.by_month,
        "month_anchor": dossiers.month_anchor,
        "bar_chart": charts.bar_chart,
        "from_to": charts.from_to,
        "days": dates.days,
        "day_anchor": timeline.day_anchor,
        "month_grid": timeline.month_grid,
        "undated_months": timeline.undated_months,
        "undated_fr": timeline.undated_fr,
        "estimated": dates.estimated,
        "year_calendar": timeline.year_calendar,
        "span_fr": dates.span_fr,
        "article_date_fr": dates.article_date_fr,
        "articles_fr": dates.articles_fr,
        "sort_terms": sort_terms,
        "groupby_initial": groupby_initial,
        **settings.get("JINJA_FILTERS", {}),
    }
    settings["JINJA_GLOBALS"] = {"once": cards.once, "dossier": dossiers.build,
                                 **settings.get("JINJA_GLOBALS", {})}


def link_articles(generator) -> None:
    articles = generator.articles
    facets.link_sections(generator)
    generator.context["kiosque_facets"] = found = facets.link_facets(generator)
    dossiers.attach(found, generator.tags, generator.context.get("kiosque_entities") or {})
    link_neighbours(articles)
    link_related(articles, generator.settings["KIOSQUE_RELATED"], parallel.processes(generator.settings))


def add_generator(pelican):
    return KiosquePagesGenerator


def sitemap(pelican) -> None:
    write_sitemap(Path(pelican.output_path), pelican.settings.get("SITEURL", ""))


def register() -> None:
    registration.register("kiosque_theme", DEFAULTS)
    signals.initialized.connect(configure)
    signals.initialized.connect(cards.forget)
    signals.article_generator_finalized.connect(link_articles)
    signals.get_generators.connect(add_generator)
    signals.feed_generated.connect(summaries_only)
    signals.finalized.connect(sitemap)
