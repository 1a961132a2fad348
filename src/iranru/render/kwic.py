"""Concordance lines laid out for reading: one line a hit, the matches in one column, Persian
lines right to left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iranru.render.tables import (
    ARABIC_SCRIPT,
    KEY_WANTED,
    Shown,
    cut_end,
    cut_start,
    fit_cells,
    numeric_columns,
    text_cells,
)

if TYPE_CHECKING:
    import pandas as pd

KWIC_CONTEXT = ("left", "match", "right")


def is_concordance(table: pd.DataFrame) -> bool:
    return all(column in table.columns for column in KWIC_CONTEXT)


def is_persian(text: object) -> bool:
    return bool(ARABIC_SCRIPT.search(str(text)))


def right_to_left_layout(table: pd.DataFrame) -> pd.DataFrame:
    """For the table view only: a Persian line reads right to left, so its preceding context
    belongs on the right of the match and its following context on the left. The data (and
    every machine format) keeps `left` = what precedes the match in the text."""
    persian = table["match"].map(is_persian)
    if not persian.any():
        return table
    laid_out = table.copy()
    laid_out.loc[persian, "left"] = table.loc[persian, "right"]
    laid_out.loc[persian, "right"] = table.loc[persian, "left"]
    return laid_out


def lay_out_concordance(table: pd.DataFrame, width: int) -> tuple[Shown, dict[str, str], dict[str, str]]:
    """A KWIC table on one line a hit (--wrap or not): the column left of the match is
    right-aligned and the one right of it left-aligned, so every match stands in one column.
    Each context is cut at its far end from the match: what precedes it at its start, what
    follows it at its end (for a Persian line, swapped to the other side, likewise)."""
    persian = [is_persian(match) for match in table["match"].tolist()]
    shown_table = right_to_left_layout(table)
    numeric = numeric_columns(shown_table)
    cells = text_cells(shown_table, None)
    widths, hidden = fit_cells(cells, numeric, width, most={"doc": KEY_WANTED})  # room for context
    for name, size in widths.items():
        if name in numeric:
            continue
        if name == "left":  # what precedes the match, or what follows it on a Persian line
            cells[name] = [cut_end(cell, size) if rtl else cut_start(cell, size)
                           for cell, rtl in zip(cells[name], persian, strict=True)]
        elif name == "right":
            cells[name] = [cut_start(cell, size) if rtl else cut_end(cell, size)
                           for cell, rtl in zip(cells[name], persian, strict=True)]
        else:
            cells[name] = [cut_end(cell, size) for cell in cells[name]]
    shown = Shown(widths, numeric, {name: cells[name] for name in widths}, hidden, False)
    return shown, {"match": "bold"}, {"left": "right", "right": "left"}
