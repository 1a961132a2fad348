"""`iranru stats`: one row per document."""

from __future__ import annotations

from iranru.cli.app import app, emit_report, run
from iranru.cli.common import normalize_options, read_options, token_options
from iranru.cli.options import (
    BidiOption,
    DebugOption,
    EncodingOption,
    ExcelOption,
    FormatOption,
    KeepStopwordsOption,
    MaxFileSizeOption,
    NoZwnjOption,
    OutputOption,
    Paths,
    StopwordsOption,
)


@app.command()
def stats(
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
    debug: DebugOption = False,
) -> None:
    """Describe each document: size, vocabulary, sentences, lexical diversity, top terms.

    Example: iranru stats corpus/ --format csv > stats.csv
    """
    from iranru import api

    run(debug, lambda: emit_report(
        api.stats(paths, read_options(encoding, max_file_size), normalize_options(no_zwnj_repair),
                  token_options(stopwords, keep_stopwords)),
        format, output, excel, bidi,
    ))
