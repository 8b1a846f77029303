"""Which names become tags (ranking.py): a platform the title names; a real article of the
10,000-article sample with its exact tags."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kiosque_import.pipeline import Options, parse
from kiosque_tags.analysis import Cluster
from kiosque_tags.enrich import enrich_batch
from kiosque_tags.ranking import taggable

FIXTURES = Path(__file__).parent / "fixtures"


def _tagged(name: str, tmp_path: Path) -> list[str]:
    raw = FIXTURES / "orange4" / name
    article = parse(raw.name, raw.read_bytes(), Options(seeds=tmp_path, posts=tmp_path).splitter())
    enrich_batch([article], {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1})
    return article.tags


def test_a_platform_the_title_names_is_a_tag(tmp_path):
    # « Le patron de Facebook joue l'apaisement … »: Facebook is a stop tag (a share button's
    # name), but here it is what the story is about
    assert _tagged("04469_2921c42d10b9c506.txt", tmp_path) == [
        "France", "Facebook", "Mark Zuckerberg", "Donald Trump", "États-Unis", "George Floyd", "Timothy Aveni",
        "Minneapolis"]


def _cluster(name: str, zones: tuple, kind: str = "ORG") -> Cluster:
    return Cluster(surfaces=Counter({name: 1}), zones=set(zones), kind=kind)


def test_a_stop_tag_only_from_the_title_and_the_byline_never():
    stop = frozenset({"facebook", "afp"})
    assert [taggable(_cluster("Facebook", zones), stop) for zones in (("body",), ("lede", "body"), ("title",))] == [
        False, False, True]
    # the byline's author, even in the title (« L'AFP … » over an AFP dispatch)
    assert not taggable(_cluster("AFP", ("title",)), stop, frozenset({"afp"}))
    assert taggable(_cluster("Maëlys", ("lede",), "PER"), stop)
    assert not taggable(_cluster("Maëlys", ("body",), "PER"), stop)
