"""Editors' corrections (content/entities-corrections.toml): the file's four kinds of correction
read exactly, malformed files reported with their line, and real Pelican builds honouring them
(tags, facets, authors, redirects, the entity table), a correction then a rebuild equal to a
clean build."""

from __future__ import annotations

import logging
import re

import pytest
from conftest import build, make_site_dirs
from kiosque_tags import corrections
from kiosque_tags.corrections import CorrectionsError
from test_articles_cache import clean_build_of, files, without_search

CORRECTIONS = """# Corrections de l'équipe
[rename]
"Vincent Lagaf" = "Vincent Lagaffe"

[merge]
"Front national" = ["FN", "Front National"]

[type]
"Kilauea" = "LOC"
"The Voice" = "OTHER"

[never]
names = ["Complément", "Repas de Noël"]
"""


def test_the_four_kinds_of_correction():
    fixes = corrections.parse(CORRECTIONS)
    assert fixes.renames == {"vincent lagaf": "Vincent Lagaffe", "fn": "Front national",
                             "front national": "Front national"}
    assert fixes.types == {"kilauea": "LOC", "the voice": "OTHER"}
    assert fixes.never == frozenset({"complement", "repas de noel"})
    assert fixes.renamed("VINCENT LAGAF") == "Vincent Lagaffe" and fixes.renamed("Lagaffe") is None
    assert fixes.is_never("complément") and not fixes.is_never("Compléments")
    assert fixes.type_of("kilauea", "PER") == "LOC" and fixes.type_of("Juillan", "PER") == "PER"


def test_chains_are_followed():
    fixes = corrections.parse('[rename]\n"A B" = "C D"\n"C D" = "E F"\n')
    assert fixes.renames == {"a b": "E F", "c d": "E F"}


@pytest.mark.parametrize("text, message", [
    ('[rename]\n"A" = "B"\n"C" "D"\n', "x.toml:3: Expected '=' after a key in a key/value pair"),
    ('[renames]\n"A" = "B"\n', "x.toml:1: unknown table [renames] (expected one of rename, merge, type, never)"),
    ('[type]\n"Kilauea" = "PLACE"\n', "x.toml:2: type « Kilauea »: 'PLACE' is not one of PER, LOC, ORG, OTHER"),
    ('[rename]\n"A" = 3\n', "x.toml:2: rename « A »: the new name must be a text"),
    ('[merge]\n"FN" = "Front"\n', "x.toml:2: merge « FN »: the names to merge must be a list of texts"),
    ('[rename]\n"A" = "B"\n[merge]\n"C" = ["A"]\n', "x.toml:2: « A » is renamed twice (B, C)"),
    ('[rename]\n"Ab" = "Cd"\n"Cd" = "Ab"\n', "x.toml:2: the renames of « Ab » loop"),
    ('[never]\nnames = "The Voice"\n', "x.toml:2: never: names must be a list of texts"),
    ('never = ["X"]\n', "x.toml:1: never must be a table: [never]"),
])
def test_malformed_files_say_where_and_why(text, message):
    with pytest.raises(CorrectionsError) as error:
        corrections.parse(text, "x.toml")
    assert str(error.value) == message


