"""Entities a reader can trust: a name's type from evidence (kinds.py), common words and demonyms
(lexicon.py), one entity per spelling family (variants.py, registry.py), the two levels (every
entity named in the facets, the salient ones in the tags) and holes after a lone first name."""

from __future__ import annotations

from collections import Counter

from kiosque_import.article import GAP, Article, Block
from kiosque_tags import holes, kinds, lexicon, variants
from kiosque_tags.enrich import enrich_batch
from kiosque_tags.registry import Registry


def test_the_words_before_a_name_say_what_it_is():
    cases = {
        "selon ": kinds.SOURCE, "d’après ": kinds.SOURCE, "le président ": "PER",
        "le président américain ": "PER", "dans l’émission ": kinds.MISC, "l'affaire ": kinds.MISC,
        "à ": kinds.AT, "la ville de ": "LOC", "le maire de ": "LOC", "sa ": kinds.MISC,
        "le président de la ": kinds.THE, "la chanson de ": "", "Emmanuel Macron, ": "", "un sondage ": "ORG",
    }
    assert {before: kinds.cue(before + "X", len(before)) for before in cases} == cases
    assert kinds.quoted("la star de « DALS » a dit", 13, 17) and not kinds.quoted("la star de DALS a dit", 11, 15)


def test_a_type_comes_from_the_evidence_not_from_one_label():
    nothing = Counter()
    assert kinds.decide("France Bleu Touraine", Counter(PER=1), nothing, nothing, True) == "ORG"  # listed
    assert kinds.decide("Hérault", Counter(PER=1), nothing, nothing, True) == "LOC"  # a département
    assert kinds.decide("Niortais", Counter(LOC=2), nothing, nothing, True) == ""  # demonym
    assert kinds.decide("Café", Counter(LOC=1), nothing, nothing, False) == ""  # a word opening a sentence
    assert kinds.decide("Café", Counter(LOC=1), nothing, nothing, True) == ""  # and with nothing more
    assert kinds.decide("The Voice", Counter(PER=1), Counter({kinds.MISC: 1}), nothing, True) == "MISC"
    assert kinds.decide("Affaire Benalla", Counter(PER=1), nothing, nothing, True) == "MISC"
    assert kinds.decide("Alain Juppé", Counter(LOC=1), nothing, nothing, True) == "PER"  # a person's shape
    assert kinds.decide("Midi Libre", Counter(LOC=1), Counter({kinds.SOURCE: 1}), nothing, True) == "ORG"
    assert kinds.decide("Wauquiez", Counter(LOC=1), nothing, Counter(PER=5), True) == "PER"  # the archive's votes
    assert kinds.decide("France", Counter(LOC=1), Counter(ORG=1), nothing, True) == ""  # « l'équipe de France »
    assert kinds.split_span("TF1 Christophe Beaugrand", "ORG") == [("TF1", "ORG"), ("Christophe Beaugrand", "PER")]
    assert kinds.split_span("Orange France", "ORG") == [("Orange France", "ORG")]
    assert kinds.without_title("général de Gaulle") == "de Gaulle"


def test_common_words_and_demonyms_from_the_model_tables():
    assert [w for w in ["Café", "Mutuelles", "Complément", "Macron", "Brexit", "Wauquiez"] if lexicon.is_common(w)] \
        == ["Café", "Mutuelles", "Complément"]
    assert [w for w in ["Niortais", "Péruviennes", "Australien", "Cannois", "Orange", "Plan", "Lyon"]
            if lexicon.is_demonym(w)] == ["Niortais", "Péruviennes", "Australien", "Cannois"]


def test_spellings_of_one_entity():
    assert variants.misspelt("Laeticia Hallyday", "Laetitia Hallyday")
    assert variants.misspelt("Sainte-Foy-Tarentaise", "Saint-Foy-Tarentaise")
    assert variants.misspelt("Vincent Lagaf", "Vincent Lagaffe")
    assert not variants.misspelt("Emmanuel Macron", "Brigitte Macron")
    assert not variants.misspelt("Paris", "Pâris")  # the same spelling, folded
    assert variants.stands_for("FN", "Front national") and variants.stands_for("ONU", "Organisation des Nations unies")
    assert not variants.stands_for("PS", "Front national")
    assert variants.without_article("le monde") == "monde"


