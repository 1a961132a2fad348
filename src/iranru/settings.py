"""Frozen option sets: what the CLI parses and the library API accepts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SCHEDULER_ENV = "IRANRU_SCHEDULER"  # a Dask scheduler address, if --scheduler is not given


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


@dataclass(frozen=True, slots=True)
class TermOptions:
    """What the term-usage reports (freq, ngrams, collocations, kwic, compare) count."""

    lang: str | None = None  # fa|en: only tokens in this language
    by: str = "lemma"  # lemma|word: the counting key (`word` is the normalised form)
    min_count: int = 1
    top: int | None = None  # keep the first N rows (per group when grouped)
    group_by: str | None = None  # doc|language|<metadata column>


@dataclass(frozen=True, slots=True)
class MentionOptions:
    """What the date and place reports (`dates`, `places`) return."""

    summary: bool = False  # counts per value (or place) per document, one column per document


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How the per-document work runs: never what it computes, so never part of a cache key.

    `None` means: `jobs` all cores, `cache_dir` $IRANRU_CACHE_DIR else the user cache folder,
    `scheduler` $IRANRU_SCHEDULER else local processes. `on_progress(done_bytes, total_bytes,
    done_files, total_files)` is called as documents finish; if it has a `close()`, that is
    called when the run ends.
    """

    jobs: int | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    scheduler: str | None = None  # a Dask scheduler address, e.g. tcp://10.0.0.5:8786
    on_progress: Callable[[int, int, int, int], None] | None = field(
        default=None, compare=False, hash=False, repr=False
    )
