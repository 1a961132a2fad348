"""Collocations against NLTK as the oracle, and logDice/MI3 by hand."""

from __future__ import annotations

import math

import pytest
from nltk.collocations import BigramCollocationFinder
from nltk.metrics import BigramAssocMeasures

from iranru.analysis.collocations import (
    MEASURES,
    collocation_rows,
    count_pairs,
    log_dice,
    mi3,
    parse_window,
)
from iranru.analysis.kwic import node_lemmas
from iranru.errors import UsageError
from iranru.model import Document
from iranru.tokens import analyze_document

TEXT = (
    "The islamic republic and the soviet union signed a treaty in the islamic republic capital "
    "while the soviet union watched the islamic republic and the treaty and the union"
)
DOC = analyze_document(Document("d.txt", "d.txt", TEXT, "utf-8"))  # one sentence
WORDS = [token.norm for token in DOC.words]
NLTK_NAMES = {"pmi": "pmi", "log_likelihood": "likelihood_ratio", "t_score": "student_t",
              "chi2": "chi_sq", "dice": "dice"}


@pytest.mark.parametrize("window", [(0, 1), (0, 2), (0, 4)])
def test_pair_counts_equal_nltk_finder(window: tuple[int, int]) -> None:
    pairs, _, _, _ = count_pairs([DOC], window, by="word", exclude_stopwords=False)
    finder = BigramCollocationFinder.from_words(WORDS, window_size=window[1] + 1)
    assert dict(pairs) == dict(finder.ngram_fd)


@pytest.mark.parametrize("window", [(0, 1), (0, 3), (2, 2)])
def test_every_measure_equals_nltk_for_the_same_counts(window: tuple[int, int]) -> None:
    rows = collocation_rows([DOC], "llr", window, by="word", exclude_stopwords=False)
    columns = ["w1", "w2", "count", "w1_count", "w2_count", "n",
               *(column for column, _ in MEASURES.values())]
    assert rows
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        marginals = (record["count"], (record["w1_count"], record["w2_count"]), record["n"])
        for column, name in NLTK_NAMES.items():
            expected = getattr(BigramAssocMeasures, name)(*marginals)
            assert record[column] == pytest.approx(expected, rel=1e-12), (column, row)


def test_adjacent_pairs_match_nltk_ranking_by_likelihood() -> None:
    # With adjacent pairs in one sentence, n = len(words) - 1 and the marginals are NLTK's
    # pair marginals, so our ranking by log-likelihood equals scoring NLTK's finder with them.
    rows = collocation_rows([DOC], "llr", (0, 1), by="word", exclude_stopwords=False)
    finder = BigramCollocationFinder.from_words(WORDS)
    assert rows[0][5] == len(WORDS) - 1 == finder.ngram_fd.N()
    assert (rows[0][0], rows[0][1]) == ("islamic", "republic")


def test_logdice_and_mi3_by_hand() -> None:
    # Rychlý (2008): 14 + log2(2·2 / (4 + 4)) = 13; Oakes: log2(2³·16 / (4·4)) = 3
    assert log_dice(2, 4, 4, 16) == 13.0
    assert mi3(2, 4, 4, 16) == 3.0
    assert log_dice(3, 3, 3, 100) == 14.0  # the maximum: the words only occur together


def test_stopword_pairs_are_counted_but_not_shown() -> None:
    rows = collocation_rows([DOC], "pmi")
    shown = {(row[0], row[1]) for row in rows}
    assert ("islamic", "republic") in shown and not any("the" in pair for pair in shown)
    assert rows[0][5] == len(WORDS) - 1  # n still counts every adjacent pair


def test_node_collocates_by_lemma_both_sides() -> None:
    persian = analyze_document(Document("fa.txt", "fa.txt", "ارتش روسیه و امپراتوری روسيه.", "utf-8"))
    rows = collocation_rows([persian], "llr", node=node_lemmas("روسیه"), node_label="روسیه")
    assert {row[0] for row in rows} == {"روسیه"}
    # روسيه with an Arabic yeh is the same lemma; و is a stopword and not shown
    assert sorted((row[1], row[2]) for row in rows) == [("ارتش", 1), ("امپراتوری", 1)]


def test_pairs_never_cross_documents_or_sentences() -> None:
    first = analyze_document(Document("a", "a", "Iran signed. Russia agreed", "utf-8"))
    second = analyze_document(Document("b", "b", "Moscow", "utf-8"))
    pairs, _, _, _ = count_pairs([first, second], (0, 1), exclude_stopwords=False)
    assert set(pairs) == {("iran", "sign"), ("russia", "agree")}


def test_ranking_is_by_the_chosen_measure_with_ties_by_words() -> None:
    rows = collocation_rows([DOC], "dice")
    scores = [row[10] for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert not any(math.isnan(score) for score in scores)


@pytest.mark.parametrize("text", ["1", "a,b", "0,0", "-1,2"])
def test_bad_windows(text: str) -> None:
    with pytest.raises(UsageError):
        parse_window(text)
