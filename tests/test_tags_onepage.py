"""One entity, one page: an acronym glossing a long name is its spelling (glosses.py), and one
article's spelling does not rename an entity many articles know under another (naming.py)."""

from __future__ import annotations

from collections import Counter

from kiosque_import.article import Article, Block
from kiosque_tags.analysis import Cluster
from kiosque_tags.enrich import enrich_batch
from kiosque_tags.glosses import glosses, merge_glossed
from kiosque_tags.registry import Registry
from kiosque_tags.store import save_registry

SOHR = "Observatoire syrien des droits de l’homme"


def test_an_acronym_in_parentheses_after_a_long_name_is_its_spelling():
    assert glosses(["l’Observatoire syrien des droits de l’homme (SOHR) a déclaré", "(G20) et (A) (Sohr)",
                    "le Conseil (AB CD)"]) == [("l’Observatoire syrien des droits de l’homme", "SOHR"), ("", "G20")]
    clusters = {"osdh": Cluster(surfaces=Counter({SOHR: 1}), labels=Counter({"ORG": 1})),
                "sohr": Cluster(surfaces=Counter({"SOHR": 3}), labels=Counter({"ORG": 3})),
                "onu": Cluster(surfaces=Counter({"ONU": 1}), labels=Counter({"ORG": 1}))}
    merge_glossed(clusters, [f"Selon l’{SOHR} (SOHR), l’ONU a tort. Le SOHR compte 3 morts (ONU)."])
    assert sorted(clusters) == ["onu", "osdh"]  # « (ONU) » after « morts »: no name before it
    assert clusters["osdh"].surfaces == Counter({SOHR: 1, "SOHR": 3}) and clusters["osdh"].best == SOHR


def test_the_glossed_acronym_names_the_long_form_in_other_articles(tmp_path):
    config = {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1}
    first = Article(source="a.txt", title="Syrie : l’armée autour d’Alep", sections=["Monde"],
                    lede=f"Dimanche, l’{SOHR} (SOHR) a déclaré que l’armée contrôlait les villages.",
                    blocks=[Block("p", "Selon le SOHR, les combats ont fait dix morts à Alep.")])
    second = Article(source="b.txt", title="Syrie : des frappes sur Idleb", sections=["Monde"],
                     lede="Le SOHR a compté vingt morts dans la province d’Idleb.", blocks=[])
    enrich_batch([first], config)
    enrich_batch([second], config)
    assert first.organizations == [SOHR] and second.organizations == [SOHR]
    save_registry(config)
    entity = Registry.load(tmp_path / "entities.json").resolve("SOHR")
    assert entity.name == SOHR and entity.variants == Counter({SOHR: 1, "SOHR": 3})


def test_one_article_spelling_does_not_rename_what_many_articles_know(tmp_path):
    registry = Registry()
    for n in range(7):
        registry.observe("Centre-Val de Loire", "LOC", Counter({"Centre-Val de Loire": 1}), f"{n}.txt")
    # One article, its own spelling used eight times: more uses, one article.
    entity = registry.observe("Centre-Val-de-Loire", "LOC", Counter({"Centre-Val-de-Loire": 8}), "new.txt")
    assert entity.name == "Centre-Val de Loire" and entity.former == []
    assert entity.articles == Counter({"Centre-Val de Loire": 7, "Centre-Val-de-Loire": 1})
    registry.save(tmp_path / "entities.json")
    loaded = Registry.load(tmp_path / "entities.json")
    assert loaded.entities[0].articles == entity.articles
    # Written by eight articles, the other spelling wins; as many articles as the name in place: it stays.
    for n in range(7):
        loaded.observe("Centre-Val-de-Loire", "LOC", Counter({"Centre-Val-de-Loire": 1}), f"n{n}.txt")
    assert loaded.entities[0].name == "Centre-Val-de-Loire"
    tie = Registry()
    tie.observe("Val-d'Oise", "LOC", Counter({"Val-d'Oise": 1}), "a.txt")
    tie.observe("Val d'Oise", "LOC", Counter({"Val d'Oise": 1}), "b.txt")
    assert tie.entities[0].name == "Val-d'Oise"
