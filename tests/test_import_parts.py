"""Single steps of the import, a string in and a value out."""

from datetime import datetime

import pytest
from kiosque_import.dates import byline_date, is_dateline
from kiosque_import.pipeline import Options, parse
from kiosque_import.post import escape
from kiosque_import.sections import section_name
from kiosque_import.slugs import base_slug

SPLITTER = Options(seeds=".", posts=".").splitter()


@pytest.mark.parametrize("line, expected", [
    ("6Medias, publié le vendredi 18 mai 2018 à 09h50", datetime(2018, 5, 18, 9, 50)),
    ("Publié le 12 mars 2023 à 18h05", datetime(2023, 3, 12, 18, 5)),
    ("Mis à jour le 03/01/2020 à 09:14", datetime(2020, 1, 3, 9, 14)),
    ("Publié le 1er août 2019", datetime(2019, 8, 1)),
    ("Par Jean Dupont, publié le 2 février 2021 à 7h05, mis à jour le 3 février 2021 à 10h00",
     datetime(2021, 2, 2, 7, 5)),
])
def test_byline_dates(line, expected):
    assert is_dateline(line)
    assert byline_date(line) == expected


def test_a_date_in_prose_is_not_a_byline():
    assert not is_dateline("Un accord conclu le 12 mars 2018 entre Ankara et Moscou.")


@pytest.mark.parametrize("raw, breadcrumb, expected", [
    ("ÉTATS-UNIS", "", "États-Unis"),
    ("TURQUIE", "", "Turquie"),
    ("FAITS DIVERS", "Faits divers", "Faits divers"),
    ("HIGH TECH", "", "High tech"),
    ("ROYAUME-UNI", "", "Royaume-Uni"),
])
def test_section_spelling(raw, breadcrumb, expected):
    assert section_name(raw, breadcrumb) == expected


def test_byline_author_and_date_of_other_sites():
    raw = ("POLITIQUE :\n\nUn titre de test\n\nPar Marie Curie | Publié le 12 mars 2023 à 18h05\n\n"
           "POLITIQUE - Le chapeau de l'article.\n\nLe premier paragraphe est là, avec assez de mots.\n\n"
           "• un point de liste assez long pour compter\n• un second point de liste bien long\n\n"
           "Le dernier paragraphe conclut, avec assez de mots aussi.\n\nPartager\n\nFacebook\n")
    article = parse("x.txt", raw.encode(), SPLITTER)
    assert (article.kicker, article.title, article.author) == ("POLITIQUE", "Un titre de test", "Marie Curie")
    assert article.date == datetime(2023, 3, 12, 18, 5)
    assert [b.kind for b in article.blocks] == ["p", "li", "li", "p"]
    assert article.chrome == ["Partager", "Facebook"]


def test_escape_keeps_text_literal():
    assert escape("# a") == "\\# a"
    assert escape("1. a") == "1\\. a"
    assert escape("> a") == "&gt; a"
    assert escape("a <b> & [c](d) *e* _f_") == "a &lt;b&gt; &amp; \\[c\\](d) \\*e\\* \\_f\\_"


@pytest.mark.parametrize("title, expected", [
    ("Trump remercie Erdoğan", "trump-remercie-erdogan"),
    ("L’Élysée : « été »", "l-elysee-ete"),
    ("../../etc/passwd", "etc-passwd"),
    ("???", "article-abcdef0123"),
    ("CON", "con-abcdef"),
    ("x" * 300, "x" * 80),
])
def test_slugs(title, expected):
    assert base_slug(title, "abcdef0123456789") == expected


@pytest.mark.parametrize("title", [
    "Facebook retire des pubs de la campagne Trump comportant un symbole nazi",
    "YouTube supprime des chaînes suprémacistes",
    "ONPC - Johnny Hallyday : \"Abus de faiblesse\", Christine Angot fustige Laeticia Hallyday",
])
def test_headlines_that_look_like_chrome_or_a_section_line(title):
    """Found in the OrangeSum corpus: a byline right after the line says it is the headline."""
    raw = (f"{title}\n\nOrange avec AFP, publié le jeudi 18 juin 2020 à 18h03\n\n"
           "MONDE - Le chapeau de l'article.\n\nLe premier paragraphe est là, avec assez de mots.\n")
    assert parse("x.txt", raw.encode(), SPLITTER).title == title


def test_long_line_opening_with_a_dash_is_prose_not_a_list():
    body = "- L'association lance ce jeudi une campagne de prévention " + "et la phrase continue " * 6 + "."
    raw = f"Un titre\n\nFRANCE - Le chapeau.\n\n{body}\n"
    article = parse("x.txt", raw.encode(), SPLITTER)
    assert [b.kind for b in article.blocks] == ["p"]
    assert article.paragraphs == [body]
