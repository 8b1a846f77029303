"""Nothing injected: hostile article text (scripts, event handlers, ``javascript:`` links, frames,
Markdown and metadata look-alikes) shows up literally on every page, feed and index it reaches,
and never as markup. Pages are read with the standard library's HTML parser (real elements and
attributes) and opened in Chromium, where no dialog may fire."""

from __future__ import annotations

import functools
import http.server
import json
import posixpath
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import htmlscan
import pytest
from conftest import build, make_site_dirs

SITEURL = "https://example.org"
# Raw articles: kicker, title, byline, sections and lede, body, list, all hostile. Each lands in a
# different field of the post; the file name itself is hostile too (it is shown as the source).
HOSTILE = {
    "001_script.txt": "\n".join([
        "<SCRIPT>ALERT('K')</SCRIPT> :",
        "<script>alert(1)</script> Le titre \"><svg onload=alert(1)> piégé",
        "Par <img src=x onerror=alert(1)> et \"><svg onload=alert(2)>, publié le 12 mars 2019 à 10h00",
        "AT&T / L'ÉQUIPE - Le chapeau <script>alert(3)</script> et [x](javascript:alert(4)) sont du texte.",
        "",
        "Un corps avec <iframe src=\"javascript:alert(5)\"></iframe> dedans, et une phrase qui finit bien.",
        "[clic ici](javascript:alert(6)) est un lien qui ne doit pas en être un, vraiment pas du tout.",
        "# Title: evil",
        "Title: evil",
        "<img src=x onerror=alert(7)> et <b onmouseover=alert(8)>gras</b> dans un long paragraphe de texte.",
        "&lt;script&gt;alert(9)&lt;/script&gt; écrit avec des entités, et encore du texte pour la phrase.",
        "Donald Trump et <Emmanuel Macron onclick=alert(10)> se sont parlé à Paris, a indiqué l'Élysée.",
    ]),
    "<svg onload=alert(11)>.txt": "\n".join([
        "Title: evil <iframe src=//evil.example></iframe>",
        "Publié le 13 mars 2019 à 11h00",
        "\"><svg onload=alert(12)> ouvre le corps de ce deuxième article, avec une phrase complète.",
        "Slug: ../../pwned",
        "Save_as: ../pwned.html",
        "- <script>alert(13)</script> dans une liste de plusieurs mots ici",
        "{{ 7*7 }} et {% raw %} et ${7*7} ne sont pas des gabarits, c'est du texte brut.",
    ]),
    "003_link.txt": "\n".join([
        "[Un titre en lien](javascript:alert(14)) <javascript:alert(15)>",
        "Publié le 14 mars 2019 à 12h00",
        "FRANCE - ![image](x\" onerror=\"alert(16)) est une image qui n'en est pas une.",
        "<a href=\"javascript:alert(17)\">un lien</a> nettoyé, et <style>body{}</style> reste du texte ici.",
        "{: onclick=\"alert(18)\" } <!-- commentaire --> et une fin de phrase normale pour ce paragraphe.",
    ]),
}
# What each article must show literally (decoded text, whitespace aside).
LITERAL = {
    "001_script.txt": ["<SCRIPT>ALERT('K')</SCRIPT>", "<script>alert(1)</script> Le titre \"><svg onload=alert(1)>",
                       "<img src=x onerror=alert(1)> et \"><svg onload=alert(2)>",
                       "Le chapeau <script>alert(3)</script>",
                       "[x](javascript:alert(4))", "<iframe src=\"javascript:alert(5)\"></iframe>",
                       "[clic ici](javascript:alert(6))", "# Title: evil", "<script>alert(9)</script>",
                       "<Emmanuel Macron onclick=alert(10)>", "<img src=x onerror=alert(7)>"],
    "<svg onload=alert(11)>.txt": ["Title: evil <iframe src=//evil.example></iframe>", "Slug: ../../pwned",
                                   "\"><svg onload=alert(12)>", "<script>alert(13)</script>", "{{ 7*7 }}",
                                   "<svg onload=alert(11)>.txt"],
    "003_link.txt": ["[Un titre en lien](javascript:alert(14)) <javascript:alert(15)>",
                     "![image](x\" onerror=\"alert(16))", "<style>body{}</style>", "{: onclick=\"alert(18)\" }",
                     "<!-- commentaire -->"],
}


def _make_site(root: Path, settings_file: str, **overrides):
    site = make_site_dirs(root, [])
    for name, text in HOSTILE.items():
        (site.seeds / name).write_text(text + "\n", encoding="utf-8")
    build(site, settings_file, **overrides)
    return site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return _make_site(tmp_path_factory.mktemp("hostile"), "pelicanconf.py")


@pytest.fixture(scope="module")
def hostile_published(tmp_path_factory):
    """The same articles built for publishing: absolute URLs, Atom feeds, sitemap."""
    return _make_site(tmp_path_factory.mktemp("hostile-pub"), "publishconf.py", SITEURL=SITEURL)


def _manifest(site) -> dict:
    return json.loads((site.posts / "manifest.json").read_text(encoding="utf-8"))["articles"]


def _own_script(output: Path, page: Path):
    """Whether a script URL points to a file of the site (relative, or under SITEURL)."""
    page_url = f"{SITEURL}/{page.relative_to(output).as_posix()}"

    def check(src: str) -> bool:
        url = urljoin(page_url, src)
        if not url.startswith(SITEURL + "/"):
            return False
        path = posixpath.normpath(urlsplit(url).path).lstrip("/")
        return (output / path).is_file() and (output / path).resolve().is_relative_to(output.resolve())

    return check


