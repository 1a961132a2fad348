"""The library API: one function per report, paths and options in, a Report out.

The CLI is a thin layer over these; in a notebook, `iranru.stats(["corpus"]).table` is the
same DataFrame `iranru stats --format csv` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from iranru.errors import NoInputError, UsageError
from iranru.model import AnalyzedDocument, Skipped
from iranru.settings import DEFAULT_CORPUS, NormalizeOptions, ReadOptions, TokenOptions

if TYPE_CHECKING:
    import pandas as pd

TOKEN_COLUMNS = (
    "doc", "sentence", "position", "token", "norm", "lemma", "lang", "stopword", "start", "end",
)
CHANGE_COLUMNS = ("doc", "line", "start", "end", "before", "after", "rule")


@dataclass(slots=True)
class Report:
    """A result table plus what the renderer needs to say about the run."""

    table: pd.DataFrame
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    footer: dict[str, object] | None = None  # a total row, shown in table view only


@dataclass(slots=True)
class Corpus:
    documents: list[AnalyzedDocument]
    skipped: list[Skipped]
    warnings: list[str]


def resolve_paths(paths: Sequence[str | Path] | None) -> list[str]:
    """No paths means ./corpus; say how to pass paths when there is none."""
    if paths:
        return [str(path) for path in paths]
    if DEFAULT_CORPUS.is_dir():
        return [str(DEFAULT_CORPUS)]
    raise UsageError(
        "no input: there is no ./corpus folder here; pass files, folders, globs or - "
        "(e.g. iranru stats texts/ notes.txt)"
    )


def load_corpus(
    paths: Sequence[str | Path] | None,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
) -> Corpus:
    """Read and analyse every input; raise NoInputError when not one document is usable."""
    from iranru.ingest import read_documents
    from iranru.tokens import analyze_document

    documents, skipped = read_documents(resolve_paths(paths), read_options)
    warnings = [f"{doc.path}: {warning}" for doc in documents for warning in doc.warnings]
    if not documents:
        raise NoInputError("nothing could be read", skipped)
    analysed = [analyze_document(doc, normalize_options, token_options) for doc in documents]
    return Corpus(analysed, skipped, warnings)


def stats(
    paths: Sequence[str | Path] | None = None,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
) -> Report:
    """One row per document: size, vocabulary, sentence length, lexical diversity."""
    import pandas as pd

    from iranru.analysis.stats import STATS_COLUMNS, corpus_stats, document_stats

    corpus = load_corpus(paths, read_options, normalize_options, token_options)
    rows = [document_stats(document) for document in corpus.documents]
    return Report(
        pd.DataFrame(rows, columns=list(STATS_COLUMNS)),
        corpus.skipped,
        corpus.warnings,
        footer=corpus_stats(corpus.documents),
    )


def tokens(
    paths: Sequence[str | Path] | None = None,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
) -> Report:
    """One row per word token, with its span in the original text."""
    import pandas as pd

    corpus = load_corpus(paths, read_options, normalize_options, token_options)
    rows = []
    for document in corpus.documents:
        position, sentence = 0, 0
        for token in document.words:
            position = position + 1 if token.sentence == sentence else 1
            sentence = token.sentence
            rows.append(
                (document.document.name, token.sentence, position, token.surface, token.norm,
                 token.lemma, token.lang, token.stopword, token.start, token.end)
            )
    return Report(pd.DataFrame(rows, columns=list(TOKEN_COLUMNS)), corpus.skipped, corpus.warnings)


def normalize(text: str, options: NormalizeOptions | None = None) -> str:
    """The normalised text, one output line per input line."""
    from iranru.normalize import normalize_text

    return normalize_text(text, options)


def changes(
    paths: Sequence[str | Path] | None = None,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
) -> Report:
    """Every edit normalisation makes, with its offsets in the original and the rule's name."""
    import pandas as pd

    from iranru.ingest import read_documents
    from iranru.normalize import explain_changes

    documents, skipped = read_documents(resolve_paths(paths), read_options)
    if not documents:
        raise NoInputError("nothing could be read", skipped)
    rows = [
        (doc.name, change.line, change.start, change.end, change.before, change.after, change.rule)
        for doc in documents
        for change in explain_changes(doc.text, normalize_options)
    ]
    warnings = [f"{doc.path}: {warning}" for doc in documents for warning in doc.warnings]
    return Report(pd.DataFrame(rows, columns=list(CHANGE_COLUMNS)), skipped, warnings)
