"""Shared fixtures: a real site built by Pelican from the seed and the 200 corpus articles,
served over HTTP, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "content" / "seeds" / "000_9e9c1d13546101e7.txt"
ORANGE = FIXTURES / "orange"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Articles per search shard on the corpus site: small, so its 201 articles make several shards
# (2016, 2017, 2018, …, the seed alone) and the browser tests see search go shard by shard.
CORPUS_SHARD_SIZE = 100
# The corpus site's one article that is an earlier version of another (kiosque_stories): the live
# page of Cannes 2016's closing ceremony, before « Cannes 2016 : le palmarès dévoilé ».
CORPUS_EARLIER_VERSIONS = {"cannes-la-ceremonie-de-cloture-en-direct"}

sys.path.insert(0, str(ROOT / "plugins"))
# The model reads every test's texts itself (and in the processes a test asks for): what it found
# in a text before is kept only in the test of that cache (test_tags_reading.py). The builds a
# test runs as processes inherit this.
os.environ["KIOSQUE_NO_MODEL_CACHE"] = "1"


@dataclass
class Site:
    root: Path
    content: Path
    seeds: Path
    posts: Path
    output: Path
    cache: Path


def make_site_dirs(root: Path, raw_files) -> Site:
    site = Site(root, root / "content", root / "content" / "seeds", root / "content" / "posts",
                root / "output", root / "cache")
    site.seeds.mkdir(parents=True)
    for raw in raw_files:
        shutil.copy(raw, site.seeds / Path(raw).name)
    return site


def build(site: Site, settings_file: str = "pelicanconf.py", **overrides) -> None:
    """A real Pelican build with the project's settings, pointed at the given folders."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / settings_file),
        override={
            "PATH": str(site.content),
            "OUTPUT_PATH": str(site.output),
            "CACHE_PATH": str(site.cache),
            "KIOSQUE_REPORT": str(site.root / ".kiosque" / "import-report.json"),
            **overrides,
        },
    )
    Pelican(settings).run()


def corpus_files() -> list[Path]:
    return [SEED, *sorted(ORANGE.glob("*.txt"))]


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> Site:
    """The seed plus the 200 corpus articles, imported and built once per test process."""
    site = make_site_dirs(tmp_path_factory.mktemp("corpus-site"), corpus_files())
    build(site, KIOSQUE_SEARCH_SHARD_SIZE=CORPUS_SHARD_SIZE)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser dropped a connection it no longer needed (an aborted fetch)


@pytest.fixture(scope="session")
def served_site(corpus_site):
    """``corpus_site``'s output/ over HTTP on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(corpus_site.output))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium (browser downloads are impossible here), driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def pelican_patched():
    """Pelican with kiosque_incremental's patches (kiosque_core.pelican_compat), stock again after."""
    from kiosque_core import pelican_compat
    from kiosque_incremental.plugin import replacements

    assert pelican_compat.install(replacements())
    yield
    pelican_compat.uninstall()
