"""Turn the paths a user typed into the list of files to read, with their metadata."""

from __future__ import annotations

import csv
import glob
import io
import math
import operator
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from iranru.errors import InputError, UsageError

DEFAULT_CORPUS = Path("corpus")  # read when no path is given
TEXT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".odt", ".pdf"})
METADATA_FILE = "metadata.csv"
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read (or standard input) and the name reports will give it."""

    path: str
    name: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Discovery:
    sources: list[Source] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[str] = field(default_factory=list)  # about metadata.csv; the run goes on
    # the status of a source's file, by its path, when the walk took one (see walk_directory)
    statuses: dict[str, os.stat_result] = field(default_factory=dict)


METADATA_DELIMITERS = (",", ";", "\t")  # Excel writes ";" where the decimal separator is ","
FILE_COLUMN = "file"


@dataclass(slots=True)
class Metadata:
    """One metadata.csv: labels by the `file` each row names, and which rows named a file."""

    path: str
    folder: str
    columns: tuple[str, ...]
    rows: dict[str, dict[str, str]]
    used: set[str] = field(default_factory=set)
    walked: bool = False  # below a folder argument, so each of its rows should name a file

    def labels(self, *names: str) -> dict[str, str] | None:
        """The row of the first of `names` it has (the path from this folder, the doc name,
        the path as given, the file name)."""
        for name in names:
            row = self.rows.get(name)
            if row is not None:
                self.used.add(name)
                return row
        return None


def file_key(value: str) -> str:
    """A `file` cell as a path with "/" between folders, as the `doc` column shows it."""
    key = value.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def decode_metadata(data: bytes, source: str) -> str:
    """UTF-8 as a rule; otherwise what Excel saves (UTF-16 "Unicode text", cp1256…), detected
    as documents are."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from iranru.ingest.decode import decode_bytes

        return decode_bytes(data, source).text


def sniff_delimiter(header: str) -> str:
    """The delimiter that gives the header line a `file` column, else the one cutting it into
    the most columns (a comma when none does)."""
    def cells(delimiter: str) -> list[str]:
        return [cell.strip().lower() for cell in next(csv.reader([header], delimiter=delimiter), [])]

    return max(METADATA_DELIMITERS,
               key=lambda delimiter: (FILE_COLUMN in cells(delimiter), len(cells(delimiter))))


def read_metadata(directory: Path) -> Metadata | None:
    """metadata.csv beside the documents gives labels (title, language, year) by file; None
    when there is none. Raises InputError when it cannot be used."""
    path = directory / METADATA_FILE
    if not path.is_file():
        return None
    text = decode_metadata(path.read_bytes(), str(path))
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter=sniff_delimiter(text.split("\n", 1)[0]))
    header = [name.strip() for name in next(reader, [])]
    lowered = [name.lower() for name in header]
    if FILE_COLUMN not in lowered:
        named = ", ".join(dict.fromkeys(name for name in header if name)) or "none"
        raise InputError(str(path), f"no 'file' column (its columns: {named})")
    file_index = lowered.index(FILE_COLUMN)
    labelled = [(index, name) for index, name in enumerate(header) if name and index != file_index]
    rows: dict[str, dict[str, str]] = {}
    for cells in reader:
        key = file_key(cells[file_index]) if file_index < len(cells) else ""
        if key:
            rows[key] = {name: cells[index].strip() if index < len(cells) else ""
                         for index, name in labelled}
    columns = tuple(dict.fromkeys(name for _, name in labelled))
    return Metadata(str(path), str(directory), columns, rows)


class WalkedFile(NamedTuple):  # a tuple: built for every file of a walk, at a tenth of a dataclass's cost
    path: str  # as str(Path(...)) writes it
    filename: str
    folder: Path
    real: str  # its real path: the folder's, plus its name unless it is a symlink
    status: os.stat_result | None  # its target's status when the walk took it (a symlink's)


def walk_directory(root: Path) -> list[WalkedFile]:
    """Text files below `root`, sorted, as `os.walk(root, followlinks=True)` finds them, never
    entering a symlinked directory twice. One scandir, one Path and one realpath per folder: a
    plain file costs no system call here, a symlinked one two or three (see `LinkResolver`)."""
    found: list[WalkedFile] = []
    seen: set[tuple[int, int]] = set()
    links = LinkResolver()
    pending = [os.fspath(root)]
    while pending:  # depth first, each folder before what is below it, as os.walk goes
        current = pending.pop()
        try:
            stat = os.stat(current)
            with os.scandir(current) as scanned:
                entries = list(scanned)
        except OSError:  # as os.walk: a folder that cannot be listed is left out
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            continue
        seen.add(key)
        folder = Path(current)
        written, real_folder = str(folder), os.path.realpath(current)
        # os.path.join costs more than the rest of a file's work: the folders' prefixes once
        prefix = "" if written == "." else os.path.join(written, "")
        real_prefix = os.path.join(real_folder, "")
        subfolders: list[str] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                is_folder = entry.is_dir()  # a symlink's target: one stat, kept; otherwise none
            except OSError:
                is_folder = False
            if is_folder:
                subfolders.append(entry.name)
            elif os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES and entry.name != METADATA_FILE:
                files.append(entry)
        files.sort(key=lambda entry: entry.name)
        for entry in files:
            filename = entry.name
            candidate = prefix + filename
            if entry.is_symlink():
                try:
                    status: os.stat_result | None = entry.stat()  # taken by is_dir() above
                except OSError:  # a broken link: the run will say so
                    status = None
                found.append(WalkedFile(candidate, filename, folder, links.resolve(candidate, real_prefix),
                                        status))
            else:
                found.append(WalkedFile(candidate, filename, folder, real_prefix + filename, None))
        pending += [os.path.join(current, name) for name in sorted(subfolders, reverse=True)]
    return found


