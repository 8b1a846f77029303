"""kiosque_core.pelican_compat, the one seam with Pelican's internals: each patch gives what
Pelican's own method gives on real content (a site built from corpus articles by stock Pelican);
nothing is installed on an untested Pelican; with ``KIOSQUE_INCREMENTAL = False`` the build is
stock Pelican, byte for byte the build without the plugin, and no Pelican attribute is patched."""

from __future__ import annotations

import json
import logging
import os
import pickle
import sys
from pathlib import Path

import pytest
from conftest import ORANGE, ROOT, build, make_site_dirs
from faultkit import ENV, build_command, digest, run
from kiosque_core import background, builds, pelican_compat
from kiosque_core.pelican_compat import ORIGINAL
from kiosque_incremental import articles_cache, cache, grouping, static, urls
from kiosque_incremental.build_state import state
from kiosque_incremental.plugin import replacements
from pelican import signals
from pelican.cache import FileDataCacher
from pelican.urlwrappers import URLWrapper

SETTINGS = {"KIOSQUE_SEARCH": False}


@pytest.fixture(scope="module")
def generator(tmp_path_factory):
    """The ArticlesGenerator of a stock build (patches off) of 40 corpus articles."""
    site = make_site_dirs(tmp_path_factory.mktemp("compat"), sorted(ORANGE.glob("*.txt"))[:40])
    kept = []

    def keep(generator):
        kept.append(generator)

    signals.article_generator_finalized.connect(keep)
    try:
        build(site, KIOSQUE_INCREMENTAL=False, **SETTINGS)
    finally:
        signals.article_generator_finalized.disconnect(keep)
    assert pelican_compat.installed() == []
    return kept[-1]


def test_the_replacements_are_the_listed_patches_and_install_and_uninstall():
    assert sorted(replacements()) == sorted(pelican_compat.PATCHES)
    assert pelican_compat.install(replacements(), pelican="4.12.0")
    assert pelican_compat.installed() == list(pelican_compat.PATCHES)
    pelican_compat.uninstall()
    assert pelican_compat.installed() == []


def test_an_untested_pelican_gets_one_warning_and_nothing_installed(caplog):
    with caplog.at_level(logging.WARNING):
        assert not pelican_compat.install(replacements(), pelican="4.11.0")
    assert pelican_compat.installed() == []
    assert [r.getMessage()[:39] for r in caplog.records] == ["Kiosque: Pelican 4.11.0 is not one of t"]


def test_the_url_wrapper_patch_kiosque_had_never_ran(generator, monkeypatch):
    """Pelican binds ``URLWrapper.url`` to ``partial(_from_settings, …)`` when the class is made:
    a ``_from_settings`` put on the class later is never called (so Kiosque no longer has one)."""
    calls = []
    pelicans = URLWrapper._from_settings
    monkeypatch.setattr(URLWrapper, "_from_settings", lambda *a, **k: calls.append(a) or pelicans(*a, **k))
    tags = [tag for article in generator.articles for tag in article.tags]
    assert len(tags) > 100 and all(tag.url == f"tags/{tag.slug}/" for tag in tags)
    assert [tag.save_as for tag in tags[:2]] == [f"tags/{tag.slug}/index.html" for tag in tags[:2]]
    assert calls == []


def test_relative_source_path_as_pelicans(generator):
    articles = generator.articles
    expected = [ORIGINAL["Content.get_relative_source_path"](a) for a in articles]
    assert [urls.get_relative_source_path(a) for a in articles] == expected
    assert [urls.get_relative_source_path(a) for a in articles] == expected  # remembered
    assert expected[0] == f"posts/{articles[0].slug}.md"


def test_expand_settings_as_pelicans(generator):
    for article in generator.articles:
        for key in ("URL", "SAVE_AS"):
            assert urls.expand_settings(article, key) == ORIGINAL["Content._expand_settings"](article, key)


def test_url_setting_as_pelicans_and_remembered_once_frozen(generator):
    article = generator.articles[0]
    urls.freeze(True)
    try:
        first = urls.get_url_setting(article, "url")
        assert first == ORIGINAL["Content.get_url_setting"](article, "url") == f"articles/{article.slug}/"
        assert urls.get_url_setting(article, "url") is first
    finally:
        urls.freeze(False)
        article.__dict__.pop(urls.MEMO, None)


