"""Errors the core raises and the exit statuses the CLI turns them into."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes, documented in the README (HTTPie's convention)."""

    OK = 0
    PARTIAL = 1  # some inputs were skipped, the rest analysed
    USAGE = 2  # bad options, or nothing at all could be read
    INTERNAL = 70  # a bug in iranru (EX_SOFTWARE): one line, the traceback with --debug


class IranruError(Exception):
    """Base of every error the core raises on purpose."""

    exit_status = ExitStatus.USAGE


class UsageError(IranruError):
    """The call itself is wrong: an unknown option value, no input."""


class InputError(IranruError):
    """One input cannot be analysed; multi-file runs report it and go on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NoInputError(IranruError):
    """No document could be read at all; `skipped` says why for each input."""

    def __init__(self, message: str, skipped: list | None = None) -> None:
        super().__init__(message)
        self.skipped = skipped or []


def describe_error(error: BaseException) -> str:
    """`KeyError: 'x'`: the exception's type and the first line of its message, cut to 200
    characters, for one line on standard error."""
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    return f"{type(error).__name__}{': ' + detail if detail else ''}"
