"""The archive in time, as heat maps: the year × month grid of /archives/, the calendar of days of
a year page, and the calendar of the days of the year of « Ce jour-là ».

Pure functions from articles to drawable charts: each cell has its count, its shade
(``charts.level``, shared with the dossiers' charts), its link, its label and its place;
``theme/templates/partials/timecharts.html`` draws them as inline SVG with the same numbers as a
table. Each chart reads only the articles it is given, so
a year page's calendar depends on that year's articles only (incremental rebuilds)."""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .charts import from_to, level
from .dates import MONTHS, articles_fr, is_estimated

SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                "nov.", "déc.")
WEEKDAYS = ("L", "M", "M", "J", "V", "S", "D")
LEAP_YEAR = 2000  # « Ce jour-là » has a page for every day a year can have, 29 February included

# Geometry, in SVG user units (the charts scale with the page).
GRID_LABEL, GRID_CELL, GRID_HEAD = 40, 28, 16
DAY_CELL, DAY_STEP, MONTH_HEAD = 20, 22, 30


@dataclass
class Cell:
    x: int
    y: int
    count: int
    level: int
    label: str  # « mai 2018 : 12 articles », the link's name and tooltip
    text: str  # written in the cell: the count (grid) or the day (calendars)
    url: str = ""  # site-relative; empty: no link


@dataclass
class Chart:
    title: str
    desc: str
    width: int
    height: int
    cell: int  # side of a cell
    cells: list[Cell] = field(default_factory=list)
    # Axis texts: x, y, text, SVG text-anchor.
    labels: list[tuple[int, int, str, str]] = field(default_factory=list)
    # Texts over the cells (drawn after them), as ``labels``: « aucun article » across an empty year.
    notes: list[tuple[int, int, str, str]] = field(default_factory=list)


@dataclass
class Table:
    """The chart's numbers for screen readers: one row per ``rows`` entry, one column per month."""

    caption: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]


@dataclass
class Calendar:
    months: list[Chart]
    table: Table
    total: int


def count_label(count: int) -> str:
    return "aucun article" if count == 0 else articles_fr(count)


def day_label(day: int, month: int, year: int | None = None) -> str:
    first = "1er" if day == 1 else str(day)
    return f"{first} {MONTHS[month - 1]}" + (f" {year}" if year else "")


