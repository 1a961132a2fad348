"""Charts of a report: plotext in the terminal, matplotlib (Agg) for PNG/SVG files.

Persian labels are shaped and put in visual order (arabic_reshaper + python-bidi), since
neither plotext nor matplotlib lays out right-to-left text itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from iranru.errors import UsageError
from iranru.render.tables import ARABIC_SCRIPT, visual_order

if TYPE_CHECKING:
    import pandas as pd

CHARTS = ("bars", "keyness", "dispersion", "timeline")
MOST_BARS = 25
FILE_SUFFIXES = (".png", ".svg")
MOST_PLOT_WIDTH = 160
BIN_YEARS = (10, 20, 50, 100, 200, 500, 1000)
# 256-colour codes told apart on dark and light backgrounds: blue, orange, green, red,
# magenta, cyan, then the darker six
COLOURS = (12, 208, 10, 9, 13, 14, 4, 130, 2, 1, 5, 6)
BAR_MARKERS = ("█", "░", "▒", "#", "+", "o", "x", "*", "=", "%", "@", ":")
STRIP_MARKERS = ("|", "+", "x", "o", "*", "#", "=", "%", "@", ":", "~", "^")


def label(text: object) -> str:
    value = str(text)
    return visual_order(value) if ARABIC_SCRIPT.search(value) else value


def bar_data(table: pd.DataFrame, chart: str) -> tuple[list[str], list[float], str]:
    """Labels and values: terms by count, concepts by their first rate, keywords by signed
    log-likelihood (B's keywords negative)."""
    from pandas.api.types import is_numeric_dtype

    if chart == "keyness":
        value_column = "log_likelihood"
    elif "count" in table.columns:
        value_column = "count"
    else:
        value_column = next(str(c) for c in table.columns if is_numeric_dtype(table[c]))
    head = table.head(MOST_BARS)
    labels = [label(value) for value in head.iloc[:, 0]]
    return labels, [float(value) for value in head[value_column]], value_column


def strip_data(table: pd.DataFrame) -> dict[str, list[int]]:
    """KWIC match offsets per document: where in each text the term occurs."""
    strips: dict[str, list[int]] = {}
    for doc, start in zip(table["doc"], table["start"], strict=True):
        strips.setdefault(str(doc), []).append(int(start))
    return {doc: strips[doc] for doc in sorted(strips)}


def timeline_data(table: pd.DataFrame, years: int = 10) -> tuple[list[int], dict[str, list[int]]]:
    """Date mentions per bin of `years` (a decade by default) of the first Gregorian year each
    value covers (`year_from`), per document, every bin from the first to the last: an empty
    one is a zero, not a gap."""
    counts: dict[str, dict[int, int]] = {}
    for doc, year_from in zip(table["doc"], table["year_from"], strict=True):
        start = int(year_from) // years * years
        per_doc = counts.setdefault(str(doc), {})
        per_doc[start] = per_doc.get(start, 0) + 1
    found = {start for per_doc in counts.values() for start in per_doc}
    bins = list(range(min(found), max(found) + years, years)) if found else []
    return bins, {doc: [counts[doc].get(start, 0) for start in bins] for doc in sorted(counts)}


def bin_years(table: pd.DataFrame, most_bins: int) -> int:
    """Decades if every decade of the range fits `most_bins` bars, else the first wider bin
    (20, 50, 100… years) that does."""
    decades, _ = timeline_data(table)
    if not decades:
        return BIN_YEARS[0]
    for years in BIN_YEARS:
        if decades[-1] // years - decades[0] // years + 1 <= most_bins:
            return years
    return BIN_YEARS[-1]


def colour_on(stream: IO[str]) -> bool:
    """Colour on a terminal (or with FORCE_COLOR), unless NO_COLOR is set or TERM is dumb."""
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return "FORCE_COLOR" in os.environ or stream.isatty()


def series_styles(count: int, colour: bool, markers: Sequence[str]) -> list[tuple[int | None, str]]:
    """A distinct (256-colour code, marker) for each series: colours on a colour terminal,
    distinct characters without colour."""
    if colour:
        return [(COLOURS[i % len(COLOURS)], markers[0]) for i in range(count)]
    return [(None, markers[i % len(markers)]) for i in range(count)]


def legend(names: Sequence[str], styles: Sequence[tuple[int | None, str]]) -> str:
    """One line a series, under the chart (plotext's own legend covers the bars)."""
    lines = []
    for name, (code, marker) in zip(names, styles, strict=True):
        swatch = marker * 2 if code is None else f"\x1b[38;5;{code}m{marker * 2}\x1b[0m"
        lines.append(f"  {swatch} {label(name)}")
    return "\n".join(lines)


def plot_to_terminal(table: pd.DataFrame, chart: str, stream: IO[str] | None = None,
                     width: int | None = None, height: int = 25) -> None:
    """The chart in the terminal's width, a colour (or, under NO_COLOR, a character) and a
    legend line for each document."""
    import plotext as plt

    from iranru.render.tables import terminal_width

    target = stream or sys.stdout
    width = width or min(terminal_width(target), MOST_PLOT_WIDTH)
    colour = colour_on(target)
    plt.clear_figure()
    plt.plotsize(width, height)
    plt.theme("clear")
    key = ""
    if chart == "timeline":
        years = bin_years(table, (width - 10) // 2)
        starts, series = timeline_data(table, years)
        styles = series_styles(len(series), colour, BAR_MARKERS)
        if series:
            plt.stacked_bar([str(start) for start in starts], list(series.values()),
                            marker=[marker for _, marker in styles],
                            color=[code if code is not None else "default" for code, _ in styles])
            key = legend(list(series), styles)
        plt.xlabel("decade" if years == 10 else f"{years} years from")
        plt.ylabel("date mentions")
    elif chart == "dispersion":
        strips = strip_data(table)
        plt.plotsize(width, min(height, 3 * len(strips) + 6))  # a strip a document, no more
        styles = series_styles(len(strips), colour, STRIP_MARKERS)
        for row, (starts, (code, marker)) in enumerate(zip(strips.values(), styles, strict=True),
                                                       start=1):
            plt.scatter(starts, [row] * len(starts), marker=marker,
                        color=code if code is not None else "default")
        plt.yticks(list(range(1, len(strips) + 1)), [str(row) for row in range(1, len(strips) + 1)])
        plt.ylabel("document")
        plt.xlabel("character offset")
        key = legend([f"{row} {doc}" for row, doc in enumerate(strips, start=1)], styles)
    else:
        labels, values, column = bar_data(table, chart)
        plt.bar(labels[::-1], values[::-1], orientation="horizontal", width=0.3,
                color=COLOURS[0] if colour else "default")
        plt.xlabel(column)
    chart_text = plt.build() if colour else plt.uncolorize(plt.build())
    target.write(chart_text + "\n" + (key + "\n" if key else ""))


def plot_to_file(table: pd.DataFrame, chart: str, path: Path) -> None:
    """The same chart as a PNG or SVG, written atomically."""
    if path.suffix.lower() not in FILE_SUFFIXES:
        raise UsageError(f"{path}: a plot file must end in .png or .svg")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from iranru.render.writers import write_atomically

    figure = Figure(figsize=(8, 6), layout="constrained")
    axes = figure.subplots()
    if chart == "timeline":
        decades, series = timeline_data(table)
        width = 8 / max(1, len(series))
        for index, (doc, counts) in enumerate(series.items()):
            axes.bar([d + index * width for d in decades], counts, width=width, label=doc)
        if series:
            axes.legend(fontsize="small")
        axes.set_xlabel("decade")
        axes.set_ylabel("date mentions")
    elif chart == "dispersion":
        strips = strip_data(table)
        axes.eventplot(list(strips.values()), orientation="horizontal", colors="black")
        axes.set_yticks(range(len(strips)), [label(doc) for doc in strips])
        axes.set_xlabel("character offset")
    else:
        labels, values, column = bar_data(table, chart)
        axes.barh(range(len(labels)), values, color=["#4c72b0" if v >= 0 else "#dd8452" for v in values])
        axes.set_yticks(range(len(labels)), labels)
        axes.invert_yaxis()
        axes.set_xlabel(column)
    suffix = path.suffix.lower().lstrip(".")
    write_atomically(path, lambda target: figure.savefig(target, format=suffix))
