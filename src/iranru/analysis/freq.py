"""Term frequencies with range and Gries' DP dispersion."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iranru.analysis.grouping import counted_words, group_documents, per_10k, term_key
from iranru.model import AnalyzedDocument, Token

if TYPE_CHECKING:
    import pandas as pd

FREQ_COLUMNS = ("term", "lang", "count", "per_10k", "docs", "dispersion")
SINGLE_DOCUMENT_PARTS = 10  # a lone document is cut into this many equal parts for DP

Term = tuple[str, str]  # (term, lang)


def gries_dp(part_counts: Sequence[int], part_sizes: Sequence[int]) -> float:
    """Normalised DP (Gries 2008; Lijffijt & Gries 2012): half the summed differences between
    each part's share of the term and its share of the corpus, divided by 1 - the smallest
    part share, so 0 means spread as evenly as the parts and 1 all in one (the smallest) part.
    NaN with fewer than two parts or no occurrence."""
    total, size = sum(part_counts), sum(part_sizes)
    if len(part_sizes) < 2 or not total or not size:
        return float("nan")
    shares = [part / size for part in part_sizes]
    dp = 0.5 * sum(abs(count / total - share) for count, share in zip(part_counts, shares, strict=True))
    return dp / (1 - min(shares))


def equal_parts(words: Sequence[Token], parts: int = SINGLE_DOCUMENT_PARTS) -> list[Sequence[Token]]:
    """`words` cut into min(parts, len(words)) consecutive parts of (nearly) equal size."""
    count = min(parts, len(words))
    return [words[index * len(words) // count : (index + 1) * len(words) // count]
            for index in range(count)]


def term_counts(words: Sequence[Token], by: str, exclude_stopwords: bool) -> Counter[Term]:
    return Counter(
        (term_key(token, by), token.lang) for token in words
        if not (exclude_stopwords and token.stopword)
    )


def frequency_rows(
    documents: Sequence[AnalyzedDocument], by: str = "lemma", lang: str | None = None,
    exclude_stopwords: bool = True,
) -> list[tuple[str, str, int, float, int, float]]:
    """One row per (term, lang): count, rate per 10,000 words, range (documents containing
    it) and DP over the documents, or over equal parts of a lone document."""
    words_by_doc = [counted_words(document, lang) for document in documents]
    words_by_doc = [words for words in words_by_doc if words]
    doc_counts = [term_counts(words, by, exclude_stopwords) for words in words_by_doc]
    if len(words_by_doc) == 1:
        parts = equal_parts(words_by_doc[0])
        part_counts = [term_counts(part, by, exclude_stopwords) for part in parts]
    else:
        parts, part_counts = words_by_doc, doc_counts
    sizes = [len(part) for part in parts]
    total_words = sum(sizes)
    totals: Counter[Term] = Counter()
    for counts in doc_counts:
        totals.update(counts)
    rows = [
        (term, term_lang, count, per_10k(count, total_words),
         sum(1 for counts in doc_counts if (term, term_lang) in counts),
         gries_dp([counts[(term, term_lang)] for counts in part_counts], sizes))
        for (term, term_lang), count in totals.items()
    ]
    rows.sort(key=lambda row: (-row[2], row[0], row[1]))
    return rows


def limit(rows: list, min_count: int, top: int | None, count_index: int = 2) -> list:
    kept = [row for row in rows if row[count_index] >= min_count]
    return kept if top is None else kept[:top]


def frequency_table(
    documents: Sequence[AnalyzedDocument], by: str = "lemma", lang: str | None = None,
    exclude_stopwords: bool = True, min_count: int = 1, top: int | None = None,
    group_by: str | None = None,
) -> pd.DataFrame:
    """`term, lang, count, per_10k, docs, dispersion`, with a leading `group` column when
    grouped (rates, range and DP are then within the group; --top applies per group)."""
    import pandas as pd

    rows: list[tuple] = []
    for name, members in group_documents(documents, group_by).items():
        found = limit(frequency_rows(members, by, lang, exclude_stopwords), min_count, top)
        rows.extend((name, *row) if group_by else row for row in found)
    columns = ["group", *FREQ_COLUMNS] if group_by else list(FREQ_COLUMNS)
    return pd.DataFrame(rows, columns=columns)


def frequency_by_group(
    documents: Sequence[AnalyzedDocument], by: str = "lemma", lang: str | None = None,
    exclude_stopwords: bool = True, min_count: int = 1, top: int | None = None,
    group_by: str | None = None,
) -> pd.DataFrame:
    """The wide table spreadsheets want: `term, lang, count`, then one count column per
    document (or per group)."""
    import pandas as pd

    groups = group_documents(documents, group_by or "doc")
    counts = {
        name: term_counts([t for d in members for t in counted_words(d, lang)], by, exclude_stopwords)
        for name, members in groups.items()
    }
    totals: Counter[Term] = Counter()
    for counter in counts.values():
        totals.update(counter)
    rows = [(term, term_lang, count, *(counts[name][(term, term_lang)] for name in groups))
            for (term, term_lang), count in totals.items()]
    rows.sort(key=lambda row: (-row[2], row[0], row[1]))
    return pd.DataFrame(limit(rows, min_count, top), columns=["term", "lang", "count", *groups])