def test_period_archives_as_pelicans(generator):
    dates, articles = generator.dates, generator.articles
    expected = ORIGINAL["ArticlesGenerator._build_period_archives"](generator, dates, articles, generator.settings)
    assert grouping.build_period_archives(generator, dates, articles, generator.settings) == expected
    assert sum(len(period["articles"]) for period in expected["year"]) == len(articles)


@pytest.mark.parametrize("name", grouping.LISTING_METHODS)
def test_listing_pages_as_pelicans(generator, name):
    def calls_of(method) -> list:
        written = []
        method(generator, lambda *args, **kwargs: written.append((args, kwargs)))
        return written

    expected = calls_of(ORIGINAL[f"ArticlesGenerator.{name}"])
    assert calls_of(grouping.replacements()[f"ArticlesGenerator.{name}"]) == expected
    assert name == "generate_authors" or len(expected) > 3


def test_translations_as_pelicans(generator):
    ours, pelicans = list(generator.articles), list(generator.articles)
    expected = ORIGINAL["generators.process_translations"](pelicans, "slug")
    assert grouping.process_translations(ours, "slug") == expected
    assert ours == pelicans and expected[1] == []


def test_copy_file_as_pelicans_and_only_when_the_bytes_differ(tmp_path):
    source = str(ROOT / "theme" / "static" / "favicon.svg")
    ORIGINAL["utils.copy_file"](source, str(tmp_path / "pelican.svg"))
    static.copy_file_if_changed(source, str(tmp_path / "ours.svg"))
    assert (tmp_path / "ours.svg").read_bytes() == (tmp_path / "pelican.svg").read_bytes()
    stamp = (tmp_path / "ours.svg").stat().st_mtime_ns
    os.utime(tmp_path / "ours.svg", ns=(stamp - 10**9, stamp - 10**9))
    static.copy_file_if_changed(source, str(tmp_path / "ours.svg"))
    assert (tmp_path / "ours.svg").stat().st_mtime_ns == stamp - 10**9  # same bytes: left alone


def test_cache_saved_as_pelicans(generator, tmp_path, pelican_patched):
    """Pelican's save and Kiosque's give a pickle of the same cache of real articles."""
    settings = {**generator.settings, "CACHE_PATH": str(tmp_path), "GZIP_CACHE": False}
    entries = {a.source_path: (None, a.title) for a in generator.articles}
    saved = {}
    for label, save, data in (("pelican", ORIGINAL["FileDataCacher.save_cache"], ORIGINAL["FileDataCacher.cache_data"]),
                              ("kiosque", cache.save_cache, cache.cache_data)):
        cacher = FileDataCacher(settings, label, True, False)
        for key, value in entries.items():
            data(cacher, key, value)
        save(cacher)
        background.wait_for_saves()
        saved[label] = pickle.loads((tmp_path / label).read_bytes())
    assert saved["kiosque"] == saved["pelican"] == entries


def test_caching_generator_init_as_pelicans_unless_the_digest_changed(generator, tmp_path, pelican_patched):
    from pelican.generators import ArticlesGenerator

    settings = {**generator.settings, "CACHE_PATH": str(tmp_path), "LOAD_CONTENT_CACHE": True,
                "CONTENT_CACHING_LAYER": "generator", "CACHE_CONTENT": True}
    digest = articles_cache.build_digest(settings)
    stored = {"posts/a.md": (1.0, "A"), articles_cache.DIGEST_KEY: (None, digest)}
    (tmp_path / "ArticlesGenerator").write_bytes(pickle.dumps(stored))

    def made(init, **changed):
        made = ArticlesGenerator.__new__(ArticlesGenerator)
        init(made, context=dict(generator.context), settings={**settings, **changed}, path=generator.path,
             theme=generator.theme, output_path=str(tmp_path / "out"))
        return made._cache

    assert made(articles_cache.caching_generator_init) == made(ORIGINAL["CachingGenerator.__init__"]) == stored
    assert made(articles_cache.caching_generator_init, SITENAME="Autre") == {}


# Pelican's own change: read_settings keeps the last Pygments options in its module.
PELICANS_OWN = ["('pelican.settings', 'PYGMENTS_RST_OPTIONS')"]


