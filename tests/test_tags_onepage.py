"""One entity, one page (issue #15, point 4): spellings the aliases list or the spacing join
(spellings.py), an acronym glossing an organisation's name (glosses.py), the wrong merges left out
(« Provence » the region in « La Provence » the newspaper, the airport « Charles-de-Gaulle » in
the person), a first name alone and its person, and the name most articles wrote (naming.py)."""

from __future__ import annotations

from collections import Counter

from kiosque_import.article import Article, Block
from kiosque_tags import spellings, variants
from kiosque_tags.analysis import Cluster
from kiosque_tags.enrich import enrich_batch
from kiosque_tags.glosses import glosses, merge_glossed
from kiosque_tags.registry import Registry
from kiosque_tags.store import save_registry

OSDH = "Observatoire syrien des droits de l’homme"


def _config(tmp_path) -> dict:
    return {"KIOSQUE_ENTITIES": str(tmp_path / "entities.json"), "KIOSQUE_TAGS_PROCESSES": 1}


def _article(source: str, title: str, lede: str, *paragraphs: str) -> Article:
    return Article(source=source, title=title, sections=["France"], lede=lede,
                   blocks=[Block("p", text) for text in paragraphs])


def _cluster(name: str, label: str, uses: int = 1) -> Cluster:
    return Cluster(surfaces=Counter({name: uses}), labels=Counter({label: uses}), kind=label)


def test_spellings_joined_by_the_list_or_by_their_spacing_only():
    assert spellings.listed_together("Canal Plus", "CANAL+") and spellings.listed_together("USA", "Etats-Unis")
    assert spellings.listed_together("Nations unies", "ONU")
    assert not spellings.listed_together("Parti communiste", "PCF")  # or Chinese
    assert spellings.spaced_apart("BFM TV", "BFMTV") and spellings.spaced_apart("France Info", "Franceinfo")
    assert not spellings.spaced_apart("BFM-TV", "BFM TV")  # they fold alike: one spelling already
    assert not spellings.spaced_apart("Mont Blanc", "Montblanc (Genève)")
    # A person's name hyphenated throughout is what is named after her.
    assert [spellings.named_after(n) for n in ("Charles-de-Gaulle", "Jean-Jaurès", "Jean-Luc", "Saint-Denis",
                                               "Charles de Gaulle")] == [True, True, False, False, False]
    assert spellings.key("Charles-de-Gaulle") == "charles-de-gaulle" and spellings.key("Jean-Luc") == "jean luc"
    # « Le Monde » is written « au Monde »; « La Provence » never loses its « La ».
    assert [variants.droppable(k) for k in ("le monde", "la provence", "les echos", "la republique en marche",
                                             "lens racing")] == ["monde", "la provence", "les echos",
                                                                  "republique en marche", "lens racing"]
    assert variants.yields("SOHR", OSDH) and variants.yields("FN", "Front national")
    assert variants.yields("PLM", "Paris-Lyon-Marseille") and not variants.yields("PLM", "Marseille")
    assert not variants.yields("BFMTV", "BFM TV") and not variants.yields("ONU", "Nations unies")


def test_the_registry_joins_the_spellings_and_names_them_as_most_articles_do():
    registry = Registry()
    bfm = registry.observe("BFM TV", "ORG", Counter({"BFM TV": 3}), "a.txt")  # one article, three uses
    for source in ("b.txt", "c.txt"):
        assert registry.observe("BFMTV", "ORG", Counter({"BFMTV": 1}), source) is bfm
    assert bfm.name == "BFMTV" and bfm.former == ["BFM TV"] and bfm.articles == Counter({"BFM TV": 1, "BFMTV": 2})
    assert registry.resolve("BFM TV") is bfm and registry.resolve("BFM-TV") is bfm
    # Types must agree for the spacing rule: « Mont Blanc » the mountain is no pen maker.
    montblanc = registry.observe("Montblanc", "ORG", Counter({"Montblanc": 1}), "d.txt")
    assert registry.observe("Mont Blanc", "LOC", Counter({"Mont Blanc": 1}), "e.txt") is not montblanc
    usa = registry.observe("USA", "LOC", Counter({"USA": 2}), "f.txt")
    assert registry.observe("États-Unis", "LOC", Counter({"États-Unis": 1}), "g.txt") is usa
    assert usa.name == "États-Unis" and registry.resolve("USA") is usa
    # The list's first name is the one shown, when written: not « Nations unies », more written.
    onu = registry.observe("Nations unies", "ORG", Counter({"Nations unies": 1}), "h.txt")
    registry.observe("ONU", "ORG", Counter({"ONU": 1}), "i.txt")
    assert onu.name == "Nations unies" and registry.resolve("ONU") is onu
    registry.observe("Organisation des Nations unies", "ORG", Counter({"Organisation des Nations unies": 1}), "j.txt")
    assert onu.name == "Organisation des Nations unies" and len(registry.entities) == 5
    # A listed spelling the import wrote but never learned (no model, no registry): the build's.
    jdd = registry.observe("Le Journal du Dimanche", "ORG", Counter({"Le Journal du Dimanche": 1}), "k.txt")
    assert registry.resolve("Le JDD", "ORG") is jdd and registry.resolve("Le JDD") is jdd
    assert registry.resolve("Le JDD", "LOC") is None and registry.resolve("BFM-TV", "") is bfm


