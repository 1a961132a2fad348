"""Every command through Typer's CliRunner: formats, stdin, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from tests.conftest import CORPUS, FA_DOC, PERSIAN_SENTENCE, ROOT, write

ZWNJ = "\u200c"
STATS_HEADER = (
    "doc,language,title,characters,tokens,types,lemmas,sentences,mean_sentence_length,ttr,"
    "mattr,stopword_share,top_terms"
)


def invoke(runner: CliRunner, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_stats_on_the_corpus_gives_three_rows(runner: CliRunner) -> None:
    result = invoke(runner, "stats", str(CORPUS), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == STATS_HEADER
    assert [(row["doc"], row["language"]) for row in csv_rows(result.stdout)] == [
        ("en_foreign_policy_toward_russia_abstract.txt", "en"),
        ("en_rubin_2022_russia_iran_alliance.txt", "en"),
        ("fa_iran_russia_relations.txt", "fa"),
    ]
    assert result.stderr == ""


def test_stats_defaults_to_the_corpus_folder(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke(runner, "stats", "-f", "csv")
    assert result.exit_code == 0
    assert len(csv_rows(result.stdout)) == 3


def test_no_paths_and_no_corpus_folder_is_a_usage_error(runner: CliRunner, in_tmp: Path) -> None:
    result = invoke(runner, "stats")
    assert result.exit_code == 2
    assert result.stderr == (
        "iranru: no input: there is no ./corpus folder here; pass files, folders, globs or - "
        "(e.g. iranru stats texts/ notes.txt)\n"
    )


def test_stats_table_has_a_total_row(runner: CliRunner) -> None:
    result = invoke(runner, "stats", str(CORPUS), "--format", "table")
    assert result.exit_code == 0
    assert "total" in result.stdout and "3 documents" in result.stdout
    assert "fa_iran_russia_relations" in result.stdout


@pytest.mark.parametrize("command", ["stats", "tokens"])
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "table"])
def test_every_format_of_every_table_command(runner: CliRunner, command: str, fmt: str) -> None:
    result = invoke(runner, command, str(FA_DOC), "--format", fmt)
    assert result.exit_code == 0, result.output
    text = result.stdout
    if fmt == "csv":
        assert csv_rows(text)[0]["doc"] == "fa_iran_russia_relations.txt"
    elif fmt == "tsv":
        assert text.splitlines()[1].startswith("fa_iran_russia_relations.txt\t")
    elif fmt == "json":
        assert json.loads(text)[0]["doc"] == "fa_iran_russia_relations.txt"
    elif fmt == "jsonl":
        assert json.loads(text.splitlines()[0])["doc"] == "fa_iran_russia_relations.txt"
    else:
        assert "fa_iran_russia_relations" in text


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".json", ".jsonl", ".xlsx"])
def test_output_file_takes_its_format_from_the_extension(
    runner: CliRunner, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"stats{suffix}"
    result = invoke(runner, "stats", str(FA_DOC), "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    if suffix == ".xlsx":
        import pandas as pd

        assert pd.read_excel(target)["doc"].tolist() == ["fa_iran_russia_relations.txt"]
    else:
        assert "fa_iran_russia_relations.txt" in target.read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"stats{suffix}"]


def test_tokens_rows_point_at_the_original_text(runner: CliRunner, tmp_path: Path) -> None:
    doc = write(tmp_path / "fa.txt", PERSIAN_SENTENCE)
    result = invoke(runner, "tokens", str(doc), "-f", "csv")
    rows = csv_rows(result.stdout)
    assert list(rows[0]) == [
        "doc", "sentence", "position", "token", "norm", "lemma", "lang", "stopword", "start", "end",
    ]
    damaged = next(row for row in rows if row["token"] == "قدرتهای")
    assert (damaged["norm"], damaged["lemma"], damaged["position"]) == (f"قدرت{ZWNJ}های", "قدرت", "8")
    assert all(PERSIAN_SENTENCE[int(r["start"]) : int(r["end"])] == r["token"] for r in rows)


def test_tokens_from_standard_input(runner: CliRunner) -> None:
    result = invoke(runner, "tokens", "-", "-f", "csv", input="Tabriz and تبریز.\n")
    assert [(r["doc"], r["token"], r["lang"]) for r in csv_rows(result.stdout)] == [
        ("<stdin>", "Tabriz", "en"), ("<stdin>", "and", "en"), ("<stdin>", "تبریز", "fa"),
    ]


def test_normalize_reads_stdin_and_keeps_lines(runner: CliRunner) -> None:
    text = "قدرتهای استعماری\n\nميتوان ۱۹۴۵توسط\nS-300 and “quotes”\n"
    result = invoke(runner, "normalize", "-", input=text)
    assert result.exit_code == 0
    assert result.stdout == (
        f"قدرت{ZWNJ}های استعماری\n\nمی{ZWNJ}توان ۱۹۴۵ توسط\nS-300 and \"quotes\"\n"
    )


def test_normalize_digits_option(runner: CliRunner) -> None:
    result = invoke(runner, "normalize", "-", "--digits", "latin", input="سال ۱۸۱۳ م\n")
    assert result.stdout == "سال 1813 م\n"
    bad = invoke(runner, "normalize", "-", "--digits", "roman", input="x\n")
    assert bad.exit_code == 2


def test_normalize_explain_lists_changes(runner: CliRunner) -> None:
    result = invoke(runner, "normalize", "-", "--explain", "-f", "csv", input="كتابها\n")
    assert csv_rows(result.stdout) == [
        {"doc": "<stdin>", "line": "1", "start": "0", "end": "1", "before": "ك", "after": "ک",
         "rule": "unify_arabic_letters"},
        {"doc": "<stdin>", "line": "1", "start": "4", "end": "4", "before": "", "after": ZWNJ,
         "rule": "repair_zwnj"},
    ]


def test_utf16_and_cp1256_inputs(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "u16.txt", "روسیه و ایران", "utf-16")
    write(tmp_path / "win.txt", "روسيه و ايران " * 5, "cp1256")
    result = invoke(runner, "stats", str(tmp_path), "-f", "csv")
    assert result.exit_code == 0
    assert [(r["doc"], r["language"], r["types"]) for r in csv_rows(result.stdout)] == [
        ("u16.txt", "fa", "3"), ("win.txt", "fa", "3"),
    ]


def test_bad_files_are_reported_and_good_ones_still_analysed(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    picture = tmp_path / "scan.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    write(tmp_path / "good.txt", "Russia and Iran.")
    result = invoke(runner, "stats", str(tmp_path), str(tmp_path / "missing.txt"), "-f", "csv")
    assert result.exit_code == 1
    assert [row["doc"] for row in csv_rows(result.stdout)] == ["good.txt"]
    assert result.stderr.splitlines() == [  # problems finding inputs first, then reading them
        f"iranru: {tmp_path / 'missing.txt'}: no such file or directory",
        f"iranru: {picture}: binary file (PNG image), not text",
    ]


def test_nothing_readable_exits_2_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "")
    target = tmp_path / "out.csv"
    result = invoke(runner, "stats", str(tmp_path / "empty.txt"), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"iranru: {tmp_path / 'empty.txt'}: empty file",
        "iranru: nothing could be read",
    ]
    assert not target.exists()


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert invoke(runner, "stats", str(FA_DOC), "--format", "xml").exit_code == 2
    result = invoke(runner, "stats", str(FA_DOC), "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "iranru: xlsx is a file format: pass --output FILE.xlsx\n"


def test_debug_shows_the_exception(runner: CliRunner, in_tmp: Path) -> None:
    result = invoke(runner, "stats", "missing.txt", "--debug")
    assert type(result.exception).__name__ == "NoInputError"


def test_an_internal_error_is_one_line_and_exit_70(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug must not print a traceback at a user: one line, exit 70; --debug shows it. (A bug
    met in one document costs only that document: tests/test_failures.py.)"""
    import iranru.analysis.stats as stats_module

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(stats_module.CorpusTotals, "row", broken)  # after every document: the run's
    result = invoke(runner, "stats", str(FA_DOC), "--no-cache")
    assert (result.exit_code, result.stdout) == (70, "")
    assert result.stderr == ("iranru: internal error (ZeroDivisionError: division by zero); rerun with "
                             "--debug for the traceback and please report it\n")
    debug = invoke(runner, "stats", str(FA_DOC), "--no-cache", "--debug")
    assert isinstance(debug.exception, ZeroDivisionError)


