"""Rich tables for the terminal, laid out here rather than by Rich's shrinking.

Rich shrinks every wrappable column to fit, which squeezed names to nothing while long headers
kept numbers wide. So each column's width is computed here from its measured cells
(`rich.cells.cell_len`): numbers are always whole, key columns (which row is which) keep about
12 characters, text is cut with `…` on one line (or wrapped, with --wrap), and columns that do
not fit are left out, least important first, and named on standard error.
"""

from __future__ import annotations

import functools
import math
import numbers
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len, get_character_cell_size
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    import pandas as pd

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
FLOAT_DIGITS = 3
PIPE_WIDTH = 200
MOST_ROWS = 50  # rows a report shows on a terminal; a pipe or file gets every row
ELLIPSIS = "…"
COLUMN_GAP = 2  # spaces between two columns (padding plus the box's blank separator)

# Columns that say which row is which: never left out, never narrower than KEY_WIDTH.
KEY_COLUMNS = frozenset({
    "doc", "group", "term", "w1", "w2", "ngram", "concept", "surface", "name_en", "value",
    "match", "token", "before", "location",
})
KEY_WIDTH = 12
TEXT_WIDTH = 8  # the narrowest a cut text column gets
# the widths text columns get before the least important columns (LEAST_COLUMNS) are kept
KEY_WANTED, TEXT_WANTED = 20, 16
WANTED = {"left": 24, "right": 24}  # a concordance's contexts: a few words each side
HEADER_PIECE = 12  # a header is folded at `_`, `-` and spaces; longer pieces are folded too
# The other columns, most important first. Columns named in neither list (such as one column
# per document) rank between the two, in table order; the last ones are left out first.
IMPORTANT_COLUMNS = (
    "left", "right", "after", "rule", "language", "lang", "title", "count", "total", "tokens",
    "types", "per_10k", "docs", "log_likelihood", "log_ratio", "name_fa", "kind", "calendar",
)
LEAST_COLUMNS = (
    "top_terms", "dispersion", "p_value", "count_a", "count_b", "per_10k_a", "per_10k_b",
    "sentences", "lemmas", "characters", "ttr", "mean_sentence_length", "granularity", "year_to",
    "year_from",
    "w1_count", "w2_count", "n", "t_score", "chi2", "dice", "context", "mattr", "stopword_share",
    "sentence", "position", "norm", "stopword", "line", "lat", "lon", "place_id", "start", "end",
)
UNGROUPED_NUMBERS = frozenset({"place_id", "year_from", "year_to"})  # identifiers and years: no separators


@functools.cache
def visual_order(text: str) -> str:
    """Shape and reorder Persian for terminals without bidirectional layout (--bidi)."""
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, and pandas' NA (whose comparison is NA) below
    except TypeError:
        return True


def format_number(value: float | int, grouped: bool = True) -> str:
    """A number whole: integers with thousands separators, floats to FLOAT_DIGITS places,
    tiny ones (a p-value of 8.6e-22) in scientific notation rather than as 0.000."""
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}" if grouped else str(int(value))
    number = float(value)
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    if number != 0 and abs(number) < 0.5 * 10**-FLOAT_DIGITS:
        return f"{number:.2e}"
    return f"{number:,.{FLOAT_DIGITS}f}" if grouped else f"{number:.{FLOAT_DIGITS}f}"


