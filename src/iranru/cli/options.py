"""Options every command shares, declared once (sqlite-utils' shared output options)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from iranru.render.formats import Format
from iranru.settings import CountBy, DigitMode, Language

OUTPUT_PANEL = "Output"
INPUT_PANEL = "Input"


def choices(kind: type[StrEnum]) -> Callable[[str | None], str | None]:
    """A callback that takes only the members of `kind` (the settings' own enumerations)."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in tuple(kind):
            raise typer.BadParameter(f"'{value}' is not one of {', '.join(kind)}")
        return value

    return check


check_format = choices(Format)


Paths = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders (searched recursively for .txt/.md/.html), globs, or - for "
        "standard input. Default: ./corpus",
        show_default=False,
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", callback=check_format, rich_help_panel=OUTPUT_PANEL,
        help="table, csv, tsv, json, jsonl or xlsx. Default: from --output's extension, "
        "else table on a terminal and csv in a pipe.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", rich_help_panel=OUTPUT_PANEL, show_default=False,
        help="Write to this file (format from its extension); written atomically.",
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option("--excel", rich_help_panel=OUTPUT_PANEL,
                 help="Start CSV/TSV with a BOM so Excel shows Persian correctly."),
]
BidiOption = Annotated[
    bool,
    typer.Option("--bidi", rich_help_panel=OUTPUT_PANEL,
                 help="Shape and reorder Persian in tables, for terminals without "
                 "right-to-left support."),
]
WrapOption = Annotated[
    bool,
    typer.Option("--wrap", rich_help_panel=OUTPUT_PANEL,
                 help="Wrap long text cells in tables instead of cutting them with …."),
]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", rich_help_panel=INPUT_PANEL, show_default=False,
                 help="Read inputs that are not UTF-8 or UTF-16 in this encoding instead of "
                 "guessing (e.g. cp1256)."),
]
MaxFileSizeOption = Annotated[
    float,
    typer.Option("--max-file-size", rich_help_panel=INPUT_PANEL, min=0,
                 help="Skip files larger than this many megabytes."),
]
WhereOption = Annotated[
    list[str] | None,
    typer.Option("--where", rich_help_panel=INPUT_PANEL, show_default=False, metavar="CONDITION",
                 help="Only documents whose metadata.csv row meets this, e.g. 'year>=1990' or "
                 "'kind!=news' (= != < <= > >=; numbers compare as numbers; doc is the "
                 "document's name); repeatable, all must hold."),
]
StopwordsOption = Annotated[
    list[Path] | None,
    typer.Option("--stopwords", rich_help_panel=INPUT_PANEL, show_default=False,
                 exists=True, dir_okay=False,
                 help="Extra stopword file (one word per line, # comments); repeatable."),
]
KeepStopwordsOption = Annotated[
    bool,
    typer.Option("--keep-stopwords", rich_help_panel=INPUT_PANEL,
                 help="Count stopwords like any other word."),
]
NoZwnjOption = Annotated[
    bool,
    typer.Option("--no-zwnj-repair", rich_help_panel=INPUT_PANEL,
                 help="Leave zero-width non-joiners as written (no repair)."),
]
DigitsOption = Annotated[
    str,
    typer.Option("--digits", callback=choices(DigitMode),
                 help="Digits in the output text: auto (script of the nearest letter), "
                 "latin, persian, or keep."),
]
DebugOption = Annotated[
    bool,
    typer.Option("--debug", help="Show the full traceback of an error."),
]

TERMS_PANEL = "Terms"


LangOption = Annotated[
    str | None,
    typer.Option("--lang", callback=choices(Language), rich_help_panel=TERMS_PANEL, show_default=False,
                 help="Only words in this language: fa or en."),
]
ByOption = Annotated[
    str,
    typer.Option("--by", callback=choices(CountBy), rich_help_panel=TERMS_PANEL,
                 help="Count lemmas, or words (normalised forms)."),
]
MinCountOption = Annotated[
    int,
    typer.Option("--min-count", min=1, rich_help_panel=TERMS_PANEL,
                 help="Leave out rows counted fewer times than this."),
]
TopOption = Annotated[
    int | None,
    typer.Option("--top", min=1, rich_help_panel=TERMS_PANEL, show_default=False,
                 help="Keep the first N rows (per group when grouped)."),
]
GroupByOption = Annotated[
    str | None,
    typer.Option("--group-by", rich_help_panel=TERMS_PANEL, show_default=False,
                 help="Count per doc, language, or a metadata.csv column (e.g. kind)."),
]
ConceptsOption = Annotated[
    bool,
    typer.Option("--concepts", rich_help_panel=TERMS_PANEL,
                 help="Count the bilingual concepts (Russia: Russia, Moscow… / روسیه، مسکو…) "
                 "instead of terms."),
]
ConceptsFileOption = Annotated[
    Path | None,
    typer.Option("--concepts-file", rich_help_panel=TERMS_PANEL, show_default=False,
                 exists=True, dir_okay=False,
                 help="A CSV (concept,english,persian; terms ;-separated) adding concepts or "
                 "terms; implies --concepts."),
]
PlotOption = Annotated[
    bool,
    typer.Option("--plot", rich_help_panel=OUTPUT_PANEL,
                 help="Draw the result in the terminal instead of a table."),
]
PlotFileOption = Annotated[
    Path | None,
    typer.Option("--plot-file", rich_help_panel=OUTPUT_PANEL, show_default=False,
                 help="Also draw the result into this .png or .svg file."),
]

SPEED_PANEL = "Speed"

JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, rich_help_panel=SPEED_PANEL, show_default=False,
                 help="Analyse documents in this many processes. Default: all cores; 1 runs "
                 "in this process."),
]
CacheDirOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", rich_help_panel=SPEED_PANEL, show_default=False,
                 file_okay=False, envvar="IRANRU_CACHE_DIR",
                 help="Keep analysed documents here. Default: $IRANRU_CACHE_DIR, else the user "
                 "cache folder (iranru cache info)."),
]
NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", rich_help_panel=SPEED_PANEL,
                 help="Neither read nor write the analysis cache."),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", rich_help_panel=SPEED_PANEL, show_default=False,
                 envvar="IRANRU_SCHEDULER",
                 help="Analyse on this Dask cluster, e.g. tcp://10.0.0.5:8786 "
                 "(iranru installed on every worker)."),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", rich_help_panel=SPEED_PANEL,
                 help="No progress bar (there is none in a pipe either)."),
]
