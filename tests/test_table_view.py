"""The table view in any terminal: every report rendered at 60, 80, 120 and 200 columns, with
Rich's console at a fixed width and through a pseudo-terminal, shows each row's key column and
every number it shows whole and equal to the data; KWIC hits stay on one line."""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size

from iranru import api
from iranru.render.emit import emit
from iranru.render.formats import Format
from iranru.render.kwic import is_concordance, lay_out_concordance
from iranru.render.labels import readable_dates
from iranru.render.tables import (
    KEY_COLUMNS,
    MOST_ROWS,
    ColumnPlan,
    Shown,
    cut_end,
    cut_start,
    fold_header,
    format_value,
    lay_out,
    lay_out_table,
    plan_column,
    print_table,
    table_width,
    visual_order,
)
from iranru.settings import MentionOptions, RunOptions, TermOptions
from tests.conftest import CORPUS, FA_DOC

WIDTHS = (60, 80, 120, 200)
ROOT = Path(__file__).resolve().parents[1]
BY_LANGUAGE = TermOptions(group_by="language")

# Each report: the command line, and the same report through the library.
REPORTS: dict[str, tuple[list[str], Callable[[RunOptions], api.Report]]] = {
    "stats": (["stats", str(CORPUS)], lambda run: api.stats([CORPUS], run_options=run)),
    "freq": (["freq", str(CORPUS)], lambda run: api.freq([CORPUS], run_options=run)),
    "freq --per-doc": (["freq", str(CORPUS), "--per-doc"],
                       lambda run: api.freq([CORPUS], per_doc=True, run_options=run)),
    "freq --concepts": (["freq", str(CORPUS), "--concepts"],
                        lambda run: api.freq([CORPUS], concepts=True, run_options=run)),
    "ngrams": (["ngrams", str(CORPUS)], lambda run: api.ngrams([CORPUS], run_options=run)),
    "collocations": (["collocations", str(CORPUS)],
                     lambda run: api.collocations([CORPUS], run_options=run)),
    "kwic Russia": (["kwic", "Russia", str(CORPUS)],
                    lambda run: api.kwic([CORPUS], term="Russia", run_options=run)),
    "kwic روسیه": (["kwic", "روسیه", str(CORPUS)],
                   lambda run: api.kwic([CORPUS], term="روسیه", run_options=run)),
    "compare": (["compare", "fa", "en", str(CORPUS), "--group-by", "language"],
                lambda run: api.compare("fa", "en", [CORPUS], term_options=BY_LANGUAGE, run_options=run)),
    "dates": (["dates", str(CORPUS)], lambda run: api.dates([CORPUS], run_options=run)),
    "dates --summary": (["dates", str(CORPUS), "--summary"],
                        lambda run: api.dates([CORPUS], mention_options=MentionOptions(summary=True),
                                              run_options=run)),
    "places": (["places", str(CORPUS)], lambda run: api.places([CORPUS], run_options=run)),
    "places --summary": (["places", str(CORPUS), "--summary"],
                         lambda run: api.places([CORPUS], mention_options=MentionOptions(summary=True),
                                                run_options=run)),
    "tokens": (["tokens", str(FA_DOC)], lambda run: api.tokens([FA_DOC], run_options=run)),
}


@pytest.fixture(scope="module")
def reports(session_cache: Path) -> dict[str, api.Report]:
    run = RunOptions(jobs=1, cache_dir=session_cache)
    return {name: make(run) for name, (_, make) in REPORTS.items()}


def plan(report: api.Report, width: int) -> Shown:
    """The layout of what a terminal shows: the first MOST_ROWS rows."""
    table = readable_dates(report.table).head(MOST_ROWS)  # as emit shows a date report
    if is_concordance(table):
        return lay_out_concordance(table, width)[0]
    return lay_out_table(table, report.footer, width, wrap=False)


