"""Per-document descriptive statistics."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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


def top_terms(lemmas: Sequence[str], limit: int = TOP_TERMS) -> str:
    """The most frequent content lemmas, ties broken alphabetically, joined by '; '."""
    ranked = sorted(Counter(lemmas).items(), key=lambda item: (-item[1], item[0]))
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


def measure(
    characters: int, sentences: int, words: Sequence, mattr: float, keep_stopwords: bool = False
) -> TextMeasures:
    norms = [token.norm for token in words]
    count = len(words)
    return TextMeasures(
        characters=characters,
        tokens=count,
        types=len(set(norms)),
        lemmas=len({token.lemma for token in words}),
        sentences=sentences,
        mean_sentence_length=count / sentences if sentences else 0.0,
        ttr=len(set(norms)) / count if count else 0.0,
        mattr=mattr,
        stopword_share=sum(token.stopword for token in words) / count if count else 0.0,
        top_terms=top_terms([t.lemma for t in words if keep_stopwords or not t.stopword]),
    )


def document_stats(document: AnalyzedDocument, keep_stopwords: bool = False) -> dict[str, object]:
    words = document.words
    measures = measure(
        len(document.document.text),
        document.sentence_count,
        words,
        moving_average_ttr([token.norm for token in words]),
        keep_stopwords,
    )
    return {
        "doc": document.document.name,
        "language": document.language,
        "title": document.document.meta.get("title", ""),
        **{name: getattr(measures, name) for name in STATS_COLUMNS[3:]},
    }


def corpus_stats(
    documents: Sequence[AnalyzedDocument], keep_stopwords: bool = False
) -> dict[str, object]:
    """The whole corpus as one text; MATTR windows never cross a document boundary, so the
    corpus MATTR is the token-weighted mean of the documents' MATTRs."""
    words = [token for document in documents for token in document.words]
    weighted = sum(
        moving_average_ttr([token.norm for token in document.words]) * len(document.words)
        for document in documents
    )
    measures = measure(
        sum(len(document.document.text) for document in documents),
        sum(document.sentence_count for document in documents),
        words,
        weighted / len(words) if words else 0.0,
        keep_stopwords,
    )
    languages = sorted({document.language for document in documents})
    return {
        "doc": "total",
        "language": languages[0] if len(languages) == 1 else "+".join(languages),
        "title": f"{len(documents)} documents",
        **{name: getattr(measures, name) for name in STATS_COLUMNS[3:]},
    }
