"""`--places-file` / `places(places_file=...)`: a user's CSV adds names, adds places, blocks names."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import iranru
from iranru.cli import app
from iranru.errors import UsageError
from iranru.mentions.gazetteer import read_places_file
from iranru.mentions.places import find_places
from tests.conftest import write

PLACES = (
    "name,name_en,name_fa,kind,lat,lon\n"
    "Tauriz,Tabriz,,,,\n"  # another name of a known place
    "Shahrestanak,Shahrestanak,شهرستانک,village,35.97,51.37\n"  # a new place
    "شهرستانک,Shahrestanak,,,,\n"  # its Persian name, by the new place's English name
    "Paris,,,block,,\n"  # never a place in this user's texts
    "Golab,Golab,,,,\n"  # a new place with neither kind nor coordinates
)
TEXT = "From Tauriz to Shahrestanak, then Paris and Golab. از شهرستانک به تهران"


def test_rows_add_and_block(tmp_path: Path) -> None:
    rows = read_places_file(write(tmp_path / "places.csv", PLACES))
    found = [(m.surface, m.name_en, m.name_fa, m.place_id, m.kind, m.lat) for m in find_places(TEXT, rows)]
    assert found == [
        ("Tauriz", "Tabriz", "تبریز", "113646", "city", pytest.approx(38.08, abs=0.01)),
        ("Shahrestanak", "Shahrestanak", "شهرستانک", "shahrestanak", "village", 35.97),
        ("Golab", "Golab", "", "golab", "place", None),
        ("شهرستانک", "Shahrestanak", "شهرستانک", "shahrestanak", "village", 35.97),
        ("تهران", "Tehran", "تهران", "112931", "city", pytest.approx(35.69, abs=0.01)),
    ]
    # without the file: Paris is a place again, the others are unknown
    assert [m.surface for m in find_places(TEXT)] == ["Paris", "تهران"]


def test_the_library_takes_places_file(tmp_path: Path) -> None:
    doc = write(tmp_path / "doc.txt", TEXT)
    places = write(tmp_path / "places.csv", PLACES)
    report = iranru.places([doc], places_file=places)
    assert list(report.table["surface"]) == ["Tauriz", "Shahrestanak", "Golab", "شهرستانک", "تهران"]


@pytest.mark.parametrize(("content", "message"), [
    ("name,name_en\n,Tabriz\n", "places.csv:2: empty name"),
    ("name,name_en\nTauriz,\n",
     "places.csv:2: empty name_en (give the place's English name, or kind 'block')"),
    ("name,name_en,name_fa\nTauriz,Tabriz,أصفهان\n",
     "places.csv:2: name_fa 'أصفهان' is not in Persian letters"),
    ("name,name_en,kind,lat,lon\nA,Tabriz,,,\nGolab,Golab,village,91,3\n",
     "places.csv:3: lat '91' is not between -90 and 90"),
    ("name,name_en,lat,lon\nGolab,Golab,north,3\n", "places.csv:2: lat 'north' is not a number"),
    ("name,name_en,lat,lon\nGolab,Golab,35,\n", "places.csv:2: give both lat and lon, or neither"),
    ("name,name_en\ngolab,Golab\n",
     "places.csv:2: name 'golab' is neither Persian nor a capitalised English name"),
    ("place,english\nA,B\n",
     "places.csv:1: missing column name, name_en (expected name,name_en,name_fa,kind,lat,lon)"),
])
def test_a_bad_row_names_its_line(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "places.csv", content)
    with pytest.raises(UsageError) as error:
        read_places_file(path)
    assert str(error.value) == f"{tmp_path}/{message}"


def test_cli_adds_and_blocks(runner: CliRunner, tmp_path: Path) -> None:
    doc = write(tmp_path / "doc.txt", TEXT)
    places = write(tmp_path / "places.csv", PLACES)
    result = runner.invoke(app, ["places", str(doc), "--places-file", str(places), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert [line.split(",")[3] for line in result.stdout.splitlines()[1:]] == [
        "Tauriz", "Shahrestanak", "Golab", "شهرستانک", "تهران"]


def test_cli_bad_row_is_one_line_and_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    doc = write(tmp_path / "doc.txt", TEXT)
    places = write(tmp_path / "places.csv", "name,name_en,lat,lon\nGolab,Golab,north,3\n")
    result = runner.invoke(app, ["places", str(doc), "--places-file", str(places)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"iranru: {places}:2: lat 'north' is not a number\n"
