"""Term usage: `freq`, `ngrams`, `collocations`, `kwic` and `compare`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from iranru.cli.app import app, emit_report, run
from iranru.cli.bundles import (
    CORPUS,
    CORPUS_NO_STOPWORDS,
    OUTPUT,
    TERMS,
    TERMS_LISTED,
    OutputOptions,
    with_bundles,
)
from iranru.cli.options import (
    ConceptsFileOption,
    ConceptsOption,
    DebugOption,
    Paths,
    PlotFileOption,
    PlotOption,
    choices,
)
from iranru.settings import CorpusOptions, KwicSort, Measure, TermOptions

if TYPE_CHECKING:
    from iranru.api import Report
    from iranru.model import Skipped


def show(report: "Report", chart: str, plot: bool, plot_file: Path | None, output: OutputOptions,
         ) -> list["Skipped"]:
    """The table (or, with --plot, a terminal chart), and the chart file if asked for."""
    from iranru.render.plots import plot_to_file, plot_to_terminal

    if plot_file is not None:
        plot_to_file(report.table, chart, plot_file)
    if plot:
        plot_to_terminal(report.table, chart)
        return report.skipped
    return emit_report(report, output)


@app.command()
@with_bundles(TERMS, OUTPUT, CORPUS)
def freq(
    ctx: typer.Context,
    paths: Paths = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="One count column per document "
                                          "(or group): the wide table spreadsheets want.")] = False,
    concepts: ConceptsOption = False, concepts_file: ConceptsFileOption = None,
    plot: PlotOption = False, plot_file: PlotFileOption = None, debug: DebugOption = False,
    *, terms: TermOptions, output: OutputOptions, corpus: CorpusOptions,
) -> None:
    """Term frequencies: count, rate per 10,000 words of the term's language, range and
    dispersion (Gries' DP).

    Example: iranru freq corpus/ --lang fa --top 20
    """
    from iranru.cli.common import api

    run(debug, lambda: show(
        api.freq(paths, **corpus.settings(), term_options=terms, per_doc=per_doc, concepts=concepts,
                 concepts_file=concepts_file),
        "bars", plot, plot_file, output,
    ), context=ctx)


@app.command()
@with_bundles(TERMS, OUTPUT, CORPUS)
def ngrams(
    ctx: typer.Context,
    paths: Paths = None,
    n: Annotated[str, typer.Option("-n", help="N-gram length, or a range such as 2..5.")] = "2",
    debug: DebugOption = False,
    *, terms: TermOptions, output: OutputOptions, corpus: CorpusOptions,
) -> None:
    """Word n-grams (rate per 10,000 words of their language), never across a sentence or
    document boundary.

    Example: iranru ngrams corpus/ -n 2..3 --top 20
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(
        api.ngrams(paths, **corpus.settings(), term_options=terms, sizes=n), output), context=ctx)


@app.command()
@with_bundles(TERMS, OUTPUT, CORPUS)
def collocations(
    ctx: typer.Context,
    paths: Paths = None,
    measure: Annotated[str, typer.Option(
        "--measure", callback=choices(Measure), help=f"Rank by {'|'.join(Measure)}.")] = "llr",
    window: Annotated[str | None, typer.Option(
        "--window", show_default=False,
        help="L,R: pair each word with L words before and R after it. Default: the next "
        "word (1,1 with --node).")] = None,
    node: Annotated[str | None, typer.Option(
        "--node", show_default=False, help="Only collocates of this word (matched by lemma).")] = None,
    debug: DebugOption = False,
    *, terms: TermOptions, output: OutputOptions, corpus: CorpusOptions,
) -> None:
    """Word pairs and their association scores (PMI, log-likelihood, t, chi², Dice, logDice, MI3).

    Example: iranru collocations corpus/ --node Russia --window 3,3 --measure logdice
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(
        api.collocations(paths, **corpus.settings(), term_options=terms, measure=measure, window=window,
                         node=node),
        output,
    ), context=ctx)


@app.command()
@with_bundles(TERMS_LISTED, OUTPUT, CORPUS_NO_STOPWORDS)
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
    sort: Annotated[str, typer.Option("--sort", callback=choices(KwicSort),
                                      help=f"{', '.join(KwicSort)}.")] = "doc",
    plot: PlotOption = False, plot_file: PlotFileOption = None, debug: DebugOption = False,
    *, terms: TermOptions, output: OutputOptions, corpus: CorpusOptions,
) -> None:
    """Keyword in context, with offsets into the original text. With --regex, every
    argument is a path.

    Example: iranru kwic قدرت corpus/fa_iran_russia_relations.txt --width 5
    """
    from iranru.cli.common import api

    if regex is not None and term is not None:
        paths, term = [term, *(paths or [])], None
    run(debug, lambda: show(
        api.kwic(paths, **corpus.settings(), term_options=terms, term=term, regex=regex, exact=exact,
                 width=width, sort=sort),
        "dispersion", plot, plot_file, output,
    ), context=ctx)


@app.command()
@with_bundles(TERMS, OUTPUT, CORPUS)
def compare(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="A: a file, folder or glob; or a group with --group-by.")],
    b: Annotated[str, typer.Argument(help="B: likewise.")],
    paths: Annotated[list[str] | None, typer.Argument(
        help="With --group-by: where the groups' documents are. Default: ./corpus",
        show_default=False)] = None,
    concepts: ConceptsOption = False, concepts_file: ConceptsFileOption = None,
    plot: PlotOption = False, plot_file: PlotFileOption = None, debug: DebugOption = False,
    *, terms: TermOptions, output: OutputOptions, corpus: CorpusOptions,
) -> None:
    """Keywords of A against B: log-likelihood, log ratio and p-value, both directions, each
    term against the words of its language.

    Example: iranru compare fa en corpus/ --group-by language --concepts
    """
    from iranru.cli.common import api
    from iranru.errors import UsageError

    def body() -> list["Skipped"]:
        if paths and not terms.group_by:
            raise UsageError("compare A B takes more paths only with --group-by")
        report = api.compare(a, b, paths, **corpus.settings(), term_options=terms, concepts=concepts,
                             concepts_file=concepts_file)
        return show(report, "keyness", plot, plot_file, output)

    run(debug, body, context=ctx)
