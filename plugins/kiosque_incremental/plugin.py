"""Pelican hooks: Pelican's patches installed or taken off as the settings say, the incremental
writer, URL memoization, and the end-of-writing step."""

from __future__ import annotations

import atexit
import gc

from kiosque_core import background, builds, parallel, pelican_compat, registration
from kiosque_core import settings as kiosque_settings
from kiosque_core.signals import pages_written
from pelican import signals

from . import articles_cache, cache, grouping, reading, static, urls
from .build_state import NAME, state
from .writer import IncrementalWriter

DEFAULTS = {
    "KIOSQUE_INCREMENTAL": True,  # skip pages whose inputs did not change since the last build
}


def replacements() -> dict:
    """This plugin's code for each of ``pelican_compat.PATCHES``."""
    return {
        "Content.get_relative_source_path": urls.get_relative_source_path,
        "Content._expand_settings": urls.expand_settings,
        "Content.get_url_setting": urls.get_url_setting,
        **grouping.replacements(),
        "utils.copy_file": static.copy_file_if_changed,
        "FileDataCacher.cache_data": cache.cache_data,
        "FileDataCacher.save_cache": cache.save_cache,
        "CachingGenerator.__init__": articles_cache.caching_generator_init,
    }


def start(pelican) -> None:
    """``initialized``: Pelican patched if ``KIOSQUE_INCREMENTAL`` is
    on (and this Pelican a tested one), stock otherwise: with the setting off, or the plugin
    left out of ``PLUGINS``, the build is Pelican's own."""
    settings = pelican.settings
    on = kiosque_settings.on(settings, NAME, "KIOSQUE_INCREMENTAL") and pelican_compat.install(replacements())
    if not on:
        pelican_compat.uninstall()
    state().on = on
    if on:
        builds.current().writer = NAME


def enabled() -> bool:
    """True when this build is incremental (``start``)."""
    return state().on


def fast_reader(readers) -> None:
    if enabled():
        reading.use_reusing_reader(readers)


def read_ahead(generator) -> None:
    if enabled():
        reading.read_ahead(generator, parallel.processes(generator.settings))


def after_reading(generator) -> None:
    if enabled():
        reading.forget_ahead()
        articles_cache.reattach(generator)


def drop_reader_caches(pelican) -> None:
    if enabled():
        articles_cache.drop_reader_caches(pelican)


def wait_for_saves(pelican) -> None:
    if enabled():
        background.wait_for_saves()


def pause_collector(pelican) -> None:
    """From the generators' start to the writer: the generators build the site model, tens of
    thousands of long-lived objects and next to no garbage, and the cyclic garbage collector's
    passes over the growing model were 1 to 1.5 CPU s of a 10 s no-change build at 10,000
    articles (Pelican's content cache alone loads 4 times faster without them)."""
    if enabled():
        gc.disable()


def get_writer(pelican):
    if not enabled():
        return None
    # The site model (tens of thousands of articles) lives until the end: keep the cyclic
    # garbage collector from walking it again and again while pages are written, and from
    # touching its memory in forked renderers (which would copy it). Frozen before the
    # collector is back (paused by `pause_collector`): the first allocation after would
    # otherwise start a full pass over the whole model (0.2 s at 10,000 articles).
    gc.freeze()
    gc.enable()
    urls.freeze(True)  # the generators are done: URLs no longer change
    return IncrementalWriter


def flush_after_each_generator(generators) -> None:
    """Pages are queued while a generator writes; render them when it is done, and finish the
    build after the last one (Pelican's StaticGenerator), before `finalized` plugins look at
    the output (sitemap, search index)."""
    if not enabled():
        return
    writing = [g for g in generators if hasattr(g, "generate_output")]
    for index, generator in enumerate(writing):
        generator.generate_output = _flushing(generator, index == len(writing) - 1)


def _flushing(generator, last: bool):
    generate_output = generator.generate_output

    def wrapper(writer):
        if isinstance(writer, IncrementalWriter) and hasattr(generator, "generate_articles"):
            generator.generate_articles = _articles_first(generator, writer)
        try:
            generate_output(writer)
            if isinstance(writer, IncrementalWriter):
                writer.finish() if last else writer.flush()
                pages_written.send(generator)
        except BaseException:
            gc.unfreeze()  # frozen by `get_writer`; a failed build has no `finalized`
            raise
        finally:
            if last:
                urls.freeze(False)
    return wrapper


def _articles_first(generator, writer):
    """Pelican's ArticlesGenerator writes its articles, then its lists: the article pages are
    settled before the lists are queued, and announced, so that the search index can start on
    them while the lists are worked out (one process, the other core idle)."""
    generate_articles = generator.generate_articles

    def articles_then_flush(write):
        generate_articles(write)
        writer.flush()
        pages_written.send(generator)
    return articles_then_flush


def release_model(pelican) -> None:
    """``finalized``, after the other plugins' (search index, sitemap): the model stays frozen
    (`get_writer`) while they read it, which spared a full collection of the collector (0.8 s
    at 10,000 articles) inside the search step. It is unfrozen, to be freed with the site in a
    process that builds several sites, and frozen again at the exit (`skip_collection_at_exit`)."""
    if enabled():
        gc.unfreeze()


def skip_collection_at_exit(pelican) -> None:
    """The site model is a web of reference cycles (articles, their context, their neighbours):
    the collector's last pass at interpreter exit walks all of it, about a second at 10,000
    articles, to free memory the system takes back anyway. Frozen objects are left out of that
    pass; the freeze waits for the exit, so a process building several sites (the tests) still
    frees each one."""
    if not enabled():
        return
    atexit.unregister(gc.freeze)  # once, however many sites one process builds
    atexit.register(gc.freeze)


def register() -> None:
    registration.register(NAME, DEFAULTS)
    signals.initialized.connect(start)
    signals.readers_init.connect(fast_reader)
    signals.article_generator_init.connect(read_ahead)
    signals.get_generators.connect(drop_reader_caches)
    signals.get_generators.connect(pause_collector)
    signals.article_generator_pretaxonomy.connect(after_reading)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(flush_after_each_generator)
    signals.finalized.connect(wait_for_saves)
    signals.finalized.connect(release_model)
    signals.finalized.connect(skip_collection_at_exit)
