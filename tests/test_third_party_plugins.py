"""A third-party Pelican plugin keeps working beside Kiosque: the real ``pelican-sitemap`` from
PyPI (pinned in requirements.txt), which lists the pages it hears of through Pelican's
``content_written`` signal. The incremental writer sends that signal for every page of the site,
the pages it skipped included (marked ``kiosque_skipped`` in the context), so after a rebuild
that re-renders a few pages the plugin's sitemap still lists them all.

The builds run as separate processes: a plugin registered in this process would stay connected
to Pelican's signals and write its sitemap into every later test's site."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import ORANGE
from faultkit import ENV, build_command, run
from kiosque_core.shape import is_redirect

RAW = sorted(ORANGE.glob("*.txt"))[:12]
PLUGINS = ["kiosque_import", "kiosque_tags", "kiosque_theme", "kiosque_search", "kiosque_pagination",
           "kiosque_incremental", "pelican.plugins.sitemap"]
# Plain text (one URL a line, no dates): comparable byte for byte; sitemap.xml stays Kiosque's.
WITH_SITEMAP = (f"PLUGINS={json.dumps(PLUGINS)}", 'SITEMAP={"format": "txt"}', "KIOSQUE_SEARCH=false")
STATS = re.compile(r"Kiosque incremental: (\d+) pages written, (\d+) rendered but unchanged, (\d+) skipped")


def _site(root: Path, raw_files) -> Path:
    (root / "content" / "seeds").mkdir(parents=True)
    for raw in raw_files:
        shutil.copy(raw, root / "content" / "seeds" / raw.name)
    return root


def _build(root: Path, *settings: str) -> tuple[int, int, int] | None:
    """Build; returns the incremental writer's pages written, rendered unchanged and skipped
    (None without the incremental writer)."""
    command = build_command(root, *WITH_SITEMAP, *settings)
    command.insert(command.index("-e"), "-v")  # the writer's figures are logged at INFO
    done = run(command, env={**ENV, "COLUMNS": "1000"})  # Pelican's log lines unwrapped
    assert done.returncode == 0, done.stdout + done.stderr
    found = STATS.findall(done.stdout + done.stderr)
    assert len(found) == (0 if "KIOSQUE_INCREMENTAL=false" in settings else 1), found
    return tuple(map(int, found[0])) if found else None


def _sitemap(root: Path) -> list[str]:
    return (root / "output" / "sitemap.txt").read_text(encoding="utf-8").splitlines()


def _pages(output: Path) -> list[str]:
    """What a sitemap built from every written page lists: each HTML page (an ``index.html`` by
    its folder), robots.txt, relative to a SITEURL of "". Not the redirects of renamed tags
    (kiosque_tags writes them at ``finalized``, outside Pelican's writer): a sitemap lists
    canonical pages, and a redirect's canonical page is its target."""
    pages = []
    for path in sorted(output.rglob("*")):
        relative = path.relative_to(output).as_posix()
        if relative.startswith(("theme/", "feeds/")) or path.suffix not in (".html", ".txt") \
                or relative == "sitemap.txt" or path.suffix == ".html" and is_redirect(path):
            continue
        pages.append("/" + re.sub(r"(?:^|(?<=/))index\.html$", "", relative))
    return sorted(pages)


def test_pelican_sitemap_lists_every_page_after_an_incremental_rebuild(tmp_path):
    site = _site(tmp_path / "site", RAW[:-1])
    written, _, skipped = _build(site)
    assert skipped == 0 and _sitemap(site) == _pages(site / "output")
    shutil.copy(RAW[-1], site / "content" / "seeds" / RAW[-1].name)  # one new article
    written, unchanged, skipped = _build(site)
    pages = _pages(site / "output")
    # Most pages were skipped, and the sitemap lists them all the same: every page, once.
    assert 0 < written + unchanged < skipped and written + unchanged + skipped == len(pages)
    assert _sitemap(site) == pages
    # As Pelican's own writer would have it: a clean build of the same raw files, without the
    # incremental writer, gives the very same sitemap.
    clean = _site(tmp_path / "clean", RAW)
    assert _build(clean, "KIOSQUE_INCREMENTAL=false") is None
    assert _sitemap(clean) == pages
    # A rebuild with nothing new skips every page, and still announces every one.
    assert _build(site) == (0, 0, len(pages))
    assert _sitemap(site) == pages
