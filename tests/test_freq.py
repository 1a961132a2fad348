"""Frequencies, range and Gries' DP against hand-computed values on small texts."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from iranru.analysis.freq import frequency_by_group, frequency_rows, frequency_table, gries_dp
from iranru.model import AnalyzedDocument, Document
from iranru.tokens import analyze_document
from tests.conftest import CORPUS


def doc(name: str, text: str, **meta: str) -> AnalyzedDocument:
    return analyze_document(Document(name, name, text, "utf-8", meta))


# 5 words (and = stopword): russia and iran russia sign / 6 words: iran sign a treaty with russia
ONE = doc("one.txt", "Russia and Iran. Russia signed.", kind="news")
TWO = doc("two.txt", "Iran signed a treaty with Russia.", kind="essay")


@pytest.mark.parametrize(
    ("counts", "sizes", "expected"),
    [
        ([5, 5], [10, 10], 0.0),  # spread exactly like the parts
        ([4, 0], [10, 30], 1.0),  # all in the smallest part: DP 0.75, / (1 - 0.25)
        ([0, 4], [10, 30], 1 / 3),  # all in the big part: DP 0.25, / 0.75
        ([2, 1], [5, 6], 7 / 18),  # russia in ONE and TWO: DP 7/33, / (1 - 5/11)
        ([0, 1], [5, 6], 5 / 6),  # treaty: DP 5/11, / (6/11)
    ],
)
def test_gries_dp_by_hand(counts: list[int], sizes: list[int], expected: float) -> None:
    assert gries_dp(counts, sizes) == pytest.approx(expected)


def test_dp_is_undefined_with_one_part() -> None:
    assert math.isnan(gries_dp([3], [10]))


def test_frequency_rows_by_hand() -> None:
    rows = {row[0]: row for row in frequency_rows([ONE, TWO])}
    assert set(rows) == {"russia", "iran", "sign", "treaty"}  # and, a, with are stopwords
    assert rows["russia"] == ("russia", "en", 3, pytest.approx(3 / 11 * 10_000), 2, pytest.approx(7 / 18))
    assert rows["treaty"][2:] == (1, pytest.approx(10_000 / 11), 1, pytest.approx(5 / 6))
    assert [row[0] for row in frequency_rows([ONE, TWO])] == ["russia", "iran", "sign", "treaty"]


def test_a_lone_document_is_cut_into_ten_equal_parts() -> None:
    # ten words, one per part; "tabriz" only in the first part: DP 0.9, normalised 1
    lone = doc("lone.txt", "Tabriz Qazvin Rasht Shiraz Yazd Kerman Ahvaz Sari Zanjan Arak.")
    rows = {row[0]: row for row in frequency_rows([lone])}
    assert rows["tabriz"][5] == pytest.approx(1.0)


def test_words_and_stopwords_options() -> None:
    by_word = {row[0] for row in frequency_rows([ONE, TWO], by="word", exclude_stopwords=False)}
    assert {"signed", "and", "a", "with"} <= by_word


def test_language_filter_and_rates() -> None:
    mixed = doc("mixed.txt", "Russia روسیه روسیه.")
    assert [(row[0], row[1], row[2], row[3]) for row in frequency_rows([mixed], lang="fa")] == [
        ("روسیه", "fa", 2, 10_000.0),
    ]


def test_grouped_table_min_count_and_top() -> None:
    table = frequency_table([ONE, TWO], group_by="kind", min_count=1, top=1)
    assert list(table.columns) == ["group", "term", "lang", "count", "per_10k", "docs", "dispersion"]
    assert table[["group", "term", "count"]].values.tolist() == [["essay", "iran", 1], ["news", "russia", 2]]
    assert frequency_table([ONE, TWO], min_count=2)["term"].tolist() == ["russia", "iran", "sign"]


def test_per_doc_wide_table() -> None:
    table = frequency_by_group([ONE, TWO])
    assert list(table.columns) == ["term", "lang", "count", "one.txt", "two.txt"]
    assert table.values.tolist() == [
        ["russia", "en", 3, 2, 1], ["iran", "en", 2, 1, 1], ["sign", "en", 2, 1, 1],
        ["treaty", "en", 1, 0, 1],
    ]


def test_dispersion_of_an_even_spread_is_exactly_zero_and_equals_gries_dp() -> None:
    """DP is summed over the parts containing a term; rounding hides the other order's 1e-16."""
    even = [doc(f"d{number}.txt", "cat dog cat dog cat dog") for number in range(3)]
    assert {row[0]: row[5] for row in frequency_rows(even)} == {"cat": 0.0, "dog": 0.0}
    assert {row[0]: row[5] for row in frequency_rows([doc("lone.txt", "cat " * 10)])} == {"cat": 0.0}
    uneven = [doc("a.txt", "cat dog dog bird"), doc("b.txt", "cat cat fish"), doc("c.txt", "dog")]
    sizes = [4, 3, 1]
    expected = {"cat": gries_dp([1, 2, 0], sizes), "dog": gries_dp([2, 0, 1], sizes),
                "bird": gries_dp([1, 0, 0], sizes), "fish": gries_dp([0, 1, 0], sizes)}
    assert {row[0]: row[5] for row in frequency_rows(uneven)} == expected


