"""Every document analysed, through the cache: looked up, the missing ones run (pool.py),
collected, stored, returned in input order; for a stream, one wave of documents at a time.

Every report reaches the analysis through `analyze_documents` or `analyze_waves`, so `--jobs 1`,
`--jobs 8`, a warm cache and a cluster give the same rows. What is made of each document is
the `Analysis` the report chose (analysis.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from iranru.engine.analysis import TOKEN_TABLES, Analysis, Sent, analyze_chunk, analyze_here
from iranru.engine.pool import Progress, WorkerPool, map_documents, scheduler_address, text_size
from iranru.model import Document, Skipped, Vocabulary
from iranru.settings import NormalizeOptions, RunOptions, TokenOptions

if TYPE_CHECKING:
    from iranru.engine.cache import DocumentCache
    from iranru.engine.state import VocabularyCopies, VocabularyDelta
    from iranru.ingest.read import WaveReader

WAVE_CHARS = 4_000_000  # characters read, analysed and reduced at a time when streaming
# Word counts are a few KB a document, so their waves can be larger. The next wave is handed to
# the workers before this one is reduced, so the size matters little for speed (freq over 100 MB:
# 23.8 s at 4 M, 23.6 s at 8 M, 23.2 s at 16 M) and 8 M keeps peak memory 20 MB under 16 M's.
COUNTS_WAVE_CHARS = 8_000_000


def analyze_documents(
    documents: Sequence[Document],
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    run_options: RunOptions | None = None,
    progress: Progress | None = None,
    analysis: Analysis = TOKEN_TABLES,
    pool: WorkerPool | None = None,
) -> tuple[list[Any], list[str], list[Skipped]]:
    """Every document analysed, in input order, warnings about the cache, and the documents a
    bug cost (Skipped.failed, left out of the first list). A `progress` passed in is counted
    on and left open (the caller streams waves of documents). `analysis`: TOKEN_TABLES gives
    AnalyzedDocuments, WORD_COUNTS WordCounts."""
    return PendingAnalysis(documents, normalize_options, token_options, run_options, progress, analysis,
                           pool).finish()


class PendingAnalysis:
    """analyze_documents in two halves: made, it has looked the documents up in the cache and,
    with a `pool`, handed the rest to the workers; `finish` collects, stores and returns them.
    A stream starts the next wave before it finishes this one, so the workers never wait."""

    def __init__(
        self, documents: Sequence[Document], normalize_options: NormalizeOptions | None,
        token_options: TokenOptions | None, run_options: RunOptions | None, progress: Progress | None,
        analysis: Analysis, pool: WorkerPool | None,
    ) -> None:
        from iranru.engine.cache import cache_dir, open_cache

        options = run_options or RunOptions()
        self.documents = documents
        self.analysis = analysis
        self.sizes = [text_size(document) for document in documents]
        self.streaming = progress is not None
        self.progress = progress or Progress(options, self.sizes)
        self.results: list[Any] = [None] * len(documents)
        self.warnings: list[str] = []
        self.failures: list[Skipped] = []
        self.cache: DocumentCache | None = None
        self.keys: list[bytes] = []
        self.vocabularies: VocabularyCopies | None = None
        self.last_delta: VocabularyDelta | None = None
        self.last_copy: Vocabulary | None = None
        try:
            if options.use_cache:
                self.cache, self.warnings = open_cache(cache_dir(options))
            fingerprint = None
            if self.cache is not None or scheduler_address(options):
                from iranru.engine.cache import pipeline_fingerprint

                fingerprint = pipeline_fingerprint(normalize_options, token_options)
            if self.cache is not None and fingerprint is not None:
                self.keys = [analysis.key(fingerprint, document.text) for document in documents]
                self.cache = lookup(self.cache, self.keys, documents, self.results, self.warnings,
                                    analysis)
            self.found = [index for index, result in enumerate(self.results) if result is not None]
            missing = [index for index, result in enumerate(self.results) if result is None]
            checked = fingerprint if scheduler_address(options) else None
            self.vocabularies = pool.vocabularies if pool is not None and not checked else None
            self.outputs: Iterator[tuple[list[int], Sent]] = map_documents(
                analyze_chunk, documents, missing, self.sizes, options, analysis, normalize_options,
                token_options, checked, self.cache is not None,
                pool.run if self.vocabularies is not None else None, local_work=analyze_here, pool=pool)
        except BaseException:
            self.close()
            raise

    @property
    def storing(self) -> bool:
        """Results go into the cache (it is open, and no write has failed)."""
        return self.cache is not None

    def finish(self) -> tuple[list[Any], list[str], list[Skipped]]:
        results, keys = self.results, self.keys
        failures: dict[int, Skipped] = {}
        try:
            self.progress.next_wave(self.sizes).advance(self.found)
            for chunk, sent in self.outputs:
                rows = []
                received = sent.received([self.documents[index] for index in chunk], self)
                for index, (result, payload) in zip(chunk, received, strict=True):
                    if isinstance(result, Skipped):  # never stored: the next run tries again
                        failures[index] = result
                        continue
                    results[index] = result
                    if payload is not None:
                        rows.append((keys[index], payload))
                if self.cache is not None:
                    self.cache = store(self.cache, rows, self.warnings)
                self.progress.advance(chunk)
            if self.vocabularies is not None:
                self.vocabularies.forget_old_generations()
        finally:
            self.close()
        self.failures = [failures[index] for index in sorted(failures)]
        return [result for result in results if result is not None], self.warnings, self.failures

    def vocabulary_of(self, sent: Vocabulary | VocabularyDelta) -> Vocabulary:
        """A vocabulary as sent: itself, or a worker's delta applied to the parent's copy (once:
        the documents of a chunk share the one unpickled delta)."""
        from iranru.engine.state import VocabularyDelta

        if not isinstance(sent, VocabularyDelta):
            return sent
        if sent is not self.last_delta:
            assert self.vocabularies is not None
            self.last_delta, self.last_copy = sent, self.vocabularies.apply(sent)
        assert self.last_copy is not None
        return self.last_copy

    def close(self) -> None:
        if not self.streaming:
            self.progress.close()
        if self.cache is not None:
            self.cache.close()
            self.cache = None


def analyze_waves(
    reader: WaveReader,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    run_options: RunOptions | None = None,
    warnings: list[str] | None = None,
    analysis: Analysis = TOKEN_TABLES,
) -> Iterator[Any]:
    """Every document analysed, in input order, one wave at a time: a caller that reduces
    each document as it comes holds about two waves in memory, whatever the corpus size (the
    next wave is read and handed to the workers before this one is collected and reduced).
    Document and cache warnings are appended to `warnings`, the documents a bug cost to
    `reader.skipped`."""
    options = run_options or RunOptions()
    progress = Progress(options, [])
    progress.total_bytes, progress.total_files = reader.total_bytes, reader.total_files
    pool = WorkerPool()
    waves = iter(reader)
    cache_warned = False

    def start(wave: list[Document] | None) -> PendingAnalysis | None:
        if wave is None:
            return None
        if warnings is not None:
            warnings.extend(f"{doc.path}: {warning}" for doc in wave for warning in doc.warnings)
        return PendingAnalysis(wave, normalize_options, token_options, options, progress, analysis, pool)

    try:
        pending = start(next(waves, None))
        while pending is not None:
            following = start(next(waves, None))
            analysed, more, failures = pending.finish()
            reader.skipped.extend(failures)
            pending = following
            if more:  # a cache that was busy, damaged or unwritable is left alone for the run
                options = dataclasses.replace(options, use_cache=False)
                if warnings is not None and not cache_warned:
                    warnings.extend(more)
                cache_warned = True
            analysed.reverse()
            while analysed:  # each document let go as soon as the caller has reduced it
                yield analysed.pop()
    finally:
        pool.close()
        progress.close()


def lookup(
    cache: DocumentCache, keys: list[bytes], documents: Sequence[Document], results: list[Any],
    warnings: list[str], analysis: Analysis,
) -> DocumentCache | None:
    """Fill `results` from the cache; a damaged row is a miss, a damaged file is rebuilt."""
    import sqlite3

    from iranru.engine.cache import CacheWarning, is_busy, rebuild_cache

    try:
        found = cache.get_many(keys)
    except sqlite3.Error as error:
        cache.close()
        if is_busy(error):
            warnings.append(CacheWarning(f"cache {cache.path} is busy ({error}); running without it"))
            return None
        rebuilt, more = rebuild_cache(cache.path.parent, error)
        warnings.extend(more)
        return rebuilt
    for index, key in enumerate(keys):
        if key in found:
            try:
                results[index] = analysis.decode(documents[index], found[key])
            except ValueError:
                pass  # analysed again and overwritten
    return cache


def store(
    cache: DocumentCache, items: list[tuple[bytes, bytes]], warnings: list[str],
) -> DocumentCache | None:
    """Write new rows; on any database error warn once and go on without the cache."""
    import sqlite3

    from iranru.engine.cache import CacheWarning

    try:
        cache.put_many(items)
    except sqlite3.Error as error:
        warnings.append(CacheWarning(f"cannot write the cache {cache.path} ({error}); running without it"))
        cache.close()
        return None
    return cache
