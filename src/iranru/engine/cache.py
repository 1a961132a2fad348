"""A persistent cache of analysed documents: one SQLite file (WAL), one row per pipeline and text.

A row's key is sha256 of the pipeline fingerprint and the decoded text. The fingerprint covers all
the analysis reads: iranru's version, the normalisation and token options, the stopword lists
(built-in and `--stopwords`, by content), the files under `data/`, the source of every iranru
module and the versions of hazm, NLTK, simplemma and LemmInflect. So a changed file, option, word list, code
or release is a cache miss, never a stale result. Values are marshal-ed columns, zlib-compressed
(zlib's checksum catches damaged rows); no pickle, so a cache file cannot run code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import sqlite3
import sys
import unicodedata
import zlib
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from iranru.prebuilt import FILE_NAME as TABLES_FILE
from iranru.prebuilt import LIBRARIES, cache_folder, digest_files, library_version
from iranru.settings import NormalizeOptions, RunOptions, TokenOptions

if TYPE_CHECKING:  # the model is imported when a payload is decoded: replay needs none
    from iranru.model import AnalyzedDocument, Document, WordCounts

SCHEMA = 2  # PRAGMA user_version; another number drops the tables
DB_NAME = "documents.sqlite3"
BUSY_SECONDS = 5.0  # wait this long for another iranru writing the cache, then go without
PAYLOAD_FORMAT = 2
QUERY_BATCH = 500  # keys per SELECT … IN (…): below SQLite's variable limit
PACKAGE = Path(__file__).resolve().parent.parent  # iranru/, whose every source file is fingerprinted
STORED_FIELDS = ("start", "end", "norm", "lemma", "lang", "sentence", "is_word", "stopword")


class CacheWarning(str):
    """A warning about the analysis cache itself, not about the report: a run that gives one
    is not recorded for replay (its replay would repeat a warning about a cache since mended)."""


class CacheBusy(Exception):
    """Another process holds the cache longer than BUSY_SECONDS."""


def cache_dir(options: RunOptions | None = None) -> Path:
    """--cache-dir, else $IRANRU_CACHE_DIR, else the platform's user cache folder."""
    return cache_folder(options.cache_dir if options is not None else None)


def cache_files(directory: Path) -> list[Path]:
    path = directory / DB_NAME
    return [path, path.with_name(DB_NAME + "-wal"), path.with_name(DB_NAME + "-shm")]


def pipeline_fingerprint(
    normalize_options: NormalizeOptions | None, token_options: TokenOptions | None
) -> bytes:
    """sha256 of everything that decides an analysis besides the text itself."""
    import iranru
    from iranru import resources

    digest = hashlib.sha256()
    parts = [f"iranru {iranru.__version__}", f"payload {PAYLOAD_FORMAT}", f"python {sys.version_info[:2]}",
             f"unicode {unicodedata.unidata_version}"]
    parts += [f"{name} {library_version(name)}" for name in LIBRARIES]
    for options in (normalize_options or NormalizeOptions(), token_options or TokenOptions()):
        for item in dataclasses.fields(options):
            value = getattr(options, item.name)
            if item.name != "extra_stopwords":
                parts.append(f"{type(options).__name__}.{item.name}={value!r}")
    digest.update("\n".join(parts).encode())
    digest_files(digest, [Path(path) for path in (token_options or TokenOptions()).extra_stopwords])
    stopwords = resources.stopword_dir()
    digest_files(digest, sorted(stopwords.glob("*.txt")), stopwords)
    data = PACKAGE / "data"
    digest_files(digest, sorted(path for path in data.rglob("*") if path.is_file()), PACKAGE)
    digest_files(digest, package_sources(), PACKAGE)
    return digest.digest()


