"""A progress bar on standard error for runs longer than about a second.

The core only calls `on_progress(done_bytes, total_bytes, done_files, total_files)`; this module
turns the calls into a Rich bar (files done, MB/s, time left), shown only on a terminal.
"""

from __future__ import annotations

import time
from typing import Any

DELAY_SECONDS = 1.0  # short runs never flash a bar


class ProgressBar:
    """Callable progress reporter; starts drawing after DELAY_SECONDS, `close()` removes it."""

    def __init__(self, delay: float = DELAY_SECONDS) -> None:
        self.delay = delay
        self.started = time.monotonic()
        self.progress: Any = None
        self.task: Any = None

    def __call__(self, done_bytes: int, total_bytes: int, done_files: int, total_files: int) -> None:
        if self.progress is None:
            if done_files >= total_files or time.monotonic() - self.started < self.delay:
                return
            self.start(total_bytes)
        self.progress.update(self.task, completed=done_bytes, total=total_bytes,
                             files=f"{done_files}/{total_files} files")

    def start(self, total_bytes: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.progress = Progress(
            TextColumn("analysing"), BarColumn(), TextColumn("{task.fields[files]}"),
            TransferSpeedColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )
        self.task = self.progress.add_task("analysing", total=total_bytes, files="")
        self.progress.start()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def progress_bar(is_tty: bool, quiet: bool) -> ProgressBar | None:
    """A bar only when standard error is a terminal and --quiet was not given."""
    return ProgressBar() if is_tty and not quiet else None
