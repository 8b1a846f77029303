"""A tiny hand-written site for theme tests: posts written directly as Markdown (no import),
with what the corpus does not have yet: holes, entity facets, a hostile title, a tag whose
page 1 would collide with another tag under Pelican's default pagination."""

from __future__ import annotations

from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

from conftest import Site, build

HOSTILE_TITLE = '<script>alert("kiosque")</script> & « guillemets »'
GAP = '<span class="gap" title="Mot manquant dans la source">[…]</span>'
# Past a chunk cut at its most (2 × DEFAULT_PAGINATION) and the front page: tag sujet-6 gets a chunk page.
SUJET6_POSTS = 61


def post(slug: str, title: str, date: datetime, tags: list[str], body: str = "Texte.", **meta) -> str:
    fields = {"Title": title, "Date": date.strftime("%Y-%m-%d %H:%M"), "Category": "Monde",
              "Tags": ", ".join(tags), "Slug": slug, "Lang": "fr", "Source": f"{slug}.txt",
              "Sections": "Monde", **meta}
    head = "".join(f"{key}: {value}\n" for key, value in fields.items() if value)
    return head + "\n" + body + "\n"


def write_posts(posts_dir: Path) -> None:
    posts_dir.mkdir(parents=True)
    start = datetime(2018, 4, 1, 9, 0)  # the last one on 31 May, before the other posts
    for n in range(SUJET6_POSTS):
        (posts_dir / f"sujet-six-{n:02d}.md").write_text(
            post(f"sujet-six-{n:02d}", f"Sujet six numéro {n}", start + timedelta(days=n), ["sujet-6"]))
    (posts_dir / "sujet-62.md").write_text(
        post("sujet-soixante-deux", "Sujet soixante-deux", datetime(2018, 4, 1, 8, 0), ["sujet-62"]))
    (posts_dir / "trou.md").write_text(post(
        "article-a-trous", HOSTILE_TITLE, datetime(2018, 6, 1, 10, 0), ["Turquie", "Idlib"],
        body=f"Le président turc Recep Tayyip {GAP} a parlé.",
        Summary="Un résumé &lt;b&gt;échappé&lt;/b&gt;.", Kicker="FLASH INFO", Authors="6Medias",
        Sections="Monde, Turquie", People="Recep Tayyip Erdoğan, Donald Trump", Places="Idlib",
        Organizations="Maison-Blanche", Gaps="1"))
    for n, tags in enumerate((["Turquie", "Idlib"], ["Turquie"], ["Idlib", "Syrie"], ["Syrie"])):
        (posts_dir / f"voisin-{n}.md").write_text(post(
            f"voisin-{n}", f"Voisin {n}", datetime(2018, 6, 2 + n, 10, 0), tags,
            People="Donald Trump" if n == 0 else ""))
    (posts_dir / "sans-date.md").write_text(post(
        "sans-date", "Article sans date", datetime(2026, 1, 1, 0, 0), ["Syrie"], DateEstimated="true"))


def build_tiny_site(root: Path, settings_file: str = "pelicanconf.py", extra: dict[str, str] | None = None,
                    **overrides) -> Site:
    """The tiny site built; ``extra``: more posts (file name -> text) written beside its own."""
    site = Site(root, root / "content", root / "content" / "seeds", root / "content" / "posts",
                root / "output", root / "cache")
    write_posts(site.posts)
    for name, text in (extra or {}).items():
        (site.posts / name).write_text(text)
    build(site, settings_file, KIOSQUE_IMPORT=False, **overrides)
    return site


class _Collector(HTMLParser):
    """Every (tag, attribute, value) of a page, and the text of each element with an id or class."""

    def __init__(self):
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]


def attributes(html: str) -> list[tuple[str, str, str]]:
    collector = _Collector()
    collector.feed(html)
    return collector.attributes


def urls(html: str) -> list[str]:
    """Every non-empty href/src/action of a page (what a reader or the browser would request)."""
    return [value for tag, name, value in attributes(html)
            if value and (name in ("href", "src") or (tag == "form" and name == "action"))]


def read(output: Path, url_path: str) -> str:
    """The page at a site-relative URL such as ``tags/sujet-6/page/2018-04-01/``."""
    target = output / url_path
    return (target / "index.html" if url_path.endswith("/") or not url_path else target).read_text("utf-8")


def chunk_pages(output: Path, front: str) -> list[str]:
    """The chunk pages of the list at ``front`` (stable pagination), oldest first, as URLs:
    ``page/2018-04-21/``, then ``page/2018-04-21-2/`` for a second chunk starting that day."""
    def order(name: str) -> tuple[str, int]:
        return name[:10], int(name[11:] or 1)

    names = sorted((p.parent.name for p in (output / front).glob("page/*/index.html")), key=order)
    return [f"{front}page/{name}/" for name in names]
