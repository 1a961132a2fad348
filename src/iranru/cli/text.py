"""`iranru normalize` and `iranru tokens`: the pipeline's intermediate results."""

from typing import TYPE_CHECKING, Annotated

import typer

from iranru.cli.app import app, emit_report, run, say
from iranru.cli.bundles import CORPUS, OUTPUT, READING, Bundle, OutputOptions, with_bundles
from iranru.cli.options import DebugOption, DigitsOption, Paths
from iranru.settings import CorpusOptions

if TYPE_CHECKING:
    from iranru.model import Skipped


def build_text_corpus(encoding: str | None, max_file_size: float, where: list[str] | None,
                      no_zwnj_repair: bool, digits: str) -> CorpusOptions:
    """normalize reads and normalises, with the digits of displayed text; it runs nothing."""
    import dataclasses

    from iranru.cli.bundles import build_corpus

    corpus = build_corpus(encoding, max_file_size, where, no_zwnj_repair)  # runs nothing: no speed options
    return dataclasses.replace(corpus, normalize=dataclasses.replace(corpus.normalize, digits=digits))


TEXT_CORPUS = Bundle("corpus", (*READING, ("digits", DigitsOption, "auto")), build_text_corpus)


@app.command()
@with_bundles(OUTPUT, TEXT_CORPUS)
def normalize(
    paths: Annotated[list[str], typer.Argument(help="Files to normalise, or - for standard input.")],
    explain: Annotated[bool, typer.Option(
        "--explain", help="List every change (offsets in the original, rule) instead of the text."
    )] = False,
    debug: DebugOption = False, *, output: OutputOptions, corpus: CorpusOptions,
) -> None:
    """Print the normalised text, one output line per input line.

    Example: echo 'قدرتهای استعماری میتوان' | iranru normalize -
    """
    from iranru.cli.common import api
    from iranru.render.emit import emit_text

    def body() -> list["Skipped"]:
        if explain:
            report = api.changes(paths, read_options=corpus.read, normalize_options=corpus.normalize)
            return emit_report(report, output)
        documents, skipped, warnings = api.read_inputs(paths, corpus.read)
        for warning in warnings:
            say(f"warning: {warning}")
        texts, failures = api.normalize_documents(documents, corpus.normalize)
        text = "".join(texts)
        emit_text(text if text.endswith("\n") else text + "\n", output.output)
        return skipped + failures

    run(debug, body)


@app.command()
@with_bundles(OUTPUT, CORPUS)
def tokens(ctx: typer.Context, paths: Paths = None, debug: DebugOption = False, *,
           output: OutputOptions, corpus: CorpusOptions) -> None:
    """One row per word: sentence, position, surface, normalised form, lemma, language.

    Example: iranru tokens corpus/fa_iran_russia_relations.txt --format csv
    """
    from iranru.cli.common import api

    run(debug, lambda: emit_report(api.tokens(paths, **corpus.settings()), output), context=ctx)
