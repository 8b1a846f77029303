"""Precision rules of the entity types (issue #15): names of things that are no entity (things.py),
spans the model runs together or over-reaches (kinds.split_span), institutions and sites
(institutions.py), the evidence a person's name gives (kinds.decide), a row of share buttons
(kiosque_import.chrome)."""

from __future__ import annotations

import re
from collections import Counter

from kiosque_import.chrome import is_marker, marker_pattern
from kiosque_import.structure import Splitter
from kiosque_tags import institutions, kinds, lexicon, places, things, variants
from kiosque_tags.analysis import Cluster
from kiosque_tags.merging import merge_people
from kiosque_tags.registry import Entity, Registry

NOTHING = Counter()


def _decide(name, labels=None, cues=None, archive=None, proper=True):
    return kinds.decide(name, Counter(labels or {}), Counter(cues or {}), Counter(archive or {}), proper)


def test_events_awards_feasts_and_norms_are_no_entity():
    names = ["Légion d'honneur", "Miss France", "Grammy Awards", "Teddy Award", "Salon de Genève",
             "JT de France 2", "Thanksgiving", "Aïd", "Smic", "TVA", "Brexit", "Noël", "WLTP", "Ehpad"]
    assert {name: _decide(name, {"LOC": 2}) for name in names} == dict.fromkeys(names, kinds.MISC)
    # Names that merely contain such words keep their type.
    assert _decide("Salon-de-Provence", {"LOC": 1}) == "LOC"
    assert _decide("Journal du dimanche", {"ORG": 1}) == "ORG"
    assert _decide("France", {"LOC": 1}) == "LOC"


def test_model_codes_and_role_phrases_are_no_entity():
    assert things.is_code("L-410") and things.is_code("A320") and not things.is_code("Covid") \
        and not things.is_code("Saint-Siméon")
    assert _decide("L-410", {"LOC": 1}) == ""
    assert _decide("TF1", {"LOC": 1}) == "ORG"  # a listed channel, for all its digit
    assert _decide("Porte-parole du gouvernement", {"ORG": 1}) == ""
    assert _decide("Ancienne ministre du Travail", {"ORG": 1}) == ""
    assert _decide("Président Wilson", {"LOC": 1}) == "LOC"  # a capitalised name after the title


def test_a_show_named_after_its_channel_is_no_organisation():
    assert _decide("RFM Party 80", {}, {kinds.MISC: 1}) == kinds.MISC  # « le show "RFM Party 80" »
    assert _decide("RTL Soir", {"ORG": 1}, {kinds.MISC: 1}) == kinds.MISC
    assert _decide("France Bleu Touraine", {"ORG": 1}) == "ORG"
    assert _decide("RTL", {"ORG": 1}, {kinds.MISC: 1}) == "ORG"  # the channel itself


def test_a_person_the_model_saw_keeps_her_type():
    assert _decide("Flavie Flament", {"ORG": 20, "PER": 5}) == "PER"
    assert _decide("Babette de Rozières", {"PER": 1, "LOC": 4}) == "PER"
    assert _decide("Fauve Hautot", {kinds.MISC: 6, "PER": 3}, {kinds.AT: 1}) == "PER"  # « Fauve » is a word
    assert _decide("Alain Juppé", {"PER": 1}, {"LOC": 2, kinds.AT: 2}) == "LOC"  # the cues still count


def test_the_words_before_a_name():
    assert kinds.cue("dans un hôpital de Nelkan", 19) == "LOC"
    assert kinds.cue("le stade de France", 12) == kinds.MISC
    assert kinds.cue("le 20h de France", 10) == kinds.MISC
    assert _decide("France", {"LOC": 1}, {kinds.MISC: 1}) == ""  # named only in « le stade de France »
    text = 'ses tubes "La Bohème", "Emmenez-moi"'
    assert kinds.quoted(text, text.index("Bohème"), text.index("Bohème") + 6)


