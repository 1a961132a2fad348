"""Frozen option sets: what the CLI parses and the library API accepts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path("corpus")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are found and decoded."""

    encoding: str | None = None  # force an encoding instead of detecting it
    max_file_size: int = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class NormalizeOptions:
    """Which normalisation the pipeline applies; part of any cache key."""

    repair_zwnj: bool = True
    digits: str = "auto"  # auto|latin|persian|keep, for displayed text only


@dataclass(frozen=True, slots=True)
class TokenOptions:
    """Stopword handling shared by every counting report."""

    extra_stopwords: tuple[Path, ...] = ()
    keep_stopwords: bool = False
