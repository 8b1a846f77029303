"""Build time: every tag and facet name goes through the registry to its current canonical name,
and each name that once had a page gets a redirect page (plain HTML, no script) to the new one."""

from __future__ import annotations

import html
import json
import logging
import posixpath
from pathlib import Path

from kiosque_core import settings as kiosque_settings
from kiosque_core.shape import is_redirect
from kiosque_core.storage import remove_empty_parents, write_if_changed
from pelican.urlwrappers import Author, Tag

from . import corrected, corrections
from .authors import canonical_authors
from .settings import registry_path
from .store import registry_for_build

log = logging.getLogger(__name__)

FACETS = {"people": "PER", "places": "LOC", "organizations": "ORG"}
# Where the theme files each facet's pages (kiosque_theme's settings), by entity type.
FACET_SETTINGS = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORGANIZATION"}
_ALIASES = "_KIOSQUE_TAG_ALIASES"
REDIRECTS = "kiosque-redirects.json"  # in CACHE_PATH: the redirect pages of the last build
WRITTEN = "_kiosque_written_names"


def canonical_tags(generator) -> None:
    """``article_generator_pretaxonomy``: rename tags and facets before Pelican groups them."""
    settings = generator.settings
    if not kiosque_settings.loaded(settings, "kiosque_tags"):
        return  # a left-out plugin's receiver, still connected (Pelican's signals are global)
    registry = registry_for_build(registry_path(settings))
    fixes = corrections.load(corrections.path_for(settings))  # the editors' word comes last
    aliases: dict[str, tuple[str, str]] = {}  # name as written → (canonical name, type)
    # Articles share their names: each is resolved once, and each tag is one object, whose slug
    # (which every lookup by tag hashes) is then worked out once, not once per article.
    resolved: dict[tuple[str, str], str | None] = {}
    tags: dict[str, Tag] = {}

    def canonical(name: str, type_hint: str = "") -> str | None:
        """The name to show, None for a name the editors said is never an entity nor a tag."""
        key = (name, type_hint)
        if key not in resolved:
            entity = registry.resolve(name, type_hint)
            found = name if entity is None else entity.name
            final = fixes.renamed(name) or fixes.renamed(found) or found
            resolved[key] = None if fixes.is_never(name) or fixes.is_never(final) else final
            if resolved[key] is not None and final != name:
                aliases[name] = (final, fixes.type_of(final, entity.type if entity else type_hint))
        return resolved[key]

    def tag(name: str) -> Tag:
        if name not in tags:
            tags[name] = Tag(name, settings)
        return tags[name]

    everything = [*generator.articles, *generator.translations, *generator.hidden_articles,
                  *generator.hidden_translations, *generator.drafts, *generator.drafts_translations]
    for article in everything:
        written = _written_names(article)
        if written["tags"]:
            # A section is the site's word, not an entity's name: the section « Monde » must not
            # become the newspaper « Le Monde » the registry knows by that spelling too.
            sections = set(_sections(article))
            names = dict.fromkeys(filter(None, (name if name in sections else canonical(name)
                                                for name in written["tags"])))
            article.tags = [tag(name) for name in names]
        facets = {}
        for key, type_ in FACETS.items():
            value = written[key]
            if value:
                names = value if isinstance(value, list) else [v.strip() for v in str(value).split(",")]
                facets[key] = list(dict.fromkeys(filter(None, (canonical(n, type_) for n in names if n))))
        if fixes.types:
            facets = {key: names for key, names in corrected.retype(facets, fixes).items()
                      if names or written[key]}
        for key, names in facets.items():
            setattr(article, key, names)
    _canonical_authors(everything, fixes, settings)
    for entity in registry.entities:
        for former in entity.former:
            aliases.setdefault(former, (fixes.renamed(entity.name) or entity.name, entity.type))
    for source, target in fixes.renames.items():  # the registry's name an editor renamed
        entity = registry.known(source)
        if entity is not None and entity.name != target:
            aliases.setdefault(entity.name, (target, fixes.type_of(target, entity.type)))
    settings[_ALIASES] = aliases
    generator.context["kiosque_entities"] = corrected.entities_context(registry, fixes)


def _canonical_authors(articles: list, fixes, settings: dict) -> None:
    """One spelling per author across the archive, and the editors' renames."""
    written = [_written_names(article)["authors"] for article in articles]
    shown = canonical_authors(written, fixes)
    objects: dict[str, Author] = {}
    for article, names in zip(articles, written, strict=True):
        if names:
            for name in dict.fromkeys(shown[n] for n in names):
                if name not in objects:
                    objects[name] = Author(name, settings)
            article.authors = [objects[name] for name in dict.fromkeys(shown[n] for n in names)]
            article.author = article.authors[0]