class LinkResolver:
    """os.path.realpath of symlinked files, each target folder resolved once: realpath itself
    costs an lstat per component of the path, per file, and a folder of links into a corpus
    elsewhere is the common case (the bench's is one)."""

    SCAN_AFTER = 16  # links into one folder checked one by one; then the folder is listed once

    def __init__(self) -> None:
        self.real_folders: dict[str, str] = {}  # a target folder -> its real path and a separator
        self.looked: dict[str, int] = {}
        self.links_in: dict[str, frozenset[str] | None] = {}  # a folder's symlinks' names

    def resolve(self, link: str, real_prefix: str) -> str:
        """The real path of `link`, a symlink in the folder whose real path is `real_prefix`
        (with its separator); a link to a link, or to . or .., is left to realpath itself."""
        try:
            target = os.readlink(link)
        except OSError:
            return os.path.realpath(link)
        if not os.path.isabs(target):
            target = real_prefix + target
        head, tail = os.path.split(target)
        if tail in ("", os.curdir, os.pardir) or self.is_link(head, tail, target):
            return os.path.realpath(link)
        real = self.real_folders.get(head)
        if real is None:
            real = self.real_folders[head] = os.path.join(os.path.realpath(head), "")
        return real + tail

    def is_link(self, folder: str, name: str, path: str) -> bool:
        if folder not in self.links_in:
            self.looked[folder] = looked = self.looked.get(folder, 0) + 1
            if looked <= self.SCAN_AFTER:
                return os.path.islink(path)
            try:
                with os.scandir(folder) as entries:
                    self.links_in[folder] = frozenset(entry.name for entry in entries if entry.is_symlink())
            except OSError:
                self.links_in[folder] = None
        names = self.links_in[folder]
        return os.path.islink(path) if names is None else name in names


def resolve_paths(paths: Sequence[str | Path] | None) -> list[str]:
    """No paths means ./corpus; say how to pass paths when there is none."""
    if paths:
        return [str(path) for path in paths]
    if DEFAULT_CORPUS.is_dir():
        return [str(DEFAULT_CORPUS)]
    raise UsageError(
        "no input: there is no ./corpus folder here; pass files, folders, globs or - "
        "(e.g. iranru stats texts/ notes.txt)"
    )


# --where: COLUMN OPERATOR VALUE; the two-character operators first
CONDITION = re.compile(r"\s*([^=!<>]*?)\s*(==|!=|<=|>=|=|<|>)\s*(.*?)\s*", re.DOTALL)
COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq, "==": operator.eq, "!=": operator.ne,
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


