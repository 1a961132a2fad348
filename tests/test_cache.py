"""The analysis cache: the same rows as no cache, never stale, and a damaged file is rebuilt."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import iranru
from iranru.cli import app
from iranru.engine import cache
from iranru.ingest import read_documents
from tests.conftest import CORPUS, FA_DOC, write

# `iranru.tokens` is also the public `tokens()` report (PEP 562), so import the module by name
tokens = importlib.import_module("iranru.tokens")


@pytest.fixture(autouse=True)
def no_replay(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the document cache: no run is recorded for replay (test_replay.py)."""
    from iranru.engine import replay

    monkeypatch.setattr(replay, "RACY_SECONDS", 1e12)


def invoke(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def csv_output(runner: CliRunner, *args: str, stderr: str = "") -> str:
    result = invoke(runner, *args, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stderr == stderr
    return result.stdout


@pytest.mark.parametrize("command", ["tokens", "freq", "stats"])
def test_cold_warm_and_uncached_runs_agree(runner: CliRunner, tmp_path: Path, analyses: list[str],
                                           command: str) -> None:
    where = ["--cache-dir", str(tmp_path), "-j", "1"]
    # freq counts words, and analyses in full the one document with Persian words, for the
    # dispersion of Persian terms over its parts
    per_run = 4 if command == "freq" else 3
    uncached = csv_output(runner, command, str(CORPUS), "--no-cache", *where)
    assert len(analyses) == per_run
    assert not (tmp_path / cache.DB_NAME).exists()  # --no-cache writes nothing
    assert csv_output(runner, command, str(CORPUS), *where) == uncached
    assert len(analyses) == 2 * per_run
    assert csv_output(runner, command, str(CORPUS), *where) == uncached
    assert len(analyses) == 2 * per_run  # warm: nothing analysed again


def test_the_stored_analysis_decodes_to_the_same_objects() -> None:
    documents, _ = read_documents([str(CORPUS)])
    for document in documents:
        analysed = tokens.analyze_document(document)
        assert cache.decode_analysis(document, cache.encode_analysis(analysed)) == analysed


def test_a_changed_file_is_analysed_again(runner: CliRunner, tmp_path: Path, analyses: list[str]) -> None:
    doc = write(tmp_path / "texts" / "note.txt", "Moscow and Tehran met in 2015.")
    where = ["--cache-dir", str(tmp_path / "cache")]
    first = csv_output(runner, "tokens", str(doc), *where)
    write(doc, "Moscow and Tehran met in 2016.")
    second = csv_output(runner, "tokens", str(doc), *where)
    assert "2016" in second and "2015" not in second
    assert second == csv_output(runner, "tokens", str(doc), "--no-cache")
    assert analyses == ["note.txt", "note.txt", "note.txt"]
    write(doc, "Moscow and Tehran met in 2015.")  # back to the first text: cached
    assert csv_output(runner, "tokens", str(doc), *where) == first
    assert len(analyses) == 3


def test_a_renamed_file_reuses_the_analysis_under_its_new_name(
    runner: CliRunner, tmp_path: Path, analyses: list[str]
) -> None:
    where = ["--cache-dir", str(tmp_path / "cache")]
    csv_output(runner, "tokens", str(write(tmp_path / "a.txt", "Same words here.")), *where)
    renamed = csv_output(runner, "tokens", str(write(tmp_path / "b.txt", "Same words here.")), *where)
    assert analyses == ["a.txt"]
    assert renamed.splitlines()[1].startswith("b.txt,")


def test_zwnj_option_is_part_of_the_key(runner: CliRunner, tmp_path: Path) -> None:
    where = ["--cache-dir", str(tmp_path)]
    repaired = csv_output(runner, "tokens", str(FA_DOC), *where)
    unrepaired = csv_output(runner, "tokens", str(FA_DOC), "--no-zwnj-repair", *where)
    assert unrepaired != repaired
    assert unrepaired == csv_output(runner, "tokens", str(FA_DOC), "--no-zwnj-repair", "--no-cache")
    assert csv_output(runner, "tokens", str(FA_DOC), *where) == repaired


def test_stopword_files_count_by_content(runner: CliRunner, tmp_path: Path) -> None:
    words = write(tmp_path / "stop.txt", "russia\n")
    where = ["--cache-dir", str(tmp_path / "cache"), "--stopwords", str(words)]
    without_russia = csv_output(runner, "freq", str(CORPUS), *where)
    assert "\nrussia," not in without_russia
    write(words, "iran\n")  # same path, new content
    without_iran = csv_output(runner, "freq", str(CORPUS), *where)
    assert "\nrussia," in without_iran and "\niran," not in without_iran
    assert without_iran == csv_output(runner, "freq", str(CORPUS), "--stopwords", str(words),
                                      "--no-cache")


def test_a_new_version_is_a_new_key(runner: CliRunner, tmp_path: Path, analyses: list[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    where = ["--cache-dir", str(tmp_path)]
    before = csv_output(runner, "tokens", str(FA_DOC), *where)
    monkeypatch.setattr(iranru, "__version__", "99.0.0")
    assert csv_output(runner, "tokens", str(FA_DOC), *where) == before
    assert len(analyses) == 2
    fingerprints = {cache.pipeline_fingerprint(None, None)}
    monkeypatch.setattr(iranru, "__version__", "0.0.1")
    fingerprints.add(cache.pipeline_fingerprint(None, None))
    assert len(fingerprints) == 2


def test_every_module_is_in_the_fingerprint_with_no_list_to_keep() -> None:
    sources = {path.relative_to(cache.PACKAGE).as_posix() for path in cache.package_sources()}
    assert {"tokens.py", "language.py", "normalize/zwnj.py", "engine/cache.py", "api.py"} <= sources
    assert sources == {path.relative_to(cache.PACKAGE).as_posix() for path in cache.PACKAGE.rglob("*.py")
                       if "__pycache__" not in path.parts}


def test_a_changed_source_file_changes_the_fingerprint(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "iranru"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", copy)
    before = cache.pipeline_fingerprint(None, None)
    with (copy / "tokens.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    assert cache.pipeline_fingerprint(None, None) != before
    changed = cache.pipeline_fingerprint(None, None)
    (copy / "analysis" / "new_rules.py").write_text("RULE = 1\n", encoding="utf-8")  # a new module
    assert cache.pipeline_fingerprint(None, None) != changed


def test_garbage_in_the_cache_file_is_rebuilt_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    where = ["--cache-dir", str(tmp_path)]
    expected = csv_output(runner, "tokens", str(CORPUS), "--no-cache")
    (tmp_path / cache.DB_NAME).write_bytes(b"this is not a database\x00" * 200)
    result = invoke(runner, "tokens", str(CORPUS), *where, "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == expected
    assert result.stderr == (
        f"iranru: warning: cache {tmp_path / cache.DB_NAME} was unreadable (file is not a database); "
        "rebuilt it\n"
    )
    assert csv_output(runner, "tokens", str(CORPUS), *where) == expected  # and it works again


def test_a_damaged_row_is_analysed_again(runner: CliRunner, tmp_path: Path, analyses: list[str]) -> None:
    where = ["--cache-dir", str(tmp_path)]
    expected = csv_output(runner, "tokens", str(FA_DOC), *where)
    with sqlite3.connect(tmp_path / cache.DB_NAME) as connection:
        connection.execute("UPDATE documents SET value = ?", (b"\x78\x9c garbage",))
    connection.close()
    assert csv_output(runner, "tokens", str(FA_DOC), *where) == expected
    assert len(analyses) == 2


def test_a_busy_cache_is_bypassed(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = ["--cache-dir", str(tmp_path)]
    expected = csv_output(runner, "tokens", str(FA_DOC), *where)
    monkeypatch.setattr(cache, "BUSY_SECONDS", 0.05)
    holder = sqlite3.connect(tmp_path / cache.DB_NAME, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = invoke(runner, "tokens", str(FA_DOC), *where, "--format", "csv")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 0
    assert result.stdout == expected
    assert result.stderr.startswith(f"iranru: warning: cache {tmp_path / cache.DB_NAME} is busy")
    assert result.stderr.endswith("; running without it\n")


def test_an_unusable_cache_folder_is_bypassed(runner: CliRunner, tmp_path: Path) -> None:
    blocker = write(tmp_path / "file", "not a folder")
    result = invoke(runner, "tokens", str(FA_DOC), "--cache-dir", str(blocker / "cache"), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout == csv_output(runner, "tokens", str(FA_DOC), "--no-cache")
    assert result.stderr.startswith(f"iranru: warning: cannot use the cache folder {blocker / 'cache'}")


def test_the_environment_chooses_the_folder(runner: CliRunner, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IRANRU_CACHE_DIR", str(tmp_path / "env"))
    csv_output(runner, "stats", str(FA_DOC))
    assert (tmp_path / "env" / cache.DB_NAME).exists()


def test_the_default_folder_is_the_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("IRANRU_CACHE_DIR")
    assert cache.cache_dir() == Path(platformdirs.user_cache_dir("iranru", appauthor=False))


def test_cache_info_and_clear(runner: CliRunner, tmp_path: Path) -> None:
    where = ["--cache-dir", str(tmp_path)]
    location = tmp_path / cache.DB_NAME
    assert csv_output(runner, "cache", "info", *where).splitlines() == [
        "location,entries,size_bytes", f"{location},0,0"]
    csv_output(runner, "stats", str(CORPUS), *where)
    info = csv_output(runner, "cache", "info", *where).splitlines()[1].split(",")
    assert info[:2] == [str(location), "3"] and int(info[2]) > 0
    tables = tmp_path / "tables.marshal"
    tables.write_bytes(b"t" * 1000)  # the prebuilt tables go too (built again when next needed)
    stored = sum(path.stat().st_size for path in tmp_path.iterdir())  # the database, its WAL files
    cleared = csv_output(runner, "cache", "clear", *where).splitlines()
    assert cleared[0] == "location,removed_entries,freed_bytes"
    assert cleared[1] == f"{location},3,{stored}" and stored >= int(info[2]) + 1000
    assert list(tmp_path.iterdir()) == []
    assert not location.exists() and not tables.exists()
    assert csv_output(runner, "cache", "info", *where).splitlines()[1] == f"{location},0,0"


def test_cache_info_of_a_damaged_file_says_how_to_fix_it(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / cache.DB_NAME).write_bytes(b"garbage" * 1000)
    result = invoke(runner, "cache", "info", "--cache-dir", str(tmp_path), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "location,entries,size_bytes", f"{tmp_path / cache.DB_NAME},,7000"]
    assert "`iranru cache clear` removes it" in result.stderr


def test_cache_group_help(runner: CliRunner) -> None:
    result = invoke(runner, "cache", "--help")
    assert result.exit_code == 0
    assert "info" in result.stdout and "clear" in result.stdout


def test_an_unusable_cache_is_warned_about_once_however_many_waves(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from iranru.engine import waves

    monkeypatch.setattr(waves, "COUNTS_WAVE_CHARS", 1_000)  # every corpus document is a wave
    blocker = write(tmp_path / "file", "not a folder")
    result = invoke(runner, "freq", str(CORPUS), "--cache-dir", str(blocker / "cache"), "-f", "csv")
    assert result.exit_code == 0
    assert [line.split(" (")[0] for line in result.stderr.splitlines()] == [
        f"iranru: warning: cannot use the cache folder {blocker / 'cache'}"]
