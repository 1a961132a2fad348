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


@dataclass(frozen=True, slots=True)
class Settings:
    """The option sets of one report call, each given or made with its defaults: what a report
    function receives, whichever way it was called."""

    read_options: ReadOptions = field(default_factory=ReadOptions)
    normalize_options: NormalizeOptions = field(default_factory=NormalizeOptions)
    token_options: TokenOptions = field(default_factory=TokenOptions)
    term_options: TermOptions = field(default_factory=TermOptions)
    mention_options: MentionOptions = field(default_factory=MentionOptions)
    run_options: RunOptions = field(default_factory=RunOptions)

    def corpus(self) -> dict[str, Any]:
        """The keyword arguments of load_corpus."""
        return {"read_options": self.read_options, "normalize_options": self.normalize_options,
                "token_options": self.token_options, "run_options": self.run_options}


def report_of(*uses: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A report function that takes the option sets `uses` (names of OPTION_SETS), each as a
    keyword argument or field by field (`iranru.freq(paths, lang="fa", top=20)`); it receives
    them as one `settings: Settings`. An unknown keyword is a TypeError, as for any function."""
    owner = {item.name: name for name in uses for item in dataclasses.fields(OPTION_SETS[name])}

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(function)
        own = [parameter for parameter in signature.parameters.values() if parameter.name != "settings"]

        @functools.wraps(function)
        def with_settings(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name in uses if name in kwargs}
            fields: dict[str, dict[str, Any]] = {}
            for name in [name for name in kwargs if name not in signature.parameters]:
                if name not in owner:
                    raise TypeError(f"{function.__name__}() got an unexpected keyword argument "
                                    f"'{name}' (settings: {', '.join(sorted(owner))})")
                fields.setdefault(owner[name], {})[name] = kwargs.pop(name)
            sets = {name: dataclasses.replace(given.get(name) or OPTION_SETS[name](),
                                              **fields.get(name, {})) for name in uses}
            return function(*args, **kwargs, settings=Settings(**sets))

        keyword = inspect.Parameter.KEYWORD_ONLY
        public = [inspect.Parameter(name, keyword, default=None,
                                    annotation=f"{OPTION_SETS[name].__name__} | None") for name in uses]
        public += [inspect.Parameter(name, keyword, default=None) for name in sorted(owner)]
        with_settings.__signature__ = signature.replace(parameters=[*own, *public])  # type: ignore[attr-defined]
        return with_settings

    return decorate


CORPUS_SETS = ("read_options", "normalize_options", "token_options", "run_options")
TERM_SETS = (*CORPUS_SETS, "term_options")
MENTION_SETS = ("read_options", "normalize_options", "mention_options", "run_options")


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


@report_of(*CORPUS_SETS)
def load_corpus(paths: Sequence[str | Path] | None, *, settings: Settings) -> Corpus:
    """Read and analyse every input; raise NoInputError when not one document is usable.
    `run_options`: processes, cache, Dask cluster, progress (default: all cores, cache on)."""
    from iranru.engine.waves import analyze_documents

    documents, skipped, warnings = read_inputs(paths, settings.read_options)
    analysed, cache_warnings, failures = analyze_documents(
        documents, settings.normalize_options, settings.token_options, settings.run_options)
    return Corpus(analysed, skipped + failures, warnings + cache_warnings)


class CorpusStream:
    """Analysed documents in input order, read and analysed a wave at a time as a report
    consumes them (`documents` may be iterated once); `skipped` and `warnings` are complete
    once it has been. The end of an iteration that yielded nothing raises NoInputError."""

    def __init__(self, paths: Sequence[str | Path] | None, settings: Settings) -> None:
        from iranru.engine.analysis import TOKEN_TABLES
        from iranru.engine.waves import WAVE_CHARS
        from iranru.ingest import WaveReader

        self.reader = WaveReader(resolve_paths(paths), settings.read_options, WAVE_CHARS)
        self.options = settings.normalize_options, settings.token_options, settings.run_options
        self.analysis = TOKEN_TABLES  # AnalyzedDocuments; WORD_COUNTS: see use_word_counts
        self.warnings: list[str] = list(self.reader.warnings)
        self.count = 0

    @property
    def skipped(self) -> list[Skipped]:
        return self.reader.skipped

    def use_word_counts(self) -> None:
        """Yield WordCounts rather than AnalyzedDocuments, in larger waves (they are small)."""
        from iranru.engine.analysis import WORD_COUNTS
        from iranru.engine.waves import COUNTS_WAVE_CHARS

        self.analysis = WORD_COUNTS
        self.reader.wave_chars = COUNTS_WAVE_CHARS

    @property
    def documents(self) -> Iterator[Any]:
        from iranru.engine.waves import analyze_waves

        normalize_options, token_options, run_options = self.options
        for document in analyze_waves(self.reader, normalize_options, token_options, run_options,
                                      self.warnings, self.analysis):
            self.count += 1
            yield document
        # before the report's own checks: unreadable inputs are the first news (documents a bug
        # cost were read: the report goes on without them, as when others are left)
        if not self.count and not any(item.traceback for item in self.skipped):
            raise NoInputError("nothing could be read", self.skipped)


@report_of(*CORPUS_SETS)
def stats(paths: Sequence[str | Path] | None = None, *, settings: Settings) -> Report:
    """One row per document: size, vocabulary, sentence length, lexical diversity."""
    from iranru.analysis.stats import STATS_COLUMNS, CorpusTotals

    stream = CorpusStream(paths, settings)
    totals = CorpusTotals(keep_stopwords=settings.token_options.keep_stopwords)
    failures: list[Skipped] = []
    rows = list(each_document(stream.documents, "stats", totals.add, failures))
    import pandas as pd  # only now: worker processes forked while the documents stream need none

    return Report(
        pd.DataFrame(rows, columns=list(STATS_COLUMNS)),
        stream.skipped + failures,
        stream.warnings,
        footer=totals.row(),
    )


@report_of(*CORPUS_SETS)
def tokens(paths: Sequence[str | Path] | None = None, *, settings: Settings) -> Report:
    """One row per word token, with its span in the original text."""
    import pandas as pd

    corpus = load_corpus(paths, **settings.corpus())
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


@report_of("normalize_options")
def normalize(text: str, *, settings: Settings) -> str:
    """The normalised text, one output line per input line."""
    from iranru.normalize import normalize_text

    return normalize_text(text, settings.normalize_options)


def normalize_documents(
    documents: Iterable[Document], normalize_options: NormalizeOptions | None = None,
) -> tuple[list[str], list[Skipped]]:
    """Each document's normalised text, and the documents a bug cost."""
    failures: list[Skipped] = []
    texts = list(each_document(
        documents, "normalize", lambda doc: normalize(doc.text, normalize_options=normalize_options),
        failures))
    return texts, failures


@report_of("read_options", "normalize_options")
def changes(paths: Sequence[str | Path] | None = None, *, settings: Settings) -> Report:
    """Every edit normalisation makes, with its offsets in the original and the rule's name."""
    import pandas as pd

    from iranru.normalize import explain_changes

    documents, skipped, warnings = read_inputs(paths, settings.read_options)

    def change_rows(doc: Document) -> list[tuple[object, ...]]:
        return [(doc.name, change.line, change.start, change.end, change.before, change.after,
                 change.rule) for change in explain_changes(doc.text, settings.normalize_options)]

    failures: list[Skipped] = []
    rows = [row for rows in each_document(documents, "normalize", change_rows, failures) for row in rows]
    return Report(pd.DataFrame(rows, columns=list(CHANGE_COLUMNS)), skipped + failures, warnings)


def term_report(
    paths: Sequence[str | Path] | None, settings: Settings, stage: str,
    build: Callable[[list[AnalyzedDocument]], pd.DataFrame],
) -> Report:
    """A term report over the analysed corpus: `build(documents)`, a document whose report
    meets a bug left out (see build_report)."""
    corpus = load_corpus(paths, **settings.corpus())
    failures: list[Skipped] = []
    table = build_report(corpus.documents, stage, build, failures)
    return Report(table, corpus.skipped + failures, corpus.warnings)


@report_of(*TERM_SETS)
def freq(
    paths: Sequence[str | Path] | None = None, *, per_doc: bool = False, concepts: bool = False,
    concepts_file: Path | None = None, settings: Settings,
) -> Report:
    """Term frequencies with range and dispersion; `per_doc` gives the wide table, `concepts`
    the bilingual concepts' rates per document."""
    from iranru.analysis.concepts import concept_rates, load_concepts
    from iranru.analysis.freq import frequency_by_group, frequency_table

    options = settings.term_options
    exclude = not settings.token_options.keep_stopwords
    if not (concepts or concepts_file is not None or per_doc):  # streams: memory stays flat
        stream = CorpusStream(paths, settings)
        if stream.reader.total_files > 1:  # a lone document's DP needs its token order
            stream.use_word_counts()

        def analyse_lone(document: Document) -> AnalyzedDocument:
            """The one document with words in a language, in full for DP over its parts
            (through the cache, in this process, with no progress bar of its own)."""
            from iranru.engine.waves import analyze_documents

            here = dataclasses.replace(settings.run_options, jobs=1, on_progress=None)
            analysed, _, failures = analyze_documents([document], settings.normalize_options,
                                                      settings.token_options, here)
            if failures:  # counted, but its token table met a bug: the run cannot give its DP
                raise RuntimeError(failures[0].reason)
            return analysed[0]

        table = frequency_table(stream.documents, options.by, options.lang, exclude, options.min_count,
                                options.top, options.group_by, analyse_lone)
        return Report(table, stream.skipped, stream.warnings)
    if concepts or concepts_file is not None:
        concept_list = load_concepts(concepts_file)
        return term_report(paths, settings, "freq", lambda documents: concept_rates(
            documents, concept_list, options.lang, options.group_by))
    return term_report(paths, settings, "freq", lambda documents: frequency_by_group(
        documents, options.by, options.lang, exclude, options.min_count, options.top,
        options.group_by))


@report_of(*TERM_SETS)
def ngrams(paths: Sequence[str | Path] | None = None, *, sizes: str | int = "2",
           settings: Settings) -> Report:
    """N-gram counts (`sizes`: `3` or `2..5`); never across a sentence or a document."""
    from iranru.analysis.ngrams import ngram_table, parse_sizes

    options = settings.term_options
    parsed = parse_sizes(str(sizes))
    return term_report(paths, settings, "ngrams", lambda documents: ngram_table(
        documents, parsed, options.by, options.lang, not settings.token_options.keep_stopwords,
        options.min_count, options.top, options.group_by))


@report_of(*TERM_SETS)
def collocations(
    paths: Sequence[str | Path] | None = None, *, measure: Measure | str = Measure.LLR,
    window: str | None = None, node: str | None = None, settings: Settings,
) -> Report:
    """Word pairs ranked by an association measure; `window` is `L,R`, `node` one word."""
    from iranru.analysis.collocations import collocation_table, parse_window
    from iranru.analysis.kwic import node_lemmas

    options = settings.term_options
    chosen = choice(Measure, measure, "measure")
    span = parse_window(window)
    lemmas = node_lemmas(node) if node else frozenset()
    label = sorted(lemmas)[0] if lemmas else ""
    return term_report(paths, settings, "collocations", lambda documents: collocation_table(
        documents, chosen, span, options.by, options.lang, not settings.token_options.keep_stopwords,
        lemmas, label, options.min_count, options.top, options.group_by))


@report_of(*TERM_SETS)
def kwic(
    paths: Sequence[str | Path] | None = None, *, term: str | None = None, regex: str | None = None,
    exact: bool = False, width: int = 8, sort: KwicSort | str = KwicSort.DOC, settings: Settings,
) -> Report:
    """Every match of `term` (by lemma unless `exact`) or `regex`, in context."""
    from iranru.analysis.kwic import concordance

    options = settings.term_options
    order = choice(KwicSort, sort, "sort")
    return term_report(paths, settings, "kwic", lambda documents: concordance(
        documents, term, regex, exact or options.by == "word", width, order, options.lang,
        options.top, options.group_by))


@report_of(*TERM_SETS)
def compare(
    a: str, b: str, paths: Sequence[str | Path] | None = None, *, concepts: bool = False,
    concepts_file: Path | None = None, settings: Settings,
) -> Report:
    """Keyness of A against B: two groups of `paths` under `group_by` when it is set, else
    A and B are themselves paths (files, folders or globs)."""
    from iranru.analysis.concepts import concept_totals, load_concepts
    from iranru.analysis.freq import term_totals
    from iranru.analysis.grouping import group_documents
    from iranru.analysis.keyness import keyness_table, uncompared_languages

    options = settings.term_options
    if options.group_by:
        corpus = load_corpus(paths, **settings.corpus())
        groups = group_documents(corpus.documents, options.group_by)
        for name in (a, b):
            if name not in groups:
                raise UsageError(f"no {options.group_by} '{name}': groups are {', '.join(groups)}")
        sides = [groups[a], groups[b]]
        skipped, warnings = corpus.skipped, corpus.warnings
    else:
        loaded = [load_corpus([side], **settings.corpus()) for side in (a, b)]
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
        exclude = not settings.token_options.keep_stopwords
        (counts_a, sizes_a), (counts_b, sizes_b) = (
            build_report(side, "compare", lambda documents: term_totals(
                documents, options.by, options.lang, exclude), failures) for side in sides
        )
    warnings += [f"{'B' if sizes_a.get(lang) else 'A'} has no '{lang}' words: the '{lang}' terms "
                 "are not compared (--concepts compares across languages)"
                 for lang in uncompared_languages(sizes_a, sizes_b)]
    table = keyness_table(counts_a, sizes_a, counts_b, sizes_b, options.min_count, options.top)
    return Report(table, skipped + failures, warnings)


def mention_report(
    paths: Sequence[str | Path] | None, settings: Settings, finder: str, columns: Sequence[str],
    summary_key: str, extra_places: tuple = (), floats: Sequence[str] = (),
) -> Report:
    """Rows of date or place mentions for every readable document (offsets into the original),
    or with `summary` their counts per document."""
    import pandas as pd

    from iranru.engine.mentions import mention_rows_of
    from iranru.mentions import summary_table

    documents, skipped, warnings = read_inputs(paths, settings.read_options)
    rows, failures = mention_rows_of(documents, settings.normalize_options, finder, settings.run_options,
                                     extra_places)
    table = pd.DataFrame(rows, columns=list(columns))
    if floats:  # a column of numbers with gaps (None) is float, not object
        table[list(floats)] = table[list(floats)].astype("float64")
    if settings.mention_options.summary:
        table = summary_table(table, summary_key)
    return Report(table, skipped + failures, warnings)


@report_of(*MENTION_SETS)
def dates(paths: Sequence[str | Path] | None = None, *, settings: Settings) -> Report:
    """Every date mention: ISO 8601 Gregorian value, the Gregorian years it covers
    (`year_from`, `year_to`), the calendar written, the granularity; Solar and lunar Hijri dates
    converted. `summary` counts values per document."""
    from iranru.mentions import DATE_COLUMNS

    return mention_report(paths, settings, "dates", DATE_COLUMNS, "value")


@report_of(*MENTION_SETS)
def places(paths: Sequence[str | Path] | None = None, *, places_file: str | Path | None = None,
           settings: Settings) -> Report:
    """Every place mention, resolved in the bilingual gazetteer (English and Persian names,
    GeoNames id or our slug, kind, coordinates). `summary` counts places per document.
    `places_file`: a CSV `name,name_en,name_fa,kind,lat,lon` adding names and places and
    blocking names (kind `block`); a bad row raises a UsageError `FILE:LINE: problem`."""
    from iranru.mentions import PLACE_COLUMNS
    from iranru.mentions.gazetteer import read_places_file

    extra = read_places_file(places_file) if places_file is not None else ()
    return mention_report(paths, settings, "places", PLACE_COLUMNS, "name_en", extra, ("lat", "lon"))


CACHE_INFO_COLUMNS = ("location", "entries", "size_bytes")
CACHE_CLEAR_COLUMNS = ("location", "removed_entries", "freed_bytes")


@report_of("run_options")
def cache_info(*, settings: Settings) -> Report:
    """Where the analysis cache is, how many documents it holds, its size on disk in bytes."""
    import pandas as pd

    from iranru.engine.cache import cache_dir
    from iranru.engine.cache import cache_info as describe

    row, warnings = describe(cache_dir(settings.run_options))
    return Report(pd.DataFrame([row], columns=list(CACHE_INFO_COLUMNS)).convert_dtypes(), [], warnings)


@report_of("run_options")
def cache_clear(*, settings: Settings) -> Report:
    """Delete the analysis cache; says how many documents and bytes went."""
    import pandas as pd

    from iranru.engine.cache import cache_dir, clear_cache

    row, warnings = clear_cache(cache_dir(settings.run_options))
    return Report(pd.DataFrame([row], columns=list(CACHE_CLEAR_COLUMNS)).convert_dtypes(), [], warnings)
