"""What a process keeps while it works, and what its word counts cost to send.

A process (this one, or a pool worker) counts words over its own numbered vocabulary and
remembers the chunks and surfaces it has described (wordcounts.CountingState): one
WorkerState a process, made when it first works (`this_process`) and kept until it ends; a
forked worker starts with a copy of its parent's and keeps its own. The work receives it as
an argument, so what lives how long is visible where it is used.
"""

from __future__ import annotations

import functools
import itertools
import os
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from iranru.model import Vocabulary, WordCounts

if TYPE_CHECKING:
    from iranru.wordcounts import CountingState


# Per-type cache entries a process holds (all of iranru's caches together, about 150 bytes
# each) before it lets them go and starts afresh, but for the KEPT_ENTRIES chunks and surfaces
# each dictionary cache met first. Below it a worker's memory grows with the word types it
# meets; at it, a run over any corpus stays flat. A worker over half of the natural bench meets
# 75,000 word types (1.35 million entries): it peaks at 261 MB instead of 353, for 5% more CPU
# (10% keeping nothing: most tokens are of a few thousand frequent types, worked out again
# after each start); at 3 << 18 entries it peaks at 278 MB, at 1 << 19 at 248 MB for 16% more.
MAX_CACHED_ENTRIES = 5 << 17
CHECK_EVERY_CHARS = 1 << 17  # text analysed between two counts of the entries held
SHED_MIN_ENTRIES = 1024  # caches smaller than this (option-keyed tables, loaded resources) stay
KEPT_ENTRIES = 1 << 13  # entries a chunk cache or the counting keeps of those it met first


class WorkerState:
    """One process' state for its whole life: its word-counting state, and what it last sent
    of its vocabulary in a pool's run (with_vocabulary_delta)."""

    def __init__(self) -> None:
        from iranru.wordcounts import CountingState

        self.counting: CountingState = CountingState()
        self.sent: tuple[str | None, int | None, int] = (None, None, 0)  # run, generation, types
        self.unchecked = 0  # characters analysed since the entries held were last counted
        self.caches = CacheFinder()
        self.restarts = 0

    def bound_caches(self, analysed_chars: int) -> None:
        """After `analysed_chars` more characters: if the per-type caches hold more than
        MAX_CACHED_ENTRIES, empty them all and start the counting afresh (a new vocabulary,
        as at wordcounts.MAX_TYPES). The caches are pure functions of their arguments, so
        this changes no result, only what must be worked out again."""
        self.unchecked += analysed_chars
        if self.unchecked < CHECK_EVERY_CHARS:
            return
        self.unchecked = 0
        caches = self.caches.found()
        if sum(size() for size, _ in caches) + self.counting_entries() <= MAX_CACHED_ENTRIES:
            return
        for size, clear in caches:
            if size() >= SHED_MIN_ENTRIES:
                clear()
        self.counting.restart(KEPT_ENTRIES)
        self.restarts += 1

    def counting_entries(self) -> int:
        known = [*self.counting.word_keys.values(), *self.counting.chunk_keys.values()]
        return sum(map(len, known)) + len(self.counting.vocabulary.numbers)


Cache = tuple[Callable[[], int], Callable[[], None]]  # its number of entries, and how to empty it


class CacheFinder:
    """Every cache at the top level of iranru's loaded modules: functools caches and the
    normaliser's chunk caches (found, not listed, so that a cache added anywhere is bounded);
    looked for again only when more modules are loaded."""

    def __init__(self) -> None:
        self.modules = 0
        self.caches: list[Cache] = []

    def found(self) -> list[Cache]:
        import sys

        if len(sys.modules) != self.modules:
            self.modules = len(sys.modules)
            self.caches = per_type_caches(list(sys.modules.items()))
        return self.caches


def per_type_caches(modules: list[tuple[str, object]]) -> list[Cache]:
    from iranru.normalize import ChunkCache

    found: list[Cache] = []
    for name, module in modules:
        if name != "iranru" and not name.startswith("iranru."):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, ChunkCache):
                found.append((value.__len__, functools.partial(keep_first, value)))
            elif isinstance(value, functools._lru_cache_wrapper):  # by type: iranru.cache_clear is a report
                found.append((functools.partial(cache_entries, value), value.cache_clear))
    return found


