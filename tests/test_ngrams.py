"""N-grams: counted inside sentences, stopwords at either edge dropped."""

from __future__ import annotations

import pytest

from iranru.analysis.ngrams import ngram_rows, ngram_table, parse_sizes
from iranru.errors import UsageError
from iranru.model import Document
from iranru.tokens import analyze_document

# sentence 1: russia and(stop) iran sign / sentence 2: iran sign treaty — 7 words
DOC = analyze_document(Document("d.txt", "d.txt", "Russia and Iran signed. Iran signed treaties.", "utf-8"))
OTHER = analyze_document(Document("e.txt", "e.txt", "Iran signed.", "utf-8"))


def test_bigrams_by_hand() -> None:
    assert ngram_rows([DOC]) == [
        ("iran sign", 2, 2, pytest.approx(2 / 7 * 10_000), 1),
        ("sign treaty", 2, 1, pytest.approx(1 / 7 * 10_000), 1),
    ]  # no "sign iran": n-grams never cross the full stop


def test_trigrams_keep_inner_stopwords() -> None:
    assert [row[0] for row in ngram_rows([DOC], (3,))] == ["iran sign treaty", "russia and iran"]


def test_keep_stopwords_and_words() -> None:
    grams = [row[0] for row in ngram_rows([DOC], (2,), by="word", exclude_stopwords=False)]
    assert grams == ["iran signed", "and iran", "russia and", "signed treaties"]


def test_never_across_documents_and_docs_column() -> None:
    table = ngram_table([DOC, OTHER], (2, 3), top=2)
    assert table.values.tolist() == [
        ["iran sign", 2, 3, pytest.approx(3 / 9 * 10_000), 2],
        ["sign treaty", 2, 1, pytest.approx(1 / 9 * 10_000), 1],
    ]


@pytest.mark.parametrize(("text", "sizes"), [("2", (2,)), ("2..5", (2, 3, 4, 5)), ("3-4", (3, 4))])
def test_parse_sizes(text: str, sizes: tuple[int, ...]) -> None:
    assert parse_sizes(text) == sizes


@pytest.mark.parametrize("text", ["1", "2..6", "x", "4..3"])
def test_bad_sizes(text: str) -> None:
    with pytest.raises(UsageError):
        parse_sizes(text)
