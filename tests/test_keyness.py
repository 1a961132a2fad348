"""Keyness against hand calculations and the published chi-square critical values."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from iranru.analysis.keyness import (
    keyness_table,
    log_likelihood,
    log_ratio,
    p_value,
    uncompared_languages,
)


def test_log_likelihood_by_hand() -> None:
    # a = 20 in 1000 words, b = 5 in 1000: E = 1000·25/2000 = 12.5 each;
    # G² = 2(20 ln(20/12.5) + 5 ln(5/12.5)) = 2(9.400073 − 4.581454) = 9.637238
    assert log_likelihood(20, 5, 1000, 1000) == pytest.approx(9.637238, abs=1e-6)
    assert log_likelihood(5, 20, 1000, 1000) == pytest.approx(-9.637238, abs=1e-6)


def test_log_likelihood_unequal_sizes_by_hand() -> None:
    # a = 10 in 1000, b = 10 in 3000: E_a = 1000·20/4000 = 5, E_b = 15;
    # G² = 2(10 ln 2 + 10 ln(2/3)) = 20 ln(4/3) = 5.753641
    assert log_likelihood(10, 10, 1000, 3000) == pytest.approx(20 * math.log(4 / 3))


def test_zero_count_adds_nothing_to_g2_and_is_half_in_log_ratio() -> None:
    # b = 10 of 1000, a = 0 of 1000: G² = 2·10 ln(10/5) = 20 ln 2, keyword of B
    assert log_likelihood(0, 10, 1000, 1000) == pytest.approx(-20 * math.log(2))
    assert log_ratio(0, 10, 1000, 1000) == pytest.approx(math.log2(0.5 / 10))


def test_log_ratio_by_hand() -> None:
    assert log_ratio(20, 5, 1000, 1000) == 2.0  # four times as frequent: log2 4 (Hardie 2014)


@pytest.mark.parametrize(("g2", "p"), [(3.841459, 0.05), (6.634897, 0.01), (10.827566, 0.001),
                                      (15.136705, 0.0001)])
def test_p_values_at_rayson_critical_values(g2: float, p: float) -> None:
    assert p_value(g2) == pytest.approx(p, rel=1e-5)
    assert p_value(-g2) == pytest.approx(p, rel=1e-5)


def test_table_sorts_both_directions_by_magnitude() -> None:
    a = Counter({"tehran": 20, "moscow": 5, "oil": 3})
    b = Counter({"tehran": 5, "moscow": 30, "oil": 3})
    table = keyness_table(en(a), {"en": 1000}, en(b), {"en": 1000}, min_count=1)
    assert table["term"].tolist() == ["moscow", "tehran", "oil"]
    assert table.loc[0, "log_likelihood"] < 0 < table.loc[1, "log_likelihood"]
    assert table.loc[2, "log_likelihood"] == 0.0 and table.loc[2, "p_value"] == 1.0
    assert keyness_table(en(a), {"en": 1000}, en(b), {"en": 1000}, min_count=7)["term"].tolist() == [
        "moscow", "tehran"]
    assert table.loc[1, "per_10k_a"] == 200.0


def en(counts: Counter[str]) -> Counter[tuple[str, str]]:
    return Counter({(term, "en"): count for term, count in counts.items()})


def test_each_term_is_relative_to_the_words_of_its_own_language() -> None:
    # A: 10 of 1,000 Persian and 3 of 100 English words; B: 10 of 4,000 Persian, 1 of 100 English
    a = Counter({("روسیه", "fa"): 10, ("russia", "en"): 3})
    b = Counter({("روسیه", "fa"): 10, ("russia", "en"): 1})
    table = keyness_table(a, {"fa": 1000, "en": 100}, b, {"fa": 4000, "en": 100})
    rows = {row.lang: row for row in table.itertuples()}
    assert (rows["fa"].per_10k_a, rows["fa"].per_10k_b) == (100.0, 25.0)
    assert (rows["en"].per_10k_a, rows["en"].per_10k_b) == (300.0, 100.0)
    assert rows["fa"].log_likelihood == pytest.approx(log_likelihood(10, 10, 1000, 4000))


def test_a_language_one_side_lacks_is_left_out_and_named() -> None:
    a = Counter({("روسیه", "fa"): 10, ("russia", "en"): 3})
    b = Counter({("russia", "en"): 1})
    table = keyness_table(a, {"fa": 1000, "en": 100}, b, {"fa": 0, "en": 100})
    assert table[["term", "lang"]].values.tolist() == [["russia", "en"]]
    assert uncompared_languages({"fa": 1000, "en": 100}, {"fa": 0, "en": 100}) == ["fa"]
