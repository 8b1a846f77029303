"""Recall of people, places and organisations, and key tags: names the words around them announce
(phrasing.py), names no filter should drop (an elision is no quote, a portfolio word may open a
name, the byline's agency named in the text), and the ranking of the salient names."""

from __future__ import annotations

from kiosque_import.article import Article
from kiosque_tags import kinds, names, phrasing
from kiosque_tags.enrich import enrich_batch
from test_tags_entities import _article


def test_names_announced_by_the_words_before_them():
    def found(text):
        return [(phrase, kind) for _start, _end, phrase, kind in phrasing.find(text)]

    assert found("rapporte le quotidien italien Il Corriere della Serra.") == [("Il Corriere della Serra", "ORG")]
    assert found("cite le quotidien néerlandais De Telegraaf. Elle") == [("De Telegraaf", "ORG")]
    assert found("sur la chaîne France 2 hier") == [("France 2", "ORG")]
    assert found("le journal où Macron a parlé") == []  # « où » is no adjective of a newspaper
    assert found("son ONG \"Désir d'avenir pour la planète\" pour") == [("Désir d'avenir pour la planète", "ORG")]
    assert found("le comité « Aznavour pour l'Arménie », afin") == [("Aznavour pour l'Arménie", "ORG")]
    assert found("Après Derniers Jours (Stock, 2003) et \"Naissance\" (Grasset) puis") == [
        ("Stock", "ORG"), ("Grasset", "ORG")]
    assert found("à la place de Paul, dans le 20e arrondissement.") == [("20e arrondissement", "LOC")]
    assert found("dans l'émission « Touche pas à mon poste » hier") == [("Touche pas à mon poste", "MISC")]
    # An institution's capitalised noun, its adjectives and what « de » governs, up to a place.
    assert found("une responsable de l'Institut norvégien de santé publique, Line Vold") == [
        ("Institut norvégien de santé publique", "ORG")]
    assert found("selon la Chambre d'agriculture de l'Ariège qui") == [("Chambre d'agriculture de l'Ariège", "ORG")]
    assert found("hier l'Agence régionale de santé a annoncé") == [("Agence régionale de santé", "ORG")]
    assert found("les élus au Conseil de Paris déplorent") == [("Conseil de Paris", "ORG")]
    assert found("devant le Conseil mardi, la Commission veut") == []
    assert found("a demandé au Conseil de discipline de prononcer la sanction") == [("Conseil de discipline", "ORG")]
    assert found("un rapport de l'Organisation des Nations unies publié") == [("Organisation des Nations unies", "ORG")]
    assert found("sur le site Internet de la ville") == []
    assert found("Basic Instinct (Paul Verhoeven, 1990) et sa chaîne Jérémy Frérot") == []  # a director, a person


def test_a_show_quoted_twice_or_after_a_preposition_in_the_title_is_a_subject():
    title = "Les adieux de Yann Moix à \"On n'est pas couché\""
    body = ["\"Merci à vous Laurent\", a-t-il dit. \"Merci à vous Laurent\".", "Il a lancé \"Pourquoi pas\"."]
    assert phrasing.quoted_subjects(title, body) == ["On n'est pas couché"]
    assert phrasing.quoted_subjects("\"Pas là pour ça\" : un député se lâche", ["\"Les Idéaux\" et \"Les Idéaux\""]) \
        == ["Les Idéaux"]


def test_an_elision_is_no_opening_quote_and_a_portfolio_may_open_a_name():
    text = "un film à la gloire d'Anne Hidalgo\"."
    assert not kinds.quoted(text, text.index("Anne"), text.index("Hidalgo") + 7)
    assert kinds.quoted("« Le Bal des actrices » sort", 2, 21)
    assert names.is_plausible("Santé Publique France", "ORG") and names.is_plausible("État islamique", "ORG")
    assert not names.is_plausible("Santé", "ORG") and not names.is_plausible("État du Rajasthan", "LOC")
    assert not names.is_plausible("État français", "LOC") and not names.is_plausible("Justice Christiane Taubira")


def _tagged(tmp_path, title: str, author: str, *paragraphs: str) -> Article:
    """An article by ``author`` in the section « Monde », tagged with a fresh registry."""
    article = _article("r.txt", title, *paragraphs)
    article.authors = [author]
    enrich_batch([article], {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1})
    return article


