"""Charts drawn at build time: the numbers and geometry behind the ``partials/charts.html``
macros (inline SVG plus the same numbers as an HTML table), shared by every chart of the theme
(a dossier's timeline, the archives' grids). No JavaScript draws them.

A bar chart's SVG is stretched to the width of its box (``preserveAspectRatio="none"``), so it
holds no text: its axis labels are HTML placed by percentages (``Chart.ticks``), crisp at any
width, 375 px included."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import MONTHS

WIDTH = 10  # viewBox units per bar
HEIGHT = 100  # viewBox height
MIN_HEIGHT = 3  # a bar of 1 among hundreds stays visible
MAX_TICKS = 12


@dataclass(frozen=True)
class Bar:
    label: str  # « mai 2018 », « 2018 »
    count: int
    url: str | None = None  # where its articles are (None: not a link)


@dataclass(frozen=True)
class Drawn:
    bar: Bar
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    bars: list  # Drawn, in order
    width: int  # of the viewBox
    height: int
    maximum: int
    total: int
    peak: Bar | None  # the first bar holding the maximum
    ticks: list  # (left edge in %, label)


def from_to(first: str, last: str) -> str:
    """« d’avril 2018 à mai 2019 », « de 2010 à 2020 »: French elides « de » before a vowel."""
    start = f"d’{first}" if first[:1] in "aeiouéèêàâîôûh" else f"de {first}"
    return f"{start} à {last}"


def period_label(key: tuple) -> str:
    """``(2018,)`` → « 2018 », ``(2018, 5)`` → « mai 2018 »."""
    return str(key[0]) if len(key) == 1 else f"{MONTHS[key[1] - 1]} {key[0]}"


def bar_chart(bars: list) -> Chart:
    """Where each bar goes in a ``WIDTH * len(bars)`` × ``HEIGHT`` viewBox."""
    maximum = max((bar.count for bar in bars), default=0)
    drawn = []
    for index, bar in enumerate(bars):
        height = 0.0 if not bar.count else max(MIN_HEIGHT, HEIGHT * bar.count / maximum)
        drawn.append(Drawn(bar, index * WIDTH + 1, HEIGHT - height, WIDTH - 2, height))
    peak = next((bar for bar in bars if bar.count == maximum and maximum), None)
    return Chart(drawn, WIDTH * len(bars), HEIGHT, maximum, sum(bar.count for bar in bars), peak, ticks(bars))


def ticks(bars: list) -> list[tuple[float, str]]:
    """Axis labels: each year where it starts (the first bar, then every January), at most
    ``MAX_TICKS`` of them (every second, fifth… year on long spans)."""
    years = [(index, bar.label.rsplit(" ", 1)[-1]) for index, bar in enumerate(bars)
             if index == 0 or bar.label.startswith(MONTHS[0] + " ") or " " not in bar.label]
    if len(years) > 1 and years[1][0] < 3 and " " in bars[0].label:
        del years[0]  # a span starting in November: its year's label would run into the next
    step = -(-len(years) // MAX_TICKS)
    return [(round(100 * index / len(bars), 3), year) for index, year in years[::step]]


def level(count: int, maximum: int, steps: int = 4) -> int:
    """A heat map cell's shade: 0 for none, then 1..steps in proportion to the maximum."""
    if count <= 0 or maximum <= 0:
        return 0
    return max(1, -(-count * steps // maximum))