def split_row(line: str, widths: list[int]) -> list[str]:
    """The cells of a printed row: each column's width, then two blank cells between columns."""
    cells: list[str] = []
    position = 0
    characters = list(line)
    for index, width in enumerate(widths):
        cell, used = "", 0
        while position < len(characters) and used < width:
            cell += characters[position]
            used += get_character_cell_size(characters[position])
            position += 1
        while position < len(characters) and get_character_cell_size(characters[position]) == 0:
            cell += characters[position]  # a zero-width joiner or mark belongs to its letter
            position += 1
        cells.append(cell)
        if index < len(widths) - 1:
            gap = "".join(characters[position:position + 2])
            assert gap == "  ", f"no gap after column {index} in {line!r}"
            position += 2
    assert "".join(characters[position:]).strip() == "", f"text past the last column: {line!r}"
    return cells


def check_number(shown: str, value: object) -> None:
    """A number shown is whole: its digits (without separators) equal the data, rounded."""
    text = shown.strip()
    assert "…" not in text
    if value is None or (isinstance(value, float) and math.isnan(value)):
        assert text == ""
        return
    number = float(text.replace(",", ""))
    if isinstance(value, int | bool) or (hasattr(value, "dtype") and "int" in str(value.dtype)):
        assert number == int(value), (text, value)  # type: ignore[call-overload]
    else:
        assert math.isclose(number, float(value), rel_tol=1e-2, abs_tol=5e-4 + 1e-12), (text, value)  # type: ignore[arg-type]


def check_key(shown: str, value: object, width: int) -> None:
    """A key cell is the data's text, or its start cut with … in at least 12 cells."""
    text, whole = shown.strip(), format_value(value)
    if text.endswith("…"):
        assert whole.startswith(text[:-1].rstrip()), (text, whole)
        assert cell_len(text) >= min(width, 12) - 1  # less a blank dropped before the …
    elif text.startswith("…"):
        assert whole.endswith(text[1:].lstrip()), (text, whole)
    else:
        assert text == whole.strip(), (text, whole)


def check_screen(screen: str, report: api.Report, width: int) -> None:
    """The screen holds the header, the rule, then one line a row (the first MOST_ROWS), each
    row's key cells and numbers as the data says."""
    shown = plan(report, width)
    lines = screen.splitlines()
    assert all(cell_len(line) <= width for line in lines), max(lines, key=cell_len)
    rule = next(index for index, line in enumerate(lines) if line.startswith("─"))
    header = "\n".join(lines[:rule])
    for name, size in shown.widths.items():
        assert all(piece in header for piece in fold_header(name, size).split("\n")), name
    assert any(name in KEY_COLUMNS for name in shown.widths)
    table = readable_dates(report.table).head(MOST_ROWS)
    widths = list(shown.widths.values())
    numeric = shown.numeric
    rows = lines[rule + 1: rule + 1 + len(table)]
    assert len(rows) == len(table)  # one line a row
    for row_index, line in enumerate(rows):
        cells = dict(zip(shown.widths, split_row(line, widths), strict=True))
        row = table.iloc[row_index]
        for name, cell in cells.items():
            value = row[name]
            if name in numeric:
                check_number(cell, value.item() if hasattr(value, "item") else value)
            elif name in KEY_COLUMNS:
                check_key(cell, value, shown.widths[name])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(REPORTS))
def test_every_report_at_every_width_with_a_fixed_console(
    reports: dict[str, api.Report], name: str, width: int,
) -> None:
    report = reports[name]
    stream = io.StringIO()
    notices = print_table(readable_dates(report.table), stream, report.footer, width=width,
                          most_rows=MOST_ROWS)
    check_screen(stream.getvalue(), report, width)
    hidden = plan(report, width).hidden
    assert not any(column in KEY_COLUMNS for column in hidden)
    assert notices == ([f"{len(hidden)} column{'s' if len(hidden) > 1 else ''} not shown at {width} "
                        f"columns: {', '.join(hidden)}; use a wider terminal or --format csv"]
                       if hidden else [])


