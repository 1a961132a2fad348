"""Per-document work at scale: cache lookup, then the missing documents analysed in this process,
in a local process pool (`--jobs`) or on a Dask cluster (`--scheduler`), results in input order.

Every report reaches the analysis through `analyze_documents`, so `--jobs 1`, `--jobs 8`, a
warm cache and a cluster give the same rows.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from iranru.errors import IranruError, UsageError
from iranru.model import (
    AnalyzedDocument,
    Document,
    Skipped,
    VocabularyCopies,
    VocabularyDelta,
    WordCounts,
)
from iranru.settings import SCHEDULER_ENV, NormalizeOptions, RunOptions, TokenOptions

if TYPE_CHECKING:
    from iranru.ingest.read import WaveReader
    from iranru.mentions.gazetteer import PlaceRow

# Below this much missing text a pool costs more (worker start-up, hazm's word lists loaded
# once per worker) than it saves: the work runs in this process.
POOL_MIN_BYTES = 256 * 1024
CHUNKS_PER_WORKER = 4  # small enough to balance uneven documents, large enough to amortise
MAX_CHUNK_BYTES = 4 * 1024 * 1024
DASK_CONNECT_SECONDS = 10
Result = TypeVar("Result")
Work = Callable[..., list[Any]]


class Progress:
    """Counts finished documents for the caller's `on_progress` callback."""

    def __init__(self, options: RunOptions, sizes: Sequence[int]) -> None:
        self.callback = options.on_progress
        self.sizes = sizes
        self.total_bytes, self.total_files = sum(sizes), len(sizes)
        self.done_bytes = self.done_files = 0

    def next_wave(self, sizes: Sequence[int]) -> Progress:
        """Counting goes on over the next wave of documents, towards the same totals."""
        self.sizes = sizes
        return self

    def advance(self, indices: Sequence[int]) -> None:
        self.done_bytes += sum(self.sizes[index] for index in indices)
        self.done_files += len(indices)
        if self.callback is not None:
            self.callback(self.done_bytes, self.total_bytes, self.done_files, self.total_files)

    def close(self) -> None:
        close = getattr(self.callback, "close", None)
        if callable(close):
            close()


def text_size(document: Document) -> int:
    """Bytes, as the progress bar totals them: as read if read (encoding them again would
    cost a pass over every text), else encoded."""
    if document.size >= 0:
        return document.size
    return len(document.text.encode("utf-8", "surrogatepass"))


def scheduler_address(options: RunOptions) -> str | None:
    return options.scheduler or os.environ.get(SCHEDULER_ENV) or None


def job_count(options: RunOptions) -> int:
    return options.jobs if options.jobs and options.jobs > 0 else os.cpu_count() or 1


def chunk_indices(indices: Sequence[int], sizes: Sequence[int], parts: int) -> list[list[int]]:
    """Consecutive runs of documents of about total/parts bytes each (at most MAX_CHUNK_BYTES)."""
    total = sum(sizes[index] for index in indices)
    target = max(1, min(MAX_CHUNK_BYTES, total // max(parts, 1)))
    chunks: list[list[int]] = []
    current: list[int] = []
    filled = 0
    for index in indices:
        current.append(index)
        filled += sizes[index]
        if filled >= target:
            chunks.append(current)
            current, filled = [], 0
    if current:
        chunks.append(current)
    return chunks


class WorkerPool:
    """One process pool for a whole streamed run, started when first needed: its workers keep
    their per-word-type caches (lemmas, ZWNJ repairs, token rules) from wave to wave."""

    def __init__(self) -> None:
        import secrets

        self.executor: Any = None
        self.run = secrets.token_hex(8)  # word counts send their workers' vocabularies once a run
        self.vocabularies = VocabularyCopies()

    def get(self, workers: int) -> Any:
        if self.executor is None:
            import concurrent.futures
            import multiprocessing

            self.executor = concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context(start_method()))
        return self.executor

    def close(self, cancel: bool = False) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=not cancel, cancel_futures=cancel)
            self.executor = None


