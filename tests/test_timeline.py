"""The archive in time (plugins/kiosque_theme/timeline.py, thisday.py, theme/templates/
partials/timecharts.html): the numbers in the SVG heat maps and in their tables are the counts
worked out here from the posts themselves, and every link goes where it says."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, datetime
from html import unescape
from pathlib import Path

import pytest
from conftest import CORPUS_EARLIER_VERSIONS
from kiosque_theme import timeline
from kiosque_theme.charts import level
from kiosque_theme.dates import MONTHS, articles_fr
from theme_fixtures import build_tiny_site, post, read

CELL = re.compile(r'<(a|g) (?:href="([^"]*)" aria-label="([^"]*)" )?data-count="(\d+)"><title>([^<]*)</title>')


def posts_of(folder: Path) -> list[dict]:
    """Every post's metadata, as the import wrote it (or a test did)."""
    found = []
    for path in sorted(folder.glob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        meta["when"] = datetime.strptime(meta["Date"], "%Y-%m-%d %H:%M")
        found.append(meta)
    return found


def listed(metas: list[dict]) -> list[dict]:
    """The posts the lists show: published, and not an earlier version of a story (kiosque_stories)."""
    return [m for m in metas
            if m.get("Status", "published") == "published" and m["Slug"] not in CORPUS_EARLIER_VERSIONS]


def dated(metas: list[dict]) -> list[dict]:
    return [m for m in listed(metas) if m.get("DateEstimated", "").lower() != "true"]


def cells(svg: str) -> list[tuple[str, str, int, str]]:
    """(href, aria-label, data-count, title) of every cell of a chart."""
    return [(unescape(href), unescape(label), int(count), unescape(title))
            for _tag, href, label, count, title in CELL.findall(svg)]


def between(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end, html.index(start))]


