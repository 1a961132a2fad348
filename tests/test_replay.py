"""Replayed reports: the same command over unchanged files prints the same, reading nothing;
any change to a file, an option or the file set is a miss."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from iranru.engine import cache, replay
from tests.conftest import ENGLISH_SENTENCE, PERSIAN_SENTENCE, write


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as old enough to be judged by their times."""
    monkeypatch.setattr(replay, "RACY_SECONDS", -3600.0)


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    write(folder / "fa.txt", PERSIAN_SENTENCE + "\n")
    write(folder / "en.txt", ENGLISH_SENTENCE + "\n")
    return folder


def run(runner: CliRunner, *args: str, cache_dir: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--cache-dir", str(cache_dir), "--format", "csv"])
    return result.exit_code, result.stdout, result.stderr


def recorded_reports(cache_dir: Path) -> int:
    with sqlite3.connect(cache_dir / cache.DB_NAME) as connection:
        count = connection.execute("SELECT count(*) FROM reports").fetchone()[0]
    connection.close()
    return int(count)


@pytest.mark.parametrize("command", [["freq"], ["stats"], ["ngrams"], ["kwic", "روسیه"], ["tokens"]])
def test_a_second_run_is_replayed_without_reading(runner: CliRunner, tmp_path: Path, texts: Path,
                                                  analyses: list[str], settled: None,
                                                  command: list[str]) -> None:
    first = run(runner, *command, str(texts), cache_dir=tmp_path / "cache")
    assert first[0] == 0 and first[1]
    done = len(analyses)
    assert run(runner, *command, str(texts), cache_dir=tmp_path / "cache") == first
    assert len(analyses) == done  # nothing read or analysed
    assert recorded_reports(tmp_path / "cache") == 1


def test_a_file_changed_behind_its_times_is_not_replayed(runner: CliRunner, tmp_path: Path, texts: Path,
                                                         settled: None) -> None:
    """Same size, modification time put back: the change time still tells."""
    target = texts / "en.txt"
    before = target.stat()
    first = run(runner, "freq", str(texts), cache_dir=tmp_path / "cache")
    write(target, ENGLISH_SENTENCE.replace("Russia", "Persia") + "\n")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    second = run(runner, "freq", str(texts), cache_dir=tmp_path / "cache")
    assert second != first
    assert "persia,en" in second[1] and "russia,en" not in second[1]


def test_an_added_file_or_another_option_is_not_replayed(runner: CliRunner, tmp_path: Path, texts: Path,
                                                         settled: None) -> None:
    first = run(runner, "freq", str(texts), cache_dir=tmp_path / "cache")
    top = run(runner, "freq", str(texts), "--top", "2", cache_dir=tmp_path / "cache")
    assert top[1] != first[1] and len(top[1].splitlines()) == 3
    write(texts / "more.txt", "Moscow and Tehran signed the Treaty of Gulistan.\n")
    added = run(runner, "freq", str(texts), cache_dir=tmp_path / "cache")
    assert "gulistan,en" in added[1] and "gulistan" not in first[1]


def test_a_changed_stopword_file_is_not_replayed(runner: CliRunner, tmp_path: Path, texts: Path,
                                                  settled: None) -> None:
    """An option file is an input by its content, at the same path and size."""
    stopwords = write(tmp_path / "stop.txt", "russia\n")
    first = run(runner, "freq", str(texts), "--stopwords", str(stopwords), cache_dir=tmp_path / "cache")
    assert "russia,en" not in first[1] and "tehran,en" in first[1]
    write(stopwords, "tehran\n")
    second = run(runner, "freq", str(texts), "--stopwords", str(stopwords), cache_dir=tmp_path / "cache")
    assert "russia,en" in second[1] and "tehran,en" not in second[1]


def test_compare_sees_a_change_in_its_sides(runner: CliRunner, tmp_path: Path, texts: Path,
                                            settled: None) -> None:
    """compare A B reads A and B themselves."""
    other = write(tmp_path / "other.txt", "Moscow and Tehran signed a treaty in Tabriz.\n")
    args = ("compare", str(texts / "en.txt"), str(other))
    first = run(runner, *args, cache_dir=tmp_path / "cache")
    assert first[0] == 0 and "tabriz" in first[1]
    assert run(runner, *args, cache_dir=tmp_path / "cache") == first
    before = other.stat()
    write(other, "Moscow and Tehran signed a treaty in Tiflis.\n")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    second = run(runner, *args, cache_dir=tmp_path / "cache")
    assert "tiflis" in second[1] and "tabriz" not in second[1]


def test_a_partial_run_replays_its_messages_and_status(runner: CliRunner, tmp_path: Path, texts: Path,
                                                       analyses: list[str], settled: None) -> None:
    write(texts / "big.txt", "Tehran " * 4000)
    args = ("freq", str(texts), "--max-file-size", "0.01")
    first = run(runner, *args, cache_dir=tmp_path / "cache")
    assert first[0] == 1
    assert "big.txt" in first[2]
    done = len(analyses)
    assert run(runner, *args, cache_dir=tmp_path / "cache") == first
    assert len(analyses) == done


def test_files_changed_just_now_are_not_recorded(runner: CliRunner, tmp_path: Path, texts: Path) -> None:
    first = run(runner, "freq", str(texts), cache_dir=tmp_path / "cache")
    assert run(runner, "freq", str(texts), cache_dir=tmp_path / "cache") == first
    assert recorded_reports(tmp_path / "cache") == 0  # within RACY_SECONDS: times prove nothing


def test_no_cache_neither_records_nor_replays(runner: CliRunner, tmp_path: Path, texts: Path,
                                              settled: None) -> None:
    run(runner, "freq", str(texts), "--no-cache", cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache" / cache.DB_NAME).exists()


def test_the_output_file_is_written_again(runner: CliRunner, tmp_path: Path, texts: Path,
                                          analyses: list[str], settled: None) -> None:
    output = tmp_path / "freq.csv"
    assert run(runner, "freq", str(texts), "-o", str(output), cache_dir=tmp_path / "cache")[0] == 0
    written = output.read_bytes()
    output.unlink()
    done = len(analyses)
    assert run(runner, "freq", str(texts), "-o", str(output), cache_dir=tmp_path / "cache")[0] == 0
    assert output.read_bytes() == written
    assert len(analyses) == done


def test_a_replay_loads_no_analysis_code(tmp_path: Path, texts: Path) -> None:
    """What makes a replay fast: no pandas, hazm or NLTK is even imported."""
    argv = ["iranru", "freq", str(texts), "--cache-dir", str(tmp_path / "c"), "-f", "csv"]
    script = (
        f"import sys\nfrom iranru.cli import app\nfrom iranru.engine import replay\nsys.argv = {argv!r}\n"
        "replay.RACY_SECONDS = -3600.0  # the files were written just now\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print(sorted(name for name in ('pandas', 'hazm', 'nltk') if name in sys.modules), file=sys.stderr)\n"
    )
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert first.stderr.splitlines()[-1] == "['hazm', 'nltk', 'pandas']"
    assert second.stderr.splitlines()[-1] == "[]"
    assert second.stdout == first.stdout


def test_which_reports_replay_is_a_named_set_of_real_commands() -> None:
    """Replay is for the reports that read the document cache: a named set, not whichever
    command happens to have a no_cache option."""
    from typer.main import get_command_name

    from iranru.cli import app
    from iranru.cli.replay import REPLAYABLE_REPORTS, is_replayable

    commands = {command.name or get_command_name(command.callback.__name__)
                for command in app.registered_commands}
    assert REPLAYABLE_REPORTS <= commands
    assert commands - REPLAYABLE_REPORTS == {"normalize", "dates", "places"}
    files = {"paths": ["corpus"], "no_cache": False}
    assert [is_replayable(name, files) for name in ("freq", "dates", "normalize")] == [True, False, False]
    assert not is_replayable("freq", {**files, "no_cache": True})
    assert not is_replayable("freq", {**files, "paths": ["-"]})


def test_a_run_that_warns_about_the_cache_is_not_recorded(runner: CliRunner, tmp_path: Path, texts: Path,
                                                          settled: None) -> None:
    """The warning is about this run's cache (rebuilt), not about the report: it is known by
    its kind (cache.CacheWarning), not by looking for the cache's path in the message text."""
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / cache.DB_NAME).write_bytes(b"this is not a database\x00" * 200)
    first = run(runner, "freq", str(texts), cache_dir=cache_dir)
    assert first[0] == 0 and "rebuilt it" in first[2]
    assert recorded_reports(cache_dir) == 0
    second = run(runner, "freq", str(texts), cache_dir=cache_dir)
    assert second == (0, first[1], "")  # ran again, quietly, and is now recorded
    assert recorded_reports(cache_dir) == 1


def test_a_removed_or_touched_file_is_not_replayed(runner: CliRunner, tmp_path: Path, texts: Path,
                                                   settled: None) -> None:
    """A new modification time alone (same bytes) is a new key; so is a file less."""
    cache_dir = tmp_path / "cache"
    first = run(runner, "freq", str(texts), cache_dir=cache_dir)
    target = texts / "en.txt"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 1_000_000_000))
    assert run(runner, "freq", str(texts), cache_dir=cache_dir) == first
    assert recorded_reports(cache_dir) == 2  # run again and recorded under the new key
    target.unlink()
    removed = run(runner, "freq", str(texts), cache_dir=cache_dir)
    assert removed[0] == 0 and "tehran,fa" not in removed[1] and "russia,en" not in removed[1]
    assert removed[1].splitlines()[1:] == run(runner, "freq", str(texts / "fa.txt"),
                                              cache_dir=cache_dir)[1].splitlines()[1:]