def test_spans_the_model_runs_together_or_over_reaches():
    assert kinds.split_span("AFP K L Gurjar", "ORG") == [("AFP", "ORG"), ("K L Gurjar", "PER")]
    assert kinds.split_span("Médiamétrie pour la Fevad", "ORG") == [("Médiamétrie", "ORG"), ("Fevad", "ORG")]
    assert kinds.split_span("États du Maharashtra", "LOC") == [("Maharashtra", "LOC")]
    assert kinds.split_span("Camorra napolitaine", "ORG") == [("Camorra", "ORG")]
    assert kinds.split_span("Église catholique", "ORG") == [("Église catholique", "ORG")]  # listed
    assert kinds.split_span("Kurdistan syrien", "LOC") == [("Kurdistan syrien", "LOC")]


def test_institutions_and_sites():
    assert institutions.find("transportée dans un hôpital de Nelkan, elle") == []
    assert institutions.find("à l'hôpital de Besançon") == [(4, 23, "hôpital de Besançon", "ORG")]
    assert institutions.find("à la ferme Saint-Siméon et au marché Forville") == [
        (5, 23, "ferme Saint-Siméon", "LOC"), (30, 45, "marché Forville", "LOC")]


def test_a_row_of_share_buttons_is_chrome():
    markers = marker_pattern()
    assert is_marker("Partager sur Facebook Partager sur Twitter Partager par e-mail", markers)
    assert is_marker("Facebook | Twitter | LinkedIn | Imprimer | Envoyer par e-mail | Commentaires", markers)
    assert not is_marker("Facebook retire des publicités de la campagne Trump après des plaintes répétées", markers)


def test_ordinals_institution_names_and_websites():
    assert _decide("XXIe", {"ORG": 1}) == "" and _decide("6e circonscription du Rhône", {"LOC": 2}) == ""
    assert _decide("20e arrondissement", {"LOC": 1}) == "LOC"
    assert _decide("Chambre d'agriculture de l'Ariège", {"LOC": 2}) == "ORG"
    assert _decide("Cour suprême", {"LOC": 1}) == "ORG"
    assert institutions.find("le site de la mairie Paris.fr") == []


def test_the_archive_calls_it_a_show():
    # (« Pékin Express » is a listed show now, a thing whatever is said: a show no list has)
    assert _decide("Popstars Live", {"ORG": 2}, {}, {kinds.MISC: 3, "ORG": 1}) == kinds.MISC
    assert _decide("Popstars Live", {"ORG": 2}, {"ORG": 1}, {kinds.MISC: 3, "ORG": 1}) == "ORG"  # a cue here
    assert _decide("Pékin Express", {"ORG": 2}, {"ORG": 1}, {kinds.MISC: 3, "ORG": 1}) == kinds.MISC


def test_a_spelling_two_families_share_joins_neither():
    registry = Registry()
    socialists = registry.observe("Parti socialiste", "ORG", Counter({"Parti socialiste": 2, "PS": 3}), "a.txt")
    channel = registry.observe("Public Sénat", "ORG", Counter({"Public Sénat": 1, "PS": 1}), "b.txt")
    assert channel is not socialists and {e.name for e in registry.entities} == {"Parti socialiste", "Public Sénat"}
    boris = registry.observe("Boris Johnson", "PER", Counter({"Boris Johnson": 2, "Johnson": 4}), "c.txt")
    woody = registry.observe("Woody Johnson", "PER", Counter({"Woody Johnson": 1, "Johnson": 1}), "d.txt")
    assert woody is not boris and boris.name == "Boris Johnson" and woody.name == "Woody Johnson"
    front = registry.observe("Front national", "ORG", Counter({"Front national": 1, "FN": 1}), "e.txt")
    assert registry.observe("FN", "ORG", Counter({"FN": 2}), "f.txt") is front  # the long form's acronym


def test_misspellings_and_places_the_lists_tell_apart():
    assert variants.misspelt("Vincent Cerruti", "Vincent Cerutti") and variants.misspelt("Burggraf", "Burgraff")
    assert not variants.misspelt("Corse-du-Sud", "Corée du Sud")
    registry = Registry()
    korea = registry.observe("Corée du Sud", "LOC", Counter({"Corée du Sud": 1}), "a.txt")
    assert registry.observe("Corse-du-Sud", "LOC", Counter({"Corse-du-Sud": 1}), "b.txt") is not korea


