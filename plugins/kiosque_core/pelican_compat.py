"""The one seam with Pelican's internals: every change Kiosque makes to them, and every piece of
Pelican code Kiosque copies, is listed here, with the Pelican code it replaces and why.

Upgrading Pelican means reading this file against the new version's code. ``TESTED`` lists the
versions whose code these patches were checked against (tests/test_pelican_compat.py compares
each patch with Pelican's real method on real content). On any other version ``install`` logs
one warning and installs nothing: the build is stock Pelican (slower, still correct).

The patches are installed by ``kiosque_incremental`` at Pelican's ``initialized`` when
``KIOSQUE_INCREMENTAL`` is on, and taken off when it is off (``uninstall``): a build with the
setting off is a build without the plugin, and ``installed()`` is then empty.

Besides the class and module attributes below, ``kiosque_incremental`` changes three things
through Pelican's public signals, on one build's objects only, and only while the patches are
installed (``active``):
- ``readers_init``: Markdown files are read by ``ReusingMarkdownReader`` (a subclass of Pelican's
  ``MarkdownReader`` whose ``read`` and ``_parse_metadata`` replace Pelican's: one Markdown
  instance per reader instead of one per file);
- ``all_generators_finalized``: each generator's ``generate_output`` is wrapped, so that the
  queued pages are settled after each generator (and the article pages before the lists);
- ``get_writer``: ``IncrementalWriter``, a ``Writer`` whose ``write_file`` is Pelican's minus the
  rendering (the copies at the end of this file).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.metadata import version

from pelican import generators, utils
from pelican.cache import FileDataCacher
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, CachingGenerator
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url
from pelican.writers import FileOverwriteFailedError

log = logging.getLogger(__name__)

# Pelican versions whose code the patches and copies below were checked against.
TESTED = frozenset({"4.12.0"})


@dataclass(frozen=True)
class Patch:
    owner: object  # the class or module whose attribute is replaced
    name: str
    why: str  # what Pelican does there, and why Kiosque replaces it


PATCHES = {
    # pelican/contents.py, Content.get_relative_source_path: os.path.relpath of two absolute
    # paths, three times per article per build (1 to 3 CPU s at 10,000 articles); remembered.
    "Content.get_relative_source_path": Patch(Content, "get_relative_source_path",
                                              "relpath per URL expansion"),
    # pelican/contents.py, Content._expand_settings: copies the whole metadata to format a URL
    # pattern that reads only fields Pelican sets itself (slug, lang, date, author, category).
    "Content._expand_settings": Patch(Content, "_expand_settings", "metadata copy per URL"),
    # pelican/contents.py, Content.get_url_setting: recomputed at each template access (141,000
    # times at 5,000 articles, 15% of a build); remembered once the generators are done.
    "Content.get_url_setting": Patch(Content, "get_url_setting", "URL recomputed per access"),
    # pelican/generators.py, ArticlesGenerator._build_period_archives: `[a for a in articles if a
    # in dates]` per period, quadratic (3 to 7 s at 10,000 articles). Proposed upstream
    # (docs/architecture.md, "Proposed Pelican changes").
    "ArticlesGenerator._build_period_archives": Patch(ArticlesGenerator, "_build_period_archives",
                                                      "quadratic period filter"),
    # pelican/generators.py, ArticlesGenerator.generate_tags / generate_categories /
    # generate_authors: the same quadratic filter, `[a for a in self.dates if a in articles]`.
    "ArticlesGenerator.generate_tags": Patch(ArticlesGenerator, "generate_tags", "quadratic dates filter"),
    "ArticlesGenerator.generate_categories": Patch(ArticlesGenerator, "generate_categories",
                                                   "quadratic dates filter"),
    "ArticlesGenerator.generate_authors": Patch(ArticlesGenerator, "generate_authors", "quadratic dates filter"),
    # pelican/utils.py, process_translations, as imported by name into pelican/generators.py: a
    # quadratic final filter, for nothing when no two items share a translation id.
    "generators.process_translations": Patch(generators, "process_translations", "quadratic filter"),
    # pelican/utils.py, copy_file (looked up at call time by utils.copy): theme files copied on
    # every build get a new mtime, so a sync uploads them again; copied only when they differ.
    "utils.copy_file": Patch(utils, "copy_file", "static files rewritten every build"),
    # pelican/cache.py, FileDataCacher.cache_data and save_cache: the whole cache is pickled at
    # every build even when nothing was added (a second per 1,000 articles), and written in
    # place (a killed build leaves a truncated pickle). Saved only when it grew, atomically, by
    # a forked process. Proposed upstream (docs/architecture.md).
    "FileDataCacher.cache_data": Patch(FileDataCacher, "cache_data", "dirty flag for save_cache"),
    "FileDataCacher.save_cache": Patch(FileDataCacher, "save_cache", "non-atomic save every build"),
    # pelican/generators.py, CachingGenerator.__init__: the generator-level cache keeps whole
    # articles made with another build's settings; dropped when the build digest changed.
    "CachingGenerator.__init__": Patch(CachingGenerator, "__init__", "cache of another build's settings"),
}

# Pelican's own code, kept before anything is patched.
ORIGINAL = {key: patch.owner.__dict__[patch.name] if isinstance(patch.owner, type)
            else getattr(patch.owner, patch.name) for key, patch in PATCHES.items()}


def pelican_version() -> str:
    return version("pelican")


def install(replacements: dict, pelican: str | None = None) -> bool:
    """Install the replacements (patch key -> new attribute) if this Pelican is a tested one;
    otherwise log one warning, leave Pelican as it is, and return False."""
    pelican = pelican or pelican_version()
    if pelican not in TESTED:
        uninstall()
        log.warning("Kiosque: Pelican %s is not one of the versions Kiosque was tested with (%s): "
                    "its speed-ups are off for this build (slower, same output)",
                    pelican, ", ".join(sorted(TESTED)))
        return False
    unknown = set(replacements) - set(PATCHES)
    if unknown:
        raise KeyError(f"not in pelican_compat.PATCHES: {sorted(unknown)}")
    for key, replacement in replacements.items():
        setattr(PATCHES[key].owner, PATCHES[key].name, replacement)
    return True


def uninstall() -> None:
    """Pelican's own code back everywhere."""
    for key, patch in PATCHES.items():
        setattr(patch.owner, patch.name, ORIGINAL[key])


