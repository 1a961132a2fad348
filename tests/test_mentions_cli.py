"""`iranru dates` and `iranru places` through CliRunner: columns, formats, summary, timeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from tests.conftest import CORPUS, FA_DOC

DATE_HEADER = "doc,start,end,surface,value,year_from,year_to,calendar,granularity,context"
PLACE_HEADER = "doc,start,end,surface,name_en,name_fa,place_id,kind,lat,lon,context"


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(("command", "header"), [("dates", DATE_HEADER), ("places", PLACE_HEADER)])
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "table"])
def test_columns_in_every_format(runner: CliRunner, command: str, header: str, fmt: str) -> None:
    result = runner.invoke(app, [command, str(FA_DOC), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    if fmt == "csv":
        assert result.stdout.splitlines()[0] == header
    elif fmt == "tsv":
        assert result.stdout.splitlines()[0] == header.replace(",", "\t")
    elif fmt == "json":
        assert list(json.loads(result.stdout)[0]) == header.split(",")
    elif fmt == "jsonl":
        assert list(json.loads(result.stdout.splitlines()[0])) == header.split(",")
    else:
        assert "surface" in result.stdout


@pytest.mark.parametrize("command", ["dates", "places"])
def test_offsets_of_every_corpus_row(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, str(CORPUS), "-f", "csv"])
    assert result.exit_code == 0, result.output
    texts = {path.name: path.read_text(encoding="utf-8") for path in CORPUS.glob("*.txt")}
    found = rows(result.stdout)
    assert {row["doc"] for row in found} == set(texts)
    for row in found:
        assert texts[row["doc"]][int(row["start"]) : int(row["end"])] == row["surface"]


def test_persian_dates_row(runner: CliRunner) -> None:
    first = rows(runner.invoke(app, ["dates", str(FA_DOC), "-f", "csv"]).stdout)[0]
    assert (first["surface"], first["value"], first["calendar"], first["granularity"]) == (
        "ششم ژوئیه ۱۹۴۵", "1945-07-06", "gregorian", "day")
    assert "ششم ژوئیه ۱۹۴۵ توسط" in first["context"]  # normalised: the glued year split off


def test_places_summary_is_wide(runner: CliRunner) -> None:
    result = runner.invoke(app, ["places", str(CORPUS), "--summary", "-f", "csv"])
    header = result.stdout.splitlines()[0].split(",")
    assert header[:3] == ["name_en", "name_fa", "total"]
    assert header[3:] == sorted(path.name for path in CORPUS.glob("*.txt"))
    assert rows(result.stdout)[0]["name_en"] == "Iran"


def test_dates_summary(runner: CliRunner) -> None:
    result = runner.invoke(app, ["dates", str(FA_DOC), "--summary", "-f", "csv"])
    assert result.stdout.splitlines()[0] == (
        "value,year_from,year_to,calendar,granularity,total,fa_iran_russia_relations.txt")


def test_timeline_in_the_terminal_and_in_a_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["dates", str(CORPUS), "--timeline"])
    assert result.exit_code == 0, result.output
    assert "decade" in result.stdout
    target = tmp_path / "timeline.svg"
    result = runner.invoke(app, ["dates", str(CORPUS), "--plot-file", str(target), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert result.stdout.splitlines()[0] == DATE_HEADER


def test_a_document_without_mentions(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing here at all", encoding="utf-8")
    for command, header in (("dates", DATE_HEADER), ("places", PLACE_HEADER)):
        result = runner.invoke(app, [command, str(empty), "-f", "csv"])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines() == [header]


def test_the_table_view_labels_values_and_machine_formats_keep_iso(
        runner: CliRunner, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("In the 1830s and the nineteenth century; Winter 2022.", encoding="utf-8")
    table = runner.invoke(app, ["dates", str(doc), "-f", "table"]).stdout
    assert "1830s" in table and "19th century" in table and "Winter 2022" in table
    found = rows(runner.invoke(app, ["dates", str(doc), "-f", "csv"]).stdout)
    assert [(r["value"], r["year_from"], r["year_to"]) for r in found] == [
        ("183", "1830", "1839"), ("18", "1800", "1899"), ("2022-WI", "2022", "2022")]


def test_the_timeline_counts_the_decade_of_year_from() -> None:
    import pandas as pd

    from iranru.render.plots import timeline_data

    table = pd.DataFrame({"doc": ["a.txt", "a.txt", "b.txt"], "value": ["183", "1978/1979", "-0499"],
                          "year_from": [1830, 1978, -499]})
    bins, series = timeline_data(table)
    assert (bins[0], bins[-1], len(bins)) == (-500, 1970, 248)  # every decade, empty ones too
    assert (series["a.txt"][bins.index(1830)], series["a.txt"][bins.index(1970)]) == (1, 1)
    assert (series["b.txt"][0], sum(series["b.txt"]), sum(series["a.txt"])) == (1, 1, 2)