def test_one_article_spelling_does_not_rename_what_many_articles_know(tmp_path):
    registry = Registry()
    for n in range(7):
        registry.observe("Centre-Val de Loire", "LOC", Counter({"Centre-Val de Loire": 1}), f"{n}.txt")
    # One article, its own spelling used eight times: more uses, one article.
    entity = registry.observe("Centre-Val-de-Loire", "LOC", Counter({"Centre-Val-de-Loire": 8}), "new.txt")
    assert entity.name == "Centre-Val de Loire" and entity.former == []
    assert entity.articles == Counter({"Centre-Val de Loire": 7, "Centre-Val-de-Loire": 1})
    registry.save(tmp_path / "entities.json")
    assert '"articles": {\n    "Centre-Val-de-Loire": 1\n   }' in (tmp_path / "entities.json").read_text()
    loaded = Registry.load(tmp_path / "entities.json")
    assert loaded.entities[0].articles == entity.articles
    # Written by eight articles, the other spelling wins.
    for n in range(7):
        loaded.observe("Centre-Val-de-Loire", "LOC", Counter({"Centre-Val-de-Loire": 1}), f"n{n}.txt")
    assert loaded.entities[0].name == "Centre-Val-de-Loire"
    # As many articles each: the name in place stays, whichever came first.
    for first, second in (("Val-d'Oise", "Val d'Oise"), ("Val d'Oise", "Val-d'Oise")):
        tie = Registry()
        tie.observe(first, "LOC", Counter({first: 1}), "a.txt")
        tie.observe(second, "LOC", Counter({second: 1}), "b.txt")
        assert tie.entities[0].name == first


def test_a_gloss_does_not_take_an_acronym_the_archive_uses_more_and_ties_keep_the_name_used_most():
    registry = Registry()
    for n in range(3):
        registry.observe("CSE", "ORG", Counter({"CSE": 2}), f"{n}.txt")  # a works council, in three articles
    centre = registry.observe("Centre for Science and Environment", "ORG",
                              Counter({"Centre for Science and Environment": 1, "CSE": 1}), "delhi.txt")
    assert registry.resolve("CSE") is not centre and registry.resolve("CSE").votes == Counter(ORG=3)
    # One article each, the spelling used more is the name (not the caption's « Bilal Hassani2 »).
    hassani = registry.observe("Bilal Hassani", "PER", Counter({"Bilal Hassani": 4}), "a.txt")
    registry.observe("Bilal Hassani2", "PER", Counter({"Bilal Hassani2": 1, "Bilal Hassani": 1}), "b.txt")
    assert hassani.name == "Bilal Hassani" and len(registry.entities) == 3


def test_a_listed_name_keeps_its_article_and_a_longer_surname_is_another_person():
    registry = Registry()
    for n in range(3):  # « de la Voix du Nord »: the sentence's article
        registry.observe("Voix du Nord", "ORG", Counter({"Voix du Nord": 1}), f"{n}.txt")
    paper = registry.observe("La Voix du Nord", "ORG", Counter({"La Voix du Nord": 1, "Voix du Nord": 1}), "x.txt")
    assert paper.name == "La Voix du Nord" and [e.name for e in registry.entities] == ["La Voix du Nord"]
    assert variants.misspelt("Vincent Lagaf", "Vincent Lagaffe")  # cut short by two letters
    assert not variants.misspelt("Jacques Martin", "Jacques Martineau")  # three: another name


