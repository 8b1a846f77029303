"""Named subjects that are no entity but what a story is about (subjects.py, ranking.py): real
sentences of the corpus, with exact names and tags."""

from __future__ import annotations

from pathlib import Path

from kiosque_import.pipeline import Options, parse
from kiosque_tags.enrich import enrich_batch
from kiosque_tags.subjects import subject_key, subjects
from test_tags_entities import _article

FIXTURES = Path(__file__).parent / "fixtures"


def _names(text: str) -> list[str]:
    return [c.best for c in subjects(text, "", [])]


def test_affairs_laws_attacks_and_listed_subjects_are_found_in_lowercase_too():
    assert _names("Christian Jacob estime qu'Emmanuel Macron doit cesser de \"se comporter en bonimenteur\" "
                  "et s'expliquer sur l'affaire Benalla. Le président du groupe") == ["affaire Benalla"]
    assert _names("L'ADN de Jawad Bendaoud, le logeur des attentats du 13-Novembre, retrouvé sur l'adhésif "
                  "des terroristes") == ["attentats du 13-Novembre"]
    assert _names("Emmanuel Macron a été interpellé par des militants de la CGT au sujet de la loi Travail. "
                  "Le ministre de l'Economie") == ["loi Travail"]
    # the particle joins the name; the sentence's next word is none of it
    assert _names("Affaire Dupont de Ligonnès : un nouveau témoin") == ["affaire Dupont de Ligonnès"]
    assert _names("la loi de 1905 et l'affaire. Le juge") == []
    # one subject, every spelling counted, shown under the list's first spelling
    found = subjects("Covid: Novartis arrête son étude sur l'hydroxychloroquine faute de participants",
                     "mettait fin à l'essai clinique pour traiter des malades du Covid-19",
                     ["des malades du Covid-19 hospitalisés", "patients contaminés par le nouveau coronavirus"])
    assert [(c.best, c.uses, sorted(c.zones)) for c in found] == [("Covid-19", 4, ["body", "lede", "title"])]
    assert subject_key("Covid") == subject_key("Coronavirus") == "covid 19"
    assert subject_key("Crise du coronavirus") is None  # a longer name is not the subject itself
    # « Mondial » is compared with its capital: « le commerce mondial » names nothing
    assert _names("le commerce mondial et les Gilets jaunes") == ["Gilets jaunes"]


def test_an_epidemic_in_the_lede_is_a_tag(tmp_path):
    article = _article(
        "bolsonaro.txt", "Brésil: annulation du jugement qui obligeait le président Bolsonaro à porter un masque",
        "Une juge brésilienne a annulé mardi en appel un jugement qui obligeait le président Jair Bolsonaro à "
        "porter un masque en public à Brasilia en raison de la pandémie de coronavirus.",
        "Depuis la première décision judiciaire, le chef de l'Etat s'est fait relativement discret, avec peu "
        "d'apparitions publiques. Il a porté néanmoins un masque à chaque sortie à Brasilia. Mais le week-end "
        "dernier il est apparu en public sans masque dans l'Etat du Minas Gerais.",
    )
    enrich_batch([article], {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1})
    # « coronavirus », lowercase, is no name the analysis finds: the subject is the ranking's
    # (shown under the list's first spelling: one subject, one tag page)
    assert article.tags == ["Monde", "Jair Bolsonaro", "Brésil", "Brasilia", "Covid-19", "Minas Gerais"]
    assert "Covid-19" not in article.people + article.places + article.organizations


def test_an_affair_the_lede_names_is_a_tag_beside_its_people(tmp_path):
    raw = FIXTURES / "layouts" / "13_hemicycle-tv.txt"
    article = parse(raw.name, raw.read_bytes(), Options(seeds=tmp_path, posts=tmp_path).splitter())
    enrich_batch([article], {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1})
    # (no section: the import's settings are not given)
    assert article.tags == ["Christian Jacob", "Emmanuel Macron", "Alexandre Benalla", "Les Républicains",
                            "le Journal du dimanche", "Assemblée", "affaire Benalla", "République", "Élysée",
                            "Parlement"]
