"""The term-usage commands through CliRunner: both languages, every format, plots."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from tests.conftest import CORPUS, FA_DOC

EN_DOC = CORPUS / "en_foreign_policy_toward_russia_abstract.txt"
HEADERS = {
    "freq": "term,lang,count,per_10k,docs,dispersion",
    "ngrams": "ngram,n,count,per_10k,docs",
    "collocations": "w1,w2,count,w1_count,w2_count,n,pmi,log_likelihood,t_score,chi2,dice,log_dice,mi3",
    "kwic": "doc,start,end,left,match,right",
    "compare": "term,lang,count_a,count_b,per_10k_a,per_10k_b,log_likelihood,log_ratio,p_value",
}
ARGS = {
    ("freq", "fa"): ["freq", str(FA_DOC)], ("freq", "en"): ["freq", str(EN_DOC)],
    ("ngrams", "fa"): ["ngrams", str(FA_DOC)], ("ngrams", "en"): ["ngrams", str(EN_DOC)],
    ("collocations", "fa"): ["collocations", str(FA_DOC)],
    ("collocations", "en"): ["collocations", str(EN_DOC)],
    ("kwic", "fa"): ["kwic", "روسیه", str(FA_DOC)], ("kwic", "en"): ["kwic", "Russia", str(EN_DOC)],
    ("compare", "fa"): ["compare", str(FA_DOC), str(CORPUS), "--lang", "fa"],
    ("compare", "en"): ["compare", str(EN_DOC), str(CORPUS / "en_rubin_2022_russia_iran_alliance.txt")],
}


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("command", list(HEADERS))
@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "table"])
def test_every_command_language_and_format(runner: CliRunner, command: str, lang: str, fmt: str) -> None:
    result = runner.invoke(app, [*ARGS[(command, lang)], "--top", "5", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    header = HEADERS[command].split(",")
    if fmt == "csv":
        assert result.stdout.splitlines()[0] == HEADERS[command]
        assert 1 <= len(csv_rows(result.stdout)) <= 5
    elif fmt == "tsv":
        assert result.stdout.splitlines()[0] == "\t".join(header)
    elif fmt == "json":
        assert list(json.loads(result.stdout)[0]) == header
    elif fmt == "jsonl":
        assert list(json.loads(result.stdout.splitlines()[0])) == header
    else:
        assert header[0] in result.stdout and header[-1] in result.stdout


@pytest.mark.parametrize("command", list(HEADERS))
def test_xlsx_output(runner: CliRunner, tmp_path: Path, command: str) -> None:
    import pandas as pd

    target = tmp_path / "out.xlsx"
    result = runner.invoke(app, [*ARGS[(command, "en")], "--top", "3", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert list(pd.read_excel(target).columns) == HEADERS[command].split(",")


def test_kwic_of_a_persian_lemma_through_damaged_forms(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kwic", "قدرت", str(FA_DOC), "-f", "csv", "--width", "2"])
    rows = csv_rows(result.stdout)
    assert [row["match"] for row in rows] == ["قدرتهای", "قدرت", "قدرت"]
    text = FA_DOC.read_text(encoding="utf-8")
    assert all(text[int(row["start"]) : int(row["end"])] == row["match"] for row in rows)
    assert rows[0]["left"] == "از تمام" and rows[0]["right"] == "استعماری دیگر"


def test_kwic_table_puts_persian_context_right_to_left(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kwic", "قدرت", str(FA_DOC), "-f", "table", "--width", "2", "--top", "1"])
    line = next(line for line in result.stdout.splitlines() if "قدرتهای" in line)
    assert line.index("استعماری دیگر") < line.index("قدرتهای") < line.index("از تمام")


def test_kwic_regex_treats_every_argument_as_a_path(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kwic", "--regex", "russ.*", str(EN_DOC), "-f", "csv", "--top", "1"])
    assert csv_rows(result.stdout)[0]["match"] == "Russia"


def test_freq_group_by_language_and_per_doc(runner: CliRunner) -> None:
    grouped = csv_rows(runner.invoke(app, ["freq", str(CORPUS), "--group-by", "language", "--top", "1",
                                           "-f", "csv"]).stdout)
    assert [(row["group"], row["term"]) for row in grouped] == [("en", "iran"), ("fa", "ایران")]
    wide = runner.invoke(app, ["freq", str(CORPUS), "--per-doc", "--top", "1", "-f", "csv"]).stdout
    assert wide.splitlines()[0] == (
        "term,lang,count,en_foreign_policy_toward_russia_abstract.txt,"
        "en_rubin_2022_russia_iran_alliance.txt,fa_iran_russia_relations.txt"
    )


def test_concepts_compare_persian_and_english(runner: CliRunner) -> None:
    freq = csv_rows(runner.invoke(app, ["freq", str(CORPUS), "--concepts", "-f", "csv"]).stdout)
    russia = next(row for row in freq if row["concept"] == "Russia")
    assert float(russia["per_10k_fa_iran_russia_relations.txt"]) > 0
    assert float(russia["per_10k_en_rubin_2022_russia_iran_alliance.txt"]) > 0
    keyness = runner.invoke(app, ["compare", "fa", "en", str(CORPUS), "--group-by", "language",
                                  "--concepts", "-f", "csv"])
    assert keyness.exit_code == 0, keyness.output
    assert "Russia" in [row["term"] for row in csv_rows(keyness.stdout)]


def test_compare_errors(runner: CliRunner) -> None:
    bad_group = runner.invoke(app, ["compare", "fa", "xx", str(CORPUS), "--group-by", "language"])
    assert bad_group.exit_code == 2
    assert bad_group.stderr == "iranru: no language 'xx': groups are en, fa\n"
    bad_column = runner.invoke(app, ["freq", str(CORPUS), "--group-by", "colour"])
    assert bad_column.exit_code == 2 and "cannot group by 'colour'" in bad_column.stderr


def test_collocations_node_and_measure(runner: CliRunner) -> None:
    result = runner.invoke(app, ["collocations", str(CORPUS), "--node", "Russia", "--window", "3,3",
                                 "--measure", "logdice", "--top", "3", "-f", "csv"])
    rows = csv_rows(result.stdout)
    assert {row["w1"] for row in rows} == {"russia"}
    scores = [float(row["log_dice"]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert runner.invoke(app, ["collocations", "--measure", "nope"]).exit_code == 2


def test_ngrams_range(runner: CliRunner) -> None:
    rows = csv_rows(runner.invoke(app, ["ngrams", str(EN_DOC), "-n", "2..3", "-f", "csv"]).stdout)
    assert {row["n"] for row in rows} == {"2", "3"}
    assert rows[0]["ngram"] == "foreign policy"


@pytest.mark.parametrize(("command", "suffix"), [
    (["freq", str(FA_DOC), "--top", "10"], ".png"),
    (["compare", str(FA_DOC), str(EN_DOC), "--top", "10"], ".svg"),
    (["kwic", "Russia", str(CORPUS)], ".png"),
])
def test_plots_in_the_terminal_and_in_files(
    runner: CliRunner, tmp_path: Path, command: list[str], suffix: str
) -> None:
    target = tmp_path / f"plot{suffix}"
    result = runner.invoke(app, [*command, "--plot", "--plot-file", str(target)])
    assert result.exit_code == 0, result.output
    assert "│" in result.stdout and "\x1b" not in result.stdout
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") if suffix == ".png" else b"<svg" in data


def test_rates_are_relative_to_the_words_of_the_terms_language(runner: CliRunner) -> None:
    """In the mixed corpus a Persian term's rate and DP are per Persian words: --lang only
    chooses which rows are listed (issue #20: ایران read 38.8 per 10,000 with all words)."""
    mixed = csv_rows(runner.invoke(app, ["freq", str(CORPUS), "--format", "csv"]).stdout)
    persian = csv_rows(runner.invoke(app, ["freq", str(CORPUS), "--lang", "fa", "--format", "csv"]).stdout)
    english = csv_rows(runner.invoke(app, ["freq", str(CORPUS), "--lang", "en", "--format", "csv"]).stdout)
    assert sorted(map(str, mixed), key=str) == sorted(map(str, persian + english), key=str)
    assert len(mixed) == len(persian) + len(english)
    grams = [csv_rows(runner.invoke(app, ["ngrams", str(CORPUS), *lang, "--format", "csv"]).stdout)
             for lang in ([], ["--lang", "fa"], ["--lang", "en"])]
    assert sorted(map(str, grams[0])) == sorted(map(str, grams[1] + grams[2]))


def test_compare_names_a_language_only_one_side_has(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", str(FA_DOC), str(CORPUS), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stderr == ("iranru: warning: A has no 'en' words: the 'en' terms are not compared "
                             "(--concepts compares across languages)\n")
    assert set(row["lang"] for row in csv_rows(result.stdout)) == {"fa"}