def map_documents(
    work: Work, documents: Sequence[Document], indices: Sequence[int], sizes: Sequence[int],
    options: RunOptions, *args: object, local_work: Work | None = None, pool: WorkerPool | None = None,
) -> Iterator[tuple[list[int], list[Any]]]:
    """`work(chunk_of_documents, *args)` over the documents at `indices`, here (`local_work` if
    given), in a pool (`pool`, else one of its own) or on Dask; yields (indices, results) per
    chunk as chunks finish. With `pool`, the chunks are submitted before this returns, so the
    workers are busy while the caller does other things (reads the next wave)."""
    if not indices:
        return iter(())
    jobs = job_count(options)
    if pool is not None and not scheduler_address(options) and not runs_here(jobs, indices, sizes):
        chunks = chunk_indices(indices, sizes, jobs * CHUNKS_PER_WORKER)
        return run_in_pool(pool, jobs, work, documents, chunks, args)
    return map_lazily(work, documents, indices, sizes, options, args, local_work)


def runs_here(jobs: int, indices: Sequence[int], sizes: Sequence[int]) -> bool:
    return jobs <= 1 or len(indices) < 2 or sum(sizes[index] for index in indices) < POOL_MIN_BYTES


def map_lazily(
    work: Work, documents: Sequence[Document], indices: Sequence[int], sizes: Sequence[int],
    options: RunOptions, args: tuple[object, ...], local_work: Work | None,
) -> Iterator[tuple[list[int], list[Any]]]:
    """map_documents here, on Dask or in a pool of its own, started when first iterated."""
    address = scheduler_address(options)
    jobs = job_count(options)
    if address:
        yield from run_on_dask(address, work, documents, chunk_indices(indices, sizes, 64), args)
    elif runs_here(jobs, indices, sizes):
        for index in indices:
            yield [index], (local_work or work)([documents[index]], *args)
    else:
        chunks = chunk_indices(indices, sizes, jobs * CHUNKS_PER_WORKER)
        own = WorkerPool()
        yield from run_in_pool(own, min(jobs, len(chunks)), work, documents, chunks, args)
        own.close()


def run_in_pool(
    pool: WorkerPool, workers: int, work: Work, documents: Sequence[Document], chunks: list[list[int]],
    args: tuple[object, ...],
) -> Iterator[tuple[list[int], list[Any]]]:
    """Submit every chunk now; the iterator returned yields them as they finish."""
    executor = pool.get(workers)
    try:
        futures = {executor.submit(work, [documents[index] for index in chunk], *args): chunk
                   for chunk in chunks}
    except BaseException as error:
        raise pool_failure(pool, error) from None
    return finished_chunks(pool, futures)


def finished_chunks(pool: WorkerPool, futures: dict[Any, list[int]]) -> Iterator[tuple[list[int], list[Any]]]:
    import concurrent.futures

    try:
        for future in concurrent.futures.as_completed(futures):
            yield futures[future], future.result()
    except BaseException as error:
        raise pool_failure(pool, error) from None


def pool_failure(pool: WorkerPool, error: BaseException) -> BaseException:
    """The pool is shut down; a dead worker becomes one clear error, anything else is itself."""
    import concurrent.futures

    pool.close(cancel=True)
    if isinstance(error, concurrent.futures.process.BrokenProcessPool):
        return IranruError(f"a worker process died ({error}); try --jobs 1")
    return error


def start_method() -> str:
    """fork while this process has one thread: workers start at once with what is loaded, and
    a script without `if __name__ == "__main__"` still works. With threads (a progress bar, a
    Dask client) forking is unsafe: forkserver, else spawn."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def run_on_dask(
    address: str, work: Work, documents: Sequence[Document], chunks: list[list[int]],
    args: tuple[object, ...],
) -> Iterator[tuple[list[int], list[Any]]]:
    """One task per chunk on an existing cluster; iranru must be installed on every worker."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'iranru[dask]'") from None
    try:
        client = Client(address, timeout=DASK_CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address} ({error}); start one with "
                         "`dask scheduler` or check --scheduler / $IRANRU_SCHEDULER") from None
    with client:
        data = client.scatter([[documents[index] for index in chunk] for chunk in chunks], hash=False)
        futures = {client.submit(work, part, *args, pure=False): chunk
                   for part, chunk in zip(data, chunks, strict=True)}
        for future in as_completed(futures, loop=client.loop):
            try:
                result = future.result()
            except ModuleNotFoundError as error:
                raise IranruError(f"a Dask worker cannot import {error.name}: install iranru on every "
                                  "worker") from None
            yield futures[future], result


