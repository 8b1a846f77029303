"""The site's icon: every page links the theme's SVG favicon, and /favicon.ico, which browsers
ask for whatever a page says, is served too, so no page logs a console error for it."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import time
import urllib.request

import pytest
from conftest import ROOT
from kiosque_theme.rootfiles import copy_root_files

SVG = ROOT / "theme" / "static" / "favicon.svg"
ICO = ROOT / "theme" / "root" / "favicon.ico"
ARTICLE = "articles/trump-remercie-erdogan-pour-les-efforts-de-la-turquie-afin-d-empecher-une/"
ICON_LINK = re.compile(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">')


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url) as response:
        return response.status, response.headers["Content-Type"], response.read()


def test_every_page_links_the_svg_favicon(corpus_site):
    pages = {"": "./theme/favicon.svg", ARTICLE: "../../theme/favicon.svg", "tags/france/": "../../theme/favicon.svg"}
    for url, href in pages.items():
        html = (corpus_site.output / url / "index.html").read_text(encoding="utf-8")
        assert ICON_LINK.findall(html) == [href], url
    assert ICON_LINK.findall((corpus_site.output / "404.html").read_text(encoding="utf-8")) == ["/theme/favicon.svg"]


def test_both_icons_are_served_as_the_theme_ships_them(served_site):
    assert _get(f"{served_site}/theme/favicon.svg") == (200, "image/svg+xml", SVG.read_bytes())
    status, _, data = _get(f"{served_site}/favicon.ico")
    assert status == 200 and data == ICO.read_bytes()
    # An icon directory (reserved 0, type 1) of one image, a PNG of 32 × 32 pixels.
    assert data[:6] == b"\x00\x00\x01\x00\x01\x00" and data[6:8] == bytes([32, 32])
    assert data[22:30] == b"\x89PNG\r\n\x1a\n"


class _Recording(http.server.SimpleHTTPRequestHandler):
    """Records (path, status) of every request: the browser's own icon requests do not reach
    Playwright's events, only the server sees them."""
    seen: list[tuple[str, int]] = []

    def log_request(self, code="-", size="-"):
        self.seen.append((self.path, int(code)))

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def recording_server(corpus_site):
    handler = functools.partial(_Recording, directory=str(corpus_site.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recording.seen
    server.shutdown()


def test_no_console_error_and_no_failed_request_on_the_home_page(recording_server, page):
    base, seen = recording_server
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{base}/", wait_until="load")
    # The browser asks for its icons by itself once the page is shown: wait until it has.
    deadline = time.monotonic() + 30
    while not any(path.startswith(("/favicon.ico", "/theme/favicon.svg")) for path, _ in seen):
        assert time.monotonic() < deadline, f"the browser asked for no icon: {seen}"
        time.sleep(0.05)
    assert errors == []
    assert [(path, status) for path, status in seen if status >= 400] == []
    assert ("/", 200) in seen


def test_root_files_are_copied_only_when_their_bytes_differ(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    assert copy_root_files(ROOT / "theme", output) == ["favicon.ico"]
    before = (output / "favicon.ico").stat()
    assert copy_root_files(ROOT / "theme", output) == []  # a rebuild: left alone, same inode
    assert (output / "favicon.ico").stat().st_ino == before.st_ino
    (output / "favicon.ico").write_bytes(b"edited")
    assert copy_root_files(ROOT / "theme", output) == ["favicon.ico"]
    assert (output / "favicon.ico").read_bytes() == ICO.read_bytes()
    assert copy_root_files(tmp_path / "no-theme", output) == []
