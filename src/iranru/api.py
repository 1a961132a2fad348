"""The library API: one function per report, paths and options in, a Report out.

The CLI is a thin layer over these; in a notebook, `iranru.stats(["corpus"]).table` is the
same DataFrame `iranru stats --format csv` prints.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iranru.errors import NoInputError, UsageError
from iranru.ingest.discover import resolve_paths
from iranru.model import AnalyzedDocument, Document, Skipped
from iranru.settings import (
    KwicSort,
    Measure,
    MentionOptions,
    NormalizeOptions,
    ReadOptions,
    RunOptions,
    TermOptions,
    TokenOptions,
    choice,
)

if TYPE_CHECKING:
    import pandas as pd

OPTION_SETS = {
    "read_options": ReadOptions, "normalize_options": NormalizeOptions, "token_options": TokenOptions,
    "term_options": TermOptions, "mention_options": MentionOptions, "run_options": RunOptions,
}


def takes_settings[F: Callable[..., Any]](function: F) -> F:
    """Let a report function take any field of its option sets as a keyword argument
    (`iranru.freq(paths, lang="fa", top=20)`), folded into the option set passed (or a new
    one); an unknown keyword is a TypeError, as for any Python function."""
    signature = inspect.signature(function)
    owner = {item.name: parameter for parameter in signature.parameters if parameter in OPTION_SETS
             for item in dataclasses.fields(OPTION_SETS[parameter])}

    @functools.wraps(function)
    def with_settings(*args: Any, **kwargs: Any) -> Any:
        settings: dict[str, dict[str, Any]] = {}
        for name in [name for name in kwargs if name not in signature.parameters]:
            if name not in owner:
                raise TypeError(f"{function.__name__}() got an unexpected keyword argument '{name}' "
                                f"(settings: {', '.join(sorted(owner))})")
            settings.setdefault(owner[name], {})[name] = kwargs.pop(name)
        for parameter, values in settings.items():
            base = kwargs.get(parameter) or OPTION_SETS[parameter]()
            kwargs[parameter] = dataclasses.replace(base, **values)
        return function(*args, **kwargs)

    extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None)
             for name in sorted(owner)]
    with_settings.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *extra])
    return with_settings  # type: ignore[return-value]


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


def each_document[Result](
    documents: Iterable[Any], stage: str, work: Callable[[Any], Result], failures: list[Skipped],
) -> Iterator[Result]:
    """`work(document)` for each document (a Document or an AnalyzedDocument); a bug met in
    one is appended to `failures` as its Skipped.failed and the others go on."""
    for document in documents:
        try:
            yield work(document)
        except Exception as error:
            source = document.document if isinstance(document, AnalyzedDocument) else document
            failures.append(Skipped.failed(source.path, stage, error))


def build_report[Result](
    documents: list[AnalyzedDocument], stage: str, build: Callable[[list[AnalyzedDocument]], Result],
    failures: list[Skipped],
) -> Result:
    """`build(documents)`, a report over all of them. Should it meet a bug, each document is
    tried alone: those it fails on are left out (appended to `failures`) and the report is
    built over the rest. A bug no single document brings out is the run's."""
    from iranru.errors import IranruError

    try:
        return build(documents)
    except IranruError:
        raise
    except Exception:
        kept = []
        for document in documents:
            try:
                build([document])
            except IranruError:
                raise
            except Exception as error:
                failures.append(Skipped.failed(document.document.path, stage, error))
            else:
                kept.append(document)
        if len(kept) == len(documents):
            raise
    return build(kept)


def read_inputs(
    paths: Sequence[str | Path] | None, read_options: ReadOptions | None
) -> tuple[list[Document], list[Skipped], list[str]]:
    """Every readable document, the inputs skipped, and warnings (metadata.csv, decoding);
    NoInputError when not one document is readable."""
    import sys

    from iranru.ingest import WaveReader

    reader = WaveReader(resolve_paths(paths), read_options, sys.maxsize)
    documents = [document for wave in reader for document in wave]
    if not documents:
        raise NoInputError("nothing could be read", reader.skipped)
    warnings = reader.warnings + [f"{doc.path}: {warning}" for doc in documents for warning in doc.warnings]
    return documents, reader.skipped, warnings