def format_value(value: Any, grouped: bool = True) -> str:
    """One cell as text, on one line (line breaks and tabs become spaces)."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if is_missing(value):
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, complex):
        return format_number(value, grouped)  # type: ignore[arg-type]
    return re.sub(r"[\r\n\t\v\f\u2028\u2029]", " ", str(value))


def display_cell(value: Any, bidi: bool) -> str:
    """A cell as the table view shows it, whole."""
    return for_terminal(format_value(value), bidi)


def for_terminal(text: str, bidi: bool) -> str:
    return visual_order(text) if bidi and ARABIC_SCRIPT.search(text) else text


def cut_end(text: str, width: int) -> str:
    """`text` in at most `width` cells, cut at its end with `…`."""
    if cell_len(text) <= width:
        return text
    kept, used = [], 0
    for character in text:
        size = get_character_cell_size(character)
        if used + size > width - 1:
            break
        kept.append(character)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS


def cut_start(text: str, width: int) -> str:
    """`text` in at most `width` cells, cut at its start with `…` (a left context)."""
    if cell_len(text) <= width:
        return text
    kept = cut_end(text[::-1], width)[::-1][1:]
    # a mark or joiner whose letter was cut off (zero cells wide: harakat, ZWNJ) goes with it,
    # and so does a blank next to the …
    while kept and (get_character_cell_size(kept[0]) == 0 or kept[0].isspace()):
        kept = kept[1:]
    return ELLIPSIS + kept


def header_pieces(header: str) -> list[str]:
    return re.findall(r"[^_\-\s]+[_\-\s]*|[_\-\s]+", header) or [header]


def fold_header(header: str, width: int) -> str:
    """The header in lines of at most `width` cells, broken after `_`, `-` or a space."""
    lines: list[str] = []
    line = ""
    for piece in header_pieces(header):
        while cell_len(piece) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(piece[:width])
            piece = piece[width:]
        if cell_len(line + piece.rstrip()) > width:
            lines.append(line)
            line = ""
        line += piece
    lines.append(line)
    return "\n".join(part.rstrip() for part in lines if part.strip()) or header


@dataclass(slots=True)
class ColumnPlan:
    """What the layout needs to know of one column."""

    name: str
    numeric: bool
    natural: int  # its widest cell or its header, whole
    least: int  # the narrowest it may be
    wanted: int  # the width worth leaving out a column of LEAST_COLUMNS for

    @property
    def key(self) -> bool:
        return self.name in KEY_COLUMNS


def plan_column(name: str, cells: Iterable[str], numeric: bool) -> ColumnPlan:
    widest_cell = max((cell_len(cell) for cell in cells), default=0)
    piece = min(HEADER_PIECE, max(cell_len(part.rstrip()) for part in header_pieces(name)))
    natural = max(widest_cell, cell_len(name))
    if numeric:
        least = wanted = max(widest_cell, piece)  # a number is never cut
    else:
        key = name in KEY_COLUMNS
        least = min(natural, max(KEY_WIDTH if key else TEXT_WIDTH, piece))
        wanted = max(least, min(natural, WANTED.get(name, KEY_WANTED if key else TEXT_WANTED)))
    return ColumnPlan(name, numeric, natural, least, wanted)


def importance(plan: ColumnPlan, position: int) -> tuple[int, int]:
    """Lower is more important; key columns come first and are never left out."""
    if plan.key:
        return (0, position)
    if plan.name in IMPORTANT_COLUMNS:
        return (1, IMPORTANT_COLUMNS.index(plan.name))
    if plan.name in LEAST_COLUMNS:
        return (3, LEAST_COLUMNS.index(plan.name))
    return (2, position)


def table_width(widths: Iterable[int]) -> int:
    sizes = list(widths)
    return sum(sizes) + COLUMN_GAP * max(0, len(sizes) - 1)


def lay_out(plans: Sequence[ColumnPlan], width: int) -> tuple[dict[str, int], list[str]]:
    """Each shown column's width, and the columns left out (least important first) so that
    the rest fit `width` at their narrowest, and the least important ones also so that text
    gets its wanted width (then any left-out column that fits after all is put back); the
    room left is shared out evenly (the narrowest column first) up to each column's natural
    width."""
    shown = list(plans)
    ranked = sorted(range(len(plans)), key=lambda i: importance(plans[i], i), reverse=True)
    for index in ranked:
        plan = plans[index]
        if plan.key:
            break
        if (table_width(shown_plan.least for shown_plan in shown) <= width
                and (plan.name not in LEAST_COLUMNS
                     or table_width(shown_plan.wanted for shown_plan in shown) <= width)):
            break
        shown.remove(plan)
    for index in reversed(ranked):  # room left over: the most important left-out columns back
        plan = plans[index]
        if plan not in shown and table_width([*(p.wanted for p in shown), plan.wanted]) <= width:
            shown.append(plan)
    shown.sort(key=plans.index)
    widths = {plan.name: plan.least for plan in shown}
    room = width - table_width(widths.values())
    while room > 0:
        growing = [plan for plan in shown if widths[plan.name] < plan.natural]
        if not growing:
            break
        narrowest = min(growing, key=lambda plan: widths[plan.name])
        widths[narrowest.name] += 1
        room -= 1
    hidden = [plan.name for plan in plans if plan not in shown]
    return widths, hidden


def hidden_notice(hidden: Sequence[str], width: int) -> str:
    count = len(hidden)
    noun = "column" if count == 1 else "columns"
    return (f"{count} {noun} not shown at {width} columns: {', '.join(hidden)}; "
            "use a wider terminal or --format csv")


def more_rows_notice(more: int) -> str:
    noun = "row" if more == 1 else "rows"
    return f"{ELLIPSIS} {more:,} more {noun}: use --top N, or --format csv / --output FILE"


def terminal_width(stream: IO[str]) -> int:
    """COLUMNS if set, else the terminal's width, else PIPE_WIDTH for a file or pipe."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        pass
    return PIPE_WIDTH


