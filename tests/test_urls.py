"""URL patterns formatted without Pelican's metadata copy give Pelican's very text."""

from __future__ import annotations

import datetime as dt

import pytest
from kiosque_incremental import urls
from pelican.contents import Article, Content
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category

PATTERNS = [
    "articles/{slug}/",
    "articles/{slug}/index.html",
    "{date:%Y}/{date:%m}/{slug}.html",
    "{date.year}/{category}/{slug}-{lang}/",
    "{author}/{slug}/",
    "par-chemin/{path}/",  # reads the source path: left to Pelican
    "{source}/{slug}/",  # reads a metadata field: left to Pelican
    "fixe/",
]


def _article(settings: dict, **extra) -> Article:
    metadata = {"title": "Titre", "slug": "un-titre", "date": dt.datetime(2020, 7, 2, 9, 30),
                "category": Category("Monde", settings), "author": Author("Orange avec AFP", settings),
                "lang": "fr", "source": "01_ab.txt", **extra}
    return Article("<p>texte</p>", metadata=metadata, settings=settings,
                   source_path="/site/content/posts/un-titre.md")


@pytest.mark.parametrize("pattern", PATTERNS)
def test_url_patterns_read_as_pelican_reads_them(pattern, monkeypatch):
    settings = {**DEFAULT_CONFIG, "PATH": "/site/content", "ARTICLE_URL": pattern,
                "ARTICLE_SAVE_AS": pattern + "index.html", "ARTICLE_LANG_URL": pattern + "?l"}
    monkeypatch.setattr(Content, "_expand_settings", urls._pelican_expand_settings)
    plain = _article(settings)
    other = _article(settings, lang="en")
    expected = (plain.url, plain.save_as, other.url)
    monkeypatch.setattr(Content, "_expand_settings", urls.expand_settings)
    assert (plain.url, plain.save_as, other.url) == expected
    assert ("{path}" in pattern or "{source}" in pattern) == (urls.fields_read(pattern) is None)
