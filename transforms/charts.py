"""Charts for the HTML report: plain lists in, SVG text out, drawn by matplotlib.

Pure: no pyplot (its global figure registry), no files, no clock (the SVG carries no date), no
network. Each function returns one `<svg>` element to inline into the page: the XML prolog is
dropped and every id is prefixed with the chart's name, so several charts in one page never share
an id (matplotlib numbers them per file). The artists that carry data get ids containing `-data`,
so a test can tell a chart that drew something from an empty frame.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from itertools import pairwise

import matplotlib

matplotlib.use("Agg")  # before anything imports pyplot: no display, no GUI toolkit

from matplotlib import dates as mdates
from matplotlib import rcParams
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

# Text stays text (the browser's sans-serif draws it): smaller pages than glyph outlines, and selectable.
# A fixed salt makes the generated clip-path ids, hence the whole SVG, the same on every run.
rcParams["svg.fonttype"] = "none"
rcParams["svg.hashsalt"] = "newsetl"
rcParams["font.family"] = "sans-serif"
rcParams["font.size"] = 9
rcParams["axes.spines.top"] = False
rcParams["axes.spines.right"] = False

# Colour-blind-safe categorical palette (Okabe-Ito), then grey for "other".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
OTHER = "#999999"
WIDTH = 8.0  # inches; the page scales the SVG to its column


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _figure(height: float) -> Figure:
    return Figure(figsize=(WIDTH, height), layout="constrained")


def _mark(artists: Sequence[Artist] | Artist, counter: list[int]) -> None:
    """Tag artists that carry data (see the module docstring); ids must stay unique within the SVG."""
    for artist in artists if isinstance(artists, Sequence) else [artists]:
        counter[0] += 1
        artist.set_gid(f"data{counter[0]}")


def _svg(figure: Figure, name: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL)
    # Prefix ids and their references: id="x", url(#x), xlink:href="#x".
    text = re.sub(r'\bid="([^"]+)"', rf'id="{name}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{name}-\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{name}-\1"', text)
    # The page sizes the chart: keep the viewBox, let CSS set the width.
    text = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r'<svg \1role="img"', text, count=1)
    return text.strip()


def _x(times: Sequence[date]) -> list[float]:
    """Days and times as matplotlib's date numbers (days since its epoch): bar widths are in days."""
    return [float(x) for x in mdates.date2num(list(times))]


def _date_axis(ax: Axes, times: Sequence[date]) -> None:
    if len(set(times)) == 1:  # one day or one run: a week around it, not a zero-width axis
        only = _x(times)[0]
        ax.set_xlim(only - 3.5, only + 3.5)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def stacked_bars_by_day(name: str, days: Sequence[date], series: Mapping[str, Sequence[int]], ylabel: str) -> str:
    """Stacked counts per period (e.g. stories per week by site), in the order given, bottom first.

    Drawn as a stacked step area, one shape per series, each period a flat top as wide as the period:
    it reads as touching bars, and costs one artist per series where bars cost one per period and series
    (hundreds on a year of days, seconds of drawing).
    """
    figure = _figure(3.2)
    ax = figure.add_subplot()
    marks: list[int] = [0]
    x = _x(days)
    width = _bar_width(days) / 0.8  # the period's length in days
    edges = [*x, x[-1] + width]  # each value holds from its period's start to the next one's
    colours = [OTHER if label == "other" else colour(i) for i, label in enumerate(series)]
    values = [[*v, v[-1]] for v in series.values()]
    areas = ax.stackplot(edges, *values, labels=list(series), colors=colours, step="post", linewidth=0)
    _mark(areas, marks)
    ax.set_xlim(edges[0], edges[-1])
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _date_axis(ax, days)
    ax.legend(loc="upper left", fontsize=8, frameon=False, ncols=2)
    return _svg(figure, name)


def lines_over_time(name: str, periods: Sequence[date], series: Mapping[str, Sequence[int]], ylabel: str) -> str:
    """One line per series over the periods (e.g. stories mentioning each top entity per week)."""
    figure = _figure(3.2)
    ax = figure.add_subplot()
    marks: list[int] = [0]
    for index, (label, values) in enumerate(series.items()):
        lines = ax.plot(_x(periods), values, marker="o", markersize=3, linewidth=1.5, label=label, color=colour(index))
        _mark(lines, marks)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _date_axis(ax, periods)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, frameon=False)
    return _svg(figure, name)