def test_the_registry_keeps_one_entity_per_spelling_family():
    registry = Registry()
    laetitia = registry.observe("Laetitia Hallyday", "PER", Counter({"Laetitia Hallyday": 3}), "a.txt")
    assert registry.observe("Laeticia Hallyday", "PER", Counter({"Laeticia Hallyday": 1}), "b.txt") is laetitia
    assert laetitia.name == "Laetitia Hallyday" and laetitia.votes == Counter(PER=2)
    monde = registry.observe("Le Monde", "ORG", Counter({"Le Monde": 1}), "a.txt")
    assert registry.known("monde") is monde  # without its article
    fn = registry.observe("FN", "ORG", Counter({"FN": 2}), "a.txt")
    front = registry.observe("Front national", "ORG", Counter({"Front national": 1, "FN": 1}), "c.txt")
    assert front is not fn and front.name == "Front national" and registry.known("fn") is front
    assert "FN" in front.former and fn not in registry.entities  # the old page redirects
    # One article's mistake does not retype what the archive knows.
    for source in "def":
        registry.observe("Wauquiez", "PER", Counter({"Wauquiez": 1}), f"{source}.txt")
    assert registry.observe("Wauquiez", "LOC", Counter({"Wauquiez": 1}), "g.txt").type == "PER"


def _article(source: str, title: str, *paragraphs: str) -> Article:
    return Article(source=source, title=title, sections=["Monde"], lede=paragraphs[0],
                   blocks=[Block("p", text) for text in paragraphs[1:]])


def test_every_entity_named_is_a_facet_and_the_salient_ones_are_tags(tmp_path):
    article = _article(
        "a.txt", "Bordeaux : Alain Juppé reçoit Angela Merkel",
        "Le maire de Bordeaux, Alain Juppé, a reçu la chancelière Angela Merkel à la mairie de Bordeaux.",
        "Selon Le Parisien, la rencontre a été préparée par Virginie Calmels. Les Bordelais ont applaudi.",
        "Angela Merkel repart ensuite pour Berlin, a précisé Steffen Seibert, son porte-parole.",
    )
    enrich_batch([article], {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1})
    assert article.people == ["Alain Juppé", "Angela Merkel", "Virginie Calmels", "Steffen Seibert"]
    assert article.places == ["Bordeaux", "Berlin"]
    assert article.organizations == ["mairie de Bordeaux", "Le Parisien"]
    assert article.tags[0] == "Monde" and set(article.tags[1:4]) == {"Alain Juppé", "Angela Merkel", "Bordeaux"}
    assert "Bordelais" not in article.tags + article.places


def test_a_first_name_left_alone_after_a_title_is_repaired_only_from_the_article(tmp_path):
    certain = _article(
        "b.txt", "Syrie : le général Soleimani tué",
        "Le général Qassem , tué jeudi, commandait la force Al-Qods.",
        "Soleimani était l'un des hommes les plus puissants d'Iran.",
    )
    unknown = _article("c.txt", "Un général tué", "Le général Qassem , tué jeudi, commandait une brigade.",
                       "Le président Emmanuel et le chancelier ont réagi.")
    enrich_batch([certain, unknown], {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1})
    assert certain.lede == "Le général Qassem Soleimani, tué jeudi, commandait la force Al-Qods."
    assert certain.repairs == ["Qassem […] → Qassem Soleimani"] and certain.gaps == 0
    assert unknown.lede == "Le général Qassem , tué jeudi, commandait une brigade." and GAP not in unknown.lede
    assert (unknown.gaps, unknown.repairs) == (0, [])
    found = holes.find("Le président Emmanuel et le chancelier ont réagi.")
    assert [(h.first_names, h.only_if_repaired) for h in found] == [(["Emmanuel"], True)]
    assert [h.first_names for h in holes.find("Le ministre Bruno . Puis")] == [["Bruno"]]
