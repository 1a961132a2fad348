"""Concordance lines laid out for reading: Persian lines right to left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iranru.render.tables import ARABIC_SCRIPT

if TYPE_CHECKING:
    import pandas as pd

KWIC_CONTEXT = ("left", "match", "right")


def is_concordance(table: pd.DataFrame) -> bool:
    return all(column in table.columns for column in KWIC_CONTEXT)


def right_to_left_layout(table: pd.DataFrame) -> pd.DataFrame:
    """For the table view only: a Persian line reads right to left, so its preceding context
    belongs on the right of the match and its following context on the left. The data (and
    every machine format) keeps `left` = what precedes the match in the text."""
    persian = table["match"].map(lambda text: bool(ARABIC_SCRIPT.search(str(text))))
    if not persian.any():
        return table
    laid_out = table.copy()
    laid_out.loc[persian, "left"] = table.loc[persian, "right"]
    laid_out.loc[persian, "right"] = table.loc[persian, "left"]
    return laid_out
