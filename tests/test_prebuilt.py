"""The prebuilt tables: keyed by what they are built from, the same tables as building them
whatever state their file is in, read once by each process that uses them."""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from iranru import prebuilt, resources
from iranru.cli import app
from iranru.normalize import ChunkCache, zwnj
from iranru.prebuilt import FILE_NAME, MAGIC, Tables, read_tables, tables_key, write_tables
from tests.conftest import CORPUS, write

BUILDERS: dict[str, Callable[[], Any]] = {"hazm_words": resources.read_hazm_words,
                                          "zwnj_lexicon": zwnj.lexicon_fields}


@pytest.fixture(scope="module")
def built() -> dict[str, Any]:
    """Every prebuilt table as its builder makes it, here and now."""
    return {name: build() for name, build in BUILDERS.items()}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of iranru's own source and data, as tables_key reads them."""
    copy = tmp_path / "iranru"
    shutil.copytree(prebuilt.PACKAGE, copy, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_key_is_the_same_for_the_same_sources_and_libraries(package: Path) -> None:
    assert tables_key(package) == tables_key(prebuilt.PACKAGE) == tables_key()


@pytest.mark.parametrize("change", [
    "normalize/zwnj.py",  # a ZWNJ rule
    "resources.py",  # how words.dat is read
    "data/zwnj_keep_joined.txt",  # a word list the lexicon reads
    "engine/pool.py",  # any other module: a rule may move into it
])
def test_a_changed_source_or_data_file_changes_the_key(package: Path, change: str) -> None:
    before = tables_key(package)
    path = package / change
    path.write_bytes(path.read_bytes() + b"\n# changed\n")
    assert tables_key(package) != before


def test_a_new_or_renamed_file_changes_the_key(package: Path) -> None:
    before = tables_key(package)
    write(package / "normalize" / "more_rules.py", "RULES = ()\n")
    added = tables_key(package)
    (package / "normalize" / "more_rules.py").rename(package / "normalize" / "rules_more.py")
    assert len({before, added, tables_key(package)}) == 3


@pytest.mark.parametrize("library", ["hazm", "nltk", "simplemma", "lemminflect", "python"])
def test_another_library_or_python_version_changes_the_key(package: Path, library: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    before = tables_key(package)
    if library == "python":
        monkeypatch.setattr("platform.python_version", lambda: "3.99.0")
    else:
        real = prebuilt.library_version
        monkeypatch.setattr(prebuilt, "library_version",
                            lambda name: "0.0.1" if name == library else real(name))
    assert tables_key(package) != before


def test_the_tables_read_back_equal_those_built(tmp_path: Path, built: dict[str, Any]) -> None:
    """marshal keeps every type the tables hold (frozensets, tuples in dicts), and the lexicon
    made of its stored fields equals the lexicon built; so does this process' own."""
    path = tmp_path / FILE_NAME
    write_tables(path, tables_key(), built)
    read = read_tables(path, tables_key())
    assert read == built
    assert zwnj.Lexicon(**read["zwnj_lexicon"]) == zwnj.build_lexicon() == zwnj.lexicon()
    assert read["hazm_words"] == resources.hazm_words()


def never_built() -> Any:
    raise AssertionError("a valid prebuilt file was built again")


def test_a_valid_file_is_read_not_built(tmp_path: Path, built: dict[str, Any]) -> None:
    write_tables(tmp_path / FILE_NAME, tables_key(), built)
    tables = Tables(tmp_path)
    assert {name: tables.get(name, never_built) for name in BUILDERS} == built


def with_body(body: bytes) -> bytes:
    """A file under this process' key whose checksum is right for `body`."""
    return MAGIC + tables_key() + hashlib.sha256(body).digest() + body


def damaged(valid: bytes) -> Iterator[tuple[str, bytes]]:
    yield "empty", b""
    yield "truncated", valid[: len(valid) // 2]
    yield "a byte flipped", valid[:-100] + bytes([valid[-100] ^ 1]) + valid[-99:]
    yield "no header", valid[len(MAGIC):]
    yield "garbage", bytes(range(256)) * 64
    yield "a checksum over no marshal data", with_body(b"\xff\xfe not marshal")
    yield "a checksum over a list", with_body(marshal.dumps(["hazm_words", "zwnj_lexicon"]))


def file_states(built: dict[str, Any]) -> Iterator[tuple[str, Callable[[Path], object]]]:
    """Ways the file can be missing, unreadable, damaged or another key's."""
    valid = with_body(marshal.dumps(built))
    yield "missing", lambda path: None
    yield "unreadable (a folder)", lambda path: path.mkdir()
    for name, data in damaged(valid):
        yield name, functools.partial(Path.write_bytes, data=data)
    wrong = {"hazm_words": ({"کتاب": 1}, {}), "zwnj_lexicon": {"freq": {}}}
    yield "another key's, with other tables", lambda path: write_tables(path, b"\0" * 32, wrong)


def building(calls: list[str], built: dict[str, Any], name: str) -> Any:
    calls.append(name)
    return built[name]  # as BUILDERS[name]() gives it (the fixture's), without the wait


def test_any_other_file_is_built_again_with_the_same_tables_and_written(
    tmp_path: Path, built: dict[str, Any],
) -> None:
    for number, (state, make) in enumerate(file_states(built)):
        folder = tmp_path / str(number)
        folder.mkdir()
        make(folder / FILE_NAME)
        calls: list[str] = []
        tables = Tables(folder)
        got = {name: tables.get(name, functools.partial(building, calls, built, name)) for name in BUILDERS}
        assert (state, calls, got) == (state, list(BUILDERS), built)
        if state != "unreadable (a folder)":
            assert (state, read_tables(folder / FILE_NAME, tables_key())) == (state, built)
        assert [path.name for path in folder.iterdir()] == [FILE_NAME]  # no temporary file left


def test_a_folder_that_cannot_be_written_builds_in_memory_silently(tmp_path: Path,
                                                                   built: dict[str, Any]) -> None:
    blocked = write(tmp_path / "a file", "not a folder")
    tables = Tables(blocked / "cache")
    assert {name: tables.get(name, BUILDERS[name]) for name in BUILDERS} == built
    assert blocked.read_text() == "not a folder"


def forget_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as if it had never read its tables, nor repaired a Persian word (its ZWNJ
    caches would answer without the lexicon)."""
    monkeypatch.setattr(prebuilt, "THIS_PROCESS", prebuilt.ProcessTables())
    for cached in (resources.hazm_words, resources.hazm_word_counts, resources.hazm_word_classes):
        cached.cache_clear()
    for value in list(vars(zwnj).values()):
        if isinstance(value, functools._lru_cache_wrapper):
            value.cache_clear()
        elif isinstance(value, ChunkCache):
            value.clear()


def pids_of(path: Path) -> list[int]:
    return [int(line) for line in path.read_text().split()] if path.exists() else []


def recorded(function: Callable[..., Any], path: Path, every_call: bool) -> Callable[..., Any]:
    """`function`, writing to `path` the id of the process that calls it, on every call or
    the first of each process."""
    seen: set[int] = set()  # a forked worker starts with a copy

    def calling(*args: Any, **kwargs: Any) -> Any:
        if every_call or os.getpid() not in seen:
            seen.add(os.getpid())
            with path.open("a") as file:
                file.write(f"{os.getpid()}\n")
        return function(*args, **kwargs)

    return calling


def test_every_process_that_uses_the_tables_reads_them_once(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """The tables are read on first use, once a process: here with -j 1, in each forked
    worker with -j 2. Under --no-cache too, from --cache-dir (no document cache is written
    there)."""
    from iranru.engine import pool

    texts = tmp_path / "texts"
    for number in range(4):
        write(texts / f"fa{number}.txt", "قدرتهای استعماری را میتوان دید و کتابهایشان را خواندند. " * 30)
    folder, reads, uses = tmp_path / "cache", tmp_path / "reads", tmp_path / "uses"
    monkeypatch.setattr(prebuilt, "read_tables", recorded(prebuilt.read_tables, reads, every_call=True))
    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(pool, "start_method", lambda: "fork")
    lexicon, outputs = zwnj.lexicon, []
    for jobs in ("1", "2"):
        monkeypatch.setattr(zwnj, "lexicon", lexicon)
        forget_tables(monkeypatch)
        monkeypatch.setattr(zwnj, "lexicon", recorded(zwnj.lexicon, uses, every_call=False))
        for path in (reads, uses):
            path.unlink(missing_ok=True)
        result = runner.invoke(app, ["freq", str(CORPUS), str(texts), "-j", jobs, "--no-cache",
                                     "--cache-dir", str(folder), "-f", "csv"])
        assert (result.exit_code, result.stderr) == (0, "")
        outputs.append(result.stdout)
        users = pids_of(uses)
        assert sorted(pids_of(reads)) == sorted(users)
        if jobs == "1":
            assert users == [os.getpid()]
        else:  # the workers, not this process
            assert users and os.getpid() not in users
        assert sorted(path.name for path in folder.iterdir()) == [FILE_NAME]
    assert outputs[0] == outputs[1]