def _html_pages(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*.html") if "pagefind" not in p.parts)


def test_every_article_became_a_post(hostile_site):
    assert sorted(_manifest(hostile_site)) == sorted(HOSTILE)


@pytest.mark.parametrize("fixture_name", ["hostile_site", "hostile_published"])
def test_no_page_holds_live_markup(request, fixture_name):
    site = request.getfixturevalue(fixture_name)
    pages = _html_pages(site.output)
    assert len(pages) > len(HOSTILE)
    problems = {}
    for path in pages:
        found = htmlscan.unsafe_markup(htmlscan.parse(path.read_text(encoding="utf-8")),
                                       _own_script(site.output, path))
        if found:
            problems[str(path.relative_to(site.output))] = found
    assert problems == {}


def test_hostile_text_is_shown_literally(hostile_site):
    for source, entry in _manifest(hostile_site).items():
        page = htmlscan.parse((hostile_site.output / "articles" / entry["slug"] / "index.html").read_text("utf-8"))
        shown = htmlscan.squash(page.text)
        missing = [text for text in LITERAL[source] if htmlscan.squash(text) not in shown]
        assert missing == [], source
        assert not page.find("img", src="x")


def test_titles_are_text_not_markup_or_metadata(hostile_site):
    titles = {}
    for entry in _manifest(hostile_site).values():
        page = htmlscan.parse((hostile_site.output / "articles" / entry["slug"] / "index.html").read_text("utf-8"))
        titles[entry["slug"]] = [e.text for e in page.elements if e.tag == "h1"]
    assert sorted(titles.values()) == sorted([[HOSTILE[name].split("\n")[1 if name == "001_script.txt" else 0]]
                                              for name in HOSTILE])
    # A ``Slug:`` or ``Save_as:`` line in the body changes nothing about where the page goes.
    assert not [p for p in hostile_site.output.rglob("*") if "pwned" in p.name]


def _feed_html(feed: Path) -> list[str]:
    """Every piece of HTML a feed reader would render: entry titles, summaries and contents."""
    root = ET.parse(feed).getroot()
    return [element.text or "" for element in root.iter()
            if element.tag.rsplit("}", 1)[-1] in ("title", "summary", "content", "description")]


def test_feeds_and_sitemap_hold_no_live_markup(hostile_published):
    output = hostile_published.output
    feeds = sorted((output / "feeds").glob("*.xml"))
    assert feeds, "publishconf writes Atom feeds"
    nothing_allowed = lambda src: False  # noqa: E731 - no script at all in a feed entry
    shown = ""
    for feed in feeds:
        for html in _feed_html(feed):
            page = htmlscan.parse(html)
            assert htmlscan.unsafe_markup(page, nothing_allowed) == [], feed.name
            shown += page.text
        for element in ET.parse(feed).getroot().iter():
            assert not any(htmlscan.is_script_url(value) for value in element.attrib.values())
    # Summaries are HTML in a feed and keep hostile text literally. (Titles are plain text there,
    # and Pelican strips what looks like tags from them: safe, but not literal; see docs/safety.md.)
    assert htmlscan.squash("Le chapeau <script>alert(3)</script>") in htmlscan.squash(shown)
    sitemap = output / "sitemap.xml"
    if sitemap.exists():
        locs = [e.text for e in ET.parse(sitemap).getroot().iter() if e.tag.endswith("loc")]
        assert locs and all(loc.startswith(SITEURL + "/") and "<" not in loc for loc in locs)


def test_search_pages_and_report_are_data_only(hostile_site):
    """Pagefind indexes the article pages checked above; its own HTML/JSON must parse as data."""
    report = json.loads((hostile_site.root / ".kiosque" / "import-report.json").read_text(encoding="utf-8"))
    assert sorted(report["new"]) == sorted(HOSTILE)
    for path in hostile_site.output.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    for path in hostile_site.posts.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    handler = functools.partial(_Quiet, directory=str(hostile_site.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_no_dialog_fires_in_a_browser(hostile_site, hostile_server, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    urls = [f"articles/{entry['slug']}/" for entry in _manifest(hostile_site).values()]
    urls += ["", "tags/", "sections/", "archives/", "recherche/?q=alert"]
    for url in urls:
        # `load`: the page's deferred scripts have run and its images have loaded or failed.
        page.goto(f"{hostile_server}/{url}", wait_until="load")
        if url.startswith("recherche/"):
            # The search page works on after `load`: wait until it shows the hostile excerpts.
            page.wait_for_selector("#recherche[data-state=done] .search-result", timeout=30_000)
        injected = page.evaluate(
            "document.querySelectorAll('img[src=\"x\"], iframe, [onerror], [onload], [onclick]').length")
        assert injected == 0, url
    assert dialogs == []


def test_only_the_theme_charts_may_be_svg():
    """The theme's charts are inline SVG; any other <svg> is still reported, and a chart's
    links and handlers are still checked."""
    page = htmlscan.parse('<svg onload="alert(1)"></svg>'
                          '<svg class="heat heat--grid"><a href="javascript:alert(2)"><rect/></a></svg>')
    assert htmlscan.unsafe_markup(page, lambda src: True) == [
        "<svg> element", "<svg onload=…> event handler", "<a href='javascript:alert(2)'> script URL"]
