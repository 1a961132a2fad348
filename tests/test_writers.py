"""Files iranru writes: their permissions (as a shell redirect's) and xlsx sheets that open right."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from iranru.render.writers import write_atomically
from tests.conftest import write

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
