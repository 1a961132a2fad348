"""Frozen option sets and the enumerations of their choices: what the CLI parses and the
library API accepts. Each choice is validated once, when its option set is made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from iranru.errors import UsageError

SCHEDULER_ENV = "IRANRU_SCHEDULER"  # a Dask scheduler address, if --scheduler is not given


class Language(StrEnum):
    """The languages a term can be in (a token's language is its script's)."""

    FA = "fa"
    EN = "en"


class CountBy(StrEnum):
    """What term reports count: lemmas, or words (normalised forms)."""

    LEMMA = "lemma"
    WORD = "word"


class DigitMode(StrEnum):
    """Digits of displayed text: each number in the script of its nearest letter, or all
    Latin, all Persian, or as written."""

    AUTO = "auto"
    LATIN = "latin"
    PERSIAN = "persian"
    KEEP = "keep"


class Measure(StrEnum):
    """Collocation association measures (see analysis/collocations.py)."""

    PMI = "pmi"
    LLR = "llr"
    T = "t"
    CHI2 = "chi2"
    DICE = "dice"
    LOGDICE = "logdice"
    MI3 = "mi3"


class KwicSort(StrEnum):
    """Concordance order: by document and place, or by the words left or right of the match."""

    DOC = "doc"
    LEFT = "left"
    RIGHT = "right"


def choice[E: StrEnum](kind: type[E], value: str | E, what: str) -> E:
    """`value` as a member of `kind`, or one UsageError naming the choices."""
    try:
        return kind(value)
    except ValueError:
        raise UsageError(f"unknown {what} '{value}': use one of {', '.join(kind)}") from None


def set_choice(options: object, name: str, kind: type[StrEnum], what: str) -> None:
    object.__setattr__(options, name, choice(kind, getattr(options, name), what))


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are found and decoded."""

    encoding: str | None = None  # force an encoding instead of detecting it
    max_file_size: int = 200 * 1024 * 1024
    # --where conditions on metadata.csv columns or `doc`, all of which must hold, e.g.
    # ("year>=1990", "kind!=news"); documents that fail them are never read
    where: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        """One condition may be given alone (`where="year>=1990"`)."""
        where = (self.where,) if isinstance(self.where, str) else tuple(self.where)
        object.__setattr__(self, "where", where)


@dataclass(frozen=True, slots=True)
class NormalizeOptions:
    """Which normalisation the pipeline applies; part of any cache key."""

    repair_zwnj: bool = True
    digits: DigitMode = DigitMode.AUTO  # for displayed text only

    def __post_init__(self) -> None:
        set_choice(self, "digits", DigitMode, "digit mode")


@dataclass(frozen=True, slots=True)
class TokenOptions:
    """Stopword handling shared by every counting report."""

    extra_stopwords: tuple[Path, ...] = ()
    keep_stopwords: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra_stopwords", tuple(map(Path, self.extra_stopwords)))


@dataclass(frozen=True, slots=True)
class TermOptions:
    """What the term-usage reports (freq, ngrams, collocations, kwic, compare) count."""

    lang: Language | None = None  # only terms in this language
    by: CountBy = CountBy.LEMMA  # the counting key (`word` is the normalised form)
    min_count: int = 1
    top: int | None = None  # keep the first N rows (per group when grouped)
    group_by: str | None = None  # doc|language|<metadata column>

    def __post_init__(self) -> None:
        if self.lang is not None:
            set_choice(self, "lang", Language, "language")
        set_choice(self, "by", CountBy, "count key")


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


@dataclass(frozen=True, slots=True)
class CorpusOptions:
    """How a corpus is read, normalised, tokenised and run: the option sets every report over
    documents takes, built once (by the command line, or by hand in a notebook)."""

    read: ReadOptions = field(default_factory=ReadOptions)
    normalize: NormalizeOptions = field(default_factory=NormalizeOptions)
    tokens: TokenOptions = field(default_factory=TokenOptions)
    run: RunOptions = field(default_factory=RunOptions)

    def settings(self, tokens: bool = True) -> dict[str, object]:
        """The report functions' keyword arguments (`tokens`: whether it takes token options)."""
        keywords: dict[str, object] = {"read_options": self.read, "normalize_options": self.normalize,
                                       "run_options": self.run}
        if tokens:
            keywords["token_options"] = self.tokens
        return keywords
