"""Files iranru writes: their permissions (as a shell redirect's) and xlsx sheets that open right."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from iranru.render.writers import write_atomically, write_xlsx
from tests.conftest import write

if TYPE_CHECKING:
    import pandas as pd

PERSIAN_LINE = "روسیه در شمال کاملاً بیرقیب بود.\n"


@pytest.fixture
def umask() -> Iterator[None]:
    """Each test sets its own umask; the session's is put back after it."""
    saved = os.umask(0o022)
    os.umask(saved)
    yield
    os.umask(saved)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_follows_the_umask(tmp_path: Path, mask: int, expected: int) -> None:
    os.umask(mask)
    target = tmp_path / "out.csv"
    write_atomically(target, lambda path: path.write_text("a\n", encoding="utf-8"))
    assert mode(target) == expected
    assert target.read_text(encoding="utf-8") == "a\n"


@pytest.mark.usefixtures("umask")
def test_an_existing_file_keeps_its_permissions_as_with_a_redirect(tmp_path: Path) -> None:
    os.umask(0o022)
    target = write(tmp_path / "out.csv", "old\n")
    target.chmod(0o640)
    write_atomically(target, lambda path: path.write_text("new\n", encoding="utf-8"))
    assert (mode(target), target.read_text(encoding="utf-8")) == (0o640, "new\n")


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("suffix", [".txt", ".csv", ".xlsx"])
def test_output_option_files_follow_the_umask(runner: CliRunner, tmp_path: Path, suffix: str) -> None:
    os.umask(0o027)
    source = write(tmp_path / "fa.txt", PERSIAN_LINE)
    target = tmp_path / f"out{suffix}"
    args = (["normalize", str(source), "-o", str(target)] if suffix == ".txt"
            else ["normalize", "--explain", str(source), "-o", str(target)])
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert mode(target) == 0o640
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fa.txt", f"out{suffix}"]