def test_a_first_name_alone_is_the_person_the_archive_calls_so():
    registry = Registry()
    johnny = registry.observe("Johnny", "PER", Counter({"Johnny": 2}), "a.txt")
    for n in range(5):
        person = registry.observe("Johnny Hallyday", "PER", Counter({"Johnny Hallyday": 2, "Johnny": 1}), f"{n}.txt")
    assert johnny not in registry.entities and person.former == ["Johnny"] and registry.resolve("Johnny") is person
    assert registry.observe("Johnny", "PER", Counter({"Johnny": 1}), "b.txt") is person
    # Four uses only, or two people called so: the first name alone stays apart.
    few = Registry()
    for n in range(4):
        few.observe("Jonathann Daval", "PER", Counter({"Jonathann Daval": 1, "Jonathann": 1}), f"{n}.txt")
    assert few.observe("Jonathann", "PER", Counter({"Jonathann": 1}), "x.txt").name == "Jonathann"
    two = Registry()
    for n in range(5):
        two.observe("Charles Aznavour", "PER", Counter({"Charles Aznavour": 1, "Charles": 1}), f"a{n}.txt")
        two.observe("Charles Michel", "PER", Counter({"Charles Michel": 1, "Charles": 1}), f"m{n}.txt")
    assert two.observe("Charles", "PER", Counter({"Charles": 1}), "x.txt").name == "Charles"


def test_a_place_named_after_a_person_and_a_region_named_like_a_newspaper_stay_apart():
    registry = Registry()
    general = registry.observe("Charles de Gaulle", "PER", Counter({"Charles de Gaulle": 1, "de Gaulle": 2}), "a.txt")
    airport = registry.observe("Charles-de-Gaulle", "LOC", Counter({"Charles-de-Gaulle": 1}), "b.txt")
    assert airport is not general and registry.resolve("Charles-de-Gaulle") is airport
    assert registry.resolve("Charles de Gaulle") is general
    newspaper = registry.observe("La Provence", "ORG", Counter({"La Provence": 1}), "c.txt")
    region = registry.observe("Provence", "LOC", Counter({"Provence": 1}), "d.txt")
    assert region is not newspaper and registry.resolve("Provence") is region
    monde = registry.observe("Le Monde", "ORG", Counter({"Le Monde": 1}), "e.txt")
    assert registry.resolve("Monde") is monde  # « au Monde »: « le » contracts
    # « à la Mecque » (a lowercase article is the sentence's): a place for a place only.
    mecque = registry.observe("La Mecque", "LOC", Counter({"La Mecque": 2}), "f.txt")
    assert registry.observe("Mecque", "LOC", Counter({"Mecque": 1}), "g.txt") is mecque
    assert mecque.name == "La Mecque" and registry.resolve("Mecque", "LOC") is mecque
    alone = Registry()
    paper = alone.observe("La Provence", "ORG", Counter({"La Provence": 1}), "c.txt")
    assert alone.resolve("Provence", "LOC") is None and alone.resolve("Provence", "ORG") is paper


def test_an_acronym_in_parentheses_glosses_an_organisation_only():
    assert glosses([f"l’{OSDH} (SOHR) a déclaré", "la nouvelle Stingray (C8) présentée", "le Conseil (AB CD)"]) \
        == [(f"l’{OSDH}", "SOHR")]
    clusters = {"osdh": _cluster(OSDH, "ORG"), "sohr": _cluster("SOHR", "ORG", 3),
                "ciotti": _cluster("Éric Ciotti", "PER"), "lr": _cluster("LR", "ORG"),
                "mairie": _cluster("mairie de Paris", "ORG"), "ps": _cluster("PS", "ORG")}
    merge_glossed(clusters, [f"Dimanche, l’{OSDH} (SOHR) a déclaré que les forces gouvernementales contrôlaient "
                             "tous les villages.",
                             "Les députés Gilbert Collard (RN), Valérie Boyer (LR) et Éric Ciotti (LR) ont "
                             "également exprimé leur colère sur les réseaux sociaux.",
                             "Un vœu de la mairie de Paris (PS) a été adopté."])
    assert sorted(clusters) == ["ciotti", "lr", "mairie", "osdh", "ps"]
    assert clusters["osdh"].surfaces == Counter({OSDH: 1, "SOHR": 3})
    assert clusters["ciotti"].surfaces == Counter({"Éric Ciotti": 1}) and clusters["lr"].surfaces == Counter({"LR": 1})


