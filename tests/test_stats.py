"""Descriptive statistics, hand-computed on small documents."""

from __future__ import annotations

import pytest

from iranru import api
from iranru.analysis.stats import moving_average_ttr
from tests.conftest import CORPUS, write

ZWNJ = "\u200c"


def test_mattr_averages_every_window() -> None:
    # windows of 3: [a b a] = 2/3, [b a c] = 3/3 -> mean 5/6
    assert moving_average_ttr(["a", "b", "a", "c"], window=3) == pytest.approx(5 / 6)
    assert moving_average_ttr(["a", "a"], window=3) == 0.5  # shorter than a window: plain TTR
    assert moving_average_ttr([]) == 0.0


def test_stats_on_hand_checked_documents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "en.txt", "Russia and Iran. Russia won.")
    # the same plural with its ZWNJ once deleted and once turned into a space: one type after repair
    write(tmp_path / "fa.txt", "قدرتهای روسیه و قدرت های ایران.")
    report = api.stats([str(tmp_path)])
    rows = report.table.to_dict("records")
    assert rows == [
        {"doc": "en.txt", "language": "en", "title": "", "characters": 28, "tokens": 5,
         "types": 4, "lemmas": 4, "sentences": 2, "mean_sentence_length": 2.5, "ttr": 0.8,
         "mattr": 0.8, "stopword_share": 0.2, "top_terms": "russia; iran; win"},
        {"doc": "fa.txt", "language": "fa", "title": "", "characters": 31, "tokens": 5,
         "types": 4, "lemmas": 4, "sentences": 1, "mean_sentence_length": 5.0, "ttr": 0.8,
         "mattr": 0.8, "stopword_share": 0.2, "top_terms": "قدرت; ایران; روسیه"},
    ]
    assert report.footer is not None
    assert (report.footer["doc"], report.footer["tokens"], report.footer["types"],
            report.footer["sentences"], report.footer["language"]) == ("total", 10, 8, 3, "en+fa")


def test_corpus_stats_tag_languages_and_titles() -> None:
    table = api.stats([str(CORPUS)]).table
    assert list(table.columns) == [
        "doc", "language", "title", "characters", "tokens", "types", "lemmas", "sentences",
        "mean_sentence_length", "ttr", "mattr", "stopword_share", "top_terms",
    ]
    assert table[["doc", "language"]].values.tolist() == [
        ["en_foreign_policy_toward_russia_abstract.txt", "en"],
        ["en_rubin_2022_russia_iran_alliance.txt", "en"],
        ["fa_iran_russia_relations.txt", "fa"],
    ]
    assert table["characters"].tolist() == [9596, 24899, 2688]


def test_public_api_functions_survive_importing_same_named_submodules() -> None:
    import importlib

    import iranru

    importlib.import_module("iranru.tokens")
    importlib.import_module("iranru.normalize")
    assert callable(iranru.tokens) and callable(iranru.normalize)
    assert iranru.tokens([str(CORPUS / "fa_iran_russia_relations.txt")]).table.shape == (506, 10)
    assert iranru.normalize("میتوان") == "می\u200cتوان"


def test_keep_stopwords_lets_function_words_into_top_terms(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from iranru.settings import TokenOptions

    write(tmp_path / "en.txt", "The war and the peace and the treaty.")
    default = api.stats([str(tmp_path)]).table.loc[0, "top_terms"]
    kept = api.stats([str(tmp_path)], token_options=TokenOptions(keep_stopwords=True))
    assert default == "peace; treaty; war"
    assert kept.table.loc[0, "top_terms"] == "the; and; peace; treaty; war"
