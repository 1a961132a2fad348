"""Date and place mentions: `dates` and `places`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from iranru.cli.app import app, emit_report, run
from iranru.cli.common import normalize_options, read_options, run_options
from iranru.cli.options import (
    BidiOption,
    DebugOption,
    EncodingOption,
    ExcelOption,
    FormatOption,
    JobsOption,
    MaxFileSizeOption,
    NoZwnjOption,
    OutputOption,
    Paths,
    PlotFileOption,
    QuietOption,
    SchedulerOption,
)

if TYPE_CHECKING:
    from iranru.api import Report
    from iranru.model import Skipped

SummaryOption = Annotated[
    bool,
    typer.Option("--summary", help="Counts per document per value (or place): the wide table "
                 "spreadsheets want."),
]


def show_timeline(report: "Report", timeline: bool, plot_file: Path | None) -> list["Skipped"]:
    from iranru.render.plots import plot_to_file, plot_to_terminal

    if plot_file is not None:
        plot_to_file(report.table, "timeline", plot_file)
    if timeline:
        plot_to_terminal(report.table, "timeline")
    return report.skipped


@app.command()
def dates(
    paths: Paths = None,
    summary: SummaryOption = False,
    timeline: Annotated[bool, typer.Option(
        "--timeline", help="Plot date mentions per decade per document in the terminal.")] = False,
    plot_file: PlotFileOption = None,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    bidi: BidiOption = False, encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200, no_zwnj_repair: NoZwnjOption = False,
    jobs: JobsOption = None, scheduler: SchedulerOption = None, quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Date mentions: ISO 8601 Gregorian value, calendar, granularity; Hijri dates converted.

    Example: iranru dates corpus/ --format csv > dates.csv
    """
    from iranru.cli.common import api
    from iranru.settings import MentionOptions

    def body() -> list["Skipped"]:
        options = MentionOptions(summary=summary and not (timeline or plot_file))
        report = api.dates(paths, read_options=read_options(encoding, max_file_size),
                           normalize_options=normalize_options(no_zwnj_repair), mention_options=options,
                           run_options=run_options(jobs, None, True, scheduler, quiet))
        if timeline or plot_file is not None:
            skipped = show_timeline(report, timeline, plot_file)
            return skipped if timeline else emit_report(report, format, output, excel, bidi)
        return emit_report(report, format, output, excel, bidi)

    run(debug, body)


@app.command()
def places(
    paths: Paths = None,
    summary: SummaryOption = False,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    bidi: BidiOption = False, encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200, no_zwnj_repair: NoZwnjOption = False,
    jobs: JobsOption = None, scheduler: SchedulerOption = None, quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Place mentions resolved in a bilingual gazetteer (GeoNames, CLDR and our own list).

    Example: iranru places corpus/ --summary --format csv
    """
    from iranru.cli.common import api
    from iranru.settings import MentionOptions

    run(debug, lambda: emit_report(
        api.places(paths, read_options=read_options(encoding, max_file_size),
                   normalize_options=normalize_options(no_zwnj_repair),
                   mention_options=MentionOptions(summary=summary),
                   run_options=run_options(jobs, None, True, scheduler, quiet)),
        format, output, excel, bidi,
    ))
