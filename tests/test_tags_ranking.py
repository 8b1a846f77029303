"""Which names become tags (ranking.py): who, where and which body the story is about, and the
people a story calls by a first name alone; real articles of the corpus with their exact tags."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from kiosque_import.pipeline import Options, parse
from kiosque_tags.analysis import Cluster
from kiosque_tags.enrich import enrich_batch
from kiosque_tags.ranking import _every_kind, taggable

FIXTURES = Path(__file__).parent / "fixtures"


def _tagged(name: str, tmp_path: Path) -> list[str]:
    raw = FIXTURES / "orange" / name
    article = parse(raw.name, raw.read_bytes(), Options(seeds=tmp_path, posts=tmp_path).splitter())
    enrich_batch([article], {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1})
    return article.tags


@pytest.mark.parametrize(("name", "tags"), [
    # seven actors the dubber lent his voice to fill the tags; where he died is the only place
    ("076_2c5e1ff5b6a93bc9.txt", ["Culture", "Marlon Brando", "William Sabatier", "Anthony Quinn", "Gene Hackman",
                                  "Jean-Louis Barrault", "Albert Camus", "Jacques Becker", "Limoges"]),
    # the show's columnists fill the tags; its channel is the only organisation named more than in passing
    ("028_4068bbcc7011a03d.txt", ["Média", "Yann Moix", "On n'est pas couché", "Laurent Ruquier", "Christine Angot",
                                  "Aymeric Caron", "Nicole Calfan", "Charles Consigny", "France 2"]),
])
def test_a_kind_of_name_no_tag_is_adds_its_best_ranked(name, tags, tmp_path):
    assert _tagged(name, tmp_path) == tags


def test_a_person_the_body_calls_by_her_first_name_three_times_is_a_tag(tmp_path):
    # « Maud », the farmer's companion, four times in the body, never in the title nor the lede
    assert _tagged("074_9d4f884c63ec9dba.txt", tmp_path) == [
        "Faits divers", "L'amour est dans le pré", "Jean-Claude Joly", "Maud", "Paris-Normandie",
        "tribunal correctionnel du Havre", "M6"]


def _cluster(name: str, kind: str, uses: int = 1, enumerated: int = 0, zones=("body",)) -> Cluster:
    return Cluster(surfaces=Counter({name: uses}), zones=set(zones), kind=kind, enumerated=enumerated)


def test_an_item_of_a_list_a_person_or_another_spelling_adds_nothing():
    chosen = [_cluster("Yann Moix", "PER", 6, zones=("title", "body"))]
    listed = _cluster("Lisbonne", "LOC", enumerated=1)  # « des villes comme Lisbonne ou Londres »
    surname = _cluster("Macron", "PER")  # people are no kind added: those of a story without one are in passing
    place, body = _cluster("Limoges", "LOC"), _cluster("France 2", "ORG", 2)
    assert [c.best for c in _every_kind(list(chosen), [listed, surname, place, body], set())] == [
        "Yann Moix", "Limoges", "France 2"]
    assert [c.best for c in _every_kind(list(chosen), [listed, surname], set())] == ["Yann Moix"]
    # another spelling of a chosen name is no other place (« Haute Cour de Londres », « Cour de Londres »)
    court = [_cluster("Cour de Londres", "ORG", 2)]
    assert [c.best for c in _every_kind(court, [_cluster("Haute Cour de Londres", "LOC")], set())] == [
        "Cour de Londres"]
    # a first name alone: a tag from the title or lede, or from three uses in the body
    assert [taggable(_cluster("Maud", "PER", n), frozenset()) for n in (1, 2, 3)] == [False, False, True]
    assert taggable(_cluster("Maëlys", "PER", 1, zones=("lede",)), frozenset())
