"""`iranru stats`: one row per document."""

import typer

from iranru.cli.app import app, emit_report, run
from iranru.cli.bundles import CORPUS, OUTPUT, OutputOptions, with_bundles
from iranru.cli.options import DebugOption, Paths
from iranru.settings import CorpusOptions


@app.command()
@with_bundles(OUTPUT, CORPUS)
def stats(ctx: typer.Context, paths: Paths = None, debug: DebugOption = False, *,
          output: OutputOptions, corpus: CorpusOptions) -> None:
    """Describe each document: size, vocabulary, sentences, lexical diversity, top terms.

    Example: iranru stats corpus/ --format csv > stats.csv
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(api.stats(paths, **corpus.settings()), output), context=ctx)
