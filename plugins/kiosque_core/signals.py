"""Kiosque's own signals (the import's, the incremental writer's, the pagination's), for the plugins,
and third-party ones, to connect to as they connect to Pelican's. Blinker signals, like Pelican's;
in kiosque_core so that a plugin may listen to another whether that one is loaded or not."""

from __future__ import annotations

from blinker import signal

from . import pelican_compat

# Sent with the number of articles to convert and ``settings=``, ``posts=`` while a child process
# parses the first chunk of a big import (two chunks or more) and this one would only wait:
# receivers may get ready meanwhile (kiosque_tags loads its model).
import_started = signal("kiosque_import_started")

# Sent with a list of parsed ``Article`` records and ``settings=`` before they are written;
# receivers (kiosque_tags) may add tags, entities and gap marks in place.
articles_parsed = signal("kiosque_articles_parsed")

# Sent with the next chunk's parsed articles and ``settings=``, ``posts=`` after the current chunk's
# ``articles_parsed`` and before it is written: receivers may start work on them that reads only
# what the current chunk left (kiosque_tags starts its model), to be finished when they get their
# own ``articles_parsed``. Nothing may be changed for good here.
articles_ahead = signal("kiosque_articles_ahead")

# Sent with the same list and ``settings=``, ``posts=`` once the chunk's posts and the manifest
# are on disk. Receivers persist what they learned from the chunk (the tags registry) only now,
# so an import killed before this point reruns the chunk exactly as an uninterrupted run would.
articles_written = signal("kiosque_articles_written")

# Sent with ``settings=``, ``posts=`` when an import run ends, done or not: receivers let go of
# what they held for the whole run (kiosque_tags stops its model processes).
import_finished = signal("kiosque_import_finished")

# Sent by kiosque_incremental with a generator once the pages it queued are on disk (rendered or
# left as they were): by Pelican's ArticlesGenerator after its article pages, then after its lists;
# by the others after all their pages. Receivers may start on those files (kiosque_search indexes
# the article pages while the lists and static files are worked out and written).
pages_written = signal("kiosque_pages_written")

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
