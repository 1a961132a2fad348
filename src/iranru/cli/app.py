"""The Typer application and the one function every command ends in."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from iranru.errors import ExitStatus, IranruError, NoInputError, describe_error
from iranru.render.formats import choose_format

if TYPE_CHECKING:
    from iranru.api import Report
    from iranru.cli.bundles import OutputOptions
    from iranru.cli.replay import Recording
    from iranru.model import Skipped

app = typer.Typer(
    name="iranru",
    help="Bilingual Persian/English text analysis: stats, term usage, dates and places, "
    "with Persian normalisation that repairs lost zero-width non-joiners.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


RECORDINGS: list[Recording] = []  # the runs being recorded (replay.py): they keep what is said


def say(message: str) -> None:
    """One line on standard error."""
    for recording in RECORDINGS:
        recording.messages.append(message)
    typer.echo(f"iranru: {message}", err=True)


def report_skipped(skipped: list[Skipped], debug: bool = False) -> None:
    """One line per input left out. One cost by a bug (Skipped.failed) says how to see the
    traceback, or with --debug is preceded by it (for a worker's failure, the worker's)."""
    for item in skipped:
        if not item.traceback:
            say(f"{item.source}: {item.reason}")
        elif debug:
            typer.echo(item.traceback.rstrip("\n"), err=True)
            say(f"{item.source}: {item.reason}")
        else:
            say(f"{item.source}: {item.reason}; rerun with --debug")


def exit_quietly_on_broken_pipe() -> None:
    """`iranru stats | head` closes the pipe early: that is not an error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(ExitStatus.OK)


def run(debug: bool, action: Callable[[], list[Skipped] | None], context: typer.Context | None = None,
        ) -> None:
    """Run a command body; turn IranruErrors into one stderr line and an exit status. A report
    (`context` given) run before over the same unchanged files is replayed (see replay.py)."""
    recording = begin_recording(context) if context is not None else None
    if recording is None:
        conclude(execute(debug, action), debug)
        return
    from iranru.cli.replay import Tee

    found = recording.lookup()
    if found is not None:
        replay(found.stdout, found.output, found.messages, found.status, recording.output)
        return
    real_stdout = sys.stdout
    sys.stdout = recording.tee = Tee(real_stdout)
    RECORDINGS.append(recording)
    status = None
    try:
        skipped = execute(debug, action)
        # a run a bug cut short is not replayed: its rerun with --debug must run
        status = None if any(item.traceback for item in skipped) else ExitStatus.OK
        conclude(skipped, debug)
    except typer.Exit as exit:
        status = exit.exit_code if status is not None else None
        raise
    finally:
        sys.stdout = real_stdout
        RECORDINGS.remove(recording)
        if status in (ExitStatus.OK, ExitStatus.PARTIAL):
            recording.store(int(status))


def begin_recording(context: typer.Context) -> Recording | None:
    """A recording of this run if it is a replayable report (see replay.py), else None."""
    if context.info_name is None:
        return None
    from iranru.cli.replay import Recording, is_replayable, replay_key, typed_params

    params = typed_params(context.params)
    if not is_replayable(context.info_name, params):
        return None
    found = replay_key(context.info_name, params, sys.stdout)
    if found is None:
        return None
    return Recording(*found, params.get("cache_dir"), params.get("output"))


def replay(stdout: str | bytes, output_bytes: bytes | None, messages: list[str], status: int,
           output: Path | None) -> None:
    """Print what the recorded run printed (and write --output) and end as it ended."""
    from iranru.engine.replay import write_stdout

    try:
        if output is not None and output_bytes is not None:
            from iranru.render.writers import write_atomically

            write_atomically(output, lambda path: path.write_bytes(output_bytes))
        write_stdout(sys.stdout, stdout)
    except BrokenPipeError:
        exit_quietly_on_broken_pipe()
    for message in messages:
        say(message)
    if status:
        raise typer.Exit(status)


def execute(debug: bool, action: Callable[[], list[Skipped] | None]) -> list[Skipped]:
    """The command body's inputs left out; an error that ends the run ends it here."""
    try:
        return action() or []
    except BrokenPipeError:
        exit_quietly_on_broken_pipe()
    except NoInputError as error:
        if debug:
            raise
        report_skipped(error.skipped)
        say(str(error))
        raise typer.Exit(ExitStatus.USAGE) from None
    except IranruError as error:
        if debug:
            raise
        say(str(error))
        raise typer.Exit(error.exit_status) from None
    except KeyboardInterrupt:
        if debug:
            raise
        say("interrupted")
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except OSError as error:  # an unwritable --output or --plot-file, a full disk: the user's to fix
        if debug:
            raise
        where = f"{error.filename}: " if error.filename else ""
        say(f"{where}{error.strerror or error}")
        raise typer.Exit(ExitStatus.USAGE) from None
    except Exception as error:  # a bug: still one line, and nothing half-written
        if debug:
            raise
        say(f"internal error ({describe_error(error)}); rerun with --debug for the traceback and "
            "please report it")
        raise typer.Exit(ExitStatus.INTERNAL) from None


def conclude(skipped: list[Skipped], debug: bool) -> None:
    report_skipped(skipped, debug)
    if skipped:
        raise typer.Exit(ExitStatus.PARTIAL)


def emit_report(report: Report, output: OutputOptions) -> list[Skipped]:
    """Warnings to stderr, the table to stdout or --output (and what the table view left
    out, to stderr); returns what was skipped."""
    from iranru.engine.cache import CacheWarning
    from iranru.render.emit import emit

    for warning in report.warnings:
        if isinstance(warning, CacheWarning):  # about this run's cache, not the report: no replay
            for recording in RECORDINGS:
                recording.about_cache = True
        say(f"warning: {warning}")
    chosen = choose_format(output.format, output.output, sys.stdout.isatty())
    for notice in emit(report.table, chosen, output.output, report.footer, output.excel, output.bidi,
                       wrap=output.wrap):
        say(notice)
    return report.skipped


def register_commands() -> None:
    """The command modules do without `from __future__ import annotations`: Typer reads every
    command's signature at each start (`--help` too), and real annotations spare it an eval
    per option (a third of the start-up Typer adds)."""
    from iranru.cli import cache, mentions, stats, terms, text  # noqa: F401  (commands register on import)


register_commands()