def test_a_country_is_named_without_the_article_a_sentence_gave_it():
    registry = Registry()
    assert registry.observe("Le Royaume-Uni", "LOC", Counter({"Le Royaume-Uni": 2}), "a.txt").name == "Royaume-Uni"
    assert registry.observe("Le Havre", "LOC", Counter({"Le Havre": 2}), "a.txt").name == "Le Havre"


def test_a_brand_is_not_the_person_of_its_family():
    ferrari = Cluster(surfaces=Counter({"Ferrari": 4}), labels=Counter(ORG=4), kind="ORG")
    ferrari.entity = Entity("Ferrari", "ORG")
    paola = Cluster(surfaces=Counter({"Paola Ferrari": 1}), labels=Counter(PER=1), kind="PER")
    clusters = {"ferrari": ferrari, "paola ferrari": paola}
    merge_people(clusters)
    assert set(clusters) == {"ferrari", "paola ferrari"}
    fogiel = Cluster(surfaces=Counter({"Fogiel": 2}), labels=Counter(ORG=2), kind="ORG")
    full = Cluster(surfaces=Counter({"Marc-Olivier Fogiel": 3}), labels=Counter(PER=3), kind="PER")
    clusters = {"fogiel": fogiel, "marc-olivier fogiel": full}
    merge_people(clusters)  # the model's label alone does not make a surname a company
    assert set(clusters) == {"marc-olivier fogiel"} and full.surfaces["Fogiel"] == 2


def test_the_article_before_a_name_and_short_quoted_titles():
    assert kinds.cue("des membres de la Ndrangheta", 18) == kinds.THE
    assert _decide("Ndrangheta", {"PER": 1}, {kinds.THE: 1}) == ""  # no person, and nothing else to go on
    text = 'ses succès : "La valise RTL", "La chauve-souris"'
    start = text.index("RTL")
    assert kinds.title_cue(text, start, start + 3) == kinds.IN_TITLE  # titles listed one after the other
    text = 'il chante "La valise RTL" sur scène'
    start = text.index("RTL")
    assert kinds.title_cue(text, start, start + 3) == kinds.QUOTED
    assert kinds.title_cue('"Bonjour", a dit Emmanuel Macron à "Libé"', 15, 31) == ""  # between two quotations
    assert _decide("RTL", {"ORG": 1}, {kinds.QUOTED: 1}) == kinds.MISC  # named only inside a title
    assert _decide("RTL", {"ORG": 3}, {kinds.QUOTED: 1, kinds.SOURCE: 1}) == "ORG"
    assert _decide("David Hallyday", {"PER": 11}, {kinds.MISC: 1, kinds.HEADED: 1}) == "PER"


def test_a_place_an_acronyms_name_and_a_common_noun_with_its_adjective():
    assert _decide("Clarence House", {"PER": 1}, {kinds.AT: 1}) == "LOC"
    assert _decide("ESJ Paris", {"LOC": 1}) == "ORG"
    assert _decide("Occupation nazie", {"LOC": 1}) == ""
    assert _decide("Océan indien", {"LOC": 1}) == "LOC"
    assert _decide("Prontopro", {kinds.MISC: 15, "LOC": 5, "PER": 5}, {"ORG": 1}) == "ORG"  # the model's say is capped


def test_towns_from_the_gazetteer():
    assert [n for n in ["Stuttgart", "Maranello", "Woking", "Londres", "Florence", "Orange", "Mila", "Macron"]
            if places.is_town(n)] == ["Stuttgart", "Maranello", "Woking", "Londres"]
    assert _decide("Stuttgart", {"ORG": 3}, {}, {"ORG": 40}) == "LOC"  # car pages' votes aside
    assert _decide("Stuttgart", {"ORG": 3}, {"ORG": 2}, {"ORG": 40}) == "ORG"  # « le constructeur Stuttgart »


def test_a_maker_inside_a_department_or_a_title():
    assert kinds.split_span("Vice Président Style Porsche", "ORG") == [("Porsche", "ORG")]
    assert kinds.split_span("Fascino Ferrari", "ORG") == [("Ferrari", "ORG")]
    assert kinds.split_span("Ferdinand Porsche", "PER") == [("Ferdinand Porsche", "PER")]
    assert kinds.split_span("Radio France", "ORG") == [("Radio France", "ORG")]


