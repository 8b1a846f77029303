"""Kiosque search settings: ``KIOSQUE_SEARCH*`` names in pelicanconf.py, each with a default here."""

from __future__ import annotations

DEFAULTS = {
    "KIOSQUE_SEARCH": True,  # index the article pages with Pagefind after every build
    "KIOSQUE_SEARCH_SHARD_BY": None,  # None: one index; "year": one per year (see docs/search.md)
    "KIOSQUE_SEARCH_LANGUAGE": None,  # default: DEFAULT_LANG (French stemming for "fr")
    "KIOSQUE_SEARCH_BUNDLE": "pagefind",  # folder of output/ that holds the search bundle
}


def get(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])


def language(settings: dict) -> str:
    return get(settings, "KIOSQUE_SEARCH_LANGUAGE") or settings.get("DEFAULT_LANG") or "fr"