@takes_settings
def load_corpus(
    paths: Sequence[str | Path] | None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    run_options: RunOptions | None = None,
) -> Corpus:
    """Read and analyse every input; raise NoInputError when not one document is usable.
    `run_options`: processes, cache, Dask cluster, progress (default: all cores, cache on)."""
    from iranru.pipeline import analyze_documents

    documents, skipped, warnings = read_inputs(paths, read_options)
    analysed, cache_warnings, failures = analyze_documents(documents, normalize_options, token_options,
                                                           run_options)
    return Corpus(analysed, skipped + failures, warnings + cache_warnings)


class CorpusStream:
    """Analysed documents in input order, read and analysed a wave at a time as a report
    consumes them (`documents` may be iterated once); `skipped` and `warnings` are complete
    once it has been. The end of an iteration that yielded nothing raises NoInputError."""

    def __init__(
        self, paths: Sequence[str | Path] | None, read_options: ReadOptions | None,
        normalize_options: NormalizeOptions | None, token_options: TokenOptions | None,
        run_options: RunOptions | None,
    ) -> None:
        from iranru.ingest import WaveReader
        from iranru.pipeline import WAVE_CHARS

        self.reader = WaveReader(resolve_paths(paths), read_options, WAVE_CHARS)
        self.options = normalize_options, token_options, run_options
        self.kind = "table"  # AnalyzedDocuments; "counts": WordCounts (see use_word_counts)
        self.warnings: list[str] = list(self.reader.warnings)
        self.count = 0

    @property
    def skipped(self) -> list[Skipped]:
        return self.reader.skipped

    def use_word_counts(self) -> None:
        """Yield WordCounts rather than AnalyzedDocuments, in larger waves (they are small)."""
        from iranru.pipeline import COUNTS_WAVE_CHARS

        self.kind = "counts"
        self.reader.wave_chars = COUNTS_WAVE_CHARS

    @property
    def documents(self) -> Iterator[Any]:
        from iranru.pipeline import analyze_waves

        normalize_options, token_options, run_options = self.options
        for document in analyze_waves(self.reader, normalize_options, token_options, run_options,
                                      self.warnings, self.kind):
            self.count += 1
            yield document
        # before the report's own checks: unreadable inputs are the first news (documents a bug
        # cost were read: the report goes on without them, as when others are left)
        if not self.count and not any(item.traceback for item in self.skipped):
            raise NoInputError("nothing could be read", self.skipped)


@takes_settings
def stats(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    run_options: RunOptions | None = None,
) -> Report:
    """One row per document: size, vocabulary, sentence length, lexical diversity."""
    from iranru.analysis.stats import STATS_COLUMNS, CorpusTotals

    stream = CorpusStream(paths, read_options, normalize_options, token_options, run_options)
    totals = CorpusTotals(keep_stopwords=token_options is not None and token_options.keep_stopwords)
    failures: list[Skipped] = []
    rows = list(each_document(stream.documents, "stats", totals.add, failures))
    import pandas as pd  # only now: worker processes forked while the documents stream need none

    return Report(
        pd.DataFrame(rows, columns=list(STATS_COLUMNS)),
        stream.skipped + failures,
        stream.warnings,
        footer=totals.row(),
    )


@takes_settings
def tokens(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    run_options: RunOptions | None = None,
) -> Report:
    """One row per word token, with its span in the original text."""
    import pandas as pd

    corpus = load_corpus(paths, read_options=read_options, normalize_options=normalize_options,
                         token_options=token_options, run_options=run_options)
    failures: list[Skipped] = []
    rows = [row for rows in each_document(corpus.documents, "tokens", token_rows, failures)
            for row in rows]
    return Report(pd.DataFrame(rows, columns=list(TOKEN_COLUMNS)), corpus.skipped + failures,
                  corpus.warnings)


def token_rows(document: AnalyzedDocument) -> list[tuple[object, ...]]:
    rows = []
    position, sentence = 0, 0
    for token in document.words:
        position = position + 1 if token.sentence == sentence else 1
        sentence = token.sentence
        rows.append(
            (document.document.name, token.sentence, position, token.surface, token.norm,
             token.lemma, token.lang, token.stopword, token.start, token.end)
        )
    return rows


@takes_settings
def normalize(text: str, normalize_options: NormalizeOptions | None = None) -> str:
    """The normalised text, one output line per input line."""
    from iranru.normalize import normalize_text

    return normalize_text(text, normalize_options)


