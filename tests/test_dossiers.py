"""Entity dossiers (plugins/kiosque_theme/dossiers.py, charts.py, partials/dossier.html): the
counting on hand-made articles, then a real build whose numbers are checked against the posts
(header, SVG, table, co-mentions), then an incremental rebuild that re-renders only the dossiers
of the added article's terms."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import test_pagination
from conftest import Site, build
from kiosque_theme import charts, dossiers
from pelican import signals
from test_incremental import snapshot
from theme_fixtures import post, read

SETTINGS = {"KIOSQUE_IMPORT": False, "KIOSQUE_SEARCH": False}


# -- counting -------------------------------------------------------------------------------
def term(name: str, url: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(name=name, url=url or f"personnes/{name.lower().replace(' ', '-')}/")


def art(date: str, people=(), places=()) -> SimpleNamespace:
    return SimpleNamespace(date=datetime.fromisoformat(date), url=f"articles/{date}/",
                           people_terms=list(people), place_terms=list(places), organization_terms=[])


def test_months_of_the_span_with_links_to_their_headings():
    ada = term("Ada")
    articles = [art("2018-03-20", [ada]), art("2018-03-02", [ada]), art("2018-01-15", [ada])]
    found = dossiers.build(ada, articles)
    assert (found.count, found.first.url, found.last.url, found.yearly) == (
        3, "articles/2018-01-15/", "articles/2018-03-20/", False)
    assert found.bars == [charts.Bar("janvier 2018", 1, "personnes/ada/#mois-2018-01"),
                          charts.Bar("février 2018", 0, None),
                          charts.Bar("mars 2018", 2, "personnes/ada/#mois-2018-03")]


def test_articles_dated_by_their_import_stay_out_of_the_timeline():
    ada = term("Ada")
    undated = art("2026-01-01", [ada])
    undated.dateestimated = "true"
    found = dossiers.build(ada, [undated, art("2018-03-02", [ada]), art("2018-01-15", [ada])])
    assert (found.count, found.undated, found.last.url, len(found.bars)) == (3, 1, "articles/2018-03-02/", 3)
    alone = dossiers.build(ada, [undated])
    assert (alone.count, alone.undated, alone.first, alone.bars) == (1, 1, None, [])


def test_a_span_over_ten_years_is_drawn_per_year():
    ada = term("Ada")
    ten_years = [art("2017-12-31", [ada]), art("2008-01-01", [ada])]  # 120 months
    assert not dossiers.build(ada, ten_years).yearly
    longer = [art("2018-02-01", [ada]), art("2018-01-01", [ada]), art("2008-01-01", [ada])]
    found = dossiers.build(ada, longer)
    assert found.yearly
    assert [(bar.label, bar.count) for bar in found.bars] == [
        ("2008", 1), *((str(year), 0) for year in range(2009, 2018)), ("2018", 2)]
    # A year's bar leads to the heading of its newest month.
    assert found.bars[-1].url == "personnes/ada/#mois-2018-02"


def test_bars_lead_to_the_list_page_holding_the_month():
    ada = term("Ada")
    articles = [art("2018-03-20", [ada]), art("2018-03-02", [ada]), art("2018-01-15", [ada])]
    pages = [SimpleNamespace(url="", object_list=articles[:1]),
             SimpleNamespace(url="personnes/ada/page/2018-01-15/", object_list=articles[1:])]
    paginator = SimpleNamespace(pages=lambda: pages)
    assert [bar.url for bar in dossiers.build(ada, articles, paginator).bars] == [
        "personnes/ada/page/2018-01-15/#mois-2018-01", None, "personnes/ada/#mois-2018-03"]


def test_cited_with_counts_articles_most_first_itself_left_out():
    ada, bob, cy, paris = term("Ada"), term("Bob"), term("Cy"), term("Paris", "lieux/paris/")
    paris_lower = term("paris", "lieux/paris/")  # another spelling of the same page
    ada_place = term("ADA", "lieux/ada/")  # its own name as another kind: not « cited with » it
    articles = [art("2018-01-05", [ada, bob, cy], [paris, paris_lower, ada_place]),
                art("2018-01-04", [ada, bob], [paris]), art("2018-01-03", [ada, bob]),
                art("2018-01-02", [ada, bob]), art("2018-01-01", [ada, cy])]
    cited = dossiers.cited_with(ada, articles)
    assert [(c.term.name, c.count) for c in cited] == [("Bob", 4), ("Cy", 2), ("Paris", 2)]
    # Few shared articles are listed (newest first); many are not.
    assert [c.shared for c in cited] == [[], [articles[0], articles[4]], articles[:2]]
    # Shared by all the term's articles (Bob, Paris): the list below shows them already.
    two = dossiers.cited_with(ada, articles[:2])
    assert [(c.term.name, c.shared) for c in two] == [("Bob", []), ("Paris", []), ("Cy", articles[:1])]
    many = [art(f"2018-02-{day:02d}", [ada, term(f"P{day:02d}")]) for day in range(1, 15)]
    assert [c.term.name for c in dossiers.cited_with(ada, many)] == [f"P{day:02d}" for day in range(1, 13)]


def test_chart_geometry_and_axis():
    bars = [charts.Bar("novembre 2017", 300), charts.Bar("décembre 2017", 0), charts.Bar("janvier 2018", 1)]
    chart = charts.bar_chart(bars)
    assert (chart.width, chart.height, chart.maximum, chart.total, chart.peak) == (30, 100, 300, 301, bars[0])
    assert [(d.x, d.y, d.width, d.height) for d in chart.bars] == [
        (1, 0.0, 8, 100.0), (11, 100.0, 8, 0.0), (21, 97.0, 8, 3)]
    # November's year would run into January's: only 2018 is labelled.
    assert chart.ticks == [(66.667, "2018")]
    assert charts.ticks([charts.Bar(str(year), 1) for year in range(1990, 2020)])[:3] == [
        (0.0, "1990"), (10.0, "1993"), (20.0, "1996")]
    assert [charts.level(n, 8) for n in (0, 1, 2, 3, 8)] == [0, 1, 1, 2, 4]
    assert charts.from_to("avril 2018", "mai 2019") == "d’avril 2018 à mai 2019"
    assert charts.from_to("2010", "2020") == "de 2010 à 2020"


# -- a real build ---------------------------------------------------------------------------
ADA, BABBAGE, LONDON = "Ada Lovelace", "Charles Babbage", "Londres"
START = datetime(2017, 1, 3, 9, 0)
WEEKS = 70  # Ada's list gets chunk pages: some bars lead to older pages


def write_posts(posts: Path) -> None:
    posts.mkdir(parents=True)
    for n in range(WEEKS):
        people = [name for name, hit in ((ADA, n % 5 != 4), (BABBAGE, n % 3 == 0)) if hit]
        (posts / f"semaine-{n:02d}.md").write_text(post(
            f"semaine-{n:02d}", f"Semaine {n}", START + timedelta(days=7 * n + n % 4),
            ["Informatique", *(["Science"] if n % 2 else [])],
            People=", ".join(people), Places=LONDON if n % 4 == 0 else ""))


def metadata(path: Path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def naming(posts: Path, field: str, name: str) -> list[dict]:
    """The posts whose metadata field names ``name``, from the files themselves."""
    found = [metadata(p) for p in sorted(posts.glob("*.md"))]
    return [meta for meta in found if name in [v.strip() for v in meta.get(field, "").split(",")]]


def new_site(root: Path) -> Site:
    site = Site(root, root / "content", root / "content" / "seeds", root / "content" / "posts",
                root / "output", root / "cache")
    write_posts(site.posts)
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = new_site(tmp_path_factory.mktemp("dossiers"))
    build(site, **SETTINGS)
    return site


def month_label(date: str) -> str:
    return charts.period_label((int(date[:4]), int(date[5:7])))


def test_the_numbers_are_those_of_the_posts(built):
    posts = naming(built.posts, "People", ADA)
    expected = Counter(month_label(meta["Date"]) for meta in posts)
    page = read(built.output, "personnes/ada-lovelace/")
    assert f"<dt>Articles</dt><dd>{len(posts)}</dd>" in page
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    drawn = dict(re.findall(r'aria-label="([^":]+) : (\d+) articles?"', svg))
    titled = dict(re.findall(r"<title>([^<:]+) : (\d+) articles?</title>", svg))
    table = page.split('<table class="visually-hidden">', 1)[1].split("</table>", 1)[0]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', table))
    as_ints = {label: str(count) for label, count in expected.items()}
    assert drawn == titled == rows == as_ints
    assert len(expected) == 16  # January 2017 to April 2018, every month
    dates = sorted(meta["Date"] for meta in posts)
    first = f'<dt>Première mention</dt><dd><a href="../../articles/semaine-00/"><time datetime="{dates[0][:10]}">'
    assert first in page
    last = next(meta["Slug"] for meta in posts if meta["Date"] == dates[-1])
    assert f'<dt>Dernière mention</dt><dd><a href="../../articles/{last}/">' in page


def test_cited_with_counts_the_shared_posts(built):
    ada = {meta["Slug"] for meta in naming(built.posts, "People", ADA)}
    shared = {name: len(ada & {meta["Slug"] for meta in naming(built.posts, field, name)})
              for field, name in (("People", BABBAGE), ("Places", LONDON))}
    page = read(built.output, "personnes/ada-lovelace/")
    cited = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">\((\d+) articles en commun\)', page)
    assert cited == [("../../personnes/charles-babbage/", BABBAGE, str(shared[BABBAGE])),
                     ("../../lieux/londres/", LONDON, str(shared[LONDON]))]
    assert shared[BABBAGE] > shared[LONDON] > dossiers.SHORT  # too many to list the articles


def test_every_bar_leads_to_its_month_heading_above_its_newest_article(built):
    posts = naming(built.posts, "People", ADA)
    newest = {}
    for meta in sorted(posts, key=lambda meta: meta["Date"]):
        newest[meta["Date"][:7]] = meta["Slug"]
    page = read(built.output, "personnes/ada-lovelace/")
    hrefs = re.findall(r'<a class="chart__link" href="\.\./\.\./([^"#]+)#mois-(\d{4}-\d{2})"', page)
    assert sorted(month for _, month in hrefs) == sorted(newest)
    assert {target for target, _ in hrefs} > {"personnes/ada-lovelace/"}  # some on older pages
    for target, month in hrefs:
        listed = read(built.output, target).split(f'<h2 class="month-heading" id="mois-{month}">', 1)[1]
        assert listed.split('class="month-heading"', 1)[0].count(f'href="../../../../articles/{newest[month]}/"'
                                                             if "/page/" in target else
                                                             f'href="../../articles/{newest[month]}/"') == 1


def test_tag_and_section_pages_are_dossiers_too(built):
    tag = read(built.output, "tags/science/")
    assert "<dt>Type</dt><dd>Tag</dd>" in tag and f"<dt>Articles</dt><dd>{WEEKS // 2}</dd>" in tag
    assert '<figure class="chart" id="chronologie">' in tag
    section = read(built.output, "sections/monde/")
    assert "<dt>Type</dt><dd>Section</dd>" in section and f"<dt>Articles</dt><dd>{WEEKS}</dd>" in section
    # A chunk's page shows its articles, not the dossier (it would change with every article).
    older = read(built.output, "sections/monde/page/2017-01-03/")
    assert 'class="dossier"' not in older and 'class="month-heading"' in older


# -- rebuilds -------------------------------------------------------------------------------
DOSSIER = re.compile(r"^(personnes|lieux|organisations|tags|sections)/(?!par-nombre/)[^/]+/index\.html$")


def rebuild(site: Site) -> set[str]:
    """The term front pages (dossiers) an incremental rebuild rendered."""
    return {path for path in test_pagination.rebuild(site)[2] if DOSSIER.match(path)}


def test_adding_an_article_renders_only_the_dossiers_of_its_terms(tmp_path):
    site = new_site(tmp_path / "site")
    build(site, **SETTINGS)
    page = read(site.output, "personnes/ada-lovelace/")
    assert 'aria-label="juin 2017 : 3 articles"' in page
    # Mid-archive (the newest article's dossiers change with any newer one: it gains a neighbour).
    (site.posts / "nouveau.md").write_text(post(
        "nouveau", "Nouveau", datetime(2017, 6, 14, 9, 0), ["Informatique"], People=ADA, Places=LONDON))
    # Babbage is cited with Ada and London, but not by the new article: his dossier stays.
    assert rebuild(site) == {"personnes/ada-lovelace/index.html", "lieux/londres/index.html",
                             "tags/informatique/index.html", "sections/monde/index.html"}
    page = read(site.output, "personnes/ada-lovelace/")
    assert 'aria-label="juin 2017 : 4 articles"' in page
    clean = new_site(tmp_path / "clean")
    shutil.copy(site.posts / "nouveau.md", clean.posts / "nouveau.md")
    build(clean, KIOSQUE_INCREMENTAL=False, **SETTINGS)
    assert {name: data for name, (data, _, _) in snapshot(site.output).items()} == \
        {name: data for name, (data, _, _) in snapshot(clean.output).items()}


def test_spellings_come_from_the_registry_and_render_their_dossier_again(tmp_path):
    spellings = [ADA, "Augusta Ada King"]

    def registry(generator):
        generator.context["kiosque_entities"] = {ADA: {"type": "PER", "spellings": list(spellings)}}

    site = new_site(tmp_path / "site")
    signals.article_generator_pretaxonomy.connect(registry)
    try:
        build(site, **SETTINGS)
        assert "<dt>Autres graphies</dt><dd>Augusta Ada King</dd>" in read(site.output, "personnes/ada-lovelace/")
        assert "Autres graphies" not in read(site.output, "personnes/charles-babbage/")
        spellings.append("Ada Byron")
        assert rebuild(site) == {"personnes/ada-lovelace/index.html"}
    finally:
        signals.article_generator_pretaxonomy.disconnect(registry)
    page = read(site.output, "personnes/ada-lovelace/")
    assert "<dt>Autres graphies</dt><dd>Augusta Ada King, Ada Byron</dd>" in page
    # Without the registry's entry, no spellings (and the page is rendered again).
    assert rebuild(site) == {"personnes/ada-lovelace/index.html"}
    assert "Autres graphies" not in read(site.output, "personnes/ada-lovelace/")


def test_an_entity_with_its_own_page_and_its_tag_link_to_each_other(tmp_path):
    site = Site(tmp_path, tmp_path / "content", tmp_path / "content" / "seeds", tmp_path / "content" / "posts",
                tmp_path / "output", tmp_path / "cache")
    site.posts.mkdir(parents=True)
    # The second names her, untagged; Babbage's only article tags him: he lives on his tag's page.
    for n, (tags, people) in enumerate(((["Ada Lovelace", BABBAGE], f"{ADA}, {BABBAGE}"), (["Science"], ADA))):
        (site.posts / f"p{n}.md").write_text(post(f"p{n}", f"P{n}", START + timedelta(days=n), tags, People=people))
    build(site, **SETTINGS)
    assert not (site.output / "personnes" / "charles-babbage").exists()
    assert "<dt>Type</dt><dd>Tag · Personne</dd>" in read(site.output, "tags/charles-babbage/")
    person, tag = read(site.output, "personnes/ada-lovelace/"), read(site.output, "tags/ada-lovelace/")
    assert "<dt>Type</dt><dd>Personne</dd>" in person and "<dt>Articles</dt><dd>2</dd>" in person
    assert '; <a href="../../tags/ada-lovelace/">son tag</a> ceux dont c’est un sujet.' in person
    assert "<dt>Type</dt><dd>Tag</dd>" in tag and "<dt>Articles</dt><dd>1</dd>" in tag
    assert '; <a href="../../personnes/ada-lovelace/">son dossier</a> liste tous ceux qui citent ce nom.' in tag
