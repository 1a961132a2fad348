"""N-grams of words inside one sentence of one document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from iranru.analysis.freq import limit
from iranru.analysis.grouping import (
    counted_languages,
    counted_words,
    counts_toward_term,
    group_documents,
    per_10k,
    sentence_runs,
    term_key,
)
from iranru.errors import UsageError
from iranru.model import AnalyzedDocument, Token

if TYPE_CHECKING:
    import pandas as pd

NGRAM_COLUMNS = ("ngram", "n", "count", "per_10k", "docs")
SMALLEST_N, LARGEST_N = 2, 5


def parse_sizes(text: str) -> tuple[int, ...]:
    """`3` or a range `2..5` (also `2-5`), within 2..5."""
    low, _, high = text.replace("..", "-").partition("-")
    try:
        sizes = tuple(range(int(low), int(high or low) + 1))
    except ValueError:
        raise UsageError(f"-n '{text}': give a number or a range such as 2..4") from None
    if not sizes or sizes[0] < SMALLEST_N or sizes[-1] > LARGEST_N:
        raise UsageError(f"-n '{text}': n-grams are 2 to 5 words long")
    return sizes


def ngrams_of(run: Sequence[Token], size: int, by: str, exclude_stopwords: bool) -> Iterator[str]:
    """Every `size`-gram of the run; with stopwords excluded, those starting or ending with a
    stopword are dropped (`ministry of foreign affairs` stays, `of the` goes)."""
    for index in range(len(run) - size + 1):
        gram = run[index : index + size]
        if not (counts_toward_term(gram[0].stopword, exclude_stopwords)
                and counts_toward_term(gram[-1].stopword, exclude_stopwords)):
            continue
        yield " ".join(term_key(token, by) for token in gram)


def ngram_rows(
    documents: Sequence[AnalyzedDocument], sizes: Sequence[int] = (2,), by: str = "lemma",
    lang: str | None = None, exclude_stopwords: bool = True,
) -> list[tuple[str, int, int, float, int]]:
    """One row per n-gram: count, rate per 10,000 words of its language, documents. An
    n-gram is in one language (it never spans a word in another), so in a mixed corpus
    `--lang` changes only which n-grams are listed, never their figures."""
    rows = [row for language in counted_languages(lang)
            for row in language_ngram_rows(documents, sizes, by, language, exclude_stopwords)]
    rows.sort(key=lambda row: (-row[2], row[1], row[0]))
    return rows


def language_ngram_rows(
    documents: Sequence[AnalyzedDocument], sizes: Sequence[int], by: str, lang: str,
    exclude_stopwords: bool,
) -> list[tuple[str, int, int, float, int]]:
    total_words = sum(len(counted_words(document, lang)) for document in documents)
    totals: Counter[tuple[str, int]] = Counter()
    docs: Counter[tuple[str, int]] = Counter()
    for document in documents:
        counts = Counter(
            (gram, size)
            for run in sentence_runs(document, lang)
            for size in sizes
            for gram in ngrams_of(run, size, by, exclude_stopwords)
        )
        totals.update(counts)
        docs.update(counts.keys())
    return [(gram, size, count, per_10k(count, total_words), docs[(gram, size)])
            for (gram, size), count in totals.items()]


def ngram_table(
    documents: Sequence[AnalyzedDocument], sizes: Sequence[int] = (2,), by: str = "lemma",
    lang: str | None = None, exclude_stopwords: bool = True, min_count: int = 1,
    top: int | None = None, group_by: str | None = None,
) -> pd.DataFrame:
    """`ngram, n, count, per_10k, docs` (rate per 10,000 words of the n-gram's language),
    sorted by (-count, n, ngram)."""
    import pandas as pd

    rows: list[tuple] = []
    for name, members in group_documents(documents, group_by).items():
        found = limit(ngram_rows(members, sizes, by, lang, exclude_stopwords), min_count, top)
        rows.extend((name, *row) if group_by else row for row in found)
    columns = ["group", *NGRAM_COLUMNS] if group_by else list(NGRAM_COLUMNS)
    return pd.DataFrame(rows, columns=columns)