def normalize_documents(
    documents: Iterable[Document], normalize_options: NormalizeOptions | None = None,
) -> tuple[list[str], list[Skipped]]:
    """Each document's normalised text, and the documents a bug cost."""
    failures: list[Skipped] = []
    texts = list(each_document(documents, "normalize",
                               lambda doc: normalize(doc.text, normalize_options), failures))
    return texts, failures


@takes_settings
def changes(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
) -> Report:
    """Every edit normalisation makes, with its offsets in the original and the rule's name."""
    import pandas as pd

    from iranru.normalize import explain_changes

    documents, skipped, warnings = read_inputs(paths, read_options)

    def change_rows(doc: Document) -> list[tuple[object, ...]]:
        return [(doc.name, change.line, change.start, change.end, change.before, change.after,
                 change.rule) for change in explain_changes(doc.text, normalize_options)]

    failures: list[Skipped] = []
    rows = [row for rows in each_document(documents, "normalize", change_rows, failures) for row in rows]
    return Report(pd.DataFrame(rows, columns=list(CHANGE_COLUMNS)), skipped + failures, warnings)


def load_term_corpus(
    paths: Sequence[str | Path] | None,
    read_options: ReadOptions | None,
    normalize_options: NormalizeOptions | None,
    token_options: TokenOptions | None,
    term_options: TermOptions,
    run_options: RunOptions | None = None,
) -> Corpus:
    from iranru.analysis.grouping import check_term_options

    check_term_options(term_options.lang, term_options.by)
    return load_corpus(paths, read_options=read_options, normalize_options=normalize_options,
                       token_options=token_options, run_options=run_options)


def excludes_stopwords(token_options: TokenOptions | None) -> bool:
    return not (token_options and token_options.keep_stopwords)


@takes_settings
def freq(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    term_options: TermOptions | None = None,
    per_doc: bool = False,
    concepts: bool = False,
    concepts_file: Path | None = None,
    run_options: RunOptions | None = None,
) -> Report:
    """Term frequencies with range and dispersion; `per_doc` gives the wide table, `concepts`
    the bilingual concepts' rates per document."""
    from iranru.analysis.concepts import concept_rates, load_concepts
    from iranru.analysis.freq import frequency_by_group, frequency_table
    from iranru.analysis.grouping import check_term_options

    options = term_options or TermOptions()
    exclude = excludes_stopwords(token_options)
    if not (concepts or concepts_file is not None or per_doc):  # streams: memory stays flat
        check_term_options(options.lang, options.by)
        stream = CorpusStream(paths, read_options, normalize_options, token_options, run_options)
        if stream.reader.total_files > 1:  # a lone document's DP needs its token order
            stream.use_word_counts()

        def analyse_lone(document: Document) -> AnalyzedDocument:
            """The one document with words in a language, in full for DP over its parts
            (through the cache, in this process, with no progress bar of its own)."""
            from iranru.pipeline import analyze_documents

            here = dataclasses.replace(run_options or RunOptions(), jobs=1, on_progress=None)
            analysed, _, failures = analyze_documents([document], normalize_options, token_options, here)
            if failures:  # counted, but its token table met a bug: the run cannot give its DP
                raise RuntimeError(failures[0].reason)
            return analysed[0]

        table = frequency_table(stream.documents, options.by, options.lang, exclude, options.min_count,
                                options.top, options.group_by, analyse_lone)
        return Report(table, stream.skipped, stream.warnings)
    corpus = load_term_corpus(paths, read_options, normalize_options, token_options, options,
                              run_options)
    failures: list[Skipped] = []
    if concepts or concepts_file is not None:
        concept_list = load_concepts(concepts_file)
        table = build_report(corpus.documents, "freq", lambda documents: concept_rates(
            documents, concept_list, options.lang, options.group_by), failures)
    else:
        table = build_report(corpus.documents, "freq", lambda documents: frequency_by_group(
            documents, options.by, options.lang, exclude, options.min_count, options.top,
            options.group_by), failures)
    return Report(table, corpus.skipped + failures, corpus.warnings)


