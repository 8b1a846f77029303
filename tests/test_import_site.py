"""The imported posts in a real Pelican build with the project's settings and theme."""

import html
import json

from conftest import SEED

SLUG = "trump-remercie-erdogan-pour-les-efforts-de-la-turquie-afin-d-empecher-une"


def test_seed_article_page_is_built(corpus_site):
    page = (corpus_site.output / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "Trump remercie Erdoğan pour les efforts de la Turquie afin d’empêcher une catastrophe" in page
    assert "Les attaques doivent prendre fin" in page
    assert "wpDiscuz" not in page and "NEWSLETTER" not in page


def test_every_post_has_a_page(corpus_site):
    entries = json.loads((corpus_site.posts / "manifest.json").read_text())["articles"]
    assert len(entries) == 201
    missing = [e["slug"] for e in entries.values()
               if not (corpus_site.output / "articles" / e["slug"] / "index.html").exists()]
    assert missing == []


def test_committed_seed_post_is_what_the_import_writes(corpus_site):
    """content/posts/ is committed: the repo's seed post equals a fresh import (but its date)."""
    from conftest import ROOT

    committed = (ROOT / "content" / "posts" / f"{SLUG}.md").read_text(encoding="utf-8")
    fresh = (corpus_site.posts / f"{SLUG}.md").read_text(encoding="utf-8")
    strip_date = lambda text: [line for line in text.splitlines() if not line.startswith("Date: ")]  # noqa: E731
    assert strip_date(committed) == strip_date(fresh)
    assert html.escape(SEED.name) in (corpus_site.output / "articles" / SLUG / "index.html").read_text()
