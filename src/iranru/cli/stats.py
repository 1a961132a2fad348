"""`iranru stats`: one row per document."""

import typer

from iranru.cli.app import app, emit_report, run
from iranru.cli.common import normalize_options, read_options, run_options, token_options
from iranru.cli.options import (
    BidiOption,
    CacheDirOption,
    DebugOption,
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


@app.command()
def stats(
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
    """Describe each document: size, vocabulary, sentences, lexical diversity, top terms.

    Example: iranru stats corpus/ --format csv > stats.csv
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(
        api.stats(paths, read_options=read_options(encoding, max_file_size),
                  normalize_options=normalize_options(no_zwnj_repair),
                  token_options=token_options(stopwords, keep_stopwords),
                  run_options=run_options(jobs, cache_dir, no_cache, scheduler, quiet)),
        format, output, excel, bidi,
    ), context=ctx)
