"""Machine-readable writers: plain, stable, spreadsheet-safe."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import shlex
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# OWASP CSV injection: a cell starting with one of these may run as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
EXCEL_BOM = "\ufeff"
SHELL_WORD = re.compile(r"[\w@%+=:,./-]+")  # needs no quotes in a shell, Persian words included
MAX_COLUMN_WIDTH = 60  # characters; longer cells wrap out of view, as in any spreadsheet
# letters of the right-to-left scripts (Arabic script: Persian; Hebrew) and of Latin and Cyrillic
RIGHT_TO_LEFT_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
LEFT_TO_RIGHT_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u052f]")
SAMPLE_ROWS = 1000  # rows whose letters decide the direction of a whole sheet
# control characters an xlsx cell may not hold (openpyxl's ILLEGAL_CHARACTERS_RE)
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralize_formula(value: Any) -> Any:
    """Prefix `'` to text a spreadsheet would execute; numbers and other text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def plain_value(value: Any) -> Any:
    """Nulls (None, NaN, pandas' NA and NaT) become empty cells (None in JSON), numpy scalars
    plain Python."""
    if value is None or isinstance(value, str):
        return value
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if value is None or isinstance(value, int):  # bool too
        return value
    import pandas as pd  # a table is being written: pandas is loaded

    return None if pd.isna(value) is True else value


def records(table: pd.DataFrame) -> list[dict[str, Any]]:
    columns = [str(column) for column in table.columns]
    return [
        {column: plain_value(value) for column, value in zip(columns, row, strict=True)}
        for row in table.itertuples(index=False, name=None)
    ]


def delimited_cell(value: Any) -> str:
    value = neutralize_formula(plain_value(value))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_delimited(table: pd.DataFrame, stream: IO[str], delimiter: str, bom: bool) -> None:
    """RFC 4180 (CRLF, quotes doubled), a header of the documented column names."""
    if bom:
        stream.write(EXCEL_BOM)
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([str(column) for column in table.columns])
    for row in table.itertuples(index=False, name=None):
        writer.writerow([delimited_cell(value) for value in row])


def write_json(table: pd.DataFrame, stream: IO[str]) -> None:
    json.dump(records(table), stream, ensure_ascii=False, indent=1)
    stream.write("\n")


def write_jsonl(table: pd.DataFrame, stream: IO[str]) -> None:
    for record in records(table):
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_xlsx(table: pd.DataFrame, path: Path, command: str | None = None) -> None:
    """A sheet that opens right: a bold, frozen, filterable header; columns as wide as their
    content; numbers as numbers; Persian cells right to left (the whole sheet when most of its
    letters are Persian); and a second sheet, `about`, with the command line, version and date."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "iranru"
    sheet.append([str(column) for column in table.columns])
    text_columns = [index for index, (_, column) in enumerate(table.items()) if column.dtype.kind in "OSUT"]
    right_to_left = Alignment(readingOrder=2)  # 2: right to left (ECMA-376 18.8.1)
    for row_number, row in enumerate(table.itertuples(index=False, name=None), start=2):
        values = [sheet_value(value) for value in row]
        sheet.append(values)
        for index in text_columns:
            value = values[index]
            if isinstance(value, str) and RIGHT_TO_LEFT_LETTER.search(value) and reads_right_to_left(value):
                sheet.cell(row_number, index + 1).alignment = right_to_left
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.sheet_view.rightToLeft = mostly_right_to_left(table, text_columns)
    for index, (name, column) in enumerate(table.items(), start=1):
        width = max(len(str(name)), column_width(column))
        sheet.column_dimensions[get_column_letter(index)].width = min(width, MAX_COLUMN_WIDTH) + 2
    about = workbook.create_sheet("about")
    for name, value in about_rows(command):
        about.append([name, value])
    for cell in about["A"]:
        cell.font = bold
    about.column_dimensions["A"].width = 10
    about.column_dimensions["B"].width = min(max(len(str(cell.value)) for cell in about["B"]),
                                             MAX_COLUMN_WIDTH * 2) + 2
    workbook.save(path)


def column_width(column: pd.Series) -> int:
    """About how many characters a spreadsheet shows of the column's widest cell (its
    General format shows at most 11 of a number)."""
    present = column.dropna()
    if present.empty:
        return 0
    if column.dtype.kind == "b":
        return 5
    widest = int(present.astype(str).str.len().max())
    return min(widest, 11) if column.dtype.kind in "iuf" else widest


def mostly_right_to_left(table: pd.DataFrame, text_columns: list[int]) -> bool:
    """Whether the text of the first rows has more right-to-left letters (Persian) than
    left-to-right ones."""
    sample = table.iloc[:SAMPLE_ROWS, text_columns]
    text = "\n".join(value for column in sample.columns for value in sample[column]
                     if isinstance(value, str))
    return len(RIGHT_TO_LEFT_LETTER.findall(text)) > len(LEFT_TO_RIGHT_LETTER.findall(text))


def sheet_value(value: Any) -> Any:
    """A cell as openpyxl takes it: neutralised text without the control characters a
    workbook may not hold (a form feed from a PDF's page break becomes a space)."""
    value = neutralize_formula(plain_value(value))
    if isinstance(value, str) and XLSX_ILLEGAL.search(value):
        value = XLSX_ILLEGAL.sub(lambda found: " " if found[0].isspace() else "\ufffd", value)
    return value


def reads_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction is Persian or another right-to-left script:
    the Unicode Bidirectional Algorithm's rule for a paragraph (UAX #9, P2-P3)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


def about_rows(command: str | None) -> list[tuple[str, str]]:
    """How the sheet was made: the command line (this process' unless given), the iranru
    version and the date and time, in UTC."""
    from datetime import UTC, datetime

    from iranru import __version__

    line = command if command is not None else " ".join(
        argument if SHELL_WORD.fullmatch(argument) else shlex.quote(argument)
        for argument in ["iranru", *sys.argv[1:]])
    return [("command", line), ("iranru", __version__),
            ("date", datetime.now(UTC).isoformat(timespec="seconds"))]


def shell_mode(path: Path) -> int:
    """The permissions a shell redirect (`> path`) would leave: an existing file keeps its own,
    a new one gets 0o666 less the umask (mkstemp alone would make it 0o600)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)  # reading the umask means setting it: put it straight back
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write beside the target, then rename: Ctrl-C or a crash never leaves half a file.
    The file ends with the permissions a shell redirect would give it."""
    path = path.expanduser()
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:  # name the file the user asked for, not our temporary one
        raise OSError(error.errno, f"cannot write: {error.strerror}", str(path)) from None
    os.close(handle)
    try:
        os.chmod(temporary, shell_mode(path))
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def text_writer(path: Path, render: Callable[[IO[str]], None]) -> Callable[[Path], None]:
    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8", newline="") as stream:
            render(stream)

    return write


def render_text(render: Callable[[IO[str]], None]) -> str:
    buffer = io.StringIO(newline="")
    render(buffer)
    return buffer.getvalue()