def test_glossed_and_party_acronyms_end_to_end(tmp_path):
    config = _config(tmp_path)
    first = _article("a.txt", "Syrie : l’armée autour d’Alep",
                     f"Dimanche, l’{OSDH} (SOHR) a déclaré que les forces gouvernementales contrôlaient "
                     "tous les villages et petites villes autour d’Alep pour la première fois depuis 2012.",
                     "Selon le SOHR, les combats ont fait dix morts à Alep.")
    second = _article("b.txt", "Marseille : la colère des députés",
                      "Les députés Gilbert Collard (RN), Valérie Boyer (LR) et Éric Ciotti (LR) ont également "
                      "exprimé leur colère sur les réseaux sociaux.",
                      "Pour Bruno Retailleau, président du groupe Les Républicains (LR) au Sénat, la décision "
                      "répond à une exigence de sagesse.")
    enrich_batch([first, second], config)
    assert first.organizations == [OSDH]
    assert second.people == ["Gilbert Collard", "Valérie Boyer", "Éric Ciotti", "Bruno Retailleau"]
    assert second.organizations == ["RN", "Les Républicains", "Sénat"]
    save_registry(config)
    registry = Registry.load(tmp_path / "entities.json")
    assert registry.resolve("SOHR").name == OSDH and registry.resolve("LR").name == "Les Républicains"
    assert registry.resolve("Éric Ciotti").variants == Counter({"Éric Ciotti": 1})
    assert registry.resolve("Bruno Retailleau").variants == Counter({"Bruno Retailleau": 1})


def test_a_region_and_the_newspaper_named_like_it_end_to_end(tmp_path):
    config = _config(tmp_path)
    paper = _article("a.txt", "Marseille : une adolescente agressée",
                     "Une adolescente a été agressée mardi dernier à la sortie d'une école des quartiers Nord "
                     "de Marseille, révèle ce mardi le quotidien La Provence.")
    region = _article("b.txt", "Max von Sydow est mort",
                      "Installé en Provence, Max von Sydow avait obtenu la nationalité française en 2002.",
                      "L'acteur a vécu en Provence pendant vingt ans.")
    enrich_batch([paper], config)
    enrich_batch([region], config)
    assert paper.organizations == ["La Provence"] and region.places == ["Provence"]
    assert region.organizations == []


def test_a_name_many_articles_use_alone_is_no_surname_for_one_new_full_name():
    # At 10,000 articles, one « Vincent Harry » took the prince « Harry » of 58 articles, and one
    # « Paris Déconfinement » (a headline's two capitalised words) the « Déconfinement » of 34.
    registry = Registry()
    harry = [registry.observe("Harry", "PER", Counter({"Harry": 2}), f"{n}.txt") for n in range(20)][0]
    vincent = registry.observe("Vincent Harry", "PER", Counter({"Vincent Harry": 1}), "v.txt")
    assert vincent is not harry and harry in registry.entities and harry.name == "Harry"
    assert registry.resolve("Harry") is harry and vincent.former == []
    # Early in an archive, a surname known alone in a few articles joins the first full name.
    early = Registry()
    bare = [early.observe("Macron", "PER", Counter({"Macron": 1}), f"{n}.txt") for n in range(3)][0]
    person = early.observe("Emmanuel Macron", "PER", Counter({"Emmanuel Macron": 1}), "e.txt")
    assert bare not in early.entities and person.former == ["Macron"] and early.resolve("Macron") is person


