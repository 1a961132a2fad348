"""Term usage: `freq`, `ngrams`, `collocations`, `kwic` and `compare`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from iranru.cli.app import app, emit_report, run
from iranru.cli.common import normalize_options, read_options, run_options, token_options
from iranru.cli.options import (
    BidiOption,
    ByOption,
    CacheDirOption,
    ConceptsFileOption,
    ConceptsOption,
    DebugOption,
    EncodingOption,
    ExcelOption,
    FormatOption,
    GroupByOption,
    JobsOption,
    KeepStopwordsOption,
    LangOption,
    MaxFileSizeOption,
    MinCountOption,
    NoCacheOption,
    NoZwnjOption,
    OutputOption,
    Paths,
    PlotFileOption,
    PlotOption,
    QuietOption,
    SchedulerOption,
    StopwordsOption,
    TopOption,
)

# the names of iranru.analysis.collocations.MEASURES, kept here so --help imports no analysis
# code (a test keeps the two equal)
MEASURES = ("pmi", "llr", "t", "chi2", "dice", "logdice", "mi3")

if TYPE_CHECKING:
    from iranru.api import Report
    from iranru.model import Skipped
    from iranru.settings import NormalizeOptions, ReadOptions, TermOptions, TokenOptions

Settings = tuple["ReadOptions", "NormalizeOptions", "TokenOptions", "TermOptions"]


def settings(
    encoding: str | None, max_file_size: float, no_zwnj_repair: bool, stopwords: list[Path] | None,
    keep_stopwords: bool, lang: str | None, by: str, min_count: int, top: int | None,
    group_by: str | None,
) -> Settings:
    from iranru.settings import TermOptions

    return (read_options(encoding, max_file_size), normalize_options(no_zwnj_repair),
            token_options(stopwords, keep_stopwords), TermOptions(lang, by, min_count, top, group_by))


def settings_of(reading: "ReadOptions", normalizing: "NormalizeOptions", tokenizing: "TokenOptions",
                terms: "TermOptions") -> dict[str, object]:
    """The option sets as the api's keyword arguments."""
    return {"read_options": reading, "normalize_options": normalizing, "token_options": tokenizing,
            "term_options": terms}


def show(
    report: "Report", chart: str, plot: bool, plot_file: Path | None, fmt: str | None,
    output: Path | None, excel: bool, bidi: bool,
) -> list["Skipped"]:
    """The table (or, with --plot, a terminal chart), and the chart file if asked for."""
    from iranru.render.plots import plot_to_file, plot_to_terminal

    if plot_file is not None:
        plot_to_file(report.table, chart, plot_file)
    if plot:
        plot_to_terminal(report.table, chart)
        return report.skipped
    return emit_report(report, fmt, output, excel, bidi)


def check_measure(value: str) -> str:
    if value not in MEASURES:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(MEASURES)}")
    return value


