"""A Pelican Writer that renders only the pages whose inputs changed.

``write_file`` does what Pelican's does (pages of a list as ``kiosque_core.signals.paginate``
says: kiosque_pagination's stable chunks, else Pelican's) up to the point of rendering a page;
there it queues the page (Pelican's code it copies is in ``kiosque_core.pelican_compat``). Queued pages are
settled in batches on several cores (``flush``): each page's fingerprint is computed, the page is
skipped when the previous build wrote the same fingerprint to the same file, and rendered
otherwise. Fingerprinting is most of the work of a build that changes little, hence done in the
forked processes too. A rendered page whose bytes equal the file on disk is not rewritten, so
its mtime and inode stay.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import kiosque_core
from kiosque_core import parallel, pelican_compat
from kiosque_core.digests import files_digest, text_digest
from kiosque_core.signals import page_splitter
from kiosque_core.storage import remove_empty_parents, write_atomic
from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from . import fingerprint, state

log = logging.getLogger(__name__)

# Context names holding the page's main object: an article's neighbours count as inputs, a
# term's own attributes too (a dossier's header: its kind, the spellings merged into it).
SUBJECTS = frozenset({"article", "page", "term", "tag", "category"})
# Pages queued before they are settled: each holds a copy of the context, so memory is bounded
# by settling them in batches (one fork each).
BATCH = 20000
# In the context sent with content_written: True when the page was not rendered by this build.
SKIPPED = "kiosque_skipped"


@dataclass
class Job:
    template: object
    localcontext: dict
    context: dict  # the shared context, whose `localsiteurl` Pelican sets before rendering
    path: str  # absolute output path
    relative: str
    names: frozenset[str] | None  # the context names the template reads (None: unknown)


class IncrementalWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.cache_path = settings.get("CACHE_PATH") or "cache"
        self.previous = state.take(self.cache_path, output_path)
        self.outputs: dict[str, str | None] = {}
        self.build = build_digest(settings)
        self.digester = fingerprint.Digester()
        self.names: dict[str, frozenset[str] | None] = {}
        self.jobs: list[Job] = []
        self.processes = parallel.processes(settings)
        self.templates: dict = {}  # parsed templates, shared by the `context_names` calls
        self.stats = Counter()
        self.primed = False  # the site's content objects digested on every core

    # Pelican's Writer.write_file, minus the rendering, which goes through `_page`.
    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        if not name:
            return
        lists = pelican_compat.paginated_lists(self.settings, template_name, paginated, kwargs)
        if lists is None:
            localcontext = pelican_compat.local_context(context, name, kwargs, relative_urls)
            self._page(template, localcontext, context, name, override_output)
            return
        count = pelican_compat.per_page(self.settings, template_name)
        pages = page_splitter(self.settings)
        for save_as, names in pages(name, url, lists, self.settings, count):
            localcontext = pelican_compat.local_context(context, save_as, {**kwargs, **names}, relative_urls)
            self._page(template, localcontext, context, save_as, override_output)

    def _page(self, template, localcontext, context, name, override) -> None:
        path = sanitised_join(self.output_path, name)
        if not pelican_compat.claim(self, path, override):
            return  # Pelican keeps the first file written with override_output
        self.jobs.append(Job(template, localcontext, context, path, self._relative(path),
                             self._names(template)))
        if len(self.jobs) >= BATCH:
            self.flush()

    def _relative(self, path: str) -> str:
        # os.path.relpath normalises both paths on every call: too slow for 100,000 pages.
        root = os.path.join(self.output_path, "")
        if path.startswith(root):
            return path[len(root):].replace(os.sep, "/")
        return Path(os.path.relpath(path, self.output_path)).as_posix()

    def _names(self, template) -> frozenset[str] | None:
        if template.name not in self.names:
            self.names[template.name] = fingerprint.context_names(template.environment, template.name,
                                                                  self.templates)
        return self.names[template.name]

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        if not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        relative = self._relative(sanitised_join(self.output_path, path))
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        feed_fingerprint = text_digest("\n".join([
            self.build, "feed", feed_type, str(url), str(feed_title), str(context.get("SITEURL")),
            str(context.get("FEED_DOMAIN")), *(self.digester.own(element) for element in shown)]))
        self.outputs[relative] = feed_fingerprint
        target = os.path.join(self.output_path, path)
        if self.previous.get(relative) == feed_fingerprint and os.path.isfile(target):
            self.stats["skipped"] += 1
            return None
        self.stats["feeds"] += 1
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    def flush(self) -> None:
        """Settle the queued pages: skip, or render and write."""
        jobs, self.jobs = self.jobs, []
        if not jobs:
            return
        if not self.primed:
            context = jobs[0].context
            self.digester.prime([*context.get("articles", ()), *context.get("pages", ())], self.processes)
            self.primed = True
        for job, (page_fingerprint, outcome) in zip(jobs, parallel.run(jobs, self._settle, self.processes),
                                                    strict=True):
            self.outputs[job.relative] = page_fingerprint
            self.stats[outcome] += 1
            # Pelican's contract: one content_written per page of the site, skipped ones too (a
            # sitemap or link checker listening to it must see every page). The marker tells a
            # listener that rewrites files (a minifier) that this one holds what the previous
            # build wrote, byte for byte what this build would write.
            job.localcontext[SKIPPED] = outcome == "skipped"
            signals.content_written.send(job.path, context=job.localcontext)

    def _settle(self, job: Job) -> tuple[str | None, str]:
        """The page's fingerprint, and whether it was skipped, written or rendered unchanged."""
        page_fingerprint = self.digester.page(self.build, job.template.name, job.names,
                                              job.localcontext, SUBJECTS, self.settings)
        if (page_fingerprint is not None and self.previous.get(job.relative) == page_fingerprint
                and os.path.isfile(job.path)):
            return page_fingerprint, "skipped"
        return page_fingerprint, "written" if _render(job) else "unchanged"

    def finish(self) -> None:
        """Remove the pages an earlier build wrote and this one did not; remember this build."""
        self.flush()
        output = Path(self.output_path)
        for relative in sorted(set(self.previous) - set(self.outputs)):
            target = output / relative
            if target.is_file():
                target.unlink()
                self.stats["removed"] += 1
                remove_empty_parents(target.parent, output)
        state.save(self.cache_path, self.output_path, self.outputs)
        log.info("Kiosque incremental: %d pages written, %d rendered but unchanged, %d skipped, "
                 "%d feeds written, %d stale pages removed", self.stats["written"], self.stats["unchanged"],
                 self.stats["skipped"], self.stats["feeds"], self.stats["removed"])


