"""The output contract: format choice, writers, spreadsheet safety, atomic files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from iranru.errors import UsageError
from iranru.render.emit import emit
from iranru.render.formats import Format, choose_format
from iranru.render.tables import display_cell, visual_order
from iranru.render.writers import neutralize_formula, write_atomically

TABLE = pd.DataFrame(
    {"term": ["روسیه", "=HYPERLINK(\"x\")", "-12", "@risk", "Iran, \"the\" state"],
     "count": [3, 2, 1, 1, 1], "share": [0.5, 0.25, 0.125, 0.0625, float("nan")],
     "stopword": [False, True, False, False, False]}
)


@pytest.mark.parametrize(
    ("requested", "output", "tty", "expected"),
    [
        (None, None, True, Format.TABLE),
        (None, None, False, Format.CSV),  # piped: machine-readable by default
        ("json", None, True, Format.JSON),
        (None, Path("out.tsv"), True, Format.TSV),
        (None, Path("OUT.XLSX"), False, Format.XLSX),
        ("csv", Path("out.json"), False, Format.CSV),  # --format wins over the extension
    ],
)
def test_choose_format(requested, output, tty, expected) -> None:  # type: ignore[no-untyped-def]
    assert choose_format(requested, output, tty) is expected


def test_choose_format_refuses_what_it_cannot_write() -> None:
    with pytest.raises(UsageError, match="pass --output FILE.xlsx"):
        choose_format("xlsx", None, False)
    with pytest.raises(UsageError, match="cannot tell the format from '.doc'"):
        choose_format(None, Path("x.doc"), False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("-12", "-12"), ("+3.5", "+3.5"), ("-1e5", "-1e5"),
     ("روسیه", "روسیه"), (3, 3)],
)
def test_formula_cells_are_neutralised_but_numbers_are_not(value, expected) -> None:  # type: ignore[no-untyped-def]
    assert neutralize_formula(value) == expected


def render(fmt: Format, **options) -> str:  # type: ignore[no-untyped-def]
    stream = io.StringIO(newline="")
    emit(TABLE, fmt, stream=stream, **options)
    return stream.getvalue()


def test_csv_is_rfc4180_with_guarded_cells() -> None:
    assert render(Format.CSV) == (
        "term,count,share,stopword\r\n"
        "روسیه,3,0.5,false\r\n"
        "\"'=HYPERLINK(\"\"x\"\")\",2,0.25,true\r\n"
        "-12,1,0.125,false\r\n"
        "'@risk,1,0.0625,false\r\n"
        "\"Iran, \"\"the\"\" state\",1,,false\r\n"
    )


def test_excel_flag_adds_a_bom_and_tsv_uses_tabs() -> None:
    assert render(Format.CSV, excel=True).startswith("\ufeffterm,count")
    assert render(Format.TSV).splitlines()[1] == "روسیه\t3\t0.5\tfalse"


def test_json_and_jsonl_keep_persian_and_nulls() -> None:
    records = json.loads(render(Format.JSON))
    assert records[0] == {"term": "روسیه", "count": 3, "share": 0.5, "stopword": False}
    assert records[4]["share"] is None
    lines = render(Format.JSONL).splitlines()
    assert lines[0] == '{"term": "روسیه", "count": 3, "share": 0.5, "stopword": false}'
    assert len(lines) == 5


def test_table_rounds_numbers_only_for_display() -> None:
    text = render(Format.TABLE)
    assert "0.062" in text and "0.0625" not in text
    assert (display_cell(0.123456, False), display_cell(None, False), display_cell(True, False)) == (
        "0.123", "", "yes",
    )


def test_bidi_reorders_persian_for_terminals_without_rtl() -> None:
    shaped = visual_order("ایران")
    assert shaped != "ایران" and len(shaped) == 5
    assert display_cell("Iran", True) == "Iran"


def test_xlsx_round_trips_with_guarded_cells(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    emit(TABLE, Format.XLSX, output=target)
    from openpyxl import load_workbook

    sheet = load_workbook(target).active
    assert [cell.value for cell in sheet["A"]] == [
        "term", "روسیه", "'=HYPERLINK(\"x\")", "-12", "'@risk", "Iran, \"the\" state",
    ]
    assert [cell.value for cell in sheet["B"]][:2] == ["count", 3]


def test_atomic_write_leaves_no_partial_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "stats.csv"

    def crash(path: Path) -> None:
        path.write_text("half a", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, crash)
    assert list(tmp_path.iterdir()) == []