# Runs reports (a JSON list of argument lists) each at each width in one process (hazm loads
# once), its standard output a pseudo-terminal whose size is set before each run; a NUL then
# the exit status ends each screen, a NUL line each run's standard error.
SCREENS = """
import fcntl, json, os, struct, sys, termios
from iranru.cli import main
for arguments in json.loads(os.environ["SCREEN_RUNS"]):
    for width in os.environ["SCREEN_WIDTHS"].split(","):
        fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", 50, int(width), 0, 0))
        sys.argv = ["iranru", *arguments, "--quiet", "--jobs", "1"]
        try:
            main()
            status = 0
        except SystemExit as exit:
            status = exit.code or 0
        print(f"\\0{status}", flush=True)
        print("\\0", file=sys.stderr, flush=True)
"""


def run_in_terminal(runs: list[list[str]], widths: tuple[int, ...],
                    environment: dict[str, str] | None = None) -> list[tuple[str, str, int]]:
    """Run iranru with each argument list at each of `widths`, its standard output a
    pseudo-terminal that wide (standard error a pipe). Returns (screen, stderr, exit
    status) for each run at each width, in that order."""
    import fcntl  # noqa: F401  (POSIX only, as the driver is)

    main, terminal = os.openpty()
    env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
    env.update({"NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src"), "SCREEN_RUNS": json.dumps(runs),
                "SCREEN_WIDTHS": ",".join(map(str, widths))}, **(environment or {}))
    process = subprocess.Popen([sys.executable, "-c", SCREENS], stdin=subprocess.DEVNULL,
                               stdout=terminal, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    _, stderr = process.communicate()
    assert process.returncode == 0, stderr.decode()
    parts = b"".join(chunks).decode().replace("\r\n", "\n").split("\0")
    messages = stderr.decode().split("\0\n")
    return [(parts[index] if index == 0 else parts[index].partition("\n")[2], messages[index],
             int(parts[index + 1].partition("\n")[0])) for index in range(len(runs) * len(widths))]


@pytest.fixture(scope="module")
def terminal_screens() -> dict[tuple[str, int], tuple[str, str, int]]:
    """Every report's screen at every width in a pseudo-terminal."""
    screens = run_in_terminal([arguments for arguments, _ in REPORTS.values()], WIDTHS)
    keys = [(name, width) for name in REPORTS for width in WIDTHS]
    return dict(zip(keys, screens, strict=True))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(REPORTS))
def test_every_report_at_every_width_in_a_pseudo_terminal(
    reports: dict[str, api.Report], terminal_screens, name: str, width: int,  # type: ignore[no-untyped-def]
) -> None:
    report = reports[name]
    screen, stderr, status = terminal_screens[name, width]
    assert status == 0, stderr
    assert "\x1b" not in screen  # NO_COLOR: plain text, not even bold
    check_screen(screen, report, width)
    hidden = plan(report, width).hidden
    assert [line for line in stderr.splitlines() if "not shown" in line] == (
        [f"iranru: {len(hidden)} column{'s' if len(hidden) > 1 else ''} not shown at {width} "
         f"columns: {', '.join(hidden)}; use a wider terminal or --format csv"] if hidden else [])


def test_make_run_screen_tells_the_documents_apart(reports: dict[str, api.Report]) -> None:
    """`make run` sets COLUMNS=120 and NO_COLOR: the first screen a new user sees."""
    [(screen, stderr, status)] = run_in_terminal([["stats", "corpus/"]], (80,), {"COLUMNS": "120"})
    assert status == 0, stderr
    check_screen(screen, reports["stats"], 120)
    header = screen.split("─")[0]
    assert all(column in header for column in ("doc", "language", "title", "top_terms"))
    for doc in ("en_foreign_policy", "en_rubin_2022", "fa_iran_russia"):
        assert doc in screen


