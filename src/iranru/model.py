"""The plain data objects that flow from ingest to render."""

from __future__ import annotations

import dataclasses
import itertools
from array import array
from collections import deque
from dataclasses import dataclass, field
from typing import TypeVar


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded input: `text` is the original, the target of every reported offset."""

    name: str  # as reported in the `doc` column
    path: str  # where it came from ("-" for standard input)
    text: str
    encoding: str
    meta: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    size: int = field(default=-1, compare=False)  # bytes read, as progress counts; -1: not read


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
class TokenTable:
    """Every token of a document as parallel columns, each string stored once in `vocabulary`:
    about 26 bytes a token where Token objects take about 300, so a huge document fits in
    memory, a cached analysis loads without building objects, and counting runs over ids."""

    vocabulary: tuple[str, ...]  # norms, lemmas and languages; the columns below index it
    start: array  # offsets into the original text ("I": 4-byte unsigned)
    end: array
    norm: array
    lemma: array
    lang: array
    sentence: array
    is_word: bytes  # 1 or 0 per token
    stopword: bytes

    def __len__(self) -> int:
        return len(self.start)

    def __repr__(self) -> str:
        return f"TokenTable({len(self)} tokens, {len(self.vocabulary)} strings)"


@dataclass(frozen=True, slots=True)
class AnalyzedDocument:
    """A document after the whole pipeline: the unit later reports count over. Token objects
    are built from the table only when a report asks for them, once."""

    document: Document
    language: str  # "fa", "en" or "mixed", by script share
    table: TokenTable
    sentence_count: int
    built: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False,
                                     hash=False)

    @property
    def tokens(self) -> tuple[Token, ...]:
        if "tokens" not in self.built:
            self.built["tokens"] = build_tokens(self.document.text, self.table)
        return self.built["tokens"]  # type: ignore[return-value]

    @property
    def words(self) -> list[Token]:
        if "words" not in self.built:
            self.built["words"] = [token for token in self.tokens if token.is_word]
        return self.built["words"]  # type: ignore[return-value]

    @property
    def word_count(self) -> int:
        return sum(self.table.is_word)


WordKey = tuple[str, str, str, bool]  # norm, lemma, lang, stopword


Vocabulary = tuple[list[str], list[str], list[str], list[bool]]  # norms, lemmas, langs, stopwords
K = TypeVar("K")


class Numbering(dict[K, int]):
    """Each key met -> its number, a new key taking the next (word types, terms)."""

    def __missing__(self, key: K) -> int:
        self[key] = len(self)
        return len(self) - 1


@dataclass(frozen=True, slots=True)
class WordCounts:
    """A document's word tokens counted by type (see wordcounts.py): all `freq` needs. The word
    types are a vocabulary (parallel columns of norms, lemmas, languages and stopword flags)
    which the documents a worker sends back together share, so it travels and is reduced once;
    the document has the indices of its types in it, and their counts."""

    document: Document
    vocabulary: Vocabulary
    type_indices: array  # of "I"
    type_counts: array  # of "I"

    @classmethod
    def of_columns(cls, document: Document,
                   columns: tuple[list[str], list[str], list[str], list[bool], list[int]]) -> WordCounts:
        norms, lemmas, langs, stops, counts = columns
        types = array("I", range(len(counts)))
        return cls(document, (norms, lemmas, langs, stops), types, array("I", counts))

    @property
    def columns(self) -> tuple[list[str], list[str], list[str], list[bool], list[int]]:
        """Norms, lemmas, languages, stopword flags and counts of this document's types."""
        norms, lemmas, langs, stops = (list(map(column.__getitem__, self.type_indices))
                                       for column in self.vocabulary)
        return norms, lemmas, langs, stops, self.type_counts.tolist()

    @property
    def language(self) -> str:
        """As AnalyzedDocument.language; worked out only when a report groups by it."""
        from iranru.language import language_of_text

        return language_of_text(self.document.text)

    @property
    def counts(self) -> dict[WordKey, int]:
        norms, lemmas, langs, stops, counts = self.columns
        return dict(zip(zip(norms, lemmas, langs, stops, strict=True), counts, strict=True))


def build_tokens(text: str, table: TokenTable) -> tuple[Token, ...]:
    """Token objects from the columns at C speed: each slot set by its descriptor through
    map(), about three times faster than calling the frozen dataclass' __init__ per token."""
    lookup = table.vocabulary.__getitem__
    columns = {
        "start": table.start.tolist(), "end": table.end.tolist(),
        "norm": list(map(lookup, table.norm)), "lemma": list(map(lookup, table.lemma)),
        "lang": list(map(lookup, table.lang)), "sentence": table.sentence.tolist(),
        "is_word": list(map(bool, table.is_word)), "stopword": list(map(bool, table.stopword)),
    }
    columns["surface"] = list(map(text.__getitem__, map(slice, columns["start"], columns["end"])))
    tokens = list(map(object.__new__, itertools.repeat(Token, len(table))))
    for item in dataclasses.fields(Token):
        descriptor = Token.__dict__[item.name]
        deque(map(descriptor.__set__, tokens, columns[item.name]), maxlen=0)
    return tuple(tokens)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be analysed, kept as data so good inputs still report.
    `traceback` is set when a bug (an unexpected exception) cost this input: see `failed`."""

    source: str
    reason: str
    traceback: str = ""

    @classmethod
    def failed(cls, source: str, stage: str, error: BaseException) -> Skipped:
        """An unexpected exception while `stage` worked on one input: that input is left out,
        the others are reported. The traceback is formatted here, where it happened (in a
        worker process or on a Dask worker it could not be sent back as such)."""
        import traceback

        from iranru.errors import describe_error

        text = "".join(traceback.format_exception(error))
        return cls(source, f"internal error in {stage} ({describe_error(error)})", text)