def month_grid(articles, month_url: str = "", newest_first: bool = True) -> tuple[Chart, Table]:
    """/archives/: a row per year from the first to the last (empty years too: the axis is
    time, and a year without articles says so), in the order of the year lists below it
    (Pelican's ``NEWEST_FIRST_ARCHIVES``), a column per month; each cell links to its month page
    (``MONTH_ARCHIVE_URL``) when it has one. Articles whose date was estimated are left out: their
    month is the month of their import (``undated_months`` lists them apart)."""
    dated = [a for a in articles if not is_estimated(a)]
    counts = Counter((a.date.year, a.date.month) for a in dated)
    first_day = {}
    for article in dated:
        first_day.setdefault((article.date.year, article.date.month), article.date)
    known = {year for year, _ in counts}
    years = sorted(range(min(known), max(known) + 1), reverse=newest_first) if known else []
    most = max(counts.values(), default=0)
    chart = Chart("Articles par mois", "", GRID_LABEL + 12 * GRID_CELL, GRID_HEAD + len(years) * GRID_CELL,
                  GRID_CELL - 2)
    chart.labels = [(GRID_LABEL + m * GRID_CELL + GRID_CELL // 2 - 1, GRID_HEAD - 4, SHORT_MONTHS[m], "middle")
                    for m in range(12)]
    rows = []
    for row, year in enumerate(years):
        y = GRID_HEAD + row * GRID_CELL
        chart.labels.append((GRID_LABEL - 5, y + GRID_CELL // 2 + 3, str(year), "end"))
        for month in range(1, 13):
            count = counts.get((year, month), 0)
            url = month_url.format(date=first_day[(year, month)]) if count and month_url else ""
            chart.cells.append(Cell(GRID_LABEL + (month - 1) * GRID_CELL, y, count, level(count, most),
                                    f"{MONTHS[month - 1]} {year} : {count_label(count)}",
                                    str(count) if count else "", url))
        if year not in known:  # said in the row, not left to twelve pale cells
            chart.notes.append((GRID_LABEL + 6 * GRID_CELL - 1, y + GRID_CELL // 2 + 3, "aucun article", "middle"))
        rows.append((str(year), [str(counts.get((year, m), 0)) for m in range(1, 13)]))
    total = sum(counts.values())
    if years:
        busiest = max(counts, key=lambda key: (counts[key], key))
        empty = len(years) - len(known)
        chart.desc = (f"{articles_fr(total).capitalize()} {from_to(str(min(years)), str(max(years)))}, au plus "
                      f"{articles_fr(most)} en {MONTHS[busiest[1] - 1]} {busiest[0]}"
                      + (f" ; {empty} {'année' if empty == 1 else 'années'} sans article" if empty else "") + ". "
                      "Plus la case est foncée, plus le mois compte d’articles.")
    left_out = len(articles) - len(dated)
    if left_out:
        chart.desc += f" {undated_fr(left_out).capitalize()} n’y {'figure' if left_out == 1 else 'figurent'} pas."
    return chart, Table("Nombre d’articles par mois", list(MONTHS), rows)


@dataclass
class Undated:
    """The articles of one month page whose date was estimated (dated the day of their import)."""

    label: str  # « novembre 2026 »
    count: int
    url: str  # the month page's « Date inconnue » heading; empty when there are no month pages


def undated_months(articles, month_url: str = "") -> list[Undated]:
    """The articles the year grid leaves out (estimated date), by the month page that lists them
    under « Date inconnue », oldest month first."""
    found: dict[tuple[int, int], Undated] = {}
    for article in sorted((a for a in articles if is_estimated(a)), key=lambda a: a.date):
        key = (article.date.year, article.date.month)
        if key not in found:
            url = f"{month_url.format(date=article.date)}#{UNDATED_ANCHOR}" if month_url else ""
            found[key] = Undated(f"{MONTHS[key[1] - 1]} {key[0]}", 0, url)
        found[key].count += 1
    return list(found.values())


def undated_fr(count: int) -> str:
    """« 1 article sans date connue »: how the year grid names the articles it leaves out."""
    return f"{articles_fr(count)} sans date connue"


def _month_chart(year: int | None, month: int, counts: Counter, most: int, url_of) -> Chart:
    """One month as a block of days: by weekday (Monday first) when the year is known, else the
    days in rows of seven."""
    days = calendar.monthrange(year or LEAP_YEAR, month)[1]
    offset = date(year, month, 1).weekday() if year else 0
    weeks = (offset + days + 6) // 7
    title = f"{MONTHS[month - 1]} {year}" if year else MONTHS[month - 1]
    head = MONTH_HEAD if year else MONTH_HEAD - 12  # no weekday initials without a year
    chart = Chart(title, "", 7 * DAY_STEP - 2, head + weeks * DAY_STEP - 2, DAY_CELL)
    chart.labels = [(0, 13, title, "start")]
    if year:
        chart.labels += [(col * DAY_STEP + DAY_CELL // 2, MONTH_HEAD - 4, WEEKDAYS[col], "middle")
                         for col in range(7)]
    in_month = 0
    for day in range(1, days + 1):
        place = offset + day - 1
        count = counts.get((month, day), 0)
        in_month += count
        chart.cells.append(Cell((place % 7) * DAY_STEP, head + (place // 7) * DAY_STEP, count,
                                level(count, most), f"{day_label(day, month, year)} : {count_label(count)}",
                                str(day), url_of(month, day) if count else ""))
    busiest = max(chart.cells, key=lambda cell: (cell.count, -int(cell.text)))
    chart.desc = f"{count_label(in_month).capitalize()}" + (
        f", au plus {articles_fr(busiest.count)} le {day_label(int(busiest.text), month)}" if in_month else "") + "."
    return chart


def _calendar(year: int | None, counts: Counter, url_of, caption: str) -> Calendar:
    most = max(counts.values(), default=0)
    months = [_month_chart(year, month, counts, most, url_of) for month in range(1, 13)]
    rows = []
    for day in range(1, 32):
        values = []
        for month in range(1, 13):
            exists = day <= calendar.monthrange(year or LEAP_YEAR, month)[1]
            values.append(str(counts.get((month, day), 0)) if exists else "")
        rows.append((str(day), values))
    return Calendar(months, Table(caption, list(MONTHS), rows), sum(counts.values()))


def year_calendar(articles, year: int, month_url: str = "", day_url: str = "") -> Calendar:
    """A year page: its articles per day, each day linking to its articles (``day_url``, Pelican's
    ``DAY_ARCHIVE_URL``, when the site writes day pages; else its heading in the month page)."""
    dated = [a for a in articles if a.date.year == year and not is_estimated(a)]
    counts = Counter((a.date.month, a.date.day) for a in dated)
    first = {}
    for article in dated:
        first.setdefault((article.date.month, article.date.day), article.date)

    def url_of(month: int, day: int) -> str:
        when = first[(month, day)]
        if day_url:
            return day_url.format(date=when)
        return f"{month_url.format(date=when)}#{day_anchor(day)}" if month_url else ""

    return _calendar(year, counts, url_of, f"Nombre d’articles par jour en {year}")


def day_anchor(day: int | None) -> str:
    """The id of a day's heading in a month page (None: the articles without a known date)."""
    return UNDATED_ANCHOR if day is None else f"jour-{day}"


UNDATED_ANCHOR = "date-inconnue"  # the id of a month page's heading of articles without a known date


def days_of_year_calendar(counts: dict[tuple[int, int], int], day_url: str) -> Calendar:
    """« Ce jour-là »: articles per day of the year, every year together; each day links to its page."""
    def url_of(month: int, day: int) -> str:
        return this_day_url(day_url, month, day)

    return _calendar(None, Counter(counts), url_of, "Nombre d’articles par jour de l’année, toutes années confondues")


def this_day_url(pattern: str, month: int, day: int) -> str:
    return pattern.format(month=f"{month:02d}", day=f"{day:02d}")
