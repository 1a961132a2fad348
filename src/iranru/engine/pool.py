"""Where per-document work runs: in this process, in a local process pool (`--jobs`) or on a
Dask cluster (`--scheduler`), chunk by chunk, results handed back as chunks finish.

What the work is (analysing, finding mentions) is the caller's: this module only runs a
function over chunks of documents, so `--jobs 1`, `--jobs 8` and a cluster give the same rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from iranru.engine.state import VocabularyCopies
from iranru.errors import IranruError, UsageError
from iranru.model import Document
from iranru.prebuilt import choose_folder
from iranru.settings import SCHEDULER_ENV, RunOptions

# Below this much missing text a pool costs more (worker start-up, hazm's word lists loaded
# once per worker) than it saves: the work runs in this process.
POOL_MIN_BYTES = 256 * 1024
CHUNKS_PER_WORKER = 4  # small enough to balance uneven documents, large enough to amortise
MAX_CHUNK_BYTES = 4 * 1024 * 1024
DASK_CONNECT_SECONDS = 10
Work = Callable[..., Any]  # (chunk of documents, *args) -> what the caller collects


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
            import gc
            import multiprocessing

            method = start_method()
            self.executor = concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context(method))
            if method == "fork":
                # The workers' garbage collector never walks what they inherit, so it leaves
                # those pages shared (freq -j 2 on the natural bench: 11.72 -> 11.45 s wall).
                # A forking pool starts every worker at its first task.
                gc.freeze()
                self.executor.submit(os.getpid)
                gc.unfreeze()
        return self.executor

    def close(self, cancel: bool = False) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=not cancel, cancel_futures=cancel)
            self.executor = None


def map_documents(
    work: Work, documents: Sequence[Document], indices: Sequence[int], sizes: Sequence[int],
    options: RunOptions, *args: object, local_work: Work | None = None, pool: WorkerPool | None = None,
) -> Iterator[tuple[list[int], Any]]:
    """`work(chunk_of_documents, *args)` over the documents at `indices`, here (`local_work` if
    given), in a pool (`pool`, else one of its own) or on Dask; yields (indices, results) per
    chunk as chunks finish. With `pool`, the chunks are submitted before this returns, so the
    workers are busy while the caller does other things (reads the next wave)."""
    choose_folder(options.cache_dir)  # the prebuilt tables, read where the run keeps its cache
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
) -> Iterator[tuple[list[int], Any]]:
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
) -> Iterator[tuple[list[int], Any]]:
    """Submit every chunk now; the iterator returned yields them as they finish."""
    executor = pool.get(workers)
    try:
        futures = {executor.submit(work, [documents[index] for index in chunk], *args): chunk
                   for chunk in chunks}
    except BaseException as error:
        raise pool_failure(pool, error) from None
    return finished_chunks(pool, futures)


def finished_chunks(pool: WorkerPool, futures: dict[Any, list[int]]) -> Iterator[tuple[list[int], Any]]:
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
) -> Iterator[tuple[list[int], Any]]:
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