def test_long_report_shows_fifty_rows_on_a_terminal_and_every_row_in_a_pipe(
    reports: dict[str, api.Report], terminal_screens, runner,  # type: ignore[no-untyped-def]
) -> None:
    total = len(reports["freq"].table)
    screen, _, _ = terminal_screens["freq", 80]
    lines = screen.splitlines()
    rule = next(index for index, line in enumerate(lines) if line.startswith("─"))
    assert len(lines) == rule + 1 + MOST_ROWS + 1
    assert lines[-1] == f"… {total - MOST_ROWS:,} more rows: use --top N, or --format csv / --output FILE"
    from iranru.cli import app

    piped = runner.invoke(app, ["freq", str(CORPUS), "--format", "table"]).stdout.splitlines()
    assert len(piped) == rule + 1 + total and "more rows" not in piped[-1]


@pytest.mark.parametrize("width", (80, 120))
def test_a_kwic_hit_is_one_line_with_the_matches_in_one_column(
    reports: dict[str, api.Report], terminal_screens, width: int,  # type: ignore[no-untyped-def]
) -> None:
    for name in ("kwic Russia", "kwic روسیه"):
        table = reports[name].table
        screen, _, _ = terminal_screens[name, width]
        lines = screen.splitlines()
        rule = next(index for index, line in enumerate(lines) if line.startswith("─"))
        rows = lines[rule + 1:]
        assert len(rows) == min(len(table), MOST_ROWS) + (len(table) > MOST_ROWS)
        shown = plan(reports[name], width)
        column = list(shown.widths).index("match")
        for line, match in zip(rows[:MOST_ROWS], table["match"], strict=False):
            # the match stands in the same cells of every line, whole
            assert split_row(line, list(shown.widths.values()))[column].strip() == match, line


def test_persian_kwic_mirrors_its_contexts_and_bidi_shapes_them() -> None:
    table = pd.DataFrame({"doc": ["fa.txt", "en.txt"], "start": [10, 20], "end": [15, 26],
                          "left": ["از تمام قدرتهای استعماری دیگر", "the policy of Iran toward"],
                          "match": ["روسیه", "Russia"],
                          "right": ["در شمال کاملاً بیرقیب بود", "throughout the century"]})
    shown, styles, justify = lay_out_concordance(table, 60)
    assert styles == {"match": "bold"} and justify == {"left": "right", "right": "left"}
    size_left, size_right = shown.widths["left"], shown.widths["right"]
    # Persian: what follows the match goes left of it, cut at its end; what precedes, right
    assert shown.cells["left"][0] == cut_end("در شمال کاملاً بیرقیب بود", size_left)
    assert shown.cells["right"][0] == cut_start("از تمام قدرتهای استعماری دیگر", size_right)
    assert shown.cells["left"][1] == cut_start("the policy of Iran toward", size_left)
    stream = io.StringIO()
    emit(table, Format.TABLE, stream=stream, bidi=True, width=60)
    screen = stream.getvalue()
    assert visual_order("روسیه") in screen and "روسیه" not in screen
    assert visual_order(shown.cells["right"][0]) in screen


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1334, "1,334"),  # shown whole, never `13`
        (7504, "7,504"),
        (0.391304347826087, "0.391"),  # never `0.`
        (152.6315789473684, "152.632"),
        (3784.517302677619, "3,784.517"),
        (8.563069760999503e-22, "8.56e-22"),  # a p-value is not 0.000
        (0.0, "0.000"),
        (-2.5, "-2.500"),
        (float("inf"), "∞"),
        (float("nan"), ""),
        (None, ""),
        (pd.NA, ""),
        (True, "yes"),
        ("line\nbreak\tand tab", "line break and tab"),  # a cell stays on one line
        ("می\u200cتوان", "می\u200cتوان"),  # ZWNJ (zero-width non-joiner) is kept
    ],
)
def test_cells_as_the_table_view_shows_them(value: object, expected: str) -> None:
    assert format_value(value) == expected


def test_numpy_and_nullable_integers_are_grouped() -> None:
    column = pd.Series([1334, 24899], dtype="Int64")
    assert [format_value(value) for value in column.tolist()] == ["1,334", "24,899"]
    assert format_value(pd.Series([130758]).iloc[0]) == "130,758"
    assert format_value(130758, grouped=False) == "130758"


