"""Read every input into a Document, keeping unreadable ones as Skipped data."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from pathlib import Path

from iranru.errors import InputError
from iranru.ingest.decode import Decoded, decode_bytes
from iranru.ingest.discover import STDIN, Source, discover
from iranru.ingest.documents import document_kind, extract_text
from iranru.ingest.html import strip_html
from iranru.model import Document, Skipped
from iranru.settings import ReadOptions

HTML_SUFFIXES = frozenset({".html", ".htm"})


def read_bytes(source: Source, options: ReadOptions) -> bytes:
    if source.path == STDIN:
        return sys.stdin.buffer.read()
    path = Path(source.path)
    try:
        size = path.stat().st_size
        if size > options.max_file_size:
            limit = options.max_file_size / 1_000_000
            raise InputError(
                source.path, f"larger than --max-file-size ({limit:g} MB); raise the limit to read it"
            )
        with path.open("rb") as handle:  # read-only: inputs are never modified
            return handle.read()
    except FileNotFoundError:
        raise InputError(source.path, "disappeared before it could be read") from None
    except IsADirectoryError:
        raise InputError(source.path, "is a directory") from None
    except PermissionError:
        raise InputError(source.path, "permission denied") from None
    except OSError as error:
        raise InputError(source.path, f"cannot read: {error.strerror or error}") from None


def read_document(source: Source, options: ReadOptions) -> Document:
    """One source to a Document; raises InputError for anything a user must fix."""
    label = source.name if source.path == STDIN else source.path
    data = read_bytes(source, options)
    kind = document_kind(data)
    if kind is not None:  # Word, OpenDocument or PDF: its text, which offsets then refer to
        decoded = Decoded(extract_text(data, kind, label), kind)
    else:
        decoded = decode_bytes(data, label, options.encoding)
    text = decoded.text
    if kind is None and Path(source.path).suffix.lower() in HTML_SUFFIXES:
        text = strip_html(text)
    if not text:
        raise InputError(label, "empty file")
    if not text.strip():
        raise InputError(label, "contains only white space")
    return Document(
        name=source.name,
        path=source.path,
        text=text,
        encoding=decoded.encoding,
        meta=source.meta,
        warnings=decoded.warnings,
        size=len(data),
    )


def read_documents(
    paths: list[str], options: ReadOptions | None = None
) -> tuple[list[Document], list[Skipped]]:
    """All readable documents, in input order, and the inputs that were skipped and why."""
    reader = WaveReader(paths, options, wave_chars=sys.maxsize)
    return [document for wave in reader for document in wave], reader.skipped


class WaveReader:
    """Readable documents in input order, a wave of about `wave_chars` characters at a time,
    so that a corpus never has to fit in memory. Inputs found unreadable so far are in
    `skipped`; `total_bytes` and `total_files` (from the file system) are known before reading."""

    def __init__(self, paths: list[str], options: ReadOptions | None, wave_chars: int) -> None:
        self.options = options or ReadOptions()
        self.wave_chars = wave_chars
        discovery = discover(paths, self.options.where)
        self.sources = discovery.sources
        self.skipped = [Skipped(path, reason) for path, reason in discovery.problems]
        self.warnings = discovery.warnings  # about metadata.csv
        self.total_files = len(self.sources)

    @functools.cached_property
    def total_bytes(self) -> int:
        """What the files weigh on disk, for a progress bar (one stat call per file)."""
        return sum(file_size(source) for source in self.sources)

    def __iter__(self) -> Iterator[list[Document]]:
        wave: list[Document] = []
        filled = 0
        for source in self.sources:
            try:
                document = read_document(source, self.options)
            except InputError as error:
                self.skipped.append(Skipped(error.source, error.reason))
                continue
            except Exception as error:  # a bug met in this one input: the others go on
                self.skipped.append(Skipped.failed(source.path, "reading", error))
                continue
            wave.append(document)
            filled += len(document.text)
            if filled >= self.wave_chars:
                yield wave
                wave, filled = [], 0
        if wave:
            yield wave


def file_size(source: Source) -> int:
    try:
        return 0 if source.path == STDIN else Path(source.path).stat().st_size
    except OSError:
        return 0
