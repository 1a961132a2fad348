"""Collocations: word pairs within a window, scored by association measures.

Every measure takes the bigram contingency marginals NLTK uses: `n_ii` (the pair), `n_ix`
(pairs with w1 first), `n_xi` (pairs with w2 second) and `n_xx` (all pairs counted).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from iranru.analysis.freq import limit
from iranru.analysis.grouping import counts_toward_term, group_documents, sentence_runs, term_key
from iranru.errors import UsageError
from iranru.model import AnalyzedDocument

if TYPE_CHECKING:
    import pandas as pd

COLLOCATION_COLUMNS = (
    "w1", "w2", "count", "w1_count", "w2_count", "n",
    "pmi", "log_likelihood", "t_score", "chi2", "dice", "log_dice", "mi3",
)
Measure = Callable[[int, int, int, int], float]
Pair = tuple[str, str]


def nltk_measure(name: str) -> Measure:
    """One of NLTK's BigramAssocMeasures, imported only when a score is computed."""
    def score(n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> float:
        from nltk.metrics import BigramAssocMeasures

        return float(getattr(BigramAssocMeasures, name)(n_ii, (n_ix, n_xi), n_xx))

    score.__name__ = name
    return score


def log_dice(n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> float:
    """logDice = 14 + log2(2·f(xy) / (f(x) + f(y))) (Rychlý 2008): at most 14, independent
    of corpus size."""
    return 14 + math.log2(2 * n_ii / (n_ix + n_xi))


def mi3(n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> float:
    """MI3 = log2(f(xy)³ · N / (f(x) · f(y))) (Oakes 1998, after Daille 1994): PMI with the
    pair frequency cubed, so rare pairs no longer dominate."""
    return math.log2(n_ii**3 * n_xx / (n_ix * n_xi))


# --measure name -> (column, function); the CLI's choices come from this registry.
MEASURES: dict[str, tuple[str, Measure]] = {
    "pmi": ("pmi", nltk_measure("pmi")),
    "llr": ("log_likelihood", nltk_measure("likelihood_ratio")),
    "t": ("t_score", nltk_measure("student_t")),
    "chi2": ("chi2", nltk_measure("chi_sq")),
    "dice": ("dice", nltk_measure("dice")),
    "logdice": ("log_dice", log_dice),
    "mi3": ("mi3", mi3),
}


def parse_window(text: str | None) -> tuple[int, int] | None:
    """`L,R`: words to the left and to the right of each word."""
    if text is None:
        return None
    try:
        left, right = (int(part) for part in text.split(","))
    except ValueError:
        raise UsageError(f"--window '{text}': give L,R such as 2,2") from None
    if left < 0 or right < 0 or left + right == 0:
        raise UsageError(f"--window '{text}': L and R are word counts, not both 0")
    return left, right


def safe_score(measure: Measure, n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> float:
    try:
        return measure(n_ii, n_ix, n_xi, n_xx)
    except (ZeroDivisionError, ValueError):  # degenerate tables: a word in every pair
        return float("nan")


def count_pairs(
    documents: Sequence[AnalyzedDocument], window: tuple[int, int] = (0, 1), by: str = "lemma",
    lang: str | None = None, exclude_stopwords: bool = True, node: frozenset[str] = frozenset(),
    node_label: str = "",
) -> tuple[Counter[Pair], Counter[str], Counter[str], set[Pair]]:
    """Pairs (w, c) for every word w and every c up to L words before or R after it, inside
    one sentence of one document. Stopword pairs are counted (they are part of n and of the
    marginals) but not shown; words whose lemma is in `node` are counted as `node_label`."""
    left, right = window
    pairs: Counter[Pair] = Counter()
    shown: set[Pair] = set()
    for document in documents:
        for run in sentence_runs(document, lang):
            keys = [node_label if token.lemma in node else term_key(token, by) for token in run]
            hidden = [not counts_toward_term(token.stopword, exclude_stopwords) and token.lemma not in node
                      for token in run]
            for index, key in enumerate(keys):
                for other in range(max(0, index - left), min(len(run), index + right + 1)):
                    if other == index:
                        continue
                    pair = (key, keys[other])
                    pairs[pair] += 1
                    if not (hidden[index] or hidden[other]):
                        shown.add(pair)
    firsts: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    for (first, second), count in pairs.items():
        firsts[first] += count
        seconds[second] += count
    return pairs, firsts, seconds, shown


def collocation_rows(
    documents: Sequence[AnalyzedDocument], measure: str = "llr", window: tuple[int, int] | None = None,
    by: str = "lemma", lang: str | None = None, exclude_stopwords: bool = True,
    node: frozenset[str] = frozenset(), node_label: str = "",
) -> list[tuple]:
    if measure not in MEASURES:
        raise UsageError(f"unknown measure '{measure}': use one of {', '.join(MEASURES)}")
    if window is None:
        window = (1, 1) if node else (0, 1)
    pairs, firsts, seconds, shown = count_pairs(
        documents, window, by, lang, exclude_stopwords, node, node_label
    )
    total = sum(pairs.values())
    rows = []
    for pair in shown:
        if node and pair[0] != node_label:
            continue
        n_ii, n_ix, n_xi = pairs[pair], firsts[pair[0]], seconds[pair[1]]
        scores = [safe_score(function, n_ii, n_ix, n_xi, total) for _, function in MEASURES.values()]
        rows.append((*pair, n_ii, n_ix, n_xi, total, *scores))
    ranked = COLLOCATION_COLUMNS.index(MEASURES[measure][0])

    def order(row: tuple) -> tuple:
        score = row[ranked]
        return (math.isnan(score), -score if not math.isnan(score) else 0.0, row[0], row[1])

    rows.sort(key=order)
    return rows


def collocation_table(
    documents: Sequence[AnalyzedDocument], measure: str = "llr", window: tuple[int, int] | None = None,
    by: str = "lemma", lang: str | None = None, exclude_stopwords: bool = True,
    node: frozenset[str] = frozenset(), node_label: str = "", min_count: int = 1,
    top: int | None = None, group_by: str | None = None,
) -> pd.DataFrame:
    """The COLLOCATION_COLUMNS, ranked by `measure` (ties by w1, w2)."""
    import pandas as pd

    rows: list[tuple] = []
    for name, members in group_documents(documents, group_by).items():
        found = limit(
            collocation_rows(members, measure, window, by, lang, exclude_stopwords, node, node_label),
            min_count, top,
        )
        rows.extend((name, *row) if group_by else row for row in found)
    columns = ["group", *COLLOCATION_COLUMNS] if group_by else list(COLLOCATION_COLUMNS)
    return pd.DataFrame(rows, columns=columns)