@takes_settings
def ngrams(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    term_options: TermOptions | None = None,
    sizes: str | int = "2",
    run_options: RunOptions | None = None,
) -> Report:
    """N-gram counts (`sizes`: `3` or `2..5`); never across a sentence or a document."""
    from iranru.analysis.ngrams import ngram_table, parse_sizes

    options = term_options or TermOptions()
    parsed = parse_sizes(str(sizes))
    corpus = load_term_corpus(paths, read_options, normalize_options, token_options, options,
                              run_options)
    failures: list[Skipped] = []
    table = build_report(corpus.documents, "ngrams", lambda documents: ngram_table(
        documents, parsed, options.by, options.lang, excludes_stopwords(token_options),
        options.min_count, options.top, options.group_by), failures)
    return Report(table, corpus.skipped + failures, corpus.warnings)


@takes_settings
def collocations(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    term_options: TermOptions | None = None,
    measure: Measure | str = Measure.LLR,
    window: str | None = None,
    node: str | None = None,
    run_options: RunOptions | None = None,
) -> Report:
    """Word pairs ranked by an association measure; `window` is `L,R`, `node` one word."""
    from iranru.analysis.collocations import collocation_table, parse_window
    from iranru.analysis.kwic import node_lemmas

    options = term_options or TermOptions()
    measure = choice(Measure, measure, "measure")
    span = parse_window(window)
    corpus = load_term_corpus(paths, read_options, normalize_options, token_options, options,
                              run_options)
    lemmas = node_lemmas(node) if node else frozenset()
    label = sorted(lemmas)[0] if lemmas else ""
    failures: list[Skipped] = []
    table = build_report(corpus.documents, "collocations", lambda documents: collocation_table(
        documents, measure, span, options.by, options.lang, excludes_stopwords(token_options),
        lemmas, label, options.min_count, options.top, options.group_by), failures)
    return Report(table, corpus.skipped + failures, corpus.warnings)


@takes_settings
def kwic(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    term_options: TermOptions | None = None,
    term: str | None = None,
    regex: str | None = None,
    exact: bool = False,
    width: int = 8,
    sort: KwicSort | str = KwicSort.DOC,
    run_options: RunOptions | None = None,
) -> Report:
    """Every match of `term` (by lemma unless `exact`) or `regex`, in context."""
    from iranru.analysis.kwic import concordance

    options = term_options or TermOptions()
    sort = choice(KwicSort, sort, "sort")
    corpus = load_term_corpus(paths, read_options, normalize_options, token_options, options,
                              run_options)
    failures: list[Skipped] = []
    table = build_report(corpus.documents, "kwic", lambda documents: concordance(
        documents, term, regex, exact or options.by == "word", width, sort, options.lang,
        options.top, options.group_by), failures)
    return Report(table, corpus.skipped + failures, corpus.warnings)


@takes_settings
def compare(
    a: str,
    b: str,
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    term_options: TermOptions | None = None,
    concepts: bool = False,
    concepts_file: Path | None = None,
    run_options: RunOptions | None = None,
) -> Report:
    """Keyness of A against B: two groups of `paths` under `group_by` when it is set, else
    A and B are themselves paths (files, folders or globs)."""
    from iranru.analysis.concepts import concept_totals, load_concepts
    from iranru.analysis.freq import term_totals
    from iranru.analysis.grouping import group_documents
    from iranru.analysis.keyness import keyness_table, uncompared_languages

    options = term_options or TermOptions()
    if options.group_by:
        corpus = load_term_corpus(paths, read_options, normalize_options, token_options, options,
                              run_options)
        groups = group_documents(corpus.documents, options.group_by)
        for name in (a, b):
            if name not in groups:
                raise UsageError(f"no {options.group_by} '{name}': groups are {', '.join(groups)}")
        sides = [groups[a], groups[b]]
        skipped, warnings = corpus.skipped, corpus.warnings
    else:
        loaded = [load_term_corpus([side], read_options, normalize_options, token_options, options,
                                   run_options)
                  for side in (a, b)]
        sides = [side.documents for side in loaded]
        skipped = [item for side in loaded for item in side.skipped]
        warnings = [item for side in loaded for item in side.warnings]
    failures: list[Skipped] = []
    if concepts or concepts_file is not None:
        concept_list = load_concepts(concepts_file)
        (counts_a, sizes_a), (counts_b, sizes_b) = (
            build_report(side, "compare", lambda documents: concept_totals(
                documents, concept_list, options.lang), failures) for side in sides
        )
    else:
        exclude = excludes_stopwords(token_options)
        (counts_a, sizes_a), (counts_b, sizes_b) = (
            build_report(side, "compare", lambda documents: term_totals(
                documents, options.by, options.lang, exclude), failures) for side in sides
        )
    warnings += [f"{'B' if sizes_a.get(lang) else 'A'} has no '{lang}' words: the '{lang}' terms "
                 "are not compared (--concepts compares across languages)"
                 for lang in uncompared_languages(sizes_a, sizes_b)]
    table = keyness_table(counts_a, sizes_a, counts_b, sizes_b, options.min_count, options.top)
    return Report(table, skipped + failures, warnings)