def _build_watching_pelican(root: Path, plugins: list[str], *settings: str) -> tuple[dict[str, str], list[str]]:
    """A build in its own process: the output's digests, and the attributes of Pelican's
    modules and classes the build left other than it found them."""
    command = build_command(root, f"PLUGINS={plugins!r}".replace("'", '"'), "KIOSQUE_SEARCH=false", *settings)
    script = (
        "import inspect, pkgutil, importlib, json, sys, pelican\n"
        "def attributes():\n"
        "    found = {}\n"
        "    for info in pkgutil.walk_packages(pelican.__path__, 'pelican.'):\n"
        "        if '.tests' in info.name or info.name.endswith('__main__'): continue\n"
        "        try:\n"
        "            module = importlib.import_module(info.name)\n"
        "        except Exception:\n"
        "            continue  # pelican.signals (a deprecation error), tools needing extras\n"
        "        for name, value in vars(module).items():\n"
        "            found[info.name, name] = id(value)\n"
        "            if inspect.isclass(value) and value.__module__.startswith('pelican'):\n"
        "                found.update({(info.name, name, k): id(v) for k, v in vars(value).items()})\n"
        "    return found\n"
        "before = attributes()\n"
        "from pelican import main\n"
        "sys.argv = ['pelican', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    after = attributes()\n"
        "    changed = sorted(str(k) for k in before if k in after and after[k] != before[k])\n"
        "    print('PATCHED', json.dumps(changed))\n")
    done = run([sys.executable, "-c", script, *command[3:]], env=ENV)  # less `-m pelican`
    assert done.returncode == 0, done.stdout + done.stderr
    changed = next(line for line in done.stdout.splitlines() if line.startswith("PATCHED "))
    return digest(root / "output"), json.loads(changed.removeprefix("PATCHED "))


def test_incremental_off_is_pelican_without_the_plugin(tmp_path):
    plugins = ["kiosque_import", "kiosque_tags", "kiosque_theme", "kiosque_pagination"]
    builds_ = {}
    for name, extra, settings in (("off", ["kiosque_incremental"], ["KIOSQUE_INCREMENTAL=false"]),
                                  ("absent", [], []), ("on", ["kiosque_incremental"], [])):
        root = tmp_path / name
        make_site_dirs(root, sorted(ORANGE.glob("*.txt"))[:15])
        builds_[name] = _build_watching_pelican(root, plugins + extra, *settings)
    (off, off_changed), (absent, absent_changed), (on, on_changed) = builds_.values()
    assert len(off) > 100 and off == absent
    assert off_changed == absent_changed == PELICANS_OWN
    # The watch sees the patches when they are on (and the output is the same).
    assert "('pelican.contents', 'Content', '_expand_settings')" in on_changed
    assert len(set(on_changed) - set(PELICANS_OWN)) == len(pelican_compat.PATCHES)
    assert {name: data for name, data in on.items() if name != "sitemap.xml"} == {
        name: data for name, data in off.items() if name != "sitemap.xml"}


def test_a_writer_writing_an_overridden_path_twice_raises_as_pelicans(tmp_path):
    from kiosque_core.pelican_compat import claim
    from pelican.writers import FileOverwriteFailedError, Writer

    path = str(tmp_path / "page.html")
    ours, pelicans = Writer(str(tmp_path), {}), Writer(str(tmp_path), {})
    assert claim(ours, path, True)
    pelicans._open_w(path, "utf-8", True).close()
    assert not claim(ours, path, False)  # kept: the second, plain write is skipped, as Pelican does
    pelicans._open_w(path, "utf-8", False).close()
    for writer in (pelicans, ours):
        with pytest.raises(FileOverwriteFailedError, match="a second time"):
            claim(writer, path, True) if writer is ours else writer._open_w(path, "utf-8", True)
    other = str(tmp_path / "other.html")
    assert claim(ours, other, False)
    with pytest.raises(FileOverwriteFailedError, match="already written"):
        claim(ours, other, False)
    # Pelican also notes os.devnull, where it wrote the skipped page.
    assert ours._written_files == (pelicans._written_files - {os.devnull}) | {other}


def test_one_build_state_per_build(generator):
    """State lives in the build: a new build starts with none of the last one's."""
    state().relative_paths[("/a", "/a/b")] = "b"
    last = builds.current()
    builds.begin(type("P", (), {"settings": {}})())
    assert builds.current() is not last and state().relative_paths == {}
