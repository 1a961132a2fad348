"""`iranru normalize` and `iranru tokens`: the pipeline's intermediate results."""

from typing import TYPE_CHECKING, Annotated

import typer

from iranru.cli.app import app, emit_report, run, say
from iranru.cli.common import normalize_options, read_options, run_options, token_options
from iranru.cli.options import (
    BidiOption,
    CacheDirOption,
    DebugOption,
    DigitsOption,
    EncodingOption,
    ExcelOption,
    FormatOption,
    JobsOption,
    KeepStopwordsOption,
    MaxFileSizeOption,
    NoCacheOption,
    NoZwnjOption,
    OutputOption,
    Paths,
    QuietOption,
    SchedulerOption,
    StopwordsOption,
)

if TYPE_CHECKING:
    from iranru.model import Skipped


@app.command()
def normalize(
    paths: Annotated[list[str], typer.Argument(help="Files to normalise, or - for standard input.")],
    explain: Annotated[bool, typer.Option(
        "--explain", help="List every change (offsets in the original, rule) instead of the text."
    )] = False,
    digits: DigitsOption = "auto",
    format: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    bidi: BidiOption = False,
    encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200,
    no_zwnj_repair: NoZwnjOption = False,
    debug: DebugOption = False,
) -> None:
    """Print the normalised text, one output line per input line.

    Example: echo 'قدرتهای استعماری میتوان' | iranru normalize -
    """
    from iranru.cli.common import api
    from iranru.errors import NoInputError
    from iranru.ingest import read_documents
    from iranru.render.emit import emit_text

    reading = read_options(encoding, max_file_size)
    normalizing = normalize_options(no_zwnj_repair, digits)

    def body() -> list["Skipped"]:
        if explain:
            return emit_report(api.changes(paths, reading, normalizing), format, output, excel, bidi)
        documents, skipped = read_documents(paths, reading)
        if not documents:
            raise NoInputError("nothing could be read", skipped)
        for document in documents:
            for warning in document.warnings:
                say(f"warning: {document.path}: {warning}")
        texts, failures = api.normalize_documents(documents, normalizing)
        text = "".join(texts)
        emit_text(text if text.endswith("\n") else text + "\n", output)
        return skipped + failures

    run(debug, body)


@app.command()
def tokens(
    ctx: typer.Context,
    paths: Paths = None,
    format: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    bidi: BidiOption = False,
    encoding: EncodingOption = None,
    max_file_size: MaxFileSizeOption = 200,
    stopwords: StopwordsOption = None,
    keep_stopwords: KeepStopwordsOption = False,
    no_zwnj_repair: NoZwnjOption = False,
    jobs: JobsOption = None, cache_dir: CacheDirOption = None, no_cache: NoCacheOption = False,
    scheduler: SchedulerOption = None, quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """One row per word: sentence, position, surface, normalised form, lemma, language.

    Example: iranru tokens corpus/fa_iran_russia_relations.txt --format csv
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(
        api.tokens(paths, read_options(encoding, max_file_size), normalize_options(no_zwnj_repair),
                   token_options(stopwords, keep_stopwords),
                   run_options(jobs, cache_dir, no_cache, scheduler, quiet)),
        format, output, excel, bidi,
    ), context=ctx)