def find_mentions(
    paths: Sequence[str | Path] | None,
    read_options: ReadOptions | None,
    normalize_options: NormalizeOptions | None,
    finder: str,
    run_options: RunOptions | None = None,
    extra_places: tuple = (),
) -> tuple[list[tuple[object, ...]], list[Skipped], list[str]]:
    """Rows of date or place mentions for every readable document; offsets into the original."""
    from iranru.pipeline import mention_rows_of

    documents, skipped, warnings = read_inputs(paths, read_options)
    rows, failures = mention_rows_of(documents, normalize_options, finder, run_options, extra_places)
    return rows, skipped + failures, warnings


@takes_settings
def dates(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    mention_options: MentionOptions | None = None,
    run_options: RunOptions | None = None,
) -> Report:
    """Every date mention: ISO 8601 Gregorian value, the calendar written, the granularity;
    Solar and lunar Hijri dates converted. `summary` counts values per document."""
    import pandas as pd

    from iranru.mentions import DATE_COLUMNS, summary_table

    rows, skipped, warnings = find_mentions(paths, read_options, normalize_options, "dates",
                                             run_options)
    table = pd.DataFrame(rows, columns=list(DATE_COLUMNS))
    if mention_options and mention_options.summary:
        table = summary_table(table, "value")
    return Report(table, skipped, warnings)


@takes_settings
def places(
    paths: Sequence[str | Path] | None = None,
    *,
    read_options: ReadOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    mention_options: MentionOptions | None = None,
    run_options: RunOptions | None = None,
    places_file: str | Path | None = None,
) -> Report:
    """Every place mention, resolved in the bilingual gazetteer (English and Persian names,
    GeoNames id or our slug, kind, coordinates). `summary` counts places per document.
    `places_file`: a CSV `name,name_en,name_fa,kind,lat,lon` adding names and places and
    blocking names (kind `block`); a bad row raises a UsageError `FILE:LINE: problem`."""
    import pandas as pd

    from iranru.mentions import PLACE_COLUMNS, summary_table
    from iranru.mentions.gazetteer import read_places_file

    extra = read_places_file(places_file) if places_file is not None else ()
    rows, skipped, warnings = find_mentions(paths, read_options, normalize_options, "places",
                                             run_options, extra)
    table = pd.DataFrame(rows, columns=list(PLACE_COLUMNS))
    table[["lat", "lon"]] = table[["lat", "lon"]].astype("float64")
    if mention_options and mention_options.summary:
        table = summary_table(table, "name_en")
    return Report(table, skipped, warnings)


CACHE_INFO_COLUMNS = ("location", "entries", "size_bytes")
CACHE_CLEAR_COLUMNS = ("location", "removed_entries", "freed_bytes")


@takes_settings
def cache_info(run_options: RunOptions | None = None) -> Report:
    """Where the analysis cache is, how many documents it holds, its size on disk in bytes."""
    import pandas as pd

    from iranru.cache import cache_dir
    from iranru.cache import cache_info as describe

    row, warnings = describe(cache_dir(run_options))
    return Report(pd.DataFrame([row], columns=list(CACHE_INFO_COLUMNS)).convert_dtypes(), [], warnings)


@takes_settings
def cache_clear(run_options: RunOptions | None = None) -> Report:
    """Delete the analysis cache; says how many documents and bytes went."""
    import pandas as pd

    from iranru.cache import cache_dir, clear_cache

    row, warnings = clear_cache(cache_dir(run_options))
    return Report(pd.DataFrame([row], columns=list(CACHE_CLEAR_COLUMNS)).convert_dtypes(), [], warnings)
