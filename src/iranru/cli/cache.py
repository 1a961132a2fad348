"""`iranru cache info` and `iranru cache clear`: the analysis cache, seen and emptied."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from iranru.cli.app import app, emit_report, run
from iranru.cli.options import (
    CacheDirOption,
    DebugOption,
    ExcelOption,
    FormatOption,
    OutputOption,
)

if TYPE_CHECKING:
    from iranru.settings import RunOptions

cache_app = typer.Typer(
    name="cache", no_args_is_help=True,
    help="The cache of analysed documents: where it is, how big, and emptying it.",
)
app.add_typer(cache_app, name="cache")


def cache_run_options(cache_dir: Path | None) -> "RunOptions":
    from iranru.settings import RunOptions

    return RunOptions(cache_dir=cache_dir)


@cache_app.command()
def info(
    cache_dir: CacheDirOption = None,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    debug: DebugOption = False,
) -> None:
    """Where the cache is, how many documents it holds, its size in bytes.

    Example: iranru cache info --format json
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(api.cache_info(run_options=cache_run_options(cache_dir)), format, output,
                                   excel, False))


@cache_app.command()
def clear(
    cache_dir: CacheDirOption = None,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    debug: DebugOption = False,
) -> None:
    """Delete every cached document; the next run analyses everything again.

    Example: iranru cache clear
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(api.cache_clear(run_options=cache_run_options(cache_dir)), format, output,
                                   excel, False))
