"""A Pelican generator for the pages Pelican does not make itself: one page per entity facet
term that does not live on its tag's page (``facets.FacetTerm.tag``), the term indexes (A–Z
and by count), « Ce jour-là » (``thisday``), the French 404 page, robots.txt and the theme's root
files (favicon.ico)."""

from __future__ import annotations

from functools import partial

from pelican.generators import Generator

from . import thisday
from .facets import FACETS
from .rootfiles import copy_root_files

BY_COUNT = "par-nombre/"


class KiosquePagesGenerator(Generator):
    def generate_output(self, writer):
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        self.write_facets(write)
        self.write_count_indexes(write)
        thisday.write_pages(self, writer)
        # Served for any missing URL at any depth: root-relative links work where relative ones cannot.
        writer.write_file("404.html", self.get_template("404"), self.context, relative_urls=False)
        write("robots.txt", self.env.get_template("robots.txt"), self.context)
        copy_root_files(self.theme, self.output_path)

    def write_facets(self, write):
        facets = self.context.get("kiosque_facets", {})
        for key, (_cls, _attr, title, prefix) in FACETS.items():
            terms = facets.get(key, [])
            for term, articles in terms:
                if term.tag is not None:
                    continue  # its tag's page, written by Pelican, lists all its articles
                write(term.save_as, self.get_template("facet"), self.context, url=term.url,
                      template_name="facet", facet_title=title, term=term, articles=articles,
                      paginated={"articles": articles})
            for order, suffix in (("name", ""), ("count", BY_COUNT)):
                write(f"{prefix}/{suffix}index.html", self.get_template("facets"), self.context,
                      terms=terms, order=order, facet_title=title, facet_prefix=prefix,
                      url=f"{prefix}/{suffix}")

    def write_count_indexes(self, write):
        for template, url in (("tags", self.settings["TAGS_URL"]),
                              ("categories", self.settings["CATEGORIES_URL"])):
            write(f"{url}{BY_COUNT}index.html", self.get_template(template), self.context,
                  order="count", url=url + BY_COUNT)
