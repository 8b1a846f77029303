"""No broken internal link: every href/src/action of every built HTML page resolves to a file
(directory URLs to their index.html), and every #fragment to an id of its page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from theme_fixtures import urls

BASE = "http://kiosque.invalid/"


def target(output: Path, page: Path, url: str) -> tuple[Path | None, str]:
    """The file a link of ``page`` points to (None for another host) and its fragment."""
    page_url = BASE + page.relative_to(output).as_posix()
    parts = urlsplit(urljoin(page_url, url))
    if f"{parts.scheme}://{parts.netloc}/" != BASE:
        return None, ""
    path = output / unquote(parts.path).lstrip("/")
    return (path / "index.html" if parts.path.endswith("/") else path), parts.fragment


def broken_links(output: Path) -> list[str]:
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in sorted(output.rglob("*.html")):
        if "pagefind" in page.relative_to(output).parts:
            continue
        for url in urls(page.read_text("utf-8")):
            if url.startswith(("mailto:", "data:")):
                continue
            path, fragment = target(output, page, url)
            if path is None:
                broken.append(f"{page.relative_to(output)}: link to another host {url}")
            elif not path.is_file():
                broken.append(f"{page.relative_to(output)}: {url}")
            elif fragment and path.suffix == ".html":
                if path not in ids:
                    ids[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text("utf-8")))
                if fragment not in ids[path]:
                    broken.append(f"{page.relative_to(output)}: {url} (no such id)")
    return broken


def test_no_broken_internal_link(corpus_site):
    pages = list(corpus_site.output.rglob("*.html"))
    assert len(pages) > 250  # the whole site, not an empty folder
    assert broken_links(corpus_site.output) == []


def test_the_checker_sees_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<a href="../b/">b</a> <a href="#x">x</a> <p id="y"></p>')
    (tmp_path / "index.html").write_text('<a href="a/">a</a> <a href="a/#y">y</a>')
    assert broken_links(tmp_path) == ["a/index.html: ../b/", "a/index.html: #x (no such id)"]