def analyze(document: Document, normalize_options: NormalizeOptions | None,
            token_options: TokenOptions | None, kind: str) -> AnalyzedDocument | WordCounts | Skipped:
    """A token table (every report), or word counts only (`freq`: several times faster); a
    bug met in this one document is returned as its Skipped.failed, the others go on."""
    try:
        if kind == "counts":
            from iranru.wordcounts import count_words

            return count_words(document, normalize_options, token_options)
        from iranru.tokens import analyze_document

        return analyze_document(document, normalize_options, token_options)
    except Exception as error:
        return Skipped.failed(document.path, "analysis", error)


def analyze_chunk(
    documents: list[Document], normalize_options: NormalizeOptions | None,
    token_options: TokenOptions | None, fingerprint: bytes | None, kind: str = "table",
    to_store: bool = True, run: str | None = None,
) -> list[bytes] | list[tuple[Any, ...]]:
    """Runs in a worker: the compact payloads, cheaper to send back than Token objects, or
    when nothing is stored, word counts over one vocabulary (no compressing only to
    decompress; see with_one_vocabulary), in a local pool's `run` over the worker's own
    (see with_vocabulary_delta).
    With a fingerprint, refuse to run a different pipeline (another iranru on a Dask worker)."""
    from iranru.cache import ENCODERS, pipeline_fingerprint

    if fingerprint is not None and pipeline_fingerprint(normalize_options, token_options) != fingerprint:
        raise IranruError("a Dask worker runs another iranru (version, code, data or stopword "
                          "files differ): install the same iranru on every worker")
    analysed = [analyze(document, normalize_options, token_options, kind) for document in documents]
    outputs: list[Any] = [item for item in analysed if isinstance(item, Skipped)]
    if len(outputs) == len(analysed):
        return outputs
    counted = [item for item in analysed if not isinstance(item, Skipped)]
    if kind == "counts" and not to_store:
        from iranru.wordcounts import with_one_vocabulary, with_vocabulary_delta

        sent = with_vocabulary_delta(counted, run) if run is not None else with_one_vocabulary(counted)  # type: ignore[arg-type]
    else:
        sent = list(map(ENCODERS[kind], counted))
    if not outputs:
        return sent
    done = iter(sent)
    return [item if isinstance(item, Skipped) else next(done) for item in analysed]


def analyze_inline(
    documents: list[Document], normalize_options: NormalizeOptions | None,
    token_options: TokenOptions | None, fingerprint: bytes | None, kind: str = "table",
    to_store: bool = True, run: str | None = None,
) -> list[AnalyzedDocument | WordCounts | Skipped]:
    return [analyze(document, normalize_options, token_options, kind) for document in documents]


def analyze_documents(
    documents: Sequence[Document],
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    run_options: RunOptions | None = None,
    progress: Progress | None = None,
    kind: str = "table",
    pool: WorkerPool | None = None,
) -> tuple[list[Any], list[str], list[Skipped]]:
    """Every document analysed, in input order, warnings about the cache, and the documents a
    bug cost (Skipped.failed, left out of the first list). A `progress` passed in is counted
    on and left open (the caller streams waves of documents). `kind`: "table" gives
    AnalyzedDocuments, "counts" WordCounts."""
    return PendingAnalysis(documents, normalize_options, token_options, run_options, progress, kind,
                           pool).finish()