def package_sources() -> list[Path]:
    """Every Python file of iranru: analysis code moved into any module, new or old, changes
    the key (a hand-kept list of modules would answer from a stale cache). Rendering and the
    command line change the key too, which costs a re-analysis only after an upgrade."""
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def document_key(fingerprint: bytes, text: str, analysis: str) -> bytes:
    """The row key: the analysis depends on the text alone (names and metadata are re-attached);
    `analysis` names what is stored: a token table, or word counts (see engine/analysis.py)."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.sha256(fingerprint + analysis.encode() + b"\0" + data).digest()


COLUMNS = ("start", "end", "norm", "lemma", "lang", "sentence")


def encode_analysis(analysed: AnalyzedDocument) -> bytes:
    """The token table as it is: a vocabulary and 4-byte integer columns."""
    table = analysed.table
    columns = (*(getattr(table, name).tobytes() for name in COLUMNS), table.is_word, table.stopword)
    value = (PAYLOAD_FORMAT, analysed.language, analysed.sentence_count, list(table.vocabulary), columns)
    return zlib.compress(marshal.dumps(value), 1)


def unpack_numbers(data: bytes) -> array:
    numbers = array("I")
    numbers.frombytes(data)
    return numbers


def decode_analysis(document: Document, payload: bytes) -> AnalyzedDocument:
    """The cached analysis with this document attached; ValueError if the row is damaged."""
    from iranru.model import AnalyzedDocument, TokenTable

    try:
        value = marshal.loads(zlib.decompress(payload))
        version, language, sentence_count, vocabulary, columns = value
        if version != PAYLOAD_FORMAT:
            raise ValueError(f"payload format {version}")
        *numbers, words, stops = columns
        arrays = [unpack_numbers(column) for column in numbers]
        if len(arrays) != len(COLUMNS) or len({len(column) for column in (*arrays, words, stops)}) != 1:
            raise ValueError("columns of unequal length")
        ids = max((max(column, default=0) for column in arrays[2:5]), default=0)
        if arrays[2] and ids >= len(vocabulary):
            raise ValueError("a token names no vocabulary entry")
        if arrays[1] and max(arrays[1]) > len(document.text):
            raise ValueError("a token ends beyond the text")
        # interned: the same word in a thousand documents is one string in memory, not a thousand
        table = TokenTable(tuple(map(sys.intern, vocabulary)), *arrays, bytes(words), bytes(stops))
    except (zlib.error, EOFError, TypeError, KeyError, IndexError, ValueError) as error:
        raise ValueError(f"damaged cache entry: {error}") from None
    return AnalyzedDocument(document, language, table, sentence_count)


def encode_counts(counted: WordCounts) -> bytes:
    """Word counts as they are: parallel lists of norms, lemmas, languages, stopword flags and
    counts."""
    value = (PAYLOAD_FORMAT, "counts", list(counted.columns))
    return zlib.compress(marshal.dumps(value), 1)


def decode_counts(document: Document, payload: bytes) -> WordCounts:
    """The cached word counts with this document attached; ValueError if the row is damaged."""
    from iranru.model import WordCounts

    try:
        version, kind, columns = marshal.loads(zlib.decompress(payload))
        if version != PAYLOAD_FORMAT or kind != "counts":
            raise ValueError(f"payload format {version} {kind}")
        norms, lemmas, langs, stops, counts = columns
        if not len(norms) == len(lemmas) == len(langs) == len(stops) == len(counts):
            raise ValueError("columns of unequal length")
        return WordCounts.of_columns(document, (norms, lemmas, langs, stops, counts))
    except (zlib.error, EOFError, TypeError, KeyError, IndexError, ValueError) as error:
        raise ValueError(f"damaged cache entry: {error}") from None


def is_busy(error: sqlite3.Error) -> bool:
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


class DocumentCache:
    """The SQLite file; every method may raise sqlite3.Error (see `open_cache`)."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = directory / DB_NAME
        self.connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            (schema,) = self.connection.execute("PRAGMA user_version").fetchone()
            if schema != SCHEMA:
                self.connection.execute("DROP TABLE IF EXISTS documents")
                self.connection.execute("DROP TABLE IF EXISTS reports")
                self.connection.execute(f"PRAGMA user_version={SCHEMA}")
            for table in ("documents", "reports"):  # reports: see engine/replay.py
                self.connection.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} (key BLOB PRIMARY KEY, value BLOB NOT NULL)"
                    " WITHOUT ROWID"
                )
        except BaseException:
            self.connection.close()
            raise

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), QUERY_BATCH):
            batch = unique[start : start + QUERY_BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT key, value FROM documents WHERE key IN ({marks})"
            found.update(self.connection.execute(query, batch).fetchall())
        return found

    def put_many(self, items: Iterable[tuple[bytes, bytes]]) -> None:
        with self.connection:
            self.connection.execute("BEGIN")
            self.connection.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?)", items)

    def put_report(self, key: bytes, value: bytes) -> None:
        with self.connection:
            self.connection.execute("BEGIN")
            self.connection.execute("INSERT OR REPLACE INTO reports VALUES (?, ?)", (key, value))

    def count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM documents").fetchone()[0])

    def close(self) -> None:
        self.connection.close()


def remove_cache_files(directory: Path, also: Sequence[Path] = ()) -> int:
    """Delete the database and its WAL files, and the files `also`; the bytes freed."""
    freed = 0
    for path in [*cache_files(directory), *also]:
        try:
            freed += path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            pass
    return freed


def open_cache(directory: Path) -> tuple[DocumentCache | None, list[str]]:
    """The cache, or None and a warning: a damaged file is rebuilt, a busy one bypassed."""
    path = directory / DB_NAME
    try:
        return DocumentCache(directory), []
    except sqlite3.Error as error:
        if is_busy(error):
            return None, [CacheWarning(f"cache {path} is busy ({error}); running without it")]
        return rebuild_cache(directory, error)
    except OSError as error:
        return None, [CacheWarning(f"cannot use the cache folder {directory} ({error.strerror or error}); "
                                   "running without it (--cache-dir DIR chooses another)")]


def rebuild_cache(directory: Path, error: Exception) -> tuple[DocumentCache | None, list[str]]:
    path = directory / DB_NAME
    try:
        remove_cache_files(directory)
        return DocumentCache(directory), [CacheWarning(f"cache {path} was unreadable ({error}); rebuilt it")]
    except (sqlite3.Error, OSError) as again:
        return None, [CacheWarning(f"cache {path} is unreadable ({again}); running without it")]


def cache_info(directory: Path) -> tuple[dict[str, object], list[str]]:
    """Where the cache is, how many documents it holds and its size on disk."""
    path = directory / DB_NAME
    size = sum(file.stat().st_size for file in cache_files(directory) if file.exists())
    entries: int | None = 0
    warnings: list[str] = []
    if path.exists():
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
            try:
                entries = int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
            finally:
                connection.close()
        except sqlite3.Error as error:
            entries = None
            warnings.append(CacheWarning(f"cache {path} is unreadable ({error}); `iranru cache clear` "
                                         "removes it"))
    return {"location": str(path), "entries": entries, "size_bytes": size}, warnings


def clear_cache(directory: Path) -> tuple[dict[str, object], list[str]]:
    """Delete the cache files (a DELETE would not shrink the file) and the prebuilt tables;
    what was removed."""
    info, warnings = cache_info(directory)
    freed = remove_cache_files(directory, also=[directory / TABLES_FILE])
    return {"location": info["location"], "removed_entries": info["entries"], "freed_bytes": freed}, warnings
