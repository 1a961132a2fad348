"""The plain data objects that flow from ingest to render."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded input: `text` is the original, the target of every reported offset."""

    name: str  # as reported in the `doc` column
    path: str  # where it came from ("-" for standard input)
    text: str
    encoding: str
    meta: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token with its span in the original text."""

    start: int
    end: int
    surface: str  # as written in the original
    norm: str  # normalised, case-folded, digits in ASCII: what counting uses
    lemma: str
    lang: str  # "fa", "en" or "" (digits and punctuation in no script)
    sentence: int
    is_word: bool  # has a letter or digit and is not a footnote marker
    stopword: bool


@dataclass(frozen=True, slots=True)
class AnalyzedDocument:
    """A document after the whole pipeline: the unit later reports count over."""

    document: Document
    language: str  # "fa", "en" or "mixed", by script share
    normalized: str
    tokens: tuple[Token, ...]
    sentence_count: int

    @property
    def words(self) -> list[Token]:
        return [token for token in self.tokens if token.is_word]


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be analysed, kept as data so good inputs still report."""

    source: str
    reason: str