def _render(job: Job) -> bool:
    """Render one page; write it only if its bytes changed. True when the file was written."""
    if job.localcontext["localsiteurl"]:
        # As Pelican does: content objects turn their internal links relative to this page.
        job.context["localsiteurl"] = job.localcontext["localsiteurl"]
    data = job.template.render(job.localcontext).encode("utf-8")
    try:
        with open(job.path, "rb") as existing:
            if existing.read() == data:
                return False
    except FileNotFoundError:
        # A new page: written in place (an interrupted build leaves no state, so the next one
        # renders it again).
        os.makedirs(os.path.dirname(job.path), exist_ok=True)
        with open(job.path, "wb") as new:
            new.write(data)
        return True
    # A reader (or a sync) sees the old page or the new one; outputs need no fsync.
    write_atomic(Path(job.path), data, durable=False)
    return True


def build_digest(settings: dict) -> str:
    """What every page depends on: settings, templates, and the code of the enabled plugins."""
    from importlib.metadata import version

    theme = Path(settings.get("THEME") or "")
    plugin_dirs = [Path(base) / str(name).split(".")[-1]
                   for base in settings.get("PLUGIN_PATHS", []) for name in settings.get("PLUGINS") or []
                   if isinstance(name, str)]
    plugin_dirs.append(Path(kiosque_core.__file__).parent)  # the code every plugin shares
    return text_digest("\n".join([
        f"format {state.VERSION}", f"pelican {version('pelican')}",
        fingerprint.settings_digest(settings),
        files_digest([theme / "templates", *plugin_dirs]),
    ]))
