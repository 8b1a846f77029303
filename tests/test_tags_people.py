"""People on text nobody tuned on (issue #15, fifth pass): the words a person's span runs over,
found by reading random (article, person) pairs of the 10,000-article sample; each rule with
exact values on the sample's real sentences."""

from __future__ import annotations

from kiosque_tags import mentions, spans
from test_tags_organisations import _tagged


def test_a_sentence_glued_to_a_name_is_no_part_of_it():
    # The scraper lost the space between a caption and the next sentence.
    assert spans.split_span("Carole BouquetProducteur", "PER") == [("Carole Bouquet", "PER")]
    assert not spans.person_shaped("Carole BouquetProducteur")
    assert spans.person_shaped("Carole Bouquet")
    # Names with a capital inside stay whole: the glued word must be a word of the language.
    for name in ("Steve McQueen", "Leonardo DiCaprio", "LeBron James", "Douglas MacArthur", "Ava DuVernay"):
        assert spans.split_span(name, "PER") == [(name, "PER")]
    assert spans.person_shaped("Steve McQueen") and spans.person_shaped("Douglas MacArthur")
    # Only a person's span is cut: « PlayStation » is a name.
    assert spans.split_span("PlayStation", "ORG") == [("PlayStation", "ORG")]


def test_an_editors_note_and_a_title_inside_a_persons_span():
    assert spans.split_span("Johnny NDLR", "PER") == [("Johnny", "PER")]
    assert spans.split_span("Paris Me Olivier Cousi", "PER") == [("Olivier Cousi", "PER")]
    assert not spans.person_shaped("Paris Me Olivier Cousi") and not spans.person_shaped("Paris Me")
    assert spans.person_shaped("Olivier Cousi")


# (title, lede, the sentence, the article's people), all from the sample.
_ARTICLES = [
    ("Monaco : Charlotte Casiraghi s'est mariée avec le producteur de cinéma Dimitri Rassam",
     "Charlotte Casiraghi a épousé Dimitri Rassam samedi.",
     "Fils de Carole BouquetProducteur de cinéma, Dimitri Rassam n'est autre que le fils d'une figure "
     "du 7e art : l'actrice française Carole Bouquet.",
     ["Charlotte Casiraghi", "Dimitri Rassam", "Carole Bouquet"]),
    ("Affaire des écoutes : Nicole Belloubet demande un rapport", "La ministre a demandé un rapport.",
     "Le bâtonnier de Paris Me Olivier Cousi a annoncé une action en justice prochaine et l'un des "
     "avocats écoutés, Me Eric Dupond-Moretti, une \"plainte\".",
     ["Nicole Belloubet", "Olivier Cousi", "Eric Dupond-Moretti"]),
    ("Corée du Sud : une épave abritant un trésor retrouvée en mer?", "Une épave a été retrouvée.",
     "Dimitrii Donskoi: Real treasure ship or elaborate scam?par Arirang NewsMalgré ces zones d'ombre, "
     "de nombreuses entreprises japonaises et sud-coréennes ont mis en oeuvre d'importants projets.",
     []),
    ("Testament de Johnny : le père de Laeticia accuse Sylvie Vartan", "Le père de Laeticia Hallyday parle.",
     "\"Je pense que je reverrai ma fille quand il n'y aura plus Farran (l'ancien manager de Johnny "
     "NDLR)\", conclut-il.",
     ["Johnny", "Laeticia Hallyday", "Sylvie Vartan"]),
]


def test_the_sample_s_articles_name_the_person(tmp_path):
    for title, lede, sentence, people in _ARTICLES:
        assert _tagged(tmp_path, title, lede, sentence).people == people


def test_a_title_ends_the_run_of_capitals_before_it():
    def words(text):
        return [[word.text for word in run] for run, _initial in mentions.runs(text)]

    assert words("Le bâtonnier de Paris Me Olivier Cousi a annoncé une action en justice prochaine") == [
        ["Paris"], ["Olivier", "Cousi"]]
    # Not after a particle: the place keeps its name.
    assert words("stationné leur voiture au Pré de Mme Carle sur la commune de Pelvoux") == [
        ["Pré", "de", "Mme", "Carle"], ["Pelvoux"]]
    # After the agency and « le », the title still opens the person's name.
    assert words("\"Nous sommes partis au bout d'une heure\", a précisé à l'AFP le Dr Rachel Bocher, "
                 "présidente de l'Intersyndicat") == [["Nous"], ["AFP"], ["Rachel", "Bocher"], ["Intersyndicat"]]
