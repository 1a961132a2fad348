"""Rich tables for the terminal, with Persian made readable where the terminal cannot."""

from __future__ import annotations

import functools
import os
import re
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    import pandas as pd

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
FLOAT_DIGITS = 3
PIPE_WIDTH = 200


@functools.cache
def visual_order(text: str) -> str:
    """Shape and reorder Persian for terminals without bidirectional layout (--bidi)."""
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def display_cell(value: Any, bidi: bool) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.{FLOAT_DIGITS}f}"
    text = str(value)
    if bidi and ARABIC_SCRIPT.search(text):
        return visual_order(text)
    return text


def build_table(
    table: pd.DataFrame, footer: dict[str, object] | None, bidi: bool, title: str | None = None
) -> Table:
    from pandas.api.types import is_numeric_dtype

    rich_table = Table(box=box.SIMPLE_HEAD, show_footer=footer is not None, title=title)
    for column in table.columns:
        numeric = is_numeric_dtype(table[column]) and table[column].dtype != bool
        footer_text = display_cell(footer.get(str(column)), bidi) if footer else ""
        rich_table.add_column(
            str(column), justify="right" if numeric else "left", footer=footer_text,
            overflow="fold", no_wrap=numeric,
        )
    for row in table.itertuples(index=False, name=None):
        rich_table.add_row(*(display_cell(value, bidi) for value in row))
    return rich_table


def print_table(
    table: pd.DataFrame, stream: IO[str], footer: dict[str, object] | None = None,
    bidi: bool = False, width: int | None = None,
) -> None:
    if width is None and not stream.isatty() and "COLUMNS" not in os.environ:
        width = PIPE_WIDTH  # a table sent to a file or pipe is not squeezed to 80 columns
    console = Console(file=stream, width=width, highlight=False, soft_wrap=False)
    console.print(build_table(table, footer, bidi))
