"""`iranru cache info` and `iranru cache clear`: the analysis cache, seen and emptied."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from iranru.cli.app import app, emit_report, run
from iranru.cli.bundles import OUTPUT, Bundle, OutputOptions, build_output, with_bundles
from iranru.cli.options import CacheDirOption, DebugOption

if TYPE_CHECKING:
    from iranru.settings import RunOptions

cache_app = typer.Typer(
    name="cache", no_args_is_help=True,
    help="The cache of analysed documents: where it is, how big, and emptying it.",
)
app.add_typer(cache_app, name="cache")


def build_cache_run(cache_dir: Path | None) -> "RunOptions":
    from iranru.settings import RunOptions

    return RunOptions(cache_dir=cache_dir)


CACHE_FOLDER = Bundle("running", (("cache_dir", CacheDirOption, None),), build_cache_run)
CACHE_OUTPUT = Bundle("output", OUTPUT.options[:3], build_output)  # no Persian to lay out


@cache_app.command()
@with_bundles(CACHE_OUTPUT, CACHE_FOLDER)
def info(debug: DebugOption = False, *, output: OutputOptions, running: "RunOptions") -> None:
    """Where the cache is, how many documents it holds, its size in bytes.

    Example: iranru cache info --format json
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(api.cache_info(run_options=running), output))


@cache_app.command()
@with_bundles(CACHE_OUTPUT, CACHE_FOLDER)
def clear(debug: DebugOption = False, *, output: OutputOptions, running: "RunOptions") -> None:
    """Delete every cached document; the next run analyses everything again.

    Example: iranru cache clear
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(api.cache_clear(run_options=running), output))