class PendingAnalysis:
    """analyze_documents in two halves: made, it has looked the documents up in the cache and,
    with a `pool`, handed the rest to the workers; `finish` collects, stores and returns them.
    A stream starts the next wave before it finishes this one, so the workers never wait."""

    def __init__(
        self, documents: Sequence[Document], normalize_options: NormalizeOptions | None,
        token_options: TokenOptions | None, run_options: RunOptions | None, progress: Progress | None,
        kind: str, pool: WorkerPool | None,
    ) -> None:
        from iranru.cache import DECODERS, ENCODERS, cache_dir, document_key, open_cache

        options = run_options or RunOptions()
        self.documents = documents
        self.sizes = [text_size(document) for document in documents]
        self.streaming = progress is not None
        self.progress = progress or Progress(options, self.sizes)
        self.results: list[Any] = [None] * len(documents)
        self.decode, self.encode = DECODERS[kind], ENCODERS[kind]
        self.warnings: list[str] = []
        self.failures: list[Skipped] = []
        self.cache: Any = None
        self.keys: list[bytes] = []
        self.vocabularies: Any = None
        self.last_delta: Any = None
        self.last_copy: Any = None
        try:
            if options.use_cache:
                self.cache, self.warnings = open_cache(cache_dir(options))
            fingerprint = None
            if self.cache is not None or scheduler_address(options):
                from iranru.cache import pipeline_fingerprint

                fingerprint = pipeline_fingerprint(normalize_options, token_options)
            if self.cache is not None and fingerprint is not None:
                self.keys = [document_key(fingerprint, document.text, kind) for document in documents]
                self.cache = lookup(self.cache, self.keys, documents, self.results, self.warnings,
                                    self.decode)
            self.found = [index for index, result in enumerate(self.results) if result is not None]
            missing = [index for index, result in enumerate(self.results) if result is None]
            checked = fingerprint if scheduler_address(options) else None
            self.vocabularies = pool.vocabularies if pool is not None and not checked else None
            self.outputs = map_documents(analyze_chunk, documents, missing, self.sizes, options,
                                         normalize_options, token_options, checked, kind,
                                         self.cache is not None,
                                         pool.run if self.vocabularies is not None else None,
                                         local_work=analyze_inline, pool=pool)
        except BaseException:
            self.close()
            raise

    def finish(self) -> tuple[list[Any], list[str], list[Skipped]]:
        results, keys, cache = self.results, self.keys, self.cache
        failures: dict[int, Skipped] = {}
        try:
            self.progress.next_wave(self.sizes).advance(self.found)
            for chunk, outputs in self.outputs:
                stored = []
                for index, output in zip(chunk, outputs, strict=True):
                    if isinstance(output, Skipped):  # never stored: the next run tries again
                        failures[index] = output
                    elif isinstance(output, bytes):
                        results[index] = self.decode(self.documents[index], output)
                        stored.append((keys[index], output) if keys else None)
                    elif isinstance(output, tuple):  # word counts over a shared vocabulary
                        results[index] = WordCounts(self.documents[index], self.vocabulary_of(output[0]),
                                                    *output[1:])
                        stored.append(None)
                    else:
                        results[index] = output
                        stored.append((keys[index], self.encode(output)) if cache is not None else None)
                if cache is not None:
                    cache = self.cache = store(cache, [item for item in stored if item is not None],
                                               self.warnings)
                self.progress.advance(chunk)
            if self.vocabularies is not None:
                self.vocabularies.forget_old_generations()
        finally:
            self.close()
        self.failures = [failures[index] for index in sorted(failures)]
        return [result for result in results if result is not None], self.warnings, self.failures

    def vocabulary_of(self, sent: Any) -> Any:
        """A vocabulary as sent: itself, or a worker's delta applied to the parent's copy (once:
        the documents of a chunk share the one unpickled delta)."""
        if not isinstance(sent, VocabularyDelta):
            return sent
        if sent is not self.last_delta:
            assert self.vocabularies is not None
            self.last_delta, self.last_copy = sent, self.vocabularies.apply(sent)
        return self.last_copy

    def close(self) -> None:
        if not self.streaming:
            self.progress.close()
        if self.cache is not None:
            self.cache.close()
            self.cache = None


