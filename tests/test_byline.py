"""Bylines, one step and one shape at a time (kiosque_import.byline): a date line is never an
author; « mis à jour » goes to Modified; « Source X » is a credit."""

from datetime import datetime as dt

import pytest
from kiosque_import import byline
from kiosque_import.byline import Byline


@pytest.mark.parametrize("line, expected", [
    ("Publié le 12 mars 2023 à 18h05", Byline([], "", dt(2023, 3, 12, 18, 5))),
    ("Mis à jour le 03/01/2020 à 09:14", Byline([], "", dt(2020, 1, 3, 9, 14), dt(2020, 1, 3, 9, 14))),
    ("Modifié le 12.03.2020 à 08h00", Byline([], "", dt(2020, 3, 12, 8), dt(2020, 3, 12, 8))),
    ("12/03/2020", Byline([], "", dt(2020, 3, 12))),
    ("12.03.2020 - 11h05", Byline([], "", dt(2020, 3, 12, 11, 5))),
    ("2020-03-12T18:05:00+01:00", Byline([], "", dt(2020, 3, 12, 18, 5))),
    ("Mise en ligne : 2020-08-07 10:42", Byline([], "", dt(2020, 8, 7, 10, 42))),
    ("Dernière mise à jour : 2020-08-07 12:10", Byline([], "", dt(2020, 8, 7, 12, 10), dt(2020, 8, 7, 12, 10))),
    ("Vendredi 25 octobre 2019 - 08:12", Byline([], "", dt(2019, 10, 25, 8, 12))),
    ("9 août 2018, 14:22", Byline([], "", dt(2018, 8, 9, 14, 22))),
    ("Le 1 août 2020 à 17h12, modifié le 1 août 2020 à 19h40",
     Byline([], "", dt(2020, 8, 1, 17, 12), dt(2020, 8, 1, 19, 40))),
    ("Publié le : 02/08/2020 - 14:37 Modifié le : 02/08/2020 - 16:05",
     Byline([], "", dt(2020, 8, 2, 14, 37), dt(2020, 8, 2, 16, 5))),
    ("Publié le 12 mars 2023 à 18h05, mis à jour à 19h10",
     Byline([], "", dt(2023, 3, 12, 18, 5), dt(2023, 3, 12, 19, 10))),
    ("Publié le 12 mars 2023 à 18h05 - Mis à jour le 13 mars à 09h00",
     Byline([], "", dt(2023, 3, 12, 18, 5), dt(2023, 3, 13, 9))),
    ("Par Jean Dupont, publié le 2 février 2021 à 7h05, mis à jour le 3 février 2021 à 10h00",
     Byline(["Jean Dupont"], "", dt(2021, 2, 2, 7, 5), dt(2021, 2, 3, 10))),
    ("Par Marie Curie | Publié le 12 mars 2023 à 18h05", Byline(["Marie Curie"], "", dt(2023, 3, 12, 18, 5))),
    ("6Medias, publié le vendredi 18 mai 2018 à 09h50", Byline(["6Medias"], "", dt(2018, 5, 18, 9, 50))),
    ("Jean Dupont - 12/03/2020 18:05", Byline(["Jean Dupont"], "", dt(2020, 3, 12, 18, 5))),
    ("Par Jean Dupont et Marie Curie", Byline(["Jean Dupont", "Marie Curie"])),
    ("Par Julie Moreau, Bastien Leclerc et Hugo Martin", Byline(["Julie Moreau", "Bastien Leclerc", "Hugo Martin"])),
    ("Par Mathieu RIVIÈRE (avec AFP)", Byline(["Mathieu Rivière", "AFP"])),
    ("Par Jean-Pierre DE LA TOUR", Byline(["Jean-Pierre De La Tour"])),
    ("Par Nathalie Dubreuil, correspondante à Tokyo", Byline(["Nathalie Dubreuil"])),
    ("Le Parisien avec AFP", Byline(["Le Parisien", "AFP"])),
    ("Orange avec AFP, publié le lundi 02 avril 2018 à 10h13", Byline(["Orange", "AFP"], "", dt(2018, 4, 2, 10, 13))),
    ("6Medias avec news-de-stars, publié le 5 juillet 2016 à 10h00",
     Byline(["6Medias", "news-de-stars"], "", dt(2016, 7, 5, 10))),
    ("AFP", Byline(["AFP"])),
    ("Reuters", Byline(["Reuters"])),
    ("Source BFMTV", Byline([], "BFMTV")),
    ("Source : AFP", Byline([], "AFP")),
    ("Source : franceinfo, publié le mercredi 20 septembre 2017 à 15h20",
     Byline([], "franceinfo", dt(2017, 9, 20, 15, 20))),
])
def test_byline_shapes(line, expected):
    assert byline.read(line) == expected


@pytest.mark.parametrize("line", [
    "Un accord conclu le 12 mars 2018 entre Ankara et Moscou.",
    "Par ailleurs, Jean Dupont a dit qu'il viendrait",
    "Jean Dupont",
    "Le président a parlé",
    "Partager",
    "Publié",
])
def test_not_bylines(line):
    assert byline.read(line) is None


def test_steps():
    assert byline.date_clauses("Par X, publié le 12/03/2020 à 18h05") == (dt(2020, 3, 12, 18, 5), None, "Par X,  ")
    assert byline.author_part("Par X, ") == "Par X"
    assert byline.credit_of("Source : Ouest-France") == "Ouest-France"
    assert byline.credit_of("Par Ouest-France") == ""
    assert byline.split_authors("Par Claire DUMAS et AFP") == ["Claire Dumas", "AFP"]
    assert byline.person_case("BFM TV") == "BFM TV"
    assert byline.names_like("Orange avec AFP-Services") and not byline.names_like("le gouvernement a dit")
    assert byline.author_above("Manon Lefèvre", Byline(date=dt(2018, 8, 9))) == Byline(["Manon Lefèvre"])
    assert byline.author_above("Manon Lefèvre", Byline(["AFP"])) is None


@pytest.mark.parametrize("title", ["CON", "Index", "MÊME TITRE", "Manon Lefèvre"])
def test_a_short_title_above_a_date_line_is_no_author(title):
    from kiosque_import.pipeline import Options, parse
    raw = (f"{title}\nPublié le 12 mars 2019 à 10h00\nLe chapô dit ce qui s’est passé hier soir.\n"
           "Le corps de l’article est une phrase complète qui finit.\n")
    article = parse("x.txt", raw.encode(), Options(seeds=".", posts=".").splitter())
    assert (article.title, article.authors, article.date) == (title, [], dt(2019, 3, 12, 10))