def installed() -> list[str]:
    """The patches in place now (empty: stock Pelican)."""
    return [key for key, patch in PATCHES.items()
            if (patch.owner.__dict__ if isinstance(patch.owner, type) else vars(patch.owner))[patch.name]
            is not ORIGINAL[key]]


# Copies of pelican/writers.py, Writer.write_file (4.12.0), for writers that page lists their
# own way (kiosque_pagination) or render later (kiosque_incremental).

def paginated_lists(settings: dict, template_name, paginated, kwargs) -> dict | None:
    """The lists Pelican's Writer.write_file would paginate for this page, or None for one page."""
    if paginated is None:
        paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
    if paginated and template_name in settings["PAGINATED_TEMPLATES"]:
        return paginated
    return None


def per_page(settings: dict, template_name) -> int:
    return settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]


def classic_pages(name: str, url: str, lists: dict, settings: dict, count: int):
    """(output path, names for the template) for each page, as Writer.write_file's paginator
    loop makes them."""
    paginators = {key: Paginator(name, url, val, settings, count) for key, val in lists.items()}
    for page_num in range(next(iter(paginators.values())).num_pages):
        names = {}
        for key, paginator in paginators.items():
            previous_page = paginator.page(page_num) if page_num > 0 else None
            page = paginator.page(page_num + 1)
            next_page = paginator.page(page_num + 2) if page_num + 1 < paginator.num_pages else None
            names.update({f"{key}_paginator": paginator, f"{key}_page": page,
                          f"{key}_previous_page": previous_page, f"{key}_next_page": next_page})
        yield page.save_as, names


def local_context(context, name, kwargs, relative_urls) -> dict:
    """Writer.write_file's ``_get_localcontext``: a page's context."""
    localcontext = context.copy()
    localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
    if relative_urls:
        relative_url = path_to_url(get_relative_path(name))
        localcontext["SITEURL"] = relative_url
        localcontext["localsiteurl"] = relative_url
    localcontext["output_file"] = name
    localcontext.update(kwargs)
    return localcontext


def claim(writer, path: str, override: bool) -> bool:
    """Writer._open_w's bookkeeping without opening the file: True when the page is to be
    written, False when Pelican would skip it (it writes it to os.devnull: a page written with
    ``override_output`` is kept); raises where Pelican raises."""
    if path in writer._overridden_files:
        if override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" a second time (was previously overwritten)')
        log.info('Skipping "%s", not overwriting', path)
        return False
    if path in writer._written_files:
        if override:
            log.info('Overwriting "%s"', path)
        else:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already written to it previously '
                "(set `override=True` if intended)")
    if override:
        writer._overridden_files.add(path)
    writer._written_files.add(path)
    return True