def as_number(text: str) -> float | None:
    """The number a cell or value writes (Persian and Arabic-Indic digits too), else None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


@dataclass(frozen=True, slots=True)
class Condition:
    """One --where: numbers compare as numbers when both sides are numbers, else as text. An
    order (< <= > >=) against a number never holds for a cell that is not one: a document
    with no year is neither before nor after 1990."""

    column: str
    operator: str
    value: str

    def holds(self, cell: str) -> bool:
        left, right = as_number(cell), as_number(self.value)
        if left is not None and right is not None:
            return COMPARISONS[self.operator](left, right)
        if right is not None and self.operator not in ("=", "==", "!="):
            return False
        return COMPARISONS[self.operator](cell, self.value)


def parse_condition(text: str) -> Condition:
    """`year>=1990`, `kind != news`, `title="Iran, Russia"` (quotes around the value optional)."""
    match = CONDITION.fullmatch(text)
    if match is None or not match[1] or match[3][:1] in ("=", "<", ">", "!"):  # y=<3: a typo
        raise UsageError(f"cannot read --where '{text}': write COLUMN OPERATOR VALUE, e.g. "
                         "year>=1990 or kind!=news (operators: = != < <= > >=)")
    value = match[3]
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return Condition(match[1], match[2], value)


def select_documents(result: Discovery, conditions: list[Condition], columns: Sequence[str],
                     where: Sequence[str]) -> None:
    """Keep the sources every condition holds for, before anything is read; `columns` are
    those of the metadata.csv files that label them."""
    known = list(dict.fromkeys(["doc", *columns]))
    for condition in conditions:
        if condition.column not in known:
            hint = (f"use one of {', '.join(known)}" if columns else
                    "use doc, or give the documents a metadata.csv with this column")
            if condition.column == "language":  # the detected one is known only once analysed
                hint += "; for the language iranru detects, use --lang or --group-by language"
            raise UsageError(f"cannot filter by '{condition.column}': {hint}")
    found = len(result.sources)
    result.sources = [
        source for source in result.sources
        if all(condition.holds(source.name if condition.column == "doc"
                               else source.meta.get(condition.column, ""))
               for condition in conditions)
    ]
    if found and not result.sources:
        shown = " ".join(f"--where '{text}'" for text in where)
        raise UsageError(f"no document meets {shown} (of {found} found)")


def discover(paths: list[str], where: Sequence[str] = ()) -> Discovery:
    """Files, directories (recursive), glob patterns and "-" in the order given; with `where`
    (--where conditions, all of which must hold), only the documents whose metadata meets it."""
    conditions = [parse_condition(text) for text in where]
    result = Discovery()
    seen: set[str] = set()
    metadata_by_folder: dict[str, Metadata | None] = {}
    nearest_by_folder: dict[tuple[str, str], Metadata | None] = {}  # by (folder, root)

    def metadata_of(directory: Path) -> Metadata | None:
        """Each folder's metadata.csv is read once, however many files it describes; one that
        cannot be read is reported, and its folder's documents go on without labels."""
        key = str(directory)
        if key not in metadata_by_folder:
            try:
                metadata_by_folder[key] = read_metadata(directory)
            except (OSError, csv.Error) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                result.problems.append((str(directory / METADATA_FILE), f"unreadable metadata ({reason})"))
                metadata_by_folder[key] = None
            except InputError as error:
                result.problems.append((error.source, f"unreadable metadata ({error.reason})"))
                metadata_by_folder[key] = None
        return metadata_by_folder[key]

    def nearest_metadata(folder: Path, root: Path) -> Metadata | None:
        """The metadata.csv of the file's folder, else of the nearest folder above it, up to
        the folder the user named."""
        key = (str(folder), str(root))
        if key not in nearest_by_folder:
            found = metadata_of(folder)
            if found is None and folder != root and folder.parent != folder:
                found = nearest_metadata(folder.parent, root)
            if found is not None:
                found.walked = True
            nearest_by_folder[key] = found
        return nearest_by_folder[key]

    def add(path: str, filename: str, name: str, metadata: Metadata | None,
            real: str | None = None, status: os.stat_result | None = None) -> None:
        labels = None
        if metadata is not None:
            from_folder = os.path.relpath(path, metadata.folder).replace(os.sep, "/")
            labels = metadata.labels(from_folder, name, file_key(path), filename)
        resolved = real or os.path.realpath(path)  # as Path.resolve(), without building Paths
        if resolved in seen:
            return
        seen.add(resolved)
        if metadata is not None and labels is None:
            result.warnings.append(f"{path}: no row in {metadata.path}")
        result.sources.append(Source(path, name, labels or {}))
        if status is not None:
            result.statuses[path] = status

    for raw in paths:
        if raw == STDIN:
            result.sources.append(Source(STDIN, "<stdin>"))
            continue
        path = Path(raw)
        if path.is_dir():
            root_metadata = metadata_of(path)
            if root_metadata is not None:
                root_metadata.walked = True
            files = walk_directory(path)
            if not files:
                result.problems.append(
                    (raw, "no .txt, .md, .html, .docx, .odt or .pdf files in this directory"))
            prefix = f"{path}{os.sep}"
            for file in files:  # below `path`: its name there is what follows the prefix
                name = (file.path[len(prefix):] if file.path.startswith(prefix)
                        else str(Path(file.path).relative_to(path)))
                add(file.path, file.filename, name.replace(os.sep, "/"),
                    nearest_metadata(file.folder, path), file.real, file.status)
        elif path.exists() or path.is_symlink():
            add(str(path), path.name, path.name, metadata_of(path.parent))
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            files = [Path(match) for match in matches if Path(match).is_file()]
            if not files:
                result.problems.append((raw, "no file matches this pattern"))
            for file in files:
                add(str(file), file.name, file.name, metadata_of(file.parent))
        else:
            result.problems.append((raw, "no such file or directory"))
    for metadata in metadata_by_folder.values():
        if metadata is not None and metadata.walked:
            result.warnings += [f"{metadata.path}: no file matches the row for '{key}'"
                                for key in metadata.rows if key not in metadata.used]
    if conditions:
        columns = [column for metadata in metadata_by_folder.values() if metadata is not None
                   for column in metadata.columns]
        select_documents(result, conditions, columns, where)
    return result
