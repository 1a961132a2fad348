"""Charts of a report: plotext in the terminal, matplotlib (Agg) for PNG/SVG files.

Persian labels are shaped and put in visual order (arabic_reshaper + python-bidi), since
neither plotext nor matplotlib lays out right-to-left text itself.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from iranru.errors import UsageError
from iranru.render.tables import ARABIC_SCRIPT, visual_order

if TYPE_CHECKING:
    import pandas as pd

CHARTS = ("bars", "keyness", "dispersion", "timeline")
MOST_BARS = 25
FILE_SUFFIXES = (".png", ".svg")


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


def timeline_data(table: pd.DataFrame) -> tuple[list[int], dict[str, list[int]]]:
    """Date mentions per decade (of the first Gregorian year each value covers) per document."""
    counts: dict[str, dict[int, int]] = {}
    for doc, year_from in zip(table["doc"], table["year_from"], strict=True):
        decade = int(year_from) // 10 * 10
        per_doc = counts.setdefault(str(doc), {})
        per_doc[decade] = per_doc.get(decade, 0) + 1
    decades = sorted({decade for per_doc in counts.values() for decade in per_doc})
    return decades, {doc: [counts[doc].get(d, 0) for d in decades] for doc in sorted(counts)}


def plot_to_terminal(table: pd.DataFrame, chart: str, stream: IO[str] | None = None,
                     width: int = 100, height: int = 30) -> None:
    import plotext as plt

    plt.clear_figure()
    plt.plotsize(width, height)
    plt.theme("clear")
    plt.clear_color()
    if chart == "timeline":
        decades, series = timeline_data(table)
        labels = [str(decade) for decade in decades]
        if series:
            plt.multiple_bar(labels, list(series.values()), labels=list(series))
        plt.xlabel("decade")
    elif chart == "dispersion":
        strips = strip_data(table)
        for row, (doc, starts) in enumerate(strips.items(), start=1):
            plt.scatter(starts, [row] * len(starts), marker="|", label=doc)
        plt.yticks(list(range(1, len(strips) + 1)), list(strips))
        plt.xlabel("character offset")
    else:
        labels, values, column = bar_data(table, chart)
        plt.bar(labels[::-1], values[::-1], orientation="horizontal", width=0.3)
        plt.xlabel(column)
    (stream or sys.stdout).write(plt.uncolorize(plt.build()) + "\n")


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