def test_the_byline_agency_named_in_the_text_is_an_organisation_never_a_tag(tmp_path):
    article = _tagged(
        tmp_path, "Grenoble : la ville limite la vitesse", "AFP",
        "La ville de Grenoble limite la vitesse à 30 km/h, a annoncé son maire Éric Piolle.",
        "Selon l'organisme Santé publique France, la pollution tue. Éric Piolle l'a rappelé à l'AFP.",
        "Jean Dupont, qui le soutient, était au square Montholon.",
    )
    assert article.organizations == ["Santé publique France", "AFP"]
    assert article.places == ["Grenoble", "square Montholon"]
    assert article.people == ["Éric Piolle", "Jean Dupont"]
    # Named once each in the body: the person comes before the others, the agency is never a tag.
    assert article.tags == ["Monde", "Grenoble", "Éric Piolle", "Jean Dupont", "Santé publique France",
                            "square Montholon"]


def test_what_of_a_model_span_is_a_name():
    from kiosque_tags import modelspans as spans

    ents = [("Médiamétrie pour la Fevad", "ORG", 0), ("Quotidien sur TMC", "MISC", 40),
            ("Aznavour pour l'Arménie", "ORG", 80), ("mémorial du Mont-Valérien", "LOC", 120),
            ("Lord Ivar Mountbatten", "PER", 160), ("ministre des Affaires étrangères", "ORG", 200)]
    assert sorted(spans.model_names(ents, frozenset(), " " * 240)) == [
        "aznavour pour l'armenie", "fevad", "ivar mountbatten", "mediametrie", "mont valerien", "quotidien", "tmc"]
    assert spans.phrases([("Val d'Aran", "LOC", 0), ("Afrique de l'Est", "LOC", 20)], frozenset()) == {
        "Val d'Aran": ("val d'aran", "LOC"), "Afrique de l'Est": ("afrique de l'est", "LOC")}


def test_institutions_with_a_capital_places_after_en_and_shops():
    from kiosque_tags import paragraph
    from kiosque_tags.mentions import Mention

    text = "La seconde audience est prévue au Tribunal de Nanterre, puis au Tribunal de Grande Instance de Toulouse."
    assert [mention.text for mention, _hit, _said in paragraph.names(text, lambda *_: None, {}, {})] == [
        "Tribunal de Nanterre", "Tribunal de Grande Instance de Toulouse"]
    assert kinds.cue("Il vit en Grande-Bretagne", 10) == kinds.AT
    assert kinds.cue("un magasin Carrefour", 11) == "ORG"
    text = "des villes comme Lisbonne ou Londres, puis Paris. Alger, Belgrade et Liège aussi."
    found = [Mention(n, n.lower(), text.index(n), False) for n in ("Lisbonne", "Londres", "Paris", "Alger",
                                                                    "Belgrade", "Liège")]
    assert paragraph.enumerated(text, found) == {0: {1}, 1: {0}, 3: {4}, 4: {3, 5}, 5: {4}}


def test_a_place_named_inside_longer_names_and_not_only_in_a_list_ranks_first(tmp_path):
    article = _tagged(
        tmp_path, "Jura : une fillette retrouvée morte", "AFP",
        "Une fillette a été retrouvée morte à Dampierre, dans le Jura.",
        "Elle a été transportée à l'hôpital de Besançon. Le parquet de Besançon a ouvert une enquête.",
        "Les gendarmes sont venus de Lons-le-Saunier, de Pontarlier et de Morez.",
        "Le maire de Dampierre, Jean Martin, s'est dit choqué. Le village est proche de Besançon.",
    )
    # Besançon, named alone once, is named in two institutions too; the towns the gendarmes came from
    # are only items of a list: they come last (the first of them fills the seventh place).
    assert article.places == ["Jura", "Dampierre", "Lons-le-Saunier", "Pontarlier", "Morez", "Besançon"]
    assert article.tags == ["Monde", "Jura", "Dampierre", "Besançon", "hôpital de Besançon", "parquet de Besançon",
                            "Jean Martin", "Lons-le-Saunier"]


def test_a_person_named_once_by_surname_alone_fills_no_tag():
    from collections import Counter

    from kiosque_tags.analysis import Cluster
    from kiosque_tags.ranking import choose
    from kiosque_tags.settings import Config

    def cluster(name, kind, first, uses=1):
        return Cluster(surfaces=Counter({name: uses}), zones={"body"}, first=first, kind=kind)

    names = [cluster("Roche-la-Molière", "LOC", 0, 2), cluster("Éric Berlivet", "PER", 1),
             cluster("Macron", "PER", 2), cluster("Loire", "LOC", 3)]
    article = Article(source="x.txt", title="t", sections=["France"])
    chosen = choose(article, names, Config.from_settings({}))
    assert [c.best for c in chosen] == ["Roche-la-Molière", "Éric Berlivet", "Loire"]
