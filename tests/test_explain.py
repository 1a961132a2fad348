"""`normalize --explain` lists exactly the edits `normalize` makes: applying its rows to the
original gives the normalised text, on natural documents nobody here wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from iranru.normalize import explain_changes, normalize_text
from tests.conftest import ROOT

NATURAL = ROOT.parent / "shared" / "bench" / "natural"
SAMPLE_EVERY = 60  # about 60 of the 3,647 documents, both languages


def natural_sample() -> list[Path]:
    files = sorted(NATURAL.glob("fa/*.txt")) + sorted(NATURAL.glob("en/*.txt"))
    return files[::SAMPLE_EVERY]


def applied(text: str, rows: list[tuple[int, int, str, str]]) -> str:
    pieces, done = [], 0
    for start, end, before, after in rows:
        assert done <= start <= end and text[start:end] == before
        pieces += [text[done:start], after]
        done = end
    return "".join(pieces) + text[done:]


@pytest.mark.skipif(not NATURAL.is_dir(), reason="needs ../shared/bench/natural")
@pytest.mark.parametrize("path", natural_sample(), ids=lambda path: path.name)
def test_explained_rows_rebuild_the_normalised_natural_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    rows = [(change.start, change.end, change.before, change.after) for change in explain_changes(text)]
    assert applied(text, rows) == normalize_text(text)


@pytest.mark.skipif(not NATURAL.is_dir(), reason="needs ../shared/bench/natural")
def test_the_explain_command_rebuilds_what_normalize_prints(runner: CliRunner) -> None:
    path = natural_sample()[1]
    explained = runner.invoke(app, ["normalize", str(path), "--explain", "--format", "json"])
    printed = runner.invoke(app, ["normalize", str(path)])
    assert explained.exit_code == printed.exit_code == 0
    rows = [(int(row["start"]), int(row["end"]), row["before"], row["after"])
            for row in json.loads(explained.stdout)]
    text = path.read_text(encoding="utf-8")
    assert rows and applied(text, rows) + ("" if text.endswith("\n") else "\n") == printed.stdout