def test_one_article_gloss_does_not_take_a_brand_whose_letters_it_shares():
    """« l'Association de maires de Guyane (AMG) » (one article of the 10,000) is not the « AMG »
    the car articles write alone (Mercedes-AMG): letters that agree are not enough when the
    archive knows the acronym opening other names (« AMG GT Black Series »), a brand's, and only
    one article wrote both; they are for « Direction générale de la police nationale (DGPN) »."""
    registry = Registry()
    for n in range(3):  # « avant que cette tâche ne soit dévolue à AMG », « le préparateur AMG créa… »
        cars = registry.observe("AMG", "ORG", Counter({"AMG": 1}), f"car{n}.txt")
    registry.observe("AMG GT Black Series", "MISC", Counter({"AMG GT Black Series": 1}), "gt.txt")
    guyane = "Association de maires de Guyane"
    mayors = registry.observe(guyane, "ORG", Counter({guyane: 2, "AMG": 2}), "09961_d09124aeaeefe3cc.txt")
    assert mayors is not cars and registry.resolve("AMG") is cars and registry.resolve(guyane) is mayors
    assert [(e.name, e.variants) for e in registry.entities] == [
        ("AMG", Counter({"AMG": 3})), ("AMG GT Black Series", Counter({"AMG GT Black Series": 1})),
        (guyane, Counter({guyane: 2, "AMG": 2}))]
    # No name opens on « DGPN »: the one article's gloss is the archive's word for it.
    police = Registry()
    for n in range(3):
        police.observe("DGPN", "ORG", Counter({"DGPN": 1}), f"{n}.txt")
    dgpn = "Direction générale de la police nationale"
    direction = police.observe(dgpn, "ORG", Counter({dgpn: 1, "DGPN": 1}), "x.txt")
    assert [(e.name, e.variants, e.former) for e in police.entities] == [(dgpn, Counter({"DGPN": 4, dgpn: 1}),
                                                                         ["DGPN"])]
    assert police.resolve("DGPN") is direction
    # Names open on « AFP » (captions' credits: « AFP Factuel »), yet two articles writing
    # « Agence France-Presse » beside « AFP » are the archive agreeing.
    agency = Registry()
    for n in range(3):
        afp = agency.observe("AFP", "ORG", Counter({"AFP": 2}), f"{n}.txt")
    agency.observe("AFP Factuel", "ORG", Counter({"AFP Factuel": 1}), "factuel.txt")
    long_ = "Agence France-Presse"
    first = agency.observe(long_, "ORG", Counter({long_: 1, "AFP": 1}), "a.txt")
    assert agency.resolve("AFP") is afp and first.variants == Counter({long_: 1, "AFP": 1})
    assert agency.observe(long_, "ORG", Counter({long_: 1, "AFP": 1}), "b.txt") is first
    assert agency.resolve("AFP") is first and first.variants == Counter({"AFP": 8, long_: 2})
    assert [e.name for e in agency.entities] == ["AFP Factuel", long_]


def test_one_article_gloss_leaves_the_car_articles_acronym_end_to_end(tmp_path):
    """Real sentences of the 10,000 articles: the car articles name « AMG » alone and open names
    on it (« AMG Driving Academy »); the association's one article does not take it."""
    config = _config(tmp_path)
    cars = [_article("02609_6102ac29778c0e02.txt", "RM Sotheby's : Mercedes-Benz 300 SEL Red Pig Replica",
                     "En 1969 le préparateur AMG créa la sensation en présentant la Mercedes-Benz « Red Pig » "
                     "(« cochon rouge »), un véhicule de compétition conçu à l'intention d'un client privé autour "
                     "d'un châssis 300 SEL endommagé."),
            _article("01434_59c1c577a1380a90.txt", "La Mercedes-Benz 190 E 2.5-16 Evolution II fête ses 30 ans",
                     "Le véhicule évoluant en DTM dispose en effet de 373 ch : il s'agit du dernier moteur "
                     "développé par le département spécialisé de Mercedes-Benz, avant que cette tâche ne soit "
                     "dévolue à AMG."),
            _article("03977_cf95960f8e21d696.txt", "AMG Driving Academy 2020",
                     "L'AMG Driving Academy est prête à vous accueillir à Arjeplog, dans le nord de la Suède, "
                     "pour des stages de pilotage hivernaux riches en sensations.",
                     "Le programme hivernal de l'AMG Driving Academy organisé par l'agence AMG Experience, "
                     "sera lancé début janvier et s'achèvera fin mars 2020.")]
    guyane = _article("09961_d09124aeaeefe3cc.txt", "« Avant on mutait les professeurs pédophiles dans les "
                      "Outre-mer » : les propos de Ségolène Royal provoquent l'émoi en Guyane",
                      "Une séquence ressortie ces derniers jours sur les réseaux sociaux et qui n'a pas manqué de "
                      "faire réagir l'Association de maires de Guyane (AMG).",
                      "« Un sentiment qui ne repose plus seulement sur l'éloignement géographique », a dénoncé "
                      "David Riché, le président de l'AMG, dans une lettre ouverte à Emmanuel Macron.")
    enrich_batch(cars, config)
    enrich_batch([guyane], config)
    assert [a.organizations for a in cars] == [["Mercedes-Benz", "AMG"], ["Mercedes-Benz", "AMG"], ["AMG Experience"]]
    assert [o for o in guyane.organizations if "AMG" in o or "maires" in o] == ["Association de maires de Guyane"]
    save_registry(config)
    registry = Registry.load(tmp_path / "entities.json")
    assert (registry.resolve("AMG").name, registry.resolve("AMG").variants) == ("AMG", Counter({"AMG": 2}))
    assert registry.resolve("Association de maires de Guyane").variants \
        == Counter({"AMG": 2, "Association de maires de Guyane": 1})
