"""Date and place mentions: `dates` and `places`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from iranru.cli.app import app, emit_report, run
from iranru.cli.bundles import CORPUS_UNCACHED, OUTPUT, OutputOptions, with_bundles
from iranru.cli.options import DebugOption, Paths, PlotFileOption
from iranru.settings import CorpusOptions

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
@with_bundles(OUTPUT, CORPUS_UNCACHED)
def dates(
    paths: Paths = None,
    summary: SummaryOption = False,
    timeline: Annotated[bool, typer.Option(
        "--timeline", help="Plot date mentions per decade per document in the terminal.")] = False,
    plot_file: PlotFileOption = None, debug: DebugOption = False,
    *, output: OutputOptions, corpus: CorpusOptions,
) -> None:
    """Date mentions: ISO 8601 Gregorian value, calendar, granularity; Hijri dates converted.

    Example: iranru dates corpus/ --format csv > dates.csv
    """
    from iranru.cli.common import api

    def body() -> list["Skipped"]:
        charted = timeline or plot_file is not None
        report = api.dates(paths, **corpus.settings(tokens=False), summary=summary and not charted)
        if charted:
            skipped = show_timeline(report, timeline, plot_file)
            return skipped if timeline else emit_report(report, output)
        return emit_report(report, output)

    run(debug, body)


@app.command()
@with_bundles(OUTPUT, CORPUS_UNCACHED)
def places(
    paths: Paths = None, summary: SummaryOption = False,
    places_file: Annotated[Path | None, typer.Option(
        "--places-file", metavar="FILE", dir_okay=False,
        help="CSV name,name_en,name_fa,kind,lat,lon: more names of known places, new places, "
             "and names never to match (kind 'block').")] = None,
    debug: DebugOption = False,
    *, output: OutputOptions, corpus: CorpusOptions,
) -> None:
    """Place mentions resolved in a bilingual gazetteer (GeoNames, CLDR and our own list).

    Example: iranru places corpus/ --summary --places-file my_places.csv --format csv
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(api.places(paths, **corpus.settings(tokens=False), summary=summary,
                                              places_file=places_file), output))