@pytest.mark.usefixtures("umask")
def test_plot_files_follow_the_umask(runner: CliRunner, tmp_path: Path) -> None:
    os.umask(0o022)
    source = write(tmp_path / "fa.txt", PERSIAN_LINE * 3)
    chart = tmp_path / "chart.svg"
    result = runner.invoke(app, ["freq", str(source), "--plot-file", str(chart), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert mode(chart) == 0o644


def sheet_of(table: pd.DataFrame, tmp_path: Path, command: str = "iranru freq -o out.xlsx"):  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    write_xlsx(table, target, command)
    return load_workbook(target)


def test_xlsx_has_a_bold_frozen_filterable_header_and_fitted_columns(tmp_path: Path) -> None:
    import pandas as pd

    table = pd.DataFrame({"term": ["روسیه", "Russia"], "count": [12, 3],
                          "per_10k": [38.81294964028777, 9.5],
                          "note": ["x" * 200, None]})
    sheet = sheet_of(table, tmp_path)["iranru"]
    assert [(cell.value, cell.font.b) for cell in sheet[1]] == [
        ("term", True), ("count", True), ("per_10k", True), ("note", True)]
    assert [cell.font.b for cell in sheet[2]] == [False] * 4
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", "A1:D3")
    # the widest of header and cells, plus 2; a number shows at most 11 characters; at most 60
    assert [sheet.column_dimensions[column].width for column in "ABCD"] == [8, 7, 13, 62]


def test_xlsx_numbers_are_numbers_and_nulls_empty(tmp_path: Path) -> None:
    import pandas as pd

    table = pd.DataFrame({"doc": ["a.txt", "b.txt"], "count": pd.array([3, None], dtype="Int64"),
                          "share": [0.25, float("nan")], "stopword": [True, False],
                          "value": ["1945", "-12"]})
    rows = [[cell.value for cell in row] for row in sheet_of(table, tmp_path)["iranru"].iter_rows(min_row=2)]
    # numbers stay numbers; text that looks like a number (a date value) stays text
    assert rows == [["a.txt", 3, 0.25, True, "1945"], ["b.txt", None, None, False, "-12"]]
    assert [type(value) for value in rows[0]] == [str, int, float, bool, str]


@pytest.mark.parametrize(("terms", "sheet_right_to_left"), [
    (["روسیه", "قدرت‌های استعماری", "Russia"], True),  # most letters Persian: the sheet reads RTL
    (["روسیه", "Russia", "Tehran"], False),
    (["۱۹۴۵ میلادی", "1945 AD", "(ایران)"], True),  # digits and brackets have no direction of their own
])
def test_persian_cells_read_right_to_left(
    tmp_path: Path, terms: list[str], sheet_right_to_left: bool
) -> None:
    import pandas as pd

    sheet = sheet_of(pd.DataFrame({"term": terms, "count": [1, 2, 3]}), tmp_path)["iranru"]
    persian = [cell.alignment.readingOrder == 2 for cell in sheet["A"][1:]]
    assert persian == [term[0] not in "1R T" for term in terms]
    assert [cell.alignment.readingOrder for cell in sheet["B"][1:]] == [0, 0, 0]
    assert bool(sheet.sheet_view.rightToLeft) is sheet_right_to_left


def test_xlsx_cells_keep_text_a_workbook_cannot_hold(tmp_path: Path) -> None:
    import pandas as pd

    table = pd.DataFrame({"left": ["page one\x0cpage two", "bell\x07", "=SUM(A1)", "tab\tkept"]})
    sheet = sheet_of(table, tmp_path)["iranru"]
    assert [cell.value for cell in sheet["A"][1:]] == [
        "page one page two", "bell\ufffd", "'=SUM(A1)", "tab\tkept"]


def test_the_about_sheet_says_how_the_table_was_made(tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    import pandas as pd

    import iranru

    workbook = sheet_of(pd.DataFrame({"term": ["روسیه"]}), tmp_path, "iranru freq corpus/ --lang fa")
    assert workbook.sheetnames == ["iranru", "about"]
    rows = [[cell.value for cell in row] for row in workbook["about"].iter_rows()]
    assert rows[:2] == [["command", "iranru freq corpus/ --lang fa"], ["iranru", iranru.__version__]]
    assert rows[2][0] == "date"
    assert datetime.fromisoformat(rows[2][1]).utcoffset() == timedelta(0)
    assert [cell.font.b for cell in workbook["about"]["A"]] == [True, True, True]


def test_xlsx_from_the_command_line_records_it(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    source = write(tmp_path / "fa.txt", PERSIAN_LINE)
    target = tmp_path / "out.xlsx"
    args = ["freq", str(source), "--where", "doc!=x.txt", "-o", str(target)]
    monkeypatch.setattr(sys, "argv", ["/usr/bin/iranru", *args])  # what the shell passed
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    workbook = load_workbook(target)
    assert workbook["about"]["B1"].value == f"iranru freq {source} --where 'doc!=x.txt' -o {target}"
    sheet = workbook["iranru"]
    assert [cell.value for cell in sheet[1]] == ["term", "lang", "count", "per_10k", "docs", "dispersion"]
    terms = sheet["A"][1:]
    assert "روسیه" in [cell.value for cell in terms]
    assert {cell.alignment.readingOrder for cell in terms} == {2}
    assert isinstance(sheet["C2"].value, int) and sheet.sheet_view.rightToLeft


def test_pandas_nulls_are_empty_cells_in_csv_and_json_too() -> None:
    import pandas as pd

    from iranru.render.writers import records, render_text, write_delimited

    table = pd.DataFrame({"year_from": pd.array([1830, None], dtype="Int64"), "share": [0.5, None]})
    assert render_text(lambda stream: write_delimited(table, stream, ",", False)) == (
        "year_from,share\r\n1830,0.5\r\n,\r\n")
    assert records(table) == [{"year_from": 1830, "share": 0.5}, {"year_from": None, "share": None}]
