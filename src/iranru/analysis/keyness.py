"""Keyness: which terms one text (or group) uses more than another."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from iranru.analysis.freq import limit
from iranru.analysis.grouping import per_10k

if TYPE_CHECKING:
    import pandas as pd

KEYNESS_COLUMNS = (
    "term", "lang", "count_a", "count_b", "per_10k_a", "per_10k_b", "log_likelihood", "log_ratio",
    "p_value",
)
Term = tuple[str, str]  # (term, lang); lang "" for a bilingual concept
ZERO_COUNT = 0.5  # log ratio's stand-in for a zero frequency (Hardie 2014)


def log_likelihood(a: int, b: int, size_a: int, size_b: int) -> float:
    """Rayson & Garside (2000): G² = 2 Σ O ln(O/E) with E_a = size_a (a+b) / (size_a+size_b)
    and E_b likewise; a zero count adds nothing. Signed: positive when the term is relatively
    more frequent in A, negative when in B."""
    expected_a = size_a * (a + b) / (size_a + size_b)
    expected_b = size_b * (a + b) / (size_a + size_b)
    g2 = 2 * sum(observed * math.log(observed / expected)
                 for observed, expected in ((a, expected_a), (b, expected_b)) if observed)
    return g2 if a * size_b >= b * size_a else -g2


def log_ratio(a: int, b: int, size_a: int, size_b: int) -> float:
    """Hardie (2014): log2 of the ratio of relative frequencies; a zero count counts as 0.5."""
    return math.log2(((a or ZERO_COUNT) / size_a) / ((b or ZERO_COUNT) / size_b))


def p_value(g2: float) -> float:
    """G² against chi-square with one degree of freedom: P(X > |G²|) = erfc(√(|G²|/2))."""
    return math.erfc(math.sqrt(abs(g2) / 2))


def keyness_table(
    counts_a: Counter[Term], sizes_a: Mapping[str, int], counts_b: Counter[Term],
    sizes_b: Mapping[str, int], min_count: int = 1, top: int | None = None,
) -> pd.DataFrame:
    """KEYNESS_COLUMNS for every (term, lang) of either side with count_a + count_b >=
    min_count, each side's size being its words of the term's language (`sizes_*` by
    language), sorted by |log_likelihood| (A's and B's keywords together), ties by term and
    language. A language one side has no words in cannot be compared: its terms are left out
    (see `uncompared_languages`)."""
    import pandas as pd

    rows = []
    for term, lang in set(counts_a) | set(counts_b):
        a, b = counts_a[term, lang], counts_b[term, lang]
        size_a, size_b = sizes_a.get(lang, 0), sizes_b.get(lang, 0)
        if a + b < min_count or not size_a or not size_b:
            continue
        g2 = log_likelihood(a, b, size_a, size_b)
        rows.append((term, lang, a, b, per_10k(a, size_a), per_10k(b, size_b), g2,
                     log_ratio(a, b, size_a, size_b), p_value(g2)))
    rows.sort(key=lambda row: (-abs(row[6]), row[0], row[1]))
    return pd.DataFrame(limit(rows, 0, top), columns=list(KEYNESS_COLUMNS))


def uncompared_languages(sizes_a: Mapping[str, int], sizes_b: Mapping[str, int]) -> list[str]:
    """Languages with words on one side only, whose terms keyness cannot compare."""
    return sorted(lang for lang in set(sizes_a) | set(sizes_b)
                  if bool(sizes_a.get(lang)) != bool(sizes_b.get(lang)))
