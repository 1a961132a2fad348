"""Term frequencies with range and Gries' DP dispersion."""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iranru.analysis.grouping import group_documents, per_10k
from iranru.model import AnalyzedDocument

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


def sparse_dp(parts_with_term: Sequence[tuple[int, int]], shares: Sequence[float], total: int,
              smallest_share: float) -> float:
    """`gries_dp` from the parts that contain the term, so that a term costs what it occurs in,
    not the number of parts: a part without it adds its whole share to the sum of differences."""
    if len(shares) < 2 or not total:
        return float("nan")
    absent = 1.0
    present = 0.0
    for part, count in parts_with_term:
        present += abs(count / total - shares[part])
        absent -= shares[part]
    return 0.5 * (present + max(absent, 0.0)) / (1 - smallest_share)


def counted_mask(document: AnalyzedDocument, lang: str | None) -> bytes:
    """1 for each token a rate is relative to: every word (stopwords too) in `lang`."""
    table = document.table
    if lang is None:
        return table.is_word
    if lang not in table.vocabulary:
        return bytes(len(table))
    lang_id = table.vocabulary.index(lang)
    in_lang = zip(table.is_word, table.lang, strict=True)
    return bytes(word and token_lang == lang_id for word, token_lang in in_lang)


def term_counts(
    document: AnalyzedDocument, by: str, mask: bytes, exclude_stopwords: bool,
    span: tuple[int, int] | None = None,
) -> Counter[Term]:
    """(term, lang) counts over the token ids of the masked tokens (within `span`, if given)."""
    table = document.table
    keys = table.lemma if by == "lemma" else table.norm
    start, end = span or (0, len(table))
    kept = mask[start:end]
    if exclude_stopwords:
        kept = bytes(map(operator.gt, kept, table.stopword[start:end]))
    counts = Counter(itertools.compress(zip(keys[start:end], table.lang[start:end], strict=True), kept))
    vocabulary = table.vocabulary
    return Counter({(vocabulary[key], vocabulary[lang]): count for (key, lang), count in counts.items()})


def equal_part_spans(mask: bytes, parts: int = SINGLE_DOCUMENT_PARTS) -> list[tuple[int, int]]:
    """Token spans holding min(parts, counted words) consecutive runs of (nearly) equal numbers
    of counted words."""
    positions = list(itertools.compress(range(len(mask)), mask))
    count = min(parts, len(positions))
    bounds = [index * len(positions) // count for index in range(count + 1)]
    return [(positions[low], positions[high - 1] + 1) for low, high in itertools.pairwise(bounds)]


def frequency_rows(
    documents: Sequence[AnalyzedDocument], by: str = "lemma", lang: str | None = None,
    exclude_stopwords: bool = True,
) -> list[tuple[str, str, int, float, int, float]]:
    """One row per (term, lang): count, rate per 10,000 words, range (documents containing
    it) and DP over the documents, or over equal parts of a lone document."""
    masks = [(document, counted_mask(document, lang)) for document in documents]
    masks = [(document, mask) for document, mask in masks if 1 in mask]
    doc_counts = [term_counts(document, by, mask, exclude_stopwords) for document, mask in masks]
    if len(masks) == 1:
        document, mask = masks[0]
        spans = equal_part_spans(mask)
        part_counts = [term_counts(document, by, mask, exclude_stopwords, span) for span in spans]
        sizes = [mask[start:end].count(1) for start, end in spans]
    else:
        part_counts = doc_counts
        sizes = [mask.count(1) for _, mask in masks]
    total_words = sum(sizes)
    shares = [size / total_words for size in sizes] if total_words else []
    smallest_share = min(shares, default=0.0)
    totals: Counter[Term] = Counter()
    docs: Counter[Term] = Counter()
    for counts in doc_counts:
        totals.update(counts)
        docs.update(counts.keys())
    parts_with: dict[Term, list[tuple[int, int]]] = {}
    for part, counts in enumerate(part_counts):
        for term, count in counts.items():
            parts_with.setdefault(term, []).append((part, count))
    rows = [
        (term, term_lang, count, per_10k(count, total_words), docs[(term, term_lang)],
         sparse_dp(parts_with[(term, term_lang)], shares, count, smallest_share))
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
    counts: dict[str, Counter[Term]] = {}
    for name, members in groups.items():
        counts[name] = Counter()
        for document in members:
            counts[name].update(term_counts(document, by, counted_mask(document, lang), exclude_stopwords))
    totals: Counter[Term] = Counter()
    for counter in counts.values():
        totals.update(counter)
    rows = [(term, term_lang, count, *(counts[name][(term, term_lang)] for name in groups))
            for (term, term_lang), count in totals.items()]
    rows.sort(key=lambda row: (-row[2], row[0], row[1]))
    return pd.DataFrame(limit(rows, min_count, top), columns=["term", "lang", "count", *groups])
