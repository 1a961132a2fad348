"""Precision and recall on our own annotated Persian and English texts (tests/data), written
from the conventions in the README; targets: precision >= 0.97, recall >= 0.95."""

from __future__ import annotations

import json

import pytest

from iranru.mentions.dates import find_dates
from iranru.mentions.places import find_places
from tests.conftest import ROOT

GOLD = [json.loads(line) for line in
        (ROOT / "tests" / "data" / "mentions_gold.jsonl").read_text(encoding="utf-8").splitlines()]


def located(text: str, items: list[list[str]]) -> set[tuple[int, int, str]]:
    """Gold mentions as (start, end, value or name), each surface found after the previous."""
    spans, position = set(), 0
    for surface, label, *_ in items:
        start = text.index(surface, position)
        spans.add((start, start + len(surface), label))
        position = start + len(surface)
    return spans


def scores(kind: str, lang: str) -> tuple[float, float]:
    true_positive = predicted = expected = 0
    for record in (r for r in GOLD if r["lang"] == lang):
        text = record["text"]
        gold = located(text, record[kind])
        if kind == "dates":
            got = {(m.start, m.end, m.value) for m in find_dates(text)}
        else:
            got = {(m.start, m.end, m.name_en) for m in find_places(text)}
        true_positive += len(gold & got)
        predicted += len(got)
        expected += len(gold)
    return true_positive / max(predicted, 1), true_positive / max(expected, 1)


@pytest.mark.parametrize("kind", ["dates", "places"])
@pytest.mark.parametrize("lang", ["fa", "en"])
def test_precision_and_recall_on_our_annotations(kind: str, lang: str) -> None:
    precision, recall = scores(kind, lang)
    print(f"{kind} {lang}: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.97 and recall >= 0.95
