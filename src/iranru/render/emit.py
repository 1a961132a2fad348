"""The one place results leave the program."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from iranru.render.formats import Format
from iranru.render.labels import readable_dates
from iranru.render.tables import MOST_ROWS, print_table
from iranru.render.writers import (
    render_text,
    text_writer,
    write_atomically,
    write_delimited,
    write_json,
    write_jsonl,
    write_xlsx,
)

if TYPE_CHECKING:
    import pandas as pd


def emit(
    table: pd.DataFrame,
    fmt: Format,
    output: Path | None = None,
    footer: dict[str, object] | None = None,
    excel: bool = False,
    bidi: bool = False,
    stream: IO[str] | None = None,
    wrap: bool = False,
    width: int | None = None,
) -> list[str]:
    """Write `table` as `fmt` to `output` (atomically) or to `stream` (stdout); returns the
    notices for standard error. The table view is laid out for `width` (default: the
    terminal's, see tables.terminal_width). A table on a terminal shows its first MOST_ROWS rows; a pipe
    or a file gets every row."""
    notices: list[str] = []

    def render(target: IO[str]) -> None:
        if fmt is Format.TABLE:
            most_rows = MOST_ROWS if output is None and target.isatty() else None
            notices.extend(print_table(readable_dates(table), target, footer, bidi, width, wrap, most_rows))
        elif fmt is Format.CSV:
            write_delimited(table, target, ",", excel)
        elif fmt is Format.TSV:
            write_delimited(table, target, "\t", excel)
        elif fmt is Format.JSON:
            write_json(table, target)
        else:
            write_jsonl(table, target)

    if output is not None:
        if fmt is Format.XLSX:
            write_atomically(output, lambda path: write_xlsx(table, path))
        else:
            write_atomically(output, text_writer(output, render))
        return notices
    target = stream or sys.stdout
    if fmt is Format.TABLE:
        render(target)
    else:
        target.write(render_text(render))
    target.flush()
    return notices


def emit_text(text: str, output: Path | None = None, stream: IO[str] | None = None) -> None:
    """Plain text output (the normalised text), atomically when written to a file."""
    if output is not None:
        write_atomically(output, lambda path: path.write_text(text, encoding="utf-8"))
        return
    target = stream or sys.stdout
    target.write(text)
    target.flush()