def _sections(article) -> list[str]:
    value = getattr(article, "sections", None) or ""
    return [str(v).strip() for v in value] if isinstance(value, list | tuple) else \
        [part.strip() for part in str(value).split(",") if part.strip()]


def _written_names(article) -> dict:
    """Tag and facet names as the post writes them, kept on the article: with Pelican's
    generator-level cache an article comes back renamed by the build that cached it, and the
    registry may have changed since (and the old spellings make the redirects)."""
    written = article.__dict__.get(WRITTEN)
    if written is None:
        written = article.__dict__[WRITTEN] = {
            "tags": [tag.name for tag in getattr(article, "tags", None) or ()],
            "authors": [author.name for author in getattr(article, "authors", None) or ()],
            **{key: getattr(article, key, None) for key in FACETS},
        }
    return written


def write_redirects(pelican) -> None:
    """``finalized``: ``tags/<old-slug>/`` (and the facet page) send readers to the new name."""
    settings = pelican.settings
    if not kiosque_settings.on(settings, "kiosque_tags", "KIOSQUE_TAG_REDIRECTS"):
        return
    output = Path(pelican.output_path)
    written, current = 0, set()
    for old, (new, type_) in sorted(settings.get(_ALIASES, {}).items()):
        kinds = ["TAG", FACET_SETTINGS.get(type_)]
        for kind in filter(None, kinds):
            page = _redirect(output, settings, kind, old, new)
            if page is not None:
                current.add(page[0])
                written += page[1]
    removed = _remove_former_redirects(output, Path(settings.get("CACHE_PATH") or "cache"), current)
    if written or removed:
        log.info("kiosque_tags: %d redirect pages for renamed tags written, %d no longer needed removed",
                 written, removed)


def _redirect(output: Path, settings: dict, kind: str, old: str, new: str) -> tuple[str, bool] | None:
    """The redirect page's path under the output and whether it was written; None when there is
    no redirect to make."""
    save_as, url = settings.get(f"{kind}_SAVE_AS"), settings.get(f"{kind}_URL")
    if not save_as or not url:
        return None
    old_slug, new_slug = Tag(old, settings).slug, Tag(new, settings).slug
    if old_slug == new_slug:
        return None
    relative = save_as.format(slug=old_slug)
    source = output / relative
    target_url = _target(output, settings, kind, new_slug)
    if source.exists() and not is_redirect(source) or target_url is None:
        return None  # a live page of its own, or nothing to send readers to
    href = _href(settings, target_url, relative)
    return relative, write_if_changed(source, redirect_page(new, href))


def _remove_former_redirects(output: Path, cache: Path, current: set[str]) -> int:
    """Redirect pages an earlier build wrote and this one did not (the registry changed): a
    clean build would not have them. They are not Pelican's pages, so the incremental writer does
    not know them; their list is kept in ``cache/kiosque-redirects.json``, per output folder."""
    state, key = cache / REDIRECTS, str(output.resolve())
    try:
        lists = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        lists = {}
    lists = lists if isinstance(lists, dict) else {}
    previous = lists.get(key, [])
    removed = 0
    for relative in sorted(set(previous) - current):
        page = output / relative
        if page.is_file() and is_redirect(page):  # never a page that is live again
            page.unlink()
            removed += 1
            remove_empty_parents(page.parent, output)
    lists[key] = sorted(current)
    write_if_changed(state, json.dumps(lists, ensure_ascii=False, sort_keys=True) + "\n")
    return removed


def _target(output: Path, settings: dict, kind: str, slug: str) -> str | None:
    """The URL of the new name's page: of the same kind, or, for a facet, its tag's page (a facet
    term whose every article carries its tag lives on the tag's page: kiosque_theme/facets.py)."""
    for each in dict.fromkeys([kind, "TAG"]):
        save_as, url = settings.get(f"{each}_SAVE_AS"), settings.get(f"{each}_URL")
        if save_as and url and (output / save_as.format(slug=slug)).exists():
            return url.format(slug=slug)
    return None


def _href(settings: dict, target_url: str, source_save_as: str) -> str:
    siteurl = settings.get("SITEURL") or ""
    if siteurl and not settings.get("RELATIVE_URLS"):
        return f"{siteurl.rstrip('/')}/{target_url}"
    rel = posixpath.relpath(target_url, posixpath.dirname(source_save_as) or ".")
    return rel + "/" if target_url.endswith("/") and not rel.endswith("/") else rel


def redirect_page(name: str, href: str) -> str:
    name, href = html.escape(name), html.escape(href, quote=True)
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{name}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n<meta name="robots" content="noindex">\n'
        "</head>\n<body data-pagefind-ignore=\"all\">\n"
        f'<p>Ce mot-clé s’appelle désormais <a href="{href}">{name}</a>.</p>\n</body>\n</html>\n'
    )
