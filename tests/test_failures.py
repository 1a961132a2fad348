"""One document's bug never costs the others: a failure injected into one document is one
stderr line, that document is left out, every other document is reported, exit 1; in this
process (-j 1) and in a local pool (-j 2). Dask: tests/test_dask.py."""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from tests.conftest import CORPUS

# A document that carries this word fails in the stage under test (an English word, so the
# marker changes nothing else the others report).
MARKER = "Quuxbreaker"
BAD_TEXT = f"In 1813 the Treaty of Gulistan was signed in Karabakh. {MARKER} said so.\n"
GOOD = sorted(path.name for path in CORPUS.glob("*.txt"))

# command line after the command name ({good}/{bad}: the folders), stage named in the error
COMMANDS: dict[str, tuple[list[str], str]] = {
    "stats": (["{all}"], "analysis"),
    "tokens": (["{all}"], "analysis"),
    "freq": (["{all}"], "analysis"),
    "ngrams": (["{all}"], "analysis"),
    "collocations": (["{all}"], "analysis"),
    "kwic": (["Russia", "{all}"], "analysis"),
    "compare": (["{all}", str(CORPUS)], "analysis"),
    "dates": (["{all}"], "dates"),
    "places": (["{all}"], "places"),
    "normalize": (["{all}"], "normalize"),
}


class Injected(KeyError):
    """The bug injected: a KeyError, as the dates crash of issue #15 was."""


def failing(original: Callable[..., Any], text_of: Callable[[Any], str]) -> Callable[..., Any]:
    def wrapper(first: Any, *args: Any, **kwargs: Any) -> Any:
        if MARKER in text_of(first):
            raise Injected("boom")
        return original(first, *args, **kwargs)

    return wrapper


def inject(monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """Make `stage` raise for the marked document (workers forked later inherit it)."""
    if stage == "analysis":
        # `iranru.tokens` is also the public `tokens()` report (PEP 562): import the module by name
        for module, name in ((importlib.import_module("iranru.tokens"), "analyze_document"),
                             (importlib.import_module("iranru.wordcounts"), "count_words")):
            monkeypatch.setattr(module, name, failing(getattr(module, name), lambda doc: doc.text))
    elif stage in ("dates", "places"):
        module = importlib.import_module(f"iranru.mentions.{stage}")
        name = f"find_{stage}"
        monkeypatch.setattr(module, name, failing(getattr(module, name), str))
    else:
        module = importlib.import_module("iranru.normalize")
        monkeypatch.setattr(module, "normalize_text", failing(module.normalize_text, str))


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_folders(tmp_path_factory)


def make_folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The corpus' texts alone, and with the marked document among them."""
    good = tmp_path_factory.mktemp("good")
    mixed = tmp_path_factory.mktemp("mixed")
    for name in GOOD:
        shutil.copy(CORPUS / name, good / name)
        shutil.copy(CORPUS / name, mixed / name)
    (mixed / "bad.txt").write_text(BAD_TEXT, encoding="utf-8")
    return good, mixed


def command_line(command: str, folder: Path, jobs: str) -> list[str]:
    """The command over `folder`, without the cache (mentions are never cached)."""
    args, stage = COMMANDS[command]
    line = [command, *(arg.replace("{all}", str(folder)) for arg in args), "--format", "csv"]
    if command == "normalize":
        return line
    return [*line, "--jobs", jobs] + (["--no-cache"] if stage == "analysis" else [])


def expected_line(folder: Path, stage: str) -> str:
    return f"iranru: {folder / 'bad.txt'}: internal error in {stage} (Injected: 'boom'); rerun with --debug\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_bug_in_one_document_costs_only_that_document(
    runner: CliRunner, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, command: str,
) -> None:
    good, mixed = folders
    reference = runner.invoke(app, command_line(command, good, "1"))
    assert (reference.exit_code, reference.stderr) == (0, "")
    stage = COMMANDS[command][1]
    inject(monkeypatch, stage)
    result = runner.invoke(app, command_line(command, mixed, "1"))
    assert result.stderr == expected_line(mixed, stage)
    assert result.exit_code == 1
    assert result.stdout == reference.stdout.replace(str(good), str(mixed))