def test_verbs_directions_and_sentence_words_around_a_span():
    assert [w for w in ["Rappelons", "Partager", "Notez", "Lyon", "Gonzalez", "Nations"] if lexicon.is_verb(w)] \
        == ["Rappelons", "Partager", "Notez"]
    assert _decide("Rappelons", {"ORG": 3}, {}, {"ORG": 10}) == ""
    assert _decide("Sud", {"LOC": 3}, {kinds.AT: 1}) == kinds.MISC and _decide("République", {"LOC": 2}) == kinds.MISC
    assert kinds.split_span("Jean Marie Bigard", "PER") == [("Jean Marie Bigard", "PER")]
    assert kinds.split_span("Edouard Philippe Conseil Ministres", "PER") == [("Edouard Philippe", "PER")]
    assert kinds.split_span("Gabriel García Márquez", "PER") == [("Gabriel García Márquez", "PER")]
    assert kinds.split_span("À en croire le Lancet", "ORG") == [("Lancet", "ORG")]
    assert kinds.split_span("archipel du Svalbard", "LOC") == [("Svalbard", "LOC")]
    assert kinds.split_span("Le Monde", "ORG") == [("Le Monde", "ORG")]


def test_a_listed_acronym_stands_for_its_own_long_form_only():
    assert variants.stands_for("PS", "Parti socialiste") and not variants.stands_for("PS", "Public Sénat")
    assert not variants.stands_for("ONU", "Office des Nations Unies")
    assert variants.stands_for("LWO", "Locust Warning Organisation")  # not listed: the initials say it


def test_a_first_name_given_must_be_the_persons():
    registry = Registry()
    registry.observe("Barack Obama", "PER", Counter({"Barack Obama": 3, "Obama": 5}), "a.txt")
    assert registry.resolve("Malia Obama", "PER") is None
    assert registry.resolve("Obama", "PER").name == "Barack Obama"


def test_what_de_says_after_a_noun():
    assert kinds.cue("le stade de Juillan", 12) == "LOC" and kinds.cue("le stade de France", 12) == kinds.MISC
    assert kinds.cue("le club de Lyon", 12) == ""  # where it is, or whose
    assert kinds.cue("le constructeur de Stuttgart", 18) == "LOC"  # a carmaker is named by its town
    assert kinds.cue("atteint du syndrome de Little", 23) == kinds.MISC
    assert _decide("La République", {"LOC": 3}) == kinds.MISC


def test_a_town_named_without_its_article_gets_it_back():
    registry = Registry()
    assert registry.observe("Havre", "LOC", Counter({"Havre": 3}), "a.txt").name == "Le Havre"
    assert registry.observe("Stuttgart", "LOC", Counter({"Stuttgart": 3}), "a.txt").name == "Stuttgart"


def test_a_common_word_needs_the_words_of_this_article():
    assert _decide("Alliance", {"ORG": 3}, {}, {"ORG": 9}) == ""
    assert _decide("Alliance", {"ORG": 3}, {"ORG": 1}, {"ORG": 9}) == "ORG"  # « le syndicat Alliance »
    assert _decide("Ségur", {"PER": 3}) == kinds.MISC


def test_a_name_with_a_verb_or_a_negation_is_a_title():
    assert _decide("Touche pas à mon poste", {"ORG": 2}) == kinds.MISC
    assert _decide("L'amour est dans le pré", {"LOC": 1}) == kinds.MISC
    assert _decide("Médecins sans frontières", {"ORG": 1}) == "ORG"


def test_a_canonical_name_is_spelled_as_the_list_spells_it():
    registry = Registry()
    alfa = registry.observe("Alfa Roméo", "ORG", Counter({"Alfa Roméo": 3, "Alfa Romeo": 2}), "a.txt")
    assert alfa.name == "Alfa Romeo"
    jdd = registry.observe("le Journal du Dimanche", "ORG", Counter({"le Journal du Dimanche": 3,
                                                                    "Le Journal du Dimanche": 1}), "a.txt")
    assert jdd.name == "Le Journal du Dimanche"