@pytest.mark.parametrize(
    ("text", "width", "end", "start"),
    [
        ("Iran's foreign policy", 10, "Iran's fo…", "…gn policy"),  # cut at a space: no blank before …
        ("short", 10, "short", "short"),
        ("روابط ایران و روسیه", 8, "روابط ا…", "…و روسیه"),
        ("日本語のテキスト", 7, "日本語…", "…キスト"),  # two cells a character
        # a kasra (U+0650) stays with its letter, or goes with it when that letter is cut off
        ("قدرتِ روس", 5, "قدرتِ…", "…روس"),
        ("ab\u0301cd", 3, "ab\u0301…", "…cd"),
    ],
)
def test_cutting_text_to_a_width(text: str, width: int, end: str, start: str) -> None:
    assert (cut_end(text, width), cut_start(text, width)) == (end, start)
    assert cell_len(cut_end(text, width)) <= width and cell_len(cut_start(text, width)) <= width


@pytest.mark.parametrize(
    ("header", "width", "expected"),
    [
        ("mean_sentence_length", 9, "mean_\nsentence_\nlength"),
        ("mean_sentence_length", 20, "mean_sentence_length"),
        ("en_foreign_policy_toward_russia_abstract.txt", 14,
         "en_foreign_\npolicy_toward_\nrussia_\nabstract.txt"),
        ("characters", 6, "charac\nters"),  # one piece longer than the column is folded
    ],
)
def test_headers_fold_at_underscores(header: str, width: int, expected: str) -> None:
    assert fold_header(header, width) == expected


def test_wrap_keeps_long_text_whole(runner) -> None:  # type: ignore[no-untyped-def]
    from iranru.cli import app

    env = {"COLUMNS": "80"}
    cut = runner.invoke(app, ["stats", str(CORPUS), "-f", "table"], env=env).stdout
    wrapped = runner.invoke(app, ["stats", str(CORPUS), "-f", "table", "--wrap"], env=env).stdout
    # the title's column is too narrow at 80 columns: cut, it loses its end; wrapped, it keeps it
    assert "Backfire" not in cut and "Backfire" in wrapped and "Pahlavi II era" in wrapped
    assert len(wrapped.splitlines()) > len(cut.splitlines())
    assert all(cell_len(line) <= 80 for line in wrapped.splitlines())


def test_machine_formats_keep_raw_numbers(reports: dict[str, api.Report]) -> None:
    stream = io.StringIO(newline="")
    emit(reports["stats"].table, Format.CSV, stream=stream)
    text = stream.getvalue()
    assert ",1334," in text and "1,334" not in text


NAMES = sorted(KEY_COLUMNS) + ["count", "title", "top_terms", "start", "per_10k_some_document.txt",
                               "mean_sentence_length", "context", "lang"]


@st.composite
def column_plans(draw: st.DrawFn) -> list[ColumnPlan]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=12, unique=True))
    plans = []
    for name in names:
        if draw(st.booleans()):
            cells = [format_value(value) for value in draw(st.lists(st.integers(-10**9, 10**9), max_size=5))]
            plans.append(plan_column(name, cells, numeric=True))
        else:
            plans.append(plan_column(name, draw(st.lists(st.text(max_size=60), max_size=5)), numeric=False))
    return plans


@given(column_plans(), st.integers(min_value=20, max_value=300))
def test_layout_fits_and_keeps_key_columns(plans: list[ColumnPlan], width: int) -> None:
    widths, hidden = lay_out(plans, width)
    names = [plan.name for plan in plans]
    assert sorted([*widths, *hidden]) == sorted(names)
    assert [name for name in names if name in widths] == list(widths)  # table order kept
    assert [name for name in names if name in hidden] == hidden  # named in table order
    assert not any(name in KEY_COLUMNS for name in hidden)
    for plan in plans:
        if plan.name in widths:
            assert plan.least <= widths[plan.name] <= max(plan.least, plan.natural)
    keys = [plan for plan in plans if plan.key]
    if table_width(plan.least for plan in keys) <= width:
        assert table_width(widths.values()) <= width
