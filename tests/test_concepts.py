"""The bilingual concept list: shipped data, user extension, per-document rates."""

from __future__ import annotations

from pathlib import Path

import pytest

from iranru.analysis.concepts import concept_counts, concept_rates, count_concepts, load_concepts
from iranru.errors import UsageError
from iranru.model import Document
from iranru.tokens import analyze_document
from tests.conftest import write


def analysed(name: str, text: str):  # type: ignore[no-untyped-def]
    return analyze_document(Document(name, name, text, "utf-8"))


def test_shipped_list_has_russia_in_both_languages() -> None:
    russia = next(concept for concept in load_concepts() if concept.name == "Russia")
    assert {("russia",), ("moscow",), ("soviet", "union"), ("روسیه",), ("شوروی",)} <= set(russia.terms)
    assert len(russia.terms[0]) == 2  # multi-word terms first, so the longest match wins


def test_counts_longest_match_once() -> None:
    concepts = load_concepts()
    doc = analysed("en.txt", "The Soviet Union and Moscow. Russia and Iran.")
    counts = count_concepts(doc.words, concepts)
    assert counts["Russia"] == 3  # "Soviet Union" once, not also "Soviet"
    assert counts["Iran"] == 1


def test_persian_and_english_on_the_same_row() -> None:
    fa = analysed("fa.txt", "روسیه و ایران. شوروی رفت و روسيه ماند.")  # 8 words, 3 Russia
    en = analysed("en.txt", "Russia met Iran.")  # 3 words, 1 Russia
    table = concept_rates([en, fa], load_concepts())
    assert list(table.columns) == ["concept", "per_10k_en.txt", "per_10k_fa.txt"]
    row = table.set_index("concept").loc["Russia"]
    assert row.tolist() == [pytest.approx(10_000 / 3), pytest.approx(3 / 8 * 10_000)]
    assert concept_counts([fa], load_concepts())[1] == 8


def test_user_file_extends_the_list(tmp_path: Path) -> None:
    extra = write(tmp_path / "mine.csv",
                  "concept,english,persian\nRussia,Muscovy,\nCaspian,Caspian Sea,خزر\n")
    concepts = load_concepts(extra)
    doc = analysed("en.txt", "Muscovy and the Caspian Sea.")
    assert count_concepts(doc.words, concepts) == {"Russia": 1, "Caspian": 1}


def test_a_file_without_the_columns_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        load_concepts(write(tmp_path / "bad.csv", "name,terms\nx,y\n"))