WAVE_CHARS = 4_000_000  # characters read, analysed and reduced at a time when streaming
# Word counts are a few KB a document, so their waves can be larger. The next wave is handed to
# the workers before this one is reduced, so the size matters little for speed (freq over 100 MB:
# 23.8 s at 4 M, 23.6 s at 8 M, 23.2 s at 16 M) and 8 M keeps peak memory 20 MB under 16 M's.
COUNTS_WAVE_CHARS = 8_000_000


def analyze_waves(
    reader: WaveReader,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    run_options: RunOptions | None = None,
    warnings: list[str] | None = None,
    kind: str = "table",
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
        return PendingAnalysis(wave, normalize_options, token_options, options, progress, kind, pool)

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
    cache: Any, keys: list[bytes], documents: Sequence[Document], results: list[Any],
    warnings: list[str], decode: Callable[[Document, bytes], Any],
) -> Any:
    """Fill `results` from the cache; a damaged row is a miss, a damaged file is rebuilt."""
    import sqlite3

    from iranru.cache import CacheWarning, is_busy, rebuild_cache

    try:
        found = cache.get_many(keys)
    except sqlite3.Error as error:
        cache.close()
        if is_busy(error):
            warnings.append(CacheWarning(f"cache {cache.path} is busy ({error}); running without it"))
            return None
        cache, more = rebuild_cache(cache.path.parent, error)
        warnings.extend(more)
        return cache
    for index, key in enumerate(keys):
        if key in found:
            try:
                results[index] = decode(documents[index], found[key])
            except ValueError:
                pass  # analysed again and overwritten
    return cache


def store(cache: Any, items: list[tuple[bytes, bytes]], warnings: list[str]) -> Any:
    """Write new rows; on any database error warn once and go on without the cache."""
    import sqlite3

    from iranru.cache import CacheWarning

    try:
        cache.put_many(items)
    except sqlite3.Error as error:
        warnings.append(CacheWarning(f"cannot write the cache {cache.path} ({error}); running without it"))
        cache.close()
        return None
    return cache


def find_mentions_in(
    documents: list[Document], normalize_options: NormalizeOptions | None, finder: str,
    extra_places: tuple[PlaceRow, ...] = (),
) -> list[list[tuple[object, ...]] | Skipped]:
    """Runs in a worker: each document's date or place mention rows, or what a bug cost
    (`extra_places`: the rows of a user's places file, as data, so that pool and Dask workers
    need not read it)."""
    from iranru.mentions import mention_rows
    from iranru.mentions.dates import find_dates
    from iranru.mentions.places import find_places
    from iranru.normalize import normalize_text

    def find(text: str) -> list:
        return find_dates(text) if finder == "dates" else find_places(text, extra_places)

    found: list[list[tuple[object, ...]] | Skipped] = []
    for doc in documents:
        try:
            found.append(list(mention_rows(doc, normalize_text(doc.text, normalize_options),
                                           find(doc.text))))
        except Exception as error:
            found.append(Skipped.failed(doc.path, finder, error))
    return found


def mention_rows_of(
    documents: Sequence[Document], normalize_options: NormalizeOptions | None, finder: str,
    run_options: RunOptions | None = None, extra_places: tuple[PlaceRow, ...] = (),
) -> tuple[list[tuple[object, ...]], list[Skipped]]:
    """Mention rows of every document in input order, here, in a pool or on Dask (not cached:
    finding mentions is cheap next to tokenising), and the documents a bug cost."""
    options = run_options or RunOptions()
    sizes = [text_size(document) for document in documents]
    progress = Progress(options, sizes)
    per_document: list[list[tuple[object, ...]] | Skipped] = [[] for _ in documents]
    try:
        for chunk, outputs in map_documents(find_mentions_in, documents, range(len(documents)), sizes,
                                            options, normalize_options, finder, extra_places):
            for index, rows in zip(chunk, outputs, strict=True):
                per_document[index] = rows
            progress.advance(chunk)
    finally:
        progress.close()
    failures = [rows for rows in per_document if isinstance(rows, Skipped)]
    return [row for rows in per_document if not isinstance(rows, Skipped) for row in rows], failures
