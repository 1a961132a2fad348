"""`--scheduler`: a real Dask cluster (in this process, over TCP) gives the local rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from tests.conftest import CORPUS
from tests.test_failures import COMMANDS, command_line, expected_line, inject, make_folders

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A small cluster: one worker thread, no dashboard, a TCP address like a remote one's."""
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
        protocol="tcp://", host="127.0.0.1",
    ) as cluster:
        yield cluster.scheduler_address


def csv_output(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


@pytest.mark.parametrize("command", [["tokens"], ["freq"], ["dates"]])
def test_the_cluster_gives_the_local_rows(runner: CliRunner, scheduler: str, command: list[str]) -> None:
    cache = [] if command[0] == "dates" else ["--no-cache"]
    local = csv_output(runner, *command, str(CORPUS), "--jobs", "1", *cache)
    assert csv_output(runner, *command, str(CORPUS), "--scheduler", scheduler, *cache) == local


def test_the_environment_names_the_scheduler_and_results_are_cached(
    runner: CliRunner, scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = csv_output(runner, "freq", str(CORPUS), "--no-cache", "-j", "1")
    monkeypatch.setenv("IRANRU_SCHEDULER", scheduler)
    where = ["--cache-dir", str(tmp_path)]
    assert csv_output(runner, "freq", str(CORPUS), *where) == local  # on the cluster, stored
    monkeypatch.delenv("IRANRU_SCHEDULER")
    assert csv_output(runner, "freq", str(CORPUS), *where) == local  # from the cache
    info = csv_output(runner, "cache", "info", *where).splitlines()[1]
    assert info.split(",")[1] == "4"  # three documents' word counts, the Persian one's token table


def test_an_unreachable_scheduler_is_a_usage_error(runner: CliRunner,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from iranru.engine import pool

    monkeypatch.setattr(pool, "DASK_CONNECT_SECONDS", 0.5)
    result = runner.invoke(app, ["stats", str(CORPUS), "--scheduler", "tcp://127.0.0.1:9", "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr.startswith("iranru: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert result.stderr.endswith(
        "start one with `dask scheduler` or check --scheduler / $IRANRU_SCHEDULER\n")


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_folders(tmp_path_factory)


@pytest.mark.parametrize("command", [name for name in COMMANDS if name != "normalize"])
def test_a_bug_on_a_dask_worker_costs_only_that_document(
    runner: CliRunner, scheduler: str, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    """The worker's traceback comes back as data: one line, the others reported, exit 1."""
    good, mixed = folders
    reference = runner.invoke(app, command_line(command, good, "1"))
    inject(monkeypatch, COMMANDS[command][1])  # the cluster's worker is a thread of this process
    result = runner.invoke(app, [*command_line(command, mixed, "1"), "--scheduler", scheduler])
    assert result.stderr == expected_line(mixed, COMMANDS[command][1])
    assert result.exit_code == 1
    assert result.stdout == reference.stdout
