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