def keep_first(cache: dict[str, object]) -> None:
    """Empty a chunk cache but for the KEPT_ENTRIES chunks it met first (as a rule the
    frequent ones: Zipf)."""
    kept = list(itertools.islice(cache.items(), KEPT_ENTRIES))
    cache.clear()
    cache.update(kept)


def cache_entries(cached: functools._lru_cache_wrapper[object]) -> int:
    return int(cached.cache_info().currsize)


@functools.cache
def this_process() -> WorkerState:
    """This process' WorkerState, made on first use (a forked worker's is its copy of its
    parent's, which it then keeps apart)."""
    return WorkerState()


@dataclass(frozen=True, slots=True)
class VocabularyDelta:
    """Types `start` on of one worker process' vocabulary (`key`: its process id and the
    vocabulary's generation), sent with the first chunk that has them."""

    key: tuple[int, int]
    start: int
    columns: Vocabulary


class VocabularyCopies:
    """The parent's copies of its workers' vocabularies in one run, grown by their deltas.
    Chunks finished together may come in any order, so a delta may arrive before the one
    it follows; the gap is filled when that one comes, before any document is let go."""

    def __init__(self) -> None:
        self.copies: dict[tuple[int, int], Vocabulary] = {}

    def apply(self, delta: VocabularyDelta) -> Vocabulary:
        copy = self.copies.setdefault(delta.key, ([], [], [], []))
        end = delta.start + len(delta.columns[0])
        for column, values in zip(copy, delta.columns, strict=True):
            if len(column) < end:
                column.extend([None] * (end - len(column)))  # type: ignore[list-item]
            column[delta.start:end] = values  # type: ignore[assignment]
        return copy

    def forget_old_generations(self) -> None:
        """Once a wave is in: a worker whose vocabulary started afresh sends no more of the
        old one, and the documents counted over it hold it themselves."""
        newest = {}
        for process, generation in self.copies:
            newest[process] = max(generation, newest.get(process, generation))
        for key in [key for key in self.copies if key[1] != newest[key[0]]]:
            del self.copies[key]


def with_one_vocabulary(counted: list[WordCounts]) -> list[tuple[Vocabulary, array, array]]:
    """The documents' word counts over one vocabulary of just their types, which pickle sends
    once (each document then carries two arrays of integers), and which the receiving side
    reduces once instead of once per document. Their process vocabulary is cut down to the
    types they have, by numpy: no loop over types here."""
    import numpy as np

    shared: Vocabulary = ([], [], [], [])
    indices: list[array] = []
    for _, group in itertools.groupby(counted, key=lambda document: id(document.vocabulary)):
        documents = list(group)
        offset = len(shared[0])
        types = [np.frombuffer(document.type_indices, np.uintc) for document in documents]
        kept, places = np.unique(np.concatenate(types), return_inverse=True)
        for column, values in zip(shared, documents[0].vocabulary, strict=True):
            column.extend(map(values.__getitem__, kept.tolist()))  # type: ignore[attr-defined]
        ends = np.cumsum([len(part) for part in types]).tolist()
        places = (places + offset).astype(np.uintc)
        indices += [array("I", places[start:end].tobytes())
                    for start, end in itertools.pairwise([0, *ends])]
    return [(shared, positions, document.type_counts)
            for positions, document in zip(indices, counted, strict=True)]


def with_vocabulary_delta(
    counted: list[WordCounts], state: WorkerState, run: str,
) -> list[tuple[Any, array, array]]:
    """In a worker of a local pool: the documents' word counts over this process' vocabulary
    (`state`'s), with only the types it gained since it last sent some in this `run` (the
    pool's token). The parent keeps a copy of each worker's vocabulary (VocabularyCopies), so
    a type crosses and is reduced once a run, not once a chunk. A vocabulary started afresh
    within the chunk sends the chunk's own (with_one_vocabulary)."""
    vocabulary = state.counting.vocabulary
    if any(document.vocabulary is not vocabulary.columns for document in counted):
        return with_one_vocabulary(counted)
    sent_run, sent_generation, sent = state.sent
    start = sent if (sent_run, sent_generation) == (run, vocabulary.generation) else 0
    end = len(vocabulary.numbers)
    delta = VocabularyDelta((os.getpid(), vocabulary.generation), start,
                            tuple(column[start:end] for column in vocabulary.columns))  # type: ignore[arg-type]
    state.sent = run, vocabulary.generation, end
    return [(delta, document.type_indices, document.type_counts) for document in counted]
