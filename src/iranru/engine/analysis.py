"""How a document is analysed, kept and sent back, as one object a report chooses (api.py).

An `Analysis` names the stage function that analyses a document (a token table, or word
counts only) and how its result is encoded for the cache, decoded, keyed and sent from a
worker when nothing is stored. A chunk of results comes back as one `Sent` object which
knows how to hand its results over, so the collecting side (waves.py) never asks what a
result is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from iranru.engine.cache import (
    decode_analysis,
    decode_counts,
    document_key,
    encode_analysis,
    encode_counts,
)
from iranru.engine.state import WorkerState, this_process, with_one_vocabulary, with_vocabulary_delta
from iranru.errors import IranruError
from iranru.model import Document, Skipped, Vocabulary, WordCounts
from iranru.settings import NormalizeOptions, TokenOptions

if TYPE_CHECKING:
    from iranru.model import AnalyzedDocument


class Receiver(Protocol):
    """The side that collects a chunk (waves.PendingAnalysis)."""

    analysis: Analysis
    storing: bool  # the results go into the cache: give each one's payload

    def vocabulary_of(self, sent: Any) -> Vocabulary: ...


Received = Iterator[tuple[Any, bytes | None]]  # (result or Skipped, payload to store or None)


class Sent(Protocol):
    """A chunk's results as they travel from where they were made."""

    def received(self, documents: Sequence[Document], receiver: Receiver) -> Received: ...


@dataclass(frozen=True, slots=True)
class Objects:
    """Results made in this process, as they are (each encoded only if it is stored)."""

    items: list[Any]

    def received(self, documents: Sequence[Document], receiver: Receiver) -> Received:
        encode = receiver.analysis.encode
        for item in self.items:
            stored = receiver.storing and not isinstance(item, Skipped)
            yield item, encode(item) if stored else None


@dataclass(frozen=True, slots=True)
class Payloads:
    """Results as their cache payloads: cheaper to send than Token objects, and stored as sent."""

    items: list[bytes | Skipped]

    def received(self, documents: Sequence[Document], receiver: Receiver) -> Received:
        decode = receiver.analysis.decode
        for document, item in zip(documents, self.items, strict=True):
            if isinstance(item, Skipped):
                yield item, None
            else:
                yield decode(document, item), item if receiver.storing else None


@dataclass(frozen=True, slots=True)
class SharedCounts:
    """Word counts over one vocabulary a chunk (or a worker's delta of it): see
    state.with_one_vocabulary and with_vocabulary_delta. Never stored (sent so only when the
    cache is off)."""

    items: list[tuple[Any, Any, Any] | Skipped]

    def received(self, documents: Sequence[Document], receiver: Receiver) -> Received:
        for document, item in zip(documents, self.items, strict=True):
            if isinstance(item, Skipped):
                yield item, None
            else:
                sent, types, counts = item
                yield WordCounts(document, receiver.vocabulary_of(sent), types, counts), None


def as_payloads(analysis: Analysis, analysed: list[Any], state: WorkerState, run: str | None) -> Sent:
    return Payloads([item if isinstance(item, Skipped) else analysis.encode(item) for item in analysed])


def as_shared_counts(analysis: Analysis, analysed: list[Any], state: WorkerState, run: str | None) -> Sent:
    """No compressing only to decompress: word counts over one vocabulary, in a local pool's
    `run` over the worker's own (sent as deltas)."""
    counted = [item for item in analysed if not isinstance(item, Skipped)]
    if not counted:
        return Payloads(analysed)
    sent = with_vocabulary_delta(counted, state, run) if run is not None else with_one_vocabulary(counted)
    done = iter(sent)
    return SharedCounts([item if isinstance(item, Skipped) else next(done) for item in analysed])


def token_table(document: Document, normalize_options: NormalizeOptions | None,
                token_options: TokenOptions | None, state: WorkerState) -> AnalyzedDocument:
    from iranru.tokens import analyze_document

    return analyze_document(document, normalize_options, token_options)


def word_counts(document: Document, normalize_options: NormalizeOptions | None,
                token_options: TokenOptions | None, state: WorkerState) -> WordCounts:
    from iranru.wordcounts import count_words

    return count_words(document, normalize_options, token_options, state.counting)


@dataclass(frozen=True, slots=True)
class Analysis:
    """What a report wants of each document: `make` makes it (in a worker, with that
    process' state), `encode`/`decode` turn it into a cache row and back, `name` keys the row,
    `send` packs a worker's results when nothing is stored."""

    name: str
    make: Callable[[Document, NormalizeOptions | None, TokenOptions | None, WorkerState], Any]
    encode: Callable[[Any], bytes]
    decode: Callable[[Document, bytes], Any]
    send: Callable[[Analysis, list[Any], WorkerState, str | None], Sent]

    def key(self, fingerprint: bytes, text: str) -> bytes:
        return document_key(fingerprint, text, self.name)

    def analyze(self, document: Document, normalize_options: NormalizeOptions | None,
                token_options: TokenOptions | None, state: WorkerState) -> Any:
        """The result, or a bug met in this one document as its Skipped.failed (the others go on)."""
        try:
            return self.make(document, normalize_options, token_options, state)
        except Exception as error:
            return Skipped.failed(document.path, "analysis", error)


# Every report: AnalyzedDocuments with their token tables.
TOKEN_TABLES = Analysis("table", token_table, encode_analysis, decode_analysis, as_payloads)
# `freq` over several documents: WordCounts only, several times faster (see wordcounts.py).
WORD_COUNTS = Analysis("counts", word_counts, encode_counts, decode_counts, as_shared_counts)


def analyze_chunk(
    documents: list[Document], analysis: Analysis, normalize_options: NormalizeOptions | None,
    token_options: TokenOptions | None, fingerprint: bytes | None, to_store: bool, run: str | None,
) -> Sent:
    """Runs in a worker: the chunk's results as payloads when they are to be stored, else as
    `analysis` sends them. With a fingerprint, refuse to run a different pipeline (another
    iranru on a Dask worker)."""
    from iranru.engine.cache import pipeline_fingerprint

    if fingerprint is not None and pipeline_fingerprint(normalize_options, token_options) != fingerprint:
        raise IranruError("a Dask worker runs another iranru (version, code, data or stopword "
                          "files differ): install the same iranru on every worker")
    state = this_process()
    analysed = analyze_each(documents, analysis, normalize_options, token_options, state)
    return (as_payloads if to_store else analysis.send)(analysis, analysed, state, run)


def analyze_here(
    documents: list[Document], analysis: Analysis, normalize_options: NormalizeOptions | None,
    token_options: TokenOptions | None, fingerprint: bytes | None, to_store: bool, run: str | None,
) -> Sent:
    """analyze_chunk's work in this process: the results as they are."""
    return Objects(analyze_each(documents, analysis, normalize_options, token_options, this_process()))


def analyze_each(documents: list[Document], analysis: Analysis, normalize_options: NormalizeOptions | None,
                 token_options: TokenOptions | None, state: WorkerState) -> list[Any]:
    """Each document's result, the process' caches kept within bounds as they go (see
    WorkerState.bound_caches)."""
    analysed = []
    for document in documents:
        analysed.append(analysis.analyze(document, normalize_options, token_options, state))
        state.bound_caches(len(document.text))
    return analysed
