"""Keyness: which terms one text (or group) uses more than another."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

from iranru.analysis.freq import limit
from iranru.analysis.grouping import per_10k

if TYPE_CHECKING:
    import pandas as pd

KEYNESS_COLUMNS = (
    "term", "count_a", "count_b", "per_10k_a", "per_10k_b", "log_likelihood", "log_ratio", "p_value",
)
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
    counts_a: Counter[str], size_a: int, counts_b: Counter[str], size_b: int,
    min_count: int = 1, top: int | None = None,
) -> pd.DataFrame:
    """KEYNESS_COLUMNS for every term of either side with count_a + count_b >= min_count,
    sorted by |log_likelihood| (A's and B's keywords together), ties by term."""
    import pandas as pd

    rows = []
    for term in set(counts_a) | set(counts_b):
        a, b = counts_a[term], counts_b[term]
        if a + b < min_count or not size_a or not size_b:
            continue
        g2 = log_likelihood(a, b, size_a, size_b)
        rows.append((term, a, b, per_10k(a, size_a), per_10k(b, size_b), g2,
                     log_ratio(a, b, size_a, size_b), p_value(g2)))
    rows.sort(key=lambda row: (-abs(row[5]), row[0]))
    return pd.DataFrame(limit(rows, 0, top), columns=list(KEYNESS_COLUMNS))
