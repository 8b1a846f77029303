"""Issue #15: the junk the demo's entity pages still listed, fixed by class, on the demo's own
sentences (tests/fixtures/orange/)."""

from __future__ import annotations

from kiosque_tags import institutions, mentions, spellings, things, variants
from kiosque_tags.lists import listed


def test_a_portfolio_keeps_its_adjective():
    # 154_…: « Palmerston, le chat du ministère des Affaires étrangères a quant à lui défrayé… »
    text = "Palmerston, le chat du ministère des Affaires étrangères a quant à lui défrayé la chronique"
    assert institutions.find(text) == [(23, 56, "ministère des Affaires étrangères", "ORG")]
    # no lowercase word that is no adjective of « Affaires »
    assert [m[2] for m in institutions.find("le ministère des Affaires et de la Culture")] == [
        "ministère des Affaires"]


def test_a_festive_market_is_no_one():
    # « l'auteur présumé de l'attentat contre le marché de Noël de Strasbourg »
    assert things.is_thing("Noël de Strasbourg")
    assert things.is_thing("marché de Noël de Strasbourg")
    assert not things.is_thing("Noël Mamère")  # a first name


def test_a_fixture_and_its_town_is_no_one():
    # 153_…: « France-Allemagne Séville 1982. Les images chocs ! »
    assert things.is_thing("France-Allemagne Séville")
    assert not things.is_thing("Bosnie-Herzégovine Sarajevo")  # one country
    assert not things.is_thing("France-Allemagne")  # the match alone: no town, left to the rest
    assert not things.is_thing("Paris Saint-Germain")


def test_a_heading_in_capitals_glues_no_word_to_an_acronym():
    # 095_…: the subheading « L'IGPN SAISIE » read « IGPN SAISIE », an organisation
    def words(text):
        return [[w.text for w in run] for run, _ in mentions.runs(text)]

    assert words("L'IGPN SAISIE") == [["IGPN"]]
    assert words("AIR FRANCE") == [["AIR", "FRANCE"]]  # a country; and « AIR », a word, opens it
    assert words("FAITS DIVERS") == [["FAITS", "DIVERS"]]  # a rubric: no acronym before
    assert words("AMG SPEEDSHIFT") == [["AMG", "SPEEDSHIFT"]]  # no French word
    # a heading's run, at 10,000 articles: its words are not cut out of it one by one
    assert words("EN DESACCORD MAIS APPARENTES LREM- Aina Kuric") == [
        ["EN", "DESACCORD", "MAIS", "APPARENTES", "LREM", "Aina", "Kuric"]]


def test_a_listed_show_without_its_article_and_a_listed_thing_where_it_is():
    # « ancien réalisateur du Grand Journal évincé de Canal+ »: the listed « Le Grand Journal »
    assert things.is_thing("Grand Journal")
    assert things.is_thing("Enfoirés")  # « Les Enfoirés »: the plural article too
    assert not things.is_thing("Les Républicains")
    # « en plus de l'EPR de Flamanville »: the listed reactor, at Flamanville
    assert things.is_thing("EPR de Flamanville")
    assert not things.is_thing("Centre de Flamanville")  # no listed thing


def test_a_letter_typed_late_in_a_listed_name():
    # 154_…: « Lundi, Bristih Airways "n'avait aucune info" »; the article also writes
    # « la compagnie aérienne britannique British Airways »
    assert variants.misspelt("Bristih Airways", "British Airways")
    assert variants.misspelt("Lutfhansa", "Lufthansa")
    assert not variants.misspelt("Bristih Bank", "British Bank")  # no listed name
    assert not variants.misspelt("Btirsih Airways", "British Airways")  # two letters moved
    assert not variants.misspelt("Bhritis Airways", "British Airways")  # one, five places


def test_the_newsrooms_lists():
    # « à Saint Barth » and « Nous étions à Saint-Barthélémy » (two articles): one island
    assert spellings.listed_together("Saint Barth", "Saint-Barthélémy")
    # « un rapport du Centre national du cinéma (CNC) »: the short name of the listed one
    assert spellings.listed_together("Centre national du cinéma", "Centre national du cinéma et de l'image animée")
    # « le plus grand du Commonwealth de par le monde »: an organisation, no place
    assert listed("Commonwealth") == "ORG"
    assert listed("British Airways") == "ORG"