@app.command()
def freq(
    ctx: typer.Context,
    paths: Paths = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="One count column per document "
                                          "(or group): the wide table spreadsheets want.")] = False,
    concepts: ConceptsOption = False, concepts_file: ConceptsFileOption = None,
    lang: LangOption = None, by: ByOption = "lemma", min_count: MinCountOption = 1,
    top: TopOption = None, group_by: GroupByOption = None,
    plot: PlotOption = False, plot_file: PlotFileOption = None,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    bidi: BidiOption = False, encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200, stopwords: StopwordsOption = None,
    keep_stopwords: KeepStopwordsOption = False, no_zwnj_repair: NoZwnjOption = False,
    jobs: JobsOption = None, cache_dir: CacheDirOption = None, no_cache: NoCacheOption = False,
    scheduler: SchedulerOption = None, quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Term frequencies: count, rate per 10,000 words of the term's language, range and
    dispersion (Gries' DP).

    Example: iranru freq corpus/ --lang fa --top 20
    """
    from iranru.cli.common import api

    reading, normalizing, tokenizing, terms = settings(
        encoding, max_file_size, no_zwnj_repair, stopwords, keep_stopwords, lang, by, min_count,
        top, group_by)
    run(debug, lambda: show(
        api.freq(paths, **settings_of(reading, normalizing, tokenizing, terms), per_doc=per_doc,
                 concepts=concepts, concepts_file=concepts_file,
                 run_options=run_options(jobs, cache_dir, no_cache, scheduler, quiet)),
        "bars", plot, plot_file, format, output, excel, bidi,
    ), context=ctx)


@app.command()
def ngrams(
    ctx: typer.Context,
    paths: Paths = None,
    n: Annotated[str, typer.Option("-n", help="N-gram length, or a range such as 2..5.")] = "2",
    lang: LangOption = None, by: ByOption = "lemma", min_count: MinCountOption = 1,
    top: TopOption = None, group_by: GroupByOption = None,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    bidi: BidiOption = False, encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200, stopwords: StopwordsOption = None,
    keep_stopwords: KeepStopwordsOption = False, no_zwnj_repair: NoZwnjOption = False,
    jobs: JobsOption = None, cache_dir: CacheDirOption = None, no_cache: NoCacheOption = False,
    scheduler: SchedulerOption = None, quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Word n-grams (rate per 10,000 words of their language), never across a sentence or
    document boundary.

    Example: iranru ngrams corpus/ -n 2..3 --top 20
    """
    from iranru.cli.common import api

    reading, normalizing, tokenizing, terms = settings(
        encoding, max_file_size, no_zwnj_repair, stopwords, keep_stopwords, lang, by, min_count,
        top, group_by)
    run(debug, lambda: emit_report(
        api.ngrams(paths, **settings_of(reading, normalizing, tokenizing, terms), sizes=n,
                   run_options=run_options(jobs, cache_dir, no_cache, scheduler, quiet)),
        format, output, excel, bidi,
    ), context=ctx)


@app.command()
def collocations(
    ctx: typer.Context,
    paths: Paths = None,
    measure: Annotated[str, typer.Option(
        "--measure", callback=check_measure, help=f"Rank by {'|'.join(MEASURES)}.")] = "llr",
    window: Annotated[str | None, typer.Option(
        "--window", show_default=False,
        help="L,R: pair each word with L words before and R after it. Default: the next "
        "word (1,1 with --node).")] = None,
    node: Annotated[str | None, typer.Option(
        "--node", show_default=False, help="Only collocates of this word (matched by lemma).")] = None,
    lang: LangOption = None, by: ByOption = "lemma", min_count: MinCountOption = 1,
    top: TopOption = None, group_by: GroupByOption = None,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    bidi: BidiOption = False, encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200, stopwords: StopwordsOption = None,
    keep_stopwords: KeepStopwordsOption = False, no_zwnj_repair: NoZwnjOption = False,
    jobs: JobsOption = None, cache_dir: CacheDirOption = None, no_cache: NoCacheOption = False,
    scheduler: SchedulerOption = None, quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Word pairs and their association scores (PMI, log-likelihood, t, chi², Dice, logDice, MI3).

    Example: iranru collocations corpus/ --node Russia --window 3,3 --measure logdice
    """
    from iranru.cli.common import api

    reading, normalizing, tokenizing, terms = settings(
        encoding, max_file_size, no_zwnj_repair, stopwords, keep_stopwords, lang, by, min_count,
        top, group_by)
    run(debug, lambda: emit_report(
        api.collocations(paths, **settings_of(reading, normalizing, tokenizing, terms), measure=measure,
                         window=window, node=node,
                         run_options=run_options(jobs, cache_dir, no_cache, scheduler, quiet)),
        format, output, excel, bidi,
    ), context=ctx)


@app.command()
def kwic(
    ctx: typer.Context,
    term: Annotated[str | None, typer.Argument(help="Word or phrase to find (by lemma).",
                                               show_default=False)] = None,
    paths: Paths = None,
    regex: Annotated[str | None, typer.Option(
        "--regex", show_default=False,
        help="Find words whose normalised form matches this pattern (instead of TERM).")] = None,
    exact: Annotated[bool, typer.Option("--exact", help="Match the word form, not the lemma.")] = False,
    width: Annotated[int, typer.Option("--width", min=0, help="Words of context each side.")] = 8,
    sort: Annotated[str, typer.Option("--sort", help="doc, left or right.")] = "doc",
    lang: LangOption = None, by: ByOption = "lemma", top: TopOption = None,
    group_by: GroupByOption = None, plot: PlotOption = False, plot_file: PlotFileOption = None,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    bidi: BidiOption = False, encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200, no_zwnj_repair: NoZwnjOption = False,
    jobs: JobsOption = None, cache_dir: CacheDirOption = None, no_cache: NoCacheOption = False,
    scheduler: SchedulerOption = None, quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Keyword in context, with offsets into the original text. With --regex, every
    argument is a path.

    Example: iranru kwic قدرت corpus/fa_iran_russia_relations.txt --width 5
    """
    from iranru.cli.common import api

    if regex is not None and term is not None:
        paths, term = [term, *(paths or [])], None
    reading, normalizing, tokenizing, terms = settings(
        encoding, max_file_size, no_zwnj_repair, None, False, lang, by, 1, top, group_by)
    run(debug, lambda: show(
        api.kwic(paths, **settings_of(reading, normalizing, tokenizing, terms), term=term, regex=regex,
                 exact=exact, width=width, sort=sort,
                 run_options=run_options(jobs, cache_dir, no_cache, scheduler, quiet)),
        "dispersion", plot, plot_file, format, output, excel, bidi,
    ), context=ctx)


@app.command()
def compare(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="A: a file, folder or glob; or a group with --group-by.")],
    b: Annotated[str, typer.Argument(help="B: likewise.")],
    paths: Annotated[list[str] | None, typer.Argument(
        help="With --group-by: where the groups' documents are. Default: ./corpus",
        show_default=False)] = None,
    concepts: ConceptsOption = False, concepts_file: ConceptsFileOption = None,
    lang: LangOption = None, by: ByOption = "lemma", min_count: MinCountOption = 1,
    top: TopOption = None, group_by: GroupByOption = None,
    plot: PlotOption = False, plot_file: PlotFileOption = None,
    format: FormatOption = None, output: OutputOption = None, excel: ExcelOption = False,
    bidi: BidiOption = False, encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200, stopwords: StopwordsOption = None,
    keep_stopwords: KeepStopwordsOption = False, no_zwnj_repair: NoZwnjOption = False,
    jobs: JobsOption = None, cache_dir: CacheDirOption = None, no_cache: NoCacheOption = False,
    scheduler: SchedulerOption = None, quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Keywords of A against B: log-likelihood, log ratio and p-value, both directions, each
    term against the words of its language.

    Example: iranru compare fa en corpus/ --group-by language --concepts
    """
    from iranru.cli.common import api
    from iranru.errors import UsageError

    reading, normalizing, tokenizing, terms = settings(
        encoding, max_file_size, no_zwnj_repair, stopwords, keep_stopwords, lang, by, min_count,
        top, group_by)

    def body() -> list["Skipped"]:
        if paths and not group_by:
            raise UsageError("compare A B takes more paths only with --group-by")
        report = api.compare(a, b, paths, **settings_of(reading, normalizing, tokenizing, terms),
                             concepts=concepts, concepts_file=concepts_file,
                             run_options=run_options(jobs, cache_dir, no_cache, scheduler, quiet))
        return show(report, "keyness", plot, plot_file, format, output, excel, bidi)

    run(debug, body, context=ctx)
