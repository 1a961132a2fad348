"""Tables built from the installed libraries and iranru's own code and data, kept in one file
in the cache folder so that a process reads them instead of building them.

hazm's word list and the ZWNJ lexicon take about 0.7 s to build from their text files in every
process that uses them, and under a second to read back. The file holds nothing of the user's
documents, so `--no-cache` (which concerns the analysed documents and recorded reports) does
not turn it off. It is keyed by the Python, hazm, NLTK, simplemma and LemmInflect versions and
a hash of every iranru source and data file: a changed rule or release builds the tables
afresh, never loads a stale one. A file that is missing, unreadable, damaged or written under
another key is built again in memory and written again (a temporary file, then renamed); a
folder that cannot be written is left alone, silently. Values are marshal-ed (no pickle, so the
file cannot run code) behind a sha256 of their bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import platform
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

CACHE_ENV = "IRANRU_CACHE_DIR"
FILE_NAME = "tables.marshal"
MAGIC = b"iranru prebuilt tables 1\n"
DIGEST_SIZE = hashlib.sha256().digest_size
PACKAGE = Path(__file__).resolve().parent  # iranru/, whose every source and data file is hashed
LIBRARIES = ("hazm", "nltk", "simplemma", "lemminflect")  # what the tables and any analysis come from


def cache_folder(chosen: Path | None = None) -> Path:
    """`chosen` (--cache-dir), else $IRANRU_CACHE_DIR, else the platform's user cache folder."""
    if chosen is not None:
        return Path(chosen)
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("iranru", appauthor=False))


def library_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def digest_files(digest: Any, paths: Iterable[Path], root: Path | None = None) -> None:
    """Each file's name (below `root`) and content into `digest` (a hashlib object)."""
    for path in paths:
        digest.update(str(path.relative_to(root) if root else path).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as error:  # the key must still differ (and the run goes on)
            digest.update(f"unreadable: {error}".encode())


def tables_key(package: Path = PACKAGE) -> bytes:
    """sha256 of what the tables are built from: the Python (and marshal format) and library
    versions, and every source and data file of iranru (not a list of the modules that build
    tables today, which would go stale when a rule moved)."""
    digest = hashlib.sha256()
    versions = [f"python {platform.python_version()}", f"marshal {marshal.version}"]
    versions += [f"{name} {library_version(name)}" for name in LIBRARIES]
    digest.update("\n".join(versions).encode() + b"\0")
    files = sorted(path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    digest_files(digest, files, package)
    return digest.digest()


def read_tables(path: Path, key: bytes) -> dict[str, Any]:
    """The tables stored at `path` under `key`; none when the file is missing, unreadable,
    damaged or written under another key."""
    try:
        data = memoryview(path.read_bytes())
    except OSError:
        return {}
    header = MAGIC + key
    start = len(header) + DIGEST_SIZE
    body = data[start:]
    if data[:len(header)] != header or data[len(header):start] != hashlib.sha256(body).digest():
        return {}
    try:
        tables = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    return tables if isinstance(tables, dict) else {}


def write_tables(path: Path, key: bytes, tables: dict[str, Any]) -> None:
    """Store `tables` at `path` under `key`, atomically; nothing if the folder cannot be written
    (found before the tables are encoded)."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{FILE_NAME}.", delete=False) as file:
            temporary = file.name
            body = marshal.dumps(tables)
            file.write(MAGIC + key + hashlib.sha256(body).digest() + body)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


class Tables:
    """The tables of one process: read from `folder` when made, plus those built since."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.key = tables_key()
        self.tables = read_tables(self.path, self.key)

    def get[T](self, name: str, build: Callable[[], T]) -> T:
        """Table `name` as read, else built by `build` (a pure function of the key's inputs,
        returning values marshal keeps) and the file written again with it."""
        if name not in self.tables:
            self.tables[name] = build()
            write_tables(self.path, self.key, self.tables)
        return self.tables[name]  # type: ignore[no-any-return]


class ProcessTables:
    """Where this process' tables come from: opened on the first table asked for, in the folder
    a run chose (`choose_folder`) or else the default cache folder. A forked worker starts with
    its parent's, opened and filled."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.opened: Tables | None = None

    def choose_folder(self, folder: Path | None) -> None:
        if self.opened is None:
            self.folder = folder

    def get[T](self, name: str, build: Callable[[], T]) -> T:
        if self.opened is None:
            self.opened = Tables(cache_folder(self.folder))
        return self.opened.get(name, build)


THIS_PROCESS = ProcessTables()


def prebuilt[T](name: str, build: Callable[[], T]) -> T:
    """Table `name` of this process: read from the prebuilt file, else built by `build` and
    stored. The caller keeps it (functools.cache): this is asked once a process."""
    return THIS_PROCESS.get(name, build)


def choose_folder(folder: Path | None) -> None:
    """The tables of this process are read from `folder` (--cache-dir; None: the default),
    unless they have been opened already (they are the same tables wherever they are kept)."""
    THIS_PROCESS.choose_folder(folder)