@pytest.mark.parametrize("by", ["lemma", "word"])
@pytest.mark.parametrize("lang", [None, "fa", "en"])
@pytest.mark.parametrize("group_by", [None, "language", "doc"])
def test_word_counts_give_the_rows_of_token_tables(by: str, lang: str | None, group_by: str | None) -> None:
    """`freq` over several documents counts words without token tables: same table, DP of a
    group of one document included (it is analysed again for its parts); also when the
    documents share one vocabulary, as workers send them (its types then span groups)."""
    from iranru.engine.state import with_one_vocabulary
    from iranru.ingest import read_documents
    from iranru.model import WordCounts
    from iranru.tokens import analyze_document
    from iranru.wordcounts import CountingState, count_words

    documents, _ = read_documents([str(CORPUS)])
    tables = [analyze_document(document) for document in documents]
    state = CountingState()  # as one process counts them: over its one vocabulary
    counts = [count_words(document, None, None, state) for document in documents]
    shared = [WordCounts(counted.document, *sent)
              for counted, sent in zip(counts, with_one_vocabulary(counts), strict=True)]
    assert [counted.columns for counted in shared] == [counted.columns for counted in counts]
    assert len({id(counted.vocabulary) for counted in shared}) == 1
    for exclude in (True, False):
        expected = frequency_table(tables, by, lang, exclude, group_by=group_by)
        for word_counts in (counts, shared):
            found = frequency_table(word_counts, by, lang, exclude, group_by=group_by,
                                    analyse_lone=analyze_document)
            assert found.equals(expected)
            assert len(found) > 100


@pytest.mark.parametrize("max_types", [1 << 20, 500])
def test_word_counts_over_a_process_vocabulary_that_grows_or_restarts(
    max_types: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Documents counted in this process, one at a time as `--jobs 1` streams them, share its
    vocabulary while it grows; once it holds `max_types` types it starts afresh, and the
    documents of either vocabulary, sent together, still count as their token tables do."""
    from iranru import wordcounts
    from iranru.engine.state import with_one_vocabulary
    from iranru.ingest import read_documents
    from iranru.model import WordCounts
    from iranru.tokens import analyze_document

    state = wordcounts.CountingState()
    monkeypatch.setattr(wordcounts, "MAX_TYPES", max_types)
    documents, _ = read_documents([str(CORPUS)])
    documents = documents * 2  # the second round is counted from the caches
    tables = [analyze_document(document) for document in documents]
    expected = frequency_table(tables, "lemma", None, True, group_by="doc")
    grown: list[WordCounts] = []

    def counted_one_by_one() -> Iterator[WordCounts]:
        for document in documents:
            grown.append(wordcounts.count_words(document, None, None, state))
            yield grown[-1]

    found = frequency_table(counted_one_by_one(), "lemma", None, True, group_by="doc",
                            analyse_lone=analyze_document)
    assert found.equals(expected)
    vocabularies = {id(counted.vocabulary) for counted in grown}
    # At 500 types it starts afresh before each document but the second abstract (522 types),
    # which follows the Persian document (285 types).
    assert len(vocabularies) == (1 if max_types > 500 else 5)
    shared = [WordCounts(counted.document, *sent)
              for counted, sent in zip(grown, with_one_vocabulary(grown), strict=True)]
    assert [counted.columns for counted in shared] == [counted.columns for counted in grown]
    assert len({id(counted.vocabulary) for counted in shared}) == 1
    assert frequency_table(shared, "lemma", None, True, group_by="doc").equals(expected)
