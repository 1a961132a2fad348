"""Turn the paths a user typed into the list of files to read, with their metadata."""

from __future__ import annotations

import csv
import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iranru.errors import UsageError

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


def read_metadata(directory: Path) -> dict[str, dict[str, str]]:
    """metadata.csv beside the documents gives labels (title, language, year) by file name."""
    path = directory / METADATA_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["file"]: {key: (value or "") for key, value in row.items() if key and key != "file"}
        for row in rows
        if row.get("file")
    }


@dataclass(frozen=True, slots=True)
class WalkedFile:
    path: str  # as str(Path(...)) writes it
    filename: str
    folder: Path
    real: str  # its real path: the folder's, plus its name unless it is a symlink


def walk_directory(root: Path) -> list[WalkedFile]:
    """Text files below `root`, sorted, never entering a symlinked directory twice; one Path
    and one realpath per folder, not per file."""
    found: list[WalkedFile] = []
    seen: set[tuple[int, int]] = set()
    for current, dirnames, filenames in os.walk(root, followlinks=True):
        stat = os.stat(current)
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames.sort()
        folder = Path(current)
        written, real_folder = str(folder), os.path.realpath(current)
        links = {entry.name for entry in os.scandir(current) if entry.is_symlink()}  # no stat a file
        for filename in sorted(filenames):
            if os.path.splitext(filename)[1].lower() in TEXT_SUFFIXES and filename != METADATA_FILE:
                candidate = filename if written == "." else os.path.join(written, filename)
                real = (os.path.realpath(candidate) if filename in links
                        else os.path.join(real_folder, filename))
                found.append(WalkedFile(candidate, filename, folder, real))
    return found


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


def discover(paths: list[str]) -> Discovery:
    """Files, directories (recursive), glob patterns and "-" in the order given."""
    result = Discovery()
    seen: set[str] = set()
    metadata_by_folder: dict[str, dict[str, dict[str, str]]] = {}

    def metadata_of(directory: Path) -> dict[str, dict[str, str]]:
        """Each folder's metadata.csv is read once, however many files it describes; one that
        cannot be read is reported, and its folder's documents go on without labels."""
        key = str(directory)
        if key not in metadata_by_folder:
            try:
                metadata_by_folder[key] = read_metadata(directory)
            except (OSError, UnicodeDecodeError, csv.Error) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                result.problems.append((str(directory / METADATA_FILE), f"unreadable metadata ({reason})"))
                metadata_by_folder[key] = {}
        return metadata_by_folder[key]

    def add(path: str, filename: str, name: str, metadata: dict[str, dict[str, str]],
            real: str | None = None) -> None:
        resolved = real or os.path.realpath(path)  # as Path.resolve(), without building Paths
        if resolved in seen:
            return
        seen.add(resolved)
        result.sources.append(Source(path, name, metadata.get(filename, {})))

    for raw in paths:
        if raw == STDIN:
            result.sources.append(Source(STDIN, "<stdin>"))
            continue
        path = Path(raw)
        if path.is_dir():
            metadata = metadata_of(path)
            files = walk_directory(path)
            if not files:
                result.problems.append(
                    (raw, "no .txt, .md, .html, .docx, .odt or .pdf files in this directory"))
            prefix = f"{path}{os.sep}"
            for file in files:  # below `path`: its name there is what follows the prefix
                name = (file.path[len(prefix):] if file.path.startswith(prefix)
                        else str(Path(file.path).relative_to(path)))
                add(file.path, file.filename, name.replace(os.sep, "/"), metadata_of(file.folder) or metadata,
                    file.real)
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
    return result