def numeric_columns(table: pd.DataFrame) -> set[str]:
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    return {str(column) for column in table.columns
            if is_numeric_dtype(table[column]) and not is_bool_dtype(table[column])}


def text_cells(table: pd.DataFrame, footer: dict[str, object] | None) -> dict[str, list[str]]:
    """Every cell as text (the footer's last), column by column."""
    cells: dict[str, list[str]] = {}
    for position, column in enumerate(table.columns):
        name = str(column)
        grouped = name not in UNGROUPED_NUMBERS
        values = [format_value(value, grouped) for value in table.iloc[:, position].tolist()]
        if footer is not None:
            values.append(format_value(footer.get(name), grouped))
        cells[name] = values
    return cells


@dataclass(slots=True)
class Shown:
    """A table laid out for a width: its columns' widths and the cells to print (cut)."""

    widths: dict[str, int]
    numeric: set[str]
    cells: dict[str, list[str]]
    hidden: list[str]
    footer: bool


def fit_cells(cells: dict[str, list[str]], numeric: set[str], width: int,
              most: dict[str, int] | None = None) -> tuple[dict[str, int], list[str]]:
    """lay_out for these cells; `most` caps how wide a text column grows."""
    plans = [plan_column(name, values, name in numeric) for name, values in cells.items()]
    for plan in plans:
        plan.natural = max(plan.least, min(plan.natural, (most or {}).get(plan.name, plan.natural)))
    return lay_out(plans, width)


def build_rich_table(shown: Shown, bidi: bool, wrap: bool, styles: dict[str, str] | None = None,
                     justify: dict[str, str] | None = None) -> Table:
    """The Rich table of cells already laid out: Rich only prints them."""
    rich_table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0), pad_edge=False,
                       show_footer=shown.footer, expand=False)
    rows = len(next(iter(shown.cells.values()), [])) - (1 if shown.footer else 0)
    for name, width in shown.widths.items():
        numeric = name in shown.numeric
        align = (justify or {}).get(name, "right" if numeric else "left")
        cells = shown.cells[name]
        footer = Text(for_terminal(cells[-1], bidi)) if shown.footer else ""
        rich_table.add_column(fold_header(name, width), justify=align,  # type: ignore[arg-type]
                              width=width, no_wrap=numeric or not wrap, overflow="fold",
                              footer=footer, style=(styles or {}).get(name))
    for row in range(rows):
        rich_table.add_row(*(Text(for_terminal(shown.cells[name][row], bidi))
                             for name in shown.widths))
    return rich_table


def lay_out_table(table: pd.DataFrame, footer: dict[str, object] | None, width: int,
                  wrap: bool) -> Shown:
    """The generic layout: text cut at its end (unless wrapped), numbers whole."""
    numeric = numeric_columns(table)
    cells = text_cells(table, footer)
    widths, hidden = fit_cells(cells, numeric, width)
    if not wrap:
        for name, size in widths.items():
            if name not in numeric:
                cells[name] = [cut_end(cell, size) for cell in cells[name]]
    return Shown(widths, numeric, {name: cells[name] for name in widths}, hidden, footer is not None)


def print_table(
    table: pd.DataFrame, stream: IO[str], footer: dict[str, object] | None = None,
    bidi: bool = False, width: int | None = None, wrap: bool = False,
    most_rows: int | None = None,
) -> list[str]:
    """Print `table` laid out for `width` (default: the terminal's), at most `most_rows` rows;
    returns the notices for standard error (columns left out)."""
    from iranru.render.kwic import is_concordance, lay_out_concordance

    width = width or terminal_width(stream)
    more = 0
    if most_rows is not None and len(table) > most_rows:
        more = len(table) - most_rows
        table = table.head(most_rows)
    concordance = is_concordance(table)
    if concordance:  # one line a hit, never wrapped
        shown, styles, justify = lay_out_concordance(table, width)
    else:
        shown, styles, justify = lay_out_table(table, footer, width, wrap), None, None
    plain = "NO_COLOR" in os.environ  # no bold either: the match is bold where colour is on
    console = Console(file=stream, width=width, highlight=False, soft_wrap=False, emoji=False,
                      markup=False, color_system=None if plain else "auto")
    console.print(build_rich_table(shown, bidi, wrap and not concordance, styles, justify))
    if more:
        console.print(Text(more_rows_notice(more)))
    return [hidden_notice(shown.hidden, width)] if shown.hidden else []