def test_module_entry_point_and_pipe_to_head() -> None:
    help_run = subprocess.run(
        [sys.executable, "-m", "iranru", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert help_run.returncode == 0 and "stats" in help_run.stdout
    piped = subprocess.run(
        f"'{sys.executable}' -m iranru tokens '{CORPUS}' -f csv | head -n 1",
        shell=True, capture_output=True, text=True, cwd=ROOT,
    )
    assert piped.stdout.startswith("doc,sentence,position,token")
    assert piped.stderr == ""


def test_cli_import_loads_no_heavy_library() -> None:
    code = (
        "import sys, iranru.cli; "
        "print(sorted(m for m in ('hazm', 'nltk', 'pandas', 'simplemma', 'openpyxl', 'dask', "
        "'distributed', 'platformdirs', 'sqlite3') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "[]"


def test_help_needs_no_analysis_code_and_its_choices_match_the_core() -> None:
    """`iranru --help` must start fast: the CLI offers the settings' enumerations, which name
    the registries' entries (collocation measures, digit steps) one for one."""
    from iranru.analysis.collocations import MEASURES
    from iranru.normalize import DIGIT_MODES
    from iranru.settings import DigitMode, Measure

    assert (tuple(Measure), tuple(DigitMode)) == (tuple(MEASURES), DIGIT_MODES)
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys; from iranru.cli import app; print(sorted(m for m in sys.modules "
         "if m.startswith(('iranru.analysis', 'iranru.normalize', 'hazm', 'nltk', 'pandas'))))"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    assert loaded.stdout == "[]\n"


@pytest.mark.parametrize("args", [
    ["freq", str(CORPUS), "--top", "3", "--no-cache"], ["cache", "info", "--format", "csv"],
    ["freq", "--help"], ["--help"], ["frq"], ["freq", str(CORPUS), "--bogus"],
])
def test_the_command_holding_only_the_command_asked_for_answers_as_the_whole_app(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    """`iranru` (main) builds only the command its first argument names: the output, errors
    and exit status are the whole app's."""
    from iranru.cli import main

    monkeypatch.setenv("IRANRU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["iranru", *args])
    answers = []
    for entry in (lambda: app(prog_name="iranru"), main):
        with pytest.raises(SystemExit) as ended:
            entry()
        captured = capsys.readouterr()
        answers.append((ended.value.code or 0, captured.out, captured.err))
    assert answers[0] == answers[1]
    assert answers[0][1] or answers[0][2]
