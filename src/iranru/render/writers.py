"""Machine-readable writers: plain, stable, spreadsheet-safe."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# OWASP CSV injection: a cell starting with one of these may run as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
EXCEL_BOM = "\ufeff"


def neutralize_formula(value: Any) -> Any:
    """Prefix `'` to text a spreadsheet would execute; numbers and other text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def plain_value(value: Any) -> Any:
    """Nulls become empty cells (None in JSON), numpy scalars plain Python."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


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


def write_xlsx(table: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "iranru"
    sheet.append([str(column) for column in table.columns])
    for row in table.itertuples(index=False, name=None):
        sheet.append([neutralize_formula(plain_value(value)) for value in row])
    workbook.save(path)


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
