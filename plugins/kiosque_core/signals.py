"""Kiosque's own signals, for the plugins (and third-party ones) to connect to, as they connect
to Pelican's. Blinker signals, like Pelican's."""

from __future__ import annotations

from blinker import signal

from . import pelican_compat

# Sent by a writer with ``settings=`` before it pages a list: a receiver may return a function
# ``pages(name, url, lists, settings, per_page)`` giving (output path, names for the template)
# for each page, or None. kiosque_pagination returns its content-defined chunks; with no answer
# the writer pages as Pelican does.
paginate = signal("kiosque_paginate")


def page_splitter(settings: dict):
    """The first ``pages`` function a ``paginate`` receiver gives, else Pelican's own paging."""
    for _receiver, pages in paginate.send(settings=settings):
        if pages is not None:
            return pages
    return pelican_compat.classic_pages