def test_a_linked_file_is_judged_by_its_target(runner: CliRunner, tmp_path: Path, texts: Path,
                                               settled: None) -> None:
    """A folder of symlinks (as the bench reads the natural corpus): a changed target, or a link
    pointed at another file of the same size and times, is a miss."""
    links = tmp_path / "links"
    links.mkdir()
    os.symlink(texts / "en.txt", links / "en.txt")
    other = write(tmp_path / "other.txt", ENGLISH_SENTENCE.replace("Russia", "Persia") + "\n")
    before = (texts / "en.txt").stat()
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    cache_dir = tmp_path / "cache"
    first = run(runner, "freq", str(links), cache_dir=cache_dir)
    assert "russia,en" in first[1]
    assert run(runner, "freq", str(links), cache_dir=cache_dir) == first
    (links / "en.txt").unlink()
    os.symlink(other, links / "en.txt")
    second = run(runner, "freq", str(links), cache_dir=cache_dir)
    assert "persia,en" in second[1] and "russia,en" not in second[1]


def test_a_changed_or_new_source_file_changes_the_code_state(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    """An edited iranru (a module changed or added, by its size and times) is never replayed
    from the records of the one before."""
    import shutil

    import iranru

    copy = tmp_path / "iranru"
    shutil.copytree(Path(iranru.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(iranru, "__file__", str(copy / "__init__.py"))
    before = replay.code_state()
    assert ("render/emit.py", replay.file_state(str(copy / "render" / "emit.py"))) in before
    with (copy / "render" / "emit.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    changed = replay.code_state()
    assert changed != before
    (copy / "analysis" / "new_report.py").write_text("REPORT = 1\n", encoding="utf-8")
    assert replay.code_state() != changed


@pytest.mark.parametrize(
    ("text", "stored", "other_encoding"),
    [
        ("term,lang\nایران,fa\nIran,en\n", bytes, "utf-16"),  # UTF-8: kept as bytes, written as they are
        ("doc\nname\udcff.txt\n", str, "cp1256"),  # a lone surrogate from a surrogateescape file name
    ],
)
def test_a_recorded_output_is_written_back_as_it_was_printed(text: str, stored: type,
                                                             other_encoding: str) -> None:
    import io

    run_ = replay.RecordedRun.decode(replay.RecordedRun.of_text(text, None, ["warning"], 1).encode())
    assert run_ is not None and isinstance(run_.stdout, stored)
    assert (run_.messages, run_.status) == (["warning"], 1)
    for encoding in ("utf-8", other_encoding):  # the bytes straight through, or the text encoded again
        stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="surrogateescape")
        replay.write_stdout(stream, run_.stdout)
        assert stream.buffer.getvalue() == text.encode(encoding, "surrogateescape")  # type: ignore[attr-defined]
