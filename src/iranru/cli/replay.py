"""Replaying a report: the same command over unchanged files prints what it printed before.

A report command that reads the cache (stats, freq, ngrams, collocations, kwic, compare,
tokens) records its output; run again with the same options, over files whose size,
modification and change times and inode are all as they were, by the same iranru, in the same
terminal set-up, it writes the recorded output without reading a document (like make, or
git's index). Any difference is a miss, and the per-document cache does the rest. This module
reads the command's parameters and standard output to make the key; engine/replay.py keeps
the records (and refuses runs too racy or too big to record).
"""

from __future__ import annotations

import hashlib
import io
import os
import time
from pathlib import Path
from typing import IO, Any

from iranru.engine.replay import (
    MAX_RECORDED_BYTES,
    REPLAY_FORMAT,
    RecordedRun,
    code_state,
    file_state,
    is_racy,
    record_run,
    recorded_run,
)

# options that change how a run goes, never what it prints (results are equal for any --jobs)
NOT_IN_KEY = frozenset({"jobs", "quiet", "debug", "cache_dir", "no_cache"})
# files a report writes rather than reads
WRITTEN_FILES = frozenset({"output", "plot_file"})
ENVIRONMENT = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


PATH_PARAMS = frozenset({"output", "plot_file", "cache_dir", "concepts_file", "stopwords"})


def typed_params(params: dict[str, Any]) -> dict[str, Any]:
    """The command's parameters with its file options as Paths: what Typer leaves in
    `Context.params` (str or Path) differs between its versions."""
    typed = dict(params)
    for name in PATH_PARAMS & typed.keys():
        value = typed[name]
        if isinstance(value, list | tuple):
            typed[name] = [Path(item) for item in value]
        elif value is not None:
            typed[name] = Path(value)
    return typed


# the reports that read the document cache, and so may be replayed from it
REPLAYABLE_REPORTS = frozenset({"stats", "tokens", "freq", "ngrams", "collocations", "kwic", "compare"})


def is_replayable(command: str, params: dict[str, Any]) -> bool:
    """A report that uses the cache, with it on, over files (not standard input), printing a
    table (no terminal chart, no chart file), on this machine (no Dask cluster)."""
    from iranru.settings import SCHEDULER_ENV

    paths = params.get("paths") or []
    return (
        command in REPLAYABLE_REPORTS and not params.get("no_cache") and "-" not in paths
        and not params.get("plot") and params.get("plot_file") is None
        and not params.get("scheduler") and not os.environ.get(SCHEDULER_ENV)
    )


def replay_key(command: str, params: dict[str, Any], stdout: IO[str]) -> tuple[bytes, list[int]] | None:
    """The key of this run and the modification/change times of what it reads; None if an
    input cannot be looked at (the run itself will say why)."""
    from iranru.errors import IranruError
    from iranru.ingest.discover import discover, resolve_paths

    try:
        paths = resolve_paths(params.get("paths"))
    except IranruError:
        return None
    # compare's A and B are files, folders or globs themselves unless --group-by names groups
    paths += [params[side] for side in ("a", "b") if isinstance(params.get(side), str)]
    times: list[int] = []
    inputs: list[object] = []
    try:  # anything that cannot be looked at is no replay: the run itself will say why
        discovery = discover(paths)
        for source in discovery.sources:
            state = file_state(source.path, discovery.statuses.get(source.path))
            times += state[1:3]
            inputs.append((source.path, source.name, sorted(source.meta.items()), state))
        for name, value in sorted(params.items()):
            if name in WRITTEN_FILES or name in NOT_IN_KEY:
                continue
            for item in value if isinstance(value, list | tuple) else [value]:
                if isinstance(item, Path) and item.is_file():
                    inputs.append((name, str(item), hashlib.sha256(item.read_bytes()).hexdigest()))
    except OSError:
        return None
    terminal = stdout.isatty()
    state = [
        REPLAY_FORMAT, command, os.getcwd(), paths, discovery.problems, discovery.warnings, inputs,
        sorted((name, repr(value)) for name, value in params.items() if name not in NOT_IN_KEY),
        [(name, os.environ.get(name)) for name in ENVIRONMENT],
        sorted((name, value) for name, value in os.environ.items() if name.startswith("IRANRU_")),
        terminal, os.get_terminal_size(stdout.fileno()) if terminal else None, code_state(),
    ]
    return hashlib.sha256(repr(state).encode("utf-8", "surrogatepass")).digest(), times


class Tee(io.TextIOBase):
    """Standard output that also keeps what passes through it, up to a limit."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.parts: list[str] = []
        self.size = 0
        self.overflowed = False

    def write(self, text: str) -> int:
        if not self.overflowed:
            self.size += len(text)
            self.overflowed = self.size > MAX_RECORDED_BYTES
            if self.overflowed:
                self.parts = []  # too big to keep: memory stays bounded
            else:
                self.parts.append(text)
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            self.overflowed = True  # cut short: nothing to record
            raise

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")

    def text(self) -> str:
        return "".join(self.parts)


class Recording:
    """One replayable run: its key, and what it printed (and wrote to `output`)."""

    def __init__(self, key: bytes, times: list[int], cache_dir: Path | None, output: Path | None) -> None:
        self.key, self.times, self.cache_dir, self.output = key, times, cache_dir, output
        self.started = time.time_ns()
        self.messages: list[str] = []
        self.about_cache = False  # the run warned about the cache itself (see cache.CacheWarning)
        self.tee: Tee | None = None

    def lookup(self) -> RecordedRun | None:
        """What the run recorded under this key printed, if any."""
        return recorded_run(self.cache_dir, self.key)

    def store(self, status: int) -> None:
        """Record the run, unless it printed too much, warned about the cache itself, or an
        input changed too recently to be judged by its times."""
        if self.tee is None or self.tee.overflowed:
            return
        if self.about_cache:
            return  # a warning about the cache itself belongs to this run, not to the report
        if is_racy(self.times, self.started):
            return
        written = None
        if self.output is not None:
            try:
                if self.output.stat().st_size > MAX_RECORDED_BYTES:
                    return
                written = self.output.read_bytes()
            except OSError:
                return
        run = RecordedRun.of_text(self.tee.text(), written, self.messages, status)
        record_run(self.cache_dir, self.key, run)