def test_absent_or_malformed_file_corrects_nothing(tmp_path, caplog):
    assert not corrections.load(tmp_path / "none.toml")
    path = tmp_path / "entities-corrections.toml"
    path.write_text('[type]\n"Kilauea" = "PLACE"\n', encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert not corrections.load(path)
    assert caplog.messages == [f"{path}:2: type « Kilauea »: 'PLACE' is not one of PER, LOC, ORG, OTHER; "
                               "entity corrections not applied"]


POSTS = {
    "lagaf-a-hawai.md": """Title: Vincent Lagaf en vacances à Hawaï
Date: 2020-01-02 10:00
Tags: Monde, Vincent Lagaf, Kilauea, The Voice, Complément
People: Vincent Lagaf, Kilauea
Organizations: FN
Authors: 6Medias
Slug: lagaf-a-hawai
Lang: fr
Source: a.txt

Vincent Lagaf a visité le Kilauea avant The Voice et Complément d'enquête.
""",
    "lagaffe-et-le-front.md": """Title: Vincent Lagaffe et le Front National
Date: 2020-01-03 10:00
Tags: Monde, Vincent Lagaffe, Front National
People: Vincent Lagaffe
Organizations: Front National
Authors: 6Médias, Jean Dupont
Slug: lagaffe-et-le-front
Lang: fr
Source: b.txt

Vincent Lagaffe a parlé du Front National.
""",
    "le-repas.md": """Title: Le repas de Noël du Front national
Date: 2020-01-04 10:00
Tags: Monde, Front national, Repas de Noël
Organizations: FN
Authors: 6medias
Credit: BFMTV
Slug: le-repas
Lang: fr
Source: c.txt

Le FN a servi son repas de Noël.
""",
}


def make_site(tmp_path):
    site = make_site_dirs(tmp_path / "site", [])
    site.posts.mkdir(parents=True)
    for name, text in POSTS.items():
        (site.posts / name).write_text(text, encoding="utf-8")
    return site


def term_pages(output, folder: str) -> dict[str, bool]:
    """Each term page of a folder and whether it is a redirect."""
    return {page.parent.name: b'http-equiv="refresh"' in page.read_bytes()
            for page in sorted((output / folder).glob("*/index.html")) if page.parent.name != "par-nombre"}


def footer(page) -> dict[str, list[str]]:
    """The article page's term lists, by heading."""
    html = page.read_text(encoding="utf-8").split('<footer class="article__footer">', 1)[1].split("</footer>")[0]
    parts = re.split(r'<h2 class="article__label">([^<]+)</h2>', html)[1:]
    return {label: re.findall(r"<a [^>]*>([^<]+)</a>", block)
            for label, block in zip(parts[::2], parts[1::2], strict=True)}


def test_a_build_honours_the_corrections_and_a_rebuild_equals_a_clean_build(tmp_path):
    site = make_site(tmp_path)
    build(site, KIOSQUE_SEARCH=False)
    assert term_pages(site.output, "tags") == {
        "complement": False, "front-national": False, "kilauea": False, "monde": False, "repas-de-noel": False,
        "the-voice": False, "vincent-lagaf": False, "vincent-lagaffe": False}
    article = (site.output / "articles" / "le-repas" / "index.html").read_text(encoding="utf-8")
    assert "Par 6Médias</span>" in article  # one author, its accented spelling, without re-import
    assert '<span class="article__credit">· Source : BFMTV</span>' in article

    (site.content / "entities-corrections.toml").write_text(CORRECTIONS, encoding="utf-8")
    build(site, KIOSQUE_SEARCH=False)
    assert term_pages(site.output, "tags") == {
        "fn": True, "front-national": False, "kilauea": False, "monde": False, "the-voice": False,
        "vincent-lagaf": True, "vincent-lagaffe": False}
    assert term_pages(site.output, "personnes") == {"vincent-lagaf": True}  # the person lives on its tag page
    assert footer(site.output / "articles" / "lagaf-a-hawai" / "index.html") == {
        "Sections": ["posts"], "Tags": ["Monde", "Vincent Lagaffe", "Kilauea", "The Voice"],
        "Personnes": ["Vincent Lagaffe"], "Lieux": ["Kilauea"], "Organisations": ["Front national"]}
    lagaffe = (site.output / "tags" / "vincent-lagaffe" / "index.html").read_text(encoding="utf-8")
    # Its list's cards (the dossier above it links to articles too: first and last mention).
    assert lagaffe.count('<h2 class="card__title"><a href="../../articles/') == 2
    front = (site.output / "tags" / "front-national" / "index.html").read_text(encoding="utf-8")
    assert front.count('<h2 class="card__title"><a href="../../articles/') == 2
    party = (site.output / "organisations" / "front-national" / "index.html").read_text(encoding="utf-8")
    assert party.count('<h2 class="card__title"><a href="../../articles/') == 3  # FN, Front National and Front national
    first = (site.output / "articles" / "lagaffe-et-le-front" / "index.html").read_text(encoding="utf-8")
    assert "Par 6Médias, Jean Dupont</span>" in first
    assert without_search(files(site.output)) == without_search(
        clean_build_of(site, tmp_path / "clean", KIOSQUE_SEARCH=False))

    (site.content / "entities-corrections.toml").unlink()  # taken back: as before, redirects gone
    build(site, KIOSQUE_SEARCH=False)
    assert term_pages(site.output, "tags")["vincent-lagaf"] is False
    assert without_search(files(site.output)) == without_search(
        clean_build_of(site, tmp_path / "clean2", KIOSQUE_SEARCH=False))


def test_the_entity_table_for_templates():
    from collections import Counter

    from kiosque_tags.corrected import entities_context
    from kiosque_tags.registry import Entity, Registry

    registry = Registry([
        Entity("Front national", "ORG", variants=Counter({"Front national": 3, "Front National": 1})),
        Entity("FN", "ORG", variants=Counter({"FN": 4})),
        Entity("Vincent Lagaf", "PER", variants=Counter({"Vincent Lagaf": 2, "Lagaf": 1}), former=["Lagaf"]),
        Entity("Kilauea", "PER", variants=Counter({"Kilauea": 1})),
        Entity("Complément", "ORG", variants=Counter({"Complément": 1})),
    ])
    assert entities_context(registry, corrections.parse(CORRECTIONS)) == {
        "Front national": {"type": "ORG", "spellings": ["FN", "Front National"]},
        "Vincent Lagaffe": {"type": "PER", "spellings": ["Lagaf", "Vincent Lagaf"]},
        "Kilauea": {"type": "LOC", "spellings": []},
    }


def test_authors_one_spelling_each():
    from kiosque_tags.authors import canonical_authors

    written = [["6Medias"], ["6medias", "Jean Dupont"], ["6Médias"], ["6Medias"], ["AFP"], ["afp"]]
    fixes = corrections.parse('[rename]\n"Jean Dupont" = "Jean Dupont-Moretti"\n')
    assert canonical_authors(written, fixes) == {
        "6Medias": "6Médias", "6medias": "6Médias", "6Médias": "6Médias", "Jean Dupont": "Jean Dupont-Moretti",
        "AFP": "AFP", "afp": "AFP"}
