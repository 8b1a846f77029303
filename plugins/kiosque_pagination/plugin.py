"""Pelican hooks: the stable pages of every paginated list, given to whichever writer pages it.

``kiosque_core.signals.paginate`` hands this plugin's ``stable_pages`` to a writer that asks
(kiosque_incremental's). When no Kiosque writer is on, Pelican's own Writer is replaced by
``StableWriter``, which writes each stable page as a single page."""

from __future__ import annotations

from kiosque_core import builds, pelican_compat, registration
from kiosque_core import settings as kiosque_settings
from kiosque_core.signals import paginate
from pelican import signals
from pelican.writers import Writer

from .chunks import stable_pages

NAME = "kiosque_pagination"
DEFAULTS = {
    # list pages cut into chunks by their articles, so that a page keeps its articles (chunks.py);
    # False: Pelican's pages of DEFAULT_PAGINATION articles, numbered from the newest
    "KIOSQUE_STABLE_PAGINATION": True,
}


def enabled(settings: dict) -> bool:
    return kiosque_settings.on(settings, NAME, "KIOSQUE_STABLE_PAGINATION")


class StableWriter(Writer):
    """Pelican's Writer, each page of a list written by it as a single page (``stable_pages``)."""

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        lists = pelican_compat.paginated_lists(self.settings, template_name, paginated, kwargs)
        if not name or lists is None:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        per_page = pelican_compat.per_page(self.settings, template_name)
        for save_as, names in stable_pages(name, url, lists, self.settings, per_page):
            super().write_file(save_as, template, context, relative_urls, {}, template_name,
                               override_output, url, **{**kwargs, **names})
        return None


def splitter(_sender, settings: dict):
    return stable_pages if enabled(settings) else None


def get_writer(pelican):
    """``StableWriter`` unless another Kiosque writer pages the lists (it asks ``paginate``)."""
    if not enabled(pelican.settings) or builds.current().writer:
        return None
    return StableWriter


def register() -> None:
    registration.register(NAME, DEFAULTS)
    signals.get_writer.connect(get_writer)
    paginate.connect(splitter)