def table_rows(html: str) -> dict[str, list[str]]:
    """The rows of the chart's table (for screen readers): header -> cells."""
    body = between(html, "<tbody>", "</tbody>")
    return {head: re.findall(r"<td>([^<]*)</td>", row)
            for head, row in re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', body)}


# --- the corpus site: /archives/ and a year page --------------------------------------------

def test_year_grid_counts_the_posts(corpus_site):
    metas = dated(posts_of(corpus_site.posts))
    expected = Counter((m["when"].year, m["when"].month) for m in metas)
    html = read(corpus_site.output, "archives/")
    grid = between(html, '<svg class="heat heat--grid"', "</svg>")
    found = cells(grid)
    # Every year from the first to the last, newest first as the year lists; the seed, whose date
    # was estimated (the day of its import), is not one of them.
    years = list(range(max(y for y, _ in expected), min(y for y, _ in expected) - 1, -1))
    assert years == [2020, 2019, 2018, 2017, 2016]
    assert len(found) == 12 * len(years)
    for (href, label, count, title), (year, month) in zip(found, [(y, m) for y in years for m in range(1, 13)],
                                                          strict=True):
        want = expected.get((year, month), 0)
        assert count == want, (year, month)
        shade = level(want, max(expected.values()))
        assert f'<title>{title}</title><rect class="heat__cell heat-{shade}"' in grid
        assert title == f"{MONTHS[month - 1]} {year} : {articles_fr(want) if want else 'aucun article'}"
        assert label == (title if want else "")
        assert href == (f"../archives/{year}/{month:02d}/" if want else "")
        if want:  # the number written in the cell, and the month page it opens
            assert f'>{want}</text></a>' in grid
            assert f"({articles_fr(want)})" in read(corpus_site.output, f"archives/{year}/{month:02d}/")
    rows = table_rows(html)
    assert rows == {str(y): [str(expected.get((y, m), 0)) for m in range(1, 13)] for y in years}
    total = sum(expected.values())
    assert f"{articles_fr(total).capitalize()} de 2016 à 2020" in grid
    assert "1 article sans date connue n’y figure pas." in grid


def test_year_grid_names_the_articles_without_a_known_date_apart(corpus_site):
    metas = listed(posts_of(corpus_site.posts))
    [seed] = [m for m in metas if m.get("DateEstimated") == "true"]
    year, month = seed["when"].year, seed["when"].month
    html = read(corpus_site.output, "archives/")
    note = between(html, '<p class="heat-undated">', "</p>")
    assert " ".join(unescape(re.sub(r"<[^>]+>", "", note)).split()) == (
        f"1 article sans date connue, classé au jour de son import, n’est pas dans la grille : "
        f"{MONTHS[month - 1]} {year} (1).")
    assert f'href="../archives/{year}/{month:02d}/#date-inconnue"' in note
    # The month page lists it under that heading; the year lists say it has no known date.
    assert [m["Slug"] for m in metas if m["when"].year == year] == [seed["Slug"]]
    assert f'{year}</a> <span class="count">(1 sans date connue)</span></h2>' in html
    assert f'{MONTHS[month - 1]}</a> <span class="count">(1 sans date connue)</span></li>' in html
    # Its year page (the seed's year has no other article) draws no empty calendar, and says why.
    year_page = read(corpus_site.output, f"archives/{year}/")
    assert "<svg" not in year_page
    note = between(year_page, '<p class="heat-undated">', "</p>")
    assert " ".join(unescape(re.sub(r"<[^>]+>", "", note)).split()) == (
        f"1 article sans date connue, classé au jour de son import, n’est pas dans le calendrier : "
        f"{MONTHS[month - 1]} {year} (1).")
    assert f'href="../../archives/{year}/{month:02d}/#date-inconnue"' in note
    assert f'{MONTHS[month - 1]} {year}</a> <span class="count">(1 sans date connue)</span></li>' in year_page
    page = read(corpus_site.output, f"archives/{year}/{month:02d}/")
    assert '<h2 class="archive-day" id="date-inconnue">Date inconnue <span class="count">(1 article)</span>' in page
    assert f'href="../../../articles/{seed["Slug"]}/"' in between(page, 'id="date-inconnue"', "</ul>")


def test_year_calendar_counts_the_posts_and_links_to_day_headings(corpus_site):
    metas = dated(posts_of(corpus_site.posts))
    per_day = Counter(m["when"].date() for m in metas if m["when"].year == 2018)
    html = read(corpus_site.output, "archives/2018/")
    figure = between(html, '<figure class="heat-figure heat-figure--calendar">', "</figure>")
    found = cells(figure)
    days = [date(2018, 1, 1).fromordinal(n) for n in range(date(2018, 1, 1).toordinal(), date(2019, 1, 1).toordinal())]
    assert len(found) == len(days) == 365
    for (href, _label, count, title), day in zip(found, days, strict=True):
        want = per_day.get(day, 0)
        assert count == want, day
        assert title.endswith(f" 2018 : {articles_fr(want) if want else 'aucun article'}")
        if want:
            assert href == f"../../archives/2018/{day.month:02d}/#jour-{day.day}"
    rows = table_rows(figure)
    assert rows["18"][4] == str(per_day.get(date(2018, 5, 18), 0))
    assert rows["30"][1] == ""  # no 30 February
    assert sum(int(v) for values in rows.values() for v in values if v) == sum(per_day.values())
    # Each day links to its heading in the month page, which lists exactly its articles.
    month = read(corpus_site.output, "archives/2018/05/")
    for day in (d for d in per_day if d.month == 5):
        heading = re.search(rf'<h2 class="archive-day" id="jour-{day.day}">[^<]*<span class="count">\(([^)]+)\)', month)
        assert heading and heading.group(1) == articles_fr(per_day[day])


def test_this_day_page_lists_that_day_of_every_year(corpus_site):
    metas = dated(posts_of(corpus_site.posts))
    by_day = defaultdict(list)
    for meta in metas:
        by_day[(meta["when"].month, meta["when"].day)].append(meta)
    (month, day), chosen = max(by_day.items(), key=lambda item: (len({m["when"].year for m in item[1]}), item[0]))
    assert len({m["when"].year for m in chosen}) >= 2  # the corpus has a day seen in several years
    html = read(corpus_site.output, f"ce-jour-la/{month:02d}-{day:02d}/")
    years = [int(y) for y in re.findall(r'<section class="this-day-year" data-year="(\d+)"', html)]
    assert years == sorted({m["when"].year for m in chosen}, reverse=True)
    slugs = re.findall(r'href="\.\./\.\./articles/([^/]+)/"', html)
    expected = sorted(chosen, key=lambda m: m["when"], reverse=True)
    assert slugs == [m["Slug"] for m in expected]
    assert f"({articles_fr(len(chosen))})" in html
    # The calendar of « Ce jour-là » says the same, and links there.
    calendar = read(corpus_site.output, "ce-jour-la/")
    found = {title.split(" : ")[0]: (href, count) for href, _label, count, title in cells(calendar)}
    assert len(found) == 366
    assert found[timeline.day_label(day, month)] == (f"../ce-jour-la/{month:02d}-{day:02d}/", len(chosen))
    assert sum(count for _href, count in found.values()) == len(metas)


def test_this_day_pages_cover_every_day_and_link_their_neighbours(corpus_site):
    pages = sorted(p.parent.name for p in (corpus_site.output / "ce-jour-la").glob("*/index.html"))
    assert len(pages) == 366 and pages[0] == "01-01" and "02-29" in pages and pages[-1] == "12-31"
    html = read(corpus_site.output, "ce-jour-la/01-01/")
    assert 'href="../../ce-jour-la/12-31/">← 31 décembre' in html
    assert 'href="../../ce-jour-la/01-02/">2 janvier →' in html


# --- unit: shades and layout ---------------------------------------------------------------

def test_a_month_starts_on_its_weekday():
    cal = timeline.year_calendar([], 2018)
    may = cal.months[4]
    assert may.title == "mai 2018"
    first = may.cells[0]  # 1 May 2018 was a Tuesday: second column
    assert (first.x, first.text, first.url) == (timeline.DAY_STEP, "1", "")
    assert len(cal.months[1].cells) == 28 and cal.total == 0


# --- the tiny site, with a story's hidden version and an article three years older ---------

@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    hidden = post("ancienne-version", "Ancienne version", datetime(2018, 6, 2, 9, 0), ["Syrie"], Status="hidden")
    older = post("plus-ancien", "Plus ancien", datetime(2015, 3, 10, 9, 0), ["Syrie"])
    return build_tiny_site(tmp_path_factory.mktemp("timeline-tiny"),
                           extra={"ancienne-version.md": hidden, "plus-ancien.md": older}, KIOSQUE_SEARCH=False)


def test_hidden_versions_are_not_counted(tiny_site):
    grid = between(read(tiny_site.output, "archives/"), '<svg class="heat heat--grid"', "</svg>")
    june = next(cell for cell in cells(grid) if cell[3].startswith("juin 2018"))
    assert june[2] == 5  # the hole article and its four neighbours, not the hidden version
    day = read(tiny_site.output, "ce-jour-la/06-02/")
    assert "Ancienne version" not in day and "Voisin 0" in day
    assert (tiny_site.output / "articles" / "ancienne-version" / "index.html").is_file()


def test_years_without_articles_are_empty_rows_of_the_grid(tiny_site):
    expected = Counter((m["when"].year, m["when"].month) for m in dated(posts_of(tiny_site.posts))
                       if m.get("Status") != "hidden")
    assert sorted(expected.items()) == [((2015, 3), 1), ((2018, 4), 31), ((2018, 5), 31), ((2018, 6), 5)]
    html = read(tiny_site.output, "archives/")
    grid = between(html, '<svg class="heat heat--grid"', "</svg>")
    found = cells(grid)
    assert [title.split(" : ")[0] for *_, title in found[::12]] == [
        "janvier 2018", "janvier 2017", "janvier 2016", "janvier 2015"]  # 2026: the estimated date only
    for _href, _label, count, title in found[12:36]:  # 2017 and 2016: drawn, empty, not links
        assert count == 0 and title.endswith(" : aucun article")
    assert 'href="../archives/2017/' not in grid and 'href="../archives/2016/' not in grid
    # Written across each empty year, over its cells.
    assert grid.count('<text class="heat__note" x="207" y="') == grid.count(">aucun article</text>") == 2
    assert table_rows(html) == {str(y): [str(expected.get((y, m), 0)) for m in range(1, 13)]
                                for y in (2018, 2017, 2016, 2015)}
    assert "68 articles de 2015 à 2018, au plus 31 articles en mai 2018 ; 2 années sans article." in grid
    assert "1 article sans date connue n’y figure pas." in grid
    assert 'href="../archives/2026/01/#date-inconnue">janvier 2026</a> (1).' in html
    assert '<a href="../archives/2018/">2018</a> <span class="count">(67)</span>' in html


def test_the_charts_and_dossiers_can_be_turned_off(tmp_path):
    site = build_tiny_site(tmp_path, KIOSQUE_SEARCH=False, KIOSQUE_DOSSIERS=False, KIOSQUE_TIME_CHARTS=False)
    archives = read(site.output, "archives/")
    assert "<svg" not in archives and "heat-undated" not in archives and "timeline.css" not in archives
    assert '<a href="../archives/2018/">2018</a> <span class="count">(67)</span>' in archives
    year = read(site.output, "archives/2018/")
    assert "<svg" not in year and '<h2 class="archive-months">Par mois</h2>' in year
    tag = read(site.output, "tags/syrie/")
    assert 'class="dossier"' not in tag and "Aller à la liste des articles" not in tag
    assert '<h1 class="page-title">Syrie <span class="count">(3 articles)</span></h1>' in tag
