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


def text_measures(
    characters: int, sentences: int, tokens: int, types: int, lemmas: int, stopwords: int,
    mattr: float, content: Counter[str],
) -> TextMeasures:
    """The measures of a document or of the corpus, from its counts."""
    return TextMeasures(
        characters=characters,
        tokens=tokens,
        types=types,
        lemmas=lemmas,
        sentences=sentences,
        mean_sentence_length=tokens / sentences if sentences else 0.0,
        ttr=types / tokens if tokens else 0.0,
        mattr=mattr,
        stopword_share=stopwords / tokens if tokens else 0.0,
        top_terms=top_terms(content),
    )


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
        content_flags = (not stop for stop in words.stopwords)
        content = Counter(words.lemmas if self.keep_stopwords
                          else itertools.compress(words.lemmas, content_flags))
        stopwords = words.stopwords.count(1)
        characters = len(document.document.text)
        row = document_row(document, text_measures(
            characters, document.sentence_count, len(words.norms), len(set(words.norms)),
            len(set(words.lemmas)), stopwords, mattr, content))
        self.documents += 1
        self.characters += characters
        self.sentences += document.sentence_count
        self.count += len(words.norms)
        self.stopwords += stopwords
        self.weighted_mattr += mattr * len(words.norms)
        self.types.update(words.norms)
        self.lemmas.update(words.lemmas)
        self.content.update(content)
        self.languages.add(document.language)
        return row

    def row(self) -> dict[str, object]:
        """The whole corpus as one text; MATTR windows never cross a document boundary, so
        the corpus MATTR is the token-weighted mean of the documents' MATTRs."""
        languages = sorted(self.languages)
        mattr = self.weighted_mattr / self.count if self.count else 0.0
        measures = text_measures(self.characters, self.sentences, self.count, len(self.types),
                                 len(self.lemmas), self.stopwords, mattr, self.content)
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