def use_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus is small: use the pool anyway, with workers forked from this process so that
    they inherit the injected bug (threads an earlier test left, a Dask cluster's, would make
    the pool start them from a fresh forkserver)."""
    from iranru.engine import pool

    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(pool, "start_method", lambda: "fork")


@pytest.mark.parametrize("command", [name for name in COMMANDS if name != "normalize"])
def test_a_bug_in_a_worker_process_costs_only_that_document(
    runner: CliRunner, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, command: str,
) -> None:
    from iranru.engine import pool

    good, mixed = folders
    reference = runner.invoke(app, command_line(command, good, "1"))
    stage = COMMANDS[command][1]
    inject(monkeypatch, stage)
    use_the_pool(monkeypatch)
    pools: list[int] = []
    original = pool.run_in_pool

    def counted(pool: Any, workers: int, *args: Any) -> Any:
        pools.append(workers)
        return original(pool, workers, *args)

    monkeypatch.setattr(pool, "run_in_pool", counted)
    result = runner.invoke(app, command_line(command, mixed, "2"))
    assert result.stderr == expected_line(mixed, stage)
    assert result.exit_code == 1
    assert result.stdout == reference.stdout
    assert pools == [2] * len(pools) and pools


def test_debug_shows_the_traceback_of_the_worker(
    runner: CliRunner, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
) -> None:

    _, mixed = folders
    inject(monkeypatch, "analysis")
    use_the_pool(monkeypatch)
    result = runner.invoke(app, ["stats", str(mixed), "-j", "2", "--no-cache", "--debug"])
    assert result.exit_code == 1
    *traceback, last = result.stderr.splitlines()
    assert traceback[0] == "Traceback (most recent call last):"
    assert traceback[-1] == f"{Injected.__module__}.Injected: 'boom'"
    assert any("in analyze" in line for line in traceback)  # where it happened: the worker's frames
    assert last == f"iranru: {mixed / 'bad.txt'}: internal error in analysis (Injected: 'boom')"


def test_a_failed_document_is_not_cached_and_its_run_not_replayed(
    runner: CliRunner, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    good, mixed = folders
    where = ["--cache-dir", str(tmp_path / "mixed")]

    def entries(*where: str) -> str:
        info = runner.invoke(app, ["cache", "info", *where, "--format", "csv"])
        return info.stdout.splitlines()[1].split(",")[1]

    runner.invoke(app, ["freq", str(good), "--format", "csv", "--cache-dir", str(tmp_path / "good")])
    inject(monkeypatch, "analysis")
    failed = runner.invoke(app, ["freq", str(mixed), "--format", "csv", *where])
    assert (failed.exit_code, failed.stderr) == (1, expected_line(mixed, "analysis"))
    assert entries(*where) == entries("--cache-dir", str(tmp_path / "good"))  # the good ones only
    again = runner.invoke(app, ["freq", str(mixed), "--format", "csv", *where, "--debug"])
    assert again.exit_code == 1
    assert again.stderr.startswith("Traceback (most recent call last):\n")  # ran, not replayed
    monkeypatch.undo()  # the bug fixed: the document is analysed and reported
    fixed = runner.invoke(app, ["freq", str(mixed), "--format", "csv", *where])
    assert (fixed.exit_code, fixed.stderr) == (0, "")
    assert "quuxbreaker" in fixed.stdout


def test_a_bug_while_reading_one_input_costs_only_that_input(
    runner: CliRunner, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from iranru.ingest import read

    good, mixed = folders
    reference = runner.invoke(app, ["stats", str(good), "--format", "csv", "--no-cache"])
    original = read.decode_bytes

    def broken(data: bytes, *args: Any) -> Any:
        if MARKER.encode() in data:
            raise Injected("boom")
        return original(data, *args)

    monkeypatch.setattr(read, "decode_bytes", broken)
    result = runner.invoke(app, ["stats", str(mixed), "--format", "csv", "--no-cache"])
    assert result.stderr == expected_line(mixed, "reading")
    assert result.exit_code == 1
    assert result.stdout == reference.stdout


# where a report meets each document: its Token objects, or freq's per-document mask
TOKENS = ("iranru.model", "build_tokens")
FREQ_MASK = ("iranru.analysis.freq", "counted_mask")
STATS_COLUMNS = ("iranru.analysis.stats", "WordColumns.of")


@pytest.mark.parametrize(("command", "stage", "where"), [
    (["stats", "{all}"], "stats", STATS_COLUMNS),
    (["tokens", "{all}"], "tokens", TOKENS),
    (["freq", "{all}", "--per-doc"], "freq", FREQ_MASK),
    (["ngrams", "{all}"], "ngrams", TOKENS),
    (["collocations", "{all}"], "collocations", TOKENS),
    (["kwic", "Russia", "{all}"], "kwic", TOKENS),
    (["compare", "{all}", str(CORPUS)], "compare", FREQ_MASK),
])
def test_a_bug_while_reporting_one_document_costs_only_that_document(
    runner: CliRunner, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, command: list[str],
    stage: str, where: tuple[str, str],
) -> None:
    """A report meets the bug while counting over every document: it is built again without
    the document that brings the bug out alone."""
    good, mixed = folders
    options = ["--format", "csv", "--no-cache", "-j", "1"]
    reference = runner.invoke(app, [*(arg.replace("{all}", str(good)) for arg in command), *options])
    owner: Any = importlib.import_module(where[0])
    *path, name = where[1].split(".")
    for part in path:
        owner = getattr(owner, part)
    text_of = str if where == TOKENS else (lambda document: document.document.text)
    monkeypatch.setattr(owner, name, failing(getattr(owner, name), text_of))
    result = runner.invoke(app, [*(arg.replace("{all}", str(mixed)) for arg in command), *options])
    assert result.stderr == expected_line(mixed, stage)
    assert result.exit_code == 1
    assert result.stdout == reference.stdout


def test_a_bug_no_single_document_brings_out_is_the_runs(
    runner: CliRunner, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from iranru.analysis import ngrams

    _, mixed = folders

    def broken(documents: list[Any], *args: Any) -> Any:
        if len(documents) > 1:
            raise Injected("boom")
        return original(documents, *args)

    original = ngrams.ngram_rows
    monkeypatch.setattr(ngrams, "ngram_rows", broken)
    result = runner.invoke(app, ["ngrams", str(mixed), "--format", "csv", "--no-cache", "-j", "1"])
    assert (result.exit_code, result.stdout) == (70, "")
    assert result.stderr == ("iranru: internal error (Injected: 'boom'); rerun with --debug for the "
                             "traceback and please report it\n")


def test_when_a_bug_costs_every_document_the_report_is_empty_and_exit_is_1(
    runner: CliRunner, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The document was read: not "nothing could be read" (exit 2) but the same partial run."""
    _, mixed = folders
    inject(monkeypatch, "analysis")
    result = runner.invoke(app, ["stats", str(mixed / "bad.txt"), "--format", "csv", "--no-cache"])
    assert result.stderr == expected_line(mixed, "analysis")
    assert result.exit_code == 1
    assert result.stdout == ("doc,language,title,characters,tokens,types,lemmas,sentences,"
                             "mean_sentence_length,ttr,mattr,stopword_share,top_terms\n")