def horizontal_bars(
    name: str, labels: Sequence[str], values: Sequence[float], xlabel: str, groups: Sequence[str] | None = None
) -> str:
    """Labelled bars, largest first, coloured by group when given (e.g. figures by kind)."""
    figure = _figure(0.6 + 0.24 * max(len(labels), 1))
    ax = figure.add_subplot()
    marks: list[int] = [0]
    positions = list(range(len(labels)))[::-1]
    group_names = list(dict.fromkeys(groups)) if groups else []
    colours = [colour(group_names.index(g)) for g in groups] if groups else [colour(0)] * len(labels)
    bars = ax.barh(positions, values, color=colours)
    _mark(bars.patches, marks)
    ax.set_yticks(positions, [_short(label) for label in labels])
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.bar_label(bars, fmt="{:,.0f}", padding=2, fontsize=8)
    if group_names:
        from matplotlib.patches import Patch

        handles = [Patch(color=colour(i), label=g) for i, g in enumerate(group_names)]
        ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, frameon=False)
    return _svg(figure, name)


def runs_over_time(
    name: str,
    started: Sequence[datetime],
    counts: Mapping[str, Sequence[int]],
    seconds: Sequence[float],
    rejections_by_reason: Mapping[str, Sequence[int]],
) -> str:
    """The runs one under the other: documents, articles and rejections; rejections by reason; duration."""
    figure = _figure(6.0)
    top, middle, bottom = figure.subplots(3, 1, sharex=True, height_ratios=[3, 2, 2])
    marks: list[int] = [0]
    for index, (label, values) in enumerate(counts.items()):
        _mark(top.plot(_x(started), values, marker="o", markersize=3, label=label, color=colour(index)), marks)
    top.set_ylabel("per run")
    top.set_ylim(bottom=0)
    top.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), fontsize=8, frameon=False, ncols=3)
    # Bars a little narrower than the closest two runs, so nightly runs do not overlap.
    width = _bar_width(started)
    base = [0] * len(started)
    for index, (reason, values) in enumerate(rejections_by_reason.items()):
        bars = middle.bar(_x(started), values, width=width, bottom=base, label=reason, color=colour(index + 3))
        _mark(bars.patches, marks)
        base = [b + v for b, v in zip(base, values, strict=True)]
    middle.set_ylabel("rejections")
    if rejections_by_reason:
        middle.legend(loc="upper left", fontsize=7, frameon=False, ncols=2)
    _mark(bottom.plot(_x(started), seconds, marker="s", markersize=3, color=colour(7)), marks)
    bottom.set_ylabel("seconds")
    bottom.set_ylim(bottom=0)
    _date_axis(bottom, started)
    return _svg(figure, name)


def _bar_width(times: Sequence[date]) -> float:
    """A bar width in days: 80% of the shortest gap between two times (0.8 of a day when there is one)."""
    ordered = sorted(times)
    gaps = [(b - a).total_seconds() / 86400 for a, b in pairwise(ordered) if b > a]
    return 0.8 * min(gaps) if gaps else 0.8


def place_map(
    name: str, longitudes: Sequence[float], latitudes: Sequence[float], sizes: Sequence[int], labels: Sequence[str]
) -> str:
    """Places on a plain longitude/latitude plane with a graticule every 30°: no tiles, no coastlines.

    Marker area grows with the count (stories); the `labels` given (the largest places) are written beside.
    """
    figure = _figure(4.2)
    ax = figure.add_subplot()
    marks: list[int] = [0]
    ax.set_xlim(-180, 180)
    ax.set_ylim(-90, 90)
    ax.set_aspect("equal")
    ax.set_xticks(range(-180, 181, 30))
    ax.set_yticks(range(-90, 91, 30))
    ax.grid(True, color="#dddddd", linewidth=0.6)
    ax.axhline(0, color="#bbbbbb", linewidth=0.8)
    ax.set_facecolor("#f4f8fb")
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    biggest = max(sizes, default=1) or 1
    areas = [12 + 400 * s / biggest for s in sizes]
    points = ax.scatter(longitudes, latitudes, s=areas, color=colour(0), alpha=0.6, edgecolors="white", linewidths=0.5)
    _mark(points, marks)
    for lon, lat, label in zip(longitudes, latitudes, labels, strict=False):
        ax.annotate(_short(label, 24), (lon, lat), xytext=(4, 4), textcoords="offset points", fontsize=7)
    return _svg(figure, name)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
