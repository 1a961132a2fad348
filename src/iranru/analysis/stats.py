"""Per-document descriptive statistics."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from iranru.model import AnalyzedDocument

MATTR_WINDOW = 100
TOP_TERMS = 5
STATS_COLUMNS = (
    "doc", "language", "title", "characters", "tokens", "types", "lemmas", "sentences",
    "mean_sentence_length", "ttr", "mattr", "stopword_share", "top_terms",
)


def moving_average_ttr(items: Sequence[str], window: int = MATTR_WINDOW) -> float:
    """MATTR (Covington & McFall 2010): mean type/token ratio over every window of `window`
    tokens, comparable across documents of different lengths unlike plain TTR.
    Shorter texts than one window get their plain TTR."""
    if not items:
        return 0.0
    if len(items) <= window:
        return len(set(items)) / len(items)
    counts = Counter(items[:window])
    total = len(counts)
    for index in range(window, len(items)):
        incoming, outgoing = items[index], items[index - window]
        counts[incoming] += 1
        counts[outgoing] -= 1
        if counts[outgoing] == 0:
            del counts[outgoing]
        total += len(counts)
    return total / (window * (len(items) - window + 1))


def top_terms(counts: Counter[str], limit: int = TOP_TERMS) -> str:
    """The most frequent content lemmas, ties broken alphabetically, joined by '; '."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(term for term, _ in ranked[:limit])


@dataclass(frozen=True, slots=True)
class TextMeasures:
    characters: int
    tokens: int
    types: int
    lemmas: int
    sentences: int
    mean_sentence_length: float
    ttr: float
    mattr: float
    stopword_share: float
    top_terms: str


@dataclass(frozen=True, slots=True)
class WordColumns:
    """A document's words as strings, each a reference into its table's vocabulary."""

    norms: list[str]
    lemmas: list[str]
    stopwords: bytes

    @classmethod
    def of(cls, document: AnalyzedDocument) -> WordColumns:
        table = document.table
        lookup = table.vocabulary.__getitem__
        words = table.is_word
        return cls(
            list(map(lookup, itertools.compress(table.norm, words))),
            list(map(lookup, itertools.compress(table.lemma, words))),
            bytes(itertools.compress(table.stopword, words)),
        )


def measure(
    characters: int, sentences: int, words: Sequence[WordColumns], mattr: float,
    keep_stopwords: bool = False,
) -> TextMeasures:
    count = sum(len(part.norms) for part in words)
    types = len(set().union(*(part.norms for part in words)))
    content: Counter[str] = Counter()
    for part in words:
        content_flags = (not stop for stop in part.stopwords)
        content.update(part.lemmas if keep_stopwords else itertools.compress(part.lemmas, content_flags))
    return TextMeasures(
        characters=characters,
        tokens=count,
        types=types,
        lemmas=len(set().union(*(part.lemmas for part in words))),
        sentences=sentences,
        mean_sentence_length=count / sentences if sentences else 0.0,
        ttr=types / count if count else 0.0,
        mattr=mattr,
        stopword_share=sum(part.stopwords.count(1) for part in words) / count if count else 0.0,
        top_terms=top_terms(content),
    )


def document_stats(document: AnalyzedDocument, keep_stopwords: bool = False) -> dict[str, object]:
    words = WordColumns.of(document)
    measures = measure(len(document.document.text), document.sentence_count, [words],
                       moving_average_ttr(words.norms), keep_stopwords)
    return document_row(document, measures)


def document_row(document: AnalyzedDocument, measures: TextMeasures) -> dict[str, object]:
    return {
        "doc": document.document.name,
        "language": document.language,
        "title": document.document.meta.get("title", ""),
        **{name: getattr(measures, name) for name in STATS_COLUMNS[3:]},
    }


class CorpusTotals:
    """The corpus row, accumulated document by document so that documents can stream past:
    what it keeps grows with the vocabulary, not with the text."""

    def __init__(self, keep_stopwords: bool = False) -> None:
        self.keep_stopwords = keep_stopwords
        self.documents = self.characters = self.sentences = self.count = self.stopwords = 0
        self.weighted_mattr = 0.0
        self.types: set[str] = set()
        self.lemmas: set[str] = set()
        self.content: Counter[str] = Counter()
        self.languages: set[str] = set()

    def add(self, document: AnalyzedDocument) -> dict[str, object]:
        """Count the document in; return its own row."""
        words = WordColumns.of(document)
        mattr = moving_average_ttr(words.norms)
        row = document_row(document, measure(len(document.document.text), document.sentence_count,
                                             [words], mattr, self.keep_stopwords))
        self.documents += 1
        self.characters += len(document.document.text)
        self.sentences += document.sentence_count
        self.count += len(words.norms)
        self.stopwords += words.stopwords.count(1)
        self.weighted_mattr += mattr * len(words.norms)
        self.types.update(words.norms)
        self.lemmas.update(words.lemmas)
        flags = (not stop for stop in words.stopwords)
        self.content.update(words.lemmas if self.keep_stopwords else itertools.compress(words.lemmas, flags))
        self.languages.add(document.language)
        return row

    def row(self) -> dict[str, object]:
        """The whole corpus as one text; MATTR windows never cross a document boundary, so
        the corpus MATTR is the token-weighted mean of the documents' MATTRs."""
        count, languages = self.count, sorted(self.languages)
        measures = TextMeasures(
            characters=self.characters,
            tokens=count,
            types=len(self.types),
            lemmas=len(self.lemmas),
            sentences=self.sentences,
            mean_sentence_length=count / self.sentences if self.sentences else 0.0,
            ttr=len(self.types) / count if count else 0.0,
            mattr=self.weighted_mattr / count if count else 0.0,
            stopword_share=self.stopwords / count if count else 0.0,
            top_terms=top_terms(self.content),
        )
        return {
            "doc": "total",
            "language": languages[0] if len(languages) == 1 else "+".join(languages),
            "title": f"{self.documents} documents",
            **{name: getattr(measures, name) for name in STATS_COLUMNS[3:]},
        }


def corpus_stats(
    documents: Iterable[AnalyzedDocument], keep_stopwords: bool = False
) -> dict[str, object]:
    totals = CorpusTotals(keep_stopwords)
    for document in documents:
        totals.add(document)
    return totals.row()