def test_a_house_or_a_brand_names_an_organisation():
    text = "organisée par la maison Bonhams"
    assert kinds.cue(text, text.index("Bonhams")) == "ORG"
    assert kinds.cue("la marque Porsche", 10) == "ORG"


def test_the_headlines_a_read_also_links_are_chrome():
    splitter = Splitter(marker_pattern(), re.compile(r"^$"), {})
    blocks = splitter.body_blocks([
        "L'Inde n'avait pas connu de peste acridienne de cette ampleur depuis 1993, selon les autorités.",
        "À LIRE AUSSI",
        "Criquets pèlerins : comment l'Afrique de l'Est tente d'endiguer les essaims",
        "« Cette année, les criquets se reproduisent 400 fois plus que d'habitude », a expliqué un analyste.",
    ])
    assert [b.text[:16] for b in blocks] == ["L'Inde n'avait p", "« Cette année, l"]


def test_a_model_named_with_a_letter_is_no_entity():
    assert _decide("Islero S", {"PER": 2}) == "" and _decide("Pirelli P Zero Trofeo R", {"PER": 1}) == ""
    assert _decide("Christian B", {"PER": 2}) == "PER"  # a person whose surname the press cuts


def test_a_makers_model_is_no_organisation():
    assert _decide("Porsche 911 Turbo", {"ORG": 2}) == kinds.MISC
    assert _decide("Aston Martin V12 Speedster", {"ORG": 2}) == kinds.MISC
    assert _decide("France 3 Paris", {"ORG": 2}) == "ORG" and _decide("NRJ 12", {"ORG": 1}) == "ORG"


def test_accents_capitals_drop_and_towns_that_are_words():
    assert lexicon.is_common("Etats") and lexicon.is_common("Ecole") and not lexicon.is_word("Rome")
    assert _decide("Etats américains", {"LOC": 1}) == "" and _decide("Dalle sacrée", {"LOC": 2}) == ""
    assert _decide("Rome", {"LOC": 1}) == "LOC"  # a capital, whatever word « Rome » looks like
    assert _decide("Sumo", {"ORG": 1}) == ""


def test_two_places_joined_are_a_route_or_a_match():
    assert _decide("Rome-Nantes", {"LOC": 1}) == kinds.MISC and _decide("France-Allemagne", {"LOC": 1}) == kinds.MISC
    assert _decide("Boulogne-Billancourt", {"LOC": 1}) == "LOC" and _decide("Bosnie-Herzégovine", {"LOC": 1}) == "LOC"


def test_only_a_french_town_gets_its_article_back():
    registry = Registry()
    assert registry.observe("Canada", "LOC", Counter({"Canada": 3}), "a.txt").name == "Canada"
    assert registry.observe("Californie", "LOC", Counter({"Californie": 3}), "a.txt").name == "Californie"
    assert registry.observe("Mans", "LOC", Counter({"Mans": 3}), "a.txt").name == "Le Mans"


def test_a_makers_model_named_without_a_number():
    assert _decide("Bugatti Chiron", {"ORG": 2}) == kinds.MISC and _decide("Porsche Taycan", {"ORG": 2}) == kinds.MISC
    assert _decide("McLaren Automotive", {"ORG": 2}) == "ORG" and _decide("Ferrari France", {"ORG": 2}) == "ORG"


def test_a_hyphenated_name_is_no_capitalised_word():
    assert _decide("Maison-Blanche", {"LOC": 1}, {kinds.THE: 1}) == "LOC"


def test_a_possessive_alone_is_no_name():
    from kiosque_tags import names

    # « "Notre communauté souffre déjà assez" »: capitalised by the quote, was a place in 107 posts
    # of the 10,000-article review.
    assert not names.is_plausible("Notre", "LOC") and not names.is_plausible("NOTRE", "LOC")
    assert not names.is_plausible("Vos", "ORG")
    assert names.is_plausible("Notre-Dame", "LOC") and names.is_plausible("Notre Dame de Paris", "LOC")
